// The package's select() types (issue 19), through the built package (pkg/index.d.ts): the
// select string is parsed at compile time and resolved through the schema's relationships
// (src/js/types/select.d.ts), on tables, after mutations and on rpc; filters, order and match
// name embedded columns; a mistake is a compile error at the argument. The parser's own corpus
// (212 valid and 49 invalid strings against postgrest-js 2.119) is tests/types/select/.
import { createClient } from "../../pkg/index"
import type { Database, Enums, Json, McFilterBuilder, SelectCheck, TaskRow } from "../../pkg/index"

type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends (<X>() => X extends B ? 1 : 2) ? true : false
type Expect<X extends true> = X
/** What `await builder` gives as `data` when it succeeds. */
type Data<B> = B extends McFilterBuilder<any, infer R, any, any> ? R : never
type S = Database["public"]

const mc = createClient("http://127.0.0.1:54321", "anon")

// ---- the four examples ------------------------------------------------------------------
const who = mc.from("tasks").select("id, who:agents!tasks_assignee_id_fkey(name, tier)")
export type Who = Expect<Equal<Data<typeof who>, { id: string; who: { name: string; tier: number } }[]>>

const cast = mc.from("tasks").select("id, status::text, departments(type)")
export type Cast = Expect<Equal<Data<typeof cast>, { id: string; status: string; departments: { type: Enums<"department_type"> } | null }[]>>

const many = mc.from("departments").select("type, agents!agents_department_id_fkey(name)")
export type Many = Expect<Equal<Data<typeof many>, { type: Enums<"department_type">; agents: { name: string }[] }[]>>

// @ts-expect-error column 'titel' does not exist on 'tasks' (the message is the parameter's type)
mc.from("tasks").select("id,titel")
export type Typo = Expect<Equal<SelectCheck<S, "tasks", "id,titel">, "column 'titel' does not exist on 'tasks'">>

// ---- the rest of the grammar, through the package -----------------------------------------------
export async function forms(dynamic: string) {
  const all = await mc.from("tasks").select()
  if (all.data) { const rows: TaskRow[] = all.data; void rows }
  const star = mc.from("agents").select("*, departments!agents_department_id_fkey(type)")
  type Star = Data<typeof star>[number]
  const tier: number = null! as Star["tier"]; void tier
  const paths = mc.from("tasks").select("goal:parameters->>goal, p:parameters->n, n:parameters->n::int4")
  type _Paths = Expect<Equal<Data<typeof paths>, { goal: string | null; p: Json; n: number | null }[]>>
  const inner = mc.from("tasks").select("id, departments!inner(type)")
  type _Inner = Expect<Equal<Data<typeof inner>, { id: string; departments: { type: Enums<"department_type"> } }[]>>
  const spread = mc.from("tasks").select("id, ...agents!assignee_id(agent:name)")
  type _Spread = Expect<Equal<Data<typeof spread>, { id: string; agent: string }[]>>
  const nested = mc.from("companies").select("name, departments(type, agents!agents_department_id_fkey(name, tasks!assignee_id(count)))")
  type _Nested = Expect<Equal<Data<typeof nested>, { name: string; departments: { type: Enums<"department_type">; agents: { name: string; tasks: { count: number }[] }[] }[] }[]>>
  const one = mc.from("tasks").select("id, who:agents!assignee_id(name)").eq("id", "x").single()
  type _One = Expect<Equal<Data<typeof one>, { id: string; who: { name: string } }>>
  const maybe = mc.from("tasks").select("title").maybeSingle()
  type _Maybe = Expect<Equal<Data<typeof maybe>, { title: string } | null>>
  const loose = mc.from("tasks").select(dynamic)
  type _Loose = Expect<Equal<Data<typeof loose>, Record<string, unknown>[]>>
  const counted = await mc.from("tasks").select("id", { count: "exact", head: true })
  const n: number | null = counted.count; void n
  return [all, star, paths, inner, spread, nested, one, maybe, loose]
}

// ---- mistakes are compile errors at the argument -------------------------------------------------
export function mistakes() {
  // @ts-expect-error unknown relation
  mc.from("tasks").select("id, projects(name)")
  // @ts-expect-error ambiguous: agents.company_id and companies.ceo_id link the two tables (PGRST201)
  mc.from("companies").select("id, agents(name)")
  // @ts-expect-error ambiguous: two keys from tasks to agents, no hint
  mc.from("tasks").select("id, agents(name)")
  // @ts-expect-error a hint no key matches (PGRST200)
  mc.from("tasks").select("id, agents!nope(name)")
  // @ts-expect-error unknown column inside an embed
  mc.from("tasks").select("id, who:agents!assignee_id(nme)")
  // @ts-expect-error unknown cast type
  mc.from("tasks").select("id::bogus")
  // @ts-expect-error aggregate functions are disabled on the server (PGRST123)
  mc.from("tasks").select("count()")
  // @ts-expect-error syntax: unbalanced parenthesis
  mc.from("tasks").select("id, who:agents!assignee_id(name")
}

// ---- after insert / update / upsert / delete -----------------------------------------------------
export async function mutations() {
  const ins = mc.from("tasks").insert({ company_id: "c", title: "t", assignee_id: "a", assigned_by: "b" })
  type _Ins = Expect<Equal<Data<typeof ins>, null>>
  const back = ins.select("id, who:agents!assignee_id(name)").single()
  type _Back = Expect<Equal<Data<typeof back>, { id: string; who: { name: string } }>>
  const upd = mc.from("tasks").update({ status: "BLOCKED", blocked_reason: "waiting" }).eq("id", "x").select("id, status, blocked_reason")
  type _Upd = Expect<Equal<Data<typeof upd>, { id: string; status: Enums<"task_status">; blocked_reason: string | null }[]>>
  const ups = mc.from("sectors").upsert({ company_id: "c", type: "FINANCE" }, { onConflict: "company_id,type" }).select("type, companies(name)")
  type _Ups = Expect<Equal<Data<typeof ups>, { type: Enums<"sector_type">; companies: { name: string } }[]>>
  const del = mc.from("tasks").delete().eq("id", "x").select("id")
  type _Del = Expect<Equal<Data<typeof del>, { id: string }[]>>
  // @ts-expect-error the written rows have no 'titel' either
  mc.from("tasks").insert({ company_id: "c", title: "t", assignee_id: "a", assigned_by: "b" }).select("titel")
  // @ts-expect-error memory entries: no relation named agents_x
  mc.from("memory_entries").insert({ company_id: "c", type: "AUDIT", summary: "s" }).select("id, agents_x(name)")
  return [await ins, await back, await upd, await ups, await del]
}

// ---- rpc: a function's result has columns, aliases, casts and JSON paths, but no relationships --
export async function rpc() {
  // The schema declares no functions: the rows of an unknown function are untyped, the select
  // string is still parsed (casts give their type).
  const r = mc.rpc("rank_agents", { company: "c" }).select("id, s:score::text, payload->a")
  type _R = Expect<Equal<Data<typeof r>, { id: unknown; s: string | null; a: Json }[]>>
  // @ts-expect-error a function result has no relationships to embed
  mc.rpc("rank_agents").select("id, agents(name)")
  // @ts-expect-error syntax error
  mc.rpc("rank_agents").select("id,,name")
  const u = mc.schema("mc_test").rpc("echo", { a: 1 }).select("a, b(c)")
  return [await r, await u]
}

// ---- filters, order and match on embedded columns ------------------------------------------------
export async function filters() {
  const q = mc.from("tasks").select("id, title, who:agents!tasks_assignee_id_fkey(name, tier, department:departments!agents_department_id_fkey(type))")
  await q.eq("who.tier", 2).eq("agents.name", "Ada").in("who.department.type", ["PRODUCT", "FINANCE"]).eq("status", "PENDING")
  await q.ilike("who.name", "a%").is("who.department.type", null).not("who.tier", "eq", 1).neq("parameters->>goal", "x")
  await q.order("title").order("name", { referencedTable: "who" }).order("tier", { foreignTable: "agents", ascending: false }).order("who(name)")
  await q.limit(5, { referencedTable: "who" }).range(0, 9, { referencedTable: "who.department" })
  await q.match({ status: "PENDING", "who.name": "Ada", "who.department.type": "PRODUCT" })
  // @ts-expect-error not a number
  q.eq("who.tier", "two")
  // @ts-expect-error not a department type
  q.eq("who.department.type", "ACCOUNTING")
  // @ts-expect-error no such column on the embed
  q.eq("who.nme", "x")
  // @ts-expect-error departments is not embedded at the top (only through who)
  q.eq("departments.type", "PRODUCT")
  // @ts-expect-error no such column
  q.order("titel")
  // @ts-expect-error no such column on the embed
  q.order("nme", { referencedTable: "who" })
  // @ts-expect-error not an embedded resource of this select
  q.order("name", { referencedTable: "companies" })
  // @ts-expect-error not an embedded resource of this select
  q.limit(1, { referencedTable: "companies" })
  // @ts-expect-error no such column on the embed
  q.match({ "who.nme": "Ada" })
  // @ts-expect-error not a task status
  q.match({ status: "DONE" })
  // A select string that is not a literal: the embedded columns cannot be known, any path is accepted.
  const loose = mc.from("tasks").select("id" as string)
  await loose.eq("anything.at_all", 1).order("x", { referencedTable: "anything" })
}

// ---- returns<T>() and overrideTypes<T>() still override ----------------------------------------
export async function overrides() {
  const r = mc.from("tasks").select("id, who:agents!assignee_id(name)").returns<{ id: string; extra: number }[]>()
  type _R = Expect<Equal<Data<typeof r>, { id: string; extra: number }[]>>
  const o = mc.from("tasks").select("id").overrideTypes<{ id: "fixed" }[]>()
  type _O = Expect<Equal<Data<typeof o>, { id: "fixed" }[]>>
  // The filters stay typed by the select string.
  await r.eq("who.name", "Ada")
  // @ts-expect-error no such column
  r.eq("who.nme", "Ada")
  return [await r, await o]
}

// ---- the untyped client (another schema): strings are not checked, rows are loose ----------------
export async function untyped() {
  const other = mc.schema("mc_test")
  await other.from("things").select("a, b(c)").eq("b.c", 1).order("x", { referencedTable: "b" })
}
