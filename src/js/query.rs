//! Running what a JS builder recorded: the spec (one JSON string: the target and the calls in
//! order) is replayed into the `rest` builder by postgrest-js's method names, sent, and the
//! answer shaped as supabase-js's `{ data, error, count, status, statusText, success }` — with
//! real `Error`s.

use js_sys::{Array, Object, Reflect, JSON};
use serde_json::Value;
use wasm_bindgen::prelude::*;

use super::error::{not_json, parse_json, to_js_error};
use crate::error::{Error, ErrorCode};
use crate::http::{Body, Method};
use crate::rest::{Count, QueryBuilder, ReturnShape};
use crate::Client;

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` on a JS string, without copying it into wasm memory first.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &JsValue) -> Result<JsValue, JsValue>;
}

#[wasm_bindgen(module = "/src/js/facade.js")]
extern "C" {
    /// supabase-js's answer object, made in JS in one call.
    #[wasm_bindgen(js_name = makeResponse)]
    fn make_response(
        data: JsValue,
        error: JsValue,
        count: JsValue,
        status: u16,
        status_text: &str,
    ) -> JsValue;
}

/// What a JS builder recorded (see `facade.js`).
#[derive(Default)]
pub(crate) struct Spec {
    schema: Option<Value>,
    from: Option<Value>,
    rpc: Option<Value>,
    args: Value,
    options: Value,
    calls: Vec<Value>,
    /// Set when `JSON.stringify` refused the input: why.
    invalid: Option<String>,
    throws: bool,
    target: String,
}

fn text_of(v: &Option<Value>) -> Option<&str> {
    v.as_ref().and_then(Value::as_str)
}

/// A builder that reports `rule` for `field` when run.
fn refused(client: &Client, target: &str, field: &str, rule: &str, value: Value) -> QueryBuilder {
    let e = Error::validation(vec![crate::error::Violation {
        table: target.to_string(),
        field: field.to_string(),
        rule: rule.to_string(),
        value,
    }]);
    client.from("").refuse(e)
}

impl Spec {
    /// Reads the spec text (a spec whose input JSON refused is read too: its builder reports it).
    pub(crate) fn parse(text: &JsValue) -> Result<Spec, Error> {
        let v: Value = parse_json(&text.as_string().unwrap_or_default(), "")?;
        let Value::Object(m) = v else {
            return Err(not_json("", "a query spec is an object"));
        };
        // One pass over the fields (no lookups): null reads as absent.
        let mut spec = Spec::default();
        for (k, v) in m {
            if v.is_null() {
                continue;
            }
            match k.as_str() {
                "schema" => spec.schema = Some(v),
                "from" => spec.from = Some(v),
                "rpc" => spec.rpc = Some(v),
                "args" => spec.args = v,
                "options" => spec.options = v,
                "calls" => match v {
                    Value::Array(calls) => spec.calls = calls,
                    _ => return Err(not_json("", "the calls of a query spec are an array")),
                },
                "invalid" => spec.invalid = v.as_str().map(str::to_string),
                "throws" => spec.throws = v == Value::Bool(true),
                "target" => spec.target = v.as_str().unwrap_or_default().to_string(),
                _ => {}
            }
        }
        Ok(spec)
    }

    /// Replays the spec into a `rest` builder.
    pub(crate) fn builder(&self, client: &Client) -> QueryBuilder {
        if let Some(why) = &self.invalid {
            let b = client.from("").refuse(not_json(&self.target, why));
            return if self.throws { b.throw_on_error() } else { b };
        }
        let client = match &self.schema {
            None | Some(Value::Null) => client.clone(),
            Some(Value::String(s)) => client.schema(s),
            Some(other) => {
                return refused(client, "", "schema", "must be a string", other.clone());
            }
        };
        let mut b = if let Some(name) = &self.rpc {
            let Some(name) = name.as_str() else {
                return refused(&client, "rpc", "function", "must be a string", name.clone());
            };
            self.rpc_builder(&client, name)
        } else {
            match text_of(&self.from) {
                Some(t) => client.from(t),
                None => {
                    let v = self.from.clone().unwrap_or(Value::Null);
                    return refused(&client, "", "table", "must be a string", v);
                }
            }
        };
        for call in &self.calls {
            let parts = call.as_array().map(Vec::as_slice).unwrap_or_default();
            match parts.split_first() {
                Some((Value::String(name), args)) => b = crate::surface::apply(b, name, args),
                _ => b = crate::surface::apply(b, "", &[]),
            }
        }
        b
    }

    fn rpc_builder(&self, client: &Client, name: &str) -> QueryBuilder {
        let o = self.options.as_object();
        let flag = |k: &str| {
            o.and_then(|m| m.get(k))
                .and_then(Value::as_bool)
                .unwrap_or(false)
        };
        let count = o
            .and_then(|m| m.get("count"))
            .and_then(Value::as_str)
            .and_then(Count::parse);
        let method = if flag("head") {
            Method::Head
        } else if flag("get") {
            Method::Get
        } else {
            Method::Post
        };
        let args = match &self.args {
            Value::Null => Value::Object(Default::default()),
            Value::Object(_) => self.args.clone(),
            other => {
                return refused(client, name, "args", "must be an object", other.clone());
            }
        };
        client.rpc(name, args, method, count)
    }
}

/// A JSON value as a plain JS value (through `JSON.parse`, the engine's own path).
pub(crate) fn to_js_json(v: &Value) -> JsValue {
    JSON::parse(&crate::json::write(v)).unwrap_or(JsValue::NULL)
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
    let count = count.map_or(JsValue::NULL, |c| JsValue::from_f64(c as f64));
    make_response(data, error, count, status, status_text)
}

fn undecodable() -> Error {
    Error::new(
        ErrorCode::Undecodable,
        "the server answered with invalid JSON",
    )
}

/// A finished exchange as supabase-js's answer: the body goes from `fetch` to `JSON.parse` as a
/// JS string, and `rest` decides what `data` is (`maybeSingle`).
pub(crate) fn shaped(res: crate::rest::RestResponse) -> Result<JsValue, Error> {
    let parsed = match &res.body {
        None => JsValue::NULL,
        Some(Body::Js(text)) if res.shape == ReturnShape::Csv => text.clone(),
        Some(Body::Text(text)) if res.shape == ReturnShape::Csv => JsValue::from_str(text),
        Some(Body::Js(text)) => json_parse(text).map_err(|_| undecodable())?,
        Some(Body::Text(text)) => JSON::parse(text).map_err(|_| undecodable())?,
    };
    let data = if res.shape == ReturnShape::MaybeSingle && Array::is_array(&parsed) {
        let rows = Array::from(&parsed);
        match res.shape.pick(rows.length() as usize)? {
            Some(i) => rows.get(i as u32),
            None => JsValue::NULL,
        }
    } else {
        parsed
    };
    Ok(response(
        data,
        JsValue::NULL,
        res.count,
        res.status,
        &res.status_text,
    ))
}

/// The answer for an error: a rejection with `throwOnError`, `{ data: null, error }` otherwise.
pub(crate) fn settle(result: Result<JsValue, Error>, throws: bool) -> Result<JsValue, JsValue> {
    match result {
        Ok(v) => Ok(v),
        Err(e) if throws => Err(to_js_error(&e)),
        Err(e) => Ok(response(JsValue::NULL, to_js_error(&e), None, e.status, "")),
    }
}

/// `{ method, url, headers, body }` of the request a builder would send, or `{ error }`.
pub(crate) fn describe(b: Result<QueryBuilder, Error>) -> JsValue {
    let o = Object::new();
    match b.and_then(|b| b.build()) {
        Ok(req) => {
            set(&o, "method", &req.method.as_str().into());
            set(&o, "url", &req.url.into());
            let h = Object::new();
            for (k, v) in &req.headers {
                set(&h, k, &v.into());
            }
            set(&o, "headers", &h);
            set(&o, "body", &req.body.map_or(JsValue::NULL, JsValue::from));
        }
        Err(e) => set(&o, "error", &to_js_error(&e)),
    }
    o.into()
}
