//! `mc.auth`: supabase-js's auth methods, answering `{ data, error }`.

use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use serde_json::Value;

use super::args::{read_arg, Arg, Fields};
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

fn user_session(s: Option<&Session>, user: &serde_json::Value) -> JsValue {
    obj(&[("user", to_js(user)), ("session", session_js(s))])
}

fn no_user() -> JsValue {
    obj(&[("user", JsValue::NULL), ("session", JsValue::NULL)])
}

fn no_user_only() -> JsValue {
    obj(&[("user", JsValue::NULL)])
}

fn session_answer(s: Session) -> JsValue {
    user_session(Some(&s), &s.user)
}

/// What `data` is when method `name` fails (supabase-js's empty shapes).
fn empty_of(name: &str) -> JsValue {
    match name {
        "getSession" => obj(&[("session", JsValue::NULL)]),
        "getUser" | "updateUser" => no_user_only(),
        "resetPasswordForEmail" => JsValue::NULL,
        _ => no_user(),
    }
}

/// Runs auth method `name` (one of `AUTH_CALLS`) with its argument: `data` on success.
async fn run(a: &AuthClient, name: &str, v: Result<Value, Error>) -> Result<JsValue, Error> {
    let v = &v?;
    Ok(match name {
        // Signs up; with autoconfirm the client is then signed in.
        "signUp" => {
            let c: Credentials = read_arg(v, "credentials")?;
            let (s, u) = a.sign_up(&c.email, &c.password, c.options.data).await?;
            user_session(s.as_ref(), &u)
        }
        "signInWithPassword" => {
            let c: Credentials = read_arg(v, "credentials")?;
            session_answer(a.sign_in_with_password(&c.email, &c.password).await?)
        }
        // Emails a one-time code. Options: `{ shouldCreateUser, data }`.
        "signInWithOtp" => {
            let c: Credentials = read_arg(v, "credentials")?;
            let create = c.options.should_create_user.unwrap_or(true);
            a.sign_in_with_otp(&c.email, create, c.options.data).await?;
            no_user()
        }
        // Exchanges an emailed code for a session (`type`: email, signup, magiclink, recovery).
        "verifyOtp" => {
            let p: VerifyParams = read_arg(v, "params")?;
            session_answer(a.verify_otp(&p.email, &p.token, p.kind).await?)
        }
        "signInAnonymously" => {
            let c: Credentials = read_arg(v, "credentials")?;
            session_answer(a.sign_in_anonymously(c.options.data).await?)
        }
        // Refreshes the session now (optionally from `{ refresh_token }`).
        "refreshSession" => {
            let t: Tokens = read_arg(v, "current")?;
            session_answer(a.refresh_session(t.refresh_token.as_deref()).await?)
        }
        "setSession" => {
            let t: Tokens = read_arg(v, "tokens")?;
            let refresh = t.refresh_token.unwrap_or_default();
            session_answer(a.set_session(&t.access_token, &refresh).await?)
        }
        // The current session (refreshed first if expired), or null.
        "getSession" => obj(&[("session", session_js(a.get_session().await?.as_ref()))]),
        // The signed-in user, from the server.
        "getUser" => obj(&[("user", to_js(&a.get_user().await?))]),
        // Changes email, password or metadata (`data`).
        "updateUser" => {
            let u: Attributes = read_arg(v, "attributes")?;
            let user = a
                .update_user(u.email.as_deref(), u.password.as_deref(), u.data)
                .await?;
            obj(&[("user", to_js(&user))])
        }
        // Emails a password-recovery code.
        "resetPasswordForEmail" => {
            let Email(email) = read_arg(v, "email")?;
            a.reset_password_for_email(&email).await?;
            obj(&[])
        }
        // Signs out: `{ scope: "global" | "local" | "others" }`, global by default.
        "signOut" => {
            let o: SignOutOptions = read_arg(v, "options")?;
            a.sign_out(o.scope).await?;
            JsValue::NULL
        }
        other => {
            return Err(Error::validation(vec![Violation {
                table: "auth".into(),
                field: other.into(),
                rule: "unknown method".into(),
                value: Value::Null,
            }]))
        }
    })
}

#[wasm_bindgen(js_class = McAuth)]
impl JsAuth {
    pub(crate) fn new(inner: AuthClient) -> JsAuth {
        JsAuth { inner }
    }

    /// Runs the async method `name` (one of `AUTH_CALLS`) and answers supabase-js's
    /// `{ data, error }` (`signOut`: `{ error }`); `mc.auth.<name>(arg)` calls this.
    ///
    /// ```js
    /// const { data: { session }, error } = await mc.auth.signInWithPassword({ email, password });
    /// ```
    pub fn call(&self, name: String, arg: JsValue) -> Promise {
        let a = self.inner.clone();
        // The argument is read now, as supabase-js reads it before its first await.
        let arg = from_js(&arg);
        future_to_promise(async move {
            let r = run(&a, &name, arg).await;
            Ok(match (name.as_str(), r) {
                ("signOut", r) => {
                    obj(&[("error", r.err().map_or(JsValue::NULL, |e| to_js_error(&e)))])
                }
                (_, Ok(data)) => obj(&[("data", data), ("error", JsValue::NULL)]),
                (name, Err(e)) => obj(&[("data", empty_of(name)), ("error", to_js_error(&e))]),
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
