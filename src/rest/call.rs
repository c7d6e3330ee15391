//! The query vocabulary by postgrest-js's method names: one call (`"eq"`, `["status",
//! "PENDING"]`) at a time, arguments as JSON. The JS façade records the calls a builder gets
//! and replays them here, so every method, and every check of its arguments, is defined once.

use serde_json::{Map, Value};

use super::builder::{Count, QueryBuilder};
use super::filter::{Op, TextSearch};

/// The methods that are not filter operators (those are [`Op::method`]).
const MODIFIERS: &[&str] = &[
    "select",
    "insert",
    "upsert",
    "update",
    "delete",
    "notIn",
    "not",
    "filter",
    "match",
    "or",
    "order",
    "limit",
    "range",
    "single",
    "maybeSingle",
    "csv",
    "timeout",
    "throwOnError",
    "returns",
    "overrideTypes",
    "setHeader",
    "abortSignal",
];

/// Every method name of the query builder, operators first, each once.
///
/// ```js
/// // The façade installs exactly these on McQueryBuilder.prototype.
/// ```
pub fn method_names() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for name in Op::ALL
        .iter()
        .map(|o| o.method())
        .chain(MODIFIERS.iter().copied())
    {
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

fn arg(args: &[Value], i: usize) -> &Value {
    args.get(i).unwrap_or(&Value::Null)
}

type Opts<'a> = Option<&'a Map<String, Value>>;

impl QueryBuilder {
    fn text_arg(&mut self, args: &[Value], i: usize, field: &str) -> Option<String> {
        match arg(args, i) {
            Value::String(s) => Some(s.clone()),
            other => {
                self.fail("must be a string", field, other.clone());
                None
            }
        }
    }

    fn opts_arg<'a>(&mut self, args: &'a [Value], i: usize, field: &str) -> Opts<'a> {
        match arg(args, i) {
            Value::Object(m) => Some(m),
            Value::Null => None,
            other => {
                self.fail("options must be an object", field, other.clone());
                None
            }
        }
    }

    fn opt_bool(&mut self, o: Opts, key: &str, default: bool) -> bool {
        match o.and_then(|m| m.get(key)) {
            None | Some(Value::Null) => default,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.fail("must be true or false", key, other.clone());
                default
            }
        }
    }

    fn opt_text(&mut self, o: Opts, key: &str) -> Option<String> {
        match o.and_then(|m| m.get(key)) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => {
                self.fail("must be a string", key, other.clone());
                None
            }
        }
    }

    fn opt_count(&mut self, o: Opts) -> Option<Count> {
        let text = self.opt_text(o, "count")?;
        let c = Count::parse(&text);
        if c.is_none() {
            self.fail(
                "must be exact, planned or estimated",
                "count",
                Value::String(text),
            );
        }
        c
    }

    fn referenced(&mut self, o: Opts) -> Option<String> {
        self.opt_text(o, "referencedTable")
            .or_else(|| self.opt_text(o, "foreignTable"))
    }

    fn whole_arg(&mut self, args: &[Value], i: usize, field: &str) -> Option<u64> {
        let v = arg(args, i);
        match v.as_f64() {
            Some(n) if n >= 0.0 && n.fract() == 0.0 && n < 9.0e15 => Some(n as u64),
            _ => {
                self.fail("must be a whole number ≥ 0", field, v.clone());
                None
            }
        }
    }

    fn with_count(self, c: Option<Count>) -> Self {
        match c {
            Some(c) => self.count(c, false),
            None => self,
        }
    }

    fn rows_arg(&mut self, args: &[Value], method: &str) -> Option<Value> {
        let v = arg(args, 0);
        let ok = match v {
            Value::Object(_) => true,
            Value::Array(rows) => rows.iter().all(Value::is_object),
            _ => false,
        };
        if ok {
            Some(v.clone())
        } else {
            self.fail(
                "must be an object or an array of objects",
                method,
                v.clone(),
            );
            None
        }
    }

    /// Applies one postgrest-js method call by name: the builder the façade's recorded calls
    /// replay into. An unknown method or a wrong argument is a violation (nothing is sent).
    ///
    /// ```js
    /// mc.from("tasks").select("id").eq("status", "PENDING") // select(["id"]), eq(["status","PENDING"])
    /// ```
    pub fn call(mut self, name: &str, args: &[Value]) -> Self {
        if self.problem.is_some() {
            return self;
        }
        if name == "textSearch" {
            let Some(col) = self.text_arg(args, 0, "textSearch") else {
                return self;
            };
            let o = self.opts_arg(args, 2, "textSearch");
            let config = self.opt_text(o, "config");
            let kind = match self.opt_text(o, "type").as_deref() {
                None => None,
                Some("plain") => Some(TextSearch::Plain),
                Some("phrase") => Some(TextSearch::Phrase),
                Some("websearch") => Some(TextSearch::Websearch),
                Some(other) => {
                    self.fail(
                        "must be plain, phrase or websearch",
                        "type",
                        Value::String(other.into()),
                    );
                    None
                }
            };
            return self.text_search(&col, arg(args, 1), config.as_deref(), kind);
        }
        if let Some(op) = Op::from_method(name) {
            let Some(col) = self.text_arg(args, 0, name) else {
                return self;
            };
            return self.op(op, &col, arg(args, 1));
        }
        match name {
            "select" => {
                let cols = match arg(args, 0) {
                    Value::Null => "*".to_string(),
                    _ => match self.text_arg(args, 0, "select") {
                        Some(c) => c,
                        None => return self,
                    },
                };
                let o = self.opts_arg(args, 1, "select");
                let head = self.opt_bool(o, "head", false);
                let count = self.opt_count(o);
                self.select(&cols).head(head).with_count(count)
            }
            "insert" | "upsert" => {
                let Some(rows) = self.rows_arg(args, name) else {
                    return self;
                };
                let o = self.opts_arg(args, 1, name);
                let default_to_null = self.opt_bool(o, "defaultToNull", true);
                let count = self.opt_count(o);
                if name == "insert" {
                    self.insert(rows, default_to_null).with_count(count)
                } else {
                    let on_conflict = self.opt_text(o, "onConflict");
                    let ignore = self.opt_bool(o, "ignoreDuplicates", false);
                    self.upsert(rows, on_conflict.as_deref(), ignore, default_to_null)
                        .with_count(count)
                }
            }
            "update" => {
                let v = arg(args, 0);
                if !v.is_object() {
                    self.fail("must be an object", "update", v.clone());
                    return self;
                }
                let o = self.opts_arg(args, 1, name);
                let count = self.opt_count(o);
                self.update(v.clone()).with_count(count)
            }
            "delete" => {
                let o = self.opts_arg(args, 0, name);
                let count = self.opt_count(o);
                self.delete().with_count(count)
            }
            "notIn" => {
                let Some(col) = self.text_arg(args, 0, name) else {
                    return self;
                };
                self.not_in(&col, arg(args, 1).clone())
            }
            "not" | "filter" => {
                let Some(col) = self.text_arg(args, 0, name) else {
                    return self;
                };
                let Some(op) = self.text_arg(args, 1, "operator") else {
                    return self;
                };
                if name == "not" {
                    self.not(&col, &op, arg(args, 2))
                } else {
                    self.filter(&col, &op, arg(args, 2))
                }
            }
            "match" => {
                let Value::Object(m) = arg(args, 0) else {
                    let v = arg(args, 0).clone();
                    self.fail("must be an object", "match", v);
                    return self;
                };
                m.iter().fold(self, |b, (k, v)| b.op(Op::Eq, k, v))
            }
            "or" => {
                let Some(filters) = self.text_arg(args, 0, name) else {
                    return self;
                };
                let o = self.opts_arg(args, 1, name);
                let t = self.referenced(o);
                self.or(&filters, t.as_deref())
            }
            "order" => {
                let Some(col) = self.text_arg(args, 0, name) else {
                    return self;
                };
                let o = self.opts_arg(args, 1, name);
                let asc = self.opt_bool(o, "ascending", true);
                let nulls = match o.and_then(|m| m.get("nullsFirst")) {
                    None | Some(Value::Null) => None,
                    Some(_) => Some(self.opt_bool(o, "nullsFirst", false)),
                };
                let t = self.referenced(o);
                self.order(&col, asc, nulls, t.as_deref())
            }
            "limit" => {
                let Some(n) = self.whole_arg(args, 0, name) else {
                    return self;
                };
                let o = self.opts_arg(args, 1, name);
                let t = self.referenced(o);
                self.limit(n, t.as_deref())
            }
            "range" => {
                let Some(from) = self.whole_arg(args, 0, "from") else {
                    return self;
                };
                let Some(to) = self.whole_arg(args, 1, "to") else {
                    return self;
                };
                let o = self.opts_arg(args, 2, name);
                let t = self.referenced(o);
                self.range(from, to, t.as_deref())
            }
            "single" => self.single(),
            "maybeSingle" => self.maybe_single(),
            "csv" => self.csv(),
            "throwOnError" => self.throw_on_error(),
            // TypeScript-only, and the signal the façade keeps itself.
            "returns" | "overrideTypes" | "abortSignal" => self,
            "timeout" => match arg(args, 0).as_f64() {
                Some(ms) if (1.0..=2_147_483_647.0).contains(&ms) => self.timeout(ms as u32),
                _ => {
                    let v = arg(args, 0).clone();
                    self.fail("must be a number of milliseconds ≥ 1", "timeout", v);
                    self
                }
            },
            "setHeader" => {
                let Some(k) = self.text_arg(args, 0, name) else {
                    return self;
                };
                let Some(v) = self.text_arg(args, 1, name) else {
                    return self;
                };
                self.set_header(&k, &v)
            }
            other => {
                self.fail("unknown method", other, Value::String(other.to_string()));
                self
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use serde_json::json;

    fn b(table: &str) -> QueryBuilder {
        QueryBuilder::new(super::super::builder::test_context(), table)
    }

    #[test]
    fn every_method_name_is_understood() {
        for name in method_names() {
            let q = b("tasks").call(name, &[json!("title"), json!("x")]);
            let unknown = q
                .problem
                .as_ref()
                .is_some_and(|p| p.violations.iter().any(|v| v.rule == "unknown method"));
            assert!(!unknown, "{name}");
        }
        let q = b("tasks").call("nope", &[]);
        assert_eq!(q.problem.unwrap().violations[0].rule, "unknown method");
    }

    #[test]
    fn replayed_calls_build_the_request() {
        let q = b("tasks")
            .call("select", &[json!("id,title"), json!({"count": "exact"})])
            .call("in", &[json!("status"), json!(["PENDING", "BLOCKED"])])
            .call("regexMatch", &[json!("title"), json!("^A")])
            .call("order", &[json!("created_at"), json!({"ascending": false})])
            .call("limit", &[json!(5)]);
        let r = q.build().unwrap();
        assert!(r.url.ends_with(
            "tasks?select=id%2Ctitle&status=in.%28PENDING%2CBLOCKED%29&title=match.%5EA&order=created_at.desc&limit=5"
        ), "{}", r.url);
    }

    #[test]
    fn wrong_arguments_are_violations() {
        for (name, args) in [
            ("in", vec![json!("status"), Value::Null]),
            ("match", vec![Value::Null]),
            ("eq", vec![Value::Null, json!(1)]),
            ("limit", vec![json!(-1)]),
            ("select", vec![json!("nope")]),
            ("eq", vec![json!("title"), json!("a\u{0}b")]),
            ("insert", vec![json!(5)]),
            ("order", vec![json!("titel")]),
        ] {
            let e = b("tasks").call(name, &args).build().unwrap_err();
            assert_eq!(e.code, ErrorCode::ValidationFailed, "{name}");
            assert_eq!(e.violations[0].table, "tasks");
        }
    }
}
