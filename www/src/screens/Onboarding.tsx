// The onboarding wizard: company, CEO, departments and their chiefs, in one workflow run.
import { useState, type FormEvent } from "react";
import { Constants, type McError, type McOnboardingPlan } from "@mission-control/sdk";
import { useCockpit } from "../data/DataContext";
import { ErrorLine, useAction } from "../components/Common";

const KEY = "mc-onboarding-plan";
const title = (t: string) => `${t[0]}${t.slice(1).toLowerCase()}`;

export function Onboarding() {
  const { client, reload } = useCockpit();
  const [error, setError] = useState<McError | null>(null);
  const run = useAction(setError);
  const types = Constants.public.Enums.department_type;
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const list = (k: string) => String(f.get(k) ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    const departments = types.filter((t) => f.get(`dept-${t}`)).map((t) => ({ type: t, chief: { name: String(f.get(`chief-${t}`) || `${title(t)} chief`), role: `Chief ${title(t)} Officer` } }));
    const input = { company: { name: String(f.get("name")), mission: String(f.get("mission")), vision: String(f.get("vision")), values: list("values"), strategic_priorities: list("priorities") }, ceo: { name: String(f.get("ceo")) }, departments };
    // The plan carries a UUID per row: kept across a retry, a second run completes the first.
    const saved = sessionStorage.getItem(KEY);
    const plan: McOnboardingPlan | null = saved ? JSON.parse(saved) : await run(client.onboarding.plan(input));
    if (!plan) return;
    const merged: McOnboardingPlan = { ...plan, company: { ...plan.company, ...input.company }, ceo: { ...plan.ceo, ...input.ceo } };
    sessionStorage.setItem(KEY, JSON.stringify(merged));
    if (await run(client.onboarding.run(merged))) {
      sessionStorage.removeItem(KEY);
      await reload();
    }
  };
  return (
    <main>
      <h2>Set up your company</h2>
      <form className="stack panel" onSubmit={submit} data-testid="onboarding-form">
        <label>Company name <input name="name" required /></label>
        <label>Mission <input name="mission" /></label>
        <label>Vision <input name="vision" /></label>
        <label>Values (3–5, comma-separated) <input name="values" /></label>
        <label>Strategic priorities (3–5, comma-separated) <input name="priorities" /></label>
        <label>CEO name <input name="ceo" required /></label>
        <fieldset><legend>Departments and their chiefs</legend>
          {types.map((t) => (
            <div className="row" key={t}>
              <label className="row check"><input type="checkbox" name={`dept-${t}`} defaultChecked={t === "TECHNOLOGY" || t === "FINANCE"} /> {t}</label>
              <input name={`chief-${t}`} placeholder="chief's name" className="chief" />
            </div>
          ))}
        </fieldset>
        <button className="primary" type="submit" data-testid="onboard">Create the company</button>
      </form>
      <ErrorLine error={error} />
    </main>
  );
}
