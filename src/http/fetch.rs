//! The browser transport: `fetch` through web-sys.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{Request, Response};
use crate::error::{Error, ErrorCode};

fn network(e: JsValue) -> Error {
    let name = Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let message = Reflect::get(&e, &"message".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| format!("{e:?}"));
    if name == "AbortError" {
        Error::new(ErrorCode::Aborted, "the request was aborted")
    } else if name == "TimeoutError" {
        Error::new(ErrorCode::Timeout, "the request timed out")
    } else {
        Error::new(ErrorCode::Network, format!("network error: {message}"))
    }
}

pub(super) async fn send(custom: Option<&Function>, req: Request) -> Result<Response, Error> {
    let init = web_sys::RequestInit::new();
    init.set_method(req.method.as_str());
    let headers = web_sys::Headers::new().map_err(network)?;
    for (k, v) in &req.headers {
        headers.set(k, v).map_err(network)?;
    }
    init.set_headers(&headers);
    if let Some(body) = &req.body {
        init.set_body(&JsValue::from_str(body));
    }
    let promise: Promise = match custom {
        Some(f) => f
            .call2(&JsValue::UNDEFINED, &JsValue::from_str(&req.url), &init)
            .map_err(network)?
            .unchecked_into(),
        None => {
            let global = js_sys::global();
            let f: Function = Reflect::get(&global, &"fetch".into())
                .map_err(network)?
                .unchecked_into();
            f.call2(&global, &JsValue::from_str(&req.url), &init)
                .map_err(network)?
                .unchecked_into()
        }
    };
    let res: web_sys::Response = JsFuture::from(promise)
        .await
        .map_err(network)?
        .unchecked_into();
    let mut out_headers = Vec::new();
    if let Ok(Some(iter)) = js_sys::try_iter(&res.headers()) {
        for pair in iter.flatten() {
            let pair: js_sys::Array = pair.unchecked_into();
            if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                out_headers.push((k.to_ascii_lowercase(), v));
            }
        }
    }
    let text = JsFuture::from(res.text().map_err(network)?)
        .await
        .map_err(network)?;
    Ok(Response {
        status: res.status(),
        status_text: res.status_text(),
        headers: out_headers,
        body: text.as_string().unwrap_or_default(),
    })
}
