// The escalation inbox: raise (routed by the workflow), acknowledge and resolve.
import { useState, type FormEvent } from "react";
import { Constants, type EscalationRow, type McError, type TaskRow } from "@mission-control/sdk";
import { useCockpit, useData } from "../data/DataContext";
import { ErrorLine, useAction, useLoad } from "../components/Common";

type Trigger = (typeof Constants.public.Enums.escalation_trigger)[number];

export function Escalations() {
  const { client: mc, company } = useCockpit();
  const roster = useData().getAllAgents();
  const [error, setError] = useState<McError | null>(null);
  const run = useAction(setError);
  const companyId = company?.id ?? "";
  const [list, , reload] = useLoad<EscalationRow[]>(() => mc.from("escalations").select("*").eq("company_id", companyId).order("created_at", { ascending: false }), [mc, companyId]);
  const [tasks] = useLoad<TaskRow[]>(() => mc.from("tasks").select("*").eq("company_id", companyId).in("status", ["PENDING", "IN_PROGRESS"]), [mc, companyId, list]);
  const name = (id: string) => roster.find((a) => a.id === id)?.name ?? id;
  const raise = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const task = String(f.get("task") || "");
    await run(mc.escalations.raise({ from_agent_id: String(f.get("from")), trigger: f.get("trigger") as Trigger, context: String(f.get("context")), impact: String(f.get("impact")), recommendation: String(f.get("recommendation")), related_task_id: task || null }));
    reload();
  };
  return (
    <div data-testid="escalations">
      <h2>Escalation inbox</h2>
      <form className="stack panel" onSubmit={raise} data-testid="raise-form">
        <div className="row">
          <select name="from" className="medium">{roster.filter((a) => a.tier > 1).map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}</select>
          <select name="trigger" className="medium">{Constants.public.Enums.escalation_trigger.map((t) => <option key={t}>{t}</option>)}</select>
          <select name="task" className="medium"><option value="">no related task</option>{(tasks ?? []).map((t) => <option key={t.id} value={t.id}>{t.title}</option>)}</select>
        </div>
        <input name="context" placeholder="Context" required />
        <input name="impact" placeholder="Impact" required />
        <input name="recommendation" placeholder="Recommendation" required />
        <button className="primary" type="submit">Raise</button>
      </form>
      <ErrorLine error={error} />
      {(list ?? []).map((x) => (
        <div key={x.id} className={`panel escalation s-${x.status}`} data-testid={`escalation-${x.trigger}`}>
          <div><strong>{x.trigger}</strong> <span className="muted">{x.type} · {name(x.from_agent_id)} → {name(x.to_agent_id)} · <span data-testid="escalation-status">{x.status}</span></span></div>
          <div>{x.context}</div>
          {x.resolution && <div className="muted">Resolution: {x.resolution}</div>}
          <div className="row">
            {x.status === "PENDING" && <button onClick={async () => { await run(mc.escalations.acknowledge(x.id)); reload(); }}>acknowledge</button>}
            {x.status !== "RESOLVED" && <button onClick={async () => { await run(mc.escalations.resolve(x.id, prompt("Resolution?") ?? "")); reload(); }}>resolve</button>}
          </div>
        </div>
      ))}
      {list?.length === 0 && <p className="muted">No escalations.</p>}
    </div>
  );
}
