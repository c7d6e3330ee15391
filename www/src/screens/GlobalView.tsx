// L1, the global view: all six regions at once, laid out as the product's cockpit:
//   Command | Business Window (Organization) + department tiles | business tiles
//   Operations | Metrics & Health (large)                       | Intelligence
//   Finance Settings (collapsed bar)
import type { RegionSummary } from "@mission-control/sdk";
import { useData } from "../data/DataContext";
import type { Go } from "../route";
import { BusinessWindow, MetricsPanel, RegionCard } from "../components/RegionCard";
import { BusinessTile, DepartmentTile, FinanceBar } from "../components/Tiles";

export function GlobalView({ go }: { go: Go }) {
  const data = useData();
  const regions = data.getAllRegionSummaries();
  const region = (t: RegionSummary["sectorType"]) => regions.find((r) => r.sectorType === t);
  const [command, organization, operations, metrics, intelligence, finance] =
    (["COMMAND", "ORGANIZATION", "OPERATIONS", "METRICS", "INTELLIGENCE", "FINANCE"] as const).map(region);
  const toOrg = () => go({ screen: "org" });
  return (
    <div className="global" data-testid="regions">
      <div className="top-row">
        {command && <RegionCard region={command} onOpen={() => go({ screen: "escalations" })} />}
        <div className="center">
          {organization && <BusinessWindow region={organization} kpis={data.getBusinessWindowKpis()} onOpen={toOrg} />}
          <div className="dept-tiles" data-testid="departments">
            {data.getDepartmentTiles().map((t) => {
              const detail = data.getDepartmentDetail(t.id);
              const chief = detail?.chiefId ? data.getAgentDetail(detail.chiefId)?.name ?? null : null;
              return <DepartmentTile key={t.id} tile={t} type={detail?.type ?? t.id} chief={chief} onOpen={() => go({ screen: "department", id: t.id })} />;
            })}
          </div>
        </div>
        <div className="biz-tiles" data-testid="business-tiles">
          {data.getBusinessCategoryTiles().map((t) => <BusinessTile key={t.label} tile={t} onOpen={toOrg} />)}
        </div>
      </div>
      <div className="bottom-row">
        {operations && <RegionCard region={operations} />}
        {metrics && <MetricsPanel region={metrics} />}
        {intelligence && <RegionCard region={intelligence} />}
      </div>
      <FinanceBar bar={data.getFinanceSettingsBar()} region={finance} />
    </div>
  );
}
