// Agents: the initials avatar, the agent card, and the roster grouped by tier (a department's
// agents are tiers 2–5; the CEO belongs to none).
import type { AgentSummary, AgentTier } from "@mission-control/sdk";
import { HealthDot } from "./Health";
import { relativeTime } from "./Common";

export const TIER_LABELS: Record<AgentTier, string> = { 1: "CEO", 2: "C-Suite", 3: "Manager", 4: "Lead", 5: "Worker" };
const GROUPS: Record<AgentTier, string> = { 1: "Executive", 2: "C-Suite", 3: "Managers", 4: "Leads", 5: "Workers" };

export function Avatar({ initials, tier, size = "md" }: { initials: string; tier: AgentTier; size?: "md" | "lg" }) {
  return <span className={`initials t${tier} ${size}`} data-testid="initials">{initials}</span>;
}

export function AgentCard({ agent, onOpen }: { agent: AgentSummary; onOpen: () => void }) {
  return (
    <button className="panel agent-card" data-testid={`agent-${agent.name}`} onClick={onOpen} aria-label={`Open ${agent.name}`}>
      <Avatar initials={agent.avatarInitials} tier={agent.tier} />
      <span className="agent-main">
        <span className="tile-head"><span className="tile-name">{agent.name}</span><HealthDot health={agent.health} size="sm" /></span>
        <span className="muted small">{agent.role}</span>
      </span>
      <span className="agent-side small">
        <span className="badge normal">T{agent.tier} {TIER_LABELS[agent.tier]}</span>
        <span className="muted">{agent.activeTasks} active · pulse {relativeTime(agent.lastPulse)}</span>
        {agent.status !== "ACTIVE" && <span className="badge warning">{agent.status}</span>}
      </span>
    </button>
  );
}

/** The roster grouped by tier, each group in name order as the provider gives it. */
export function AgentRoster({ agents, open }: { agents: AgentSummary[]; open: (id: string) => void }) {
  const tiers = ([1, 2, 3, 4, 5] as AgentTier[]).filter((t) => agents.some((a) => a.tier === t));
  if (!tiers.length) return <p className="muted">No agents in this department.</p>;
  return (
    <div className="roster" data-testid="roster">
      {tiers.map((t) => (
        <div key={t} data-testid={`tier-${t}`}>
          <div className="group-label">{GROUPS[t]} <span className="muted">({agents.filter((a) => a.tier === t).length})</span></div>
          <div className="cards">{agents.filter((a) => a.tier === t).map((a) => <AgentCard key={a.id} agent={a} onOpen={() => open(a.id)} />)}</div>
        </div>
      ))}
    </div>
  );
}
