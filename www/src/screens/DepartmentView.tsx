// L3, a department (getDepartmentDetail): health detail, chief, quick stats, key metrics,
// recent pulses, and its agents grouped by tier (each opens the agent's detail).
import { useEffect } from "react";
import { useData, useDataSource } from "../data/DataContext";
import type { Go } from "../route";
import { Breadcrumb, Section, relativeTime } from "../components/Common";
import { HealthDot, Trend } from "../components/Health";
import { AgentRoster } from "../components/Agents";

export function DepartmentView({ id, go }: { id: string; go: Go }) {
  const data = useData();
  const source = useDataSource();
  // Reading through the provider (not the snapshot) fetches the department's newest pulses once.
  useEffect(() => { void source.loadDepartment(id); }, [source, id]);
  const d = data.getDepartmentDetail(id);
  const crumbs = [{ label: "Cockpit", to: { screen: "global" as const } }, { label: "Organization", to: { screen: "org" as const } }];
  if (!d) {
    return (
      <div className="zoom" data-testid="department-missing">
        <Breadcrumb parts={[...crumbs, { label: "Not found" }]} />
        <h2>Department not found</h2>
        <button onClick={() => go({ screen: "global" })}>Back to the cockpit</button>
      </div>
    );
  }
  // Newest first whatever order the answer came in.
  const pulses = [...d.recentPulses].sort((a, b) => Date.parse(b.completedAt) - Date.parse(a.completedAt));
  const quick: [string, number, string][] = [["Headcount", d.headcount, "headcount"], ["Open tasks", d.openTasks, "open"], ["Completed", d.completedTasks, "completed"], ["Blockers", d.activeBlockers, "blockers"]];
  return (
    <div className="zoom" data-testid="department-view">
      <Breadcrumb parts={[...crumbs, { label: d.name }]} />
      <div className="zoom-head">
        <div className="tile-head">
          <HealthDot health={d.health} size="lg" />
          <h2>{d.name}</h2>
          <span className="badge normal" data-testid="department-type">{d.type}</span>
        </div>
        <p className="subtitle" data-testid="health-detail">{d.healthDetail}</p>
        <p className="muted" data-testid="chief">
          {d.chiefName ? <>Led by <a className="link" onClick={() => d.chiefId && go({ screen: "agent", id: d.chiefId })}>{d.chiefName}</a></> : "No chief"}
        </p>
      </div>
      <div className="detail-grid">
        <div className="detail-main">
          <Section title="Key metrics" testid="key-metrics">
            {d.keyMetrics.length === 0 && <p className="muted">No key metrics recorded.</p>}
            <div className="summary-cards">
              {d.keyMetrics.map((m) => (
                <div key={m.label} className="panel summary-card" data-testid="key-metric">
                  <span className="stat-label">{m.label}</span>
                  <span className="stat-value">{m.value} <Trend trend={m.trend} /></span>
                </div>
              ))}
            </div>
          </Section>
          <Section title="Team" subtitle={`${d.headcount} active agents`}>
            <AgentRoster agents={d.agents} open={(agent) => go({ screen: "agent", id: agent })} />
          </Section>
        </div>
        <aside className="detail-side">
          <Section title="Quick stats" testid="quick-stats">
            <div className="panel quick">
              {quick.map(([label, value, key]) => (
                <div key={key} className="quick-row"><span className="muted">{label}</span><span className="mono" data-testid={`quick-${key}`}>{value}</span></div>
              ))}
            </div>
          </Section>
          <Section title="Recent pulses" testid="recent-pulses">
            <div className="panel pulses">
              {pulses.length === 0 && <p className="muted">No pulses yet.</p>}
              {pulses.map((p) => (
                <div key={p.id} className="quick-row" data-testid="pulse">
                  <span><HealthDot health={p.status === "FAILED" ? "red" : "green"} size="sm" /> {p.agentName}</span>
                  <span className="muted small">{p.status === "FAILED" ? "FAILED" : `${p.actionCount} action${p.actionCount === 1 ? "" : "s"}`} · {relativeTime(p.completedAt)}</span>
                </div>
              ))}
            </div>
          </Section>
        </aside>
      </div>
    </div>
  );
}
