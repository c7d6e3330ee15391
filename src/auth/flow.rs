//! Auth's methods as plain steps (sans I/O), as queries are with [`crate::rest::Exchange`] and
//! workflows with [`crate::domain::flow`].
//!
//! A method is a function from the client (read, never written) and its arguments to a
//! [`Step`]: finished, or one [`Effect`] — a request, a storage read or write, a session to
//! commit, a refresh, a digest, a signature to check, a page to go to — with what to do with its
//! [`Reply`]. The decisions (which token a request carries, when to refresh first, which errors
//! end the session, what a redirect's URL holds) live in these functions and are tested without
//! a server; [`AuthClient::drive`] is the one loop that carries effects out, on each platform
//! through `runtime` and the platform's storage and tabs.

use serde_json::{json, Value};

use super::claims::{decode_jwt, Jwt, JWKS_TTL_MS};
use super::flows::{cleaned_url, parse_callback, Callback};
use super::step::{self, Bearer, Call, Decision, Then};
use super::{
    check_token, done, ends_session, from_answer, mfa, now, pkce, violation, AuthClient, AuthEvent,
    FlowType, OAuthOptions, Outcome, Session, SignOutScope, User,
};
use crate::error::{Error, ErrorCode};
use crate::http::{encode_component, Method, Request};

/// What a step asks its driver to do.
#[derive(Debug)]
pub enum Effect {
    /// Send a request to the auth server; the reply is its status and text.
    Http(Request),
    /// Read the auth storage.
    Load(String),
    /// Write (`Some`) or remove (`None`) an item of the auth storage.
    Store(String, Option<String>),
    /// Set the session in memory only (no storage, no events).
    Put(Option<Session>),
    /// Set (or clear) the session, store it, tell the other tabs and the subscribers.
    Commit(Option<Session>, AuthEvent),
    /// Take a session another client of the storage key wrote, and tell the subscribers.
    Adopt(Option<Session>, AuthEvent),
    /// Refresh with this token, one refresh at a time (per client and, in the browser, across
    /// tabs); `explicit` when the caller named the token.
    Refresh(String, bool),
    /// The PKCE challenge of a code verifier (SHA-256 where the platform has it).
    Challenge(String),
    /// Check a JWT's signature with a JWK: `None` when the platform cannot.
    Verify {
        /// The JWT's `alg`.
        alg: String,
        /// The key.
        jwk: Value,
        /// What the signature signs.
        signed: String,
        /// The signature.
        signature: Vec<u8>,
    },
    /// Keep a fetched JWKS (with the time it was fetched).
    KeepJwks(f64, Value),
    /// Start the browser's refresh tick, cross-tab channel and visibility handling.
    Start,
    /// Send the page to a URL.
    Navigate(String),
    /// Replace the page's URL (history), without loading.
    ReplaceUrl(String),
    /// Wait for the client's start ([`AuthClient::initialize`]), which itself runs [`start`].
    Initialize,
}

/// What the driver answers an [`Effect`] with.
#[derive(Debug)]
pub enum Reply {
    /// [`Effect::Http`]: the status and the text, or the transport's error.
    Http(Result<(u16, String), Error>),
    /// [`Effect::Load`].
    Text(Option<String>),
    /// [`Effect::Refresh`].
    Session(Result<Session, Error>),
    /// [`Effect::Challenge`]: the challenge and its method.
    Challenge(String, &'static str),
    /// [`Effect::Verify`].
    Verified(Option<bool>),
    /// Every other effect.
    Done,
}

type Resume<T> = Box<dyn FnOnce(Reply) -> Step<T>>;

/// A method between two effects, answering a `T` when done.
pub enum Flow<T> {
    /// Finished, with its answer.
    Done(T),
    /// Carry out the effect, then resume with its reply.
    Do(Box<Effect>, Resume<T>),
}

/// A method's state after one decision, or the error that ends it.
pub type Step<T> = Result<Flow<T>, Error>;

impl<T> Flow<T> {
    /// The effect this step asks for (none when done).
    pub fn effect(&self) -> Option<&Effect> {
        match self {
            Flow::Done(_) => None,
            Flow::Do(e, _) => Some(e),
        }
    }

    /// Goes on with the reply to [`Flow::effect`].
    pub fn resume(self, reply: Reply) -> Step<T> {
        match self {
            Flow::Do(_, k) => k(reply),
            done => Ok(done),
        }
    }
}

/// A finished step.
pub fn finish<T>(v: T) -> Step<T> {
    Ok(Flow::Done(v))
}

fn effect<T>(e: Effect, k: impl FnOnce(Reply) -> Step<T> + 'static) -> Step<T> {
    Ok(Flow::Do(Box::new(e), Box::new(k)))
}

// (The reply is not formatted: `Debug` of sessions and JSON would cost the wasm ~10 KB gzip.)
fn unexpected(_: Reply) -> Error {
    Error::new(ErrorCode::Internal, "an auth step got the wrong reply")
}

/// Waits for the client's start, then goes on with `k` (which reads the session as loaded).
pub fn started<T: 'static>(k: impl FnOnce() -> Step<T> + 'static) -> Step<T> {
    then_do(Effect::Initialize, k)
}

/// An effect whose reply says nothing.
fn then_do<T: 'static>(e: Effect, k: impl FnOnce() -> Step<T> + 'static) -> Step<T> {
    effect(e, move |_| k())
}

fn load<T: 'static>(key: String, k: impl FnOnce(Option<String>) -> Step<T> + 'static) -> Step<T> {
    effect(Effect::Load(key), move |r| match r {
        Reply::Text(t) => k(t),
        r => Err(unexpected(r)),
    })
}

fn refresh<T: 'static>(
    token: String,
    explicit: bool,
    k: impl FnOnce(Result<Session, Error>) -> Step<T> + 'static,
) -> Step<T> {
    effect(Effect::Refresh(token, explicit), move |r| match r {
        Reply::Session(s) => k(s),
        r => Err(unexpected(r)),
    })
}

/// When `step` is done, goes on with its answer.
pub fn then<A: 'static, B: 'static>(
    step: Step<A>,
    k: impl FnOnce(A) -> Step<B> + 'static,
) -> Step<B> {
    then_boxed(step, Box::new(k))
}

fn then_boxed<A: 'static, B: 'static>(step: Step<A>, k: Box<dyn FnOnce(A) -> Step<B>>) -> Step<B> {
    match step? {
        Flow::Done(v) => k(v),
        Flow::Do(e, resume) => Ok(Flow::Do(e, Box::new(move |r| then_boxed(resume(r), k)))),
    }
}

/// When `step` ends (answer or error), `k` decides what follows.
fn settle<A: 'static, B: 'static>(
    step: Step<A>,
    k: impl FnOnce(Result<A, Error>) -> Step<B> + 'static,
) -> Step<B> {
    settle_boxed(step, Box::new(k))
}

type Settled<A, B> = Box<dyn FnOnce(Result<A, Error>) -> Step<B>>;

fn settle_boxed<A: 'static, B: 'static>(step: Step<A>, k: Settled<A, B>) -> Step<B> {
    match step {
        Err(e) => k(Err(e)),
        Ok(Flow::Done(v)) => k(Ok(v)),
        Ok(Flow::Do(e, resume)) => Ok(Flow::Do(e, Box::new(move |r| settle_boxed(resume(r), k)))),
    }
}

fn no_session() -> Error {
    Error::new(ErrorCode::Undecodable, "the auth server sent no session")
}

/// The request of `call` (headers as supabase-js sends them), with `token` as its bearer.
pub fn request(
    c: &AuthClient,
    method: Method,
    path: &str,
    body: Option<&Value>,
    token: Option<&str>,
) -> Request {
    let i = &c.inner;
    let mut req = Request::new(method, format!("{}{}", i.url, path))
        .header("apikey", i.api_key.clone())
        .header(
            "Authorization",
            format!("Bearer {}", token.unwrap_or(&i.api_key)),
        )
        .header("X-Supabase-Api-Version", "2024-01-01")
        .header(
            "X-Client-Info",
            concat!("mission-control-sdk/", env!("CARGO_PKG_VERSION")),
        );
    if let Some(b) = body {
        req = req.header("Content-Type", "application/json");
        req.body = Some(crate::json::write(b));
    }
    req.timeout_ms = Some(i.options.request_timeout_ms);
    req
}

/// In the PKCE flow: a new code verifier, kept in the auth storage under supabase-js's key and
/// format, and the request's `code_challenge` and `code_challenge_method` added to `body`; in
/// the implicit flow, `body` as it is.
pub fn pkce_fields(c: &AuthClient, mut body: Value, recovery: bool) -> Step<Value> {
    if c.inner.options.flow_type != FlowType::Pkce {
        return finish(body);
    }
    let verifier = pkce::new_verifier();
    let key = pkce::verifier_key(&c.inner.key);
    let kept = pkce::stored(&verifier, recovery);
    then_do(Effect::Store(key, Some(kept)), move || {
        effect(Effect::Challenge(verifier), move |r| match r {
            Reply::Challenge(challenge, method) => {
                body["code_challenge"] = json!(challenge);
                body["code_challenge_method"] = json!(method);
                finish(body)
            }
            r => Err(unexpected(r)),
        })
    })
}

/// One auth request and what its answer does ([`step::decide`]): the bearer (the session's,
/// refreshed first if it expired), the PKCE fields, the request, and the session kept. A
/// `session_not_found` answer to the session's own token ends the local session (SIGNED_OUT),
/// as supabase-js does.
pub fn send(c: &AuthClient, call: Call) -> Step<Outcome> {
    let Call {
        method,
        path,
        body,
        bearer,
        pkce,
        then: then_,
    } = call;
    let token: Step<Option<String>> = match bearer {
        Bearer::Anon => finish(None),
        Bearer::Token(t) => finish(Some(t)),
        Bearer::Session => then(get_session(c), |s| match s {
            Some(s) => finish(Some(s.access_token)),
            None => Err(Error::new(ErrorCode::NotSignedIn, "not signed in")),
        }),
    };
    let c = c.clone();
    then(token, move |token| {
        let body: Step<Option<Value>> = match (pkce, body) {
            (Some(recovery), Some(b)) => then(pkce_fields(&c, b, recovery), |b| finish(Some(b))),
            (_, b) => finish(b),
        };
        then(body, move |body| {
            let req = request(&c, method, &path, body.as_ref(), token.as_deref());
            effect(Effect::Http(req), move |r| {
                let (status, text) = match r {
                    Reply::Http(r) => r?,
                    r => return Err(unexpected(r)),
                };
                if !(200..300).contains(&status) {
                    let e = from_answer(status, &text);
                    if e.code == ErrorCode::SessionNotFound
                        && token.is_some()
                        && c.access_token() == token
                    {
                        return then_do(Effect::Commit(None, AuthEvent::SignedOut), || Err(e));
                    }
                    return Err(e);
                }
                answered(&c, step::decide(then_, &text)?)
            })
        })
    })
}

/// What a decided answer makes of the session, and the outcome.
fn answered(c: &AuthClient, d: Decision) -> Step<Outcome> {
    let (keep, outcome) = match d {
        Decision::Keep(s, event) => {
            let o = Outcome {
                user: Some(s.user.clone()),
                session: Some(s.clone()),
                answer: Value::Null,
            };
            (Some((s, event)), o)
        }
        Decision::User(user, event) => {
            let keep = match (event, &user, c.session()) {
                (Some(event), Some(u), Some(mut s)) => {
                    s.user = u.clone();
                    Some((s, event))
                }
                _ => None,
            };
            let o = Outcome {
                session: None,
                user,
                answer: Value::Null,
            };
            (keep, o)
        }
        Decision::Answer(answer) => (
            None,
            Outcome {
                session: None,
                user: None,
                answer,
            },
        ),
    };
    match keep {
        Some((s, event)) => then_do(Effect::Commit(Some(s), event), move || finish(outcome)),
        None => finish(outcome),
    }
}

/// The user of an access token that is not (yet) the session's (`GET /user` with it).
pub fn user_of_token(c: &AuthClient, access_token: &str) -> Step<User> {
    let bearer = Bearer::Token(access_token.to_string());
    let call = Call::new(Method::Get, "/user", None, bearer).then(Then::User(None));
    then(send(c, call), |o| {
        finish(o.user.unwrap_or_else(|| User::from_json(Value::Null)))
    })
}

/// The session's user answer of a call whose answer is a session.
pub fn session_of(c: &AuthClient, call: Call) -> Step<Session> {
    then(send(c, call), |o| {
        o.session.map_or_else(|| Err(no_session()), finish)
    })
}

/// The current session, refreshed first if its access token has expired. Storage is the truth
/// (another client of the same key — ours or supabase-js — may have changed it), as supabase-js
/// reads it on every `getSession`.
pub fn get_session(c: &AuthClient) -> Step<Option<Session>> {
    let c2 = c.clone();
    let adopted: Step<()> = if c.inner.options.persist_session {
        load(c.inner.key.clone(), move |text| {
            let stored = text.and_then(|t| Session::from_text(&t));
            if stored == c2.session() {
                return finish(());
            }
            let event = if stored.is_some() {
                AuthEvent::SignedIn
            } else {
                AuthEvent::SignedOut
            };
            then_do(Effect::Adopt(stored, event), || finish(()))
        })
    } else {
        finish(())
    };
    let c = c.clone();
    then(adopted, move |()| match c.session() {
        Some(s) if s.expires_at <= now() + 5 => {
            settle(refresh_session(&c, None), move |r| match r {
                Ok(s) => finish(Some(s)),
                // Only a final failure (which has signed out) is an error here; a passing one
                // leaves the session as it was.
                Err(e) if ends_session(&e) => Err(e),
                Err(_) => finish(c.session()),
            })
        }
        other => finish(other),
    })
}

/// Refreshes now: with `refresh_token`, or the session's.
pub fn refresh_session(c: &AuthClient, refresh_token: Option<&str>) -> Step<Session> {
    let token = match refresh_token {
        Some(t) => t.to_string(),
        None => c
            .session()
            .map(|s| s.refresh_token)
            .ok_or_else(|| Error::new(ErrorCode::NotSignedIn, "no session to refresh"))?,
    };
    let mut v = Vec::new();
    check_token("refresh_token", &token, &mut v);
    done(v)?;
    refresh(token, refresh_token.is_some(), |r| finish(r?))
}

/// What one refresh does (the platform runs it one at a time): unless the caller named the
/// token, a session another tab already rotated is taken from storage instead of sending the
/// old refresh token (GoTrue would see a reuse); else one refresh with `token`, where a final
/// failure (token unknown or reused, session gone) signs out and a passing one (network, 5xx)
/// keeps the session.
pub fn refresh_once(c: &AuthClient, token: String, explicit: bool) -> Step<Session> {
    if !c.inner.options.persist_session || explicit {
        return refresh_with(c, token);
    }
    let c = c.clone();
    load(c.inner.key.clone(), move |text| {
        if let Some(s) = text.and_then(|t| Session::from_text(&t)) {
            if s.refresh_token != token && s.expires_at > now() {
                if c.session().as_ref() == Some(&s) {
                    return finish(s);
                }
                return then_do(
                    Effect::Adopt(Some(s.clone()), AuthEvent::TokenRefreshed),
                    || finish(s),
                );
            }
        }
        refresh_with(&c, token)
    })
}

/// One refresh with `token`.
pub fn refresh_with(c: &AuthClient, token: String) -> Step<Session> {
    let call = Call::post(
        "/token?grant_type=refresh_token",
        json!({ "refresh_token": token }),
    )
    .then(Then::Session(AuthEvent::TokenRefreshed));
    let c = c.clone();
    settle(send(&c, call), move |r| match r {
        Ok(o) => o.session.map_or_else(|| Err(no_session()), finish),
        Err(e) if ends_session(&e) && c.session().is_some_and(|s| s.refresh_token == token) => {
            then_do(Effect::Commit(None, AuthEvent::SignedOut), || Err(e))
        }
        Err(e) => Err(e),
    })
}

/// Starts a session from tokens obtained elsewhere (refreshing at once if the access token
/// has expired).
pub fn set_session(c: &AuthClient, access_token: &str, refresh_token: &str) -> Step<Session> {
    let mut v = Vec::new();
    check_token("access_token", access_token, &mut v);
    check_token("refresh_token", refresh_token, &mut v);
    done(v)?;
    let exp = super::session::jwt_exp(access_token).ok_or_else(|| {
        Error::validation(vec![violation(
            "access_token",
            "must be a JWT with an exp claim",
            Value::Null,
        )])
    })?;
    if exp <= now() {
        return refresh_with(c, refresh_token.to_string());
    }
    let (access, refresh) = (access_token.to_string(), refresh_token.to_string());
    then(user_of_token(c, access_token), move |user| {
        let s = Session {
            access_token: access,
            refresh_token: refresh,
            expires_in: exp - now(),
            expires_at: exp,
            token_type: "bearer".into(),
            user,
            extra: serde_json::Map::new(),
        };
        then_do(Effect::Commit(Some(s.clone()), AuthEvent::SignedIn), || {
            finish(s)
        })
    })
}

/// Signs out: `global` (every session of the user), `local` (this one) or `others`. The
/// session is revoked on the server for real: an expired access token is refreshed first (it
/// could not authorise the logout), and an error is reported when revocation did not happen
/// (network, 5xx — the local session is then kept, as supabase-js does). A session the server
/// no longer knows counts as signed out.
pub fn sign_out(c: &AuthClient, scope: SignOutScope) -> Step<()> {
    let Some(s) = c.session() else {
        return finish(());
    };
    // `Ok(None)`: gone on the server already (the refresh has signed out locally).
    let token: Step<Option<String>> = if s.expires_at <= now() + 5 {
        settle(refresh_session(c, None), |r| match r {
            Ok(fresh) => finish(Some(fresh.access_token)),
            Err(e) if ends_session(&e) => finish(None),
            Err(e) => Err(e),
        })
    } else {
        finish(Some(s.access_token))
    };
    let c = c.clone();
    then(token, move |token| {
        let Some(token) = token else {
            return finish(());
        };
        let path = format!("/logout?scope={}", scope.as_str());
        let logout = move |c: &AuthClient, token: String| {
            send(
                c,
                Call::new(Method::Post, path.clone(), None, Bearer::Token(token)),
            )
        };
        let c2 = c.clone();
        let first = settle(logout(&c, token), move |r| match r {
            // Expired in flight (or the clock is off): one refresh, one more try.
            Err(e) if e.status == 401 => {
                settle(refresh_session(&c2, None), move |fresh| match fresh {
                    Ok(fresh) => logout(&c2, fresh.access_token),
                    Err(_) => Err(e),
                })
            }
            r => r.map_or_else(Err, finish),
        });
        settle(first, move |result| {
            let outcome = match result {
                Ok(_) => Ok(()),
                Err(e) if e.code == ErrorCode::SessionNotFound || e.status == 404 => Ok(()),
                // Not revoked, and the token cannot do it: report it, but drop the useless
                // session.
                Err(e) if matches!(e.status, 401 | 403) => Err(e),
                Err(e) => return Err(e),
            };
            if scope != SignOutScope::Others && c.session().is_some() {
                return then_do(Effect::Commit(None, AuthEvent::SignedOut), move || {
                    outcome.map_or_else(Err, finish)
                });
            }
            outcome.map_or_else(Err, finish)
        })
    })
}

/// Exchanges a PKCE redirect's code for a session with the code verifier kept when the flow
/// began (SIGNED_IN; PASSWORD_RECOVERY for a recovery flow); the verifier is removed either
/// way. Answers the session and the redirect type (`Some("recovery")`).
pub fn exchange_code(c: &AuthClient, auth_code: &str) -> Step<(Session, Option<&'static str>)> {
    let mut v = Vec::new();
    check_token("auth_code", auth_code, &mut v);
    done(v)?;
    let key = pkce::verifier_key(&c.inner.key);
    let (c, code) = (c.clone(), auth_code.to_string());
    load(key.clone(), move |stored| {
        let Some((verifier, recovery)) = stored.as_deref().and_then(pkce::read_stored) else {
            return Err(Error::new(
                ErrorCode::PkceCodeVerifierNotFound,
                "PKCE code verifier not found in storage: the flow began in another browser, or its storage was cleared",
            ));
        };
        let event = if recovery {
            AuthEvent::PasswordRecovery
        } else {
            AuthEvent::SignedIn
        };
        let body = json!({"auth_code": code, "code_verifier": verifier});
        let call = Call::post("/token?grant_type=pkce", body).then(Then::Session(event));
        settle(send(&c, call), move |answer| {
            then_do(Effect::Store(key, None), move || {
                let session = answer?.session.ok_or_else(no_session)?;
                finish((session, recovery.then_some("recovery")))
            })
        })
    })
}

/// Finishes the sign-in a redirect left in `url` (the page's address), as supabase-js's
/// `detectSessionInUrl` does: exchanges PKCE's code (when this storage holds a code verifier:
/// a `?code=` of anything else is not ours), or starts the session from the implicit flow's
/// tokens (asking the server for the user). `None` when the URL holds nothing for auth; the
/// error the server sent back in it, if any.
pub fn session_from_url(c: &AuthClient, url: &str) -> Step<Option<Session>> {
    let pkce = c.inner.options.flow_type == FlowType::Pkce;
    let mismatch = |flow: &str| {
        Error::new(
            ErrorCode::AuthError,
            format!("Not a valid {flow} flow url."),
        )
    };
    match parse_callback(url) {
        Callback::None => finish(None),
        Callback::Error {
            error,
            code,
            description,
        } => {
            let mut e = Error::new(ErrorCode::AuthError, description);
            e.details = Some(format!("error: {error}, code: {code}"));
            e.server_code = Some(code);
            Err(e)
        }
        Callback::Code(code) => {
            let c = c.clone();
            load(pkce::verifier_key(&c.inner.key), move |verifier| {
                if verifier.is_none() {
                    return finish(None);
                }
                if !pkce {
                    return Err(mismatch("implicit grant"));
                }
                then(exchange_code(&c, &code), |(s, _)| finish(Some(s)))
            })
        }
        Callback::Tokens { .. } if pkce => Err(mismatch("PKCE")),
        Callback::Tokens {
            access_token,
            refresh_token,
            expires_in,
            expires_at,
            kind,
            provider_token,
            provider_refresh_token,
        } => then(user_of_token(c, &access_token), move |user| {
            let mut extra = serde_json::Map::new();
            if let Some(t) = provider_token {
                extra.insert("provider_token".into(), json!(t));
            }
            if let Some(t) = provider_refresh_token {
                extra.insert("provider_refresh_token".into(), json!(t));
            }
            let session = Session {
                access_token,
                refresh_token,
                expires_in,
                expires_at: expires_at.unwrap_or(now() + expires_in),
                token_type: "bearer".into(),
                user,
                extra,
            };
            let event = if kind == "recovery" {
                AuthEvent::PasswordRecovery
            } else {
                AuthEvent::SignedIn
            };
            then_do(Effect::Commit(Some(session.clone()), event), move || {
                finish(Some(session))
            })
        }),
    }
}

/// The client's start: the stored session; in the browser, a redirect's sign-in finished from
/// `page` (the page's URL; the URL then without the parameters read), then the tick, the
/// cross-tab channel and the visibility handling. Answers the redirect's error, if it brought
/// one (the URL is then left as it is, as supabase-js does).
pub fn start(c: &AuthClient, page: Option<String>) -> Step<Option<Error>> {
    let loaded: Step<()> = if c.inner.options.persist_session {
        load(c.inner.key.clone(), |text| {
            match text.and_then(|t| Session::from_text(&t)) {
                Some(s) => then_do(Effect::Put(Some(s)), || finish(())),
                None => finish(()),
            }
        })
    } else {
        finish(())
    };
    let detect = c.inner.options.detect_session_in_url;
    let c = c.clone();
    then(loaded, move |()| {
        let url = page.filter(|u| detect && parse_callback(u) != Callback::None);
        let detected: Step<Option<Error>> = match url {
            None => finish(None),
            Some(url) => {
                let tokens = matches!(parse_callback(&url), Callback::Tokens { .. });
                settle(session_from_url(&c, &url), move |r| match r {
                    Ok(Some(_)) => then_do(Effect::ReplaceUrl(cleaned_url(&url, tokens)), || {
                        finish(None)
                    }),
                    Ok(None) => finish(None),
                    Err(e) => finish(Some(e)),
                })
            }
        };
        then(detected, |error| {
            then_do(Effect::Start, move || finish(error))
        })
    })
}

/// The claims of `jwt` (the session's access token when `None`; `None` when signed out),
/// verified: an asymmetric signature against the project's JWKS (kept 10 minutes, fetched again
/// for an unknown `kid`), anything else by the server (`GET /user`). An expired token is refused
/// unless `allow_expired`.
pub fn get_claims(c: &AuthClient, jwt: Option<&str>, allow_expired: bool) -> Step<Option<Jwt>> {
    let token: Step<Option<String>> = match jwt {
        Some(t) => finish(Some(t.to_string())),
        None => then(get_session(c), |s| finish(s.map(|s| s.access_token))),
    };
    let c = c.clone();
    then(token, move |token| {
        let Some(token) = token else {
            return finish(None);
        };
        let decoded = decode_jwt(&token)?;
        if !allow_expired {
            match decoded.claims["exp"].as_f64() {
                None => return Err(super::claims::invalid("Missing exp claim")),
                Some(exp) if exp <= (crate::runtime::now_millis() / 1000.0).floor() => {
                    return Err(super::claims::invalid("JWT has expired"))
                }
                Some(_) => {}
            }
        }
        let alg = decoded.header["alg"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let kid = decoded.header["kid"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let key: Step<Option<Value>> = if alg.is_empty() || alg.starts_with("HS") || kid.is_empty()
        {
            finish(None)
        } else {
            signing_key(&c, kid)
        };
        then(key, move |key| {
            let verified: Step<Option<bool>> = match key {
                Some(jwk) => {
                    let e = Effect::Verify {
                        alg,
                        jwk,
                        signed: decoded.signed.clone(),
                        signature: decoded.signature.clone(),
                    };
                    effect(e, |r| match r {
                        Reply::Verified(v) => finish(v),
                        r => Err(unexpected(r)),
                    })
                }
                None => finish(None),
            };
            then(verified, move |verified| match verified {
                Some(true) => finish(Some(decoded)),
                Some(false) => Err(super::claims::invalid("Invalid JWT signature")),
                None => {
                    // The server is the judge: `GET /user` with the token.
                    let call = Call::new(Method::Get, "/user", None, Bearer::Token(token))
                        .then(Then::User(None));
                    then(send(&c, call), move |_| finish(Some(decoded)))
                }
            })
        })
    })
}

/// The JWK of `kid`: from the kept JWKS while it is fresh, else fetched again (also when it
/// lacks the `kid`: a key newer than the set in hand, which an HTTP cache would hand back
/// again, so the request names it). `None` when the project has no such key.
fn signing_key(c: &AuthClient, kid: String) -> Step<Option<Value>> {
    let find = |jwks: &Value, kid: &str| {
        jwks["keys"]
            .as_array()
            .and_then(|keys| keys.iter().find(|k| k["kid"] == kid).cloned())
    };
    let now = crate::runtime::now_millis();
    let mut path = "/.well-known/jwks.json".to_string();
    if let Some((at, jwks)) = c.inner.jwks.borrow().as_ref() {
        if now - at < JWKS_TTL_MS {
            if let Some(k) = find(jwks, &kid) {
                return finish(Some(k));
            }
            path = format!("{path}?kid={}", encode_component(&kid));
        }
    }
    let call = Call::new(Method::Get, path, None, Bearer::Anon);
    then(send(c, call), move |o| {
        let jwks = o.answer;
        let key = find(&jwks, &kid);
        if jwks["keys"].as_array().is_some_and(|k| !k.is_empty()) {
            return then_do(Effect::KeepJwks(now, jwks), move || finish(key));
        }
        finish(key)
    })
}

/// `path` (under `/auth/v1`) with supabase-js's query: provider, redirect_to, scopes, the PKCE
/// challenge (in the PKCE flow; its verifier kept), the query params, and
/// `skip_http_redirect=true` where asked.
fn provider_query(
    c: &AuthClient,
    path: &str,
    provider: &str,
    o: &OAuthOptions,
    skip: bool,
) -> Step<String> {
    let mut q = vec![format!("provider={}", encode_component(provider))];
    if let Some(to) = &o.redirect_to {
        q.push(format!("redirect_to={}", encode_component(to)));
    }
    if let Some(s) = &o.scopes {
        q.push(format!("scopes={}", encode_component(s)));
    }
    let mut after = Vec::new();
    for (k, v) in &o.query_params {
        after.push(format!("{}={}", encode_component(k), encode_component(v)));
    }
    if skip {
        after.push("skip_http_redirect=true".into());
    }
    let path = path.to_string();
    then(pkce_fields(c, json!({}), false), move |pkce| {
        if let (Some(ch), Some(m)) = (
            pkce["code_challenge"].as_str(),
            pkce["code_challenge_method"].as_str(),
        ) {
            q.push(format!(
                "code_challenge={}&code_challenge_method={m}",
                encode_component(ch)
            ));
        }
        q.extend(after);
        finish(format!("{path}?{}", q.join("&")))
    })
}

/// Goes to `url` unless told not to; answers it.
fn go(url: String, skip: bool) -> Step<String> {
    if skip {
        return finish(url);
    }
    then_do(Effect::Navigate(url.clone()), move || finish(url))
}

/// The URL that signs in through `provider` (GoTrue's `/authorize`); in the browser the page
/// goes there unless `skip_browser_redirect`.
pub fn sign_in_with_oauth(c: &AuthClient, provider: &str, o: &OAuthOptions) -> Step<String> {
    let mut v = Vec::new();
    check_token("provider", provider, &mut v);
    done(v)?;
    let (base, skip) = (c.inner.url.clone(), o.skip_browser_redirect);
    then(
        provider_query(c, "/authorize", provider, o, false),
        move |q| go(format!("{base}{q}"), skip),
    )
}

/// The URL that links `provider`'s identity to the signed-in user (GoTrue's
/// `/user/identities/authorize`); in the browser the page goes there unless
/// `skip_browser_redirect`.
pub fn link_identity(c: &AuthClient, provider: &str, o: &OAuthOptions) -> Step<String> {
    let mut v = Vec::new();
    check_token("provider", provider, &mut v);
    done(v)?;
    let (c2, skip) = (c.clone(), o.skip_browser_redirect);
    then(
        provider_query(c, "/user/identities/authorize", provider, o, true),
        move |path| {
            then(
                send(&c2, Call::signed_in(Method::Get, path, None)),
                move |o| {
                    let url = o.answer["url"]
                        .as_str()
                        .ok_or_else(|| {
                            Error::new(ErrorCode::Undecodable, "the auth server sent no url")
                        })?
                        .to_string();
                    go(url, skip)
                },
            )
        },
    )
}

/// A challenge of a factor and its verification in one step (the session, now `aal2`, kept).
pub fn mfa_challenge_and_verify(c: &AuthClient, factor_id: &str, code: &str) -> Step<Session> {
    let challenge = super::plan::mfa_challenge(factor_id)?;
    let (c, factor, code) = (c.clone(), factor_id.to_string(), code.to_string());
    then(send(&c, challenge), move |o| {
        // The challenge's id from the answer itself: no typed decoding on the path the JS
        // surface takes (it would bring serde's deserializer into the wasm, ~19 KB gzip).
        let id = o.answer["id"].as_str().unwrap_or_default();
        session_of(&c, super::plan::mfa_verify(&factor, id, &code)?)
    })
}

/// The session's assurance level, read from its access token (no request).
pub fn mfa_assurance_level(c: &AuthClient) -> Step<mfa::AssuranceLevel> {
    then(get_session(c), |s| {
        finish(match s {
            Some(s) => mfa::assurance_level(&s),
            None => mfa::AssuranceLevel {
                current: None,
                next: None,
                methods: json!([]),
            },
        })
    })
}

#[cfg(test)]
mod tests {
    //! The auth methods' decisions, driven by written replies: no server, no storage, every
    //! effect checked in order.

    use super::*;
    use crate::auth::{base64url_encode, AuthOptions};

    fn client(options: AuthOptions) -> AuthClient {
        AuthClient::new(
            "http://127.0.0.1:1/auth/v1".into(),
            "anon".into(),
            crate::http::Transport::default(),
            options,
            "http://127.0.0.1:1",
        )
    }

    fn session(access: &str, refresh: &str, expires_at: i64) -> Session {
        Session {
            access_token: access.into(),
            refresh_token: refresh.into(),
            expires_in: 3600,
            expires_at,
            token_type: "bearer".into(),
            user: User::from_json(json!({"id": "u1"})),
            extra: serde_json::Map::new(),
        }
    }

    fn signed_in(expires_at: i64) -> AuthClient {
        let c = client(AuthOptions::default());
        c.put(Some(session("at", "rt", expires_at)));
        c
    }

    fn seen(e: &Effect) -> String {
        match e {
            Effect::Http(r) => {
                let auth = r
                    .headers
                    .iter()
                    .find(|(k, _)| k == "Authorization")
                    .map_or("", |(_, v)| v.as_str());
                let path = r.url.split("/auth/v1").nth(1).unwrap_or(&r.url);
                format!("{} {path} ({auth})", r.method.as_str())
            }
            Effect::Load(k) => format!("load {k}"),
            Effect::Store(k, v) => format!("store {k} {}", v.is_some()),
            Effect::Put(s) => format!("put {}", s.is_some()),
            Effect::Commit(s, ev) => format!("commit {} {}", s.is_some(), ev.as_str()),
            Effect::Adopt(s, ev) => format!("adopt {} {}", s.is_some(), ev.as_str()),
            Effect::Refresh(t, explicit) => format!("refresh {t} {explicit}"),
            Effect::Challenge(_) => "challenge".into(),
            Effect::Verify { alg, .. } => format!("verify {alg}"),
            Effect::KeepJwks(..) => "keep jwks".into(),
            Effect::Start => "start".into(),
            Effect::Navigate(u) => format!("navigate {u}"),
            Effect::ReplaceUrl(u) => format!("replace url {u}"),
            Effect::Initialize => "initialize".into(),
        }
    }

    /// Runs `step`, answering each effect with the next written reply (effects that need no
    /// reply are answered `Done` without one); returns the effects, one line each, and the end.
    fn run<T>(mut step: Step<T>, mut replies: Vec<Reply>) -> (Vec<String>, Result<T, Error>) {
        replies.reverse();
        let mut log = Vec::new();
        loop {
            match step {
                Err(e) => return (log, Err(e)),
                Ok(Flow::Done(v)) => return (log, Ok(v)),
                Ok(Flow::Do(e, k)) => {
                    log.push(seen(&e));
                    let quiet = matches!(
                        *e,
                        Effect::Store(..)
                            | Effect::Put(_)
                            | Effect::Commit(..)
                            | Effect::Adopt(..)
                            | Effect::KeepJwks(..)
                            | Effect::Start
                            | Effect::Navigate(_)
                            | Effect::ReplaceUrl(_)
                            | Effect::Initialize
                    );
                    let reply = if quiet {
                        Reply::Done
                    } else {
                        replies
                            .pop()
                            .unwrap_or_else(|| panic!("no reply written for {log:?}"))
                    };
                    step = k(reply);
                }
            }
        }
    }

    fn http(status: u16, body: &str) -> Reply {
        Reply::Http(Ok((status, body.into())))
    }

    fn gone() -> Error {
        from_answer(
            400,
            r#"{"code":400,"error_code":"refresh_token_not_found","msg":"Invalid Refresh Token: Refresh Token Not Found"}"#,
        )
    }

    #[test]
    fn signing_out_sends_the_logout_with_the_session_s_token_then_clears_it() {
        let c = signed_in(now() + 3600);
        let (log, r) = run(sign_out(&c, SignOutScope::Global), vec![http(204, "")]);
        assert_eq!(
            log,
            [
                "POST /logout?scope=global (Bearer at)",
                "commit false SIGNED_OUT"
            ]
        );
        assert!(r.is_ok());
    }

    #[test]
    fn an_expired_session_is_refreshed_before_the_logout() {
        let c = signed_in(now() - 10);
        let fresh = session("at2", "rt2", now() + 3600);
        let (log, r) = run(
            sign_out(&c, SignOutScope::Local),
            vec![Reply::Session(Ok(fresh)), http(204, "")],
        );
        assert_eq!(log[0], "refresh rt false");
        assert_eq!(log[1], "POST /logout?scope=local (Bearer at2)");
        assert!(r.is_ok());
    }

    #[test]
    fn a_session_the_server_forgot_counts_as_signed_out_without_a_logout() {
        let c = signed_in(now() - 10);
        let (log, r) = run(
            sign_out(&c, SignOutScope::Global),
            vec![Reply::Session(Err(gone()))],
        );
        assert_eq!(log, ["refresh rt false"]);
        assert!(r.is_ok());
    }

    #[test]
    fn a_logout_refused_401_is_tried_once_more_after_a_refresh() {
        let c = signed_in(now() + 3600);
        let expired = r#"{"code":401,"error_code":"bad_jwt","msg":"token is expired"}"#;
        let fresh = session("at2", "rt2", now() + 3600);
        let (log, r) = run(
            sign_out(&c, SignOutScope::Global),
            vec![http(401, expired), Reply::Session(Ok(fresh)), http(204, "")],
        );
        assert_eq!(
            log,
            [
                "POST /logout?scope=global (Bearer at)",
                "refresh rt false",
                "POST /logout?scope=global (Bearer at2)",
                "commit false SIGNED_OUT"
            ]
        );
        assert!(r.is_ok());
    }

    #[test]
    fn a_logout_that_failed_on_the_network_keeps_the_session() {
        let c = signed_in(now() + 3600);
        let down = Reply::Http(Err(Error::new(ErrorCode::Network, "offline")));
        let (log, r) = run(sign_out(&c, SignOutScope::Global), vec![down]);
        assert_eq!(log.len(), 1, "{log:?}");
        assert_eq!(r.unwrap_err().code, ErrorCode::Network);
    }

    #[test]
    fn get_session_takes_what_another_client_stored() {
        let c = signed_in(now() + 3600);
        let other = session("at9", "rt9", now() + 3600);
        let text = crate::json::write(&other.to_json());
        let (log, r) = run(get_session(&c), vec![Reply::Text(Some(text))]);
        assert_eq!(log[1], "adopt true SIGNED_IN");
        // The adoption is the driver's; the answer is what the client then holds.
        assert_eq!(r.unwrap().map(|s| s.access_token), Some("at".into()));
    }

    #[test]
    fn a_refresh_finds_the_token_another_tab_rotated_and_sends_nothing() {
        let c = signed_in(now() + 3600);
        let rotated = session("at5", "rt5", now() + 3600);
        let text = crate::json::write(&rotated.to_json());
        let (log, r) = run(
            refresh_once(&c, "rt".into(), false),
            vec![Reply::Text(Some(text))],
        );
        assert_eq!(log.len(), 2);
        assert_eq!(log[1], "adopt true TOKEN_REFRESHED");
        assert_eq!(r.unwrap().refresh_token, "rt5");
    }

    #[test]
    fn a_final_refresh_failure_of_the_session_s_token_signs_out() {
        let c = signed_in(now() + 3600);
        let answer = r#"{"code":400,"error_code":"refresh_token_already_used","msg":"Invalid Refresh Token: Already Used"}"#;
        let (log, r) = run(refresh_with(&c, "rt".into()), vec![http(400, answer)]);
        assert_eq!(
            log,
            [
                "POST /token?grant_type=refresh_token (Bearer anon)",
                "commit false SIGNED_OUT"
            ]
        );
        assert!(ends_session(&r.unwrap_err()));
    }

    #[test]
    fn a_code_without_its_verifier_is_refused_before_any_request() {
        let c = client(AuthOptions {
            flow_type: FlowType::Pkce,
            ..AuthOptions::default()
        });
        let (log, r) = run(exchange_code(&c, "abc"), vec![Reply::Text(None)]);
        assert_eq!(log.len(), 1, "{log:?}");
        assert_eq!(r.unwrap_err().code, ErrorCode::PkceCodeVerifierNotFound);
    }

    #[test]
    fn an_exchange_removes_the_verifier_whatever_the_answer() {
        let c = client(AuthOptions {
            flow_type: FlowType::Pkce,
            ..AuthOptions::default()
        });
        let stored = pkce::stored("v", false);
        let refused =
            r#"{"code":403,"error_code":"flow_state_not_found","msg":"invalid flow state"}"#;
        let (log, r) = run(
            exchange_code(&c, "abc"),
            vec![Reply::Text(Some(stored)), http(403, refused)],
        );
        assert_eq!(log[1], "POST /token?grant_type=pkce (Bearer anon)");
        assert!(
            log[2].starts_with("store ") && log[2].ends_with(" false"),
            "{log:?}"
        );
        assert!(r.is_err());
    }

    #[test]
    fn the_start_reports_a_redirect_s_error_and_leaves_the_url() {
        let c = client(AuthOptions::default());
        let url = "https://app.test/#error=access_denied&error_code=otp_expired&error_description=Email+link+is+invalid";
        let (log, r) = run(start(&c, Some(url.into())), vec![Reply::Text(None)]);
        assert_eq!(log.last().map(String::as_str), Some("start"));
        assert!(!log.iter().any(|l| l.starts_with("replace url")), "{log:?}");
        let e = r.unwrap().expect("the redirect's error");
        assert_eq!(e.server_code.as_deref(), Some("otp_expired"));
    }

    #[test]
    fn an_expired_jwt_is_refused_before_any_effect() {
        let c = client(AuthOptions::default());
        let b64 = |v: Value| base64url_encode(crate::json::write(&v).as_bytes());
        let jwt = format!(
            "{}.{}.{}",
            b64(json!({"alg": "HS256"})),
            b64(json!({"exp": 1000})),
            b64(json!("sig"))
        );
        let (log, r) = run(get_claims(&c, Some(&jwt), false), vec![]);
        assert!(log.is_empty());
        assert_eq!(r.unwrap_err().code, ErrorCode::InvalidJwt);
        // Allowed expired, a symmetric token is the server's to judge.
        let (log, _) = run(
            get_claims(&c, Some(&jwt), true),
            vec![http(200, r#"{"id":"u1"}"#)],
        );
        assert_eq!(log, [format!("GET /user (Bearer {jwt})")]);
    }
}
