//! One builder per request, in postgrest-js's shape: `from(table)` → an operation
//! (`select`/`insert`/`upsert`/`update`/`delete`) → filters and modifiers → execute.

use std::rc::Rc;

use serde_json::Value;

use super::encode::{array_literal, quote_in_list};
use crate::error::{Error, ErrorCode, Violation};
use crate::http::{encode_component, Body, Method, Request, Transport};
use crate::schema::{self, Mode, Table};

/// Refreshes the session; resolves `true` when a new access token is in place.
pub type Refresher = Rc<dyn Fn() -> std::pin::Pin<Box<dyn std::future::Future<Output = bool>>>>;

/// Everything a request needs from the client: where, which key, whose token.
#[derive(Clone)]
pub struct RestContext {
    /// `https://<project>/rest/v1`
    pub url: String,
    pub api_key: String,
    pub transport: Transport,
    /// The current access token (the API key when signed out), read when the request is sent.
    pub token: Rc<dyn Fn() -> Option<String>>,
    /// The schema (`Accept-Profile` / `Content-Profile`), `public` unless changed.
    pub schema: String,
    /// Refreshes the session after a `jwt_expired` answer; `true` when there is a new token.
    pub refresh: Option<Refresher>,
}

/// `count` option of `select`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    Exact,
    Planned,
    Estimated,
}

impl Count {
    /// Parses `"exact" | "planned" | "estimated"`.
    pub fn parse(s: &str) -> Option<Count> {
        match s {
            "exact" => Some(Count::Exact),
            "planned" => Some(Count::Planned),
            "estimated" => Some(Count::Estimated),
            _ => None,
        }
    }
    fn as_str(self) -> &'static str {
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
    Many,
    Single,
    MaybeSingle,
    /// `text/csv`: the body is data as a string.
    Csv,
}

/// A successful answer, body still as JSON text (decoded by the caller: `JSON.parse` in JS,
/// serde in Rust).
#[derive(Debug, Clone, PartialEq)]
pub struct RestResponse {
    pub status: u16,
    pub status_text: String,
    pub count: Option<u64>,
    /// The JSON (or CSV) text, or `None` when the server sent no body (HEAD, `return=minimal`).
    /// Read it with [`RestResponse::text`].
    pub body: Option<Body>,
    pub shape: ReturnShape,
}

impl RestResponse {
    /// The body as text, if there was one.
    ///
    /// ```js
    /// // Rust: serde_json::from_str::<Vec<TaskRow>>(&res.text().unwrap())
    /// ```
    pub fn text(&self) -> Option<std::borrow::Cow<'_, str>> {
        self.body.as_ref().map(Body::text)
    }
}

/// The query builder for one table.
///
/// ```js
/// const { data, error } = await mc.from("tasks").select("id,title").eq("status", "BLOCKED").limit(10);
/// ```
#[derive(Clone)]
pub struct QueryBuilder {
    ctx: RestContext,
    table: String,
    /// `rpc/<name>` when this calls a function.
    function: Option<String>,
    timeout_ms: Option<u32>,
    signal: Option<crate::http::AbortSignal>,
    method: Method,
    params: Vec<(String, String)>,
    prefer: Vec<String>,
    body: Option<Value>,
    shape: ReturnShape,
    head: bool,
    /// The first problem found while building; reported on execution, nothing is sent.
    problem: Option<Error>,
}

impl QueryBuilder {
    /// Starts a query on `table`; an unknown table is reported when the query runs.
    pub fn new(ctx: RestContext, table: &str) -> Self {
        let (name, problem) = match schema::table(table) {
            Some(t) => (t.name, None),
            // Other schemas are not in the catalogue: their names are the server's to check.
            None if ctx.schema != "public" => (table, None),
            None => (
                "",
                Some(Error::validation(vec![Violation {
                    table: table.to_string(),
                    field: String::new(),
                    rule: "unknown table".into(),
                    value: Value::String(table.to_string()),
                }])),
            ),
        };
        QueryBuilder::with_target(ctx, name, problem)
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
            body: None,
            shape: ReturnShape::Many,
            head: false,
            problem,
        }
    }

    /// Calls the database function `name` with `args` (an object): POST, or GET/HEAD with the
    /// arguments as query parameters (`get`), counting rows with `count`.
    ///
    /// ```js
    /// const { data } = await mc.rpc("echo", { a: 1 });
    /// ```
    pub fn rpc(
        ctx: RestContext,
        name: &str,
        args: Value,
        method: Method,
        count: Option<Count>,
    ) -> Self {
        let mut b = QueryBuilder::with_target(ctx, "", None);
        b.function = Some(name.to_string());
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
                                        i.as_str().map_or_else(|| i.to_string(), str::to_string)
                                    })
                                    .collect();
                                array_literal(&parts)
                            }
                            other => other.to_string(),
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
    ///
    /// ```js
    /// await mc.from("sectors").upsert({ company_id, type: "FINANCE", health: "RED" }, { onConflict: "company_id,type" });
    /// ```
    pub fn upsert(
        mut self,
        values: Value,
        on_conflict: Option<&str>,
        ignore_duplicates: bool,
        default_to_null: bool,
    ) -> Self {
        if self.def().is_some_and(|t| !t.can_update) {
            self.immutable("upsert");
        }
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
        self.ctx.schema = schema.to_string();
        self
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

    fn def(&self) -> Option<&'static Table> {
        if self.ctx.schema == "public" && self.function.is_none() {
            schema::table(&self.table)
        } else {
            None
        }
    }

    fn fail(&mut self, rule: &str, field: &str, value: Value) {
        if self.problem.is_none() {
            self.problem = Some(Error::validation(vec![Violation {
                table: self.table.clone(),
                field: field.to_string(),
                rule: rule.to_string(),
                value,
            }]));
        }
    }

    /// Checks a column name used in a filter or order: plain names must exist; paths into
    /// embedded resources (`agents.name`) and JSON (`data->>x`) are left to the server.
    fn check_column(&mut self, column: &str) {
        let plain = !column.contains(['.', '-', '(', ':', '>']);
        if plain
            && self.function.is_none()
            && self.def().is_some_and(|t| t.column(column).is_none())
        {
            self.fail("unknown column", column, Value::String(column.to_string()));
        }
    }

    /// Embedding hints (`agents!fk_departments_chief(...)`) must name a foreign key of the
    /// schema; `!inner` and `!left` are join modifiers, not hints.
    fn check_fk_hints(&mut self, select: &str) {
        if self.ctx.schema != "public" {
            return;
        }
        for part in select.split('!').skip(1) {
            let hint: String = part
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            let known = hint == "inner"
                || hint == "left"
                || schema::TABLES
                    .iter()
                    .flat_map(|t| t.foreign_keys)
                    .any(|f| f.name == hint);
            if !known {
                self.fail(
                    "unknown foreign key in an embedding hint",
                    "select",
                    Value::String(hint),
                );
            }
        }
    }

    fn set_param(&mut self, key: &str, value: String) {
        self.params.retain(|(k, _)| k != key);
        self.params.push((key.to_string(), value));
    }

    /// `select(columns)`: after a mutation, asks for the written rows back.
    ///
    /// ```js
    /// mc.from("companies").select("id,name,ceo:agents!fk_companies_ceo(name)")
    /// ```
    pub fn select(mut self, columns: &str) -> Self {
        let cleaned: String = {
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
        };
        self.check_fk_hints(&cleaned);
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
    ///
    /// ```js
    /// await mc.from("agents").insert([{ company_id, name: "Ada", role: "CTO", tier: 2 }]);
    /// ```
    pub fn insert(self, values: Value, default_to_null: bool) -> Self {
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
    ///
    /// ```js
    /// await mc.from("tasks").update({ status: "IN_PROGRESS" }).eq("id", id);
    /// ```
    pub fn update(mut self, values: Value) -> Self {
        if self.def().is_some_and(|t| !t.can_update) {
            self.immutable("update");
        }
        self.mutation(Method::Patch, values, Mode::Update)
    }

    /// Deletes the rows the filters match. Not available on memory_entries, chat_sessions and
    /// chat_messages.
    pub fn delete(mut self) -> Self {
        if self.def().is_some_and(|t| !t.can_delete) {
            self.immutable("delete");
        }
        self.method = Method::Delete;
        self
    }

    fn immutable(&mut self, op: &str) {
        if self.problem.is_none() {
            let mut e = Error::new(
                ErrorCode::ImmutableRecord,
                format!(
                    "{} rows cannot be {op}d: the table is append-only",
                    self.table
                ),
            );
            e.hint =
                Some("insert a new, superseding row instead (agents: set status INACTIVE)".into());
            self.problem = Some(e);
        }
    }

    /// A raw filter: `column=op.value`, the value percent-encoded but otherwise verbatim.
    ///
    /// ```js
    /// mc.from("tasks").filter("title", "ilike", "*arm*")
    /// ```
    pub fn filter(mut self, column: &str, op: &str, value: &str) -> Self {
        self.check_column(column);
        self.params
            .push((column.to_string(), format!("{op}.{value}")));
        self
    }

    /// `column=not.op.value`.
    pub fn not(self, column: &str, op: &str, value: &str) -> Self {
        self.filter(column, &format!("not.{op}"), value)
    }

    /// `column=in.(…)` with PostgREST's quoting of each element.
    ///
    /// ```js
    /// mc.from("tasks").in("status", ["PENDING", "BLOCKED"])
    /// ```
    pub fn in_list<S: AsRef<str>>(self, column: &str, values: &[S]) -> Self {
        let list = quote_in_list(values);
        self.filter(column, "in", &list)
    }

    /// `column=op.{…}` (`cs`, `cd`, `ov`) with array-literal quoting.
    pub fn array_op<S: AsRef<str>>(self, column: &str, op: &str, values: &[S]) -> Self {
        let lit = array_literal(values);
        self.filter(column, op, &lit)
    }

    /// `or=(…)`: a logic tree written in PostgREST's syntax (quote values with
    /// [`crate::rest::list_element`]).
    pub fn or(mut self, filters: &str, referenced_table: Option<&str>) -> Self {
        let key = match referenced_table {
            Some(t) => format!("{t}.or"),
            None => "or".into(),
        };
        self.params.push((key, format!("({filters})")));
        self
    }

    /// `order=column.asc|desc[.nullsfirst|.nullslast]`, appended to earlier orders.
    pub fn order(
        mut self,
        column: &str,
        ascending: bool,
        nulls_first: Option<bool>,
        referenced_table: Option<&str>,
    ) -> Self {
        if referenced_table.is_none() {
            self.check_column(column);
        }
        let key = match referenced_table {
            Some(t) => format!("{t}.order"),
            None => "order".into(),
        };
        let mut term = format!("{column}.{}", if ascending { "asc" } else { "desc" });
        match nulls_first {
            Some(true) => term.push_str(".nullsfirst"),
            Some(false) => term.push_str(".nullslast"),
            None => {}
        }
        match self.params.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => {
                v.push(',');
                v.push_str(&term);
            }
            None => self.params.push((key, term)),
        }
        self
    }

    /// `limit=n`.
    pub fn limit(mut self, n: u64, referenced_table: Option<&str>) -> Self {
        let key = referenced_table.map_or("limit".to_string(), |t| format!("{t}.limit"));
        self.set_param(&key, n.to_string());
        self
    }

    /// Rows `from..=to` (zero-based): `offset` and `limit`.
    pub fn range(mut self, from: u64, to: u64, referenced_table: Option<&str>) -> Self {
        let prefix = referenced_table.map_or(String::new(), |t| format!("{t}."));
        self.set_param(&format!("{prefix}offset"), from.to_string());
        self.set_param(
            &format!("{prefix}limit"),
            (to.saturating_sub(from) + 1).to_string(),
        );
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

    /// The request this builder would send, or the problem that stops it.
    pub fn build(&self) -> Result<Request, Error> {
        if let Some(p) = &self.problem {
            return Err(p.clone());
        }
        let mut url = match &self.function {
            Some(f) => format!("{}/rpc/{}", self.ctx.url, f),
            None => format!("{}/{}", self.ctx.url, self.table),
        };
        let mut params = self.params.clone();
        if self.function.is_none()
            && self.method.is_safe()
            && !params.iter().any(|(k, _)| k == "select")
        {
            params.insert(0, ("select".into(), "*".into()));
        }
        if !params.is_empty() {
            let q: Vec<String> = params
                .iter()
                .map(|(k, v)| format!("{}={}", encode_component(k), encode_component(v)))
                .collect();
            url.push('?');
            url.push_str(&q.join("&"));
        }
        let token = (self.ctx.token)().unwrap_or_else(|| self.ctx.api_key.clone());
        let mut req = Request::new(self.method, url)
            .header("apikey", self.ctx.api_key.clone())
            .header("Authorization", format!("Bearer {token}"))
            .header(
                "X-Client-Info",
                concat!("mission-control-sdk/", env!("CARGO_PKG_VERSION")),
            );
        let accept = match self.shape {
            ReturnShape::Single => "application/vnd.pgrst.object+json",
            ReturnShape::Csv => "text/csv",
            _ => "application/json",
        };
        req = req.header("Accept", accept);
        let profile = if self.method.is_safe() {
            "Accept-Profile"
        } else {
            "Content-Profile"
        };
        req = req.header(profile, self.ctx.schema.clone());
        req.timeout_ms = self.timeout_ms;
        req.signal = self.signal.clone();
        if let Some(body) = &self.body {
            req = req.header("Content-Type", "application/json");
            req.body = Some(body.to_string());
        }
        if !self.prefer.is_empty() {
            req = req.header("Prefer", self.prefer.join(","));
        }
        Ok(req)
    }

    /// Sends the request; a server error becomes an [`Error`] with a stable code.
    pub async fn execute(self) -> Result<RestResponse, Error> {
        let req = self.build()?;
        let mut res = self.ctx.transport.send(req).await?;
        if !(200..300).contains(&res.status) {
            let mut e = super::errors::from_response(&res);
            // An access token that expired in flight: refresh once and send once more.
            if e.code == ErrorCode::JwtExpired {
                if let Some(refresh) = &self.ctx.refresh {
                    if refresh().await {
                        res = self.ctx.transport.send(self.build()?).await?;
                        if (200..300).contains(&res.status) {
                            return Ok(self.answer(res));
                        }
                        e = super::errors::from_response(&res);
                    }
                }
            }
            return Err(e);
        }
        Ok(self.answer(res))
    }

    fn answer(&self, res: crate::http::Response) -> RestResponse {
        let count = res
            .header("content-range")
            .and_then(|r| r.rsplit('/').next())
            .and_then(|total| total.parse::<u64>().ok());
        let body = if self.head || res.body.is_empty() {
            None
        } else {
            Some(res.body)
        };
        RestResponse {
            status: res.status,
            status_text: res.status_text,
            count,
            body,
            shape: self.shape,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ctx() -> RestContext {
        RestContext {
            url: "http://h/rest/v1".into(),
            api_key: "anon".into(),
            transport: Transport::default(),
            token: Rc::new(|| Some("tok".into())),
            schema: "public".into(),
            refresh: None,
        }
    }

    fn q(b: &QueryBuilder) -> String {
        b.build()
            .unwrap()
            .url
            .split_once('?')
            .map(|(_, q)| q.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn select_with_filters_encodes_values_verbatim() {
        let b = QueryBuilder::new(ctx(), "tasks")
            .select("id, title")
            .filter("title", "eq", "a+b c,d")
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
    fn embedding_hints_must_name_a_foreign_key() {
        let ok = QueryBuilder::new(ctx(), "departments").select("type, chief:agents!fk_departments_chief(name), staff:agents!agents_department_id_fkey!inner(name)");
        assert!(ok.build().is_ok());
        let e = QueryBuilder::new(ctx(), "departments")
            .select("chief:agents!fk_department_chief(name)")
            .build()
            .unwrap_err();
        assert_eq!(
            (
                e.violations[0].field.as_str(),
                e.violations[0].rule.as_str()
            ),
            ("select", "unknown foreign key in an embedding hint")
        );
        assert_eq!(
            e.violations[0].value,
            serde_json::json!("fk_department_chief")
        );
    }

    #[test]
    fn unknown_column_in_filter_is_reported() {
        let e = QueryBuilder::new(ctx(), "tasks")
            .filter("titel", "eq", "x")
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
