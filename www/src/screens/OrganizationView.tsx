// L2, the Organization sector: header with health detail, summary cards, the departments as
// sub-areas (each opens its L3 detail) and the sector's actions.
import { useState } from "react";
import type { L2Action, McError } from "@mission-control/sdk";
import { useCockpit, useData } from "../data/DataContext";
import type { Go } from "../route";
import { Breadcrumb, ErrorLine, Section } from "../components/Common";
import { AttentionBadge, HealthDot } from "../components/Health";
import { Sparkline } from "../components/DataElement";

export function OrganizationView({ go }: { go: Go }) {
  const content = useData().getOrganizationSectorContent();
  const { header } = content;
  return (
    <div className="zoom" data-testid="organization-view">
      <Breadcrumb parts={[{ label: "Cockpit", to: { screen: "global" } }, { label: header.label }]} />
      <div className="zoom-head">
        <div className="tile-head"><HealthDot health={header.health} size="lg" /><h2>{header.label}</h2></div>
        {header.subtitle && <p className="subtitle">{header.subtitle}</p>}
        <p className="muted" data-testid="health-detail">{header.healthDetail}</p>
      </div>
      <div className="summary-cards" data-testid="summary-cards">
        {content.summaryCards.map((c) => (
          <div key={c.label} className="panel summary-card" data-testid="summary-card">
            <span className="stat-label">{c.label}</span>
            <span className="stat-value">{c.value}</span>
            {c.detail && <span className="muted small">{c.detail}</span>}
            {c.chartData && c.chartData.length > 1 && <Sparkline data={c.chartData} />}
          </div>
        ))}
      </div>
      <Section title="Departments" subtitle={`${content.subAreas.length}`}>
        <div className="sub-areas">
          {content.subAreas.map((s) => (
            <button key={s.id} className="panel sub-area" data-testid={`subarea-${s.label}`} data-health={s.health} onClick={() => go({ screen: "department", id: s.id })}>
              <span className="tile-head"><HealthDot health={s.health} /><span className="tile-name">{s.label}</span><AttentionBadge count={s.attentionCount} suffix={s.attentionCount === 1 ? " alert" : " alerts"} /></span>
              <span className="muted small">{s.summary}</span>
            </button>
          ))}
        </div>
      </Section>
      {content.sectorActions.length > 0 && (
        <Section title="Sector actions">
          <div className="row">{content.sectorActions.map((a) => <SectorAction key={a.id} action={a} />)}</div>
        </Section>
      )}
    </div>
  );
}

/** "Acknowledge All Alerts": acknowledges the escalations pending with the CEO. */
function SectorAction({ action }: { action: L2Action }) {
  const { client, company } = useCockpit();
  const [error, setError] = useState<McError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (action.requiresConfirmation && !confirm(`${action.label}?`)) return;
    if (action.actionType !== "acknowledge" || !company?.ceo_id) return;
    setBusy(true);
    const pending = await client.from("escalations").select("id").eq("company_id", company.id).eq("to_agent_id", company.ceo_id).eq("status", "PENDING");
    let last: McError | null = pending.error;
    for (const e of pending.data ?? []) last = (await client.escalations.acknowledge(e.id)).error ?? last;
    setError(last);
    setBusy(false);
  };
  return (
    <>
      <button onClick={() => void run()} disabled={busy || action.actionType !== "acknowledge"} data-testid={`action-${action.id}`}>{action.label}</button>
      <ErrorLine error={error} />
    </>
  );
}
