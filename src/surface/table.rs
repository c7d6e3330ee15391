//! The method table: every public method of the JS API, one row each (see the module above).
//! Query methods replay into `rest::call`'s handlers, auth methods into `surface::auth`'s, the
//! workflows into `domain::Workflows`; `Run::Facade` rows are the façade's own JS members.

use super::{auth, workflows, Empty, Method, On, Run};
use crate::rest::call;

/// Every public method of the JS surface, in declaration order.
pub static METHODS: &[Method] = &[
    Method {
        name: "eq",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["eq<C extends McFilterCol<Row, T, Q>>(column: C, value: McFilterVal<Row, T, Q, C>): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Equal to (`=`).",
        run: Run::Query(call::operator),
    },
    Method {
        name: "neq",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["neq<C extends McFilterCol<Row, T, Q>>(column: C, value: McFilterVal<Row, T, Q, C>): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Not equal to (`<>`).",
        run: Run::Query(call::operator),
    },
    Method {
        name: "gt",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["gt<C extends McFilterCol<Row, T, Q>>(column: C, value: McFilterVal<Row, T, Q, C>): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Greater than.",
        run: Run::Query(call::operator),
    },
    Method {
        name: "gte",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["gte<C extends McFilterCol<Row, T, Q>>(column: C, value: McFilterVal<Row, T, Q, C>): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Greater than or equal to.",
        run: Run::Query(call::operator),
    },
    Method {
        name: "lt",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["lt<C extends McFilterCol<Row, T, Q>>(column: C, value: McFilterVal<Row, T, Q, C>): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Less than.",
        run: Run::Query(call::operator),
    },
    Method {
        name: "lte",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["lte<C extends McFilterCol<Row, T, Q>>(column: C, value: McFilterVal<Row, T, Q, C>): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Less than or equal to.",
        run: Run::Query(call::operator),
    },
    Method {
        name: "like",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["like(column: McFilterCol<Row, T, Q>, pattern: string): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Matches a LIKE pattern (`%` any text, `_` one character).",
        run: Run::Query(call::operator),
    },
    Method {
        name: "ilike",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["ilike(column: McFilterCol<Row, T, Q>, pattern: string): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Matches an ILIKE pattern (LIKE ignoring case).",
        run: Run::Query(call::operator),
    },
    Method {
        name: "regexMatch",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["regexMatch(column: McFilterCol<Row, T, Q>, pattern: string): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "POSIX regular expression (`~`).",
        run: Run::Query(call::operator),
    },
    Method {
        name: "regexIMatch",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["regexIMatch(column: McFilterCol<Row, T, Q>, pattern: string): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "POSIX regular expression ignoring case (`~*`).",
        run: Run::Query(call::operator),
    },
    Method {
        name: "is",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["is(column: McFilterCol<Row, T, Q>, value: null | boolean): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "`IS` null, true or false.",
        run: Run::Query(call::operator),
    },
    Method {
        name: "isDistinct",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["isDistinct<C extends McFilterCol<Row, T, Q>>(column: C, value: McFilterVal<Row, T, Q, C> | null): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "`IS DISTINCT FROM` (null-safe not-equal).",
        run: Run::Query(call::operator),
    },
    Method {
        name: "in",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["in<C extends McFilterCol<Row, T, Q>>(column: C, values: readonly McFilterVal<Row, T, Q, C>[]): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "One of the values (each quoted as the grammar requires).",
        run: Run::Query(call::operator),
    },
    Method {
        name: "contains",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["contains<C extends McFilterCol<Row, T, Q>>(column: C, value: string | readonly McFilterElem<Row, T, Q, C>[] | Record<string, unknown>): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Contains (`@>`): arrays, ranges, JSON.",
        run: Run::Query(call::operator),
    },
    Method {
        name: "containedBy",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["containedBy<C extends McFilterCol<Row, T, Q>>(column: C, value: string | readonly McFilterElem<Row, T, Q, C>[] | Record<string, unknown>): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Contained by (`<@`).",
        run: Run::Query(call::operator),
    },
    Method {
        name: "overlaps",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["overlaps<C extends McFilterCol<Row, T, Q>>(column: C, value: string | readonly McFilterElem<Row, T, Q, C>[]): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Overlaps (`&&`).",
        run: Run::Query(call::operator),
    },
    Method {
        name: "likeAllOf",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["likeAllOf(column: McFilterCol<Row, T, Q>, patterns: readonly string[]): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Matches every LIKE pattern.",
        run: Run::Query(call::operator),
    },
    Method {
        name: "likeAnyOf",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["likeAnyOf(column: McFilterCol<Row, T, Q>, patterns: readonly string[]): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Matches any LIKE pattern.",
        run: Run::Query(call::operator),
    },
    Method {
        name: "ilikeAllOf",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["ilikeAllOf(column: McFilterCol<Row, T, Q>, patterns: readonly string[]): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Matches every ILIKE pattern.",
        run: Run::Query(call::operator),
    },
    Method {
        name: "ilikeAnyOf",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["ilikeAnyOf(column: McFilterCol<Row, T, Q>, patterns: readonly string[]): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Matches any ILIKE pattern.",
        run: Run::Query(call::operator),
    },
    Method {
        name: "rangeLt",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["rangeLt(column: McFilterCol<Row, T, Q>, range: string): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Range strictly left of (`<<`).",
        run: Run::Query(call::operator),
    },
    Method {
        name: "rangeGt",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["rangeGt(column: McFilterCol<Row, T, Q>, range: string): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Range strictly right of (`>>`).",
        run: Run::Query(call::operator),
    },
    Method {
        name: "rangeGte",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["rangeGte(column: McFilterCol<Row, T, Q>, range: string): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Range does not extend left of (`&>`).",
        run: Run::Query(call::operator),
    },
    Method {
        name: "rangeLte",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["rangeLte(column: McFilterCol<Row, T, Q>, range: string): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Range does not extend right of (`&<`).",
        run: Run::Query(call::operator),
    },
    Method {
        name: "rangeAdjacent",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["rangeAdjacent(column: McFilterCol<Row, T, Q>, range: string): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Range adjacent to (`-|-`).",
        run: Run::Query(call::operator),
    },
    Method {
        name: "textSearch",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &[r#"textSearch(column: McFilterCol<Row, T, Q>, query: string, options?: { config?: string; type?: "plain" | "phrase" | "websearch" }): this"#],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Full-text search (`fts`, `plfts`, `phfts`, `wfts`).",
        run: Run::Query(call::text_search),
    },
    Method {
        name: "select",
        on: &[On::From, On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &[r#"select<Q extends string = "*">(columns?: McSelectArg<McRowOf<T>, T, Q>, options?: { count?: McCount; head?: boolean }): McFilterBuilder<McRowOf<T>, McSelect<McRowOf<T>, T, Q>[], T, Q>"#, r#"select<S extends string = "*">(columns?: McSelectArg<Row, T, S>): McFilterBuilder<Row, McSelect<Row, T, S>[], T, S>"#],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "The columns to read (`*` by default): on a table, or the written rows after a mutation; the rows are typed from the string (columns, aliases, casts, JSON paths, embeds), and a bad column, relation or hint is a compile error.",
        run: Run::Query(call::select),
    },
    Method {
        name: "insert",
        on: &[On::From],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["insert(values: TablesInsert<T> | readonly TablesInsert<T>[], options?: { count?: McCount; defaultToNull?: boolean }): McFilterBuilder<McRowOf<T>, null, T>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Inserts one row or many (validated first; nothing is sent if one is invalid).",
        run: Run::Query(call::insert),
    },
    Method {
        name: "upsert",
        on: &[On::Updatable],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["upsert(values: TablesInsert<T> | readonly TablesInsert<T>[], options?: { onConflict?: string; ignoreDuplicates?: boolean; defaultToNull?: boolean; count?: McCount }): McFilterBuilder<McRowOf<T>, null, T>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Inserts, or updates on conflict (`onConflict` names the unique columns).",
        run: Run::Query(call::insert),
    },
    Method {
        name: "update",
        on: &[On::Updatable],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["update(values: TablesUpdate<T>, options?: { count?: McCount }): McFilterBuilder<McRowOf<T>, null, T>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Updates the rows the filters match (validated first).",
        run: Run::Query(call::update),
    },
    Method {
        name: "delete",
        on: &[On::Deletable],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["delete(options?: { count?: McCount }): McFilterBuilder<McRowOf<T>, null, T>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Deletes the rows the filters match.",
        run: Run::Query(call::delete),
    },
    Method {
        name: "notIn",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["notIn<C extends McFilterCol<Row, T, Q>>(column: C, values: readonly McFilterVal<Row, T, Q, C>[]): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "None of the values.",
        run: Run::Query(call::not_in),
    },
    Method {
        name: "not",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["not(column: McFilterCol<Row, T, Q>, operator: string, value: unknown): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Negates an operator (`not.<operator>.<value>`).",
        run: Run::Query(call::raw_filter),
    },
    Method {
        name: "filter",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["filter(column: McFilterCol<Row, T, Q>, operator: string, value: unknown): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Any operator by its PostgREST name.",
        run: Run::Query(call::raw_filter),
    },
    Method {
        name: "match",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["match(query: McMatch<Row, T, Q>): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: r#"Equal on every column of the object (embedded ones too: `{ "agents.name": "Ada" }`)."#,
        run: Run::Query(call::match_all),
    },
    Method {
        name: "or",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["or(filters: string, options?: McRefOption<McEmbed<Row, T, Q>>): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Any of the filters (PostgREST logic-tree syntax; quote values with `quoteValue`).",
        run: Run::Query(call::or),
    },
    Method {
        name: "order",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["order(column: McOrderCol<Row, T, Q>, options?: McOrderOptions & { referencedTable?: undefined; foreignTable?: undefined }): this\n  /** Orders the rows of an embedded resource by one of its columns. */\n  order<E extends McEmbed<Row, T, Q>>(column: McEmbedCol<Row, T, Q, E>, options: McOrderOptions & ({ referencedTable: E; foreignTable?: undefined } | { foreignTable: E; referencedTable?: undefined })): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Orders by a column of the table (or `agents(name)`: a to-one embed's column).",
        run: Run::Query(call::order),
    },
    Method {
        name: "limit",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["limit(count: number, options?: McRefOption<McEmbed<Row, T, Q>>): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "At most `count` rows.",
        run: Run::Query(call::limit),
    },
    Method {
        name: "range",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["range(from: number, to: number, options?: McRefOption<McEmbed<Row, T, Q>>): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Rows `from` to `to`, both included (0-based).",
        run: Run::Query(call::range),
    },
    Method {
        name: "single",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["single(): McFilterBuilder<Row, McOne<Result>, T, Q>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Exactly one row as an object (an error otherwise).",
        run: Run::Query(call::shape),
    },
    Method {
        name: "maybeSingle",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["maybeSingle(): McFilterBuilder<Row, McOne<Result> | null, T, Q>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "One row as an object, or null.",
        run: Run::Query(call::shape),
    },
    Method {
        name: "csv",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["csv(): McFilterBuilder<Row, string, T, Q>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "The rows as CSV text.",
        run: Run::Query(call::shape),
    },
    Method {
        name: "timeout",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["timeout(ms: number): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: r#"Aborts after `ms` milliseconds (`error.code === "timeout"`)."#,
        run: Run::Query(call::timeout),
    },
    Method {
        name: "throwOnError",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["throwOnError(): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Rejects with the McError instead of resolving with `{ error }`.",
        run: Run::Query(call::shape),
    },
    Method {
        name: "returns",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["returns<U>(): McFilterBuilder<Row, U, T, Q>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Overrides the result type (TypeScript only).",
        run: Run::Query(call::nothing),
    },
    Method {
        name: "overrideTypes",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["overrideTypes<U>(): McFilterBuilder<Row, U, T, Q>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Overrides the result type (TypeScript only).",
        run: Run::Query(call::nothing),
    },
    Method {
        name: "setHeader",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["setHeader(name: string, value: string): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Sets a request header.",
        run: Run::Query(call::set_header),
    },
    Method {
        name: "abortSignal",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["abortSignal(signal: AbortSignal | null | undefined): this"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: r#"Aborts with the signal (`error.code === "aborted"`); `null`/`undefined` remove it."#,
        run: Run::Query(call::nothing),
    },
    Method {
        name: "table",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["readonly table: string | null"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "The table (or `rpc/<name>`) this builder targets.",
        run: Run::Facade,
    },
    Method {
        name: "request",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["readonly request: { method: string; url: string; headers: Record<string, string>; body: string | null } | { error: McError }"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "The request it would send now, or the problem that stops it (nothing is sent).",
        run: Run::Facade,
    },
    Method {
        name: "toJSON",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &[r#"toJSON(): { table: string | null; request: McFilterBuilder<Row, Result, T, Q>["request"] }"#],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "The target and the request, for `JSON.stringify` and the console.",
        run: Run::Facade,
    },
    Method {
        name: "catch",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["catch<T = never>(onrejected?: ((reason: McError) => T | PromiseLike<T>) | null): Promise<McResponse<Result> | T>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "As a Promise's `catch` (the query runs).",
        run: Run::Facade,
    },
    Method {
        name: "finally",
        on: &[On::Builder],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["finally(onfinally?: (() => void) | null): Promise<McResponse<Result>>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "As a Promise's `finally` (the query runs).",
        run: Run::Facade,
    },
    Method {
        name: "signUp",
        on: &[On::Auth],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["signUp(credentials: { email: string; password: string; options?: { data?: Record<string, unknown> } }): Promise<McAuthResponse>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Signs up; with autoconfirm the client is then signed in.",
        run: Run::Auth(auth::sign_up, Empty::UserSession),
    },
    Method {
        name: "signInWithPassword",
        on: &[On::Auth],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["signInWithPassword(credentials: { email: string; password: string }): Promise<McAuthResponse>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Signs in with email and password.",
        run: Run::Auth(auth::sign_in_with_password, Empty::UserSession),
    },
    Method {
        name: "signInWithOtp",
        on: &[On::Auth],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["signInWithOtp(credentials: { email: string; options?: { shouldCreateUser?: boolean; data?: Record<string, unknown>; emailRedirectTo?: string } }): Promise<McAuthResponse>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Emails a one-time code and magic link (`shouldCreateUser` true by default; in the PKCE flow the link brings a `code`).",
        run: Run::Auth(auth::sign_in_with_otp, Empty::UserSession),
    },
    Method {
        name: "verifyOtp",
        on: &[On::Auth],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &[r#"verifyOtp(params: ({ email: string; token: string; type: Exclude<McOtpType, "sms" | "phone_change"> } | { phone: string; token: string; type: "sms" | "phone_change" } | { token_hash: string; type: Exclude<McOtpType, "sms" | "phone_change"> }) & { options?: { redirectTo?: string } }): Promise<McAuthResponse>"#],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Verifies a code (emailed or texted) or an emailed link's `token_hash`: the session it opens (none for the first of a secure email change's two confirmations).",
        run: Run::Auth(auth::verify_otp, Empty::UserSession),
    },
    Method {
        name: "signInAnonymously",
        on: &[On::Auth],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["signInAnonymously(credentials?: { options?: { data?: Record<string, unknown> } }): Promise<McAuthResponse>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Signs in as a new anonymous user.",
        run: Run::Auth(auth::sign_in_anonymously, Empty::UserSession),
    },
    Method {
        name: "refreshSession",
        on: &[On::Auth],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["refreshSession(current?: { refresh_token: string }): Promise<McAuthResponse>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Refreshes the session now (optionally from `{ refresh_token }`).",
        run: Run::Auth(auth::refresh_session, Empty::UserSession),
    },
    Method {
        name: "setSession",
        on: &[On::Auth],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["setSession(tokens: { access_token: string; refresh_token: string }): Promise<McAuthResponse>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Sets the session from an access and a refresh token.",
        run: Run::Auth(auth::set_session, Empty::UserSession),
    },
    Method {
        name: "getSession",
        on: &[On::Auth],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["getSession(): Promise<{ data: { session: McSession | null }; error: McError | null }>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "The current session (refreshed first if expired), or null.",
        run: Run::Auth(auth::get_session, Empty::Session),
    },
    Method {
        name: "getUser",
        on: &[On::Auth],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["getUser(): Promise<McUserResponse>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "The signed-in user, from the server.",
        run: Run::Auth(auth::get_user, Empty::User),
    },
    Method {
        name: "updateUser",
        on: &[On::Auth],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["updateUser(attributes: { email?: string; password?: string; nonce?: string; data?: Record<string, unknown> }, options?: { emailRedirectTo?: string }): Promise<McUserResponse>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Changes email (pending until confirmed: `new_email`), password (with the `nonce` of `reauthenticate` where the server asks) or metadata (`data`).",
        run: Run::Auth(auth::update_user, Empty::User),
    },
    Method {
        name: "resetPasswordForEmail",
        on: &[On::Auth],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["resetPasswordForEmail(email: string, options?: { redirectTo?: string }): Promise<{ data: {} | null; error: McError | null }>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Emails a password-recovery code and link (in the PKCE flow the link brings a `code`).",
        run: Run::Auth(auth::reset_password_for_email, Empty::Null),
    },
    Method {
        name: "initialize",
        on: &[On::Auth],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["initialize(): Promise<{ error: McError | null }>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Waits for the client's start (the stored session; with `detectSessionInUrl`, a redirect's sign-in in the page's URL, which then leaves the URL): `error` is what the redirect brought back, if it failed.",
        run: Run::Auth(auth::initialize, Empty::NoData),
    },
    Method {
        name: "exchangeCodeForSession",
        on: &[On::Auth],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["exchangeCodeForSession(authCode: string): Promise<{ data: { session: McSession; user: McUser; redirectType: string | null } | { session: null; user: null; redirectType: null }; error: McError | null }>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "PKCE: exchanges the redirect's `code` for a session with the code verifier kept in the auth storage (supabase-js's key: either client can finish the other's flow).",
        run: Run::Auth(auth::exchange_code_for_session, Empty::Redirect),
    },
    Method {
        name: "resend",
        on: &[On::Auth],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &[r#"resend(credentials: ({ type: "signup" | "email_change"; email: string } | { type: "sms" | "phone_change"; phone: string }) & { options?: { emailRedirectTo?: string } }): Promise<McAuthResponse>"#],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Sends a sign-up or email-change confirmation (or a phone code) again.",
        run: Run::Auth(auth::resend, Empty::UserSession),
    },
    Method {
        name: "reauthenticate",
        on: &[On::Auth],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["reauthenticate(): Promise<McAuthResponse>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Emails the signed-in user a code (`nonce`) for a password change where the server asks for one.",
        run: Run::Auth(auth::reauthenticate, Empty::UserSession),
    },
    Method {
        name: "signOut",
        on: &[On::Auth],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["signOut(options?: { scope?: McSignOutScope }): Promise<{ error: McError | null }>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Signs out (`scope`: global by default, local or others).",
        run: Run::Auth(auth::sign_out, Empty::NoData),
    },
    Method {
        name: "mfa.enroll",
        on: &[On::Mfa],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &[r#"enroll(params: { factorType: "totp"; friendlyName?: string; issuer?: string }): Promise<{ data: McMfaEnrolled | null; error: McError | null }>"#],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Enrolls a TOTP factor: its secret, `otpauth://` URI and QR code (an SVG data URI); unverified until a code is verified.",
        run: Run::Auth(auth::mfa_enroll, Empty::Null),
    },
    Method {
        name: "mfa.challenge",
        on: &[On::Mfa],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &[r#"challenge(params: { factorId: string }): Promise<{ data: { id: string; type: "totp"; expires_at: number } | null; error: McError | null }>"#],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Starts a challenge of a factor (it expires after 300 s).",
        run: Run::Auth(auth::mfa_challenge, Empty::Null),
    },
    Method {
        name: "mfa.verify",
        on: &[On::Mfa],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &[r#"verify(params: { factorId: string; challengeId: string; code: string }): Promise<{ data: McSession | null; error: McError | null }>"#],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Verifies a code: the session rises to `aal2` and is kept (MFA_CHALLENGE_VERIFIED).",
        run: Run::Auth(auth::mfa_verify, Empty::Null),
    },
    Method {
        name: "mfa.challengeAndVerify",
        on: &[On::Mfa],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &[r#"challengeAndVerify(params: { factorId: string; code: string }): Promise<{ data: McSession | null; error: McError | null }>"#],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "A challenge and its verification in one step.",
        run: Run::Auth(auth::mfa_challenge_and_verify, Empty::Null),
    },
    Method {
        name: "mfa.unenroll",
        on: &[On::Mfa],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &[r#"unenroll(params: { factorId: string }): Promise<{ data: { id: string } | null; error: McError | null }>"#],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Removes a factor (a verified one needs an `aal2` session).",
        run: Run::Auth(auth::mfa_unenroll, Empty::Null),
    },
    Method {
        name: "mfa.listFactors",
        on: &[On::Mfa],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &[r#"listFactors(): Promise<{ data: { all: McFactor[]; totp: McFactor[]; phone: McFactor[]; webauthn: McFactor[] } | null; error: McError | null }>"#],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "The user's factors, from the server: `all`, and the verified ones by type.",
        run: Run::Auth(auth::mfa_list_factors, Empty::Null),
    },
    Method {
        name: "mfa.getAuthenticatorAssuranceLevel",
        on: &[On::Mfa],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &[r#"getAuthenticatorAssuranceLevel(): Promise<{ data: { currentLevel: "aal1" | "aal2" | null; nextLevel: "aal1" | "aal2" | null; currentAuthenticationMethods: { method: string; timestamp: number }[] } | null; error: McError | null }>"#],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "The session's assurance level from its access token (no request), and `aal2` as the next where a factor is verified.",
        run: Run::Auth(auth::mfa_assurance_level, Empty::Null),
    },
    Method {
        name: "signInWithOAuth",
        on: &[On::Auth],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &[r#"signInWithOAuth(credentials: { provider: string; options?: { redirectTo?: string; scopes?: string; queryParams?: Record<string, string>; skipBrowserRedirect?: boolean } }): Promise<{ data: { provider: string; url: string } | null; error: McError | null }>"#],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Signs in through a provider: the URL of GoTrue's `/authorize` (with a PKCE challenge in the PKCE flow), where the page goes unless `skipBrowserRedirect`; the redirect back is finished by `detectSessionInUrl` or `exchangeCodeForSession`.",
        run: Run::Auth(auth::sign_in_with_oauth, Empty::Null),
    },
    Method {
        name: "signInWithIdToken",
        on: &[On::Auth],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &[r#"signInWithIdToken(credentials: { provider: string; token: string; access_token?: string; nonce?: string }): Promise<McAuthResponse>"#],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "A session for a provider's ID token (`nonce`: the raw nonce whose SHA-256 the token carries).",
        run: Run::Auth(auth::sign_in_with_id_token, Empty::UserSession),
    },
    Method {
        name: "getUserIdentities",
        on: &[On::Auth],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &[r#"getUserIdentities(): Promise<{ data: { identities: McUserIdentity[] } | null; error: McError | null }>"#],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "The user's identities, from the server.",
        run: Run::Auth(auth::get_user_identities, Empty::Null),
    },
    Method {
        name: "linkIdentity",
        on: &[On::Auth],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &[r#"linkIdentity(credentials: { provider: string; options?: { redirectTo?: string; scopes?: string; queryParams?: Record<string, string>; skipBrowserRedirect?: boolean } }): Promise<{ data: { provider: string; url: string } | null; error: McError | null }>"#],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Links another provider's identity to the signed-in user: the provider's URL, where the page goes unless `skipBrowserRedirect`.",
        run: Run::Auth(auth::link_identity, Empty::Null),
    },
    Method {
        name: "unlinkIdentity",
        on: &[On::Auth],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &[r#"unlinkIdentity(identity: { identity_id: string }): Promise<{ data: {} | null; error: McError | null }>"#],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Unlinks an identity (a user keeps at least one).",
        run: Run::Auth(auth::unlink_identity, Empty::Null),
    },
    Method {
        name: "getClaims",
        on: &[On::Auth],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["getClaims(jwt?: string, options?: { allowExpired?: boolean }): Promise<{ data: { claims: McJwtClaims; header: { alg: string; kid?: string; typ?: string }; signature: number[] } | null; error: McError | null }>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "The claims of the session's access token (or `jwt`), verified: an asymmetric signature (ES256, RS256) against the project's JWKS (kept 10 minutes, fetched again for an unknown `kid`), anything else by the server. `data` is null when signed out.",
        run: Run::Auth(auth::get_claims, Empty::Null),
    },
    Method {
        name: "mfa",
        on: &[On::Auth],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["readonly mfa: McAuthMfa"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Multi-factor authentication (TOTP), as supabase-js's `auth.mfa`.",
        run: Run::Facade,
    },
    Method {
        name: "onAuthStateChange",
        on: &[On::Auth],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["onAuthStateChange(callback: (event: McAuthEvent, session: McSession | null) => void): { data: { subscription: McSubscription } }"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Subscribes to INITIAL_SESSION, SIGNED_IN, SIGNED_OUT, TOKEN_REFRESHED, USER_UPDATED, PASSWORD_RECOVERY and MFA_CHALLENGE_VERIFIED.",
        run: Run::Facade,
    },
    Method {
        name: "startAutoRefresh",
        on: &[On::Auth],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["startAutoRefresh(): void"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Starts refreshing the session before it expires (on by default).",
        run: Run::Facade,
    },
    Method {
        name: "stopAutoRefresh",
        on: &[On::Auth],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["stopAutoRefresh(): void"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Stops the automatic refresh.",
        run: Run::Facade,
    },
    Method {
        name: "start",
        on: &[On::Workflow("tasks")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["start: McStep<TaskRow>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "PENDING → IN_PROGRESS.",
        run: Run::Workflow(workflows::task_step, true),
    },
    Method {
        name: "block",
        on: &[On::Workflow("tasks")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["block(id: string, reason: string): Promise<McResult<TaskRow>>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "PENDING or IN_PROGRESS → BLOCKED, with the reason.",
        run: Run::Workflow(workflows::task_block, true),
    },
    Method {
        name: "unblock",
        on: &[On::Workflow("tasks")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["unblock: McStep<TaskRow>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "BLOCKED → IN_PROGRESS.",
        run: Run::Workflow(workflows::task_step, true),
    },
    Method {
        name: "complete",
        on: &[On::Workflow("tasks")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["complete: McStep<TaskRow>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "IN_PROGRESS → COMPLETE.",
        run: Run::Workflow(workflows::task_step, true),
    },
    Method {
        name: "cancel",
        on: &[On::Workflow("tasks")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["cancel: McStep<TaskRow>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "PENDING, IN_PROGRESS or BLOCKED → CANCELLED.",
        run: Run::Workflow(workflows::task_step, true),
    },
    Method {
        name: "raise",
        on: &[On::Workflow("escalations")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &[r#"raise(e: { from_agent_id: string; trigger: Enums<"escalation_trigger">; context: string; impact: string; recommendation: string; related_task_id?: string | null }): Promise<McResult<EscalationRow>>"#],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "The type follows the trigger; routed to the sender's superior (MATERIAL_RISK: the CEO).",
        run: Run::Workflow(workflows::raise, true),
    },
    Method {
        name: "acknowledge",
        on: &[On::Workflow("escalations")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["acknowledge: McStep<EscalationRow>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "PENDING → ACKNOWLEDGED.",
        run: Run::Workflow(workflows::acknowledge, true),
    },
    Method {
        name: "resolve",
        on: &[On::Workflow("escalations")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["resolve(id: string, resolution: string): Promise<McResult<EscalationRow>>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "PENDING or ACKNOWLEDGED → RESOLVED, with the resolution.",
        run: Run::Workflow(workflows::resolve, true),
    },
    Method {
        name: "open",
        on: &[On::Workflow("chat")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["open(agentId: string): Promise<McResult<ChatSessionRow>>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Opens a chat session with an agent (one ACTIVE session per agent).",
        run: Run::Workflow(workflows::open_chat, true),
    },
    Method {
        name: "send",
        on: &[On::Workflow("chat")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &[r#"send(sessionId: string, message: { role?: Enums<"chat_message_role">; content: string; tokens_used?: number | null }): Promise<McResult<ChatMessageRow>>"#],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Adds a message to an ACTIVE session.",
        run: Run::Workflow(workflows::send_chat, true),
    },
    Method {
        name: "close",
        on: &[On::Workflow("chat")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["close: McStep<ChatSessionRow>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "ACTIVE → CLOSED.",
        run: Run::Workflow(workflows::close_chat, true),
    },
    Method {
        name: "hire",
        on: &[On::Workflow("agents")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &[r#"hire(agent: TablesInsert<"agents"> & { reports_to: string }): Promise<McResult<AgentRow>>"#],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Creates an agent one tier under its manager.",
        run: Run::Workflow(workflows::hire, true),
    },
    Method {
        name: "suspend",
        on: &[On::Workflow("agents")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["suspend: McStep<AgentRow>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "ACTIVE → SUSPENDED.",
        run: Run::Workflow(workflows::agent_step, true),
    },
    Method {
        name: "reactivate",
        on: &[On::Workflow("agents")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["reactivate: McStep<AgentRow>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "SUSPENDED or INACTIVE → ACTIVE.",
        run: Run::Workflow(workflows::agent_step, true),
    },
    Method {
        name: "deactivate",
        on: &[On::Workflow("agents")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["deactivate: McStep<AgentRow>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "ACTIVE or SUSPENDED → INACTIVE.",
        run: Run::Workflow(workflows::agent_step, true),
    },
    Method {
        name: "remove",
        on: &[On::Workflow("agents")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["remove(id: string): Promise<McResult<{ id: string }[]>>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Refused with `immutable_record` for an agent the history refers to: deactivate it.",
        run: Run::Workflow(workflows::remove_agent, true),
    },
    Method {
        name: "send",
        on: &[On::Workflow("messages")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &[r#"send(message: Omit<TablesInsert<"messages">, "company_id">): Promise<McResult<MessageRow>>"#],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Sends a message between agents of one company.",
        run: Run::Workflow(workflows::send_message, true),
    },
    Method {
        name: "markRead",
        on: &[On::Workflow("messages")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["markRead: McStep<MessageRow>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Stamps `read_at` once.",
        run: Run::Workflow(workflows::mark_read, true),
    },
    Method {
        name: "markProcessed",
        on: &[On::Workflow("messages")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["markProcessed: McStep<MessageRow>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Stamps `processed_at` once.",
        run: Run::Workflow(workflows::mark_processed, true),
    },
    Method {
        name: "append",
        on: &[On::Workflow("memory")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &[r#"append(entry: TablesInsert<"memory_entries">): Promise<McResult<MemoryEntryRow>>"#],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Appends an entry (the memory is append-only).",
        run: Run::Workflow(workflows::append_memory, true),
    },
    Method {
        name: "supersede",
        on: &[On::Workflow("memory")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &[r#"supersede(oldId: string, entry: TablesInsert<"memory_entries">): Promise<McResult<MemoryEntryRow>>"#],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Appends an entry that supersedes `oldId`.",
        run: Run::Workflow(workflows::supersede_memory, true),
    },
    Method {
        name: "plan",
        on: &[On::Workflow("onboarding")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["plan(input: McOnboardingInput): Promise<McResult<McOnboardingPlan>>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Gives every row of the input a UUID (nothing is sent).",
        run: Run::Workflow(workflows::plan, false),
    },
    Method {
        name: "run",
        on: &[On::Workflow("onboarding")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["run(planOrInput: McOnboardingInput): Promise<McResult<{ company: CompanyRow; plan: McOnboardingPlan }>>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Idempotent with a plan: creates what is missing; activates when mission, vision, values and priorities allow.",
        run: Run::Workflow(workflows::onboard, true),
    },
    Method {
        name: "activate",
        on: &[On::Workflow("onboarding")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["activate: McStep<CompanyRow>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "ONBOARDING → ACTIVE when mission, vision, values and priorities allow.",
        run: Run::Workflow(workflows::activate, true),
    },
    Method {
        name: "load",
        on: &[On::Workflow("cockpit")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["load(companyId?: string): Promise<McResult<McCockpit | null>>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "The global view; the user's first company when no id is given, null when there is none.",
        run: Run::Workflow(workflows::cockpit, false),
    },
    Method {
        name: "department",
        on: &[On::Workflow("cockpit")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["department(id: string): Promise<McResult<McDepartmentView>>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "A department: its chief, agents, tasks, blockers and pulses.",
        run: Run::Workflow(workflows::cockpit, false),
    },
    Method {
        name: "agent",
        on: &[On::Workflow("cockpit")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["agent(id: string): Promise<McResult<McAgentView>>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "An agent: its manager, inbox and open tasks.",
        run: Run::Workflow(workflows::cockpit, false),
    },
    Method {
        name: "agentsByDepartment",
        on: &[On::Workflow("cockpit")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["agentsByDepartment(id: string, tier?: number): Promise<McResult<AgentRow[]>>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "A department's agents by tier and name (optionally one tier).",
        run: Run::Workflow(workflows::cockpit, false),
    },
    Method {
        name: "pulses",
        on: &[On::Workflow("cockpit")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["pulses(options: { company_id?: string; agent_id?: string; limit?: number; offset?: number }): Promise<McResult<McPulseSummary[]>>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Pulses of a company or an agent, newest first, paged.",
        run: Run::Workflow(workflows::cockpit, false),
    },
    Method {
        name: "memory",
        on: &[On::Workflow("cockpit")],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &[r#"memory(options: { company_id: string; type?: Enums<"memory_entry_type">; limit?: number; offset?: number }): Promise<McResult<MemoryEntryRow[]>>"#],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Memory entries of a company, newest first, paged.",
        run: Run::Workflow(workflows::cockpit, false),
    },
    Method {
        name: "auth",
        on: &[On::Client],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["readonly auth: McAuth"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "The session: supabase-js's auth methods.",
        run: Run::Facade,
    },
    Method {
        name: "from",
        on: &[On::Client],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["from<T extends TableName>(table: T): McFrom<T>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "A query on one table.",
        run: Run::Facade,
    },
    Method {
        name: "schema",
        on: &[On::Client],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["schema(name: string): McUntypedClient"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Another exposed schema: not in the generated types, so rows are untyped.",
        run: Run::Facade,
    },
    Method {
        name: "rpc",
        on: &[On::Client],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["rpc<F extends string>(fn: F, args?: McFnArgs<F>, options?: { get?: boolean; head?: boolean; count?: McCount }): McFilterBuilder<McFnRow<F>, McFnResult<F>, `rpc/${F}`>"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Calls a database function (`get`: GET with the arguments in the URL; `head`: no body).",
        run: Run::Facade,
    },
    Method {
        name: "validate",
        on: &[On::Client],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &[r#"validate(table: TableName, mode: "insert" | "update" | "row", value: unknown): true"#],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Validates without sending: `true`, or throws an McError with `violations`.",
        run: Run::Facade,
    },
    Method {
        name: "onWrite",
        on: &[On::Client],
        #[cfg(not(target_arch = "wasm32"))]
        ts: &["onWrite(listener: (group: string, name: string) => void): () => void"],
        #[cfg(not(target_arch = "wasm32"))]
        doc: "Calls `listener(group, name)` after each workflow that wrote; returns the unsubscribe function.",
        run: Run::Facade,
    },
];
