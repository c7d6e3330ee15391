//! One builder per request, in postgrest-js's shape: `from(table)` → an operation
//! (`select`/`insert`/`upsert`/`update`/`delete`) → filters and modifiers → execute.

use std::rc::Rc;

use serde_json::Value;

use super::encode::array_literal;
use super::encode::path_name_ok;
use crate::error::{Error, ErrorCode, Violation};
use crate::http::{Body, Method, Transport};
use crate::schema::{self, Mode};

/// Refreshes the session; resolves `true` when a new access token is in place.
pub type Refresher = Rc<dyn Fn() -> std::pin::Pin<Box<dyn std::future::Future<Output = bool>>>>;

/// Everything a request needs from the client: where, which key, whose token.
#[derive(Clone)]
pub struct RestContext {
    /// `https://<project>/rest/v1`
    pub url: String,
    /// The project's API key (`apikey` header).
    pub api_key: String,
    /// How requests are sent.
    pub transport: Transport,
    /// The current access token (the API key when signed out), read when the request is sent.
    pub token: Rc<dyn Fn() -> Option<String>>,
    /// The schema (`Accept-Profile` / `Content-Profile`), `public` unless changed.
    pub schema: String,
    /// Refreshes the session after a `jwt_expired` answer; `true` when there is a new token.
    pub refresh: Option<Refresher>,
}

/// `count` option of `select`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Count {
    /// `count=exact`: `count(*)`, exact at any size.
    Exact,
    /// `count=planned`: the planner's estimate.
    Planned,
    /// `count=estimated`: exact up to a limit, planned beyond it.
    Estimated,
}

impl Count {
    /// Every count kind.
    pub const ALL: &'static [Count] = &[Count::Exact, Count::Planned, Count::Estimated];

    /// Parses `"exact" | "planned" | "estimated"`.
    pub fn parse(s: &str) -> Option<Count> {
        Count::ALL.iter().copied().find(|c| c.as_str() == s)
    }
    /// The `Prefer: count=` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Count::Exact => "exact",
            Count::Planned => "planned",
            Count::Estimated => "estimated",
        }
    }
}

/// What `data` should be: the array, one row (`single`) or one row or null (`maybeSingle`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReturnShape {
    /// An array of rows.
    Many,
    /// One row as an object (an error if not exactly one).
    Single,
    /// One row as an object, or null.
    MaybeSingle,
    /// `text/csv`: the body is data as a string.
    Csv,
}

/// A successful answer, body still as JSON text (decoded by the caller: `JSON.parse` in JS,
/// serde in Rust).
#[derive(Debug, Clone, PartialEq)]
pub struct RestResponse {
    /// The HTTP status.
    pub status: u16,
    /// The status text.
    pub status_text: String,
    /// The count asked for (`count: "exact"`, …), from `Content-Range`.
    pub count: Option<u64>,
    /// The JSON (or CSV) text, or `None` when the server sent no body (HEAD, `return=minimal`).
    /// Read it with [`RestResponse::text`].
    pub body: Option<Body>,
    /// How `body` is shaped.
    pub shape: ReturnShape,
}

impl RestResponse {
    /// The body as text, if there was one.
    pub fn text(&self) -> Option<std::borrow::Cow<'_, str>> {
        self.body.as_ref().map(Body::text)
    }
}

/// The query builder for one table.
#[derive(Clone)]
pub struct QueryBuilder {
    pub(super) ctx: RestContext,
    pub(super) table: String,
    /// `rpc/<name>` when this calls a function.
    pub(super) function: Option<String>,
    pub(super) timeout_ms: Option<u32>,
    pub(super) signal: Option<crate::http::AbortSignal>,
    pub(super) method: Method,
    pub(super) params: Vec<(String, String)>,
    pub(super) prefer: Vec<String>,
    /// Headers set by the caller (`setHeader`).
    pub(super) headers: Vec<(String, String)>,
    pub(super) body: Option<Value>,
    pub(super) shape: ReturnShape,
    pub(super) head: bool,
    /// `throwOnError()`: the JS façade rejects instead of answering `{ error }`.
    pub(super) throw_on_error: bool,
    /// The first problem found while building; reported on execution, nothing is sent.
    pub(super) problem: Option<Error>,
}

impl QueryBuilder {
    /// Starts a query on `table`; an unknown table is reported when the query runs.
    pub fn new(ctx: RestContext, table: &str) -> Self {
        let (name, problem) = match schema::table(table) {
            Some(t) => (t.name, None),
            // Other schemas are not in the catalogue: their names are the server's to check.
            None if ctx.schema != "public" && path_name_ok(table) => (table, None),
            None => (
                "",
                Some(Error::validation(vec![Violation {
                    table: table.to_string(),
                    field: String::new(),
                    rule: if ctx.schema == "public" {
                        "unknown table"
                    } else {
                        "must be a table name"
                    }
                    .into(),
                    value: Value::String(table.to_string()),
                }])),
            ),
        };
        let bad_schema = !path_name_ok(&ctx.schema);
        let schema = ctx.schema.clone();
        let b = QueryBuilder::with_target(ctx, name, problem);
        if bad_schema {
            let mut b = b;
            b.fail("must be a schema name", "schema", Value::String(schema));
            return b;
        }
        b
    }

    fn with_target(ctx: RestContext, name: &str, problem: Option<Error>) -> Self {
        QueryBuilder {
            ctx,
            table: name.to_string(),
            function: None,
            timeout_ms: None,
            signal: None,
            method: Method::Get,
            params: Vec::new(),
            prefer: Vec::new(),
            headers: Vec::new(),
            body: None,
            shape: ReturnShape::Many,
            head: false,
            throw_on_error: false,
            problem,
        }
    }

    /// Calls the database function `name` with `args` (an object): POST, or GET/HEAD with the
    /// arguments as query parameters (`get`), counting rows with `count`.
    pub fn rpc(
        ctx: RestContext,
        name: &str,
        args: Value,
        method: Method,
        count: Option<Count>,
    ) -> Self {
        let mut b = QueryBuilder::with_target(ctx, "", None);
        b.function = Some(name.to_string());
        if !path_name_ok(name) {
            b.fail(
                "must be a function name",
                "",
                Value::String(name.to_string()),
            );
        }
        b.method = method;
        if let Some(c) = count {
            b.prefer.push(format!("count={}", c.as_str()));
        }
        match method {
            Method::Post => b.body = Some(args),
            _ => {
                if let Value::Object(map) = args {
                    for (k, v) in map {
                        let text = match v {
                            Value::String(s) => s,
                            Value::Array(items) => {
                                let parts: Vec<String> = items
                                    .iter()
                                    .map(|i| {
                                        i.as_str()
                                            .map_or_else(|| crate::json::write(i), str::to_string)
                                    })
                                    .collect();
                                array_literal(&parts)
                            }
                            other => crate::json::write(&other),
                        };
                        b.params.push((k, text));
                    }
                }
            }
        }
        b
    }

    /// Inserts, or updates on conflict (`Prefer: resolution=merge-duplicates`), or skips
    /// duplicates (`ignore_duplicates`). Not available on memory_entries and chat_messages.
    pub fn upsert(
        mut self,
        values: Value,
        on_conflict: Option<&str>,
        ignore_duplicates: bool,
        default_to_null: bool,
    ) -> Self {
        self.check_write("upsert", |t| t.can_update);
        let mut b = self.insert(values, default_to_null);
        b.prefer.push(format!(
            "resolution={}",
            if ignore_duplicates {
                "ignore-duplicates"
            } else {
                "merge-duplicates"
            }
        ));
        if let Some(cols) = on_conflict {
            b.set_param("on_conflict", cols.to_string());
        }
        b
    }

    /// Reads and writes in another exposed schema (`Accept-Profile` / `Content-Profile`).
    pub fn schema(mut self, schema: &str) -> Self {
        if !path_name_ok(schema) {
            self.fail(
                "must be a schema name",
                "schema",
                Value::String(schema.to_string()),
            );
        }
        self.ctx.schema = schema.to_string();
        self
    }

    /// Sets a request header (postgrest-js's `setHeader`), replacing one of the same name.
    pub fn set_header(mut self, name: &str, value: &str) -> Self {
        let ok = !name.is_empty()
            && name.bytes().all(|b| b.is_ascii_graphic() && b != b':')
            && !value.chars().any(|c| c.is_control() || !c.is_ascii());
        if !ok {
            self.fail(
                "must be a valid header",
                name,
                Value::String(value.to_string()),
            );
            return self;
        }
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    /// A builder that reports `e` when run instead of sending anything.
    pub fn refuse(mut self, e: Error) -> Self {
        self.problem = Some(e);
        self
    }

    /// The problem that stops this query (reported when it runs; nothing is sent), if any.
    pub fn problem(&self) -> Option<&Error> {
        self.problem.as_ref()
    }

    /// Marks the query to reject (JS) instead of answering `{ error }`.
    pub fn throw_on_error(mut self) -> Self {
        self.throw_on_error = true;
        self
    }

    /// Whether `throw_on_error` was asked for.
    pub fn throws(&self) -> bool {
        self.throw_on_error
    }

    /// The `timeout` set on this query, in milliseconds.
    pub fn timeout_ms(&self) -> Option<u32> {
        self.timeout_ms
    }

    /// The JSON body this query sends (inserts, updates, rpc arguments).
    pub fn body(&self) -> Option<&Value> {
        self.body.as_ref()
    }

    /// The table (or `rpc/` function) this builder targets.
    pub fn target(&self) -> &str {
        self.target_name()
    }

    /// Returns the answer as CSV text.
    pub fn csv(mut self) -> Self {
        self.shape = ReturnShape::Csv;
        self
    }

    /// Gives up after `ms` milliseconds with a `timeout` error.
    pub fn timeout(mut self, ms: u32) -> Self {
        self.timeout_ms = Some(ms);
        self
    }

    /// Aborts the request when `signal` fires (`aborted` error).
    pub fn abort_signal(mut self, signal: crate::http::AbortSignal) -> Self {
        self.signal = Some(signal);
        self
    }

    /// Adds a `Prefer` item (e.g. `count=exact` for a mutation).
    pub fn prefer(mut self, item: &str) -> Self {
        self.prefer.push(item.to_string());
        self
    }

    pub(super) fn set_param(&mut self, key: &str, value: String) {
        self.params.retain(|(k, _)| k != key);
        self.params.push((key.to_string(), value));
    }

    /// `select(columns)`: after a mutation, asks for the written rows back. The string is
    /// checked as written (whitespace separates tokens, as the select types read it), then sent
    /// as supabase-js sends it, without the whitespace outside quoted names.
    pub fn select(mut self, columns: &str) -> Self {
        self.check_select(columns);
        let cleaned: String = if columns.contains(char::is_whitespace) {
            let mut quoted = false;
            columns
                .chars()
                .filter(|c| {
                    if *c == '"' {
                        quoted = !quoted;
                    }
                    quoted || !c.is_whitespace()
                })
                .collect()
        } else {
            columns.to_string()
        };
        self.set_param("select", cleaned);
        if self.method != Method::Get && self.method != Method::Head {
            self.prefer.retain(|p| !p.starts_with("return="));
            self.prefer.push("return=representation".into());
        }
        self
    }

    /// Counts rows (`Prefer: count=…`), and with `head` sends HEAD to get only the count.
    pub fn count(mut self, count: Count, head: bool) -> Self {
        self.prefer.push(format!("count={}", count.as_str()));
        self.head(head)
    }

    /// HEAD instead of GET: no rows, only the status and the count.
    pub fn head(mut self, head: bool) -> Self {
        if head && self.method.is_safe() {
            self.head = true;
            self.method = Method::Head;
        }
        self
    }

    fn mutation(mut self, method: Method, body: Value, mode: Mode) -> Self {
        if let Some(t) = self.def() {
            let mut violations = Vec::new();
            match &body {
                Value::Array(rows) if method == Method::Post => {
                    for row in rows {
                        schema::validate::collect_violations(t, mode, row, &mut violations);
                    }
                }
                row => schema::validate::collect_violations(t, mode, row, &mut violations),
            }
            if !violations.is_empty() && self.problem.is_none() {
                self.problem = Some(Error::validation(violations));
            }
        }
        self.method = method;
        self.body = Some(body);
        self
    }

    /// Inserts one row or many. With `default_to_null = false`, columns missing from some rows
    /// take their default (`Prefer: missing=default`).
    pub fn insert(mut self, values: Value, default_to_null: bool) -> Self {
        self.check_write("insert", |_| true);
        let columns = match &values {
            Value::Array(rows) => {
                let mut cols: Vec<String> = Vec::new();
                for row in rows {
                    if let Some(o) = row.as_object() {
                        for k in o.keys() {
                            if !cols.contains(k) {
                                cols.push(k.clone());
                            }
                        }
                    }
                }
                Some(cols)
            }
            _ => None,
        };
        let gaps = match (&columns, &values, default_to_null) {
            (Some(cols), Value::Array(rows), true) => self.bulk_gaps(cols, rows),
            _ => Vec::new(),
        };
        let mut b = self.mutation(Method::Post, values, Mode::Insert);
        if !gaps.is_empty() {
            match &mut b.problem {
                Some(p) if p.code == ErrorCode::ValidationFailed => p.violations.extend(gaps),
                Some(_) => {}
                None => b.problem = Some(Error::validation(gaps)),
            }
        }
        if let Some(cols) = columns {
            let quoted: Vec<String> = cols.iter().map(|c| format!("\"{c}\"")).collect();
            b.set_param("columns", quoted.join(","));
        }
        if !default_to_null {
            b.prefer.push("missing=default".into());
        }
        b
    }

    /// With `defaultToNull`, a key some rows of a bulk insert lack is sent as NULL for them:
    /// a violation where the column is NOT NULL (the server would refuse the whole batch).
    fn bulk_gaps(&self, columns: &[String], rows: &[Value]) -> Vec<Violation> {
        let Some(t) = self.def() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for col in columns {
            let Some(c) = t.column(col) else { continue };
            if c.presence.nullable() {
                continue;
            }
            if let Some(i) = rows.iter().position(|r| r.get(col).is_none()) {
                out.push(Violation {
                    table: t.name.to_string(),
                    field: col.clone(),
                    rule: format!(
                        "must not be null: row {i} of the bulk insert lacks it and defaultToNull sends NULL \
                         (pass defaultToNull: false to use the column default)"
                    ),
                    value: Value::Null,
                });
            }
        }
        out
    }

    /// Updates the rows the filters match. Not available on memory_entries and chat_messages.
    pub fn update(mut self, values: Value) -> Self {
        self.check_write("update", |t| t.can_update);
        self.mutation(Method::Patch, values, Mode::Update)
    }

    /// Deletes the rows the filters match. Not available on memory_entries, chat_sessions and
    /// chat_messages.
    pub fn delete(mut self) -> Self {
        self.check_write("delete", |t| t.can_delete);
        self.method = Method::Delete;
        self
    }

    /// Exactly one row, or a `single_row_mismatch` error.
    pub fn single(mut self) -> Self {
        self.shape = ReturnShape::Single;
        self
    }

    /// One row or null; more than one is a `single_row_mismatch` error.
    pub fn maybe_single(mut self) -> Self {
        self.shape = ReturnShape::MaybeSingle;
        self
    }
}

/// A context for unit tests: no server behind it.
#[cfg(test)]
pub(super) fn test_context() -> RestContext {
    RestContext {
        url: "http://h/rest/v1".into(),
        api_key: "anon".into(),
        transport: Transport::default(),
        token: Rc::new(|| Some("tok".into())),
        schema: "public".into(),
        refresh: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ctx() -> RestContext {
        test_context()
    }

    fn q(b: &QueryBuilder) -> String {
        b.build()
            .unwrap()
            .url
            .split_once('?')
            .map(|(_, q)| q.to_string())
            .unwrap_or_default()
    }

    /// `not(col, "in", text)` passes a written list on (as postgrest-js does); any other value
    /// is written by the operator.
    #[test]
    fn not_in_takes_a_written_list_or_values() {
        let b = QueryBuilder::new(ctx(), "tasks").not("status", "in", &json!("(PENDING,BLOCKED)"));
        assert_eq!(q(&b), "select=%2A&status=not.in.%28PENDING%2CBLOCKED%29");
        let b = QueryBuilder::new(ctx(), "tasks").not("status", "in", &json!(["PENDING", "a,b"]));
        assert_eq!(
            q(&b),
            "select=%2A&status=not.in.%28PENDING%2C%22a%2Cb%22%29"
        );
        let b = QueryBuilder::new(ctx(), "tasks").not("title", "eq", &json!("x"));
        assert_eq!(q(&b), "select=%2A&title=not.eq.x");
    }

    #[test]
    fn parse_reads_the_three_modes() {
        use crate::schema::Mode;
        assert_eq!(
            ["insert", "update", "row", "Row", ""].map(Mode::parse),
            [
                Some(Mode::Insert),
                Some(Mode::Update),
                Some(Mode::Row),
                None,
                None
            ]
        );
    }

    #[test]
    fn select_with_filters_encodes_values_verbatim() {
        let b = QueryBuilder::new(ctx(), "tasks")
            .select("id, title")
            .eq("title", "a+b c,d")
            .limit(5, None);
        assert_eq!(q(&b), "select=id%2Ctitle&title=eq.a%2Bb%20c%2Cd&limit=5");
        let r = b.build().unwrap();
        assert_eq!(r.method, Method::Get);
        assert!(r
            .headers
            .contains(&("Authorization".into(), "Bearer tok".into())));
    }

    #[test]
    fn bulk_insert_lists_columns_and_asks_for_defaults() {
        let b = QueryBuilder::new(ctx(), "sectors")
            .insert(json!([{"company_id": "10000000-0000-4000-8000-000000000001", "type": "COMMAND"}, {"company_id": "10000000-0000-4000-8000-000000000001", "type": "METRICS", "health": "RED"}]), false)
            .select("*");
        let r = b.build().unwrap();
        assert_eq!(
            q(&b),
            "columns=%22company_id%22%2C%22type%22%2C%22health%22&select=%2A"
        );
        let prefer = r
            .headers
            .iter()
            .find(|(k, _)| k == "Prefer")
            .unwrap()
            .1
            .clone();
        assert_eq!(prefer, "missing=default,return=representation");
        assert_eq!(r.method, Method::Post);
    }

    #[test]
    fn invalid_insert_is_stopped_before_sending() {
        let e = QueryBuilder::new(ctx(), "agents")
            .insert(json!({"name": "A"}), true)
            .build()
            .unwrap_err();
        assert_eq!(e.code, ErrorCode::ValidationFailed);
        assert!(e
            .violations
            .iter()
            .any(|v| v.field == "tier" && v.rule == "required"));
    }

    #[test]
    fn immutable_tables_refuse_update_and_delete() {
        let e = QueryBuilder::new(ctx(), "memory_entries")
            .update(json!({"summary": "x"}))
            .build()
            .unwrap_err();
        assert_eq!(e.code, ErrorCode::ImmutableRecord);
        let e = QueryBuilder::new(ctx(), "chat_sessions")
            .delete()
            .build()
            .unwrap_err();
        assert_eq!(e.code, ErrorCode::ImmutableRecord);
        assert!(QueryBuilder::new(ctx(), "chat_sessions")
            .update(json!({"status": "CLOSED"}))
            .build()
            .is_ok());
    }

    #[test]
    fn pulses_are_read_only() {
        for q in [
            QueryBuilder::new(ctx(), "pulses").insert(json!({"phase": "SCAN"}), true),
            QueryBuilder::new(ctx(), "pulses").upsert(json!({}), None, false, true),
            QueryBuilder::new(ctx(), "pulses").update(json!({"phase": "SCAN"})),
            QueryBuilder::new(ctx(), "pulses").delete(),
        ] {
            let e = q.build().unwrap_err();
            assert_eq!(e.code, ErrorCode::ImmutableRecord);
            assert!(e.message.starts_with("pulses cannot be "), "{}", e.message);
        }
        assert!(QueryBuilder::new(ctx(), "pulses")
            .select("id")
            .build()
            .is_ok());
        assert!(QueryBuilder::new(ctx(), "tasks")
            .insert(json!({"company_id": "10000000-0000-4000-8000-000000000001", "assignee_id": "10000000-0000-4000-8000-000000000001", "assigned_by": "10000000-0000-4000-8000-000000000001", "title": "t"}), true)
            .build()
            .is_ok());
    }

    #[test]
    fn embedding_hints_must_name_a_foreign_key() {
        let ok = QueryBuilder::new(ctx(), "departments").select("type, chief:agents!fk_departments_chief(name), staff:agents!agents_department_id_fkey!inner(name)");
        assert!(ok.build().is_ok());
        let e = QueryBuilder::new(ctx(), "departments")
            .select("chief:agents!fk_department_chief(name)")
            .build()
            .unwrap_err();
        let v = &e.violations[0];
        assert_eq!(
            (v.table.as_str(), v.field.as_str()),
            ("departments", "select")
        );
        assert_eq!(
            v.rule,
            "could not find a relationship between 'departments' and 'agents' for the hint \
             'fk_department_chief' (PGRST200)"
        );
        assert_eq!(v.value, serde_json::json!("fk_department_chief"));
    }

    #[test]
    fn unknown_column_in_filter_is_reported() {
        let e = QueryBuilder::new(ctx(), "tasks")
            .eq("titel", "x")
            .build()
            .unwrap_err();
        assert_eq!(e.violations[0].field, "titel");
        assert_eq!(e.violations[0].rule, "unknown column");
    }

    #[test]
    fn order_accumulates_and_range_sets_offset_limit() {
        let b = QueryBuilder::new(ctx(), "tasks")
            .order("priority", true, None, None)
            .order("created_at", false, Some(false), None)
            .range(10, 19, None);
        assert_eq!(
            q(&b),
            "select=%2A&order=priority.asc%2Ccreated_at.desc.nullslast&offset=10&limit=10"
        );
    }
}
