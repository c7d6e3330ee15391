// The types of the client's API, typed by the schema: column names are keys of the table's Row,
// values are the column's type, and memory_entries / chat_messages have no update, upsert or
// delete. The methods themselves are declared in methods.d.ts, generated from the method table.

// ErrorCode, AuthEvent, Count, OtpType and SignOutScope are generated from the Rust enums
// (methods.d.ts); the JSON parts of the options (ClientJsonOptions, AuthJsonOptions) are
// declared from the façade's Rust types (tsify).

/** One broken rule of a `validation_failed` error. */
export interface Violation {
  /** The table (or the call, such as `createClient`) the value was for. */
  table: string
  /** The field, column or argument that broke the rule. */
  field: string
  /** The rule, in words ("must be a UUID"). */
  rule: string
  /** The value refused (null where it is not shown, such as a key). */
  value: Json
}

/** A signed-in session: the JSON supabase-js stores, so both can share one login. */
export interface Session {
  /** The JWT sent as `Authorization: Bearer` (RLS reads its claims). */
  access_token: string
  /** The token that gets a new access token once. */
  refresh_token: string
  /** Seconds the access token lives, from issue. */
  expires_in: number
  /** When the access token expires, in seconds since the Unix epoch. */
  expires_at: number
  /** `bearer`. */
  token_type: string
  /** The user the server answered with the session. */
  user: McUser
  /** The password grant's verdict on the password (`null` when it is strong enough). */
  weak_password?: { reasons: string[]; message?: string } | null
  /** Any other field of the server's answer, kept as supabase-js keeps it. */
  [field: string]: unknown
}
export type McErrorCode = ErrorCode
export type McViolation = Violation
export type McSession = Session
export type McAuthEvent = AuthEvent
export type McCount = Count
export type McOtpType = OtpType
export type McSignOutScope = SignOutScope

/** Every error of the SDK: a real `Error` (name "McError") with stable fields. */
export interface McError extends Error {
  name: "McError"
  /** `JSON.stringify(error)` keeps the message and every field. */
  toJSON(): { name: "McError"; message: string; code: McErrorCode; status: number; details: string | null; hint: string | null; violations: McViolation[]; retryable: boolean; serverCode: string | null; reasons: string[] }
  code: McErrorCode
  /** HTTP status; 0 when nothing was received. */
  status: number
  details: string | null
  hint: string | null
  violations: McViolation[]
  retryable: boolean
  /** The server's own code: SQLSTATE, PGRSTxxx or the auth server's error code. */
  serverCode: string | null
  /** Why a password was refused (`weak_password`). */
  reasons: string[]
}

export type McResponse<T> =
  | { data: T; error: null; count: number | null; status: number; statusText: string; success: true }
  | { data: null; error: McError; count: number | null; status: number; statusText: string; success: false }

type McRowOf<T extends TableName> = Tables<T>
type McPath = `${string}.${string}` | `${string}->${string}`
type McTrim<S extends string> = S extends ` ${infer R}` ? McTrim<R> : S extends `${infer R} ` ? McTrim<R> : S
type McFields<S extends string> = S extends `${infer H},${infer R}` ? McTrim<H> | McFields<R> : McTrim<S>
/** The row shape a select string gives: `*` the Row, a list of plain columns a Pick of it. */
export type McSelected<Row, S extends string> = S extends "*"
  ? Row
  : [McFields<S>] extends [keyof Row] ? Pick<Row, McFields<S> & keyof Row> : Record<string, unknown>
type McCol<Row> = keyof Row & string
type McVal<Row, C> = C extends keyof Row ? NonNullable<Row[C]> : unknown
type McElem<Row, C> = C extends keyof Row ? (NonNullable<Row[C]> extends (infer E)[] ? E : NonNullable<Row[C]>) : unknown
type McOne<R> = R extends (infer E)[] ? E : R
/** `referencedTable` (or its old name `foreignTable`): one of the embedded resources, `E`. */
interface McRefOption<E extends string = string> { referencedTable?: E; foreignTable?: E }

// ---- Select strings, filters and order typed through the schema's relationships -------------
// A builder is `McFilterBuilder<Row, Result, T, Q>`: T is the table (`rpc/<fn>` after rpc(),
// `never` on the untyped client) and Q the select string. select(Q) is parsed at compile time by
// the types in select.d.ts (SelectResult, SelectCheck, FilterColumn, …): a bad column, relation
// or hint is a compile error at the argument, naming the bad token.

type McPublic = Database["public"]
/** The public schema (an interface, so that messages name it rather than spell it out). */
interface McSchema extends McPublic {}
/** What the builder reads: one table of the schema, a function's result, or untyped rows. */
type McKind<T> = 0 extends 1 & T ? "untyped"
  : [T] extends [never] ? "untyped"
  : [T] extends [TableName] ? (TableName extends T ? "untyped" : "table")
  : [T] extends [`rpc/${string}`] ? "rpc"
  : "untyped"
type McTable<T> = T & TableName
type McFnOf<T> = T extends `rpc/${infer F}` ? F : string
/** What `select()` accepts: the string itself when it is valid, else a message naming the bad token. */
type McSelectArg<Row, T, Q extends string> =
  McKind<T> extends "table" ? SelectCheck<McSchema, McTable<T>, Q>
  : McKind<T> extends "rpc" ? RowSelectCheck<Row, McFnOf<T>, Q>
  : Q
/** The row type `select(Q)` gives: parsed from Q on a table or a function's result; on untyped rows {@link McSelected}. */
export type McSelect<Row, T, Q extends string> =
  McKind<T> extends "table" ? SelectResult<McSchema, McTable<T>, Q>
  : McKind<T> extends "rpc" ? RowSelectResult<Row, McFnOf<T>, Q>
  : McSelected<Row, Q>
/** The columns a filter names after `select(Q)`: the table's, JSON paths, and the embedded ones (`agents.name`). */
type McFilterCol<Row, T, Q extends string> =
  McKind<T> extends "table" ? FilterColumn<McSchema, McTable<T>, Q> | (string extends Q ? McPath : never)
  : McCol<Row> | McPath
type McKnown<V> = unknown extends V ? unknown : NonNullable<V>
/** The value a filter compares the column with (null is `is`'s). */
type McFilterVal<Row, T, Q extends string, C> =
  McKind<T> extends "table" ? McKnown<FilterColumnType<McSchema, McTable<T>, Q, C & string>> : McVal<Row, C>
/** An element of an array column's values (`contains`, `overlaps`). */
type McFilterElem<Row, T, Q extends string, C> =
  McKind<T> extends "table" ? (McFilterVal<Row, T, Q, C> extends infer V ? ([V] extends [(infer E)[]] ? E : V) : never) : McElem<Row, C>
/** `match()`'s object: columns (embedded ones too) to the values they must equal. */
type McMatch<Row, T, Q extends string> =
  McKind<T> extends "table" ? { [K in FilterColumn<McSchema, McTable<T>, Q>]?: FilterColumnType<McSchema, McTable<T>, Q, K> } : Partial<Row>
/** The embedded resources an option's `referencedTable` may name after `select(Q)` (nested: `a.b`). */
type McEmbed<Row, T, Q extends string> =
  McKind<T> extends "table" ? (string extends Q ? string : EmbedName<McSchema, McTable<T>, Q> extends infer E extends string ? E | `${E}.${string}` : never) : string
/** What `order()` sorts by without `referencedTable`: a column, a JSON path, or a to-one embed's column as `agents(name)`. */
type McOrderCol<Row, T, Q extends string> =
  McKind<T> extends "table"
    ? (string extends Q ? string : FilterColumn<McSchema, McTable<T>, Q> extends infer F
        ? F extends `${string}->${string}` ? F : F extends `${infer E}.${infer C}` ? (C extends `${string}.${string}` ? never : `${E}(${C})`) : F
        : never)
    : McCol<Row> | McPath
/** A column of the embedded resource E (what `order(column, { referencedTable: E })` sorts it by). */
type McEmbedCol<Row, T, Q extends string, E extends string> =
  McKind<T> extends "table"
    ? (string extends Q ? string : FilterColumn<McSchema, McTable<T>, Q> extends infer F ? (F extends `${E}.${infer C}` ? C : never) : never)
    : string
interface McOrderOptions { ascending?: boolean; nullsFirst?: boolean }

/** The functions of the schema (`rpc`); a name outside them gives untyped rows. */
type McFnName = keyof McSchema["Functions"] & string
type McFnArgs<F> = F extends McFnName ? (McSchema["Functions"][F] extends { Args: infer A } ? A : Record<string, unknown>) : Record<string, unknown>
type McFnResult<F> = F extends McFnName ? (McSchema["Functions"][F] extends { Returns: infer R } ? R : unknown) : unknown
/** One row of a function's result: the element of a set, or the composite itself. */
type McFnRow<F> = McFnResult<F> extends infer R
  ? [R] extends [readonly (infer E)[]] ? (E extends object ? E : Record<string, unknown>) : R extends object ? R : Record<string, unknown>
  : never


export type McFrom<T extends TableName> = T extends McBackendOnlyTable
  ? Pick<McReadInsert<T>, "select">
  : McReadInsert<T>
    & (T extends McAppendOnlyTable ? unknown : McUpdatable<T>)
    & (T extends McUndeletableTable ? unknown : McDeletable<T>)

export interface McClientOptions extends ClientJsonOptions {
  global?: { fetch?: typeof fetch }
  auth?: AuthJsonOptions & {
    /** Where the session is kept: localStorage by default in the browser, memory elsewhere. */
    storage?: McStorage
  }
}

export interface McUser { id: string; email?: string; user_metadata: Record<string, unknown>; app_metadata: Record<string, unknown>; [key: string]: unknown }
export type McAuthResponse = { data: { user: McUser | null; session: McSession | null }; error: McError | null }

/** The claims of a Supabase access token (`getClaims`). */
export interface McJwtClaims { sub: string; aud: string | string[]; exp: number; iat: number; iss: string; role: string; aal: "aal1" | "aal2"; session_id: string; email?: string; phone?: string; amr?: { method: string; timestamp: number }[]; is_anonymous?: boolean; app_metadata?: Record<string, unknown>; user_metadata?: Record<string, unknown>; [claim: string]: unknown }
/** An identity of the user (`user.identities`, `getUserIdentities`). */
export interface McUserIdentity { identity_id: string; id: string; user_id: string; provider: string; identity_data?: Record<string, unknown>; email?: string; created_at?: string; updated_at?: string; last_sign_in_at?: string }
/** A factor of the user (`user.factors`, `mfa.listFactors`). */
export interface McFactor { id: string; friendly_name?: string; factor_type: "totp" | "phone" | "webauthn"; status: "verified" | "unverified"; created_at: string; updated_at: string; phone?: string; last_challenged_at?: string | null }
/** What `mfa.enroll` answers for a TOTP factor (`qr_code`: an SVG data URI). */
export interface McMfaEnrolled { id: string; type: "totp"; friendly_name?: string; totp: { qr_code: string; secret: string; uri: string } }
export interface McSubscription { id: number; callback: (event: McAuthEvent, session: McSession | null) => void; unsubscribe(): void }
/** A session store: supabase-js's storage adapter shape (methods may return Promises). */
export interface McStorage {
  getItem(key: string): string | null | Promise<string | null>
  setItem(key: string, value: string): void | Promise<void>
  removeItem(key: string): void | Promise<void>
}
type McUserResponse = { data: { user: McUser | null }; error: McError | null }


/** A workflow's answer: the written row, or an McError (`invalid_transition`, `conflict`, …). */
export type McResult<T> = { data: T; error: null } | { data: null; error: McError }
type McStep<R> = (id: string) => Promise<McResult<R>>

/** What onboarding creates: the company, its CEO, departments with their tier-2 chiefs. */
export interface McOnboardingInput {
  company: Omit<TablesInsert<"companies">, "owner_user_id" | "status" | "ceo_id">
  ceo: { id?: string; name: string; role?: string; mandate?: string | null; autonomy_level?: Enums<"autonomy_level"> }
  departments: { id?: string; type: Enums<"department_type">; chief: { id?: string; name: string; role: string; mandate?: string | null } }[]
}
/** The same with a UUID on every row: run it again after a failure to complete it. */
export type McOnboardingPlan = McOnboardingInput & {
  company: { id: string }
  ceo: { id: string }
  departments: { id: string; chief: { id: string } }[]
}
/** L1: a sector region. `attention`: 1 when not GREEN, plus pending escalations to the CEO (COMMAND) or departments at risk (ORGANIZATION). */
export interface McRegion { id: string; type: Enums<"sector_type">; health: Enums<"health_status">; data: Json; attention: number }
/** A department tile; every number is counted by the database. `openItems`: open tasks of the department (a task without one counts for its assignee's); `risks`: its blocked tasks plus pending ACTION_REQUIRED escalations from its agents. */
export interface McDepartmentTile { id: string; type: Enums<"department_type">; health: Enums<"health_status">; key_metric: Json | null; chief: { id: string; name: string; role: string } | null; headcount: number; openItems: number; blocked: number; completedTasks: number; risks: number }
/** An agent of the roster (every agent, paged until complete) with its counts. `activeTasks`: open and not BLOCKED. */
export type McRosterEntry = Pick<AgentRow, "id" | "name" | "role" | "tier" | "human" | "status" | "department_id" | "reports_to" | "autonomy_level" | "last_pulse" | "mandate" | "created_at"> & { activeTasks: number; blockedTasks: number; completedTasks: number; inbox: number; pendingEscalations: number; failedPulses24h: number }
/** The global view: every number a count the database made, exact at any size. `pendingEscalations` lists the newest 100; `pendingEscalationCount` counts them all. */
export interface McCockpit {
  company: CompanyRow; regions: McRegion[]; departments: McDepartmentTile[]; roster: McRosterEntry[]
  pendingEscalations: EscalationRow[]; pendingEscalationCount: number; openTasks: number
  taskCounts: { PENDING: number; IN_PROGRESS: number; BLOCKED: number; COMPLETE: number }
  memoryCounts: { DECISION: number; KNOWLEDGE: number }
  recentMemory: Pick<MemoryEntryRow, "id" | "type" | "summary" | "details" | "created_at">[]
  recentPulses: McPulseSummary[]
  pulses24h: { COMPLETE: number; FAILED: number }
}
export type McPulseSummary = Pick<PulseRow, "id" | "agent_id" | "status" | "phase" | "started_at" | "completed_at"> & { agentName: string | null; actionCount: number }
/** A department: lists hold the newest 50; `counts` are exact. */
export interface McDepartmentView { department: DepartmentRow; chief: AgentRow | null; agents: AgentRow[]; counts: { headcount: number; openTasks: number; completedTasks: number; blockedTasks: number; blockers: number }; openTasks: TaskRow[]; completedTasks: TaskRow[]; blockers: (TaskRow | EscalationRow)[]; recentPulses: McPulseSummary[] }
/** An agent: `activeTasks` lists the newest 50 open tasks, `activeTaskCount` counts them all. */
export interface McAgentView { agent: AgentRow; reportsToName: string | null; inboxCount: number; activeTasks: TaskRow[]; activeTaskCount: number }


export interface McUntypedClient {
  from(table: string): McReadInsert<any> & McUpdatable<any> & McDeletable<any>
  rpc(fn: string, args?: Record<string, unknown>, options?: { get?: boolean; head?: boolean; count?: McCount }): McFilterBuilder<Record<string, unknown>, unknown>
}

export declare function createClient(url: string, key: string, options?: McClientOptions): McClient

/** Quotes a value for an `or`/`and` logic tree or an `in` list, as PostgREST's grammar requires. */
export declare function quoteValue(value: string): string
