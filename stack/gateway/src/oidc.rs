//! A local OpenID Connect provider for the tests, laid out as a Keycloak realm (GoTrue's
//! `keycloak` provider reads `GOTRUE_EXTERNAL_KEYCLOAK_URL` = the realm and calls
//! `{URL}/protocol/openid-connect/auth|token|userinfo|certs`). It signs in whoever the
//! authorization request names in `login_hint` (an email; the default is `oidc-user@example.com`)
//! without asking: a test IdP, reachable only on the loopback address, that lets the OAuth
//! redirect round trip run end to end in a browser.
//!
//! Served at `/oidc/realms/mc` by the gateway. The auth stand-in is configured with it as an
//! external provider exactly as GoTrue would be (client id, secret, redirect URI, URL) and talks
//! to it over HTTP, as to any provider.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use base64::Engine;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use ring::signature::{EcdsaKeyPair, KeyPair, ECDSA_P256_SHA256_FIXED_SIGNING};
use serde::Deserialize;
use serde_json::{json, Value};
use uuid::Uuid;

/// Where the realm is served, under the gateway's address.
pub const REALM_PATH: &str = "/oidc/realms/mc";
/// The client the auth stand-in is registered as.
pub const CLIENT_ID: &str = "mission-control";
/// Its secret.
pub const CLIENT_SECRET: &str = "mission-control-oidc-secret";

/// What a code grants: the email signed in, the request's nonce, its redirect URI.
type Grant = (String, Option<String>, String);

/// What the provider knows: its signing key and the codes and tokens it handed out.
#[derive(Clone)]
pub struct Provider {
    issuer: String,
    pkcs8: Arc<Vec<u8>>,
    kid: String,
    x: String,
    y: String,
    /// code → what it grants
    codes: Arc<Mutex<HashMap<String, Grant>>>,
    /// access token → email
    tokens: Arc<Mutex<HashMap<String, String>>>,
}

impl Provider {
    /// A provider whose issuer is `http://127.0.0.1:<port>/oidc/realms/mc`, with a new key.
    pub fn new(port: u16) -> anyhow::Result<Provider> {
        let rng = ring::rand::SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng)
            .map_err(|_| anyhow::anyhow!("cannot generate the provider's key"))?;
        let pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, pkcs8.as_ref(), &rng)
            .map_err(|_| anyhow::anyhow!("bad provider key"))?;
        let point = pair.public_key().as_ref();
        let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        Ok(Provider {
            issuer: format!("http://127.0.0.1:{port}{REALM_PATH}"),
            pkcs8: Arc::new(pkcs8.as_ref().to_vec()),
            kid: format!("oidc-{}", Uuid::new_v4()),
            x: b64.encode(&point[1..33]),
            y: b64.encode(&point[33..65]),
            codes: Arc::default(),
            tokens: Arc::default(),
        })
    }

    /// An ID token for `email`, signed by the provider (ES256): `sub` is a stable id derived
    /// from the email, `aud` the client, `nonce` as given.
    pub fn id_token(&self, email: &str, nonce: Option<&str>, audience: &str) -> String {
        let now = chrono::Utc::now().timestamp();
        let mut claims = json!({
            "iss": self.issuer, "sub": subject(email), "aud": audience, "azp": audience,
            "iat": now, "exp": now + 300, "email": email, "email_verified": true,
            "name": email.split('@').next().unwrap_or(email), "preferred_username": email,
        });
        if let Some(n) = nonce {
            claims["nonce"] = json!(n);
        }
        let mut header = Header::new(Algorithm::ES256);
        header.kid = Some(self.kid.clone());
        jsonwebtoken::encode(&header, &claims, &EncodingKey::from_ec_der(&self.pkcs8))
            .unwrap_or_default()
    }
}

/// The provider's stable subject for an email.
pub fn subject(email: &str) -> String {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, format!("mc-oidc:{email}").as_bytes()).to_string()
}

/// The realm's routes, to nest at [`REALM_PATH`].
pub fn router<S: Clone + Send + Sync + 'static>(p: Provider) -> Router<S> {
    Router::new()
        .route("/.well-known/openid-configuration", get(discovery))
        .route("/protocol/openid-connect/auth", get(authorize))
        .route("/protocol/openid-connect/token", post(token))
        .route("/protocol/openid-connect/userinfo", get(userinfo))
        .route("/protocol/openid-connect/certs", get(certs))
        .route("/_id_token", get(mint))
        .with_state(p)
}

async fn discovery(State(p): State<Provider>) -> Json<Value> {
    let base = format!("{}/protocol/openid-connect", p.issuer);
    Json(json!({
        "issuer": p.issuer,
        "authorization_endpoint": format!("{base}/auth"),
        "token_endpoint": format!("{base}/token"),
        "userinfo_endpoint": format!("{base}/userinfo"),
        "jwks_uri": format!("{base}/certs"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["ES256"],
        "scopes_supported": ["openid", "email", "profile"],
    }))
}

async fn certs(State(p): State<Provider>) -> Json<Value> {
    Json(
        json!({"keys": [{"kty": "EC", "crv": "P-256", "x": p.x, "y": p.y, "kid": p.kid, "alg": "ES256", "use": "sig"}]}),
    )
}

fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response {
    (
        status,
        Json(json!({"error": error, "error_description": description})),
    )
        .into_response()
}

#[derive(Deserialize)]
struct AuthorizeQuery {
    client_id: Option<String>,
    redirect_uri: Option<String>,
    response_type: Option<String>,
    state: Option<String>,
    nonce: Option<String>,
    login_hint: Option<String>,
    /// `deny` answers `access_denied`, as a user refusing consent.
    prompt: Option<String>,
}

/// The authorization endpoint: signs in `login_hint` at once and redirects back with a code.
async fn authorize(State(p): State<Provider>, Query(q): Query<AuthorizeQuery>) -> Response {
    if q.client_id.as_deref() != Some(CLIENT_ID) || q.response_type.as_deref() != Some("code") {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "unauthorized_client",
            "unknown client or response type",
        );
    }
    let Some(redirect) = q
        .redirect_uri
        .filter(|r| r.starts_with("http://127.0.0.1:"))
    else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "redirect_uri not registered",
        );
    };
    let sep = if redirect.contains('?') { '&' } else { '?' };
    let state = q.state.unwrap_or_default();
    let location = if q.prompt.as_deref() == Some("deny") {
        format!(
            "{redirect}{sep}error=access_denied&error_description=The+user+refused&state={state}"
        )
    } else {
        let code = Uuid::new_v4().to_string();
        let email = q
            .login_hint
            .unwrap_or_else(|| "oidc-user@example.com".into())
            .to_lowercase();
        p.codes
            .lock()
            .unwrap()
            .insert(code.clone(), (email, q.nonce, redirect.clone()));
        format!("{redirect}{sep}code={code}&state={state}")
    };
    (StatusCode::FOUND, [(header::LOCATION, location)]).into_response()
}

#[derive(Deserialize)]
struct TokenForm {
    grant_type: Option<String>,
    code: Option<String>,
    redirect_uri: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
}

/// The token endpoint: a code (once) for an access token and an ID token.
async fn token(State(p): State<Provider>, Form(f): Form<TokenForm>) -> Response {
    if f.client_id.as_deref() != Some(CLIENT_ID)
        || f.client_secret.as_deref() != Some(CLIENT_SECRET)
    {
        return oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "bad client credentials",
        );
    }
    if f.grant_type.as_deref() != Some("authorization_code") {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "authorization_code only",
        );
    }
    let entry = f.code.and_then(|c| p.codes.lock().unwrap().remove(&c));
    let Some((email, nonce, redirect)) = entry else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "unknown or used code",
        );
    };
    if f.redirect_uri.as_deref() != Some(redirect.as_str()) {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "redirect_uri mismatch",
        );
    }
    let access = format!("oidc-at-{}", Uuid::new_v4());
    p.tokens
        .lock()
        .unwrap()
        .insert(access.clone(), email.clone());
    Json(json!({
        "access_token": access, "token_type": "Bearer", "expires_in": 300,
        "refresh_token": format!("oidc-rt-{}", Uuid::new_v4()),
        "id_token": p.id_token(&email, nonce.as_deref(), CLIENT_ID), "scope": "openid email profile",
    }))
    .into_response()
}

/// The userinfo endpoint.
async fn userinfo(State(p): State<Provider>, headers: axum::http::HeaderMap) -> Response {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    let Some(email) = p.tokens.lock().unwrap().get(token).cloned() else {
        return oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_token",
            "unknown access token",
        );
    };
    Json(json!({
        "sub": subject(&email), "email": email, "email_verified": true,
        "name": email.split('@').next().unwrap_or(&email), "preferred_username": email,
    }))
    .into_response()
}

#[derive(Deserialize)]
struct MintQuery {
    email: String,
    nonce: Option<String>,
    aud: Option<String>,
}

/// Test helper: an ID token for `email` (as a native app's sign-in SDK would hand one over),
/// for `signInWithIdToken`.
async fn mint(State(p): State<Provider>, Query(q): Query<MintQuery>) -> Json<Value> {
    let aud = q.aud.unwrap_or_else(|| CLIENT_ID.into());
    Json(json!({ "id_token": p.id_token(&q.email.to_lowercase(), q.nonce.as_deref(), &aud) }))
}
