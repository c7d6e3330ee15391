// Generated from the method table (src/surface/table.rs) by tests/surface.rs (MC_WRITE_SURFACE=1 cargo test --test surface): do not edit.

/** An McError's stable `code` (`ErrorCode` in Rust). */
export type ErrorCode = "validation_failed" | "unique_violation" | "foreign_key_violation" | "check_violation" | "not_null_violation" | "invalid_value" | "permission_denied" | "single_row_mismatch" | "immutable_record" | "jwt_expired" | "jwt_invalid" | "unknown_name" | "rest_error" | "auth_error" | "invalid_api_key" | "network" | "timeout" | "aborted" | "undecodable" | "invalid_credentials" | "user_already_exists" | "email_exists" | "weak_password" | "session_not_found" | "refresh_token_already_used" | "refresh_token_not_found" | "over_request_rate_limit" | "otp_expired" | "provider_disabled" | "not_signed_in" | "pkce_code_verifier_not_found" | "invalid_jwt" | "invalid_transition" | "conflict" | "not_found" | "internal" | "wasm_blocked" | "wasm_unavailable" | "not_ready"

/** What happened to the session. */
export type AuthEvent = "INITIAL_SESSION" | "SIGNED_IN" | "SIGNED_OUT" | "TOKEN_REFRESHED" | "USER_UPDATED" | "PASSWORD_RECOVERY" | "MFA_CHALLENGE_VERIFIED"

/** Which sessions `signOut` ends. */
export type SignOutScope = "global" | "local" | "others"

/** The kind of an emailed code (`verifyOtp`). */
export type OtpType = "email" | "signup" | "magiclink" | "recovery" | "invite" | "email_change" | "sms" | "phone_change"

/** `count` option of `select`. */
export type Count = "exact" | "planned" | "estimated"

/** Tables the backend alone writes: `from()` offers them `select` only (docs/rules.md). */
export type McBackendOnlyTable = "pulses"

/** Filters and modifiers; `await` runs the query (the builder can be kept, extended and awaited again). */
export interface McFilterBuilder<Row, Result, T extends string = never, Q extends string = "*"> extends PromiseLike<McResponse<Result>> {
  /** Equal to (`=`). */
  eq<C extends McFilterCol<Row, T, Q>>(column: C, value: McFilterVal<Row, T, Q, C>): this
  /** Not equal to (`<>`). */
  neq<C extends McFilterCol<Row, T, Q>>(column: C, value: McFilterVal<Row, T, Q, C>): this
  /** Greater than. */
  gt<C extends McFilterCol<Row, T, Q>>(column: C, value: McFilterVal<Row, T, Q, C>): this
  /** Greater than or equal to. */
  gte<C extends McFilterCol<Row, T, Q>>(column: C, value: McFilterVal<Row, T, Q, C>): this
  /** Less than. */
  lt<C extends McFilterCol<Row, T, Q>>(column: C, value: McFilterVal<Row, T, Q, C>): this
  /** Less than or equal to. */
  lte<C extends McFilterCol<Row, T, Q>>(column: C, value: McFilterVal<Row, T, Q, C>): this
  /** Matches a LIKE pattern (`%` any text, `_` one character). */
  like(column: McFilterCol<Row, T, Q>, pattern: string): this
  /** Matches an ILIKE pattern (LIKE ignoring case). */
  ilike(column: McFilterCol<Row, T, Q>, pattern: string): this
  /** POSIX regular expression (`~`). */
  regexMatch(column: McFilterCol<Row, T, Q>, pattern: string): this
  /** POSIX regular expression ignoring case (`~*`). */
  regexIMatch(column: McFilterCol<Row, T, Q>, pattern: string): this
  /** `IS` null, true or false. */
  is(column: McFilterCol<Row, T, Q>, value: null | boolean): this
  /** `IS DISTINCT FROM` (null-safe not-equal). */
  isDistinct<C extends McFilterCol<Row, T, Q>>(column: C, value: McFilterVal<Row, T, Q, C> | null): this
  /** One of the values (each quoted as the grammar requires). */
  in<C extends McFilterCol<Row, T, Q>>(column: C, values: readonly McFilterVal<Row, T, Q, C>[]): this
  /** Contains (`@>`): arrays, ranges, JSON. */
  contains<C extends McFilterCol<Row, T, Q>>(column: C, value: string | readonly McFilterElem<Row, T, Q, C>[] | Record<string, unknown>): this
  /** Contained by (`<@`). */
  containedBy<C extends McFilterCol<Row, T, Q>>(column: C, value: string | readonly McFilterElem<Row, T, Q, C>[] | Record<string, unknown>): this
  /** Overlaps (`&&`). */
  overlaps<C extends McFilterCol<Row, T, Q>>(column: C, value: string | readonly McFilterElem<Row, T, Q, C>[]): this
  /** Matches every LIKE pattern. */
  likeAllOf(column: McFilterCol<Row, T, Q>, patterns: readonly string[]): this
  /** Matches any LIKE pattern. */
  likeAnyOf(column: McFilterCol<Row, T, Q>, patterns: readonly string[]): this
  /** Matches every ILIKE pattern. */
  ilikeAllOf(column: McFilterCol<Row, T, Q>, patterns: readonly string[]): this
  /** Matches any ILIKE pattern. */
  ilikeAnyOf(column: McFilterCol<Row, T, Q>, patterns: readonly string[]): this
  /** Range strictly left of (`<<`). */
  rangeLt(column: McFilterCol<Row, T, Q>, range: string): this
  /** Range strictly right of (`>>`). */
  rangeGt(column: McFilterCol<Row, T, Q>, range: string): this
  /** Range does not extend left of (`&>`). */
  rangeGte(column: McFilterCol<Row, T, Q>, range: string): this
  /** Range does not extend right of (`&<`). */
  rangeLte(column: McFilterCol<Row, T, Q>, range: string): this
  /** Range adjacent to (`-|-`). */
  rangeAdjacent(column: McFilterCol<Row, T, Q>, range: string): this
  /** Full-text search (`fts`, `plfts`, `phfts`, `wfts`). */
  textSearch(column: McFilterCol<Row, T, Q>, query: string, options?: { config?: string; type?: "plain" | "phrase" | "websearch" }): this
  /** The columns to read (`*` by default): on a table, or the written rows after a mutation; the rows are typed from the string (columns, aliases, casts, JSON paths, embeds), and a bad column, relation or hint is a compile error. */
  select<S extends string = "*">(columns?: McSelectArg<Row, T, S>): McFilterBuilder<Row, McSelect<Row, T, S>[], T, S>
  /** None of the values. */
  notIn<C extends McFilterCol<Row, T, Q>>(column: C, values: readonly McFilterVal<Row, T, Q, C>[]): this
  /** Negates an operator (`not.<operator>.<value>`). */
  not(column: McFilterCol<Row, T, Q>, operator: string, value: unknown): this
  /** Any operator by its PostgREST name. */
  filter(column: McFilterCol<Row, T, Q>, operator: string, value: unknown): this
  /** Equal on every column of the object (embedded ones too: `{ "agents.name": "Ada" }`). */
  match(query: McMatch<Row, T, Q>): this
  /** Any of the filters (PostgREST logic-tree syntax; quote values with `quoteValue`). */
  or(filters: string, options?: McRefOption<McEmbed<Row, T, Q>>): this
  /** Orders by a column of the table (or `agents(name)`: a to-one embed's column). */
  order(column: McOrderCol<Row, T, Q>, options?: McOrderOptions & { referencedTable?: undefined; foreignTable?: undefined }): this
  /** Orders the rows of an embedded resource by one of its columns. */
  order<E extends McEmbed<Row, T, Q>>(column: McEmbedCol<Row, T, Q, E>, options: McOrderOptions & ({ referencedTable: E; foreignTable?: undefined } | { foreignTable: E; referencedTable?: undefined })): this
  /** At most `count` rows. */
  limit(count: number, options?: McRefOption<McEmbed<Row, T, Q>>): this
  /** Rows `from` to `to`, both included (0-based). */
  range(from: number, to: number, options?: McRefOption<McEmbed<Row, T, Q>>): this
  /** Exactly one row as an object (an error otherwise). */
  single(): McFilterBuilder<Row, McOne<Result>, T, Q>
  /** One row as an object, or null. */
  maybeSingle(): McFilterBuilder<Row, McOne<Result> | null, T, Q>
  /** The rows as CSV text. */
  csv(): McFilterBuilder<Row, string, T, Q>
  /** Aborts after `ms` milliseconds (`error.code === "timeout"`). */
  timeout(ms: number): this
  /** Rejects with the McError instead of resolving with `{ error }`. */
  throwOnError(): this
  /** Overrides the result type (TypeScript only). */
  returns<U>(): McFilterBuilder<Row, U, T, Q>
  /** Overrides the result type (TypeScript only). */
  overrideTypes<U>(): McFilterBuilder<Row, U, T, Q>
  /** Sets a request header. */
  setHeader(name: string, value: string): this
  /** Aborts with the signal (`error.code === "aborted"`); `null`/`undefined` remove it. */
  abortSignal(signal: AbortSignal | null | undefined): this
  /** The table (or `rpc/<name>`) this builder targets. */
  readonly table: string | null
  /** The request it would send now, or the problem that stops it (nothing is sent). */
  readonly request: { method: string; url: string; headers: Record<string, string>; body: string | null } | { error: McError }
  /** The target and the request, for `JSON.stringify` and the console. */
  toJSON(): { table: string | null; request: McFilterBuilder<Row, Result, T, Q>["request"] }
  /** As a Promise's `catch` (the query runs). */
  catch<T = never>(onrejected?: ((reason: McError) => T | PromiseLike<T>) | null): Promise<McResponse<Result> | T>
  /** As a Promise's `finally` (the query runs). */
  finally(onfinally?: (() => void) | null): Promise<McResponse<Result>>
}

/** `mc.from(table)` for every table. */
export interface McReadInsert<T extends TableName> {
  /** The columns to read (`*` by default): on a table, or the written rows after a mutation; the rows are typed from the string (columns, aliases, casts, JSON paths, embeds), and a bad column, relation or hint is a compile error. */
  select<Q extends string = "*">(columns?: McSelectArg<McRowOf<T>, T, Q>, options?: { count?: McCount; head?: boolean }): McFilterBuilder<McRowOf<T>, McSelect<McRowOf<T>, T, Q>[], T, Q>
  /** Inserts one row or many (validated first; nothing is sent if one is invalid). */
  insert(values: TablesInsert<T> | readonly TablesInsert<T>[], options?: { count?: McCount; defaultToNull?: boolean }): McFilterBuilder<McRowOf<T>, null, T>
}

/** Tables whose RLS allows UPDATE. */
export interface McUpdatable<T extends TableName> {
  /** Inserts, or updates on conflict (`onConflict` names the unique columns). */
  upsert(values: TablesInsert<T> | readonly TablesInsert<T>[], options?: { onConflict?: string; ignoreDuplicates?: boolean; defaultToNull?: boolean; count?: McCount }): McFilterBuilder<McRowOf<T>, null, T>
  /** Updates the rows the filters match (validated first). */
  update(values: TablesUpdate<T>, options?: { count?: McCount }): McFilterBuilder<McRowOf<T>, null, T>
}

/** Tables whose RLS allows DELETE. */
export interface McDeletable<T extends TableName> {
  /** Deletes the rows the filters match. */
  delete(options?: { count?: McCount }): McFilterBuilder<McRowOf<T>, null, T>
}

/** `mc.auth`: supabase-js's auth methods, answering `{ data, error }`. */
export declare class McAuth {
  private constructor()
  /** Signs up; with autoconfirm the client is then signed in. */
  signUp(credentials: { email: string; password: string; options?: { data?: Record<string, unknown> } }): Promise<McAuthResponse>
  /** Signs in with email and password. */
  signInWithPassword(credentials: { email: string; password: string }): Promise<McAuthResponse>
  /** Emails a one-time code and magic link (`shouldCreateUser` true by default; in the PKCE flow the link brings a `code`). */
  signInWithOtp(credentials: { email: string; options?: { shouldCreateUser?: boolean; data?: Record<string, unknown>; emailRedirectTo?: string } }): Promise<McAuthResponse>
  /** Verifies a code (emailed or texted) or an emailed link's `token_hash`: the session it opens (none for the first of a secure email change's two confirmations). */
  verifyOtp(params: ({ email: string; token: string; type: Exclude<McOtpType, "sms" | "phone_change"> } | { phone: string; token: string; type: "sms" | "phone_change" } | { token_hash: string; type: Exclude<McOtpType, "sms" | "phone_change"> }) & { options?: { redirectTo?: string } }): Promise<McAuthResponse>
  /** Signs in as a new anonymous user. */
  signInAnonymously(credentials?: { options?: { data?: Record<string, unknown> } }): Promise<McAuthResponse>
  /** Refreshes the session now (optionally from `{ refresh_token }`). */
  refreshSession(current?: { refresh_token: string }): Promise<McAuthResponse>
  /** Sets the session from an access and a refresh token. */
  setSession(tokens: { access_token: string; refresh_token: string }): Promise<McAuthResponse>
  /** The current session (refreshed first if expired), or null. */
  getSession(): Promise<{ data: { session: McSession | null }; error: McError | null }>
  /** The signed-in user, from the server. */
  getUser(): Promise<McUserResponse>
  /** Changes email (pending until confirmed: `new_email`), password (with the `nonce` of `reauthenticate` where the server asks) or metadata (`data`). */
  updateUser(attributes: { email?: string; password?: string; nonce?: string; data?: Record<string, unknown> }, options?: { emailRedirectTo?: string }): Promise<McUserResponse>
  /** Emails a password-recovery code and link (in the PKCE flow the link brings a `code`). */
  resetPasswordForEmail(email: string, options?: { redirectTo?: string }): Promise<{ data: {} | null; error: McError | null }>
  /** Waits for the client's start (the stored session; with `detectSessionInUrl`, a redirect's sign-in in the page's URL, which then leaves the URL): `error` is what the redirect brought back, if it failed. */
  initialize(): Promise<{ error: McError | null }>
  /** PKCE: exchanges the redirect's `code` for a session with the code verifier kept in the auth storage (supabase-js's key: either client can finish the other's flow). */
  exchangeCodeForSession(authCode: string): Promise<{ data: { session: McSession; user: McUser; redirectType: string | null } | { session: null; user: null; redirectType: null }; error: McError | null }>
  /** Sends a sign-up or email-change confirmation (or a phone code) again. */
  resend(credentials: ({ type: "signup" | "email_change"; email: string } | { type: "sms" | "phone_change"; phone: string }) & { options?: { emailRedirectTo?: string } }): Promise<McAuthResponse>
  /** Emails the signed-in user a code (`nonce`) for a password change where the server asks for one. */
  reauthenticate(): Promise<McAuthResponse>
  /** Signs out (`scope`: global by default, local or others). */
  signOut(options?: { scope?: McSignOutScope }): Promise<{ error: McError | null }>
  /** Signs in through a provider: the URL of GoTrue's `/authorize` (with a PKCE challenge in the PKCE flow), where the page goes unless `skipBrowserRedirect`; the redirect back is finished by `detectSessionInUrl` or `exchangeCodeForSession`. */
  signInWithOAuth(credentials: { provider: string; options?: { redirectTo?: string; scopes?: string; queryParams?: Record<string, string>; skipBrowserRedirect?: boolean } }): Promise<{ data: { provider: string; url: string } | null; error: McError | null }>
  /** A session for a provider's ID token (`nonce`: the raw nonce whose SHA-256 the token carries). */
  signInWithIdToken(credentials: { provider: string; token: string; access_token?: string; nonce?: string }): Promise<McAuthResponse>
  /** The user's identities, from the server. */
  getUserIdentities(): Promise<{ data: { identities: McUserIdentity[] } | null; error: McError | null }>
  /** Links another provider's identity to the signed-in user: the provider's URL, where the page goes unless `skipBrowserRedirect`. */
  linkIdentity(credentials: { provider: string; options?: { redirectTo?: string; scopes?: string; queryParams?: Record<string, string>; skipBrowserRedirect?: boolean } }): Promise<{ data: { provider: string; url: string } | null; error: McError | null }>
  /** Unlinks an identity (a user keeps at least one). */
  unlinkIdentity(identity: { identity_id: string }): Promise<{ data: {} | null; error: McError | null }>
  /** The claims of the session's access token (or `jwt`), verified: an asymmetric signature (ES256, RS256) against the project's JWKS (kept 10 minutes, fetched again for an unknown `kid`), anything else by the server. `data` is null when signed out. */
  getClaims(jwt?: string, options?: { allowExpired?: boolean }): Promise<{ data: { claims: McJwtClaims; header: { alg: string; kid?: string; typ?: string }; signature: number[] } | null; error: McError | null }>
  /** Multi-factor authentication (TOTP), as supabase-js's `auth.mfa`. */
  readonly mfa: McAuthMfa
  /** Subscribes to INITIAL_SESSION, SIGNED_IN, SIGNED_OUT, TOKEN_REFRESHED, USER_UPDATED, PASSWORD_RECOVERY and MFA_CHALLENGE_VERIFIED. */
  onAuthStateChange(callback: (event: McAuthEvent, session: McSession | null) => void): { data: { subscription: McSubscription } }
  /** Starts refreshing the session before it expires (on by default). */
  startAutoRefresh(): void
  /** Stops the automatic refresh. */
  stopAutoRefresh(): void
}

/** `mc.auth.mfa`: supabase-js's multi-factor methods (TOTP). */
export interface McAuthMfa {
  /** Enrolls a TOTP factor: its secret, `otpauth://` URI and QR code (an SVG data URI); unverified until a code is verified. */
  enroll(params: { factorType: "totp"; friendlyName?: string; issuer?: string }): Promise<{ data: McMfaEnrolled | null; error: McError | null }>
  /** Starts a challenge of a factor (it expires after 300 s). */
  challenge(params: { factorId: string }): Promise<{ data: { id: string; type: "totp"; expires_at: number } | null; error: McError | null }>
  /** Verifies a code: the session rises to `aal2` and is kept (MFA_CHALLENGE_VERIFIED). */
  verify(params: { factorId: string; challengeId: string; code: string }): Promise<{ data: McSession | null; error: McError | null }>
  /** A challenge and its verification in one step. */
  challengeAndVerify(params: { factorId: string; code: string }): Promise<{ data: McSession | null; error: McError | null }>
  /** Removes a factor (a verified one needs an `aal2` session). */
  unenroll(params: { factorId: string }): Promise<{ data: { id: string } | null; error: McError | null }>
  /** The user's factors, from the server: `all`, and the verified ones by type. */
  listFactors(): Promise<{ data: { all: McFactor[]; totp: McFactor[]; phone: McFactor[]; webauthn: McFactor[] } | null; error: McError | null }>
  /** The session's assurance level from its access token (no request), and `aal2` as the next where a factor is verified. */
  getAuthenticatorAssuranceLevel(): Promise<{ data: { currentLevel: "aal1" | "aal2" | null; nextLevel: "aal1" | "aal2" | null; currentAuthenticationMethods: { method: string; timestamp: number }[] } | null; error: McError | null }>
}

/** The product's workflows (docs/rules.md): state changes are compare-and-set updates. */
export interface McWorkflows {
  tasks: {
    /** PENDING → IN_PROGRESS. */
    start: McStep<TaskRow>
    /** PENDING or IN_PROGRESS → BLOCKED, with the reason. */
    block(id: string, reason: string): Promise<McResult<TaskRow>>
    /** BLOCKED → IN_PROGRESS. */
    unblock: McStep<TaskRow>
    /** IN_PROGRESS → COMPLETE. */
    complete: McStep<TaskRow>
    /** PENDING, IN_PROGRESS or BLOCKED → CANCELLED. */
    cancel: McStep<TaskRow>
  }
  escalations: {
    /** The type follows the trigger; routed to the sender's superior (MATERIAL_RISK: the CEO). */
    raise(e: { from_agent_id: string; trigger: Enums<"escalation_trigger">; context: string; impact: string; recommendation: string; related_task_id?: string | null }): Promise<McResult<EscalationRow>>
    /** PENDING → ACKNOWLEDGED. */
    acknowledge: McStep<EscalationRow>
    /** PENDING or ACKNOWLEDGED → RESOLVED, with the resolution. */
    resolve(id: string, resolution: string): Promise<McResult<EscalationRow>>
  }
  chat: {
    /** Opens a chat session with an agent (one ACTIVE session per agent). */
    open(agentId: string): Promise<McResult<ChatSessionRow>>
    /** Adds a message to an ACTIVE session. */
    send(sessionId: string, message: { role?: Enums<"chat_message_role">; content: string; tokens_used?: number | null }): Promise<McResult<ChatMessageRow>>
    /** ACTIVE → CLOSED. */
    close: McStep<ChatSessionRow>
  }
  agents: {
    /** Creates an agent one tier under its manager. */
    hire(agent: TablesInsert<"agents"> & { reports_to: string }): Promise<McResult<AgentRow>>
    /** ACTIVE → SUSPENDED. */
    suspend: McStep<AgentRow>
    /** SUSPENDED or INACTIVE → ACTIVE. */
    reactivate: McStep<AgentRow>
    /** ACTIVE or SUSPENDED → INACTIVE. */
    deactivate: McStep<AgentRow>
    /** Refused with `immutable_record` for an agent the history refers to: deactivate it. */
    remove(id: string): Promise<McResult<{ id: string }[]>>
  }
  messages: {
    /** Sends a message between agents of one company. */
    send(message: Omit<TablesInsert<"messages">, "company_id">): Promise<McResult<MessageRow>>
    /** Stamps `read_at` once. */
    markRead: McStep<MessageRow>
    /** Stamps `processed_at` once. */
    markProcessed: McStep<MessageRow>
  }
  memory: {
    /** Appends an entry (the memory is append-only). */
    append(entry: TablesInsert<"memory_entries">): Promise<McResult<MemoryEntryRow>>
    /** Appends an entry that supersedes `oldId`. */
    supersede(oldId: string, entry: TablesInsert<"memory_entries">): Promise<McResult<MemoryEntryRow>>
  }
  onboarding: {
    /** Gives every row of the input a UUID (nothing is sent). */
    plan(input: McOnboardingInput): Promise<McResult<McOnboardingPlan>>
    /** Idempotent with a plan: creates what is missing; activates when mission, vision, values and priorities allow. */
    run(planOrInput: McOnboardingInput): Promise<McResult<{ company: CompanyRow; plan: McOnboardingPlan }>>
    /** ONBOARDING → ACTIVE when mission, vision, values and priorities allow. */
    activate: McStep<CompanyRow>
  }
  cockpit: {
    /** The global view; the user's first company when no id is given, null when there is none. */
    load(companyId?: string): Promise<McResult<McCockpit | null>>
    /** A department: its chief, agents, tasks, blockers and pulses. */
    department(id: string): Promise<McResult<McDepartmentView>>
    /** An agent: its manager, inbox and open tasks. */
    agent(id: string): Promise<McResult<McAgentView>>
    /** A department's agents by tier and name (optionally one tier). */
    agentsByDepartment(id: string, tier?: number): Promise<McResult<AgentRow[]>>
    /** Pulses of a company or an agent, newest first, paged. */
    pulses(options: { company_id?: string; agent_id?: string; limit?: number; offset?: number }): Promise<McResult<McPulseSummary[]>>
    /** Memory entries of a company, newest first, paged. */
    memory(options: { company_id: string; type?: Enums<"memory_entry_type">; limit?: number; offset?: number }): Promise<McResult<MemoryEntryRow[]>>
  }
}

/** A client: `from`, `rpc`, `schema`, `validate`, `auth`, and the workflows. */
export declare class McClient {
  private constructor()
  readonly tasks: McWorkflows["tasks"]
  readonly escalations: McWorkflows["escalations"]
  readonly chat: McWorkflows["chat"]
  readonly agents: McWorkflows["agents"]
  readonly messages: McWorkflows["messages"]
  readonly memory: McWorkflows["memory"]
  readonly onboarding: McWorkflows["onboarding"]
  readonly cockpit: McWorkflows["cockpit"]
  /** The session: supabase-js's auth methods. */
  readonly auth: McAuth
  /** A query on one table. */
  from<T extends TableName>(table: T): McFrom<T>
  /** Another exposed schema: not in the generated types, so rows are untyped. */
  schema(name: string): McUntypedClient
  /** Calls a database function (`get`: GET with the arguments in the URL; `head`: no body). */
  rpc<F extends string>(fn: F, args?: McFnArgs<F>, options?: { get?: boolean; head?: boolean; count?: McCount }): McFilterBuilder<McFnRow<F>, McFnResult<F>, `rpc/${F}`>
  /** Validates without sending: `true`, or throws an McError with `violations`. */
  validate(table: TableName, mode: "insert" | "update" | "row", value: unknown): true
  /** Calls `listener(group, name)` after each workflow that wrote; returns the unsubscribe function. */
  onWrite(listener: (group: string, name: string) => void): () => void
}
