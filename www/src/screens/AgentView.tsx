// An agent (getAgentDetail): initials, health, tier, role, who it reports to, its inbox,
// performance signals and active tasks; a chat can be started from here.
import { useData } from "../data/DataContext";
import type { Go } from "../route";
import { Breadcrumb, Section, relativeTime } from "../components/Common";
import { HealthDot, Trend } from "../components/Health";
import { Avatar, TIER_LABELS } from "../components/Agents";

export function AgentView({ id, go }: { id: string; go: Go }) {
  const data = useData();
  const a = data.getAgentDetail(id);
  const dept = a?.departmentId ? data.getDepartmentDetail(a.departmentId) : undefined;
  const crumbs = [
    { label: "Cockpit", to: { screen: "global" as const } },
    { label: "Organization", to: { screen: "org" as const } },
    ...(dept ? [{ label: dept.name, to: { screen: "department" as const, id: dept.id } }] : []),
  ];
  if (!a) {
    return <div className="zoom" data-testid="agent-missing"><Breadcrumb parts={[...crumbs, { label: "Not found" }]} /><h2>Agent not found</h2></div>;
  }
  const facts: [string, string | number, string][] = [
    ["Tier", `${a.tier} · ${TIER_LABELS[a.tier]}`, "tier"], ["Role", a.role, "role"], ["Status", a.status, "status"],
    ["Autonomy", a.autonomyLevel, "autonomy"], ["Department", dept?.name ?? "—", "department"], ["Last pulse", relativeTime(a.lastPulse), "last-pulse"],
  ];
  return (
    <div className="zoom" data-testid="agent-view">
      <Breadcrumb parts={[...crumbs, { label: a.name }]} />
      <div className="zoom-head agent-head">
        <Avatar initials={a.avatarInitials} tier={a.tier} size="lg" />
        <div>
          <div className="tile-head"><h2>{a.name}</h2><HealthDot health={a.health} size="lg" /><span className="badge normal">T{a.tier}</span></div>
          <p className="subtitle">{a.role}</p>
          <p className="muted">
            Reports to: <span data-testid="reports-to">{a.reportsTo && a.reportsToName ? <a className="link" onClick={() => go({ screen: "agent", id: a.reportsTo! })}>{a.reportsToName}</a> : "—"}</span>
            {" · "}Inbox: <span data-testid="inbox">{a.inbox}</span> unread
            {" · "}Active tasks: <span data-testid="active-tasks">{a.activeTasks}</span>
          </p>
        </div>
      </div>
      <div className="detail-grid">
        <div className="detail-main">
          <Section title="Mandate"><p data-testid="mandate">{a.mandate || <span className="muted">No mandate recorded.</span>}</p></Section>
          <Section title="Performance signals" testid="signals">
            <div className="summary-cards">
              {a.performanceSignals.map((s) => (
                <div key={s.label} className="panel summary-card" data-testid="signal">
                  <span className="stat-label">{s.label}</span>
                  <span className="stat-value">{s.value} <Trend trend={s.trend} /></span>
                </div>
              ))}
            </div>
          </Section>
          <p><button className="primary" onClick={() => go({ screen: "chat", agentId: a.id })} data-testid="chat-with">Chat with {a.name}</button></p>
        </div>
        <aside className="detail-side">
          <Section title="Profile">
            <div className="panel quick">
              {facts.map(([label, value, key]) => <div key={key} className="quick-row"><span className="muted">{label}</span><span data-testid={`fact-${key}`}>{value}</span></div>)}
            </div>
          </Section>
        </aside>
      </div>
    </div>
  );
}
