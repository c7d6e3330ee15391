// Renders one L1 data element of a region: metric, chart_mini (inline SVG bars or a
// sparkline), status_list, count_badge, avatar_row and priority_list. `compact` shows two
// list items (region cards); the large Metrics panel shows three.
import { avatarInitials, type L1DataElement } from "@mission-control/sdk";
import { Trend } from "./Health";

const W = 96, H = 28;

function Bars({ data }: { data: number[] }) {
  const max = Math.max(...data, 1), w = W / Math.max(data.length, 1);
  return (
    <svg className="chart" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={data.join(", ")}>
      {data.map((v, i) => {
        const h = Math.max(2, (v / max) * H);
        return <rect key={i} x={i * w + 1} y={H - h} width={Math.max(w - 3, 2)} height={h} rx={1.5} />;
      })}
    </svg>
  );
}

export function Sparkline({ data }: { data: number[] }) {
  if (data.length < 2) return <span className="muted">{data.join(", ") || "—"}</span>;
  const max = Math.max(...data), min = Math.min(...data), range = max - min || 1;
  const pts = data.map((v, i) => `${((i / (data.length - 1)) * W).toFixed(1)},${(H - 2 - ((v - min) / range) * (H - 4)).toFixed(1)}`).join(" ");
  return (
    <svg className="chart" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={data.join(", ")}>
      <polygon points={`0,${H} ${pts} ${W},${H}`} className="fill" />
      <polyline points={pts} className="line" />
    </svg>
  );
}

const STATUS_COLOUR: Record<string, string> = { green: "green", completed: "green", red: "red", yellow: "yellow", in_progress: "yellow" };

function Value({ element, compact }: { element: L1DataElement; compact: boolean }) {
  const items = compact ? 2 : 3;
  switch (element.type) {
    case "metric":
      return <div className="de-value">{element.value}<Trend trend={element.trend} /></div>;
    case "chart_mini":
      return element.chart_type === "bar" ? <Bars data={element.data} /> : <Sparkline data={element.data} />;
    case "count_badge":
      return <span className={`badge ${element.severity ?? "normal"}`}>{element.count}</span>;
    case "status_list":
      return (
        <ul className="de-list">
          {element.items.slice(0, items).map((it, i) => (
            <li key={i}><span className={`dot dot-sm h-${STATUS_COLOUR[it.status] ?? "neutral"}`} title={it.status} />{it.text}</li>
          ))}
          {element.items.length > items && <li className="muted">+{element.items.length - items} more</li>}
        </ul>
      );
    case "priority_list":
      return (
        <ol className="de-list">
          {element.items.slice(0, items).map((it) => <li key={it.rank}><span className="rank">{it.rank}</span>{it.text}</li>)}
          {element.items.length > items && <li className="muted">+{element.items.length - items} more</li>}
        </ol>
      );
    case "avatar_row":
      return (
        <div className="avatars">
          {element.avatars.map((a) => (
            <span key={a.id} className={`avatar ${a.status === "active" ? "on" : ""}`} title={`${a.name} (${a.status})`}>{avatarInitials(a.name)}</span>
          ))}
          {element.avatars.length === 0 && <span className="muted">—</span>}
        </div>
      );
  }
}

export function DataElement({ element, compact = false }: { element: L1DataElement; compact?: boolean }) {
  return (
    <div className={`de de-${element.type}`} data-testid="data-element" data-type={element.type}>
      <div className="de-label">{element.label}</div>
      <Value element={element} compact={compact} />
    </div>
  );
}
