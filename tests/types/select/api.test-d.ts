// Hand-written: the rest of select.d.ts's API (filter paths, function results, non-literal
// strings, the default "*"), and the declaration the package is meant to use. Checked with the
// generated ours.test-d.ts (tsconfig.test.json).
import type { Database, Json } from "../../../docs/database.types"
import type { EmbedName, FilterColumn, FilterColumnType, RowSelectCheck, RowSelectResult, SelectCheck, SelectResult } from "../../../src/js/types/select"

type S = Database["public"]
type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends (<X>() => X extends B ? 1 : 2) ? true : false
type Expect<X extends true> = X

// ---- the declaration: Q is inferred, a bad string is refused at the argument with its message
declare function select<T extends keyof S["Tables"], Q extends string = "*">(table: T, columns?: SelectCheck<S, T, Q>): SelectResult<S, T, Q>[]
export const all = select("tasks")
export type AllIsRow = Expect<Equal<(typeof all)[number], { [K in keyof S["Tables"]["tasks"]["Row"]]: S["Tables"]["tasks"]["Row"][K] }>>
declare const dynamic: string
export const loose = select("tasks", dynamic)
export type LooseIsRecord = Expect<Equal<(typeof loose)[number], Record<string, unknown>>>
// @ts-expect-error column 'titel' does not exist on 'tasks'
select("tasks", "id,titel")
export type Message = Expect<Equal<SelectCheck<S, "tasks", "id,titel">, "column 'titel' does not exist on 'tasks'">>
export type Valid = Expect<Equal<SelectCheck<S, "tasks", "id,title">, "id,title">>

// ---- the examples
export type Who = Expect<Equal<SelectResult<S, "tasks", "id, who:agents!tasks_assignee_id_fkey(name, tier)">, { id: string; who: { name: string; tier: number } }>>
export type Cast = Expect<Equal<SelectResult<S, "tasks", "id, status::text, departments(type)">, { id: string; status: string; departments: { type: S["Enums"]["department_type"] } | null }>>
export type Many = Expect<Equal<SelectResult<S, "departments", "type, agents!agents_department_id_fkey(name)">, { type: S["Enums"]["department_type"]; agents: { name: string }[] }>>

// ---- filter and order columns after a select
type Q = "id, who:agents!tasks_assignee_id_fkey(name, department:departments!agents_department_id_fkey(type)), tasks(title)"
type F = FilterColumn<S, "tasks", Q>
export const f1: F = "title"
export const f2: F = "who.name"
export const f3: F = "agents.name"
export const f4: F = "who.department.type"
export const f5: F = "agents.departments.type"
export const f6: F = "tasks.title"
export const f7: F = "parameters->goal"
export const f8: F = "who.id"
// @ts-expect-error not embedded
export const g1: F = "departments.type"
// @ts-expect-error no such column
export const g2: F = "who.nme"
// @ts-expect-error no such column
export const g3: F = "titel"
export type NoSelect = Expect<Equal<FilterColumn<S, "sectors">, "id" | "company_id" | "type" | "health" | "data" | `${"id" | "company_id" | "type" | "health" | "data"}->${string}`>>
export type T1 = Expect<Equal<FilterColumnType<S, "tasks", Q, "who.department.type">, S["Enums"]["department_type"]>>
export type T2 = Expect<Equal<FilterColumnType<S, "tasks", Q, "status">, S["Enums"]["task_status"]>>
export type T3 = Expect<Equal<FilterColumnType<S, "tasks", Q, "who.tier">, number>>
export type T4 = Expect<Equal<FilterColumnType<S, "tasks", Q, "parameters->>goal">, string>>
export type T5 = Expect<Equal<FilterColumnType<S, "tasks", Q, "parameters->goal">, Json>>
export type T6 = Expect<Equal<FilterColumnType<S, "tasks", Q, "nope.x">, unknown>>
export type Embeds = Expect<Equal<EmbedName<S, "tasks", Q>, "who" | "agents" | "tasks">>

// ---- function results (rpc): columns, aliases, casts, JSON paths; no embeds
type Out = { id: string; score: number | null; payload: Json }
export type R1 = Expect<Equal<RowSelectResult<Out, "rank_agents", "id, s:score::text, payload->a">, { id: string; s: string | null; a: Json }>>
export type R2 = Expect<Equal<RowSelectCheck<Out, "rank_agents", "id, agents(name)">, "'agents(...)': a function result has no relationships to embed">>
export type R3 = Expect<Equal<RowSelectCheck<Out, "rank_agents", "idd">, "column 'idd' does not exist on 'rank_agents'">>
