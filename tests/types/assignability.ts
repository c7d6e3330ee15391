// The oracle test: our package's types against docs/database.types.ts, which Supabase's own
// generator produced from the migrated database. Compiled by `tsc --strict --noEmit`.
import type * as Product from "../../docs/database.types"
import type * as Ours from "../../pkg/index"

/** A and B are assignable both ways. */
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
/** A and B are the very same type (not only mutually assignable). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false
type Expect<T extends true> = T

type PT = Product.Database["public"]["Tables"]
type OT = Ours.Database["public"]["Tables"]
type PE = Product.Database["public"]["Enums"]
type OE = Ours.Database["public"]["Enums"]

// The same tables and enums on both sides.
export type SameTableNames = Expect<Same<keyof PT, keyof OT>>
export type SameEnumNames = Expect<Same<keyof PE, keyof OE>>

// Every table's Row, Insert and Update, both ways: one entry per table, each [true, true, true].
type TableChecks = {
  [K in keyof PT & keyof OT]: [Mutual<PT[K]["Row"], OT[K]["Row"]>, Mutual<PT[K]["Insert"], OT[K]["Insert"]>, Mutual<PT[K]["Update"], OT[K]["Update"]>]
}
type AllTrue<T> = { [K in keyof T]: T[K] extends [true, true, true] ? true : K }[keyof T]
export type EveryTableMatches = Expect<Same<AllTrue<TableChecks>, true>>

// Every enum, both ways.
type EnumChecks = { [K in keyof PE & keyof OE]: Mutual<PE[K], OE[K]> extends true ? true : K }[keyof PE & keyof OE]
export type EveryEnumMatches = Expect<Same<EnumChecks, true>>

// Relationships (embedding hints) and the other parts of Database.
type RelChecks = { [K in keyof PT & keyof OT]: Mutual<PT[K]["Relationships"], OT[K]["Relationships"]> extends true ? true : K }[keyof PT & keyof OT]
export type EveryRelationshipMatches = Expect<Same<RelChecks, true>>
export type InternalMatches = Expect<Mutual<Product.Database["__InternalSupabase"], Ours.Database["__InternalSupabase"]>>
export type DatabaseMatches = Expect<Mutual<Product.Database, Ours.Database>>
export type JsonMatches = Expect<Mutual<Product.Json, Ours.Json>>
export type ConstantsMatch = Expect<Mutual<typeof Product.Constants, typeof Ours.Constants>>

// Our own names are the very types the helpers give.
export type Names = Expect<Same<Ours.AgentRow, Ours.Tables<"agents">>> | Expect<Same<Ours.TaskInsert, Ours.TablesInsert<"tasks">>>
  | Expect<Same<Ours.MemoryEntryRow, Ours.Tables<"memory_entries">>> | Expect<Same<Ours.CompanyUpdate, Ours.TablesUpdate<"companies">>>
  | Expect<Same<Ours.TaskStatus, Ours.Enums<"task_status">>> | Expect<Same<Ours.ChatMessageRow, Ours.Tables<{ schema: "public" }, "chat_messages">>>
// …and agree with the product's helpers.
export type Helpers = Expect<Mutual<Ours.AgentRow, Product.Tables<"agents">>> | Expect<Mutual<Ours.TaskInsert, Product.TablesInsert<"tasks">>>
  | Expect<Mutual<Ours.EscalationUpdate, Product.TablesUpdate<"escalations">>> | Expect<Mutual<Ours.EscalationTrigger, Product.Enums<"escalation_trigger">>>
