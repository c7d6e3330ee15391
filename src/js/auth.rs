//! `mc.auth`: supabase-js's auth methods, answering `{ data, error }`.

use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use serde_json::Value;

use super::args::{arg, Arg, Fields};
use super::error::{from_js, to_js_error};
use crate::auth::{AuthClient, AuthOptions, OtpType, Session, SignOutScope, Storage};
use crate::error::{Error, Violation};

/// The auth client for JavaScript.
///
/// ```js
/// const { data: { session }, error } = await mc.auth.signInWithPassword({ email, password });
/// ```
#[wasm_bindgen(js_name = McAuth, skip_typescript)]
pub struct JsAuth {
    inner: AuthClient,
}

fn to_js(v: &Value) -> JsValue {
    crate::http::platform::to_js(v)
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
    Ok(o)
}

struct Credentials {
    email: String,
    password: String,
    options: CredentialOptions,
}

impl Arg for Credentials {
    fn read(f: &Fields) -> Result<Self, Error> {
        Ok(Credentials {
            email: f.text("email")?.unwrap_or_default(),
            password: f.text("password")?.unwrap_or_default(),
            options: CredentialOptions::read(&f.nested("options")?)?,
        })
    }
}

struct CredentialOptions {
    data: Option<Value>,
    should_create_user: Option<bool>,
}

impl Arg for CredentialOptions {
    fn read(f: &Fields) -> Result<Self, Error> {
        Ok(CredentialOptions {
            data: f.value("data"),
            should_create_user: f.flag("shouldCreateUser")?,
        })
    }
}

struct VerifyParams {
    email: String,
    token: String,
    kind: OtpType,
}

impl Arg for VerifyParams {
    fn read(f: &Fields) -> Result<Self, Error> {
        let kind = f.one_of("type", OtpType::ALL, OtpType::as_str)?;
        Ok(VerifyParams {
            email: f.text("email")?.unwrap_or_default(),
            token: f.text("token")?.unwrap_or_default(),
            kind: kind.ok_or_else(|| f.bad("type", "is required"))?,
        })
    }
}

struct Tokens {
    access_token: String,
    refresh_token: Option<String>,
}

impl Arg for Tokens {
    fn read(f: &Fields) -> Result<Self, Error> {
        Ok(Tokens {
            access_token: f.text("access_token")?.unwrap_or_default(),
            refresh_token: f.text("refresh_token")?,
        })
    }
}

struct Attributes {
    email: Option<String>,
    password: Option<String>,
    data: Option<Value>,
}

impl Arg for Attributes {
    fn read(f: &Fields) -> Result<Self, Error> {
        Ok(Attributes {
            email: f.text("email")?,
            password: f.text("password")?,
            data: f.value("data"),
        })
    }
}

struct SignOutOptions {
    scope: SignOutScope,
}

impl Arg for SignOutOptions {
    fn read(f: &Fields) -> Result<Self, Error> {
        let scope = f.one_of("scope", SignOutScope::ALL, SignOutScope::as_str)?;
        Ok(SignOutOptions {
            scope: scope.unwrap_or_default(),
        })
    }
}

/// `resetPasswordForEmail(email)`: the argument is the address itself.
struct Email(String);

impl Arg for Email {
    const OBJECT: bool = false;
    fn read(f: &Fields) -> Result<Self, Error> {
        match f.v {
            Value::String(s) => Ok(Email(s.clone())),
            _ => Err(f.bad("", "must be a string")),
        }
    }
}

/// `{ data, error }`.
pub(crate) fn data_error(data: JsValue, error: JsValue) -> JsValue {
    obj(&[("data", data), ("error", error)])
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

fn no_user_only() -> JsValue {
    obj(&[("user", JsValue::NULL)])
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

    /// Reads the argument, then runs `f` with it; a wrong argument answers `{ data: empty, error }`.
    fn with<T, F>(
        &self,
        v: &JsValue,
        what: &str,
        empty: fn() -> JsValue,
        f: impl FnOnce(AuthClient, T) -> F,
    ) -> Promise
    where
        T: Arg,
        F: std::future::Future<Output = Answer> + 'static,
    {
        match arg::<T>(v, what) {
            Ok(t) => self.run(|a| f(a, t)),
            Err(e) => future_to_promise(async move { answer(Err(e), empty()) }),
        }
    }

    /// Signs up; with autoconfirm the client is then signed in.
    ///
    /// ```js
    /// const { data: { user, session }, error } = await mc.auth.signUp({ email, password, options: { data: { name } } });
    /// ```
    #[wasm_bindgen(js_name = signUp)]
    pub fn sign_up(&self, credentials: JsValue) -> Promise {
        self.with(
            &credentials,
            "credentials",
            no_user,
            |a, c: Credentials| async move {
                answer(
                    a.sign_up(&c.email, &c.password, c.options.data)
                        .await
                        .map(|(s, u)| user_session(s.as_ref(), &u)),
                    no_user(),
                )
            },
        )
    }

    /// Signs in with email and password.
    ///
    /// ```js
    /// const { data: { session }, error } = await mc.auth.signInWithPassword({ email, password });
    /// ```
    #[wasm_bindgen(js_name = signInWithPassword)]
    pub fn sign_in_with_password(&self, credentials: JsValue) -> Promise {
        self.with(
            &credentials,
            "credentials",
            no_user,
            |a, c: Credentials| async move {
                with_session(a.sign_in_with_password(&c.email, &c.password).await)
            },
        )
    }

    /// Emails a one-time code. Options: `{ shouldCreateUser, data }`.
    ///
    /// ```js
    /// await mc.auth.signInWithOtp({ email });
    /// ```
    #[wasm_bindgen(js_name = signInWithOtp)]
    pub fn sign_in_with_otp(&self, credentials: JsValue) -> Promise {
        self.with(
            &credentials,
            "credentials",
            no_user,
            |a, c: Credentials| async move {
                let create = c.options.should_create_user.unwrap_or(true);
                answer(
                    a.sign_in_with_otp(&c.email, create, c.options.data)
                        .await
                        .map(|_| no_user()),
                    no_user(),
                )
            },
        )
    }

    /// Exchanges an emailed code for a session (`type`: email, signup, magiclink, recovery).
    ///
    /// ```js
    /// await mc.auth.verifyOtp({ email, token, type: "email" });
    /// ```
    #[wasm_bindgen(js_name = verifyOtp)]
    pub fn verify_otp(&self, params: JsValue) -> Promise {
        self.with(
            &params,
            "params",
            no_user,
            |a, p: VerifyParams| async move {
                with_session(a.verify_otp(&p.email, &p.token, p.kind).await)
            },
        )
    }

    /// Signs in as a new anonymous user.
    ///
    /// ```js
    /// await mc.auth.signInAnonymously();
    /// ```
    #[wasm_bindgen(js_name = signInAnonymously)]
    pub fn sign_in_anonymously(&self, credentials: JsValue) -> Promise {
        self.with(&credentials, "credentials", no_user, |a, c: Credentials| async move {
            with_session(a.sign_in_anonymously(c.options.data).await)
        })
    }

    /// Refreshes the session now (optionally from `{ refresh_token }`).
    ///
    /// ```js
    /// const { data: { session } } = await mc.auth.refreshSession();
    /// ```
    #[wasm_bindgen(js_name = refreshSession)]
    pub fn refresh_session(&self, current: JsValue) -> Promise {
        self.with(&current, "current", no_user, |a, t: Tokens| async move {
            with_session(a.refresh_session(t.refresh_token.as_deref()).await)
        })
    }

    /// Starts a session from tokens.
    ///
    /// ```js
    /// await mc.auth.setSession({ access_token, refresh_token });
    /// ```
    #[wasm_bindgen(js_name = setSession)]
    pub fn set_session(&self, tokens: JsValue) -> Promise {
        self.with(&tokens, "tokens", no_user, |a, t: Tokens| async move {
            let refresh = t.refresh_token.unwrap_or_default();
            with_session(a.set_session(&t.access_token, &refresh).await)
        })
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
        self.with(
            &attributes,
            "attributes",
            no_user_only,
            |a, u: Attributes| async move {
                answer(
                    a.update_user(u.email.as_deref(), u.password.as_deref(), u.data)
                        .await
                        .map(|u| obj(&[("user", to_js(&u))])),
                    obj(&[("user", JsValue::NULL)]),
                )
            },
        )
    }

    /// Emails a password-recovery code.
    ///
    /// ```js
    /// await mc.auth.resetPasswordForEmail(email);
    /// ```
    #[wasm_bindgen(js_name = resetPasswordForEmail)]
    pub fn reset_password_for_email(&self, email: JsValue) -> Promise {
        self.with(
            &email,
            "email",
            || JsValue::NULL,
            |a, Email(email)| async move {
                answer(
                    a.reset_password_for_email(&email).await.map(|_| obj(&[])),
                    JsValue::NULL,
                )
            },
        )
    }

    /// Signs out: `{ scope: "global" | "local" | "others" }`, global by default.
    ///
    /// ```js
    /// const { error } = await mc.auth.signOut();
    /// ```
    #[wasm_bindgen(js_name = signOut)]
    pub fn sign_out(&self, options: JsValue) -> Promise {
        let result = arg::<SignOutOptions>(&options, "options");
        self.run(|a| async move {
            let r = match result {
                Ok(o) => a.sign_out(o.scope).await,
                Err(e) => Err(e),
            };
            Ok(match r {
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
