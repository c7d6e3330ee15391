//! The browser transport: `fetch` through web-sys, with abort and timeout.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{AbortSignal, Request, Response};
use crate::error::{Error, ErrorCode};

fn classify(e: JsValue, timed_out: bool) -> Error {
    let name = Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let message = Reflect::get(&e, &"message".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| format!("{e:?}"));
    if timed_out || name == "TimeoutError" {
        Error::new(ErrorCode::Timeout, "the request timed out")
    } else if name == "AbortError" {
        Error::new(ErrorCode::Aborted, "the request was aborted")
    } else {
        Error::new(ErrorCode::Network, format!("network error: {message}"))
    }
}

fn set_timeout(f: &Function, ms: u32) -> JsValue {
    let global = js_sys::global();
    let st: Function = Reflect::get(&global, &"setTimeout".into())
        .map(JsCast::unchecked_into)
        .unwrap_or_else(|_| Function::new_no_args(""));
    st.call2(&global, f, &JsValue::from(ms))
        .unwrap_or(JsValue::UNDEFINED)
}

fn clear_timeout(id: &JsValue) {
    let global = js_sys::global();
    if let Ok(ct) = Reflect::get(&global, &"clearTimeout".into()) {
        let _ = ct.unchecked_into::<Function>().call1(&global, id);
    }
}

pub(super) async fn send(custom: Option<&Function>, req: &Request) -> Result<Response, Error> {
    let net = |e| classify(e, false);
    if req.signal.as_ref().is_some_and(AbortSignal::aborted) {
        return Err(Error::new(ErrorCode::Aborted, "the request was aborted"));
    }
    let init = web_sys::RequestInit::new();
    init.set_method(req.method.as_str());
    let headers = web_sys::Headers::new().map_err(net)?;
    for (k, v) in &req.headers {
        headers.set(k, v).map_err(net)?;
    }
    init.set_headers(&headers);
    if let Some(body) = &req.body {
        init.set_body(&JsValue::from_str(body));
    }
    // One controller carries both the caller's abort and our timeout to fetch.
    let controller = web_sys::AbortController::new().map_err(net)?;
    init.set_signal(Some(&controller.signal()));
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let on_timeout = {
        let c = controller.clone();
        let t = timed_out.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            t.set(true);
            c.abort();
        })
    };
    let timer = req
        .timeout_ms
        .map(|ms| set_timeout(on_timeout.as_ref().unchecked_ref(), ms));
    let on_abort = {
        let c = controller.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || c.abort())
    };
    if let Some(s) = &req.signal {
        let _ = s.add_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
    }
    let result = async {
        let promise: Promise = match custom {
            Some(f) => f
                .call2(&JsValue::UNDEFINED, &JsValue::from_str(&req.url), &init)
                .map_err(net)?
                .unchecked_into(),
            None => {
                let global = js_sys::global();
                let f: Function = Reflect::get(&global, &"fetch".into())
                    .map_err(net)?
                    .unchecked_into();
                f.call2(&global, &JsValue::from_str(&req.url), &init)
                    .map_err(net)?
                    .unchecked_into()
            }
        };
        let res: web_sys::Response = JsFuture::from(promise)
            .await
            .map_err(|e| classify(e, timed_out.get()))?
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
        let text = JsFuture::from(res.text().map_err(net)?)
            .await
            .map_err(|e| classify(e, timed_out.get()))?;
        Ok(Response {
            status: res.status(),
            status_text: res.status_text(),
            headers: out_headers,
            body: super::Body::Js(text),
        })
    }
    .await;
    if let Some(id) = timer {
        clear_timeout(&id);
    }
    if let Some(s) = &req.signal {
        let _ = s.remove_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
    }
    result
}

pub(super) async fn sleep(ms: u32, signal: Option<&AbortSignal>) -> Result<(), Error> {
    let promise = Promise::new(&mut |resolve, reject| {
        set_timeout(&resolve, ms);
        if let Some(s) = signal {
            let _ = s.add_event_listener_with_callback("abort", &reject);
        }
    });
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| Error::new(ErrorCode::Aborted, "the request was aborted"))
}
