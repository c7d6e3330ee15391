//! What the catalogue lets the builder check before anything is sent: select strings (their
//! grammar, columns, casts and embeds, resolved through the schema's relationships the way
//! PostgREST resolves them, so that a string is refused here exactly when `select.d.ts` refuses
//! it at compile time), column names in filters and orders, and names that go into the URL.

use serde_json::Value;

use super::builder::QueryBuilder;
use crate::error::{Error, Violation};
use crate::schema::{self, Table};

/// A select string's first problem: the rule broken (naming the bad token) and the token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SelectProblem {
    pub rule: String,
    pub token: String,
}

fn problem(rule: String, token: &str) -> SelectProblem {
    SelectProblem {
        rule,
        token: token.to_string(),
    }
}

/// The message of an aggregate function, which Supabase's PostgREST refuses (PGRST123).
fn aggregate(what: &str) -> SelectProblem {
    problem(
        format!(
            "aggregate functions are disabled on this server (PGRST123): '{what}'; count related rows \
             with an embedded count, e.g. tasks(count), or use the count option"
        ),
        what,
    )
}

/// The cast types a select may name (besides the schema's enums, and `_x` for an array of x):
/// postgrest-js's list plus PostgreSQL's own names for the same types.
#[rustfmt::skip]
const CASTS: &[&str] = &[
    "int2", "int4", "int8", "float4", "float8", "numeric", "smallint", "integer", "int", "bigint",
    "real", "decimal", "float", "text", "varchar", "bpchar", "char", "citext", "name", "uuid",
    "date", "time", "timetz", "timestamp", "timestamptz", "interval", "bytea", "inet", "cidr",
    "macaddr", "bool", "boolean", "json", "jsonb",
];

fn cast_known(cast: &str) -> bool {
    let scalar = cast.strip_prefix('_').unwrap_or(cast);
    CASTS.contains(&scalar) || schema::enum_values(scalar).is_some()
}

#[inline(always)]
fn name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// What an item of a select list was, as far as its parent needs to know.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Item {
    /// `*`, an embed, or a column that is not a bare `count`.
    Other,
    /// `count` itself: no alias (or `count:`), no JSON path, no cast.
    Count,
}

/// One pass over a select string: PostgREST's grammar (as `select.d.ts` parses it: whitespace
/// between tokens, not inside names) and, where the table is known, its names — columns,
/// casts, and relationships resolved as PostgREST's `findRel` resolves them. Borrows the string:
/// a valid list of columns allocates nothing.
struct SelectParser<'a> {
    s: &'a str,
    i: usize,
    /// The first problem with the names (not the syntax) in the string's order; a syntax error
    /// anywhere wins over it, as the type-level parser reports it.
    found: Option<SelectProblem>,
}

impl<'a> SelectParser<'a> {
    #[inline(always)]
    fn rest(&self) -> &'a str {
        &self.s[self.i..]
    }

    /// The bytes not read yet (the string is only ever cut at ASCII bytes).
    #[inline(always)]
    fn bytes(&self) -> &'a [u8] {
        self.s.as_bytes().get(self.i..).unwrap_or_default()
    }

    #[inline(always)]
    fn at(&self, p: &str) -> bool {
        self.bytes().starts_with(p.as_bytes())
    }

    #[inline(always)]
    fn skip(&mut self) {
        while matches!(self.bytes().first(), Some(b' ' | b'\n' | b'\t' | b'\r')) {
            self.i += 1;
        }
    }

    /// Consumes `p` and the whitespace after it.
    #[inline(always)]
    fn eat(&mut self, p: &str) {
        self.i += p.len();
        self.skip();
    }

    fn note(&mut self, p: SelectProblem) {
        if self.found.is_none() {
            self.found = Some(p);
        }
    }

    fn expected(&self, what: &str) -> SelectProblem {
        let r = self.rest();
        if r.is_empty() {
            problem(format!("expected {what} at the end of the select"), "")
        } else {
            problem(format!("expected {what} at '{r}'"), r)
        }
    }

    /// A name, quoted (`"a b"`) or a run of ASCII letters, digits and `_`, and the whitespace
    /// after it; `what` describes it for the message.
    fn name(&mut self, what: &dyn Fn() -> String) -> Result<&'a str, SelectProblem> {
        if self.at("\"") {
            let r = self.rest();
            let q = &r[1..];
            if let Some(end) = q.find('"') {
                if end == 0 {
                    return Err(problem(format!("empty quoted name at '{r}'"), r));
                }
                self.i += end + 2;
                self.skip();
                return Ok(&q[..end]);
            }
        }
        let start = self.i;
        while self.bytes().first().is_some_and(|b| name_byte(*b)) {
            self.i += 1;
        }
        if self.i == start {
            return Err(self.expected(&what()));
        }
        let name = &self.s[start..self.i];
        self.skip();
        Ok(name)
    }

    /// The whole string.
    fn select(&mut self, table: Option<&'static Table>) -> Result<(), SelectProblem> {
        self.skip();
        if self.rest().is_empty() {
            return Err(problem("the select string is empty".into(), ""));
        }
        self.list(table)?;
        let r = self.rest();
        if r.is_empty() {
            Ok(())
        } else if r.starts_with(')') {
            Err(problem(format!("unbalanced ')' at '{r}'"), r))
        } else {
            Err(problem(
                format!("expected ',' or the end of the select at '{r}'"),
                r,
            ))
        }
    }

    /// `item (, item)*`; answers whether it was `count` alone.
    fn list(&mut self, table: Option<&'static Table>) -> Result<bool, SelectProblem> {
        // The keys of the embeds at this level (a second embed under one key is refused).
        let mut keys: Vec<&'a str> = Vec::new();
        let mut first = None;
        loop {
            let item = self.item(table, &mut keys)?;
            first.get_or_insert(item);
            if !self.at(",") {
                break;
            }
            self.eat(",");
            first = Some(Item::Other);
        }
        Ok(first == Some(Item::Count))
    }

    fn item(
        &mut self,
        table: Option<&'static Table>,
        keys: &mut Vec<&'a str>,
    ) -> Result<Item, SelectProblem> {
        if self.at("*") {
            self.eat("*");
            return Ok(Item::Other);
        }
        if self.at("...") {
            self.eat("...");
            let n = self.name(&|| "a relation after '...'".into())?;
            return self.embed(table, keys, n, "", true);
        }
        let n = self.name(&|| "a column or relation".into())?;
        if !self.at("::") && self.at(":") {
            self.eat(":");
            if self.at("...") {
                let r = self.rest();
                return Err(problem(format!("a spread cannot be aliased: '{n}:{r}'"), n));
            }
            let name = self.name(&|| format!("a column or relation after '{n}:'"))?;
            return self.after_name(table, keys, name, n);
        }
        self.after_name(table, keys, n, "")
    }

    /// After a name: an embed (`(` or `!` follows), `count()` (refused) or a column.
    fn after_name(
        &mut self,
        table: Option<&'static Table>,
        keys: &mut Vec<&'a str>,
        n: &'a str,
        alias: &'a str,
    ) -> Result<Item, SelectProblem> {
        if let Some(inside) = self.rest().strip_prefix('(') {
            if n == "count"
                && inside
                    .trim_start_matches([' ', '\n', '\t', '\r'])
                    .starts_with(')')
            {
                return Err(aggregate("count()"));
            }
            return self.embed(table, keys, n, alias, false);
        }
        if self.at("!") {
            return self.embed(table, keys, n, alias, false);
        }
        self.column(table, n, alias)
    }

    /// A column: its name, JSON arrows (`->` …, `->>` last), then `::cast`.
    fn column(
        &mut self,
        table: Option<&'static Table>,
        n: &'a str,
        alias: &'a str,
    ) -> Result<Item, SelectProblem> {
        let mut path = false;
        loop {
            if self.at("->>") {
                self.eat("->>");
                self.name(&|| format!("a JSON key after '{n}->>'"))?;
                if self.at("->") {
                    return Err(problem(
                        format!("'->>' gives text: it must be the last step of '{n}'"),
                        "->>",
                    ));
                }
                path = true;
                break;
            }
            if !self.at("->") {
                break;
            }
            self.eat("->");
            self.name(&|| format!("a JSON key after '{n}->'"))?;
            path = true;
        }
        let mut cast = "";
        if self.at("::") {
            self.eat("::");
            cast = self.name(&|| format!("a type after '{n}::'"))?;
        }
        if let Some(f) = self.rest().strip_prefix('.') {
            let f = &f[..f.bytes().take_while(|b| name_byte(*b)).count()];
            return Err(aggregate(&format!("{n}.{f}()")));
        }
        if let Some(t) = table {
            if t.column(n).is_none() {
                self.note(if n == "count" {
                    problem(
                        "'count' counts the rows of a to-many embed only, as its sole item, e.g. \
                         tasks(count); aggregate functions are disabled on this server (PGRST123)"
                            .into(),
                        n,
                    )
                } else {
                    problem(format!("column '{n}' does not exist on '{}'", t.name), n)
                });
            } else if !cast.is_empty() && !cast_known(cast) {
                self.note(problem(format!("unknown cast type '{cast}'"), cast));
            }
        }
        let bare =
            n == "count" && (alias.is_empty() || alias == "count") && !path && cast.is_empty();
        Ok(if bare { Item::Count } else { Item::Other })
    }

    /// An embed after its name: `!hint`, `!inner` / `!left`, `!hint!inner`, then `(list)`.
    fn embed(
        &mut self,
        table: Option<&'static Table>,
        keys: &mut Vec<&'a str>,
        n: &'a str,
        alias: &'a str,
        spread: bool,
    ) -> Result<Item, SelectProblem> {
        let (mut hint, mut bangs) = ("", false);
        if self.at("!") {
            bangs = true;
            self.eat("!");
            let m = self.name(&|| format!("a hint, 'inner' or 'left' after '{n}!'"))?;
            if m != "inner" && m != "left" {
                hint = m;
                if self.at("!") {
                    self.eat("!");
                    let j = self.name(&|| format!("'inner' or 'left' after '{n}!{m}!'"))?;
                    if j != "inner" && j != "left" {
                        return Err(problem(
                            format!("unknown join '!{j}' on '{n}!{m}': use !inner or !left"),
                            j,
                        ));
                    }
                }
            }
        }
        if !self.at("(") {
            return Err(if spread {
                problem(
                    format!("a spread needs an embedded resource: '...{n}(...)'"),
                    n,
                )
            } else {
                let r = self.rest();
                let bang = if bangs { "!..." } else { "" };
                problem(format!("expected '(' after '{n}{bang}' at '{r}'"), r)
            });
        }
        self.eat("(");
        // The relationship, before the embedded items, as the resolver goes.
        let mut rel = None;
        if let Some(t) = table {
            let key = if alias.is_empty() { n } else { alias };
            if !spread && keys.contains(&key) {
                self.note(problem(
                    format!(
                        "'{key}' is embedded twice on '{}': give one an alias (other:{n}...)",
                        t.name
                    ),
                    key,
                ));
            } else {
                match find_rel(t, n, hint) {
                    Ok(r) => rel = Some((t, r, schema::table(r.target))),
                    Err(p) => self.note(p),
                }
            }
            if !spread {
                keys.push(key);
            }
        }
        let target = rel.and_then(|(_, _, target)| target);
        // The embedded items' own problems come after the embed's, and a sole `count` is
        // judged by the relationship.
        let outer = self.found.take();
        let sole_count = if self.at(")") {
            false
        } else {
            self.list(target)?
        };
        let inner = std::mem::replace(&mut self.found, outer);
        if !self.at(")") {
            let r = self.rest();
            return Err(if r.is_empty() {
                problem(format!("missing ')' after the embed '{n}'"), n)
            } else {
                problem(
                    format!("expected ',' or ')' in the embed '{n}' at '{r}'"),
                    r,
                )
            });
        }
        self.eat(")");
        if let Some((t, r, Some(target))) = rel {
            if sole_count && target.column("count").is_none() {
                if r.to_one {
                    self.note(problem(
                        format!(
                            "'{n}(count)': an embedded count needs a to-many relationship; '{}' \
                             to '{}' is to-one",
                            t.name, target.name
                        ),
                        n,
                    ));
                } else if spread {
                    self.note(problem(
                        format!("'...{n}(count)': an embedded count cannot be spread"),
                        n,
                    ));
                }
            } else if let Some(p) = inner {
                self.note(p);
            }
        }
        Ok(Item::Other)
    }
}

/// Whether `name!hint(...)` embedded from `origin` selects `r`, by PostgREST's rule: a
/// self-reference gives its one-to-many by the table's name (hinted by the referencing column,
/// `agents!reports_to(...)`) and its many-to-one by the column (`reports_to(...)`); any other
/// relationship is named by the target table, the key's constraint or the origin's column, and,
/// with a hint, by the target table with the constraint or either column as the hint.
fn selects(origin: &Table, r: &schema::Relationship, name: &str, hint: &str) -> bool {
    if r.target == origin.name {
        return match (hint, r.holds_key) {
            ("", false) => name == r.target,
            ("", true) => name == r.column,
            (_, false) => name == r.target && hint == r.target_column,
            (_, true) => false,
        };
    }
    if hint.is_empty() {
        name == r.target || name == r.constraint || name == r.column
    } else {
        name == r.target && (hint == r.constraint || hint == r.column || hint == r.target_column)
    }
}

/// The one relationship an embed names (PGRST200 when none, PGRST201 when several).
fn find_rel(
    origin: &'static Table,
    name: &str,
    hint: &str,
) -> Result<&'static schema::Relationship, SelectProblem> {
    let mut matches = origin
        .relationships
        .iter()
        .filter(|r| selects(origin, r, name, hint));
    let o = origin.name;
    match (matches.next(), matches.next(), hint) {
        (Some(r), None, _) => Ok(r),
        (None, _, "") => Err(problem(
            format!("could not find a relationship between '{o}' and '{name}' (PGRST200)"),
            name,
        )),
        (None, _, h) => Err(problem(
            format!(
                "could not find a relationship between '{o}' and '{name}' for the hint '{h}' \
                 (PGRST200)"
            ),
            h,
        )),
        (Some(_), Some(_), "") => Err(problem(
            format!(
                "more than one relationship between '{o}' and '{name}' (PGRST201): add a hint, \
                 {name}!<foreign key or column>(...)"
            ),
            name,
        )),
        (Some(_), Some(_), h) => Err(problem(
            format!(
                "the hint '{h}' matches more than one relationship between '{o}' and '{name}' \
                 (PGRST201): hint with the foreign key's name"
            ),
            h,
        )),
    }
}

/// Checks a select string against `table` (only its syntax when `None`): the first problem, as
/// the type-level parser (`select.d.ts`) reports it.
pub(super) fn check_select_string(
    table: Option<&'static Table>,
    select: &str,
) -> Result<(), SelectProblem> {
    let mut p = SelectParser {
        s: select,
        i: 0,
        found: None,
    };
    p.select(table)?;
    p.found.map_or(Ok(()), Err)
}

impl QueryBuilder {
    pub(super) fn def(&self) -> Option<&'static Table> {
        if self.ctx.schema == "public" && self.function.is_none() {
            schema::table(&self.table)
        } else {
            None
        }
    }

    /// Records the first problem found while building; it is reported when the query runs.
    pub(super) fn fail(&mut self, rule: &str, field: &str, value: Value) {
        if self.problem.is_none() {
            self.problem = Some(Error::validation(vec![Violation {
                table: self.target_name().to_string(),
                field: field.to_string(),
                rule: rule.to_string(),
                value,
            }]));
        }
    }

    pub(super) fn target_name(&self) -> &str {
        self.function.as_deref().unwrap_or(&self.table)
    }

    /// Checks a column name used in a filter or order: plain names must exist; paths into
    /// embedded resources (`agents.name`) and JSON (`data->>x`) are left to the server.
    pub(super) fn check_column(&mut self, column: &str) {
        if column.is_empty() || column.contains('\0') {
            self.fail(
                "must be a column name",
                column,
                Value::String(column.into()),
            );
            return;
        }
        let plain = !column.contains(['.', '-', '(', ':', '>']);
        if plain
            && self.function.is_none()
            && self.def().is_some_and(|t| t.column(column).is_none())
        {
            self.fail("unknown column", column, Value::String(column.to_string()));
        }
    }

    /// Checks a select string before it is sent (`select.d.ts` refuses the same strings at
    /// compile time): its syntax, its columns and casts, and its embeds, resolved through the
    /// schema's relationships as PostgREST resolves them (none: PGRST200; several: PGRST201).
    /// Only the first problem is reported, with `select` as the field and the bad token as the
    /// value. Other schemas and function results are the server's to check.
    pub(super) fn check_select(&mut self, select: &str) {
        if self.refuse_nul("select", select) || self.ctx.schema != "public" {
            return;
        }
        let Some(t) = self.def() else { return };
        if let Err(p) = check_select_string(Some(t), select) {
            self.fail(&p.rule, "select", Value::String(p.token));
        }
    }

    /// Records a violation and answers `true` when `text` holds a NUL character (PostgreSQL
    /// text cannot).
    pub(super) fn refuse_nul(&mut self, field: &str, text: &str) -> bool {
        let bad = text.contains('\0');
        if bad {
            self.fail(
                "must not contain NUL characters",
                field,
                Value::String(text.into()),
            );
        }
        bad
    }

    /// Refuses a write the SDK never sends (`immutable_record`, saying why and what to do
    /// instead), unless a problem is already recorded.
    fn refuse_write(&mut self, message: String, hint: &str) {
        if self.problem.is_none() {
            let mut e = Error::new(crate::error::ErrorCode::ImmutableRecord, message);
            e.hint = Some(hint.into());
            self.problem = Some(e);
        }
    }

    /// Refuses a write `op` the SDK never sends: any write to a table the backend alone writes,
    /// or one the table's RLS never allows (`rls_allows` false).
    pub(super) fn check_write(&mut self, op: &str, rls_allows: fn(&Table) -> bool) {
        match self.def() {
            Some(t) if schema::backend_only(t.name) => self.read_only(op),
            Some(t) if !rls_allows(t) => self.immutable(op),
            _ => {}
        }
    }

    /// Refuses a write to a table the backend alone writes ([`schema::backend_only`]).
    fn read_only(&mut self, op: &str) {
        let message = format!(
            "{} cannot be {op}d from the SDK: the backend writes them, the SDK reads them",
            self.table
        );
        self.refuse_write(
            message,
            "pulses run in the backend; read them with select()",
        );
    }

    /// Refuses writes the table's RLS never allows (memory_entries, chat_messages, and
    /// deleting chat_sessions).
    fn immutable(&mut self, op: &str) {
        let message = format!(
            "{} rows cannot be {op}d: the table is append-only",
            self.table
        );
        self.refuse_write(
            message,
            "insert a new, superseding row instead (agents: set status INACTIVE)",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(table: &str, select: &str) -> Result<(), SelectProblem> {
        check_select_string(schema::table(table), select)
    }

    #[test]
    fn select_strings_are_parsed_and_resolved() {
        assert_eq!(
            check("tasks", " id , who:agents!assignee_id ( name ) "),
            Ok(())
        );
        assert_eq!(
            check(
                "agents",
                "id, reports_to!inner(name), agents!reports_to(name)"
            ),
            Ok(())
        );
        assert_eq!(check("tasks", "id, parameters->a->>b::int4"), Ok(()));
        let e = check("tasks", "id, agents(name)").unwrap_err();
        assert_eq!(e.token, "agents");
        assert!(e.rule.contains("PGRST201"), "{e:?}");
        let e = check("tasks", "id, departments(typ)").unwrap_err();
        assert_eq!(e.rule, "column 'typ' does not exist on 'departments'");
        // A syntax error anywhere wins over a name earlier in the string.
        let e = check("tasks", "titel, id title").unwrap_err();
        assert_eq!(e.token, "title");
        // Only the syntax when the table is unknown.
        assert_eq!(check_select_string(None, "anything, x(y)"), Ok(()));
    }

    #[test]
    fn path_names() {
        use super::super::encode::path_name_ok;
        assert!(path_name_ok("echo"));
        assert!(!path_name_ok(".."));
        assert!(!path_name_ok(""));
        assert!(!path_name_ok("a\nb"));
    }
}
