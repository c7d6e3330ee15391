//! The browser's runtime: the clock (`Date`), timers, `spawn_local`, localStorage or a user
//! storage adapter, and JSON values across the JS boundary. The native module has the same names.

use std::future::Future;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::error::{Error, ErrorCode};

/// The caller's abort signal.
pub type AbortSignal = web_sys::AbortSignal;
/// `window.localStorage`.
pub type LocalStore = web_sys::Storage;
/// A user storage object with `getItem`, `setItem`, `removeItem` (each may return a Promise).
pub type Adapter = JsValue;

/// A JSON value as a plain JS value: its text through the engine's `JSON.parse` (no per-field
/// crossings).
pub fn to_js(v: &serde_json::Value) -> JsValue {
    js_sys::JSON::parse(&crate::json::write(v)).unwrap_or(JsValue::NULL)
}

/// A JS value as JSON: `JSON.stringify` in the engine (which refuses cycles, BigInt and extreme
/// depth by throwing, caught here), then [`crate::json::parse`] with its depth limit.
pub fn from_js(v: &JsValue) -> Result<serde_json::Value, String> {
    if v.is_undefined() {
        return Ok(serde_json::Value::Null);
    }
    let text = js_sys::JSON::stringify(v)
        .map_err(|e| {
            Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_default()
        })?
        .as_string()
        .unwrap_or_else(|| "null".into());
    crate::json::parse(&text)
}

/// Milliseconds since the Unix epoch (what session expiry is measured against) (`Date.now()`).
pub fn now_millis() -> f64 {
    js_sys::Date::now()
}

/// The current time as RFC 3339 in UTC (`new Date().toISOString()`, milliseconds).
pub fn now_rfc3339() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// The time `seconds` ago, as RFC 3339 in UTC.
pub fn rfc3339_ago(seconds: u32) -> String {
    let at = js_sys::Date::now() - f64::from(seconds) * 1000.0;
    js_sys::Date::new(&at.into()).to_iso_string().into()
}

/// Runs a future on the page's microtask queue.
pub fn spawn(f: impl Future<Output = ()> + 'static) {
    wasm_bindgen_futures::spawn_local(f);
}

fn set_timeout(f: &Function, ms: u32) -> JsValue {
    let global = js_sys::global();
    let st: Function = Reflect::get(&global, &"setTimeout".into())
        .map(JsCast::unchecked_into)
        .unwrap_or_else(|_| Function::new_no_args(""));
    st.call2(&global, f, &JsValue::from(ms))
        .unwrap_or(JsValue::UNDEFINED)
}

/// Removes the abort listener when the wait ends — also when its future is dropped half-way.
struct Guard<'a> {
    signal: Option<&'a AbortSignal>,
    listener: Option<Function>,
}

impl Drop for Guard<'_> {
    fn drop(&mut self) {
        if let (Some(s), Some(f)) = (self.signal, &self.listener) {
            let _ = s.remove_event_listener_with_callback("abort", f);
        }
    }
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
        listener: reject_fn,
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

/// SHA-256 of `data` by WebCrypto (`crypto.subtle.digest`); `None` where the page has no
/// `crypto.subtle` (an insecure origin), as supabase-js then falls back to a plain challenge.
pub async fn sha256(data: &[u8]) -> Option<[u8; 32]> {
    let crypto = Reflect::get(&js_sys::global(), &"crypto".into()).ok()?;
    let subtle = Reflect::get(&crypto, &"subtle".into()).ok()?;
    let digest: Function = Reflect::get(&subtle, &"digest".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let promise = digest
        .call2(&subtle, &"SHA-256".into(), &js_sys::Uint8Array::from(data))
        .ok()?;
    let buf = JsFuture::from(promise.dyn_into::<Promise>().ok()?)
        .await
        .ok()?;
    js_sys::Uint8Array::new(&buf).to_vec().try_into().ok()
}

/// The page's address (`location.href`), where there is a page.
pub fn page_url() -> Option<String> {
    let location = Reflect::get(&js_sys::global(), &"location".into()).ok()?;
    Reflect::get(&location, &"href".into()).ok()?.as_string()
}

/// Replaces the page's address without a reload (`history.replaceState`, keeping its state).
pub fn replace_page_url(url: &str) {
    let Ok(history) = Reflect::get(&js_sys::global(), &"history".into()) else {
        return;
    };
    let replace = Reflect::get(&history, &"replaceState".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    if let Some(f) = replace {
        let state = Reflect::get(&history, &"state".into()).unwrap_or(JsValue::NULL);
        let _ = f.call3(&history, &state, &"".into(), &url.into());
    }
}

/// Verifies a JWS signature with a public JWK by WebCrypto: ES256 (ECDSA P-256) or RS256
/// (RSASSA-PKCS1-v1_5), as supabase-js's getClaims does. `None` where the page has no
/// `crypto.subtle` or the algorithm is another (the caller asks the server instead).
pub async fn verify_signature(
    alg: &str,
    jwk: &serde_json::Value,
    input: &[u8],
    signature: &[u8],
) -> Option<bool> {
    let (import, verify) = match alg {
        "ES256" => (
            r#"{"name":"ECDSA","namedCurve":"P-256"}"#,
            r#"{"name":"ECDSA","hash":"SHA-256"}"#,
        ),
        "RS256" => (
            r#"{"name":"RSASSA-PKCS1-v1_5","hash":"SHA-256"}"#,
            r#"{"name":"RSASSA-PKCS1-v1_5","hash":"SHA-256"}"#,
        ),
        _ => return None,
    };
    let crypto = Reflect::get(&js_sys::global(), &"crypto".into()).ok()?;
    let subtle = Reflect::get(&crypto, &"subtle".into()).ok()?;
    let method = |name: &str| -> Option<Function> {
        Reflect::get(&subtle, &name.into()).ok()?.dyn_into().ok()
    };
    let (import_key, verify_fn) = (method("importKey")?, method("verify")?);
    let json = |t: &str| js_sys::JSON::parse(t).unwrap_or(JsValue::NULL);
    let usages = js_sys::Array::of1(&"verify".into());
    let args = js_sys::Array::of5(
        &"jwk".into(),
        &to_js(jwk),
        &json(import),
        &JsValue::FALSE,
        &usages,
    );
    let key = JsFuture::from(
        import_key
            .apply(&subtle, &args)
            .ok()?
            .dyn_into::<Promise>()
            .ok()?,
    )
    .await
    .ok();
    let Some(key) = key else {
        return Some(false);
    };
    let args = js_sys::Array::of4(
        &json(verify),
        &key,
        &js_sys::Uint8Array::from(signature),
        &js_sys::Uint8Array::from(input),
    );
    let ok = JsFuture::from(
        verify_fn
            .apply(&subtle, &args)
            .ok()?
            .dyn_into::<Promise>()
            .ok()?,
    )
    .await
    .ok()?;
    Some(ok.as_bool() == Some(true))
}

/// Sends the page to `url` (`location.assign`), where there is a page.
pub fn assign_page_url(url: &str) {
    let Ok(location) = Reflect::get(&js_sys::global(), &"location".into()) else {
        return;
    };
    if let Ok(f) = Reflect::get(&location, &"assign".into()).and_then(|f| f.dyn_into::<Function>())
    {
        let _ = f.call1(&location, &url.into());
    }
}
