//! The query methods' handlers, by postgrest-js's argument conventions: one call (`"eq"`,
//! `["status", "PENDING"]`) at a time, arguments as JSON. The JS façade records the calls a
//! builder gets and `crate::surface` replays them here, so every check of an argument is made
//! in one place.

use serde_json::{Map, Value};

use super::builder::{Count, QueryBuilder};
use super::filter::{Op, TextSearch};

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
}

/// A query method's handler: reads its arguments (as postgrest-js takes them, JSON) and applies
/// it; a wrong argument is recorded as the builder's problem (reported, nothing sent).
pub type Handler = fn(QueryBuilder, &str, &[Value]) -> QueryBuilder;

/// A filter operator (`eq`, `in`, `contains`, …: [`Op::from_method`]): `(column, value)`.
pub fn operator(mut q: QueryBuilder, name: &str, args: &[Value]) -> QueryBuilder {
    let (Some(op), Some(col)) = (Op::from_method(name), q.text_arg(args, 0, name)) else {
        return q;
    };
    q.op(op, &col, arg(args, 1))
}

/// `textSearch(column, query, { config, type })`.
pub fn text_search(mut q: QueryBuilder, _: &str, args: &[Value]) -> QueryBuilder {
    let Some(col) = q.text_arg(args, 0, "textSearch") else {
        return q;
    };
    let o = q.opts_arg(args, 2, "textSearch");
    let config = q.opt_text(o, "config");
    let kind = match q.opt_text(o, "type").as_deref() {
        None => None,
        Some("plain") => Some(TextSearch::Plain),
        Some("phrase") => Some(TextSearch::Phrase),
        Some("websearch") => Some(TextSearch::Websearch),
        Some(other) => {
            q.fail(
                "must be plain, phrase or websearch",
                "type",
                Value::String(other.into()),
            );
            None
        }
    };
    q.text_search(&col, arg(args, 1), config.as_deref(), kind)
}

/// `select(columns = "*", { head, count })`.
pub fn select(mut q: QueryBuilder, _: &str, args: &[Value]) -> QueryBuilder {
    let cols = match arg(args, 0) {
        Value::Null => "*".to_string(),
        _ => match q.text_arg(args, 0, "select") {
            Some(c) => c,
            None => return q,
        },
    };
    let o = q.opts_arg(args, 1, "select");
    let head = q.opt_bool(o, "head", false);
    let count = q.opt_count(o);
    q.select(&cols).head(head).with_count(count)
}

/// `insert(rows, { count, defaultToNull })` and `upsert(rows, { onConflict, ignoreDuplicates,
/// defaultToNull, count })`.
pub fn insert(mut q: QueryBuilder, name: &str, args: &[Value]) -> QueryBuilder {
    let Some(rows) = q.rows_arg(args, name) else {
        return q;
    };
    let o = q.opts_arg(args, 1, name);
    let default_to_null = q.opt_bool(o, "defaultToNull", true);
    let count = q.opt_count(o);
    if name == "insert" {
        q.insert(rows, default_to_null).with_count(count)
    } else {
        let on_conflict = q.opt_text(o, "onConflict");
        let ignore = q.opt_bool(o, "ignoreDuplicates", false);
        q.upsert(rows, on_conflict.as_deref(), ignore, default_to_null)
            .with_count(count)
    }
}

/// `update(values, { count })`.
pub fn update(mut q: QueryBuilder, name: &str, args: &[Value]) -> QueryBuilder {
    let v = arg(args, 0);
    if !v.is_object() {
        q.fail("must be an object", "update", v.clone());
        return q;
    }
    let o = q.opts_arg(args, 1, name);
    let count = q.opt_count(o);
    q.update(v.clone()).with_count(count)
}

/// `delete({ count })`.
pub fn delete(mut q: QueryBuilder, name: &str, args: &[Value]) -> QueryBuilder {
    let o = q.opts_arg(args, 0, name);
    let count = q.opt_count(o);
    q.delete().with_count(count)
}

/// `notIn(column, values)`.
pub fn not_in(mut q: QueryBuilder, name: &str, args: &[Value]) -> QueryBuilder {
    let Some(col) = q.text_arg(args, 0, name) else {
        return q;
    };
    q.not_in(&col, arg(args, 1).clone())
}

/// `not(column, operator, value)` and `filter(column, operator, value)`.
pub fn raw_filter(mut q: QueryBuilder, name: &str, args: &[Value]) -> QueryBuilder {
    let Some(col) = q.text_arg(args, 0, name) else {
        return q;
    };
    let Some(op) = q.text_arg(args, 1, "operator") else {
        return q;
    };
    if name == "not" {
        q.not(&col, &op, arg(args, 2))
    } else {
        q.filter(&col, &op, arg(args, 2))
    }
}

/// `match({ column: value, … })`: one `eq` per entry.
pub fn match_all(mut q: QueryBuilder, _: &str, args: &[Value]) -> QueryBuilder {
    let Value::Object(m) = arg(args, 0) else {
        let v = arg(args, 0).clone();
        q.fail("must be an object", "match", v);
        return q;
    };
    m.iter().fold(q, |b, (k, v)| b.op(Op::Eq, k, v))
}

/// `or(filters, { referencedTable })`.
pub fn or(mut q: QueryBuilder, name: &str, args: &[Value]) -> QueryBuilder {
    let Some(filters) = q.text_arg(args, 0, name) else {
        return q;
    };
    let o = q.opts_arg(args, 1, name);
    let t = q.referenced(o);
    q.or(&filters, t.as_deref())
}

/// `order(column, { ascending, nullsFirst, referencedTable })`.
pub fn order(mut q: QueryBuilder, name: &str, args: &[Value]) -> QueryBuilder {
    let Some(col) = q.text_arg(args, 0, name) else {
        return q;
    };
    let o = q.opts_arg(args, 1, name);
    let asc = q.opt_bool(o, "ascending", true);
    let nulls = match o.and_then(|m| m.get("nullsFirst")) {
        None | Some(Value::Null) => None,
        Some(_) => Some(q.opt_bool(o, "nullsFirst", false)),
    };
    let t = q.referenced(o);
    q.order(&col, asc, nulls, t.as_deref())
}

/// `limit(count, { referencedTable })`.
pub fn limit(mut q: QueryBuilder, name: &str, args: &[Value]) -> QueryBuilder {
    let Some(n) = q.whole_arg(args, 0, name) else {
        return q;
    };
    let o = q.opts_arg(args, 1, name);
    let t = q.referenced(o);
    q.limit(n, t.as_deref())
}

/// `range(from, to, { referencedTable })`.
pub fn range(mut q: QueryBuilder, name: &str, args: &[Value]) -> QueryBuilder {
    let Some(from) = q.whole_arg(args, 0, "from") else {
        return q;
    };
    let Some(to) = q.whole_arg(args, 1, "to") else {
        return q;
    };
    let o = q.opts_arg(args, 2, name);
    let t = q.referenced(o);
    q.range(from, to, t.as_deref())
}

/// `single()`, `maybeSingle()`, `csv()` and `throwOnError()`: no arguments.
pub fn shape(q: QueryBuilder, name: &str, _: &[Value]) -> QueryBuilder {
    match name {
        "single" => q.single(),
        "maybeSingle" => q.maybe_single(),
        "csv" => q.csv(),
        _ => q.throw_on_error(),
    }
}

/// `returns()`, `overrideTypes()` (TypeScript only) and `abortSignal()` (the façade keeps the
/// signal): nothing to apply.
pub fn nothing(q: QueryBuilder, _: &str, _: &[Value]) -> QueryBuilder {
    q
}

/// `timeout(ms)`.
pub fn timeout(mut q: QueryBuilder, _: &str, args: &[Value]) -> QueryBuilder {
    match arg(args, 0).as_f64() {
        Some(ms) if (1.0..=2_147_483_647.0).contains(&ms) => q.timeout(ms as u32),
        _ => {
            let v = arg(args, 0).clone();
            q.fail("must be a number of milliseconds ≥ 1", "timeout", v);
            q
        }
    }
}

/// `setHeader(name, value)`.
pub fn set_header(mut q: QueryBuilder, name: &str, args: &[Value]) -> QueryBuilder {
    let Some(k) = q.text_arg(args, 0, name) else {
        return q;
    };
    let Some(v) = q.text_arg(args, 1, name) else {
        return q;
    };
    q.set_header(&k, &v)
}

/// Records an unknown method as the builder's problem.
pub fn unknown(mut q: QueryBuilder, name: &str, _: &[Value]) -> QueryBuilder {
    q.fail("unknown method", name, Value::String(name.to_string()));
    q
}
