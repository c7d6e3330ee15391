//! Auth requests as data, and what their answers mean, without I/O: an auth method is a
//! [`Call`] — the request, whose token it carries, whether it begins a PKCE flow, what to do
//! with the answer — and [`decide`] reads an answer into a [`Decision`]. One driver
//! ([`super::AuthClient::run`]) sends calls and carries decisions out, for every method: the
//! decisions are tested here without a server, and the wasm holds one request path instead of
//! one per method.

use serde_json::Value;

use super::{AuthEvent, Session, User};
use crate::error::{Error, ErrorCode};
use crate::http::Method;

/// Whose token a request carries.
#[derive(Debug, Clone, PartialEq)]
pub enum Bearer {
    /// The API key (no user).
    Anon,
    /// The current session's access token (refreshed first if expired; `not_signed_in`
    /// without a session).
    Session,
    /// This access token.
    Token(String),
}

/// What an answer does to the session.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Then {
    /// The answer is a session: keep it, with this event.
    Session(AuthEvent),
    /// A session if the answer holds one (kept, with this event); else the user it holds.
    SessionOrUser(AuthEvent),
    /// The answer is the user; with an event, the current session takes it and is kept.
    User(Option<AuthEvent>),
    /// Nothing to keep: the answer is handed back as it is.
    Nothing,
}

/// One auth request and what its answer does.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    /// The HTTP method.
    pub method: Method,
    /// The path under `/auth/v1`, with its query.
    pub path: String,
    /// The JSON body.
    pub body: Option<Value>,
    /// Whose token it carries.
    pub bearer: Bearer,
    /// In the PKCE flow, whether the request begins one (`Some(recovery)`): a code verifier
    /// is kept and its challenge sent.
    pub pkce: Option<bool>,
    /// What the answer does.
    pub then: Then,
}

impl Call {
    /// A request whose answer is handed back.
    pub fn new(
        method: Method,
        path: impl Into<String>,
        body: Option<Value>,
        bearer: Bearer,
    ) -> Call {
        Call {
            method,
            path: path.into(),
            body,
            bearer,
            pkce: None,
            then: Then::Nothing,
        }
    }

    /// A `POST` with the API key whose answer is handed back.
    pub fn post(path: impl Into<String>, body: Value) -> Call {
        Call::new(Method::Post, path, Some(body), Bearer::Anon)
    }

    /// A request of `method` with the session's token whose answer is handed back.
    pub fn signed_in(method: Method, path: impl Into<String>, body: Option<Value>) -> Call {
        Call::new(method, path, body, Bearer::Session)
    }

    /// The same call, whose answer does `then`.
    pub fn then(mut self, then: Then) -> Call {
        self.then = then;
        self
    }

    /// The same call, beginning a PKCE flow where the client's flow is PKCE.
    pub fn pkce(mut self, recovery: bool) -> Call {
        self.pkce = Some(recovery);
        self
    }
}

/// What an answer means.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// Keep this session and tell the subscribers.
    Keep(Session, AuthEvent),
    /// The user the answer holds; with an event, the current session takes it.
    User(Option<User>, Option<AuthEvent>),
    /// The answer itself (`null` for an empty one).
    Answer(Value),
}

/// Reads `body` (a 2xx answer's text) as `then` says.
pub fn decide(then: Then, body: &str) -> Result<Decision, Error> {
    let v: Value = if body.trim().is_empty() {
        Value::Null
    } else {
        crate::json::parse(body)
            .map_err(|e| Error::new(ErrorCode::Undecodable, format!("auth answer: {e}")))?
    };
    let session_in = |v: &Value| v.get("access_token").is_some();
    Ok(match then {
        Then::Session(event) if session_in(&v) => Decision::Keep(Session::from_json(v)?, event),
        Then::Session(_) => {
            return Err(Error::new(
                ErrorCode::Undecodable,
                "the auth server sent no session",
            ))
        }
        Then::SessionOrUser(event) if session_in(&v) => {
            Decision::Keep(Session::from_json(v)?, event)
        }
        Then::SessionOrUser(_) => {
            // supabase-js: `data.user`, or the answer itself when it is a user (has an id).
            let user = match v.get("user") {
                Some(u) if u.is_object() => Some(User::from_json(u.clone())),
                _ if v.get("id").is_some_and(Value::is_string) => Some(User::from_json(v)),
                _ => None,
            };
            Decision::User(user, None)
        }
        Then::User(event) => Decision::User(Some(User::from_json(v)), event),
        Then::Nothing => Decision::Answer(v),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn session_text() -> String {
        json!({"access_token": "a.b.c", "refresh_token": "r", "expires_in": 3600, "expires_at": 4_000_000_000_i64,
               "token_type": "bearer", "user": {"id": "u1", "email": "a@b.co"}})
        .to_string()
    }

    #[test]
    fn a_session_answer_is_kept_with_its_event() {
        match decide(Then::Session(AuthEvent::TokenRefreshed), &session_text()).unwrap() {
            Decision::Keep(s, e) => {
                assert_eq!(
                    (s.access_token.as_str(), e),
                    ("a.b.c", AuthEvent::TokenRefreshed)
                )
            }
            other => panic!("{other:?}"),
        }
        let e = decide(Then::Session(AuthEvent::SignedIn), "{}").unwrap_err();
        assert_eq!(
            (e.code, e.message.as_str()),
            (ErrorCode::Undecodable, "the auth server sent no session")
        );
        let e = decide(Then::Session(AuthEvent::SignedIn), "{nope").unwrap_err();
        assert_eq!(e.code, ErrorCode::Undecodable);
    }

    #[test]
    fn session_or_user_reads_supabase_js_three_shapes() {
        assert!(matches!(
            decide(Then::SessionOrUser(AuthEvent::SignedIn), &session_text()).unwrap(),
            Decision::Keep(_, AuthEvent::SignedIn)
        ));
        // A sign-up awaiting confirmation answers the user itself.
        match decide(
            Then::SessionOrUser(AuthEvent::SignedIn),
            r#"{"id":"u2","email":"x@y.co"}"#,
        )
        .unwrap()
        {
            Decision::User(Some(u), None) => assert_eq!(u.id(), Some("u2")),
            other => panic!("{other:?}"),
        }
        match decide(
            Then::SessionOrUser(AuthEvent::SignedIn),
            r#"{"user":{"id":"u3"}}"#,
        )
        .unwrap()
        {
            Decision::User(Some(u), None) => assert_eq!(u.id(), Some("u3")),
            other => panic!("{other:?}"),
        }
        // A `user` that is not an object is no user.
        assert_eq!(
            decide(Then::SessionOrUser(AuthEvent::SignedIn), r#"{"user":"u5"}"#).unwrap(),
            Decision::User(None, None)
        );
        // The first of a secure email change's two confirmations: no session, no user.
        let first = r#"{"msg":"Confirmation link accepted. Please proceed to confirm link sent to the other email","code":"200"}"#;
        assert_eq!(
            decide(Then::SessionOrUser(AuthEvent::SignedIn), first).unwrap(),
            Decision::User(None, None)
        );
    }

    #[test]
    fn user_and_plain_answers() {
        match decide(Then::User(Some(AuthEvent::UserUpdated)), r#"{"id":"u4"}"#).unwrap() {
            Decision::User(Some(u), Some(AuthEvent::UserUpdated)) => assert_eq!(u.id(), Some("u4")),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            decide(Then::Nothing, "").unwrap(),
            Decision::Answer(Value::Null)
        );
        assert_eq!(
            decide(Then::Nothing, r#"{"id":"f1"}"#).unwrap(),
            Decision::Answer(json!({"id": "f1"}))
        );
    }

    #[test]
    fn calls_are_built_as_described() {
        let c = Call::post("/otp", json!({"email": "a@b.co"})).pkce(false);
        assert_eq!(
            (c.method, c.bearer.clone(), c.pkce, c.then),
            (Method::Post, Bearer::Anon, Some(false), Then::Nothing)
        );
        let c = Call::signed_in(Method::Get, "/user", None).then(Then::User(None));
        assert_eq!((c.bearer, c.then), (Bearer::Session, Then::User(None)));
    }
}
