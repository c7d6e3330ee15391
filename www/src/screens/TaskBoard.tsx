// The task board: tasks of the company by status; the buttons drive the task workflows.
import { useState, type FormEvent } from "react";
import { Constants, type McError, type McResult, type TaskRow } from "@mission-control/sdk";
import { useCockpit, useData } from "../data/DataContext";
import { ErrorLine, useAction, useLoad } from "../components/Common";

const COLUMNS = Constants.public.Enums.task_status;

export function TaskBoard() {
  const { client: mc, company } = useCockpit();
  const roster = useData().getAllAgents();
  const [error, setError] = useState<McError | null>(null);
  const run = useAction(setError);
  const companyId = company?.id ?? "";
  const [tasks, loadError, reload] = useLoad<TaskRow[]>(() => mc.from("tasks").select("*").eq("company_id", companyId).order("created_at"), [mc, companyId]);
  const create = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const res = await mc.from("tasks").insert({ company_id: companyId, title: String(f.get("title")), assignee_id: String(f.get("assignee")), assigned_by: company?.ceo_id ?? "" }).select().single();
    setError(res.error);
    form.reset();
    reload();
  };
  const act = async (p: PromiseLike<McResult<TaskRow>>) => { await run(p); reload(); };
  return (
    <div data-testid="task-board">
      <h2>Task board</h2>
      <form className="row panel" onSubmit={create} data-testid="new-task">
        <input name="title" placeholder="New task" required className="wide" />
        <select name="assignee" className="medium">{roster.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}</select>
        <button className="primary" type="submit">Add</button>
      </form>
      <ErrorLine error={error ?? loadError} />
      <div className="cols">
        {COLUMNS.map((c) => (
          <div key={c} className="column" data-testid={`column-${c}`}>
            <div className="group-label">{c} <span className="muted">({(tasks ?? []).filter((t) => t.status === c).length})</span></div>
            {(tasks ?? []).filter((t) => t.status === c).map((t) => (
              <div key={t.id} className="panel task" data-testid={`task-${t.title}`}>
                <div>{t.title}</div>
                <div className="muted small">{roster.find((a) => a.id === t.assignee_id)?.name ?? ""} · {t.priority}</div>
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
