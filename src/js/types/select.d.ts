// The select string, typed: a type-level parser and resolver of PostgREST's `select=` grammar
// over a schema shaped like `Database["public"]` (what `supabase gen types typescript` emits).
//
//   SelectResult<Schema, "tasks", "id, who:agents!tasks_assignee_id_fkey(name, tier)">
//     = { id: string; who: { name: string; tier: number } }
//   SelectCheck<Schema, "tasks", "id,titel">
//     = "column 'titel' does not exist on 'tasks'"
//
// A method declared as
//
//   select<Q extends string = "*">(columns?: SelectCheck<Schema, Table, Q>): Builder<SelectResult<Schema, Table, Q>[]>
//
// infers Q from the argument (SelectCheck is Q when the string is valid) and refuses a bad
// string at the argument, with the message as the expected parameter type.
//
// Relationships are resolved as PostgREST resolves them (its `findRel`), not only from the
// table's own foreign keys: an embed that PostgREST would answer with PGRST200 (no
// relationship) or PGRST201 (more than one) does not compile. Result shapes follow
// postgrest-js 2.119 (see tests/types/select/differences.md for where, and why, they differ).
//
// Self-contained: no imports. The package ships this file inside its declarations
// (src/js/mod.rs), where every top-level name is exported: the implementation's names all start
// with `McSel`, so they clash with nothing; only the names marked `export` are the API.

// ---------------------------------------------------------------------------------------------
// Schema shapes
// ---------------------------------------------------------------------------------------------

/** JSON as PostgREST returns it: the generator's `Json` (named apart so both can share a file). */
export type SelectJson = string | number | boolean | null | { [key: string]: SelectJson | undefined } | SelectJson[]

/** One entry of a table's `Relationships` (a foreign key). */
export interface SelectRelationship {
  foreignKeyName: string
  columns: readonly string[]
  isOneToOne?: boolean
  referencedRelation: string
  referencedColumns: readonly string[]
}

/** A table or view as the generator emits it (only what select needs). */
export interface SelectTable {
  Row: Record<string, unknown>
  Relationships: readonly SelectRelationship[]
}

/** A schema: `Database["public"]`. */
export interface SelectSchema {
  Tables: Record<string, SelectTable>
  Views: Record<string, SelectTable>
  Functions: Record<string, unknown>
  Enums: Record<string, string>
  CompositeTypes: Record<string, unknown>
}

/** The tables and views a select can start from. */
export type SelectTableName<S extends SelectSchema> = (keyof S["Tables"] | keyof S["Views"]) & string

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/**
 * `Q` itself when the select string is valid for `Table`, otherwise a string literal naming
 * the problem (`"column 'titel' does not exist on 'tasks'"`). Declare the parameter as
 * `columns: SelectCheck<S, T, Q>` and a mistake is reported at the argument.
 * A non-literal `string` is accepted (its result is `Record<string, unknown>`).
 */
export type SelectCheck<S extends SelectSchema, T extends string, Q extends string> =
  McSelAnalyse<S, T, Q> extends { [McSelErrorKey]: infer M } ? M : Q

/**
 * The row type a select string gives on `Table`: `*` the Row, columns, `alias:column`,
 * `column::cast`, `json->key` / `json->>key`, embeds (`agents!tasks_assignee_id_fkey(name)`,
 * `agents!assignee_id(...)`, `!inner`, `!left`, aliases, nesting), spreads (`...agents(name)`)
 * and embedded counts (`tasks(count)`). For an invalid string: `SelectError<message>`.
 */
export type SelectResult<S extends SelectSchema, T extends string, Q extends string> =
  McSelAnalyse<S, T, Q> extends infer A ? A extends { [McSelErrorKey]: infer M extends string } ? SelectError<M> : A : never

/** The message of an invalid select string, or `never` when it is valid. */
export type SelectErrorMessage<S extends SelectSchema, T extends string, Q extends string> =
  McSelAnalyse<S, T, Q> extends { [McSelErrorKey]: infer M } ? M : never

/** The result of an invalid select string (the shape postgrest-js uses for its errors). */
export type SelectError<Message extends string> = { error: true } & Message

/**
 * The row type of a select on rows that have no relationships (a function's result, `rpc`):
 * `*`, columns, aliases, casts and JSON paths. Embeds are refused.
 */
export type RowSelectResult<Row, McSelName extends string, Q extends string> =
  McSelAnalyseRow<Row, McSelName, Q> extends infer A ? A extends { [McSelErrorKey]: infer M extends string } ? SelectError<M> : A : never
/** `Q` when valid on plain rows, otherwise the message (see {@link SelectCheck}). */
export type RowSelectCheck<Row, McSelName extends string, Q extends string> =
  McSelAnalyseRow<Row, McSelName, Q> extends { [McSelErrorKey]: infer M } ? M : Q

/**
 * The column names a filter, `order` or `match` may name after `select(Q)`: the table's
 * columns, JSON paths into them (`parameters->key`, `parameters->>key`), and, for every embed
 * of Q, `<alias or relation>.<column>` (nested: `departments.agents.name`).
 */
export type FilterColumn<S extends SelectSchema, T extends string, Q extends string = "*"> =
  | McSelColumnPaths<McSelRowOf<S, T>>
  | (string extends Q ? never : McSelParseSelect<Q> extends infer P ? P extends unknown[] ? McSelEmbedPaths<S, T, P> : never : never)

/**
 * The type of the column a {@link FilterColumn} names: the column's own type, `SelectJson` for a
 * `->` path, `string` for a `->>` path (the filter compares text), `unknown` for no column.
 */
export type FilterColumnType<S extends SelectSchema, T extends string, Q extends string, Path extends string> =
  McSelPathType<S, T, string extends Q ? [] : McSelParseSelect<Q> extends infer P extends unknown[] ? P : [], Path>

/** The relations Q embeds (by alias and by name): what `referencedTable` options may name. */
export type EmbedName<S extends SelectSchema, T extends string, Q extends string> =
  string extends Q ? never : McSelParseSelect<Q> extends infer P ? P extends unknown[] ? McSelEmbedNames<S, T, P> : never : never

// ---------------------------------------------------------------------------------------------
// Parser: the select string to a list of nodes, or an error
// ---------------------------------------------------------------------------------------------

/** The key that marks an error object in the parser's and resolver's answers. */
declare const McSelErrorKey: unique symbol
type McSelErrorKey = typeof McSelErrorKey
/** An error: the message, under a key no row type can have. */
type McSelFail<M extends string> = { [McSelErrorKey]: M }

/** A plain column, possibly aliased, cast or a JSON path (`json` is the last arrow's kind). */
type McSelColumnNode = { t: "col"; name: string; key: string; cast: string; json: "" | "json" | "text" }
/** `*`. */
type McSelStarNode = { t: "star" }
/** An embedded resource (or a spread of one). `hint`, `join` and `alias` are "" when absent. */
type McSelEmbedNode = { t: "embed"; name: string; alias: string; hint: string; join: "" | "inner" | "left"; spread: boolean; kids: unknown[] }

type McSelSpace = " " | "\n" | "\t" | "\r"
type McSelDigit = "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9"
type McSelLower = "a" | "b" | "c" | "d" | "e" | "f" | "g" | "h" | "i" | "j" | "k" | "l" | "m" | "n" | "o" | "p" | "q" | "r" | "s" | "t" | "u" | "v" | "w" | "x" | "y" | "z"
/** What an unquoted name is made of. */
type McSelNameChar = McSelLower | Uppercase<McSelLower> | McSelDigit | "_"

/** Drops leading whitespace. */
type McSelSkip<S extends string> = S extends `${McSelSpace}${infer R}` ? McSelSkip<R> : S

/** The longest run of name characters at the start of S: [name, rest]. */
type McSelTakeName<S extends string, Acc extends string = ""> =
  S extends `${infer C}${infer R}` ? (C extends McSelNameChar ? McSelTakeName<R, `${Acc}${C}`> : [Acc, S]) : [Acc, S]

/** A (possibly double-quoted) name: [name, rest after whitespace], or an error. */
type McSelName<S extends string, What extends string> =
  S extends `"${infer Quoted}"${infer R}`
    ? Quoted extends "" ? McSelFail<`empty quoted name at '${S}'`> : [Quoted, McSelSkip<R>]
    : McSelTakeName<S> extends [infer N extends string, infer R extends string]
      ? N extends "" ? McSelFail<S extends "" ? `expected ${What} at the end of the select` : `expected ${What} at '${S}'`> : [N, McSelSkip<R>]
      : never

/** Parses a whole select string to its nodes. */
type McSelParseSelect<Q extends string> =
  McSelSkip<Q> extends "" ? McSelFail<"the select string is empty">
  : McSelParseList<McSelSkip<Q>> extends infer P
    ? P extends [infer Nodes, infer R extends string]
      ? R extends "" ? Nodes : McSelFail<R extends `)${string}` ? `unbalanced ')' at '${R}'` : `expected ',' or the end of the select at '${R}'`>
      : P
    : never

/** item (',' item)*: [nodes, rest] or an error. */
type McSelParseList<S extends string, Acc extends unknown[] = []> =
  McSelParseItem<S> extends infer P
    ? P extends [infer N, infer R extends string]
      ? R extends `,${infer Next}` ? McSelParseList<McSelSkip<Next>, [...Acc, N]> : [[...Acc, N], R]
      : P
    : never

/** One item: `*`, `...embed`, `alias:field` or a field. */
type McSelParseItem<S extends string> =
  S extends `*${infer R}` ? [McSelStarNode, McSelSkip<R>]
  : S extends `...${infer R}`
    ? McSelName<McSelSkip<R>, "a relation after '...'"> extends infer P
      ? P extends [infer N extends string, infer Rest extends string] ? McSelParseEmbed<N, "", Rest, true> : P
      : never
  : McSelName<S, "a column or relation"> extends infer P
    ? P extends [infer N extends string, infer R extends string]
      ? R extends `::${string}` ? McSelParseAfterName<N, "", R>
      : R extends `:${infer Aliased}`
        ? McSelSkip<Aliased> extends `...${string}` ? McSelFail<`a spread cannot be aliased: '${N}:${McSelSkip<Aliased>}'`>
        : McSelName<McSelSkip<Aliased>, `a column or relation after '${N}:'`> extends infer P2
          ? P2 extends [infer N2 extends string, infer R2 extends string] ? McSelParseAfterName<N2, N, R2> : P2
          : never
        : McSelParseAfterName<N, "", R>
      : P
    : never

/** After a name: an embed (`(` or `!` follows), an aggregate (refused) or a column. */
type McSelParseAfterName<N extends string, Alias extends string, R extends string> =
  R extends `(${infer Inside}`
    ? N extends "count"
      ? McSelSkip<Inside> extends `)${string}` ? McSelFail<McSelAggregateMessage<"count()">> : McSelParseEmbed<N, Alias, R, false>
      : McSelParseEmbed<N, Alias, R, false>
  : R extends `!${string}` ? McSelParseEmbed<N, Alias, R, false>
  : McSelParseColumn<N, Alias, R>

type McSelAggregateMessage<What extends string> =
  `aggregate functions are disabled on this server (PGRST123): '${What}'; count related rows with an embedded count, e.g. tasks(count), or use the count option`

/** A column: name, then JSON arrows, then `::cast`; `.fn()` aggregates are refused. */
type McSelParseColumn<N extends string, Alias extends string, R extends string> =
  (R extends `->${string}` ? McSelParseArrows<R, N> : ["", "", R]) extends infer J
    ? J extends [infer Key extends string, infer Kind extends "" | "json" | "text", infer R2 extends string]
      ? (R2 extends `::${infer C}` ? McSelName<McSelSkip<C>, `a type after '${N}::'`> : ["", R2]) extends infer K
        ? K extends [infer Cast extends string, infer R3 extends string]
          ? R3 extends `.${infer Fn}`
            ? McSelFail<McSelAggregateMessage<`${N}.${McSelTakeName<Fn>[0]}()`>>
            : [{ t: "col"; name: N; key: Alias extends "" ? (Key extends "" ? N : Key) : Alias; cast: Cast; json: Kind }, R3]
          : K
        : never
      : J
    : never

/** `->a->b` / `->a->>b`: [last key, "json" | "text", rest]; `->>` must be the last arrow. */
type McSelParseArrows<R extends string, Col extends string, Last extends string = "", Kind extends "" | "json" | "text" = ""> =
  R extends `->>${infer X}`
    ? McSelName<McSelSkip<X>, `a JSON key after '${Col}->>'`> extends infer P
      ? P extends [infer K extends string, infer Rest extends string]
        ? Rest extends `->${string}` ? McSelFail<`'->>' gives text: it must be the last step of '${Col}'`> : [K, "text", Rest]
        : P
      : never
  : R extends `->${infer X}`
    ? McSelName<McSelSkip<X>, `a JSON key after '${Col}->'`> extends infer P
      ? P extends [infer K extends string, infer Rest extends string] ? McSelParseArrows<Rest, Col, K, "json"> : P
      : never
  : [Last, Kind, R]

/** An embed after its name: `!hint`, `!inner` / `!left`, `!hint!inner`, then `(list)`. */
type McSelParseEmbed<N extends string, Alias extends string, R extends string, Spread extends boolean> =
  McSelParseBangs<N, R> extends infer B
    ? B extends [infer Hint extends string, infer Join extends "" | "inner" | "left", infer R2 extends string]
      ? R2 extends `(${infer Inside}`
        ? (McSelSkip<Inside> extends `)${string}` ? [[], McSelSkip<Inside>] : McSelParseList<McSelSkip<Inside>>) extends infer L
          ? L extends [infer Kids extends unknown[], infer R3 extends string]
            ? R3 extends `)${infer After}`
              ? [{ t: "embed"; name: N; alias: Alias; hint: Hint; join: Join; spread: Spread; kids: Kids }, McSelSkip<After>]
              : McSelFail<R3 extends "" ? `missing ')' after the embed '${N}'` : `expected ',' or ')' in the embed '${N}' at '${R3}'`>
            : L
          : never
        : McSelFail<Spread extends true ? `a spread needs an embedded resource: '...${N}(...)'` : `expected '(' after '${N}${R extends R2 ? "" : "!..."}' at '${R2}'`>
      : B
    : never

/** The `!` modifiers of an embed: [hint, join, rest]. */
type McSelParseBangs<N extends string, R extends string> =
  R extends `!${infer X}`
    ? McSelName<McSelSkip<X>, `a hint, 'inner' or 'left' after '${N}!'`> extends infer P
      ? P extends [infer M extends string, infer Rest extends string]
        ? M extends "inner" | "left" ? ["", M, Rest]
        : Rest extends `!${infer Y}`
          ? McSelName<McSelSkip<Y>, `'inner' or 'left' after '${N}!${M}!'`> extends infer P2
            ? P2 extends [infer J extends string, infer Rest2 extends string]
              ? J extends "inner" | "left" ? [M, J, Rest2] : McSelFail<`unknown join '!${J}' on '${N}!${M}': use !inner or !left`>
              : P2
            : never
          : [M, "", Rest]
        : P
      : never
    : ["", "", R]

// ---------------------------------------------------------------------------------------------
// Schema access
// ---------------------------------------------------------------------------------------------

/** The table or view named T. */
type McSelTableOf<S extends SelectSchema, T> = T extends keyof S["Tables"] ? S["Tables"][T] : T extends keyof S["Views"] ? S["Views"][T] : never
type McSelRowOf<S extends SelectSchema, T> = McSelTableOf<S, T> extends { Row: infer R } ? R : never

/** The only element of a one-element list, "" otherwise (multi-column keys match no hint). */
type McSelOnly<L> = L extends readonly [infer X extends string] ? X : ""
/** Some of the columns can be NULL. */
type McSelAnyNull<Row, Cols> = Cols extends readonly [infer C, ...infer Rest] ? (C extends keyof Row ? (null extends Row[C] ? true : McSelAnyNull<Row, Rest>) : McSelAnyNull<Row, Rest>) : false
type McSelSame<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

/**
 * One relationship PostgREST sees from an origin table: `m2o` through the origin's own foreign
 * key, `o2m` through another table's key to it. `col` is the origin-side column and `ref` the
 * target-side one (single-column keys; "" otherwise), as PostgREST's hint matching reads them.
 */
type McSelRel = { kind: "m2o" | "o2m"; target: string; fk: string; col: string; ref: string; self: boolean; one: boolean; nullable: boolean }

/** Every relationship from table T (cached per schema and table). */
type McSelRelsOf<S extends SelectSchema, T extends string> = McSelManyToOne<S, T> | McSelOneToMany<S, T>

type McSelManyToOne<S extends SelectSchema, T extends string> =
  McSelTableOf<S, T>["Relationships"][number] extends infer R
    ? R extends SelectRelationship
      ? {
          kind: "m2o"; target: R["referencedRelation"]; fk: R["foreignKeyName"]
          col: McSelOnly<R["columns"]>; ref: McSelOnly<R["referencedColumns"]>
          self: McSelSame<R["referencedRelation"], T>; one: R["isOneToOne"] extends true ? true : false
          nullable: McSelAnyNull<McSelRowOf<S, T>, R["columns"]>
        }
      : never
    : never

type McSelOneToMany<S extends SelectSchema, T extends string> = {
  [U in keyof S["Tables"] | keyof S["Views"]]: McSelTableOf<S, U>["Relationships"][number] extends infer R
    ? R extends SelectRelationship & { referencedRelation: T }
      ? {
          kind: "o2m"; target: U & string; fk: R["foreignKeyName"]
          col: McSelOnly<R["referencedColumns"]>; ref: McSelOnly<R["columns"]>
          self: McSelSame<U, T>; one: R["isOneToOne"] extends true ? true : false
          nullable: true
        }
      : never
    : never
}[keyof S["Tables"] | keyof S["Views"]]

/**
 * Whether `name!hint(...)` on the origin selects relationship R — PostgREST's rule:
 * a self-relationship gives its one-to-many by the table name (`agents(...)`, hint: the
 * referencing column, `agents!reports_to(...)`) and its many-to-one by the column
 * (`reports_to(...)`); any other gives R by the target table, the foreign key or the origin's
 * column as the name, and with a hint, by the target table plus the key or either column.
 */
type McSelSelects<R extends McSelRel, N extends string, Hint extends string> =
  R["self"] extends true
    ? Hint extends ""
      ? N extends R["target"] ? (R["kind"] extends "o2m" ? true : false) : N extends R["col"] ? (R["kind"] extends "m2o" ? true : false) : false
      : N extends R["target"] ? (R["kind"] extends "o2m" ? (Hint extends R["ref"] ? true : false) : false) : false
    : Hint extends ""
      ? N extends R["target"] | R["fk"] | R["col"] ? true : false
      : N extends R["target"] ? (Hint extends R["fk"] | R["col"] | R["ref"] ? true : false) : false

type McSelCandidates<S extends SelectSchema, T extends string, N extends string, Hint extends string> =
  McSelRelsOf<S, T> extends infer R ? (R extends McSelRel ? (McSelSelects<R, N, Hint> extends true ? R : never) : never) : never

type McSelIsUnion<U, All = U> = U extends unknown ? ([All] extends [U] ? false : true) : never

/** The one relationship an embed names, or an error (PGRST200 none, PGRST201 several). */
type McSelFindRel<S extends SelectSchema, T extends string, N extends string, Hint extends string> =
  McSelCandidates<S, T, N, Hint> extends infer C
    ? [C] extends [never]
      ? McSelFail<Hint extends ""
          ? `could not find a relationship between '${T}' and '${N}' (PGRST200)`
          : `could not find a relationship between '${T}' and '${N}' for the hint '${Hint}' (PGRST200)`>
      : true extends McSelIsUnion<C>
        ? McSelFail<Hint extends ""
            ? `more than one relationship between '${T}' and '${N}' (PGRST201): add a hint, ${N}!<foreign key or column>(...)`
            : `the hint '${Hint}' matches more than one relationship between '${T}' and '${N}' (PGRST201): hint with the foreign key's name`>
        : C
    : never

// ---------------------------------------------------------------------------------------------
// Resolver: nodes to a row type
// ---------------------------------------------------------------------------------------------

/** The select string's row type on table T, or an error. */
type McSelAnalyse<S extends SelectSchema, T extends string, Q extends string> =
  string extends Q ? Record<string, unknown>
  : McSelParseSelect<Q> extends infer P ? (P extends unknown[] ? McSelResolve<S, T, McSelRowOf<S, T>, P> : P) : never

type McSelAnalyseRow<Row, McSelName extends string, Q extends string> =
  string extends Q ? Record<string, unknown>
  : McSelParseSelect<Q> extends infer P ? (P extends unknown[] ? McSelResolveRow<Row, McSelName, P> : P) : never

type McSelSimplify<T> = { [K in keyof T]: T[K] } & {}

/** Resolves a node list to one object type; stops at the first error. */
type McSelResolve<S extends SelectSchema, T extends string, Row, Nodes extends unknown[], Acc = {}, Keys extends string = never> =
  Nodes extends [infer N, ...infer Rest]
    ? (N extends McSelEmbedNode ? McSelResolveEmbed<S, T, N, Keys> : McSelResolveField<S, T, Row, N>) extends infer Out
      ? [Out] extends [McSelFail<string>] ? Out
      : McSelResolve<S, T, Row, Rest, Acc & Out, N extends McSelEmbedNode ? (N["spread"] extends true ? Keys : Keys | McSelEmbedKey<N>) : Keys>
      : never
    : McSelSimplify<Acc>

/** The same without relationships (function results). */
type McSelResolveRow<Row, McSelName extends string, Nodes extends unknown[], Acc = {}> =
  Nodes extends [infer N, ...infer Rest]
    ? (N extends McSelEmbedNode ? McSelFail<`'${N["name"]}(...)': a function result has no relationships to embed`> : McSelResolveField<never, McSelName, Row, N>) extends infer Out
      ? [Out] extends [McSelFail<string>] ? Out : McSelResolveRow<Row, McSelName, Rest, Acc & Out>
      : never
    : McSelSimplify<Acc>

type McSelEmbedKey<N extends McSelEmbedNode> = N["alias"] extends "" ? N["name"] : N["alias"]

/** `*` or a column. */
type McSelResolveField<S, T extends string, Row, N> =
  N extends McSelStarNode ? Row
  : N extends McSelColumnNode
    ? N["name"] extends keyof Row
      ? McSelColumnType<S, Row[N["name"]], N> extends infer V ? ([V] extends [McSelFail<string>] ? V : { [K in N["key"]]: V }) : never
      : McSelFail<N["name"] extends "count"
          ? `'count' counts the rows of a to-many embed only, as its sole item, e.g. tasks(count); aggregate functions are disabled on this server (PGRST123)`
          : `column '${N["name"]}' does not exist on '${T}'`>
    : never

/** A column's type after its JSON arrows and cast. Casts and JSON paths keep NULL possible. */
type McSelColumnType<S, V, N extends McSelColumnNode> =
  N["json"] extends ""
    ? N["cast"] extends "" ? V : McSelCastType<S, N["cast"]> extends infer C ? ([C] extends [McSelFail<string>] ? C : C | (null extends V ? null : never)) : never
    : N["cast"] extends "" ? (N["json"] extends "text" ? string | null : SelectJson)
    : McSelCastType<S, N["cast"]> extends infer C ? ([C] extends [McSelFail<string>] ? C : C | null) : never

type McSelNumberCast = "int2" | "int4" | "int8" | "float4" | "float8" | "numeric" | "smallint" | "integer" | "int" | "bigint" | "real" | "decimal" | "float"
type McSelStringCast = "text" | "varchar" | "bpchar" | "char" | "citext" | "name" | "uuid" | "date" | "time" | "timetz" | "timestamp" | "timestamptz" | "interval" | "bytea" | "inet" | "cidr" | "macaddr"

/** The TypeScript type of a value cast to `C` (`_x` is an array of x; enum names give the enum). */
type McSelCastType<S, C extends string> =
  C extends `_${infer E}` ? (McSelScalarCast<S, E> extends infer X ? ([X] extends [McSelFail<string>] ? McSelFail<`unknown cast type '${C}'`> : X[]) : never)
  : McSelScalarCast<S, C>
type McSelScalarCast<S, C extends string> =
  C extends McSelNumberCast ? number
  : C extends McSelStringCast ? string
  : C extends "bool" | "boolean" ? boolean
  : C extends "json" | "jsonb" ? SelectJson
  : S extends { Enums: infer E } ? (C extends keyof E ? E[C] : McSelFail<`unknown cast type '${C}'`>)
  : McSelFail<`unknown cast type '${C}'`>

/** An embed: the relationship, its rows' type, and their place in the parent row. */
type McSelResolveEmbed<S extends SelectSchema, T extends string, N extends McSelEmbedNode, Keys extends string> =
  N["spread"] extends false
    ? McSelEmbedKey<N> extends Keys ? McSelFail<`'${McSelEmbedKey<N>}' is embedded twice on '${T}': give one an alias (other:${N["name"]}...)`> : McSelEmbedRows<S, T, N>
    : McSelEmbedRows<S, T, N>

type McSelEmbedRows<S extends SelectSchema, T extends string, N extends McSelEmbedNode> =
  McSelFindRel<S, T, N["name"], N["hint"]> extends infer R
    ? R extends McSelRel
      ? N["kids"] extends [] ? {}
      : N["kids"] extends [{ t: "col"; name: "count"; key: "count"; cast: ""; json: "" }]
        ? "count" extends keyof McSelRowOf<S, R["target"]> ? McSelPlace<R, N, McSelResolve<S, R["target"], McSelRowOf<S, R["target"]>, N["kids"]>>
        : McSelToOne<R> extends true ? McSelFail<`'${N["name"]}(count)': an embedded count needs a to-many relationship; '${T}' to '${R["target"]}' is to-one`>
        : N["spread"] extends true ? McSelFail<`'...${N["name"]}(count)': an embedded count cannot be spread`>
        : { [K in McSelEmbedKey<N>]: { count: number }[] }
      : McSelResolve<S, R["target"], McSelRowOf<S, R["target"]>, N["kids"]> extends infer Kids
        ? [Kids] extends [McSelFail<string>] ? Kids : McSelPlace<R, N, Kids>
        : never
      : R
    : never

type McSelToOne<R extends McSelRel> = R["kind"] extends "m2o" ? true : R["one"]
/** The embedded rows may be absent: a nullable key (or the referenced side of a one-to-one) and no `!inner`. */
type McSelMayBeNull<R extends McSelRel, N extends McSelEmbedNode> = N["join"] extends "inner" ? false : R["nullable"]

/** Where the embedded rows go: a key (object, object | null or array) or, spread, their columns. */
type McSelPlace<R extends McSelRel, N extends McSelEmbedNode, Kids> =
  N["spread"] extends true
    ? McSelToOne<R> extends true
      ? (McSelMayBeNull<R, N> extends true ? { [K in keyof Kids]: Kids[K] | null } : Kids)
      : { [K in keyof Kids]: Kids[K][] }
    : { [K in McSelEmbedKey<N>]: McSelToOne<R> extends true ? (McSelMayBeNull<R, N> extends true ? Kids | null : Kids) : Kids[] }

// ---------------------------------------------------------------------------------------------
// Filter paths
// ---------------------------------------------------------------------------------------------

/** Columns of a row and JSON paths into them. */
type McSelColumnPaths<Row> = (keyof Row & string) | `${keyof Row & string}->${string}`

/** `<alias or relation>.<column path>` for every embed of a node list (spreads by relation). */
type McSelEmbedPaths<S extends SelectSchema, T extends string, Nodes extends unknown[]> =
  Nodes[number] extends infer N
    ? N extends McSelEmbedNode
      ? McSelFindRel<S, T, N["name"], N["hint"]> extends infer R
        ? R extends McSelRel
          ? `${N["name"] | (N["alias"] extends "" ? never : N["alias"])}.${McSelColumnPaths<McSelRowOf<S, R["target"]>> | McSelEmbedPaths<S, R["target"], N["kids"]>}`
          : never
        : never
      : never
    : never

type McSelEmbedNames<S extends SelectSchema, T extends string, Nodes extends unknown[]> =
  Nodes[number] extends infer N
    ? N extends McSelEmbedNode
      ? McSelFindRel<S, T, N["name"], N["hint"]> extends McSelRel ? N["name"] | (N["alias"] extends "" ? never : N["alias"]) : never
      : never
    : never

/** The type at a filter path, walking the embeds of a node list. */
type McSelPathType<S extends SelectSchema, T extends string, Nodes extends unknown[], Path extends string> =
  Path extends keyof McSelRowOf<S, T> ? McSelRowOf<S, T>[Path]
  : Path extends `${string}->>${string}` ? string
  : Path extends `${string}->${string}` ? SelectJson
  : Path extends `${infer Head}.${infer Rest}`
    ? (Nodes[number] extends infer N
        ? N extends McSelEmbedNode
          ? Head extends N["name"] | N["alias"]
            ? McSelFindRel<S, T, N["name"], N["hint"]> extends infer R extends McSelRel ? McSelPathType<S, R["target"], N["kids"], Rest> : never
            : never
          : never
        : never) extends infer V ? ([V] extends [never] ? unknown : V) : never
    : unknown
