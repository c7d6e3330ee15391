// The client's API, typed by the schema: column names are keys of the table's Row, values
// are the column's type, and memory_entries / chat_messages have no update, upsert or delete.

// ErrorCode, Violation, Session, AuthEvent, Count, OtpType, SignOutScope and the JSON parts of
// the options (ClientJsonOptions, AuthJsonOptions) are declared from the Rust types (tsify).
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
interface McRefOption { referencedTable?: string; foreignTable?: string }

/** Filters and modifiers; `await` runs the query. */
export interface McFilterBuilder<Row, Result> extends PromiseLike<McResponse<Result>> {
  eq<C extends McCol<Row> | McPath>(column: C, value: McVal<Row, C>): this
  neq<C extends McCol<Row> | McPath>(column: C, value: McVal<Row, C>): this
  gt<C extends McCol<Row> | McPath>(column: C, value: McVal<Row, C>): this
  gte<C extends McCol<Row> | McPath>(column: C, value: McVal<Row, C>): this
  lt<C extends McCol<Row> | McPath>(column: C, value: McVal<Row, C>): this
  lte<C extends McCol<Row> | McPath>(column: C, value: McVal<Row, C>): this
  like(column: McCol<Row> | McPath, pattern: string): this
  ilike(column: McCol<Row> | McPath, pattern: string): this
  /** POSIX regular expression (`~`). */
  regexMatch(column: McCol<Row> | McPath, pattern: string): this
  /** POSIX regular expression ignoring case (`~*`). */
  regexIMatch(column: McCol<Row> | McPath, pattern: string): this
  likeAllOf(column: McCol<Row> | McPath, patterns: readonly string[]): this
  likeAnyOf(column: McCol<Row> | McPath, patterns: readonly string[]): this
  ilikeAllOf(column: McCol<Row> | McPath, patterns: readonly string[]): this
  ilikeAnyOf(column: McCol<Row> | McPath, patterns: readonly string[]): this
  is(column: McCol<Row> | McPath, value: null | boolean): this
  isDistinct<C extends McCol<Row> | McPath>(column: C, value: McVal<Row, C> | null): this
  in<C extends McCol<Row> | McPath>(column: C, values: readonly McVal<Row, C>[]): this
  notIn<C extends McCol<Row> | McPath>(column: C, values: readonly McVal<Row, C>[]): this
  contains<C extends McCol<Row> | McPath>(column: C, value: string | readonly McElem<Row, C>[] | Record<string, unknown>): this
  containedBy<C extends McCol<Row> | McPath>(column: C, value: string | readonly McElem<Row, C>[] | Record<string, unknown>): this
  overlaps<C extends McCol<Row> | McPath>(column: C, value: string | readonly McElem<Row, C>[]): this
  rangeGt(column: McCol<Row> | McPath, range: string): this
  rangeGte(column: McCol<Row> | McPath, range: string): this
  rangeLt(column: McCol<Row> | McPath, range: string): this
  rangeLte(column: McCol<Row> | McPath, range: string): this
  rangeAdjacent(column: McCol<Row> | McPath, range: string): this
  textSearch(column: McCol<Row> | McPath, query: string, options?: { config?: string; type?: "plain" | "phrase" | "websearch" }): this
  match(query: Partial<Row>): this
  not(column: McCol<Row> | McPath, operator: string, value: unknown): this
  or(filters: string, options?: McRefOption): this
  filter(column: McCol<Row> | McPath, operator: string, value: unknown): this
  order(column: McCol<Row> | McPath | string, options?: { ascending?: boolean; nullsFirst?: boolean } & McRefOption): this
  limit(count: number, options?: McRefOption): this
  range(from: number, to: number, options?: McRefOption): this
  single(): McFilterBuilder<Row, McOne<Result>>
  maybeSingle(): McFilterBuilder<Row, McOne<Result> | null>
  csv(): McFilterBuilder<Row, string>
  /** `null`/`undefined` remove the signal. */
  abortSignal(signal: AbortSignal | null | undefined): this
  timeout(ms: number): this
  throwOnError(): this
  setHeader(name: string, value: string): this
  /** The table (or `rpc/<name>`) this builder targets. */
  readonly table: string | null
  /** The request it would send now, or the problem that stops it (nothing is sent). */
  readonly request: { method: string; url: string; headers: Record<string, string>; body: string | null } | { error: McError }
  toJSON(): { table: string | null; request: McFilterBuilder<Row, Result>["request"] }
  catch<T = never>(onrejected?: ((reason: McError) => T | PromiseLike<T>) | null): Promise<McResponse<Result> | T>
  finally(onfinally?: (() => void) | null): Promise<McResponse<Result>>
  returns<U>(): McFilterBuilder<Row, U>
  overrideTypes<U>(): McFilterBuilder<Row, U>
  /** After a mutation: return the written rows. */
  select<S extends string = "*">(columns?: S): McFilterBuilder<Row, McSelected<Row, S>[]>
}

/** `mc.from(table)` for every table. */
export interface McReadInsert<T extends TableName> {
  select<S extends string = "*">(columns?: S, options?: { count?: McCount; head?: boolean }): McFilterBuilder<McRowOf<T>, McSelected<McRowOf<T>, S>[]>
  insert(values: TablesInsert<T> | readonly TablesInsert<T>[], options?: { count?: McCount; defaultToNull?: boolean }): McFilterBuilder<McRowOf<T>, null>
}
/** Tables whose RLS allows UPDATE. */
export interface McUpdatable<T extends TableName> {
  update(values: TablesUpdate<T>, options?: { count?: McCount }): McFilterBuilder<McRowOf<T>, null>
  upsert(values: TablesInsert<T> | readonly TablesInsert<T>[], options?: { onConflict?: string; ignoreDuplicates?: boolean; defaultToNull?: boolean; count?: McCount }): McFilterBuilder<McRowOf<T>, null>
}
/** Tables whose RLS allows DELETE. */
export interface McDeletable<T extends TableName> {
  delete(options?: { count?: McCount }): McFilterBuilder<McRowOf<T>, null>
}
export type McFrom<T extends TableName> = McReadInsert<T>
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

export interface McSubscription { id: number; callback: (event: McAuthEvent, session: McSession | null) => void; unsubscribe(): void }
/** A session store: supabase-js's storage adapter shape (methods may return Promises). */
export interface McStorage {
  getItem(key: string): string | null | Promise<string | null>
  setItem(key: string, value: string): void | Promise<void>
  removeItem(key: string): void | Promise<void>
}
type McUserResponse = { data: { user: McUser | null }; error: McError | null }

export declare class McAuth {
  private constructor()
  signUp(credentials: { email: string; password: string; options?: { data?: Record<string, unknown> } }): Promise<McAuthResponse>
  signInWithPassword(credentials: { email: string; password: string }): Promise<McAuthResponse>
  signInWithOtp(credentials: { email: string; options?: { shouldCreateUser?: boolean; data?: Record<string, unknown> } }): Promise<McAuthResponse>
  verifyOtp(params: { email: string; token: string; type: McOtpType }): Promise<McAuthResponse>
  signInAnonymously(credentials?: { options?: { data?: Record<string, unknown> } }): Promise<McAuthResponse>
  refreshSession(current?: { refresh_token: string }): Promise<McAuthResponse>
  setSession(tokens: { access_token: string; refresh_token: string }): Promise<McAuthResponse>
  getSession(): Promise<{ data: { session: McSession | null }; error: McError | null }>
  getUser(): Promise<McUserResponse>
  updateUser(attributes: { email?: string; password?: string; data?: Record<string, unknown> }): Promise<McUserResponse>
  resetPasswordForEmail(email: string): Promise<{ data: {} | null; error: McError | null }>
  signOut(options?: { scope?: McSignOutScope }): Promise<{ error: McError | null }>
  onAuthStateChange(callback: (event: McAuthEvent, session: McSession | null) => void): { data: { subscription: McSubscription } }
  startAutoRefresh(): void
  stopAutoRefresh(): void
}

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

/** The product's workflows (domain-rules.md): state changes are compare-and-set updates. */
export interface McWorkflows {
  tasks: {
    start: McStep<TaskRow>
    block(id: string, reason: string): Promise<McResult<TaskRow>>
    unblock: McStep<TaskRow>
    complete: McStep<TaskRow>
    cancel: McStep<TaskRow>
  }
  escalations: {
    /** The type follows the trigger; routed to the sender's superior (MATERIAL_RISK: the CEO). */
    raise(e: { from_agent_id: string; trigger: Enums<"escalation_trigger">; context: string; impact: string; recommendation: string; related_task_id?: string | null }): Promise<McResult<EscalationRow>>
    acknowledge: McStep<EscalationRow>
    resolve(id: string, resolution: string): Promise<McResult<EscalationRow>>
  }
  chat: {
    open(agentId: string): Promise<McResult<ChatSessionRow>>
    send(sessionId: string, message: { role?: Enums<"chat_message_role">; content: string; tokens_used?: number | null }): Promise<McResult<ChatMessageRow>>
    close: McStep<ChatSessionRow>
  }
  agents: {
    hire(agent: TablesInsert<"agents"> & { reports_to: string }): Promise<McResult<AgentRow>>
    suspend: McStep<AgentRow>
    reactivate: McStep<AgentRow>
    deactivate: McStep<AgentRow>
    /** Refused with `immutable_record` for an agent the history refers to: deactivate it. */
    remove(id: string): Promise<McResult<{ id: string }[]>>
  }
  messages: {
    send(message: Omit<TablesInsert<"messages">, "company_id">): Promise<McResult<MessageRow>>
    markRead: McStep<MessageRow>
    markProcessed: McStep<MessageRow>
  }
  memory: {
    append(entry: TablesInsert<"memory_entries">): Promise<McResult<MemoryEntryRow>>
    supersede(oldId: string, entry: TablesInsert<"memory_entries">): Promise<McResult<MemoryEntryRow>>
  }
  onboarding: {
    plan(input: McOnboardingInput): Promise<McResult<McOnboardingPlan>>
    /** Idempotent with a plan: creates what is missing; activates when mission, vision, values and priorities allow. */
    run(planOrInput: McOnboardingInput): Promise<McResult<{ company: CompanyRow; plan: McOnboardingPlan }>>
    activate: McStep<CompanyRow>
  }
  cockpit: {
    /** The user's first company when no id is given; null when there is none. */
    load(companyId?: string): Promise<McResult<McCockpit | null>>
    department(id: string): Promise<McResult<McDepartmentView>>
    agent(id: string): Promise<McResult<McAgentView>>
    agentsByDepartment(id: string, tier?: number): Promise<McResult<AgentRow[]>>
    pulses(options: { company_id?: string; agent_id?: string; limit?: number; offset?: number }): Promise<McResult<McPulseSummary[]>>
    memory(options: { company_id: string; type?: Enums<"memory_entry_type">; limit?: number; offset?: number }): Promise<McResult<MemoryEntryRow[]>>
  }
}

export declare class McClient {
  private constructor()
  readonly auth: McAuth
  readonly tasks: McWorkflows["tasks"]
  readonly escalations: McWorkflows["escalations"]
  readonly chat: McWorkflows["chat"]
  readonly agents: McWorkflows["agents"]
  readonly messages: McWorkflows["messages"]
  readonly memory: McWorkflows["memory"]
  readonly onboarding: McWorkflows["onboarding"]
  readonly cockpit: McWorkflows["cockpit"]
  from<T extends TableName>(table: T): McFrom<T>
  /** Another exposed schema: not in the generated types, so rows are untyped. */
  schema(name: string): McUntypedClient
  rpc(fn: string, args?: Record<string, unknown>, options?: { get?: boolean; head?: boolean; count?: McCount }): McFilterBuilder<Record<string, unknown>, unknown>
  validate(table: TableName, mode: "insert" | "update" | "row", value: unknown): true
  /** Calls `listener(group, name)` after each workflow that wrote; returns the unsubscribe function. */
  onWrite(listener: (group: string, name: string) => void): () => void
}
export interface McUntypedClient {
  from(table: string): McReadInsert<any> & McUpdatable<any> & McDeletable<any>
  rpc(fn: string, args?: Record<string, unknown>, options?: { get?: boolean; head?: boolean; count?: McCount }): McFilterBuilder<Record<string, unknown>, unknown>
}

export declare function createClient(url: string, key: string, options?: McClientOptions): McClient

/** Quotes a value for an `or`/`and` logic tree or an `in` list, as PostgREST's grammar requires. */
export declare function quoteValue(value: string): string
