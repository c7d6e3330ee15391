//! The browser: `fetch` through web-sys with abort and timeout, timers, `spawn_local`, and
//! localStorage or a user adapter for the session. The native module has the same names.

use std::future::Future;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::error::{Error, ErrorCode};
use crate::http::{Body, Request, Response};

/// The caller's abort signal.
pub type AbortSignal = web_sys::AbortSignal;
/// A `fetch` the user passes (supabase-js's `global.fetch`).
pub type CustomFetch = Function;
/// A body as fetch gave it: a JS string, parsed where it is.
pub type RawText = JsValue;
/// `window.localStorage`.
pub type LocalStore = web_sys::Storage;
/// A user storage object with `getItem`, `setItem`, `removeItem` (each may return a Promise).
pub type Adapter = JsValue;

/// The text of a JS body (copied into Rust).
pub fn raw_text(v: &RawText) -> String {
    v.as_string().unwrap_or_default()
}

/// Whether a JS body is empty.
pub fn raw_is_empty(v: &RawText) -> bool {
    js_sys::JsString::from(v.clone()).length() == 0
}

/// Runs a future on the page's microtask queue.
pub fn spawn(f: impl Future<Output = ()> + 'static) {
    wasm_bindgen_futures::spawn_local(f);
}

/// Removes the abort listener and clears the timer when the request ends — also when its
/// future is dropped half-way.
struct Guard<'a> {
    signal: Option<&'a AbortSignal>,
    on_abort: Option<Closure<dyn FnMut()>>,
    listener: Option<Function>,
    timer: Option<JsValue>,
}

impl Drop for Guard<'_> {
    fn drop(&mut self) {
        if let Some(id) = self.timer.take() {
            clear_timeout(&id);
        }
        if let Some(s) = self.signal {
            if let Some(c) = &self.on_abort {
                let _ = s.remove_event_listener_with_callback("abort", c.as_ref().unchecked_ref());
            }
            if let Some(f) = &self.listener {
                let _ = s.remove_event_listener_with_callback("abort", f);
            }
        }
    }
}

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

/// Sends one request with `fetch` (the user's, or the global one) and reads the whole answer.
pub async fn send(custom: Option<&CustomFetch>, req: &Request) -> Result<Response, Error> {
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
        Closure::<dyn FnMut()>::new(move || {
            t.set(true);
            c.abort();
        })
    };
    let on_abort = {
        let c = controller.clone();
        Closure::<dyn FnMut()>::new(move || c.abort())
    };
    if let Some(s) = &req.signal {
        let _ = s.add_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
    }
    let _guard = Guard {
        signal: req.signal.as_ref(),
        timer: req
            .timeout_ms
            .map(|ms| set_timeout(on_timeout.as_ref().unchecked_ref(), ms)),
        on_abort: Some(on_abort),
        listener: None,
    };
    let result = async {
        let target = match custom {
            Some(f) => (f.clone(), JsValue::UNDEFINED),
            None => {
                let global = js_sys::global();
                let f = Reflect::get(&global, &"fetch".into()).map_err(net)?;
                let f = f.dyn_into::<Function>().map_err(|_| {
                    Error::new(
                        ErrorCode::Network,
                        "network error: no fetch on this platform",
                    )
                })?;
                (f, JsValue::from(global))
            }
        };
        let returned = target
            .0
            .call2(&target.1, &JsValue::from_str(&req.url), &init)
            .map_err(net)?;
        // A custom fetch may return anything: a Promise, a Response, or nothing at all.
        let res = JsFuture::from(Promise::resolve(&returned))
            .await
            .map_err(|e| classify(e, timed_out.get()))?;
        read_response(&res, &timed_out).await
    }
    .await;
    result
}

fn bad_answer(what: &str) -> Error {
    Error::new(
        ErrorCode::Undecodable,
        format!("fetch answered with something that is not a Response: {what}"),
    )
}

/// Reads a `Response` (or anything shaped like one: status, statusText, headers, text()).
async fn read_response(
    res: &JsValue,
    timed_out: &std::cell::Cell<bool>,
) -> Result<Response, Error> {
    if !res.is_object() {
        return Err(bad_answer("no object"));
    }
    let get = |k: &str| Reflect::get(res, &k.into()).unwrap_or(JsValue::UNDEFINED);
    let status = get("status")
        .as_f64()
        .filter(|s| (0.0..1000.0).contains(s))
        .ok_or_else(|| bad_answer("no status"))? as u16;
    let status_text = get("statusText").as_string().unwrap_or_default();
    let mut out_headers = Vec::new();
    if let Ok(Some(iter)) = js_sys::try_iter(&get("headers")) {
        for pair in iter.flatten() {
            let pair: js_sys::Array = pair.unchecked_into();
            if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                out_headers.push((k.to_ascii_lowercase(), v));
            }
        }
    }
    let text_fn = get("text")
        .dyn_into::<Function>()
        .map_err(|_| bad_answer("no text()"))?;
    let pending = text_fn
        .call0(res)
        .map_err(|e| classify(e, timed_out.get()))?;
    let text = JsFuture::from(Promise::resolve(&pending))
        .await
        .map_err(|e| classify(e, timed_out.get()))?;
    if !text.is_string() {
        return Err(bad_answer("text() gave no string"));
    }
    Ok(Response {
        status,
        status_text,
        headers: out_headers,
        body: Body::Js(text),
    })
}

/// Waits `ms` milliseconds; an abort ends the wait with an `aborted` error.
pub async fn sleep(ms: u32, signal: Option<&AbortSignal>) -> Result<(), Error> {
    let mut reject_fn: Option<Function> = None;
    let promise = Promise::new(&mut |resolve, reject| {
        set_timeout(&resolve, ms);
        if let Some(s) = signal {
            let _ = s.add_event_listener_with_callback("abort", &reject);
        }
        reject_fn = Some(reject);
    });
    let _guard = Guard {
        signal,
        on_abort: None,
        listener: reject_fn,
        timer: None,
    };
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| Error::new(ErrorCode::Aborted, "the request was aborted"))
}

/// localStorage, where the page has one.
pub fn local_store() -> Option<LocalStore> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// Reads `key` from localStorage.
pub fn local_get(s: &LocalStore, key: &str) -> Option<String> {
    s.get_item(key).ok().flatten()
}

/// Writes `key` to localStorage (a full or refused store is ignored, as supabase-js does).
pub fn local_set(s: &LocalStore, key: &str, value: &str) {
    let _ = s.set_item(key, value);
}

/// Removes `key` from localStorage.
pub fn local_remove(s: &LocalStore, key: &str) {
    let _ = s.remove_item(key);
}

/// Calls `adapter[method](...args)` and awaits what it returns; anything thrown is undefined.
async fn adapter_call(adapter: &Adapter, method: &str, args: &[&JsValue]) -> JsValue {
    let Ok(f) = Reflect::get(adapter, &method.into()).and_then(|f| f.dyn_into::<Function>()) else {
        return JsValue::UNDEFINED;
    };
    let r = match args {
        [a] => f.call1(adapter, a),
        [a, b] => f.call2(adapter, a, b),
        _ => f.call0(adapter),
    }
    .unwrap_or(JsValue::UNDEFINED);
    JsFuture::from(Promise::resolve(&r))
        .await
        .unwrap_or(JsValue::UNDEFINED)
}

/// `adapter.getItem(key)`.
pub async fn adapter_get(a: &Adapter, key: &str) -> Option<String> {
    adapter_call(a, "getItem", &[&key.into()]).await.as_string()
}

/// `adapter.setItem(key, value)`.
pub async fn adapter_set(a: &Adapter, key: &str, value: &str) {
    adapter_call(a, "setItem", &[&key.into(), &value.into()]).await;
}

/// `adapter.removeItem(key)`.
pub async fn adapter_remove(a: &Adapter, key: &str) {
    adapter_call(a, "removeItem", &[&key.into()]).await;
}
