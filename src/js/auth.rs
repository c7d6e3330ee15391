//! `mc.auth`: supabase-js's auth methods, answering `{ data, error }`.

use js_sys::{Object, Promise, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use super::error::{from_js, to_js_error};
use crate::auth::{AuthClient, Session};
use crate::error::Error;

/// The auth client for JavaScript.
///
/// ```js
/// const { data: { session }, error } = await mc.auth.signInWithPassword({ email, password });
/// ```
#[wasm_bindgen(js_name = McAuth, skip_typescript)]
pub struct JsAuth {
    inner: AuthClient,
}

fn to_js<T: Serialize>(v: &T) -> JsValue {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
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

fn answer(r: Result<JsValue, Error>, empty: impl Fn() -> JsValue) -> Result<JsValue, JsValue> {
    Ok(match r {
        Ok(data) => obj(&[("data", data), ("error", JsValue::NULL)]),
        Err(e) => obj(&[("data", empty()), ("error", to_js_error(&e))]),
    })
}

fn user_and_session(s: Option<&Session>, user: &serde_json::Value) -> JsValue {
    obj(&[
        ("user", to_js(user)),
        ("session", s.map_or(JsValue::NULL, to_js)),
    ])
}

fn no_user() -> JsValue {
    obj(&[("user", JsValue::NULL), ("session", JsValue::NULL)])
}

#[wasm_bindgen(js_class = McAuth)]
impl JsAuth {
    pub(crate) fn new(inner: AuthClient) -> JsAuth {
        JsAuth { inner }
    }

    /// Signs up; with autoconfirm the client is then signed in.
    ///
    /// ```js
    /// const { data: { user, session }, error } = await mc.auth.signUp({ email, password, options: { data: { name } } });
    /// ```
    #[wasm_bindgen(js_name = signUp)]
    pub fn sign_up(&self, credentials: JsValue) -> Promise {
        let a = self.inner.clone();
        let email = field(&credentials, "email").as_string().unwrap_or_default();
        let password = field(&credentials, "password")
            .as_string()
            .unwrap_or_default();
        let data = from_js(&field(&field(&credentials, "options"), "data"))
            .ok()
            .filter(|d| !d.is_null());
        future_to_promise(async move {
            let r = a
                .sign_up(&email, &password, data)
                .await
                .map(|(s, u)| user_and_session(s.as_ref(), &u));
            answer(r, no_user)
        })
    }

    /// Signs in with email and password.
    ///
    /// ```js
    /// const { data: { session }, error } = await mc.auth.signInWithPassword({ email, password });
    /// ```
    #[wasm_bindgen(js_name = signInWithPassword)]
    pub fn sign_in_with_password(&self, credentials: JsValue) -> Promise {
        let a = self.inner.clone();
        let email = field(&credentials, "email").as_string().unwrap_or_default();
        let password = field(&credentials, "password")
            .as_string()
            .unwrap_or_default();
        future_to_promise(async move {
            let r = a
                .sign_in_with_password(&email, &password)
                .await
                .map(|s| user_and_session(Some(&s), &s.user));
            answer(r, no_user)
        })
    }

    /// The current session (or null).
    ///
    /// ```js
    /// const { data: { session } } = await mc.auth.getSession();
    /// ```
    #[wasm_bindgen(js_name = getSession)]
    pub fn get_session(&self) -> Promise {
        let s = self.inner.session();
        future_to_promise(async move {
            answer(
                Ok(obj(&[("session", s.as_ref().map_or(JsValue::NULL, to_js))])),
                || JsValue::NULL,
            )
        })
    }

    /// Signs out: `{ scope: "global" | "local" | "others" }`, global by default.
    ///
    /// ```js
    /// const { error } = await mc.auth.signOut();
    /// ```
    #[wasm_bindgen(js_name = signOut)]
    pub fn sign_out(&self, options: JsValue) -> Promise {
        let a = self.inner.clone();
        let scope = field(&options, "scope")
            .as_string()
            .unwrap_or_else(|| "global".into());
        future_to_promise(async move {
            Ok(match a.sign_out(&scope).await {
                Ok(()) => obj(&[("error", JsValue::NULL)]),
                Err(e) => obj(&[("error", to_js_error(&e))]),
            })
        })
    }
}
