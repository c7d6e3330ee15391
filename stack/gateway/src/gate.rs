//! What Supabase's API gateway does in front of the services: API keys, CORS, routing.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use serde_json::json;
use tower::ServiceExt;

/// The project's two API keys: JWTs signed with the stack's secret, as Supabase issues them.
#[derive(Clone)]
pub struct Keys {
    pub anon: String,
    pub service: String,
}

impl Keys {
    pub fn mint(secret: &str) -> anyhow::Result<Keys> {
        let sign = |role: &str| {
            jsonwebtoken::encode(
                &jsonwebtoken::Header::default(),
                &json!({"iss": "supabase-demo", "role": role, "iat": 1_700_000_000u64, "exp": 4_000_000_000u64}),
                &jsonwebtoken::EncodingKey::from_secret(secret.as_bytes()),
            )
        };
        Ok(Keys {
            anon: sign("anon")?,
            service: sign("service_role")?,
        })
    }
}

pub struct GatewayState {
    pub keys: Keys,
    pub rest: Router,
    /// The same server without the row ceiling, for requests with embedded counts.
    pub rest_uncapped: Router,
    pub secret: String,
    pub db: crate::limits::DbWatch,
    /// The auth server's signing keys: users' ES256 tokens are verified with them here.
    pub signing: crate::auth::SigningKeys,
}

/// The REST server's row ceiling (`PGRST_DB_MAX_ROWS`, Supabase's default).
pub const MAX_ROWS: u64 = 1000;

const EXPOSED: &str = "Content-Range, Content-Location, Content-Profile, Preference-Applied, \
                       Range-Unit, Location, X-Supabase-Api-Version, X-Sb-Error-Code, Retry-After";

/// CORS as Supabase answers it: any origin (`*`), never credentials — the API is called with
/// keys and bearer tokens in headers, not cookies, so no origin is trusted with them.
fn cors(headers: &mut HeaderMap) {
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    headers.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static(EXPOSED),
    );
}

fn api_key(req: &Request) -> Option<String> {
    if let Some(v) = req.headers().get("apikey").and_then(|v| v.to_str().ok()) {
        return Some(v.to_string());
    }
    req.uri().query().and_then(|q| {
        q.split('&')
            .find_map(|p| p.strip_prefix("apikey=").map(str::to_string))
    })
}

/// Middleware: answers CORS preflights, requires a valid `apikey`, adds CORS to every answer.
/// The auth paths a browser opens itself (an emailed link, an OAuth redirect, the JWKS).
const OPEN_AUTH_PATHS: &[&str] = &[
    "/auth/v1/verify",
    "/auth/v1/callback",
    "/auth/v1/authorize",
    "/auth/v1/.well-known/jwks.json",
    "/auth/v1/_callback",
];

pub async fn gate(State(state): State<Arc<GatewayState>>, req: Request, next: Next) -> Response {
    let preflight = req.method() == Method::OPTIONS
        && req
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    let mut res = if preflight {
        let mut res = StatusCode::NO_CONTENT.into_response();
        let h = res.headers_mut();
        h.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"),
        );
        let asked = req
            .headers()
            .get(header::ACCESS_CONTROL_REQUEST_HEADERS)
            .cloned();
        h.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            asked.unwrap_or(HeaderValue::from_static("*")),
        );
        h.insert(
            header::ACCESS_CONTROL_MAX_AGE,
            HeaderValue::from_static("86400"),
        );
        res
    } else if req.uri().path() == "/health" {
        next.run(req).await
    } else if req.uri().path().starts_with("/oidc/") {
        // The local OpenID Connect test provider (src/oidc.rs): another party, not the API.
        next.run(req).await
    } else if OPEN_AUTH_PATHS.contains(&req.uri().path()) && state.db.up() {
        // What a browser opens from an email or a provider's redirect carries no API key:
        // Supabase's gateway routes these without key-auth (its `auth-v1-open*` routes).
        next.run(req).await
    } else if !state.db.up() {
        unavailable(req.uri().path().starts_with("/auth/"))
    } else {
        match api_key(&req) {
            None => (
                StatusCode::UNAUTHORIZED,
                axum::Json(json!({"message": "No API key found in request",
                                  "hint": "No `apikey` request header or url param was found."})),
            )
                .into_response(),
            Some(k) if k != state.keys.anon && k != state.keys.service => (
                StatusCode::UNAUTHORIZED,
                axum::Json(json!({"message": "Invalid API key",
                                  "hint": "Double check your Supabase `anon` or `service_role` API key."})),
            )
                .into_response(),
            Some(_) => next.run(req).await,
        }
    };
    cors(res.headers_mut());
    res
}

/// PostgreSQL does not answer: 503 at once (PostgREST's PGRST000; the auth server's
/// `unexpected_failure`), with `Retry-After`, instead of a request that hangs.
fn unavailable(auth: bool) -> Response {
    let body = if auth {
        json!({"code": "unexpected_failure", "message": "Database unavailable"})
    } else {
        json!({"code": "PGRST000", "details": "connection to the database failed", "hint": null,
               "message": "Could not connect with the database due to an incorrect db-uri or due to the PostgreSQL service not running."})
    };
    let mut res = (StatusCode::SERVICE_UNAVAILABLE, axum::Json(body)).into_response();
    res.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    res
}

/// The role of the bearer token (`anon`, `authenticated`, `service_role`). Read after the REST
/// server accepted the request, so the token was verified there (HS256 with the secret, or
/// ES256 from the auth server's JWKS): its payload is only read here.
fn bearer_role(headers: &HeaderMap, _secret: &str) -> Option<String> {
    let token = headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")?;
    let mut v = jsonwebtoken::Validation::default();
    v.insecure_disable_signature_validation();
    v.validate_aud = false;
    v.validate_exp = false;
    let data = jsonwebtoken::decode::<serde_json::Value>(
        token,
        &jsonwebtoken::DecodingKey::from_secret(&[]),
        &v,
    )
    .ok()?;
    data.claims["role"].as_str().map(str::to_string)
}

/// A user's ES256 access token, verified here with the auth server's current keys, goes on to
/// the REST server as the same claims signed with the legacy HS256 secret. Supabase's
/// PostgREST reads the project's JWKS itself; the local REST server caches a JWKS and refetches
/// it for an unknown `kid` at most every 30 s, which a test suite that rotates keys outruns.
/// A token that does not verify goes on as it came, for the REST server to refuse (PGRST301).
fn hand_over_token(headers: &mut HeaderMap, state: &GatewayState) {
    let Some(token) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    else {
        return;
    };
    let Ok(head) = jsonwebtoken::decode_header(token) else {
        return;
    };
    if head.alg != jsonwebtoken::Algorithm::ES256 {
        return;
    }
    let Some((key, alg)) = state.signing.verifying_key(&head, &state.secret) else {
        return;
    };
    let mut v = jsonwebtoken::Validation::new(alg);
    v.validate_aud = false;
    let Ok(data) = jsonwebtoken::decode::<serde_json::Value>(token, &key, &v) else {
        return;
    };
    let Ok(copy) = jsonwebtoken::encode(
        &jsonwebtoken::Header::default(),
        &data.claims,
        &jsonwebtoken::EncodingKey::from_secret(state.secret.as_bytes()),
    ) else {
        return;
    };
    if let Ok(value) = HeaderValue::from_str(&format!("Bearer {copy}")) {
        headers.insert(header::AUTHORIZATION, value);
    }
}

/// `/rest/v1/<path>?<query>` → the REST server's `/<path>?<normalised query>`.
pub async fn rest(State(state): State<Arc<GatewayState>>, req: Request) -> Response {
    let (mut parts, body) = req.into_parts();
    let path = parts.uri.path().strip_prefix("/rest/v1").unwrap_or("/");
    let path = if path.is_empty() { "/" } else { path };
    let mut counted = Vec::new();
    let target = match parts.uri.query() {
        Some(q) => {
            let q = crate::normalize::query(q);
            match crate::counts::query(&q, MAX_ROWS) {
                Some((q, paths)) => {
                    counted = paths;
                    format!("{path}?{q}")
                }
                None => format!("{path}?{q}"),
            }
        }
        None => path.to_string(),
    };
    parts.uri = match target.parse::<Uri>() {
        Ok(uri) => uri,
        Err(e) => {
            return (
                StatusCode::BAD_REQUEST,
                axum::Json(json!({"message": e.to_string()})),
            )
                .into_response()
        }
    };
    hand_over_token(&mut parts.headers, &state);
    let signed_in = bearer_role(&parts.headers, &state.secret).as_deref() == Some("authenticated");
    let req = Request::from_parts(parts, Body::new(body));
    let server = if counted.is_empty() {
        &state.rest
    } else {
        &state.rest_uncapped
    };
    let res = match server.clone().oneshot(req).await {
        Ok(res) => res.into_response(),
        Err(never) => match never {},
    };
    if res.status() == StatusCode::UNAUTHORIZED && signed_in {
        return forbidden_for_signed_in(res).await;
    }
    if !counted.is_empty() && res.status().is_success() {
        return with_counts(res, &counted).await;
    }
    res
}

/// Replaces the embedded `id` lists asked for embedded counts by the counts (see `counts`).
async fn with_counts(res: Response, paths: &[Vec<String>]) -> Response {
    let (mut parts, body) = res.into_parts();
    let bytes = axum::body::to_bytes(body, 1 << 30)
        .await
        .unwrap_or_default();
    let Ok(mut v) = serde_json::from_slice::<serde_json::Value>(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    for p in paths {
        crate::counts::apply(&mut v, p);
    }
    let out = serde_json::to_vec(&v).unwrap_or_else(|_| bytes.to_vec());
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(out))
}

/// PostgREST 12+ answers an RLS violation (`42501`) by a signed-in user with 403; 401 is for
/// anonymous requests only. The local server answers 401 for both: correct it.
async fn forbidden_for_signed_in(res: Response) -> Response {
    let (mut parts, body) = res.into_parts();
    let bytes = axum::body::to_bytes(body, 1 << 20)
        .await
        .unwrap_or_default();
    let code = serde_json::from_slice::<serde_json::Value>(&bytes)
        .ok()
        .and_then(|v| v["code"].as_str().map(str::to_string));
    if code.as_deref() == Some("42501") {
        parts.status = StatusCode::FORBIDDEN;
    }
    Response::from_parts(parts, Body::from(bytes))
}
