//! `McError`: every error reaching JS is a real `Error` subclass with stable fields (the class
//! lives in `facade.js`), and the one way JS values enter Rust: as JSON text.

use wasm_bindgen::prelude::*;

use crate::error::{Error, Violation};

#[wasm_bindgen(module = "/src/js/facade.js")]
extern "C" {
    #[wasm_bindgen(js_name = makeMcError)]
    #[allow(clippy::too_many_arguments)]
    fn make_mc_error(
        message: &str,
        code: &str,
        status: u16,
        details: JsValue,
        hint: JsValue,
        violations: JsValue,
        retryable: bool,
        server_code: JsValue,
        reasons: JsValue,
    ) -> JsValue;
}

fn opt(s: &Option<String>) -> JsValue {
    s.as_deref().map_or(JsValue::NULL, JsValue::from_str)
}

/// Turns an [`Error`] into a JS `McError`.
pub fn to_js_error(e: &Error) -> JsValue {
    let violations = crate::runtime::to_js(&serde_json::Value::Array(
        e.violations.iter().map(Violation::to_json).collect(),
    ));
    let reasons = crate::runtime::to_js(&e.reasons.clone().into());
    make_mc_error(
        &e.message,
        e.code.as_str(),
        e.status,
        opt(&e.details),
        opt(&e.hint),
        violations,
        e.retryable,
        opt(&e.server_code),
        reasons,
    )
}

/// The error for input that is not JSON (a cycle, a BigInt, nesting deeper than serde_json's
/// 128 levels, a value that throws when read), naming where it was passed.
pub(crate) fn not_json(target: &str, why: &str) -> Error {
    Error::validation(vec![Violation {
        table: target.to_string(),
        field: String::new(),
        rule: format!("must be a JSON value (no cycles or BigInt, at most 128 levels deep): {why}"),
        value: serde_json::Value::Null,
    }])
}

/// Parses JSON text the façade produced with `JSON.stringify`: the depth limit turns hostile
/// nesting into an error instead of a stack overflow.
pub(crate) fn parse_json(text: &str, target: &str) -> Result<serde_json::Value, Error> {
    crate::json::parse(text).map_err(|e| not_json(target, &e))
}

/// Reads a JS value as JSON: `JSON.stringify` in the engine (which throws, and is caught, on
/// cycles, BigInt and extreme depth), then serde_json with its depth limit. `undefined` is null.
pub(crate) fn from_js(v: &JsValue) -> Result<serde_json::Value, Error> {
    crate::runtime::from_js(v).map_err(|why| not_json("", &why))
}
