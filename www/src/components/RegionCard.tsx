// The L1 region panels: the standard card (Command, Operations, Intelligence), the Business
// Window (Organization, with the headline KPIs), and the large Metrics & Health panel.
import type { ReactNode } from "react";
import type { RegionSummary } from "@mission-control/sdk";
import { DataElement } from "./DataElement";
import { AttentionBadge, HealthDot } from "./Health";

interface Props { region: RegionSummary; onOpen?: () => void; className?: string; children?: ReactNode; attentionSuffix?: string }

/** The panel chrome: health, label, attention badge and headline KPI; clickable when `onOpen`. */
export function RegionPanel({ region, onOpen, className = "", children, attentionSuffix }: Props) {
  const open = onOpen ? { role: "button", tabIndex: 0, onClick: onOpen, onKeyDown: (e: { key: string }) => { if (e.key === "Enter") onOpen(); } } : {};
  return (
    <div className={`panel region ${className} ${onOpen ? "clickable" : ""}`} data-testid={`region-${region.sectorType}`} data-health={region.health} {...open}>
      <div className="panel-head">
        <HealthDot health={region.health} />
        <span className="panel-title">{region.displayLabel}</span>
        <AttentionBadge count={region.attentionCount} suffix={attentionSuffix} />
      </div>
      <div className="headline" data-testid="headline">{region.headlineKpi}</div>
      {children}
    </div>
  );
}

export function RegionCard({ region, onOpen }: { region: RegionSummary; onOpen?: () => void }) {
  return (
    <RegionPanel region={region} onOpen={onOpen}>
      <div className="elements">{region.dataElements.map((e, i) => <DataElement key={i} element={e} compact />)}</div>
    </RegionPanel>
  );
}

/** Organization as the hero viewport: the business window's KPIs, then its data elements. */
export function BusinessWindow({ region, kpis, onOpen }: { region: RegionSummary; kpis: { label: string; value: string; trend: string }[]; onOpen: () => void }) {
  return (
    <RegionPanel region={region} onOpen={onOpen} className="window" attentionSuffix=" items">
      <div className="kpis" data-testid="business-kpis">
        {kpis.map((k) => (
          <div key={k.label} className="kpi" data-testid="kpi">
            <span className="kpi-value">{k.value}</span>
            <span className="kpi-label">{k.label}</span>
            {k.trend && <span className={`kpi-trend ${k.trend.startsWith("-") || k.trend === "Falling" ? "down" : "up"}`}>{k.trend}</span>}
          </div>
        ))}
      </div>
      <div className="elements row-elements">{region.dataElements.map((e, i) => <DataElement key={i} element={e} compact />)}</div>
    </RegionPanel>
  );
}

/** The large Metrics & Health panel: a strip of big stats, then every data element. */
export function MetricsPanel({ region }: { region: RegionSummary }) {
  return (
    <RegionPanel region={region} className="metrics" attentionSuffix=" attention">
      {region.stats.length > 0 && (
        <div className="stats" data-testid="stats">
          {region.stats.map((s) => (
            <div key={s.label} className="stat"><span className="stat-label">{s.label}</span><span className="stat-value">{s.value}</span></div>
          ))}
        </div>
      )}
      <div className="elements grid-elements">{region.dataElements.map((e, i) => <DataElement key={i} element={e} />)}</div>
    </RegionPanel>
  );
}
