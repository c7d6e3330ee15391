//! A stand-in for Supabase's auth server (GoTrue), for the endpoints the SDK uses.
//!
//! STAND-IN: GoTrue itself cannot be built on this workplace (its Go module is refused by the
//! Go module proxy, see README). This module speaks GoTrue's wire format for: `settings`,
//! `health`, `signup` (also anonymous), `token` (password and refresh_token grants, with
//! refresh-token rotation and reuse detection), `user` GET/PUT, `logout` (global/local/others),
//! `recover`, `otp` and `verify` (email one-time codes, readable by tests through the
//! service_role-only `/auth/v1/_mailbox`). Errors follow API version 2024-01-01: `{code, message}`.

use std::sync::Arc;

use axum::extract::{ConnectInfo, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use jsonwebtoken::Validation;
use serde::Deserialize;
use serde_json::{json, Value};
use sqlx::postgres::PgPoolOptions;
use sqlx::{PgPool, Row};
use uuid::Uuid;

mod flows;
mod keys;
pub use keys::SigningKeys;
mod mfa;
mod oauth;

use crate::gate::Keys;
use crate::limits::{Class, ClientAddr, Limits};
use crate::Config;

#[derive(Clone)]
pub struct AuthState {
    pool: PgPool,
    secret: String,
    service_key: String,
    jwt_exp: i64,
    issuer: String,
    anonymous: bool,
    reuse_interval: i64,
    min_password: usize,
    limits: Arc<Limits>,
    site_url: String,
    reauthenticate_after: Option<i64>,
    pub keys: keys::SigningKeys,
    external: Option<oauth::External>,
    manual_linking: bool,
}

impl AuthState {
    pub async fn connect(cfg: &Config, keys: &Keys) -> anyhow::Result<AuthState> {
        // A database that stops answering must fail a request fast, not hang it.
        let pool = PgPoolOptions::new()
            .max_connections(4)
            .acquire_timeout(std::time::Duration::from_secs(3))
            .connect(&cfg.auth_db_url)
            .await?;
        Ok(AuthState {
            pool,
            secret: cfg.jwt_secret.clone(),
            service_key: keys.service.clone(),
            jwt_exp: cfg.jwt_exp,
            issuer: format!("http://127.0.0.1:{}/auth/v1", cfg.port),
            anonymous: cfg.anonymous_sign_ins,
            reuse_interval: cfg.refresh_reuse_interval,
            min_password: cfg.min_password_length,
            limits: Arc::new(Limits::from_env()),
            site_url: cfg.site_url.clone(),
            reauthenticate_after: cfg.reauthenticate_after,
            keys: keys::SigningKeys::open(cfg.signing_keys.as_ref().map(Into::into))?,
            external: cfg.keycloak_url.as_ref().map(|url| oauth::External {
                name: "keycloak".into(),
                url: url.clone(),
                client_id: cfg.keycloak_client_id.clone(),
                secret: cfg.keycloak_secret.clone(),
                redirect_uri: format!("http://127.0.0.1:{}/auth/v1/callback", cfg.port),
            }),
            manual_linking: cfg.manual_linking,
        })
    }
}

pub fn router<S: Clone + Send + Sync + 'static>(state: AuthState) -> Router<S> {
    Router::new()
        .route("/health", get(|| async { Json(json!({"name": "GoTrue", "version": "stand-in", "description": "mc-gateway auth stand-in"})) }))
        .route("/settings", get(settings))
        .route("/signup", post(signup))
        .route("/token", post(token))
        .route("/user", get(get_user).put(put_user))
        .route("/logout", post(logout))
        .route("/recover", post(recover))
        .route("/otp", post(otp))
        .route("/verify", get(flows::verify_get).post(flows::verify_post))
        .route("/resend", post(flows::resend))
        .route("/authorize", get(oauth::authorize))
        .route("/callback", get(oauth::callback))
        .route("/user/identities/authorize", get(oauth::link))
        .route("/user/identities/{id}", axum::routing::delete(oauth::unlink))
        .route("/factors", post(mfa::enroll))
        .route("/factors/{id}/challenge", post(mfa::challenge))
        .route("/factors/{id}/verify", post(mfa::verify))
        .route("/factors/{id}", axum::routing::delete(mfa::unenroll))
        .route("/reauthenticate", get(flows::reauthenticate))
        .route("/_mailbox", get(mailbox))
        .route("/.well-known/jwks.json", get(jwks))
        .route("/_rotate_signing_key", post(rotate_signing_key))
        .route("/_callback", get(callback_page))
        .layer(axum::middleware::from_fn_with_state(state.clone(), rate_limit))
        .with_state(state)
}

/// Supabase's per-client rate limits on the endpoints that sign in, refresh, verify and mail.
async fn rate_limit(State(s): State<AuthState>, req: Request, next: Next) -> Response {
    let path = req.uri().path().trim_end_matches('/');
    let query = req.uri().query().unwrap_or("");
    let class = match path.rsplit('/').next().unwrap_or("") {
        "signup" => Some(Class::SignIn),
        "token" if query.contains("grant_type=refresh_token") => Some(Class::Refresh),
        "token" => Some(Class::SignIn),
        "verify" => Some(Class::Verify),
        "otp" | "recover" | "resend" => Some(Class::Otp),
        _ => None,
    };
    let ip = req
        .extensions()
        .get::<ConnectInfo<ClientAddr>>()
        .map(|c| c.0 .0.ip())
        .unwrap_or(std::net::IpAddr::from([127, 0, 0, 1]));
    if let Some(class) = class {
        if req.method() == axum::http::Method::POST && !s.limits.allow(class, ip) {
            return AuthError::new(429, "over_request_rate_limit", "Request rate limit reached")
                .into_response();
        }
    }
    next.run(req).await
}

/// 422 `email_exists`: the address belongs to another user.
fn email_exists() -> AuthError {
    AuthError::new(
        422,
        "email_exists",
        "A user with this email address has already been registered",
    )
}

/// An error as GoTrue sends it: status, stable code, message (plus extra fields).
struct AuthError(StatusCode, &'static str, String, Option<Value>);

impl AuthError {
    fn new(status: u16, code: &'static str, msg: impl Into<String>) -> Self {
        AuthError(
            StatusCode::from_u16(status).unwrap(),
            code,
            msg.into(),
            None,
        )
    }
}

impl From<sqlx::Error> for AuthError {
    fn from(e: sqlx::Error) -> Self {
        tracing::error!("auth database error: {e}");
        AuthError::new(500, "unexpected_failure", "Database error")
    }
}

impl IntoResponse for AuthError {
    fn into_response(self) -> Response {
        let mut body = json!({"code": self.1, "message": self.2});
        if let Some(Value::Object(extra)) = self.3 {
            for (k, v) in extra {
                body[k] = v;
            }
        }
        let mut res = (self.0, Json(body)).into_response();
        res.headers_mut()
            .insert("x-sb-error-code", HeaderValue::from_static(self.1));
        res.headers_mut().insert(
            "x-supabase-api-version",
            HeaderValue::from_static("2024-01-01"),
        );
        res
    }
}

type AuthResult = Result<Response, AuthError>;

fn ok(v: Value) -> AuthResult {
    let mut res = Json(v).into_response();
    res.headers_mut().insert(
        "x-supabase-api-version",
        HeaderValue::from_static("2024-01-01"),
    );
    Ok(res)
}

async fn settings(State(s): State<AuthState>) -> Json<Value> {
    Json(json!({
        "external": {"email": true, "phone": false, "anonymous_users": s.anonymous},
        "disable_signup": false,
        "mailer_autoconfirm": true,
        "phone_autoconfirm": false,
        "sms_provider": "",
        "saml_enabled": false,
    }))
}

/// The user as GoTrue v2.196 answers it: `user_metadata` carries `email`, `email_verified`,
/// `phone_verified` and `sub`; one `email` identity; null fields left out; no `confirmed_at`
/// in the signUp answer; anonymous users have `app_metadata` `{}` and no identities.
async fn user_json(pool: &PgPool, id: Uuid, in_signup: bool) -> Result<Value, AuthError> {
    type Ts = Option<chrono::DateTime<chrono::Utc>>;
    let row = sqlx::query(
        "SELECT aud, role, email, email_confirmed_at, recovery_sent_at, last_sign_in_at,
                raw_app_meta_data, raw_user_meta_data, is_anonymous, created_at, updated_at,
                email_change, email_change_sent_at, email_identity
           FROM auth.users WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?
    .ok_or_else(|| AuthError::new(404, "user_not_found", "User not found"))?;
    let email: Option<String> = row.get("email");
    let confirmed: Ts = row.get("email_confirmed_at");
    let anonymous: bool = row.get("is_anonymous");
    let (created, updated, last): (Ts, Ts, Ts) = (
        row.get("created_at"),
        row.get("updated_at"),
        row.get("last_sign_in_at"),
    );
    let mut meta: Value = row.get("raw_user_meta_data");
    let mut email_identity = None;
    let has_email_identity: bool = row.get("email_identity");
    if let (Some(email), false, true) = (&email, anonymous, has_email_identity) {
        let data = json!({"email": email, "email_verified": confirmed.is_some(), "phone_verified": false, "sub": id});
        if let (Value::Object(m), Value::Object(d)) = (&mut meta, &data) {
            for (k, v) in d {
                m.insert(k.clone(), v.clone());
            }
        }
        let mut identity = json!({
            "identity_id": Uuid::new_v5(&Uuid::NAMESPACE_OID, id.as_bytes()), "id": id, "user_id": id,
            "identity_data": data, "provider": "email", "email": email,
            "created_at": created, "updated_at": updated,
        });
        if let Some(t) = last {
            identity["last_sign_in_at"] = json!(t);
        }
        email_identity = Some(identity);
    }
    let identities = oauth::identities_json(pool, id, email_identity).await?;
    let mut user = json!({
        "id": id, "aud": row.get::<String, _>("aud"), "role": row.get::<String, _>("role"),
        "email": email.unwrap_or_default(), "phone": "",
        "app_metadata": row.get::<Value, _>("raw_app_meta_data"), "user_metadata": meta,
        "identities": identities, "created_at": created, "updated_at": updated, "is_anonymous": anonymous,
    });
    let optional: [(&str, Ts); 4] = [
        ("email_confirmed_at", confirmed),
        ("confirmed_at", if in_signup { None } else { confirmed }),
        ("recovery_sent_at", row.get("recovery_sent_at")),
        ("last_sign_in_at", last),
    ];
    for (k, v) in optional {
        if let Some(t) = v {
            user[k] = json!(t);
        }
    }
    let factors = mfa::factors_json(pool, id).await?;
    if !factors.is_empty() {
        user["factors"] = json!(factors);
    }
    // A pending email change: the address waiting for confirmation, and when it was sent.
    if let Some(new) = row.get::<Option<String>, _>("email_change") {
        user["new_email"] = json!(new);
        if let Some(t) = row.get::<Ts, _>("email_change_sent_at") {
            user["email_change_sent_at"] = json!(t);
        }
    }
    Ok(user)
}

/// GoTrue's email check: one `@`, a local part of the characters RFC 5322 allows unquoted, a
/// domain of at least two labels of letters, digits and inner hyphens.
fn valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    local_ok && domain_ok && email.len() <= 255
}

/// A request whose strings hold NUL characters is refused (PostgreSQL cannot store them).
fn refuse_nul(values: &[Option<&str>], data: Option<&Value>) -> Result<(), AuthError> {
    fn nul_in(v: &Value) -> bool {
        match v {
            Value::String(s) => s.contains('\0'),
            Value::Array(a) => a.iter().any(nul_in),
            Value::Object(o) => o.iter().any(|(k, v)| k.contains('\0') || nul_in(v)),
            _ => false,
        }
    }
    if values.iter().flatten().any(|s| s.contains('\0')) || data.is_some_and(nul_in) {
        return Err(AuthError::new(
            400,
            "validation_failed",
            "Invalid request: NUL characters are not allowed",
        ));
    }
    Ok(())
}

fn check_password(s: &AuthState, password: &str) -> Result<(), AuthError> {
    // bcrypt reads 72 bytes: GoTrue refuses more rather than cut the password silently.
    if password.len() > 72 {
        return Err(AuthError::new(
            400,
            "validation_failed",
            "Password cannot be longer than 72 characters",
        ));
    }
    if password.chars().count() < s.min_password {
        return Err(AuthError(
            StatusCode::UNPROCESSABLE_ENTITY,
            "weak_password",
            format!("Password should be at least {} characters.", s.min_password),
            Some(json!({"weak_password": {"reasons": ["length"]}})),
        ));
    }
    Ok(())
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Opens a session for `user_id`: a session row, a refresh token, a signed access token.
async fn issue_session(s: &AuthState, user_id: Uuid, method: &str, answer: Answer) -> AuthResult {
    ok(new_session(s, user_id, method, answer).await?)
}

/// [`issue_session`]'s answer as JSON.
async fn new_session(
    s: &AuthState,
    user_id: Uuid,
    method: &str,
    answer: Answer,
) -> Result<Value, AuthError> {
    let mut tx = s.pool.begin().await?;
    let session_id: Uuid = sqlx::query_scalar(
        "INSERT INTO auth.sessions (user_id, sign_in_method) VALUES ($1, $2) RETURNING id",
    )
    .bind(user_id)
    .bind(method)
    .fetch_one(&mut *tx)
    .await?;
    let refresh = new_refresh_token();
    sqlx::query("INSERT INTO auth.refresh_tokens (token, user_id, session_id) VALUES ($1, $2, $3)")
        .bind(&refresh)
        .bind(user_id)
        .bind(session_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE auth.users SET last_sign_in_at = now() WHERE id = $1")
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    session_json(s, user_id, session_id, &refresh, method, answer).await
}

/// Which answer a session goes into: it decides small differences GoTrue makes.
#[derive(Clone, Copy, PartialEq)]
enum Answer {
    /// `/signup`: the user has no `confirmed_at`.
    Signup,
    /// The password grant: `weak_password: null` is included.
    Password,
    Other,
}

/// A refresh token as GoTrue makes them: 12 characters of `[a-z0-9]`.
fn new_refresh_token() -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let bits = Uuid::new_v4().as_u128();
    (0..12)
        .map(|i| ALPHABET[((bits >> (i * 10)) % 36) as usize] as char)
        .collect()
}

fn well_formed_refresh_token(t: &str) -> bool {
    t.len() == 12
        && t.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

async fn session_json(
    s: &AuthState,
    user_id: Uuid,
    session_id: Uuid,
    refresh: &str,
    method: &str,
    answer: Answer,
) -> Result<Value, AuthError> {
    let user = user_json(&s.pool, user_id, answer == Answer::Signup).await?;
    let iat = now();
    let exp = iat + s.jwt_exp;
    // The session's assurance level: aal2 once a second factor was verified in it, with that
    // method first in `amr` (newest first, as GoTrue orders it).
    let mfa: Option<i64> = sqlx::query_scalar(
        "SELECT extract(epoch from mfa_verified_at)::bigint FROM auth.sessions WHERE id = $1 AND aal = 'aal2'",
    )
    .bind(session_id)
    .fetch_optional(&s.pool)
    .await?
    .flatten();
    let mut amr = vec![json!({"method": method, "timestamp": iat})];
    if let Some(at) = mfa {
        amr.insert(0, json!({"method": "totp", "timestamp": at}));
    }
    let claims = json!({
        "iss": s.issuer, "sub": user_id, "aud": "authenticated", "exp": exp, "iat": iat,
        "email": user["email"], "phone": "", "app_metadata": user["app_metadata"],
        "user_metadata": user["user_metadata"], "role": "authenticated",
        "aal": if mfa.is_some() { "aal2" } else { "aal1" },
        "amr": amr, "session_id": session_id,
        "is_anonymous": user["is_anonymous"],
    });
    let access = s
        .keys
        .sign(&claims, &s.secret)
        .map_err(|e| AuthError::new(500, "unexpected_failure", e.to_string()))?;
    let mut body = json!({
        "access_token": access, "token_type": "bearer", "expires_in": s.jwt_exp, "expires_at": exp,
        "refresh_token": refresh, "user": user,
    });
    if answer == Answer::Password {
        body["weak_password"] = Value::Null;
    }
    Ok(body)
}

#[derive(Deserialize, Default)]
struct Credentials {
    email: Option<String>,
    password: Option<String>,
    data: Option<Value>,
    refresh_token: Option<String>,
    auth_code: Option<String>,
    code_verifier: Option<String>,
    code_challenge: Option<String>,
    code_challenge_method: Option<String>,
    nonce: Option<String>,
    id_token: Option<String>,
    provider: Option<String>,
    link_identity: Option<bool>,
}

async fn signup(State(s): State<AuthState>, body: Option<Json<Credentials>>) -> AuthResult {
    let c = body.map(|b| b.0).unwrap_or_default();
    let (email, password) = match (c.email.as_deref(), c.password.as_deref()) {
        (None, None) => {
            if !s.anonymous {
                return Err(AuthError::new(
                    422,
                    "anonymous_provider_disabled",
                    "Anonymous sign-ins are disabled",
                ));
            }
            refuse_nul(&[], c.data.as_ref())?;
            let id: Uuid = sqlx::query_scalar(
                "INSERT INTO auth.users (is_anonymous, raw_app_meta_data, raw_user_meta_data)
                 VALUES (true, '{}', coalesce($1, '{}')) RETURNING id",
            )
            .bind(c.data)
            .fetch_one(&s.pool)
            .await?;
            return issue_session(&s, id, "anonymous", Answer::Signup).await;
        }
        (Some(e), Some(p)) => (e.trim().to_lowercase(), p.to_string()),
        (None, Some(_)) => {
            return Err(AuthError::new(
                400,
                "validation_failed",
                "To signup, please provide your email",
            ))
        }
        (Some(_), None) => {
            return Err(AuthError::new(
                400,
                "validation_failed",
                "Signup requires a valid password",
            ))
        }
    };
    refuse_nul(&[Some(&email), Some(&password)], c.data.as_ref())?;
    if !valid_email(&email) {
        return Err(AuthError::new(
            400,
            "validation_failed",
            "Unable to validate email address: invalid format",
        ));
    }
    check_password(&s, &password)?;
    let inserted: Option<Uuid> = sqlx::query_scalar(
        "INSERT INTO auth.users (email, encrypted_password, email_confirmed_at, raw_user_meta_data)
         VALUES ($1, extensions.crypt($2, extensions.gen_salt('bf', 10)), now(), coalesce($3, '{}'))
         ON CONFLICT (email) DO NOTHING RETURNING id",
    )
    .bind(&email)
    .bind(&password)
    .bind(c.data)
    .fetch_optional(&s.pool)
    .await?;
    match inserted {
        Some(id) => issue_session(&s, id, "password", Answer::Signup).await,
        None => Err(AuthError::new(
            422,
            "user_already_exists",
            "User already registered",
        )),
    }
}

#[derive(Deserialize)]
struct GrantQuery {
    grant_type: Option<String>,
}

async fn token(
    State(s): State<AuthState>,
    headers: HeaderMap,
    Query(q): Query<GrantQuery>,
    body: Option<Json<Credentials>>,
) -> AuthResult {
    let c = body.map(|b| b.0).unwrap_or_default();
    match q.grant_type.as_deref() {
        Some("password") => {
            let (Some(email), Some(password)) = (c.email, c.password) else {
                return Err(AuthError::new(
                    400,
                    "validation_failed",
                    "missing email or phone",
                ));
            };
            refuse_nul(&[Some(&email), Some(&password)], None)?;
            match check_login(&s.pool, &email, &password).await? {
                Some(id) => issue_session(&s, id, "password", Answer::Password).await,
                None => Err(AuthError::new(
                    400,
                    "invalid_credentials",
                    "Invalid login credentials",
                )),
            }
        }
        Some("refresh_token") => {
            let token = c.refresh_token.unwrap_or_default();
            if !well_formed_refresh_token(&token) {
                return Err(AuthError::new(
                    400,
                    "validation_failed",
                    "Refresh token is not valid",
                ));
            }
            refresh(&s, &token).await
        }
        Some("pkce") => flows::pkce_grant(&s, c).await,
        Some("id_token") => oauth::id_token_grant(&s, &headers, c).await,
        _ => Err(AuthError::new(
            400,
            "unsupported_grant_type",
            "unsupported_grant_type",
        )),
    }
}

/// The user's email lookup: by email alone, with no password check in the query, so that its
/// cost does not depend on the number of users whatever plan PostgreSQL picks.
pub const LOGIN_LOOKUP: &str =
    "SELECT id, encrypted_password FROM auth.users WHERE email = lower(trim($1)) AND encrypted_password IS NOT NULL";
/// The one password check of a login: bcrypt of the given password with the user's salt.
pub const PASSWORD_CHECK: &str = "SELECT extensions.crypt($1, $2) = $2";

/// The user whose email and password these are: one lookup, then one bcrypt check.
async fn check_login(
    pool: &PgPool,
    email: &str,
    password: &str,
) -> Result<Option<Uuid>, AuthError> {
    let Some(row) = sqlx::query(LOGIN_LOOKUP)
        .bind(email)
        .fetch_optional(pool)
        .await?
    else {
        return Ok(None);
    };
    let hash: String = row.get("encrypted_password");
    let ok: bool = sqlx::query_scalar(PASSWORD_CHECK)
        .bind(password)
        .bind(&hash)
        .fetch_one(pool)
        .await?;
    Ok(ok.then(|| row.get("id")))
}

/// Rotation with reuse detection, as GoTrue v2.196 does it: the parent of the active token is
/// answered with the active token; any revoked token within the reuse interval is swapped for
/// a new one; an older one after the interval is `refresh_token_already_used`, and revokes every
/// refresh token of the session (the session itself, and its access tokens, stay).
async fn refresh(s: &AuthState, token: &str) -> AuthResult {
    let mut tx = s.pool.begin().await?;
    let row = sqlx::query(
        "SELECT id, user_id, session_id, revoked, extract(epoch from now() - updated_at)::float8 AS age
           FROM auth.refresh_tokens WHERE token = $1 FOR UPDATE",
    )
    .bind(token)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else {
        return Err(AuthError::new(
            400,
            "refresh_token_not_found",
            "Invalid Refresh Token: Refresh Token Not Found",
        ));
    };
    let (id, user_id, session_id): (i64, Uuid, Uuid) =
        (row.get("id"), row.get("user_id"), row.get("session_id"));
    let mut swap = true;
    let mut next = String::new();
    if row.get::<bool, _>("revoked") {
        let age: f64 = row.get("age");
        let active = sqlx::query(
            "SELECT token, parent FROM auth.refresh_tokens WHERE session_id = $1 AND NOT revoked ORDER BY id DESC LIMIT 1",
        )
        .bind(session_id)
        .fetch_optional(&mut *tx)
        .await?;
        match active {
            Some(a) if a.get::<Option<String>, _>("parent").as_deref() == Some(token) => {
                next = a.get("token");
                swap = false;
            }
            _ if age <= s.reuse_interval as f64 => {}
            _ => {
                sqlx::query("UPDATE auth.refresh_tokens SET revoked = true, updated_at = now() WHERE session_id = $1 AND NOT revoked")
                    .bind(session_id)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                return Err(AuthError::new(
                    400,
                    "refresh_token_already_used",
                    "Invalid Refresh Token: Already Used",
                ));
            }
        }
    }
    if swap {
        next = new_refresh_token();
        sqlx::query("UPDATE auth.refresh_tokens SET revoked = true, updated_at = now() WHERE id = $1 AND NOT revoked")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO auth.refresh_tokens (token, user_id, session_id, parent) VALUES ($1, $2, $3, $4)")
            .bind(&next)
            .bind(user_id)
            .bind(session_id)
            .bind(token)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE auth.sessions SET updated_at = now() WHERE id = $1")
            .bind(session_id)
            .execute(&mut *tx)
            .await?;
    }
    // The access token keeps the method of the original sign-in (`amr`).
    let method: String =
        sqlx::query_scalar("SELECT sign_in_method FROM auth.sessions WHERE id = $1")
            .bind(session_id)
            .fetch_one(&mut *tx)
            .await?;
    tx.commit().await?;
    ok(session_json(s, user_id, session_id, &next, &method, Answer::Other).await?)
}

/// The user and session named by a valid access token whose session still exists.
async fn authenticate(s: &AuthState, headers: &HeaderMap) -> Result<(Uuid, Uuid), AuthError> {
    let bearer = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .ok_or_else(|| {
            AuthError::new(
                401,
                "no_authorization",
                "This endpoint requires a valid Bearer token",
            )
        })?;
    let bad = |why: String| {
        AuthError::new(
            403,
            "bad_jwt",
            format!("invalid JWT: unable to parse or verify signature, {why}"),
        )
    };
    let header = jsonwebtoken::decode_header(bearer).map_err(|e| bad(e.to_string()))?;
    let (key, alg) = s
        .keys
        .verifying_key(&header, &s.secret)
        .ok_or_else(|| bad("token is unverifiable: no key for its kid or alg".into()))?;
    let mut validation = Validation::new(alg);
    validation.set_audience(&["authenticated"]);
    let data = jsonwebtoken::decode::<Value>(bearer, &key, &validation).map_err(|e| {
        AuthError::new(
            403,
            "bad_jwt",
            format!("invalid JWT: unable to parse or verify signature, {e}"),
        )
    })?;
    let sub = data.claims["sub"]
        .as_str()
        .and_then(|v| v.parse::<Uuid>().ok());
    let sid = data.claims["session_id"]
        .as_str()
        .and_then(|v| v.parse::<Uuid>().ok());
    let (Some(sub), Some(sid)) = (sub, sid) else {
        return Err(AuthError::new(
            403,
            "bad_jwt",
            "invalid claim: missing sub or session_id claim",
        ));
    };
    let exists: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM auth.sessions WHERE id = $1)")
            .bind(sid)
            .fetch_one(&s.pool)
            .await?;
    if !exists {
        return Err(AuthError::new(
            403,
            "session_not_found",
            "Session from session_id claim in JWT does not exist",
        ));
    }
    Ok((sub, sid))
}

async fn get_user(State(s): State<AuthState>, headers: HeaderMap) -> AuthResult {
    let (uid, _) = authenticate(&s, &headers).await?;
    ok(user_json(&s.pool, uid, false).await?)
}

async fn put_user(
    State(s): State<AuthState>,
    headers: HeaderMap,
    Query(r): Query<flows::RedirectQuery>,
    Json(c): Json<Credentials>,
) -> AuthResult {
    let (uid, sid) = authenticate(&s, &headers).await?;
    refuse_nul(
        &[c.email.as_deref(), c.password.as_deref()],
        c.data.as_ref(),
    )?;
    if let Some(email) = &c.email {
        let email = email.trim().to_lowercase();
        if !valid_email(&email) {
            return Err(AuthError::new(
                400,
                "validation_failed",
                "Unable to validate email address: invalid format",
            ));
        }
        let taken: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM auth.users WHERE email = $1 AND id <> $2)",
        )
        .bind(&email)
        .bind(uid)
        .fetch_one(&s.pool)
        .await?;
        if taken {
            return Err(email_exists());
        }
        // Secure email change: pending until both addresses confirm (see flows.rs).
        let redirect = flows::redirect_to(&s, r.redirect_to.as_deref());
        flows::begin_email_change(&s, uid, &email, &c, &redirect).await?;
    }
    if let Some(password) = &c.password {
        check_password(&s, password)?;
        flows::check_reauthentication(&s, uid, sid, c.nonce.as_deref()).await?;
        sqlx::query("UPDATE auth.users SET encrypted_password = extensions.crypt($1, extensions.gen_salt('bf', 10)), updated_at = now() WHERE id = $2")
            .bind(password)
            .bind(uid)
            .execute(&s.pool)
            .await?;
    }
    if let Some(data) = c.data {
        sqlx::query("UPDATE auth.users SET raw_user_meta_data = raw_user_meta_data || $1, updated_at = now() WHERE id = $2")
            .bind(data)
            .bind(uid)
            .execute(&s.pool)
            .await?;
    }
    ok(user_json(&s.pool, uid, false).await?)
}

#[derive(Deserialize)]
struct ScopeQuery {
    scope: Option<String>,
}

async fn logout(
    State(s): State<AuthState>,
    headers: HeaderMap,
    Query(q): Query<ScopeQuery>,
) -> AuthResult {
    let (uid, sid) = authenticate(&s, &headers).await?;
    let sql = match q.scope.as_deref().unwrap_or("global") {
        "global" => "DELETE FROM auth.sessions WHERE user_id = $1",
        "local" => "DELETE FROM auth.sessions WHERE user_id = $1 AND id = $2",
        "others" => "DELETE FROM auth.sessions WHERE user_id = $1 AND id <> $2",
        _ => {
            return Err(AuthError::new(
                400,
                "validation_failed",
                "Unsupported logout scope",
            ))
        }
    };
    sqlx::query(sql)
        .bind(uid)
        .bind(sid)
        .execute(&s.pool)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Deserialize)]
struct EmailBody {
    email: Option<String>,
    create_user: Option<bool>,
    data: Option<Value>,
    code_challenge: Option<String>,
    code_challenge_method: Option<String>,
}

/// "Mails" a six-digit code to `address` (the stand-in's mail: tests read it from `_mailbox`),
/// with the link GoTrue's template would hold: `/verify?token=<hash>&type=…&redirect_to=…`,
/// the hash being hex sha224(address + code), `pkce_`-prefixed in the PKCE flow.
async fn send_code(
    s: &AuthState,
    user_id: Uuid,
    kind: &str,
    address: &str,
    pkce: bool,
    redirect_to: &str,
) -> Result<(), AuthError> {
    let code = format!("{:06}", Uuid::new_v4().as_u128() % 1_000_000);
    let hash = flows::link_hash(address, &code, pkce);
    sqlx::query("DELETE FROM auth.one_time_tokens WHERE user_id = $1 AND kind = $2")
        .bind(user_id)
        .bind(kind)
        .execute(&s.pool)
        .await?;
    sqlx::query("INSERT INTO auth.one_time_tokens (user_id, kind, token_hash, relates_to, link_hash, redirect_to) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(user_id)
        .bind(kind)
        .bind(&code)
        .bind(address)
        .bind(&hash)
        .bind(redirect_to)
        .execute(&s.pool)
        .await?;
    // Never logged: tests read codes from the service_role-only mailbox.
    Ok(())
}

async fn user_by_email(s: &AuthState, email: &str) -> Result<Option<Uuid>, AuthError> {
    Ok(
        sqlx::query_scalar("SELECT id FROM auth.users WHERE email = lower(trim($1))")
            .bind(email)
            .fetch_optional(&s.pool)
            .await?,
    )
}

async fn recover(
    State(s): State<AuthState>,
    Query(r): Query<flows::RedirectQuery>,
    Json(b): Json<EmailBody>,
) -> AuthResult {
    let email = b.email.clone().unwrap_or_default();
    refuse_nul(&[Some(&email)], None)?;
    let pkce = flows::pkce_params(
        b.code_challenge.as_deref(),
        b.code_challenge_method.as_deref(),
    )?;
    let redirect = flows::redirect_to(&s, r.redirect_to.as_deref());
    if !valid_email(email.trim()) {
        return Err(AuthError::new(
            400,
            "validation_failed",
            "Unable to validate email address: invalid format",
        ));
    }
    if let Some(id) = user_by_email(&s, &email).await? {
        flows::begin_flow(&s, id, pkce.as_ref(), "recovery").await?;
        let address = email.trim().to_lowercase();
        send_code(&s, id, "recovery", &address, pkce.is_some(), &redirect).await?;
        sqlx::query("UPDATE auth.users SET recovery_sent_at = now() WHERE id = $1")
            .bind(id)
            .execute(&s.pool)
            .await?;
    }
    ok(json!({}))
}

async fn otp(
    State(s): State<AuthState>,
    Query(r): Query<flows::RedirectQuery>,
    Json(b): Json<EmailBody>,
) -> AuthResult {
    let email = b.email.clone().unwrap_or_default().trim().to_lowercase();
    refuse_nul(&[Some(&email)], b.data.as_ref())?;
    let pkce = flows::pkce_params(
        b.code_challenge.as_deref(),
        b.code_challenge_method.as_deref(),
    )?;
    let redirect = flows::redirect_to(&s, r.redirect_to.as_deref());
    if !valid_email(&email) {
        return Err(AuthError::new(
            400,
            "validation_failed",
            "Unable to validate email address: invalid format",
        ));
    }
    let id = match user_by_email(&s, &email).await? {
        Some(id) => id,
        None if b.create_user.unwrap_or(true) => sqlx::query_scalar(
            "INSERT INTO auth.users (email, raw_user_meta_data) VALUES ($1, coalesce($2, '{}')) RETURNING id",
        )
        .bind(&email)
        .bind(b.data)
        .fetch_one(&s.pool)
        .await?,
        None => return Err(AuthError::new(422, "otp_disabled", "Signups not allowed for otp")),
    };
    flows::begin_flow(&s, id, pkce.as_ref(), "magiclink").await?;
    send_code(&s, id, "magiclink", &email, pkce.is_some(), &redirect).await?;
    ok(json!({}))
}

/// `GET /.well-known/jwks.json`: the public signing keys (none for an HS256-only project).
async fn jwks(State(s): State<AuthState>) -> Response {
    let mut res = Json(s.keys.jwks()).into_response();
    res.headers_mut().insert(
        "cache-control",
        HeaderValue::from_static("public, max-age=600"),
    );
    res
}

/// Test helper (service_role key only): Supabase's "rotate keys" — the standby key signs from
/// now on, a new standby is published, the old keys keep verifying. `{kid, standby_kid}`.
async fn rotate_signing_key(State(s): State<AuthState>, headers: HeaderMap) -> AuthResult {
    let key = headers.get("apikey").and_then(|v| v.to_str().ok());
    if key != Some(s.service_key.as_str()) {
        return Err(AuthError::new(403, "not_admin", "User not allowed"));
    }
    let (kid, standby) = s
        .keys
        .rotate()
        .map_err(|e| AuthError::new(500, "unexpected_failure", e.to_string()))?;
    ok(json!({ "kid": kid, "standby_kid": standby }))
}

/// Test helper: a page for emailed links and OAuth redirects to land on, which tells the page
/// that opened it (in a frame or a window) the address it landed on, fragment included — what
/// a test page on another origin cannot read itself.
async fn callback_page() -> Response {
    let html = "<!doctype html><meta charset=utf-8><title>mc auth callback</title>\
        <script>(window.opener || window.parent).postMessage({ mcAuthCallback: location.href }, '*')</script>";
    ([("content-type", "text/html; charset=utf-8")], html).into_response()
}

#[derive(Deserialize)]
struct MailboxQuery {
    email: String,
}

/// Test helper (service_role key only): the latest one-time code sent to an address.
async fn mailbox(
    State(s): State<AuthState>,
    headers: HeaderMap,
    Query(q): Query<MailboxQuery>,
) -> AuthResult {
    let key = headers.get("apikey").and_then(|v| v.to_str().ok());
    if key != Some(s.service_key.as_str()) {
        return Err(AuthError::new(403, "not_admin", "User not allowed"));
    }
    let rows = sqlx::query(
        "SELECT t.kind, t.token_hash, t.link_hash, t.redirect_to FROM auth.one_time_tokens t JOIN auth.users u ON u.id = t.user_id
          WHERE coalesce(t.relates_to, u.email) = lower(trim($1)) ORDER BY t.created_at DESC",
    )
    .bind(&q.email)
    .fetch_all(&s.pool)
    .await?;
    let messages: Vec<Value> = rows
        .iter()
        .map(|r| {
            let kind: String = r.get("kind");
            let mut m = json!({"kind": kind, "code": r.get::<String, _>("token_hash")});
            if let (Some(hash), Some(to)) = (
                r.get::<Option<String>, _>("link_hash"),
                r.get::<Option<String>, _>("redirect_to"),
            ) {
                m["token_hash"] = json!(hash);
                m["link"] = json!(format!(
                    "{}/verify?token={}&type={}&redirect_to={}",
                    s.issuer,
                    hash,
                    flows::link_type(&kind),
                    flows::form_encode(&to)
                ));
            }
            m
        })
        .collect();
    ok(json!({"email": q.email, "messages": messages}))
}
