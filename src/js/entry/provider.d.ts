// The product front end's data-provider contract (its synchronous `DataProvider`): its view
// types under its own names, and the provider the SDK builds over the real tables.
import type { McClient, McResult, CompanyRow } from "./mission_control_sdk.js";

export type SectorType = "COMMAND" | "ORGANIZATION" | "OPERATIONS" | "METRICS" | "INTELLIGENCE" | "FINANCE";
export declare const SECTOR_DISPLAY_LABELS: Record<SectorType, string>;
export type SectorSizeClass = "large" | "medium" | "small" | "collapsed";
export declare const SECTOR_SIZES: Record<SectorType, SectorSizeClass>;
export type HealthStatus = "green" | "yellow" | "red";
export type TrendDirection = "up" | "down" | "flat";
export type L1DataElement =
  | { type: "metric"; label: string; value: string | number; trend?: TrendDirection }
  | { type: "chart_mini"; label: string; data: number[]; chart_type: "line" | "bar" | "sparkline" }
  | { type: "status_list"; label: string; items: { text: string; status: string }[] }
  | { type: "count_badge"; label: string; count: number; severity?: "normal" | "warning" | "critical" }
  | { type: "avatar_row"; label: string; avatars: { id: string; name: string; status: string }[] }
  | { type: "priority_list"; label: string; items: { rank: number; text: string }[] };
export interface RegionStat { label: string; value: string | number }
export interface RegionSummary { sectorType: SectorType; displayLabel: string; health: HealthStatus; attentionCount: number; headlineKpi: string; stats: RegionStat[]; dataElements: L1DataElement[] }
export interface DepartmentTileSummary { id: string; name: string; health: HealthStatus; openItems: number; risks: number; headcount: number }
export interface BusinessCategoryTile { label: string; health: HealthStatus; summaryStat: string }
export interface FinanceSettingsBarData { label: string; quickStats: string }
export interface L2SummaryCard { label: string; value: string | number; detail: string | null; chartData?: number[] }
export interface L2SubArea { id: string; type: string; label: string; health: HealthStatus; summary: string; attentionCount: number }
export interface L2Action { id: string; label: string; actionType: "acknowledge" | "toggle" | "quick_action"; targetId: string | null; requiresConfirmation: boolean }
export interface L2SectorContent { header: { label: string; subtitle: string | null; health: HealthStatus; healthDetail: string }; summaryCards: L2SummaryCard[]; subAreas: L2SubArea[]; sectorActions: L2Action[] }
export interface L3DetailSection { label: string; contentType: "key_value" | "text" | "list" | "chart" | "custom"; data: Record<string, unknown> }
export interface L3RelatedItem { id: string; type: string; label: string; status: string | null }
export interface L3ActivityEntry { id: string; timestamp: string; type: string; summary: string; actorName: string | null }
export interface L3Action { id: string; label: string; actionType: string; dangerous: boolean; disabled: boolean; disabledReason: string | null }
export interface L3ElementContent {
  header: { type: string; id: string; title: string; subtitle: string | null; status: string; health: HealthStatus | null }
  detailSections: L3DetailSection[]; relatedItems: L3RelatedItem[]; activity: L3ActivityEntry[]; actions: L3Action[]; chatEnabled: boolean; chatSessionId: string | null
}
export type AgentTier = 1 | 2 | 3 | 4 | 5;
export type AgentStatus = "ACTIVE" | "INACTIVE" | "SUSPENDED";
export type AutonomyLevel = "A1" | "A2" | "A3";
export interface AgentSummary { id: string; name: string; role: string; tier: AgentTier; status: AgentStatus; departmentId: string | null; lastPulse: string | null; health: HealthStatus; activeTasks: number; avatarInitials: string }
export interface PerformanceSignal { label: string; value: string | number; trend: TrendDirection }
export interface AgentDetail extends AgentSummary { mandate: string; autonomyLevel: AutonomyLevel; reportsTo: string | null; reportsToName: string | null; inbox: number; performanceSignals: PerformanceSignal[] }
export type DepartmentType = "FINANCE" | "OPERATIONS" | "PRODUCT" | "TECHNOLOGY" | "MARKETING" | "SALES" | "LEGAL" | "EXTERNAL" | "PEOPLE";
export interface DepartmentMetric { label: string; value: string | number; trend?: TrendDirection }
export interface PulseSummary { id: string; agentId: string; agentName: string; completedAt: string; status: "COMPLETE" | "FAILED"; actionCount: number }
export interface DepartmentDetail {
  id: string; name: string; type: DepartmentType; health: HealthStatus; healthDetail: string; chiefId: string | null; chiefName: string | null
  headcount: number; activeBlockers: number; openTasks: number; completedTasks: number; recentPulses: PulseSummary[]; agents: AgentSummary[]; keyMetrics: DepartmentMetric[]
}
export type TaskStatus = "PENDING" | "IN_PROGRESS" | "BLOCKED" | "COMPLETE" | "CANCELLED";
export type TaskPriority = "URGENT" | "HIGH" | "NORMAL" | "LOW";
export interface TaskSummary { id: string; title: string; status: TaskStatus; priority: TaskPriority; assigneeId: string; assigneeName: string; createdAt: string; blockedReason: string | null }

/** The contract: 11 synchronous reads. */
export interface DataProvider {
  getAllRegionSummaries(): RegionSummary[]
  getRegionSummary(sector: SectorType): RegionSummary | undefined
  getDepartmentTiles(): DepartmentTileSummary[]
  getBusinessCategoryTiles(): BusinessCategoryTile[]
  getFinanceSettingsBar(): FinanceSettingsBarData
  getBusinessWindowKpis(): { label: string; value: string; trend: string }[]
  getOrganizationSectorContent(): L2SectorContent
  getDepartmentDetail(departmentId: string): DepartmentDetail | undefined
  getAgentsByDepartment(departmentId: string, tierFilter?: number): AgentSummary[]
  getAgentDetail(agentId: string): AgentDetail | undefined
  getAllAgents(): AgentSummary[]
}

/** One load's view: immutable; a new object after each change; itself a DataProvider. */
export declare class CockpitSnapshot {
  private constructor()
  /** Whether it holds a loaded company (false before the first load). */
  readonly loaded: boolean
  readonly companyId: string | null
  /** The company row, or null before a load. */
  readonly company: CompanyRow | null
  readonly loadedAt: string | null
}
export interface CockpitSnapshot extends DataProvider {}

export interface McDataProviderOptions {
  /** The company to show (default: the signed-in user's first). */
  companyId?: string
  /** Reload every so many milliseconds (at least 1,000); off by default. */
  refreshInterval?: number
  /** After a change of user, load the new user's company for the subscribers (default true). */
  autoLoad?: boolean
}

/** The contract's 11 methods over the current snapshot, plus loading and subscribing. */
export interface McDataProvider extends DataProvider {
  load(companyId?: string): Promise<McResult<CockpitSnapshot>>
  refresh(): Promise<McResult<CockpitSnapshot>>
  /** One department's newest pulses for its L3 detail (one request, once per snapshot). */
  loadDepartment(departmentId: string): Promise<McResult<DepartmentDetail | undefined>>
  subscribe(listener: () => void): () => void
  getSnapshot(): CockpitSnapshot
  /** "empty": the signed-in user has no company. */
  readonly status: "idle" | "loading" | "ready" | "empty" | "error"
  readonly error: Error | null
  dispose(): void
}

/** A data provider for the product's front end over `mc` (see README: field rules). */
export declare function createDataProvider(mc: McClient, options?: McDataProviderOptions): McDataProvider
/** The first letter of a name's first and last word, upper case ("Eli Thompson" → "ET"). */
export declare function avatarInitials(name: string): string
