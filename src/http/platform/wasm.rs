//! The browser's transport: `fetch` (through `fetch.js`) with abort and timeout, one call in,
//! one plain answer back. The native module has the same names.

use js_sys::{Function, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::error::{Error, ErrorCode};
use crate::http::{Body, Request, Response};

/// A `fetch` the user passes (supabase-js's `global.fetch`).
pub type CustomFetch = Function;
/// A body as fetch gave it: a JS string, parsed where it is.
pub type RawText = JsValue;
/// The browser pools connections itself.
pub type Pool = ();

/// The text of a JS body (copied into Rust).
pub fn raw_text(v: &RawText) -> String {
    v.as_string().unwrap_or_default()
}

/// Whether a JS body is empty.
pub fn raw_is_empty(v: &RawText) -> bool {
    js_sys::JsString::from(v.clone()).length() == 0
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/http/platform/fetch.js")]
extern "C" {
    #[wasm_bindgen(js_name = mcFetch)]
    fn mc_fetch(
        custom: &JsValue,
        url: &str,
        method: &str,
        headers: &str,
        body: Option<String>,
        signal: &JsValue,
        timeout_ms: u32,
    ) -> Promise;
}

/// Sends one request with `fetch` (the user's, or the global one) and reads the whole answer:
/// the exchange itself runs in `fetch.js`; one call in, one plain answer back.
pub async fn send(
    _pool: &Pool,
    custom: Option<&CustomFetch>,
    req: &Request,
) -> Result<Response, Error> {
    let mut headers = String::new();
    for (k, v) in &req.headers {
        if !headers.is_empty() {
            headers.push('\n');
        }
        headers.push_str(k);
        headers.push('\n');
        headers.push_str(v);
    }
    let signal = req
        .signal
        .as_ref()
        .map_or(JsValue::UNDEFINED, |s| s.clone().into());
    let custom = custom.map_or(JsValue::UNDEFINED, |f| f.clone().into());
    let answer = JsFuture::from(mc_fetch(
        &custom,
        &req.url,
        req.method.as_str(),
        &headers,
        req.body.clone(),
        &signal,
        req.timeout_ms.unwrap_or(0),
    ))
    .await
    .unwrap_or(JsValue::UNDEFINED);
    answer_of(answer)
}

/// Reads `mcFetch`'s answer, `[kind, status, statusText, contentRange, retryAfter, text|message]`
/// (kind: 0 ok, 1 timeout, 2 aborted, 3 undecodable, 4 network).
pub fn answer_of(answer: JsValue) -> Result<Response, Error> {
    let a: js_sys::Array = answer.dyn_into().unwrap_or_default();
    answer_from(
        a.get(0).as_f64().unwrap_or(4.0) as u32,
        a.get(1).as_f64().unwrap_or(0.0),
        a.get(2).as_string(),
        a.get(3).as_string(),
        a.get(4).as_string(),
        a.get(5),
    )
}

/// The answer's parts, read from `mcFetch`'s array.
fn answer_from(
    kind: u32,
    status: f64,
    status_text: Option<String>,
    content_range: Option<String>,
    retry_after: Option<String>,
    body: JsValue,
) -> Result<Response, Error> {
    let message = || body.as_string().unwrap_or_default();
    match kind {
        0 => {
            let mut headers = Vec::new();
            if let Some(v) = content_range {
                headers.push(("content-range".to_string(), v));
            }
            if let Some(v) = retry_after {
                headers.push(("retry-after".to_string(), v));
            }
            Ok(Response {
                status: if (0.0..1000.0).contains(&status) {
                    status as u16
                } else {
                    0
                },
                status_text: status_text.unwrap_or_default(),
                headers,
                body: Body::Js(body),
            })
        }
        1 => Err(Error::new(ErrorCode::Timeout, "the request timed out")),
        2 => Err(Error::new(ErrorCode::Aborted, "the request was aborted")),
        3 => Err(Error::new(
            ErrorCode::Undecodable,
            format!(
                "fetch answered with something that is not a Response: {}",
                message()
            ),
        )),
        _ => Err(Error::new(
            ErrorCode::Network,
            format!("network error: {}", message()),
        )),
    }
}
