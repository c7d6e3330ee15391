// The package's entry point: the generated declarations (which declare `Constants` too).
export * from "./mission_control_sdk.js";
// The data provider; the product contract's view types are all in "@mission-control/sdk/provider"
// (some of its names, such as `HealthStatus`, differ from the schema's types of the same name).
export { createDataProvider, CockpitSnapshot, avatarInitials, SECTOR_DISPLAY_LABELS, SECTOR_SIZES } from "./provider.js";
export type {
  DataProvider, McDataProvider, McDataProviderOptions, RegionSummary, RegionStat, L1DataElement, DepartmentTileSummary,
  BusinessCategoryTile, FinanceSettingsBarData, L2SectorContent, L2SummaryCard, L2SubArea, L2Action, AgentSummary,
  AgentDetail, DepartmentDetail, DepartmentMetric, PulseSummary, PerformanceSignal, TrendDirection, AgentTier,
} from "./provider.js";
/** Resolves once the WebAssembly module is ready; rejects with its McError (`wasm_blocked`, `wasm_unavailable`) if it cannot load. Only `validate`, `builder.request` and `quoteValue` need it at once. */
export declare function ready(): Promise<void>
