//! `mc.auth`: supabase-js's auth methods, answering `{ data, error }`.

use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use serde_json::Value;

use super::error::{from_js, to_js_error};
use crate::auth::{AuthClient, AuthOptions, FlowType, Session, Storage};
use crate::error::{Error, Violation};
use crate::surface::args::{Arg, Fields};
use crate::surface::Empty;

/// The auth client for JavaScript.
#[wasm_bindgen(js_name = McAuth, skip_typescript)]
pub struct JsAuth {
    inner: AuthClient,
}

fn to_js(v: &Value) -> JsValue {
    crate::runtime::to_js(v)
}

fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o.into()
}

fn field(o: &JsValue, key: &str) -> JsValue {
    if o.is_object() {
        Reflect::get(o, &key.into()).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

fn session_js(s: Option<&Session>) -> JsValue {
    s.map_or(JsValue::NULL, |s| to_js(&s.to_json()))
}

/// The JSON-readable part of `options.auth` (the storage adapter is read from the object).
#[derive(Default, tsify::Tsify)]
#[serde(rename_all = "camelCase")]
pub struct AuthJsonOptions {
    /// Defaults to supabase-js's `sb-<first label of the host>-auth-token`.
    #[tsify(optional)]
    storage_key: Option<String>,
    /// Keep the session in storage (default true); false keeps it in memory.
    #[tsify(optional)]
    persist_session: Option<bool>,
    /// Refresh on a tick before expiry (default true).
    #[tsify(optional)]
    auto_refresh_token: Option<bool>,
    /// The auto-refresh tick (30000 ms).
    #[tsify(optional)]
    refresh_tick_ms: Option<f64>,
    /// Give up on an auth request after this long (10000 ms).
    #[tsify(optional)]
    request_timeout_ms: Option<f64>,
    /// Refresh when this many ticks or fewer remain (3).
    #[tsify(optional)]
    refresh_margin_ticks: Option<f64>,
    /// `"implicit"` (default) or `"pkce"`: how emailed links and OAuth redirects hand the
    /// session over.
    #[tsify(optional, type = "\"implicit\" | \"pkce\"")]
    flow_type: Option<String>,
    /// Finish a sign-in whose redirect landed on this page when the client starts (true).
    #[tsify(optional)]
    detect_session_in_url: Option<bool>,
}

impl Arg for AuthJsonOptions {
    fn read(f: &Fields) -> Result<Self, Error> {
        Ok(AuthJsonOptions {
            storage_key: f.text("storageKey")?,
            persist_session: f.flag("persistSession")?,
            auto_refresh_token: f.flag("autoRefreshToken")?,
            refresh_tick_ms: f.number("refreshTickMs")?,
            request_timeout_ms: f.number("requestTimeoutMs")?,
            refresh_margin_ticks: f.number("refreshMarginTicks")?,
            flow_type: f
                .one_of("flowType", FlowType::ALL, FlowType::as_str)?
                .map(|t| t.as_str().to_string()),
            detect_session_in_url: f.flag("detectSessionInUrl")?,
        })
    }
}

/// Reads `options.auth` of createClient.
pub(crate) fn options(options: &JsValue) -> Result<AuthOptions, JsValue> {
    let mut o = AuthOptions::default();
    let a = field(options, "auth");
    if !a.is_object() {
        return Ok(o);
    }
    let v = from_js(&a).map_err(|e| to_js_error(&e))?;
    let j = AuthJsonOptions::read(
        &Fields::new(&v, "createClient", "auth").map_err(|e| to_js_error(&e))?,
    )
    .map_err(|e| to_js_error(&e))?;
    let storage = field(&a, "storage");
    if storage.is_object() {
        o.storage = Storage::Custom(storage);
    }
    o.storage_key = j.storage_key;
    if let Some(b) = j.persist_session {
        o.persist_session = b;
        if !b {
            o.storage = Storage::Memory(Rc::default());
        }
    }
    if let Some(b) = j.auto_refresh_token {
        o.auto_refresh_token = b;
    }
    if let Some(ms) = j.refresh_tick_ms {
        o.tick_ms = ms.clamp(10.0, 3_600_000.0) as u32;
    }
    if let Some(ms) = j.request_timeout_ms {
        o.request_timeout_ms = ms.clamp(1.0, 600_000.0) as u32;
    }
    if let Some(n) = j.refresh_margin_ticks {
        o.margin_ticks = n.clamp(0.0, 1000.0) as u32;
    }
    if j.flow_type.as_deref() == Some("pkce") {
        o.flow_type = FlowType::Pkce;
    }
    if let Some(b) = j.detect_session_in_url {
        o.detect_session_in_url = b;
    }
    Ok(o)
}

/// `{ data, error }`.
pub(crate) fn data_error(data: JsValue, error: JsValue) -> JsValue {
    obj(&[("data", data), ("error", error)])
}

#[wasm_bindgen(js_class = McAuth)]
impl JsAuth {
    pub(crate) fn new(inner: AuthClient) -> JsAuth {
        JsAuth { inner }
    }

    /// Runs the async method `name` (an auth row of the method table, `crate::surface`) with
    /// its arguments (an array) and answers supabase-js's `{ data, error }` (`signOut`:
    /// `{ error }`); `mc.auth.<name>(...args)` calls this.
    pub fn call(&self, name: String, arg: JsValue) -> Promise {
        let a = self.inner.clone();
        // The argument is read now, as supabase-js reads it before its first await.
        let arg = from_js(&arg);
        future_to_promise(async move {
            let empty = crate::surface::auth_method(&name).map_or(Empty::UserSession, |(_, e)| e);
            let r = match arg {
                Ok(v) => crate::surface::auth(&a, &name, &v).await,
                Err(e) => Err(e),
            };
            Ok(match (empty, r) {
                (Empty::NoData, r) => {
                    obj(&[("error", r.err().map_or(JsValue::NULL, |e| to_js_error(&e)))])
                }
                (_, Ok(data)) => obj(&[("data", to_js(&data)), ("error", JsValue::NULL)]),
                (empty, Err(e)) => {
                    let data = js_sys::JSON::parse(empty.json()).unwrap_or(JsValue::NULL);
                    obj(&[("data", data), ("error", to_js_error(&e))])
                }
            })
        })
    }

    /// Subscribes to INITIAL_SESSION, SIGNED_IN, SIGNED_OUT, TOKEN_REFRESHED, USER_UPDATED
    /// and PASSWORD_RECOVERY.
    #[wasm_bindgen(js_name = onAuthStateChange)]
    pub fn on_auth_state_change(&self, callback: JsValue) -> Result<JsValue, JsValue> {
        let Some(callback) = callback.dyn_ref::<Function>().cloned() else {
            return Err(to_js_error(&Error::validation(vec![Violation {
                table: "auth".into(),
                field: "callback".into(),
                rule: "must be a function".into(),
                value: Value::Null,
            }])));
        };
        let cb = callback.clone();
        let id = self
            .inner
            .on_auth_state_change(Rc::new(move |event, session| {
                let _ = cb.call2(&JsValue::NULL, &event.as_str().into(), &session_js(session));
            }));
        let a = self.inner.clone();
        let unsubscribe = Closure::<dyn Fn()>::new(move || a.unsubscribe(id)).into_js_value();
        let subscription = obj(&[
            ("id", JsValue::from(id)),
            ("callback", callback.into()),
            ("unsubscribe", unsubscribe),
        ]);
        Ok(obj(&[("data", obj(&[("subscription", subscription)]))]))
    }

    /// Starts the auto-refresh tick (on by default).
    #[wasm_bindgen(js_name = startAutoRefresh)]
    pub fn start_auto_refresh(&self) {
        crate::auth::set_auto_refresh(&self.inner, true);
    }

    /// Stops the auto-refresh tick.
    #[wasm_bindgen(js_name = stopAutoRefresh)]
    pub fn stop_auto_refresh(&self) {
        crate::auth::set_auto_refresh(&self.inner, false);
    }
}
