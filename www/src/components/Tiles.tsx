// L1 tiles: departments (under the business window), the four business categories, and the
// collapsed Finance Settings bar (the Finance region's only L1 form).
import type { BusinessCategoryTile, DepartmentTileSummary, FinanceSettingsBarData, RegionSummary } from "@mission-control/sdk";
import { AttentionBadge, HealthDot } from "./Health";

export function DepartmentTile({ tile, type, chief, onOpen }: { tile: DepartmentTileSummary; type: string; chief: string | null; onOpen: () => void }) {
  return (
    <button className="panel tile dept" data-testid={`dept-${type}`} data-health={tile.health} onClick={onOpen} aria-label={`Open ${tile.name}`}>
      <span className="tile-head">
        <HealthDot health={tile.health} size="sm" />
        <span className="tile-name">{tile.name}</span>
        <span className="mono muted" title="headcount">{tile.headcount}</span>
        {tile.risks > 0 && <span className="badge critical">{tile.risks} risk{tile.risks > 1 ? "s" : ""}</span>}
      </span>
      <span className="muted small">{chief ? `Led by ${chief}` : "No chief"} · {tile.openItems} open</span>
    </button>
  );
}

export function BusinessTile({ tile, onOpen }: { tile: BusinessCategoryTile; onOpen: () => void }) {
  const slug = tile.label.toLowerCase().replace(/\s*&\s*/g, "-").replace(/\s+/g, "-");
  return (
    <button className="panel tile biz" data-testid={`biz-${slug}`} data-health={tile.health} onClick={onOpen} aria-label={tile.label}>
      <span className="tile-head"><HealthDot health={tile.health} size="sm" /><span className="tile-name">{tile.label}</span></span>
      {tile.summaryStat ? <span className="muted small" data-testid="summary-stat">{tile.summaryStat}</span> : <span className="muted small">No data yet</span>}
    </button>
  );
}

/** The collapsed bar: its label, the Finance region's health, and the quick stats as pills. */
export function FinanceBar({ bar, region }: { bar: FinanceSettingsBarData; region?: RegionSummary }) {
  const pills = bar.quickStats.split("|").map((s) => s.trim()).filter(Boolean);
  return (
    <div className="panel finance-bar" data-testid="region-FINANCE" data-health={region?.health}>
      <span className="tile-head">
        <span className="muted">▾</span>
        {region && <HealthDot health={region.health} size="sm" />}
        <span className="tile-name" data-testid="finance-label">{bar.label}</span>
        {region && <AttentionBadge count={region.attentionCount} />}
      </span>
      <span className="pills" data-testid="finance-bar">
        {pills.map((p) => <span key={p} className="pill mono" data-testid="pill">{p}</span>)}
      </span>
    </div>
  );
}
