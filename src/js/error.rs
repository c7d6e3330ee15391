//! `McError`: every error reaching JS is a real `Error` subclass with stable fields.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::{Error, ErrorCode};

#[wasm_bindgen(inline_js = r#"
export class McError extends Error {
  constructor(message, code, status, details, hint, violations, retryable, serverCode, reasons) {
    super(message);
    this.name = "McError";
    this.code = code;
    this.status = status;
    this.details = details;
    this.hint = hint;
    this.violations = violations;
    this.retryable = retryable;
    this.serverCode = serverCode;
    this.reasons = reasons;
  }
}
export function makeMcError(message, code, status, details, hint, violations, retryable, serverCode, reasons) {
  return new McError(message, code, status, details, hint, violations, retryable, serverCode, reasons);
}
"#)]
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
///
/// ```js
/// error instanceof Error && error.name === "McError"
/// ```
pub fn to_js_error(e: &Error) -> JsValue {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    let violations = e.violations.serialize(&ser).unwrap_or(JsValue::NULL);
    let reasons = e.reasons.serialize(&ser).unwrap_or(JsValue::NULL);
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

/// Reads a JS value as JSON (objects as maps, integers as integers).
pub(crate) fn from_js(v: &JsValue) -> Result<serde_json::Value, JsValue> {
    serde_wasm_bindgen::from_value(v.clone()).map_err(|e| {
        to_js_error(&Error::new(
            ErrorCode::ValidationFailed,
            format!("not a JSON value: {e}"),
        ))
    })
}
