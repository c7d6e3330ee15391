//! The auth methods' handlers: each reads its one argument as supabase-js takes it and answers
//! `data` as supabase-js shapes it (JSON; the façade hands it to JS through `JSON.parse`), as
//! the method's first step (sans I/O): the client's driver ([`AuthClient::drive`]) runs it.

use serde_json::{json, Value};

use super::args::{read_arg, Arg, Fields};
use crate::auth::flow::{self, finish, started, then, Step};
use crate::auth::{
    plan, AuthClient, Call, OtpOptions, OtpTarget, OtpType, Outcome, ResendType, Session,
    SignOutScope, User, UserAttributes, VerifyOtp,
};
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
    email_redirect_to: Option<String>,
}

impl Arg for CredentialOptions {
    fn read(f: &Fields) -> Result<Self, Error> {
        Ok(CredentialOptions {
            data: f.value("data"),
            should_create_user: f.flag("shouldCreateUser")?,
            email_redirect_to: f.text("emailRedirectTo")?,
        })
    }
}

/// `{ email, token, type }`, `{ phone, token, type }` or `{ token_hash, type }`, with
/// `options.redirectTo`.
impl Arg for VerifyOtp {
    fn read(f: &Fields) -> Result<Self, Error> {
        let kind = f.one_of("type", OtpType::ALL, OtpType::as_str)?;
        let token = || Ok::<_, Error>(f.text("token")?.unwrap_or_default());
        let target = match (f.text("token_hash")?, f.text("phone")?) {
            (Some(hash), _) => OtpTarget::TokenHash(hash),
            (None, Some(phone)) => OtpTarget::Phone {
                phone,
                token: token()?,
            },
            (None, None) => OtpTarget::Email {
                email: f.text("email")?.unwrap_or_default(),
                token: token()?,
            },
        };
        Ok(VerifyOtp {
            target,
            kind: kind.ok_or_else(|| f.bad("type", "is required"))?,
            redirect_to: f.nested("options")?.text("redirectTo")?,
        })
    }
}

/// `{ type, email }` or `{ type, phone }`, with `options.emailRedirectTo`.
struct Resend {
    kind: ResendType,
    address: String,
    redirect_to: Option<String>,
}

impl Arg for Resend {
    fn read(f: &Fields) -> Result<Self, Error> {
        let kind = f.one_of("type", ResendType::ALL, ResendType::as_str)?;
        let address = match f.text("email")? {
            Some(e) => e,
            None => f.text("phone")?.unwrap_or_default(),
        };
        Ok(Resend {
            kind: kind.ok_or_else(|| f.bad("type", "is required"))?,
            address,
            redirect_to: f.nested("options")?.text("emailRedirectTo")?,
        })
    }
}

/// The options object of `resetPasswordForEmail` and `updateUser`: `redirectTo` /
/// `emailRedirectTo`.
struct RedirectOptions(Option<String>);

impl Arg for RedirectOptions {
    fn read(f: &Fields) -> Result<Self, Error> {
        Ok(RedirectOptions(match f.text("redirectTo")? {
            Some(to) => Some(to),
            None => f.text("emailRedirectTo")?,
        }))
    }
}

/// A string argument (`exchangeCodeForSession(authCode)`).
struct Text(String);

impl Arg for Text {
    const OBJECT: bool = false;
    fn read(f: &Fields) -> Result<Self, Error> {
        match f.v {
            Value::String(s) => Ok(Text(s.clone())),
            _ => Err(f.bad("", "must be a string")),
        }
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

impl Arg for UserAttributes {
    fn read(f: &Fields) -> Result<Self, Error> {
        Ok(UserAttributes {
            email: f.text("email")?,
            password: f.text("password")?,
            data: f.value("data"),
            nonce: f.text("nonce")?,
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

/// How a plan's outcome becomes `data`.
#[derive(Clone, Copy)]
enum Shape {
    /// `{ user, session }`.
    UserSession,
    /// `{ user: null, session: null }`.
    NoUser,
    /// `{ user }`.
    User,
    /// The server's answer.
    Answer,
    /// `{}`.
    Empty,
    /// The session itself.
    Session,
    /// An enrollment, its QR code as a data URI.
    Enrolled,
    /// `{ all, totp, phone, webauthn }` from the user.
    Factors,
    /// `{ identities }` from the user.
    Identities,
}

/// A method's plan: its arguments read into the request and the shape of its answer.
type Plan = fn(&Value) -> Result<(Call, Shape), Error>;

/// The one driver of every one-request auth method: the plan (no I/O), the request through
/// [`AuthClient::run`], the answer shaped. One future for all of them in the wasm.
fn run_plan(a: &AuthClient, args: &Value, plan: Plan) -> Step<Value> {
    let (call, shape) = plan(args)?;
    let c = a.clone();
    started(move || then(flow::send(&c, call), move |o| finish(shaped(o, shape))))
}

/// An answer as a method's shape says.
fn shaped(o: Outcome, shape: Shape) -> Value {
    let user = || o.user.as_ref().map_or(Value::Null, |u| u.as_json().clone());
    match shape {
        Shape::UserSession => {
            json!({ "user": user(), "session": session_json(o.session.as_ref()) })
        }
        Shape::NoUser => no_user(),
        Shape::User => json!({ "user": user() }),
        Shape::Answer => o.answer,
        Shape::Empty => json!({}),
        Shape::Session => session_json(o.session.as_ref()),
        Shape::Enrolled => crate::auth::mfa_enrolled(o.answer),
        Shape::Factors => crate::auth::list_factors(&user()),
        Shape::Identities => {
            json!({ "identities": user()["identities"].as_array().cloned().unwrap_or_default() })
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
pub(super) fn sign_up(a: &AuthClient, args: &Value) -> Step<Value> {
    run_plan(a, args, |args| {
        let c: Credentials = read_arg(&args[0], "credentials")?;
        let call = plan::sign_up(&c.email, &c.password, c.options.data)?;
        Ok((call, Shape::UserSession))
    })
}

/// Signs in with email and password.
pub(super) fn sign_in_with_password(a: &AuthClient, args: &Value) -> Step<Value> {
    run_plan(a, args, |args| {
        let c: Credentials = read_arg(&args[0], "credentials")?;
        Ok((
            plan::sign_in_with_password(&c.email, &c.password)?,
            Shape::UserSession,
        ))
    })
}

/// Emails a one-time code. Options: `{ shouldCreateUser, data, emailRedirectTo }`.
pub(super) fn sign_in_with_otp(a: &AuthClient, args: &Value) -> Step<Value> {
    run_plan(a, args, |args| {
        let c: Credentials = read_arg(&args[0], "credentials")?;
        let options = OtpOptions {
            create_user: c.options.should_create_user.unwrap_or(true),
            data: c.options.data,
            redirect_to: c.options.email_redirect_to,
        };
        Ok((plan::sign_in_with_otp(&c.email, &options)?, Shape::NoUser))
    })
}

/// Verifies a code or a token hash.
pub(super) fn verify_otp(a: &AuthClient, args: &Value) -> Step<Value> {
    run_plan(a, args, |args| {
        let p: VerifyOtp = read_arg(&args[0], "params")?;
        Ok((plan::verify_otp(&p)?, Shape::UserSession))
    })
}

/// Signs in as a new anonymous user.
pub(super) fn sign_in_anonymously(a: &AuthClient, args: &Value) -> Step<Value> {
    run_plan(a, args, |args| {
        let c: Credentials = read_arg(&args[0], "credentials")?;
        Ok((
            plan::sign_in_anonymously(c.options.data),
            Shape::UserSession,
        ))
    })
}

/// Refreshes the session now (optionally from `{ refresh_token }`).
pub(super) fn refresh_session(a: &AuthClient, args: &Value) -> Step<Value> {
    let t: Tokens = read_arg(&args[0], "current")?;
    let c = a.clone();
    started(move || {
        then(flow::refresh_session(&c, t.refresh_token.as_deref()), |s| {
            finish(session_answer(s))
        })
    })
}

/// Sets the session from an access and a refresh token.
pub(super) fn set_session(a: &AuthClient, args: &Value) -> Step<Value> {
    let t: Tokens = read_arg(&args[0], "tokens")?;
    let refresh = t.refresh_token.unwrap_or_default();
    let c = a.clone();
    started(move || {
        then(flow::set_session(&c, &t.access_token, &refresh), |s| {
            finish(session_answer(s))
        })
    })
}

/// The current session (refreshed first if expired), or null.
pub(super) fn get_session(a: &AuthClient, _: &Value) -> Step<Value> {
    let c = a.clone();
    started(move || {
        then(flow::get_session(&c), |s| {
            finish(json!({ "session": session_json(s.as_ref()) }))
        })
    })
}

/// The signed-in user, from the server.
pub(super) fn get_user(a: &AuthClient, args: &Value) -> Step<Value> {
    run_plan(a, args, |args| {
        let _ = args;
        Ok((plan::get_user(), Shape::User))
    })
}

/// Changes email, password (with a `nonce`) or metadata (`data`).
pub(super) fn update_user(a: &AuthClient, args: &Value) -> Step<Value> {
    run_plan(a, args, |args| {
        let u: UserAttributes = read_arg(&args[0], "attributes")?;
        let RedirectOptions(to) = read_arg(&args[1], "options")?;
        Ok((plan::update_user(&u, to.as_deref())?, Shape::User))
    })
}

/// Emails a password-recovery code and link.
pub(super) fn reset_password_for_email(a: &AuthClient, args: &Value) -> Step<Value> {
    run_plan(a, args, |args| {
        let Text(email) = read_arg(&args[0], "email")?;
        let RedirectOptions(to) = read_arg(&args[1], "options")?;
        Ok((
            plan::reset_password_for_email(&email, to.as_deref())?,
            Shape::Empty,
        ))
    })
}

/// Signs out: `{ scope: "global" | "local" | "others" }`, global by default.
pub(super) fn sign_out(a: &AuthClient, args: &Value) -> Step<Value> {
    let o: SignOutOptions = read_arg(&args[0], "options")?;
    let c = a.clone();
    started(move || then(flow::sign_out(&c, o.scope), |()| finish(Value::Null)))
}

/// Exchanges a PKCE redirect's code for a session.
pub(super) fn exchange_code_for_session(a: &AuthClient, args: &Value) -> Step<Value> {
    let Text(code) = read_arg(&args[0], "authCode")?;
    let c = a.clone();
    started(move || {
        then(flow::exchange_code(&c, &code), |(s, redirect)| {
            let mut answer = session_answer(s);
            answer["redirectType"] = json!(redirect);
            finish(answer)
        })
    })
}

/// Sends a sign-up or email-change confirmation (or a phone code) again.
pub(super) fn resend(a: &AuthClient, args: &Value) -> Step<Value> {
    run_plan(a, args, |args| {
        let r: Resend = read_arg(&args[0], "credentials")?;
        let call = plan::resend(r.kind, &r.address, r.redirect_to.as_deref())?;
        Ok((call, Shape::NoUser))
    })
}

/// Emails the signed-in user the code a password change may need (`nonce`).
pub(super) fn reauthenticate(a: &AuthClient, args: &Value) -> Step<Value> {
    run_plan(a, args, |args| {
        let _ = args;
        Ok((plan::reauthenticate(), Shape::NoUser))
    })
}

/// Waits for the client's start (the stored session, a redirect's sign-in in the page's URL):
/// `{ error }` names what the redirect brought back, if it failed.
pub(super) fn initialize(a: &AuthClient, _: &Value) -> Step<Value> {
    let c = a.clone();
    started(move || match c.initialize_error() {
        Some(e) => Err(e),
        None => finish(Value::Null),
    })
}

/// `mfa.*` arguments: `{ factorId, challengeId, code, factorType, friendlyName, issuer }`.
struct MfaParams {
    factor_id: String,
    challenge_id: String,
    code: String,
    factor_type: String,
    friendly_name: Option<String>,
    issuer: Option<String>,
}

impl Arg for MfaParams {
    fn read(f: &Fields) -> Result<Self, Error> {
        Ok(MfaParams {
            factor_id: f.text("factorId")?.unwrap_or_default(),
            challenge_id: f.text("challengeId")?.unwrap_or_default(),
            code: f.text("code")?.unwrap_or_default(),
            factor_type: f.text("factorType")?.unwrap_or_default(),
            friendly_name: f.text("friendlyName")?,
            issuer: f.text("issuer")?,
        })
    }
}

/// Enrolls a TOTP factor.
pub(super) fn mfa_enroll(a: &AuthClient, args: &Value) -> Step<Value> {
    run_plan(a, args, |args| {
        let p: MfaParams = read_arg(&args[0], "params")?;
        let call = plan::mfa_enroll(
            &p.factor_type,
            p.friendly_name.as_deref(),
            p.issuer.as_deref(),
        );
        Ok((call, Shape::Enrolled))
    })
}

/// Challenges a factor.
pub(super) fn mfa_challenge(a: &AuthClient, args: &Value) -> Step<Value> {
    run_plan(a, args, |args| {
        let p: MfaParams = read_arg(&args[0], "params")?;
        Ok((plan::mfa_challenge(&p.factor_id)?, Shape::Answer))
    })
}

/// Verifies a code (the session becomes aal2).
pub(super) fn mfa_verify(a: &AuthClient, args: &Value) -> Step<Value> {
    run_plan(a, args, |args| {
        let p: MfaParams = read_arg(&args[0], "params")?;
        let call = plan::mfa_verify(&p.factor_id, &p.challenge_id, &p.code)?;
        Ok((call, Shape::Session))
    })
}

/// Challenges and verifies in one step.
pub(super) fn mfa_challenge_and_verify(a: &AuthClient, args: &Value) -> Step<Value> {
    let p: MfaParams = read_arg(&args[0], "params")?;
    let c = a.clone();
    started(move || {
        then(
            flow::mfa_challenge_and_verify(&c, &p.factor_id, &p.code),
            |s| finish(s.to_json()),
        )
    })
}

/// Removes a factor.
pub(super) fn mfa_unenroll(a: &AuthClient, args: &Value) -> Step<Value> {
    run_plan(a, args, |args| {
        let p: MfaParams = read_arg(&args[0], "params")?;
        Ok((plan::mfa_unenroll(&p.factor_id)?, Shape::Answer))
    })
}

/// The user's factors.
pub(super) fn mfa_list_factors(a: &AuthClient, args: &Value) -> Step<Value> {
    run_plan(a, args, |args| {
        let _ = args;
        Ok((plan::get_user(), Shape::Factors))
    })
}

/// The session's assurance level.
pub(super) fn mfa_assurance_level(a: &AuthClient, _: &Value) -> Step<Value> {
    let c = a.clone();
    started(move || {
        then(flow::mfa_assurance_level(&c), |l| {
            finish(
                json!({ "currentLevel": l.current, "nextLevel": l.next, "currentAuthenticationMethods": l.methods }),
            )
        })
    })
}

/// `getClaims(jwt?, { allowExpired? })`: the verified claims, or null when signed out.
pub(super) fn get_claims(a: &AuthClient, args: &Value) -> Step<Value> {
    let jwt = match &args[0] {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        _ => return Err(Fields::new(&Value::Null, "auth", "jwt")?.bad("", "must be a string")),
    };
    let allow = Fields::new(&args[1], "auth", "options")?
        .flag("allowExpired")?
        .unwrap_or(false);
    let c = a.clone();
    started(move || {
        then(flow::get_claims(&c, jwt.as_deref(), allow), |j| {
            finish(j.map_or(Value::Null, |j| j.to_json()))
        })
    })
}

/// `{ provider, options: { redirectTo, scopes, queryParams, skipBrowserRedirect } }`.
struct OAuthCredentials {
    provider: String,
    options: crate::auth::OAuthOptions,
}

impl Arg for OAuthCredentials {
    fn read(f: &Fields) -> Result<Self, Error> {
        let o = f.nested("options")?;
        let params = o.nested("queryParams")?;
        let mut query_params = Vec::new();
        if let Value::Object(m) = params.v {
            for (k, v) in m {
                match v {
                    Value::String(s) => query_params.push((k.clone(), s.clone())),
                    Value::Null => {}
                    _ => return Err(params.bad(k, "must be a string")),
                }
            }
        }
        Ok(OAuthCredentials {
            provider: f.text("provider")?.unwrap_or_default(),
            options: crate::auth::OAuthOptions {
                redirect_to: o.text("redirectTo")?,
                scopes: o.text("scopes")?,
                query_params,
                skip_browser_redirect: o.flag("skipBrowserRedirect")?.unwrap_or(false),
            },
        })
    }
}

/// `{ provider, token, access_token?, nonce? }`.
struct IdTokenCredentials {
    provider: String,
    token: String,
    access_token: Option<String>,
    nonce: Option<String>,
}

impl Arg for IdTokenCredentials {
    fn read(f: &Fields) -> Result<Self, Error> {
        Ok(IdTokenCredentials {
            provider: f.text("provider")?.unwrap_or_default(),
            token: f.text("token")?.unwrap_or_default(),
            access_token: f.text("access_token")?,
            nonce: f.text("nonce")?,
        })
    }
}

/// An identity, as `getUserIdentities` lists them (`identity_id` is what unlinking needs).
struct IdentityArg(String);

impl Arg for IdentityArg {
    fn read(f: &Fields) -> Result<Self, Error> {
        Ok(IdentityArg(f.text("identity_id")?.unwrap_or_default()))
    }
}

/// The provider's sign-in URL (and, in the browser, the page goes there).
pub(super) fn sign_in_with_oauth(a: &AuthClient, args: &Value) -> Step<Value> {
    let cr: OAuthCredentials = read_arg(&args[0], "credentials")?;
    let c = a.clone();
    started(move || {
        then(
            flow::sign_in_with_oauth(&c, &cr.provider, &cr.options),
            move |url| finish(json!({ "provider": cr.provider, "url": url })),
        )
    })
}

/// A session for a provider's ID token.
pub(super) fn sign_in_with_id_token(a: &AuthClient, args: &Value) -> Step<Value> {
    run_plan(a, args, |args| {
        let c: IdTokenCredentials = read_arg(&args[0], "credentials")?;
        let (access, nonce) = (c.access_token.as_deref(), c.nonce.as_deref());
        let call = plan::sign_in_with_id_token(&c.provider, &c.token, access, nonce)?;
        Ok((call, Shape::UserSession))
    })
}

/// The user's identities.
pub(super) fn get_user_identities(a: &AuthClient, args: &Value) -> Step<Value> {
    run_plan(a, args, |args| {
        let _ = args;
        Ok((plan::get_user(), Shape::Identities))
    })
}

/// Links another provider's identity (the URL; in the browser the page goes there).
pub(super) fn link_identity(a: &AuthClient, args: &Value) -> Step<Value> {
    let cr: OAuthCredentials = read_arg(&args[0], "credentials")?;
    let c = a.clone();
    started(move || {
        then(
            flow::link_identity(&c, &cr.provider, &cr.options),
            move |url| finish(json!({ "provider": cr.provider, "url": url })),
        )
    })
}

/// Unlinks an identity.
pub(super) fn unlink_identity(a: &AuthClient, args: &Value) -> Step<Value> {
    run_plan(a, args, |args| {
        let IdentityArg(id) = read_arg(&args[0], "identity")?;
        Ok((plan::unlink_identity(&id)?, Shape::Answer))
    })
}
