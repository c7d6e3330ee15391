// Health dots, attention badges and trend arrows.
import type { RegionSummary, TrendDirection } from "@mission-control/sdk";

/** The contract's lower-case health ("green" | "yellow" | "red"). Not imported by name: the
 *  package root exports two different `HealthStatus` types (schema enum and contract). */
export type Health = RegionSummary["health"];

export function HealthDot({ health, size = "md" }: { health: Health | null; size?: "sm" | "md" | "lg" }) {
  const h = health ?? "neutral";
  return <span className={`dot dot-${size} h-${h}`} data-testid="health" data-health={h} title={`health: ${h}`} aria-label={`health ${h}`} />;
}

/** The count of items needing attention; nothing when zero. */
export function AttentionBadge({ count, suffix = "" }: { count: number; suffix?: string }) {
  if (count <= 0) return null;
  return <span className="badge warning" data-testid="attention" title="items needing attention">{count}{suffix}</span>;
}

export function Trend({ trend }: { trend?: TrendDirection | string }) {
  if (trend === "up") return <span className="trend up" aria-label="trending up">▲</span>;
  if (trend === "down") return <span className="trend down" aria-label="trending down">▼</span>;
  if (trend === "flat") return <span className="trend flat" aria-label="flat">–</span>;
  return null;
}
