//! The JS query builder: chainable, thenable, answering `{ data, error, count, status,
//! statusText, success }` like postgrest-js — but with real `Error`s.

use js_sys::{Array, Function, Object, Promise, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use super::error::{from_js, to_js_error};
use crate::error::{Error, ErrorCode};
use crate::http::Body;
use crate::rest::{quote_in_list, Count, QueryBuilder, ReturnShape};

/// A query being built. Every method returns the builder; `await` runs it.
///
/// ```js
/// const { data, error, count } = await mc.from("tasks").select("*", { count: "exact" }).eq("status", "PENDING");
/// ```
#[wasm_bindgen(js_name = McQuery, skip_typescript)]
pub struct JsQuery {
    inner: QueryBuilder,
    throw_on_error: bool,
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` on a JS string, without copying it into wasm memory first.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &JsValue) -> Result<JsValue, JsValue>;
}

/// A filter value as PostgREST writes it: strings verbatim, numbers and booleans in their
/// JS spelling, null as `null`.
fn scalar(v: &JsValue) -> String {
    if let Some(s) = v.as_string() {
        s
    } else if v.is_null() || v.is_undefined() {
        "null".into()
    } else {
        JSON::stringify(v)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }
}

fn strings(v: &JsValue) -> Vec<String> {
    Array::from(v).iter().map(|x| scalar(&x)).collect()
}

fn get(o: &JsValue, key: &str) -> JsValue {
    if o.is_object() {
        Reflect::get(o, &key.into()).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

fn referenced(o: &JsValue) -> Option<String> {
    let v = get(o, "referencedTable");
    let v = if v.is_undefined() {
        get(o, "foreignTable")
    } else {
        v
    };
    v.as_string()
}

fn set(o: &Object, key: &str, v: &JsValue) {
    let _ = Reflect::set(o, &key.into(), v);
}

/// Builds the response object of supabase-js.
fn response(
    data: JsValue,
    error: JsValue,
    count: Option<u64>,
    status: u16,
    status_text: &str,
) -> JsValue {
    let o = Object::new();
    let success = error.is_null();
    set(&o, "data", &data);
    set(&o, "error", &error);
    set(
        &o,
        "count",
        &count.map_or(JsValue::NULL, |c| JsValue::from_f64(c as f64)),
    );
    set(&o, "status", &JsValue::from(status));
    set(&o, "statusText", &JsValue::from_str(status_text));
    set(&o, "success", &JsValue::from_bool(success));
    o.into()
}

fn error_response(e: &Error) -> JsValue {
    response(JsValue::NULL, to_js_error(e), None, e.status, "")
}

async fn run(q: QueryBuilder) -> Result<JsValue, Error> {
    let res = q.execute().await?;
    let parsed = match &res.body {
        None => JsValue::NULL,
        Some(Body::Js(text)) if res.shape == ReturnShape::Csv => text.clone(),
        Some(Body::Text(text)) if res.shape == ReturnShape::Csv => JsValue::from_str(text),
        // The JSON.parse path: the JS string from fetch is parsed where it is, in JS.
        Some(Body::Js(text)) => json_parse(text).map_err(|_| {
            Error::new(
                ErrorCode::Undecodable,
                "the server answered with invalid JSON",
            )
        })?,
        Some(Body::Text(text)) => JSON::parse(text).map_err(|_| {
            Error::new(
                ErrorCode::Undecodable,
                "the server answered with invalid JSON",
            )
        })?,
    };
    let data = match res.shape {
        ReturnShape::MaybeSingle if Array::is_array(&parsed) => {
            let rows = Array::from(&parsed);
            match rows.length() {
                0 => JsValue::NULL,
                1 => rows.get(0),
                n => {
                    let mut e = Error::new(
                        ErrorCode::SingleRowMismatch,
                        "JSON object requested, multiple (or no) rows returned",
                    );
                    e.details = Some(format!("The result contains {n} rows"));
                    e.server_code = Some("PGRST116".into());
                    e.status = 406;
                    return Err(e);
                }
            }
        }
        _ => parsed,
    };
    Ok(response(
        data,
        JsValue::NULL,
        res.count,
        res.status,
        &res.status_text,
    ))
}

macro_rules! filters {
    ($($(#[$doc:meta])* $js:literal => $name:ident, $op:literal;)*) => {
        #[wasm_bindgen(js_class = McQuery)]
        impl JsQuery {
            $(
                $(#[$doc])*
                #[wasm_bindgen(js_name = $js)]
                pub fn $name(self, column: &str, value: JsValue) -> JsQuery {
                    let v = scalar(&value);
                    self.map(|q| q.filter(column, $op, &v))
                }
            )*
        }
    };
}

filters! {
    /// `column = value`. ```js mc.from("tasks").eq("status", "PENDING") ```
    "eq" => eq, "eq";
    /// `column <> value`. ```js mc.from("tasks").neq("status", "COMPLETE") ```
    "neq" => neq, "neq";
    /// `column > value`. ```js mc.from("agents").gt("tier", 2) ```
    "gt" => gt, "gt";
    /// `column >= value`. ```js mc.from("agents").gte("tier", 2) ```
    "gte" => gte, "gte";
    /// `column < value`. ```js mc.from("agents").lt("tier", 3) ```
    "lt" => lt, "lt";
    /// `column <= value`. ```js mc.from("agents").lte("tier", 3) ```
    "lte" => lte, "lte";
    /// `column LIKE pattern`. ```js mc.from("tasks").like("title", "%arm%") ```
    "like" => like, "like";
    /// `column ILIKE pattern`. ```js mc.from("tasks").ilike("title", "%ARM%") ```
    "ilike" => ilike, "ilike";
    /// `column IS value` (null, true, false). ```js mc.from("tasks").is("started_at", null) ```
    "is" => is, "is";
}

#[wasm_bindgen(js_class = McQuery)]
impl JsQuery {
    pub(crate) fn new(inner: QueryBuilder) -> JsQuery {
        JsQuery {
            inner,
            throw_on_error: false,
        }
    }

    fn map(self, f: impl FnOnce(QueryBuilder) -> QueryBuilder) -> JsQuery {
        JsQuery {
            inner: f(self.inner),
            throw_on_error: self.throw_on_error,
        }
    }

    fn with_count(self, options: &JsValue) -> JsQuery {
        match get(options, "count")
            .as_string()
            .and_then(|c| Count::parse(&c))
        {
            Some(c) => self.map(|q| q.count(c, false)),
            None => self,
        }
    }

    /// Columns to return, with `{ count, head }` options; after a mutation, returns the rows.
    ///
    /// ```js
    /// mc.from("agents").select("id,name", { count: "exact", head: true })
    /// ```
    pub fn select(self, columns: Option<String>, options: JsValue) -> JsQuery {
        let head = get(&options, "head").as_bool().unwrap_or(false);
        self.map(|q| q.select(columns.as_deref().unwrap_or("*")).head(head))
            .with_count(&options)
    }

    /// Inserts one row or an array of rows, validated first. Options: `{ count, defaultToNull }`.
    ///
    /// ```js
    /// mc.from("companies").insert({ name: "Acme", owner_user_id: user.id }).select().single()
    /// ```
    pub fn insert(self, values: JsValue, options: JsValue) -> Result<JsQuery, JsValue> {
        let v = from_js(&values)?;
        let default_to_null = get(&options, "defaultToNull").as_bool().unwrap_or(true);
        Ok(self
            .map(|q| q.insert(v, default_to_null))
            .with_count(&options))
    }

    /// Inserts or, on conflict, updates (or skips with `ignoreDuplicates`).
    /// Options: `{ onConflict, ignoreDuplicates, defaultToNull, count }`.
    ///
    /// ```js
    /// mc.from("sectors").upsert({ company_id, type: "FINANCE", health: "RED" }, { onConflict: "company_id,type" })
    /// ```
    pub fn upsert(self, values: JsValue, options: JsValue) -> Result<JsQuery, JsValue> {
        let v = from_js(&values)?;
        let on_conflict = get(&options, "onConflict").as_string();
        let ignore = get(&options, "ignoreDuplicates").as_bool().unwrap_or(false);
        let default_to_null = get(&options, "defaultToNull").as_bool().unwrap_or(true);
        Ok(self
            .map(|q| q.upsert(v, on_conflict.as_deref(), ignore, default_to_null))
            .with_count(&options))
    }

    /// Updates the matched rows, validated first. Options: `{ count }`.
    ///
    /// ```js
    /// mc.from("tasks").update({ status: "IN_PROGRESS" }).eq("id", taskId)
    /// ```
    pub fn update(self, values: JsValue, options: JsValue) -> Result<JsQuery, JsValue> {
        let v = from_js(&values)?;
        Ok(self.map(|q| q.update(v)).with_count(&options))
    }

    /// Deletes the matched rows. Options: `{ count }`.
    ///
    /// ```js
    /// mc.from("tasks").delete().eq("id", taskId)
    /// ```
    pub fn delete(self, options: JsValue) -> JsQuery {
        self.map(|q| q.delete()).with_count(&options)
    }

    /// `column IN (values)`, each value quoted as PostgREST requires.
    ///
    /// ```js
    /// mc.from("tasks").in("status", ["PENDING", "BLOCKED"])
    /// ```
    #[wasm_bindgen(js_name = "in")]
    pub fn in_(self, column: &str, values: JsValue) -> JsQuery {
        let v = strings(&values);
        self.map(|q| q.in_list(column, &v))
    }

    /// `column NOT IN (values)`. ```js mc.from("tasks").notIn("status", ["COMPLETE", "CANCELLED"]) ```
    #[wasm_bindgen(js_name = notIn)]
    pub fn not_in(self, column: &str, values: JsValue) -> JsQuery {
        let v = strings(&values);
        self.map(|q| q.filter(column, "not.in", &quote_in_list(&v)))
    }

    /// Matches every pattern. ```js mc.from("tasks").likeAllOf("title", ["%arm%", "%v2%"]) ```
    #[wasm_bindgen(js_name = likeAllOf)]
    pub fn like_all_of(self, column: &str, patterns: JsValue) -> JsQuery {
        self.patterns(column, "like(all)", &patterns)
    }

    /// Matches any pattern. ```js mc.from("tasks").likeAnyOf("title", ["%arm%", "%leg%"]) ```
    #[wasm_bindgen(js_name = likeAnyOf)]
    pub fn like_any_of(self, column: &str, patterns: JsValue) -> JsQuery {
        self.patterns(column, "like(any)", &patterns)
    }

    /// Matches every pattern, ignoring case. ```js mc.from("tasks").ilikeAllOf("title", ["%ARM%"]) ```
    #[wasm_bindgen(js_name = ilikeAllOf)]
    pub fn ilike_all_of(self, column: &str, patterns: JsValue) -> JsQuery {
        self.patterns(column, "ilike(all)", &patterns)
    }

    /// Matches any pattern, ignoring case. ```js mc.from("tasks").ilikeAnyOf("title", ["%ARM%"]) ```
    #[wasm_bindgen(js_name = ilikeAnyOf)]
    pub fn ilike_any_of(self, column: &str, patterns: JsValue) -> JsQuery {
        self.patterns(column, "ilike(any)", &patterns)
    }

    fn patterns(self, column: &str, op: &str, patterns: &JsValue) -> JsQuery {
        let v = strings(patterns);
        self.map(|q| q.array_op(column, op, &v))
    }

    /// `IS DISTINCT FROM`. ```js mc.from("tasks").isDistinct("parent_task_id", null) ```
    #[wasm_bindgen(js_name = isDistinct)]
    pub fn is_distinct(self, column: &str, value: JsValue) -> JsQuery {
        let v = scalar(&value);
        self.map(|q| q.filter(column, "isdistinct", &v))
    }

    /// Array (or jsonb) column contains the value. ```js mc.from("memory_entries").contains("tags", ["a"]) ```
    pub fn contains(self, column: &str, value: JsValue) -> JsQuery {
        self.containment(column, "cs", &value)
    }

    /// Array (or jsonb) column is contained in the value. ```js mc.from("memory_entries").containedBy("tags", ["a", "b"]) ```
    #[wasm_bindgen(js_name = containedBy)]
    pub fn contained_by(self, column: &str, value: JsValue) -> JsQuery {
        self.containment(column, "cd", &value)
    }

    /// Array column shares a value. ```js mc.from("memory_entries").overlaps("tags", ["a", "b"]) ```
    pub fn overlaps(self, column: &str, value: JsValue) -> JsQuery {
        self.containment(column, "ov", &value)
    }

    /// Strings go verbatim, arrays as Postgres array literals, objects as JSON.
    fn containment(self, column: &str, op: &str, value: &JsValue) -> JsQuery {
        if Array::is_array(value) {
            let v = strings(value);
            self.map(|q| q.array_op(column, op, &v))
        } else {
            let v = scalar(value);
            self.map(|q| q.filter(column, op, &v))
        }
    }

    /// Range strictly left of. ```js mc.from("x").rangeLt("during", "[2026-01-01,2026-02-01)") ```
    #[wasm_bindgen(js_name = rangeLt)]
    pub fn range_lt(self, column: &str, range: &str) -> JsQuery {
        self.map(|q| q.filter(column, "sl", range))
    }

    /// Range strictly right of. ```js mc.from("x").rangeGt("during", "[2026-01-01,2026-02-01)") ```
    #[wasm_bindgen(js_name = rangeGt)]
    pub fn range_gt(self, column: &str, range: &str) -> JsQuery {
        self.map(|q| q.filter(column, "sr", range))
    }

    /// Range not extending left of. ```js mc.from("x").rangeGte("during", "[2026-01-01,2026-02-01)") ```
    #[wasm_bindgen(js_name = rangeGte)]
    pub fn range_gte(self, column: &str, range: &str) -> JsQuery {
        self.map(|q| q.filter(column, "nxl", range))
    }

    /// Range not extending right of. ```js mc.from("x").rangeLte("during", "[2026-01-01,2026-02-01)") ```
    #[wasm_bindgen(js_name = rangeLte)]
    pub fn range_lte(self, column: &str, range: &str) -> JsQuery {
        self.map(|q| q.filter(column, "nxr", range))
    }

    /// Range adjacent to. ```js mc.from("x").rangeAdjacent("during", "[2026-01-01,2026-02-01)") ```
    #[wasm_bindgen(js_name = rangeAdjacent)]
    pub fn range_adjacent(self, column: &str, range: &str) -> JsQuery {
        self.map(|q| q.filter(column, "adj", range))
    }

    /// Full-text search: `{ config, type: "plain" | "phrase" | "websearch" }`.
    ///
    /// ```js
    /// mc.from("tasks").textSearch("title", "'arm' & 'firmware'", { config: "english" })
    /// ```
    #[wasm_bindgen(js_name = textSearch)]
    pub fn text_search(self, column: &str, query: &str, options: JsValue) -> JsQuery {
        let kind = match get(&options, "type").as_string().as_deref() {
            Some("plain") => "pl",
            Some("phrase") => "ph",
            Some("websearch") => "w",
            _ => "",
        };
        let op = match get(&options, "config").as_string() {
            Some(c) => format!("{kind}fts({c})"),
            None => format!("{kind}fts"),
        };
        self.map(|q| q.filter(column, &op, query))
    }

    /// `eq` on every key of an object. ```js mc.from("tasks").match({ status: "PENDING", priority: "HIGH" }) ```
    #[wasm_bindgen(js_name = "match")]
    pub fn match_(self, query: JsValue) -> JsQuery {
        let mut q = self;
        if let Ok(entries) = js_sys::Object::entries(query.unchecked_ref()).dyn_into::<Array>() {
            for e in entries.iter() {
                let pair = Array::from(&e);
                if let Some(k) = pair.get(0).as_string() {
                    let v = scalar(&pair.get(1));
                    q = q.map(|b| b.filter(&k, "eq", &v));
                }
            }
        }
        q
    }

    /// `not.op.value`. ```js mc.from("tasks").not("status", "eq", "COMPLETE") ```
    pub fn not(self, column: &str, op: &str, value: JsValue) -> JsQuery {
        let v = if Array::is_array(&value) {
            quote_in_list(&strings(&value))
        } else {
            scalar(&value)
        };
        self.map(|q| q.not(column, op, &v))
    }

    /// A logic tree in PostgREST syntax, optionally on a referenced table.
    ///
    /// ```js
    /// mc.from("tasks").or("status.eq.PENDING,status.eq.BLOCKED")
    /// ```
    pub fn or(self, filters: &str, options: JsValue) -> JsQuery {
        let t = referenced(&options);
        self.map(|q| q.or(filters, t.as_deref()))
    }

    /// A raw filter. ```js mc.from("tasks").filter("title", "ilike", "*arm*") ```
    pub fn filter(self, column: &str, op: &str, value: JsValue) -> JsQuery {
        let v = scalar(&value);
        self.map(|q| q.filter(column, op, &v))
    }

    /// Orders by a column. ```js mc.from("tasks").order("created_at", { ascending: false }) ```
    pub fn order(self, column: &str, options: JsValue) -> JsQuery {
        let asc = get(&options, "ascending").as_bool().unwrap_or(true);
        let nulls = get(&options, "nullsFirst").as_bool();
        let t = referenced(&options);
        self.map(|q| q.order(column, asc, nulls, t.as_deref()))
    }

    /// At most `count` rows. ```js mc.from("tasks").limit(10) ```
    pub fn limit(self, count: f64, options: JsValue) -> JsQuery {
        let t = referenced(&options);
        self.map(|q| q.limit(count.max(0.0) as u64, t.as_deref()))
    }

    /// Rows `from` to `to`, inclusive, zero-based. ```js mc.from("tasks").range(0, 9) ```
    pub fn range(self, from: f64, to: f64, options: JsValue) -> JsQuery {
        let t = referenced(&options);
        self.map(|q| q.range(from.max(0.0) as u64, to.max(0.0) as u64, t.as_deref()))
    }

    /// Exactly one row as `data`. ```js await mc.from("companies").select().eq("id", id).single() ```
    pub fn single(self) -> JsQuery {
        self.map(|q| q.single())
    }

    /// One row or null as `data`. ```js await mc.from("companies").select().eq("id", id).maybeSingle() ```
    #[wasm_bindgen(js_name = maybeSingle)]
    pub fn maybe_single(self) -> JsQuery {
        self.map(|q| q.maybe_single())
    }

    /// `data` as CSV text. ```js const { data } = await mc.from("agents").select("name,tier").csv() ```
    pub fn csv(self) -> JsQuery {
        self.map(|q| q.csv())
    }

    /// Aborts with the signal (`error.code === "aborted"`). ```js mc.from("tasks").select().abortSignal(ctrl.signal) ```
    #[wasm_bindgen(js_name = abortSignal)]
    pub fn abort_signal(self, signal: web_sys::AbortSignal) -> JsQuery {
        self.map(|q| q.abort_signal(signal))
    }

    /// Gives up after `ms` (`error.code === "timeout"`). ```js mc.from("tasks").select().timeout(5000) ```
    pub fn timeout(self, ms: u32) -> JsQuery {
        self.map(|q| q.timeout(ms))
    }

    /// TypeScript only: declares the shape of `data`. ```js mc.from("agents").select("name").returns() ```
    pub fn returns(self) -> JsQuery {
        self
    }

    /// Rejects instead of resolving with `{ error }`. ```js await mc.from("x").select().throwOnError() ```
    #[wasm_bindgen(js_name = throwOnError)]
    pub fn throw_on_error(mut self) -> JsQuery {
        self.throw_on_error = true;
        self
    }

    /// Runs the query: `await builder` calls this.
    ///
    /// ```js
    /// const { data, error } = await mc.from("tasks").select();
    /// ```
    pub fn then(self, resolve: Function, reject: Option<Function>) -> Promise {
        let throw = self.throw_on_error;
        let q = self.inner;
        let p = future_to_promise(async move {
            match run(q).await {
                Ok(v) => Ok(v),
                Err(e) if throw => Err(to_js_error(&e)),
                Err(e) => Ok(error_response(&e)),
            }
        });
        let then: Function = Reflect::get(&p, &"then".into())
            .map(JsCast::unchecked_into)
            .unwrap_or_else(|_| Function::new_no_args(""));
        let reject = reject.map(JsValue::from).unwrap_or(JsValue::UNDEFINED);
        then.call2(&p, &resolve, &reject)
            .map(JsCast::unchecked_into)
            .unwrap_or(p)
    }
}
