// Code written against the product's database.types.ts. It is compiled twice: with "@db"
// mapped to docs/database.types.ts and with "@db" mapped to our package; both must compile.
import { Constants } from "@db"
import type { Database, Enums, Tables, TablesInsert, TablesUpdate, Json, CompositeTypes } from "@db"

type Agent = Tables<"agents">
type NewTask = TablesInsert<"tasks">
type TaskUpdate = TablesUpdate<"tasks">
type TaskStatus = Enums<"task_status">
type Sector = Tables<{ schema: "public" }, "sectors">
type Trigger = Enums<{ schema: "public" }, "escalation_trigger">
type NoComposite = keyof Database["public"]["CompositeTypes"]

export const agent: Agent = {
  id: "a", company_id: "c", name: "Ada", role: "CTO", tier: 2, human: false, department_id: null,
  reports_to: null, autonomy_level: "A2", mandate: null, status: "ACTIVE", last_pulse: null, created_at: "2026-01-01T00:00:00Z",
}
export const newTask: NewTask = { company_id: "c", assignee_id: "a", assigned_by: "b", title: "Ship it" }
export const patch: TaskUpdate = { status: "BLOCKED", blocked_reason: "waiting" }
export const statuses: readonly TaskStatus[] = Constants.public.Enums.task_status
export const sector: Sector["type"] = "COMMAND"
export const trigger: Trigger = "MATERIAL_RISK"
export const details: Json = { nested: [1, "two", null, { ok: true }] }
export const never: NoComposite[] = []
export type Composite = CompositeTypes<never>
export const firstPhase: Database["public"]["Enums"]["pulse_phase"] = Constants.public.Enums.pulse_phase[0]

// The checks have teeth: each of these must be an error.
// @ts-expect-error tier is required on insert
export const missingTier: TablesInsert<"agents"> = { company_id: "c", name: "x", role: "y" }
// @ts-expect-error not a task status
export const badStatus: TaskStatus = "DONE"
// @ts-expect-error status is never null on a row
export const nullStatus: Tables<"tasks">["status"] = null
// @ts-expect-error unknown table
export type Nope = Tables<"projects">
