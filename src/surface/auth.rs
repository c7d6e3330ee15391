//! The auth methods' handlers: each reads its one argument as supabase-js takes it and answers
//! `data` as supabase-js shapes it (JSON; the façade hands it to JS through `JSON.parse`).

use serde_json::{json, Value};

use super::args::{read_arg, Arg, Fields};
use super::Answer;
use crate::auth::{AuthClient, OtpType, Session, SignOutScope, User};
use crate::error::Error;

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

fn session_json(s: Option<&Session>) -> Value {
    s.map_or(Value::Null, Session::to_json)
}

fn user_session(s: Option<&Session>, user: &User) -> Value {
    json!({ "user": user, "session": session_json(s) })
}

fn session_answer(s: Session) -> Value {
    user_session(Some(&s), &s.user)
}

fn no_user() -> Value {
    json!({ "user": null, "session": null })
}

/// Signs up; with autoconfirm the client is then signed in.
pub(super) fn sign_up<'a>(a: &'a AuthClient, v: &'a Value) -> Answer<'a> {
    Box::pin(async move {
        let c: Credentials = read_arg(v, "credentials")?;
        let (s, u) = a.sign_up(&c.email, &c.password, c.options.data).await?;
        Ok(user_session(s.as_ref(), &u))
    })
}

/// Signs in with email and password.
pub(super) fn sign_in_with_password<'a>(a: &'a AuthClient, v: &'a Value) -> Answer<'a> {
    Box::pin(async move {
        let c: Credentials = read_arg(v, "credentials")?;
        Ok(session_answer(
            a.sign_in_with_password(&c.email, &c.password).await?,
        ))
    })
}

/// Emails a one-time code. Options: `{ shouldCreateUser, data }`.
pub(super) fn sign_in_with_otp<'a>(a: &'a AuthClient, v: &'a Value) -> Answer<'a> {
    Box::pin(async move {
        let c: Credentials = read_arg(v, "credentials")?;
        let create = c.options.should_create_user.unwrap_or(true);
        a.sign_in_with_otp(&c.email, create, c.options.data).await?;
        Ok(no_user())
    })
}

/// Exchanges an emailed code for a session.
pub(super) fn verify_otp<'a>(a: &'a AuthClient, v: &'a Value) -> Answer<'a> {
    Box::pin(async move {
        let p: VerifyParams = read_arg(v, "params")?;
        Ok(session_answer(
            a.verify_otp(&p.email, &p.token, p.kind).await?,
        ))
    })
}

/// Signs in as a new anonymous user.
pub(super) fn sign_in_anonymously<'a>(a: &'a AuthClient, v: &'a Value) -> Answer<'a> {
    Box::pin(async move {
        let c: Credentials = read_arg(v, "credentials")?;
        Ok(session_answer(a.sign_in_anonymously(c.options.data).await?))
    })
}

/// Refreshes the session now (optionally from `{ refresh_token }`).
pub(super) fn refresh_session<'a>(a: &'a AuthClient, v: &'a Value) -> Answer<'a> {
    Box::pin(async move {
        let t: Tokens = read_arg(v, "current")?;
        Ok(session_answer(
            a.refresh_session(t.refresh_token.as_deref()).await?,
        ))
    })
}

/// Sets the session from an access and a refresh token.
pub(super) fn set_session<'a>(a: &'a AuthClient, v: &'a Value) -> Answer<'a> {
    Box::pin(async move {
        let t: Tokens = read_arg(v, "tokens")?;
        let refresh = t.refresh_token.unwrap_or_default();
        Ok(session_answer(
            a.set_session(&t.access_token, &refresh).await?,
        ))
    })
}

/// The current session (refreshed first if expired), or null.
pub(super) fn get_session<'a>(a: &'a AuthClient, _: &'a Value) -> Answer<'a> {
    Box::pin(async move { Ok(json!({ "session": session_json(a.get_session().await?.as_ref()) })) })
}

/// The signed-in user, from the server.
pub(super) fn get_user<'a>(a: &'a AuthClient, _: &'a Value) -> Answer<'a> {
    Box::pin(async move { Ok(json!({ "user": a.get_user().await? })) })
}

/// Changes email, password or metadata (`data`).
pub(super) fn update_user<'a>(a: &'a AuthClient, v: &'a Value) -> Answer<'a> {
    Box::pin(async move {
        let u: Attributes = read_arg(v, "attributes")?;
        let user = a
            .update_user(u.email.as_deref(), u.password.as_deref(), u.data)
            .await?;
        Ok(json!({ "user": user }))
    })
}

/// Emails a password-recovery code.
pub(super) fn reset_password_for_email<'a>(a: &'a AuthClient, v: &'a Value) -> Answer<'a> {
    Box::pin(async move {
        let Email(email) = read_arg(v, "email")?;
        a.reset_password_for_email(&email).await?;
        Ok(json!({}))
    })
}

/// Signs out: `{ scope: "global" | "local" | "others" }`, global by default.
pub(super) fn sign_out<'a>(a: &'a AuthClient, v: &'a Value) -> Answer<'a> {
    Box::pin(async move {
        let o: SignOutOptions = read_arg(v, "options")?;
        a.sign_out(o.scope).await?;
        Ok(Value::Null)
    })
}
