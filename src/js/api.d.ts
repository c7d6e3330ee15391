// The client's API, typed by the schema: column names are keys of the table's Row, values
// are the column's type, and memory_entries / chat_messages have no update, upsert or delete.

export type McErrorCode =
  | "invalid_credentials" | "user_already_exists" | "email_exists" | "weak_password" | "session_not_found"
  | "refresh_token_already_used" | "refresh_token_not_found" | "over_request_rate_limit" | "otp_expired"
  | "provider_disabled" | "not_signed_in"
  | "validation_failed" | "unique_violation" | "foreign_key_violation" | "check_violation"
  | "not_null_violation" | "invalid_value" | "permission_denied" | "single_row_mismatch"
  | "immutable_record" | "jwt_expired" | "jwt_invalid" | "unknown_name" | "rest_error"
  | "auth_error" | "invalid_api_key" | "network" | "timeout" | "aborted" | "undecodable"

/** One broken rule, found before anything was sent. */
export interface McViolation { table: string; field: string; rule: string; value: Json }

/** Every error of the SDK: a real `Error` (name "McError") with stable fields. */
export interface McError extends Error {
  name: "McError"
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

export type McCount = "exact" | "planned" | "estimated"
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
  abortSignal(signal: AbortSignal): this
  timeout(ms: number): this
  throwOnError(): this
  returns<U>(): McFilterBuilder<Row, U>
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

export interface McClientOptions {
  global?: { fetch?: typeof fetch }
  auth?: {
    /** Where the session is kept: localStorage by default in the browser, memory elsewhere. */
    storage?: McStorage
    /** Defaults to supabase-js's `sb-<first label of the host>-auth-token`. */
    storageKey?: string
    persistSession?: boolean
    autoRefreshToken?: boolean
    /** The auto-refresh tick (30000 ms); refresh when `refreshMarginTicks` (3) or fewer remain. */
    refreshTickMs?: number
    refreshMarginTicks?: number
    /** Give up on an auth request after this long (10000 ms). */
    requestTimeoutMs?: number
  }
  /** Retries of GET/HEAD on 503/520 and network errors; `false` turns them off. */
  retry?: false | { attempts?: number; baseDelayMs?: number }
}

export interface McSession {
  access_token: string
  refresh_token: string
  expires_in: number
  expires_at: number
  token_type: string
  user: McUser
}
export interface McUser { id: string; email?: string; user_metadata: Record<string, unknown>; app_metadata: Record<string, unknown>; [key: string]: unknown }
export type McAuthResponse = { data: { user: McUser | null; session: McSession | null }; error: McError | null }

export type McAuthEvent = "INITIAL_SESSION" | "SIGNED_IN" | "SIGNED_OUT" | "TOKEN_REFRESHED" | "USER_UPDATED" | "PASSWORD_RECOVERY"
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
  verifyOtp(params: { email: string; token: string; type: "email" | "signup" | "magiclink" | "recovery" | "invite" | "email_change" }): Promise<McAuthResponse>
  signInAnonymously(credentials?: { options?: { data?: Record<string, unknown> } }): Promise<McAuthResponse>
  refreshSession(current?: { refresh_token: string }): Promise<McAuthResponse>
  setSession(tokens: { access_token: string; refresh_token: string }): Promise<McAuthResponse>
  getSession(): Promise<{ data: { session: McSession | null }; error: McError | null }>
  getUser(): Promise<McUserResponse>
  updateUser(attributes: { email?: string; password?: string; data?: Record<string, unknown> }): Promise<McUserResponse>
  resetPasswordForEmail(email: string): Promise<{ data: {} | null; error: McError | null }>
  signOut(options?: { scope?: "global" | "local" | "others" }): Promise<{ error: McError | null }>
  onAuthStateChange(callback: (event: McAuthEvent, session: McSession | null) => void): { data: { subscription: McSubscription } }
  startAutoRefresh(): void
  stopAutoRefresh(): void
  free(): void
  [Symbol.dispose](): void
}

export declare class McClient {
  private constructor()
  readonly auth: McAuth
  from<T extends TableName>(table: T): McFrom<T>
  /** Another exposed schema: not in the generated types, so rows are untyped. */
  schema(name: string): McUntypedClient
  rpc(fn: string, args?: Record<string, unknown>, options?: { get?: boolean; head?: boolean; count?: McCount }): McFilterBuilder<Record<string, unknown>, unknown>
  validate(table: TableName, mode: "insert" | "update" | "row", value: unknown): true
  free(): void
  [Symbol.dispose](): void
}
export interface McUntypedClient {
  from(table: string): McReadInsert<any> & McUpdatable<any> & McDeletable<any>
  rpc(fn: string, args?: Record<string, unknown>, options?: { get?: boolean; head?: boolean; count?: McCount }): McFilterBuilder<Record<string, unknown>, unknown>
}

export declare function createClient(url: string, key: string, options?: McClientOptions): McClient

/** Quotes a value for an `or`/`and` logic tree or an `in` list, as PostgREST's grammar requires. */
export declare function quoteValue(value: string): string
