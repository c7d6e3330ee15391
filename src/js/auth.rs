//! `mc.auth`: supabase-js's auth methods, answering `{ data, error }`.

use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use super::error::{from_js, to_js_error};
use crate::auth::{AuthClient, AuthOptions, Session, Storage};
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

fn text(o: &JsValue, key: &str) -> String {
    field(o, key).as_string().unwrap_or_default()
}

fn session_js(s: Option<&Session>) -> JsValue {
    s.map_or(JsValue::NULL, to_js)
}

/// Reads `options.auth` of createClient.
pub(crate) fn options(options: &JsValue) -> Result<AuthOptions, JsValue> {
    let mut o = AuthOptions::default();
    let a = field(options, "auth");
    if !a.is_object() {
        return Ok(o);
    }
    let storage = field(&a, "storage");
    if storage.is_object() {
        o.storage = Storage::Custom(storage);
    }
    if let Some(k) = field(&a, "storageKey").as_string() {
        o.storage_key = Some(k);
    }
    if let Some(b) = field(&a, "persistSession").as_bool() {
        o.persist_session = b;
        if !b {
            o.storage = Storage::Memory(Rc::default());
        }
    }
    if let Some(b) = field(&a, "autoRefreshToken").as_bool() {
        o.auto_refresh_token = b;
    }
    if let Some(ms) = field(&a, "refreshTickMs").as_f64() {
        o.tick_ms = ms.max(10.0) as u32;
    }
    if let Some(ms) = field(&a, "requestTimeoutMs").as_f64() {
        o.request_timeout_ms = ms.max(1.0) as u32;
    }
    if let Some(n) = field(&a, "refreshMarginTicks").as_f64() {
        o.margin_ticks = n.max(0.0) as u32;
    }
    Ok(o)
}

type Answer = Result<JsValue, JsValue>;

/// `{ data, error }`: `data` on success, `empty` with the error otherwise.
fn answer(r: Result<JsValue, Error>, empty: JsValue) -> Answer {
    Ok(match r {
        Ok(data) => obj(&[("data", data), ("error", JsValue::NULL)]),
        Err(e) => obj(&[("data", empty), ("error", to_js_error(&e))]),
    })
}

fn user_session(s: Option<&Session>, user: &serde_json::Value) -> JsValue {
    obj(&[("user", to_js(user)), ("session", session_js(s))])
}

fn no_user() -> JsValue {
    obj(&[("user", JsValue::NULL), ("session", JsValue::NULL)])
}

fn with_session(r: Result<Session, Error>) -> Answer {
    answer(r.map(|s| user_session(Some(&s), &s.user)), no_user())
}

#[wasm_bindgen(js_class = McAuth)]
impl JsAuth {
    pub(crate) fn new(inner: AuthClient) -> JsAuth {
        JsAuth { inner }
    }

    fn run<F>(&self, f: impl FnOnce(AuthClient) -> F) -> Promise
    where
        F: std::future::Future<Output = Answer> + 'static,
    {
        future_to_promise(f(self.inner.clone()))
    }

    /// Signs up; with autoconfirm the client is then signed in.
    ///
    /// ```js
    /// const { data: { user, session }, error } = await mc.auth.signUp({ email, password, options: { data: { name } } });
    /// ```
    #[wasm_bindgen(js_name = signUp)]
    pub fn sign_up(&self, credentials: JsValue) -> Promise {
        let (email, password) = (text(&credentials, "email"), text(&credentials, "password"));
        let data = from_js(&field(&field(&credentials, "options"), "data"))
            .ok()
            .filter(|d| !d.is_null());
        self.run(|a| async move {
            answer(
                a.sign_up(&email, &password, data)
                    .await
                    .map(|(s, u)| user_session(s.as_ref(), &u)),
                no_user(),
            )
        })
    }

    /// Signs in with email and password.
    ///
    /// ```js
    /// const { data: { session }, error } = await mc.auth.signInWithPassword({ email, password });
    /// ```
    #[wasm_bindgen(js_name = signInWithPassword)]
    pub fn sign_in_with_password(&self, credentials: JsValue) -> Promise {
        let (email, password) = (text(&credentials, "email"), text(&credentials, "password"));
        self.run(|a| async move { with_session(a.sign_in_with_password(&email, &password).await) })
    }

    /// Emails a one-time code. Options: `{ shouldCreateUser, data }`.
    ///
    /// ```js
    /// await mc.auth.signInWithOtp({ email });
    /// ```
    #[wasm_bindgen(js_name = signInWithOtp)]
    pub fn sign_in_with_otp(&self, credentials: JsValue) -> Promise {
        let email = text(&credentials, "email");
        let opts = field(&credentials, "options");
        let create = field(&opts, "shouldCreateUser").as_bool().unwrap_or(true);
        let data = from_js(&field(&opts, "data")).ok().filter(|d| !d.is_null());
        self.run(|a| async move {
            answer(
                a.sign_in_with_otp(&email, create, data)
                    .await
                    .map(|_| no_user()),
                no_user(),
            )
        })
    }

    /// Exchanges an emailed code for a session (`type`: email, signup, magiclink, recovery).
    ///
    /// ```js
    /// await mc.auth.verifyOtp({ email, token, type: "email" });
    /// ```
    #[wasm_bindgen(js_name = verifyOtp)]
    pub fn verify_otp(&self, params: JsValue) -> Promise {
        let (email, token, kind) = (
            text(&params, "email"),
            text(&params, "token"),
            text(&params, "type"),
        );
        self.run(|a| async move { with_session(a.verify_otp(&email, &token, &kind).await) })
    }

    /// Signs in as a new anonymous user.
    ///
    /// ```js
    /// await mc.auth.signInAnonymously();
    /// ```
    #[wasm_bindgen(js_name = signInAnonymously)]
    pub fn sign_in_anonymously(&self, credentials: JsValue) -> Promise {
        let data = from_js(&field(&field(&credentials, "options"), "data"))
            .ok()
            .filter(|d| !d.is_null());
        self.run(|a| async move { with_session(a.sign_in_anonymously(data).await) })
    }

    /// Refreshes the session now (optionally from `{ refresh_token }`).
    ///
    /// ```js
    /// const { data: { session } } = await mc.auth.refreshSession();
    /// ```
    #[wasm_bindgen(js_name = refreshSession)]
    pub fn refresh_session(&self, current: JsValue) -> Promise {
        let token = field(&current, "refresh_token").as_string();
        self.run(|a| async move { with_session(a.refresh_session(token.as_deref()).await) })
    }

    /// Starts a session from tokens.
    ///
    /// ```js
    /// await mc.auth.setSession({ access_token, refresh_token });
    /// ```
    #[wasm_bindgen(js_name = setSession)]
    pub fn set_session(&self, tokens: JsValue) -> Promise {
        let (access, refresh) = (
            text(&tokens, "access_token"),
            text(&tokens, "refresh_token"),
        );
        self.run(|a| async move { with_session(a.set_session(&access, &refresh).await) })
    }

    /// The current session (refreshed first if expired), or null.
    ///
    /// ```js
    /// const { data: { session } } = await mc.auth.getSession();
    /// ```
    #[wasm_bindgen(js_name = getSession)]
    pub fn get_session(&self) -> Promise {
        self.run(|a| async move {
            let empty = obj(&[("session", JsValue::NULL)]);
            answer(
                a.get_session()
                    .await
                    .map(|s| obj(&[("session", session_js(s.as_ref()))])),
                empty,
            )
        })
    }

    /// The signed-in user, from the server.
    ///
    /// ```js
    /// const { data: { user } } = await mc.auth.getUser();
    /// ```
    #[wasm_bindgen(js_name = getUser)]
    pub fn get_user(&self) -> Promise {
        self.run(|a| async move {
            answer(
                a.get_user().await.map(|u| obj(&[("user", to_js(&u))])),
                obj(&[("user", JsValue::NULL)]),
            )
        })
    }

    /// Changes email, password or metadata (`data`).
    ///
    /// ```js
    /// await mc.auth.updateUser({ data: { theme: "dark" } });
    /// ```
    #[wasm_bindgen(js_name = updateUser)]
    pub fn update_user(&self, attributes: JsValue) -> Promise {
        let email = field(&attributes, "email").as_string();
        let password = field(&attributes, "password").as_string();
        let data = from_js(&field(&attributes, "data"))
            .ok()
            .filter(|d| !d.is_null());
        self.run(|a| async move {
            answer(
                a.update_user(email.as_deref(), password.as_deref(), data)
                    .await
                    .map(|u| obj(&[("user", to_js(&u))])),
                obj(&[("user", JsValue::NULL)]),
            )
        })
    }

    /// Emails a password-recovery code.
    ///
    /// ```js
    /// await mc.auth.resetPasswordForEmail(email);
    /// ```
    #[wasm_bindgen(js_name = resetPasswordForEmail)]
    pub fn reset_password_for_email(&self, email: String) -> Promise {
        self.run(|a| async move {
            answer(
                a.reset_password_for_email(&email).await.map(|_| obj(&[])),
                JsValue::NULL,
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
        let scope = field(&options, "scope")
            .as_string()
            .unwrap_or_else(|| "global".into());
        self.run(|a| async move {
            Ok(match a.sign_out(&scope).await {
                Ok(()) => obj(&[("error", JsValue::NULL)]),
                Err(e) => obj(&[("error", to_js_error(&e))]),
            })
        })
    }

    /// Subscribes to INITIAL_SESSION, SIGNED_IN, SIGNED_OUT, TOKEN_REFRESHED, USER_UPDATED
    /// and PASSWORD_RECOVERY.
    ///
    /// ```js
    /// const { data: { subscription } } = mc.auth.onAuthStateChange((event, session) => console.log(event));
    /// subscription.unsubscribe();
    /// ```
    #[wasm_bindgen(js_name = onAuthStateChange)]
    pub fn on_auth_state_change(&self, callback: Function) -> JsValue {
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
        obj(&[("data", obj(&[("subscription", subscription)]))])
    }

    /// Starts the auto-refresh tick (on by default).
    ///
    /// ```js
    /// mc.auth.startAutoRefresh();
    /// ```
    #[wasm_bindgen(js_name = startAutoRefresh)]
    pub fn start_auto_refresh(&self) {
        crate::auth::set_auto_refresh(&self.inner, true);
    }

    /// Stops the auto-refresh tick.
    ///
    /// ```js
    /// mc.auth.stopAutoRefresh();
    /// ```
    #[wasm_bindgen(js_name = stopAutoRefresh)]
    pub fn stop_auto_refresh(&self) {
        crate::auth::set_auto_refresh(&self.inner, false);
    }
}
