import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from "react";
import { Constants, type McClient, type McCockpit, type McError, type McResult, type TaskRow, type EscalationRow, type ChatSessionRow, type ChatMessageRow, type McDepartmentView, type McAgentView } from "@mission-control/sdk";

type View = { tab: "global" } | { tab: "department"; id: string } | { tab: "agent"; id: string } | { tab: "tasks" } | { tab: "escalations" } | { tab: "chat"; agentId?: string };

/** Unwraps `{ data, error }`: the error goes to the page's error line. */
function useAction(setError: (e: McError | null) => void) {
  return useCallback(async <T,>(p: PromiseLike<McResult<T>>): Promise<T | null> => {
    const r = await p;
    setError(r.error);
    return r.error ? null : r.data;
  }, [setError]);
}

function ErrorLine({ error }: { error: McError | null }) {
  if (!error) return null;
  return <div className="error" data-testid="error">{error.code}: {error.message}{error.violations?.length ? ` (${error.violations.map((v) => `${v.field}: ${v.rule}`).join("; ")})` : ""}</div>;
}

export function App({ mc }: { mc: McClient }) {
  const [email, setEmail] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const { data } = mc.auth.onAuthStateChange((_event, session) => {
      setEmail(session ? session.user.email ?? "" : null);
      setReady(true);
    });
    return () => data.subscription.unsubscribe();
  }, [mc]);
  if (!ready) return <main className="muted">Loading…</main>;
  if (email === null) return <SignIn mc={mc} />;
  return <Cockpit mc={mc} email={email} />;
}

function SignIn({ mc }: { mc: McClient }) {
  const [error, setError] = useState<McError | null>(null);
  const [mode, setMode] = useState<"in" | "up">("in");
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const creds = { email: String(f.get("email")), password: String(f.get("password")) };
    const r = mode === "in" ? await mc.auth.signInWithPassword(creds) : await mc.auth.signUp(creds);
    setError(r.error);
  };
  return (
    <main>
      <h2>{mode === "in" ? "Sign in" : "Create an account"}</h2>
      <form className="stack card" onSubmit={submit} data-testid="auth-form">
        <label>Email <input name="email" type="email" required /></label>
        <label>Password <input name="password" type="password" required /></label>
        <div className="row">
          <button className="primary" type="submit">{mode === "in" ? "Sign in" : "Sign up"}</button>
          <a className="link" onClick={() => setMode(mode === "in" ? "up" : "in")} data-testid="switch-auth">{mode === "in" ? "New here? Sign up" : "Have an account? Sign in"}</a>
        </div>
      </form>
      <ErrorLine error={error} />
    </main>
  );
}

function Cockpit({ mc, email }: { mc: McClient; email: string }) {
  const [error, setError] = useState<McError | null>(null);
  const run = useAction(setError);
  const [cockpit, setCockpit] = useState<McCockpit | null | undefined>(undefined);
  const [view, setView] = useState<View>({ tab: "global" });
  const reload = useCallback(async () => setCockpit(await run(mc.cockpit.load())), [mc, run]);
  useEffect(() => { void reload(); }, [reload]);
  if (cockpit === undefined) return <main className="muted">Loading the cockpit…</main>;
  const header = (
    <header>
      <h1>Mission Control{cockpit ? ` · ${cockpit.company.name}` : ""}</h1>
      {cockpit && <nav>
        {(["global", "tasks", "escalations", "chat"] as const).map((t) => (
          <button key={t} className={view.tab === t ? "on" : ""} data-testid={`nav-${t}`} onClick={() => { setView({ tab: t } as View); void reload(); }}>{t === "global" ? "Global" : t[0].toUpperCase() + t.slice(1)}</button>
        ))}
      </nav>}
      <span className="who">{email} · <a className="link" style={{ color: "#cfd8ee" }} onClick={() => void mc.auth.signOut()} data-testid="sign-out">sign out</a></span>
    </header>
  );
  if (cockpit === null) return <>{header}<Onboarding mc={mc} done={reload} /></>;
  return (
    <>
      {header}
      <main>
        <ErrorLine error={error} />
        {view.tab === "global" && <Global cockpit={cockpit} go={setView} />}
        {view.tab === "department" && <Department mc={mc} id={view.id} go={setView} />}
        {view.tab === "agent" && <Agent mc={mc} id={view.id} go={setView} />}
        {view.tab === "tasks" && <TaskBoard mc={mc} cockpit={cockpit} />}
        {view.tab === "escalations" && <Escalations mc={mc} cockpit={cockpit} />}
        {view.tab === "chat" && <Chat mc={mc} cockpit={cockpit} agentId={view.agentId} />}
      </main>
    </>
  );
}

function Onboarding({ mc, done }: { mc: McClient; done: () => Promise<void> }) {
  const [error, setError] = useState<McError | null>(null);
  const run = useAction(setError);
  const types = Constants.public.Enums.department_type;
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const list = (k: string) => String(f.get(k) ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    const departments = types.filter((t) => f.get(`dept-${t}`)).map((t) => ({ type: t, chief: { name: String(f.get(`chief-${t}`) || `${t[0]}${t.slice(1).toLowerCase()} chief`), role: `Chief ${t[0]}${t.slice(1).toLowerCase()} Officer` } }));
    const input = { company: { name: String(f.get("name")), mission: String(f.get("mission")), vision: String(f.get("vision")), values: list("values"), strategic_priorities: list("priorities") }, ceo: { name: String(f.get("ceo")) }, departments };
    // The plan carries a UUID per row: kept across a retry, a second run completes the first.
    const saved = sessionStorage.getItem("mc-onboarding-plan");
    const plan = saved ? JSON.parse(saved) : await run(mc.onboarding.plan(input));
    if (!plan) return;
    sessionStorage.setItem("mc-onboarding-plan", JSON.stringify({ ...plan, company: { ...plan.company, ...input.company }, ceo: { ...plan.ceo, ...input.ceo } }));
    if (await run(mc.onboarding.run(JSON.parse(sessionStorage.getItem("mc-onboarding-plan")!)))) {
      sessionStorage.removeItem("mc-onboarding-plan");
      await done();
    }
  };
  return (
    <main>
      <h2>Set up your company</h2>
      <form className="stack card" onSubmit={submit} data-testid="onboarding-form">
        <label>Company name <input name="name" required /></label>
        <label>Mission <input name="mission" /></label>
        <label>Vision <input name="vision" /></label>
        <label>Values (3–5, comma-separated) <input name="values" /></label>
        <label>Strategic priorities (3–5, comma-separated) <input name="priorities" /></label>
        <label>CEO name <input name="ceo" required /></label>
        <fieldset><legend>Departments and their chiefs</legend>
          {types.map((t) => (
            <div className="row" key={t}>
              <label className="row" style={{ width: "12rem" }}><input type="checkbox" name={`dept-${t}`} style={{ width: "auto" }} defaultChecked={t === "TECHNOLOGY" || t === "FINANCE"} /> {t}</label>
              <input name={`chief-${t}`} placeholder="chief's name" style={{ width: "14rem" }} />
            </div>
          ))}
        </fieldset>
        <button className="primary" type="submit" data-testid="onboard">Create the company</button>
      </form>
      <ErrorLine error={error} />
    </main>
  );
}

function Global({ cockpit, go }: { cockpit: McCockpit; go: (v: View) => void }) {
  return (
    <>
      <h2>Global view <span className="muted">({cockpit.company.status})</span></h2>
      <div className="grid" data-testid="regions">
        {cockpit.regions.map((r) => (
          <div key={r.type} className={`card ${r.health}`} data-testid={`region-${r.type}`}>
            <strong>{r.type}</strong>
            <div className="muted">{r.health} · {r.attention} need attention</div>
          </div>
        ))}
      </div>
      <h3>Organization</h3>
      <div className="grid" data-testid="departments">
        {cockpit.departments.map((d) => (
          <div key={d.id} className={`card ${d.health}`} data-testid={`dept-${d.type}`}>
            <a className="link" onClick={() => go({ tab: "department", id: d.id })}>{d.type}</a>
            <div className="muted">chief: {d.chief?.name ?? "—"}</div>
            <div className="muted">{d.headcount} people · {d.openItems} open · {d.risks} risks</div>
          </div>
        ))}
      </div>
      <h3>Roster</h3>
      <div className="card">
        {cockpit.roster.map((a) => (
          <div key={a.id} className="row"><a className="link" onClick={() => go({ tab: "agent", id: a.id })} data-testid={`agent-${a.name}`}>{a.name}</a><span className="muted">tier {a.tier} · {a.role} · {a.status} · {a.activeTasks} active tasks</span></div>
        ))}
      </div>
    </>
  );
}

function useLoad<T>(load: () => PromiseLike<McResult<T>>, deps: unknown[]): [T | null, McError | null, () => void] {
  const [state, setState] = useState<[T | null, McError | null]>([null, null]);
  const [n, setN] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => { void Promise.resolve(load()).then((r) => setState([r.data, r.error])); }, [...deps, n]);
  return [state[0], state[1], () => setN((x) => x + 1)];
}

function Department({ mc, id, go }: { mc: McClient; id: string; go: (v: View) => void }) {
  const [d, error] = useLoad<McDepartmentView>(() => mc.cockpit.department(id), [mc, id]);
  if (!d) return <ErrorLine error={error} />;
  return (
    <div data-testid="department-view">
      <h2>{d.department.type} <span className="muted">chief: {d.chief?.name ?? "—"}</span></h2>
      <div className="grid">
        <Section title={`Agents (${d.agents.length})`}>{d.agents.map((a) => <div key={a.id}><a className="link" onClick={() => go({ tab: "agent", id: a.id })}>{a.name}</a> <span className="muted">tier {a.tier}</span></div>)}</Section>
        <Section title={`Open tasks (${d.openTasks.length})`}>{d.openTasks.map((t) => <div key={t.id}>{t.title} <span className="muted">{t.status}</span></div>)}</Section>
        <Section title={`Completed (${d.completedTasks.length})`}>{d.completedTasks.map((t) => <div key={t.id}>{t.title}</div>)}</Section>
        <Section title={`Blockers (${d.blockers.length})`}>{d.blockers.map((b) => <div key={b.id}>{"title" in b ? b.title : b.trigger}</div>)}</Section>
        <Section title="Recent pulses">{d.recentPulses.map((p) => <div key={p.id}>{p.agentName}: {p.status} · {p.actionCount} actions</div>)}</Section>
      </div>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return <div className="card"><strong>{title}</strong>{children}</div>;
}

function Agent({ mc, id, go }: { mc: McClient; id: string; go: (v: View) => void }) {
  const [a, error] = useLoad<McAgentView>(() => mc.cockpit.agent(id), [mc, id]);
  if (!a) return <ErrorLine error={error} />;
  return (
    <div data-testid="agent-view">
      <h2>{a.agent.name} <span className="muted">{a.agent.role} · tier {a.agent.tier} · {a.agent.status}</span></h2>
      <p>Reports to: {a.reportsToName ?? "—"} · Inbox: <span data-testid="inbox">{a.inboxCount}</span> unread</p>
      <Section title={`Active tasks (${a.activeTasks.length})`}>{a.activeTasks.map((t) => <div key={t.id}>{t.title} <span className="muted">{t.status}</span></div>)}</Section>
      <p><button onClick={() => go({ tab: "chat", agentId: a.agent.id })} data-testid="chat-with">Chat with {a.agent.name}</button></p>
    </div>
  );
}

const COLUMNS = Constants.public.Enums.task_status;

function TaskBoard({ mc, cockpit }: { mc: McClient; cockpit: McCockpit }) {
  const [error, setError] = useState<McError | null>(null);
  const run = useAction(setError);
  const [tasks, , reload] = useLoad<TaskRow[]>(() => mc.from("tasks").select("*").eq("company_id", cockpit.company.id).order("created_at"), [mc, cockpit.company.id]);
  const ceo = cockpit.company.ceo_id!;
  const create = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const res = await mc.from("tasks").insert({ company_id: cockpit.company.id, title: String(f.get("title")), assignee_id: String(f.get("assignee")), assigned_by: ceo }).select().single();
    setError(res.error);
    e.currentTarget?.reset?.();
    reload();
  };
  const act = async (p: PromiseLike<McResult<TaskRow>>) => { await run(p); reload(); };
  return (
    <div data-testid="task-board">
      <h2>Task board</h2>
      <form className="row card" onSubmit={create} data-testid="new-task">
        <input name="title" placeholder="New task" required style={{ width: "20rem" }} />
        <select name="assignee" style={{ width: "14rem" }}>{cockpit.roster.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}</select>
        <button className="primary" type="submit">Add</button>
      </form>
      <ErrorLine error={error} />
      <div className="cols">
        {COLUMNS.map((c) => (
          <div key={c} data-testid={`column-${c}`}>
            <strong>{c}</strong>
            {(tasks ?? []).filter((t) => t.status === c).map((t) => (
              <div key={t.id} className="card" data-testid={`task-${t.title}`} style={{ margin: ".4rem 0" }}>
                <div>{t.title}</div>
                {t.blocked_reason && <div className="muted">{t.blocked_reason}</div>}
                <div className="row">
                  {c === "PENDING" && <button onClick={() => act(mc.tasks.start(t.id))}>start</button>}
                  {(c === "PENDING" || c === "IN_PROGRESS") && <button onClick={() => act(mc.tasks.block(t.id, prompt("Why is it blocked?") ?? ""))}>block</button>}
                  {c === "BLOCKED" && <button onClick={() => act(mc.tasks.unblock(t.id))}>unblock</button>}
                  {c === "IN_PROGRESS" && <button onClick={() => act(mc.tasks.complete(t.id))}>complete</button>}
                  {c !== "COMPLETE" && c !== "CANCELLED" && <button onClick={() => act(mc.tasks.cancel(t.id))}>cancel</button>}
                </div>
              </div>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

function Escalations({ mc, cockpit }: { mc: McClient; cockpit: McCockpit }) {
  const [error, setError] = useState<McError | null>(null);
  const run = useAction(setError);
  const [list, , reload] = useLoad<EscalationRow[]>(() => mc.from("escalations").select("*").eq("company_id", cockpit.company.id).order("created_at", { ascending: false }), [mc, cockpit.company.id]);
  const [tasks] = useLoad<TaskRow[]>(() => mc.from("tasks").select("*").eq("company_id", cockpit.company.id).in("status", ["PENDING", "IN_PROGRESS"]), [mc, cockpit.company.id, list]);
  const name = (id: string) => cockpit.roster.find((a) => a.id === id)?.name ?? id;
  const raise = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const task = String(f.get("task") || "");
    await run(mc.escalations.raise({ from_agent_id: String(f.get("from")), trigger: f.get("trigger") as (typeof Constants.public.Enums.escalation_trigger)[number], context: String(f.get("context")), impact: String(f.get("impact")), recommendation: String(f.get("recommendation")), related_task_id: task || null }));
    reload();
  };
  return (
    <div data-testid="escalations">
      <h2>Escalation inbox</h2>
      <form className="stack card" onSubmit={raise} data-testid="raise-form">
        <div className="row">
          <select name="from">{cockpit.roster.filter((a) => a.tier > 1).map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}</select>
          <select name="trigger">{Constants.public.Enums.escalation_trigger.map((t) => <option key={t}>{t}</option>)}</select>
          <select name="task"><option value="">no related task</option>{(tasks ?? []).map((t) => <option key={t.id} value={t.id}>{t.title}</option>)}</select>
        </div>
        <input name="context" placeholder="Context" required />
        <input name="impact" placeholder="Impact" required />
        <input name="recommendation" placeholder="Recommendation" required />
        <button className="primary" type="submit">Raise</button>
      </form>
      <ErrorLine error={error} />
      {(list ?? []).map((x) => (
        <div key={x.id} className="card" style={{ margin: ".5rem 0" }} data-testid={`escalation-${x.trigger}`}>
          <div><strong>{x.trigger}</strong> <span className="muted">{x.type} · {name(x.from_agent_id)} → {name(x.to_agent_id)} · <span data-testid="escalation-status">{x.status}</span></span></div>
          <div>{x.context}</div>
          {x.resolution && <div className="muted">Resolution: {x.resolution}</div>}
          <div className="row">
            {x.status === "PENDING" && <button onClick={async () => { await run(mc.escalations.acknowledge(x.id)); reload(); }}>acknowledge</button>}
            {x.status !== "RESOLVED" && <button onClick={async () => { await run(mc.escalations.resolve(x.id, prompt("Resolution?") ?? "")); reload(); }}>resolve</button>}
          </div>
        </div>
      ))}
    </div>
  );
}

function Chat({ mc, cockpit, agentId }: { mc: McClient; cockpit: McCockpit; agentId?: string }) {
  const [error, setError] = useState<McError | null>(null);
  const run = useAction(setError);
  const [agent, setAgent] = useState(agentId ?? cockpit.roster.find((a) => !a.human)?.id ?? "");
  const [sessions, , reloadSessions] = useLoad<ChatSessionRow[]>(() => mc.from("chat_sessions").select("*").eq("agent_id", agent).eq("status", "ACTIVE"), [mc, agent]);
  const session = sessions?.[0];
  const [messages, , reloadMessages] = useLoad<ChatMessageRow[]>(() => session ? mc.from("chat_messages").select("*").eq("session_id", session.id).order("sent_at") : Promise.resolve({ data: [], error: null }), [mc, session?.id]);
  const send = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!session) return;
    const form = e.currentTarget;
    const content = String(new FormData(form).get("content"));
    await run(mc.chat.send(session.id, { role: "USER", content }));
    form.reset();
    reloadMessages();
  };
  return (
    <div data-testid="chat">
      <h2>Chat</h2>
      <div className="row">
        <select value={agent} onChange={(e) => setAgent(e.target.value)} style={{ width: "16rem" }} data-testid="chat-agent">{cockpit.roster.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}</select>
        {!session && <button className="primary" onClick={async () => { await run(mc.chat.open(agent)); reloadSessions(); }} data-testid="chat-open">Open a session</button>}
        {session && <button onClick={async () => { await run(mc.chat.close(session.id)); reloadSessions(); }} data-testid="chat-close">Close the session</button>}
      </div>
      <ErrorLine error={error} />
      {session && (
        <div className="card" style={{ marginTop: ".6rem" }} data-testid="chat-session">
          {(messages ?? []).map((m) => <div key={m.id} className={`bubble ${m.role}`}>{m.content}</div>)}
          <form className="row" onSubmit={send}>
            <input name="content" placeholder="Message" required />
            <button className="primary" type="submit">Send</button>
          </form>
        </div>
      )}
      {!session && <p className="muted" data-testid="chat-none">No active session.</p>}
    </div>
  );
}
