//! GoTrue (`/auth/v1`): sign-up, sign-in, the session and where it is kept.

mod session;

pub use session::{storage_key, Session, User};

use std::cell::RefCell;
use std::rc::Rc;

use serde::Deserialize;
use serde_json::{json, Value};

use crate::error::{Error, ErrorCode, Violation};
use crate::http::{Method, Request, Transport};

/// The auth client; shares its session with the REST client of the same [`crate::Client`].
///
/// ```js
/// const { data, error } = await mc.auth.signInWithPassword({ email, password });
/// ```
#[derive(Clone)]
pub struct AuthClient {
    url: String,
    api_key: String,
    transport: Transport,
    session: Rc<RefCell<Option<Session>>>,
}

#[derive(Deserialize, Default)]
struct GoTrueError {
    code: Option<Value>,
    error_code: Option<String>,
    message: Option<String>,
    msg: Option<String>,
    error_description: Option<String>,
}

fn auth_error(status: u16, body: &str) -> Error {
    let b: GoTrueError = serde_json::from_str(body).unwrap_or_default();
    let server = b
        .error_code
        .or_else(|| b.code.as_ref().and_then(|c| c.as_str().map(str::to_string)));
    let message = b
        .message
        .or(b.msg)
        .or(b.error_description)
        .unwrap_or_else(|| format!("auth server answered {status}"));
    Error {
        status,
        details: server.clone(),
        server_code: server,
        retryable: status >= 500 || status == 429,
        ..Error::new(ErrorCode::AuthError, message)
    }
}

fn check_email(email: &str, out: &mut Vec<Violation>) {
    let ok = email.split_once('@').is_some_and(|(l, d)| {
        !l.is_empty() && d.contains('.') && !d.starts_with('.') && !d.ends_with('.')
    }) && !email.chars().any(char::is_whitespace);
    if !ok {
        out.push(Violation {
            table: "auth".into(),
            field: "email".into(),
            rule: "must be an email address".into(),
            value: json!(email),
        });
    }
}

fn check_password(password: &str, out: &mut Vec<Violation>) {
    if password.is_empty() {
        out.push(Violation {
            table: "auth".into(),
            field: "password".into(),
            rule: "required".into(),
            value: Value::Null,
        });
    }
}

impl AuthClient {
    /// An auth client for `https://<project>/auth/v1`.
    pub fn new(url: String, api_key: String, transport: Transport) -> Self {
        AuthClient {
            url,
            api_key,
            transport,
            session: Rc::new(RefCell::new(None)),
        }
    }

    /// The access token to send to the REST API, if signed in.
    pub fn access_token(&self) -> Option<String> {
        self.session
            .borrow()
            .as_ref()
            .map(|s| s.access_token.clone())
    }

    /// The current session.
    pub fn session(&self) -> Option<Session> {
        self.session.borrow().clone()
    }

    async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
        bearer: Option<&str>,
    ) -> Result<String, Error> {
        let mut req = Request::new(method, format!("{}{}", self.url, path))
            .header("apikey", self.api_key.clone())
            .header(
                "Authorization",
                format!("Bearer {}", bearer.unwrap_or(&self.api_key)),
            )
            .header("X-Supabase-Api-Version", "2024-01-01");
        if let Some(b) = body {
            req = req.header("Content-Type", "application/json");
            req.body = Some(b.to_string());
        }
        let res = self.transport.send(req).await?;
        if !(200..300).contains(&res.status) {
            return Err(auth_error(res.status, &res.body.text()));
        }
        Ok(res.body.text().into_owned())
    }

    fn keep(&self, body: &str) -> Result<Option<Session>, Error> {
        let v: Value = serde_json::from_str(body)
            .map_err(|e| Error::new(ErrorCode::Undecodable, format!("auth answer: {e}")))?;
        if v.get("access_token").is_none() {
            return Ok(None);
        }
        let s = Session::from_json(v)?;
        *self.session.borrow_mut() = Some(s.clone());
        Ok(Some(s))
    }

    /// Signs up with email and password (and optional user metadata). With autoconfirm on,
    /// the answer is a session and the client is signed in.
    ///
    /// ```js
    /// await mc.auth.signUp({ email, password, options: { data: { name: "Kim" } } });
    /// ```
    pub async fn sign_up(
        &self,
        email: &str,
        password: &str,
        data: Option<Value>,
    ) -> Result<(Option<Session>, Value), Error> {
        let mut v = Vec::new();
        check_email(email, &mut v);
        check_password(password, &mut v);
        if !v.is_empty() {
            return Err(Error::validation(v));
        }
        let body = self.call(Method::Post, "/signup", Some(json!({"email": email, "password": password, "data": data.unwrap_or(json!({}))})), None).await?;
        let session = self.keep(&body)?;
        let user = match &session {
            Some(s) => s.user.clone(),
            None => serde_json::from_str(&body).unwrap_or(Value::Null),
        };
        Ok((session, user))
    }

    /// Signs in with email and password.
    ///
    /// ```js
    /// const { data: { session } } = await mc.auth.signInWithPassword({ email, password });
    /// ```
    pub async fn sign_in_with_password(
        &self,
        email: &str,
        password: &str,
    ) -> Result<Session, Error> {
        let mut v = Vec::new();
        check_email(email, &mut v);
        check_password(password, &mut v);
        if !v.is_empty() {
            return Err(Error::validation(v));
        }
        let body = self
            .call(
                Method::Post,
                "/token?grant_type=password",
                Some(json!({"email": email, "password": password})),
                None,
            )
            .await?;
        self.keep(&body)?
            .ok_or_else(|| Error::new(ErrorCode::Undecodable, "the auth server sent no session"))
    }

    /// Signs out (`global` by default). The local session is cleared even when the server
    /// says the session is already gone.
    ///
    /// ```js
    /// await mc.auth.signOut({ scope: "local" });
    /// ```
    pub async fn sign_out(&self, scope: &str) -> Result<(), Error> {
        let token = self.access_token();
        let result = match &token {
            Some(t) => self
                .call(
                    Method::Post,
                    &format!("/logout?scope={scope}"),
                    None,
                    Some(t),
                )
                .await
                .map(|_| ()),
            None => Ok(()),
        };
        if scope != "others" {
            *self.session.borrow_mut() = None;
        }
        match result {
            Err(e) if matches!(e.status, 401 | 403 | 404) => Ok(()),
            other => other,
        }
    }
}
