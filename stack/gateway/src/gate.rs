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
        Ok(Keys { anon: sign("anon")?, service: sign("service_role")? })
    }
}

pub struct GatewayState {
    pub keys: Keys,
    pub rest: Router,
}

const EXPOSED: &str = "Content-Range, Content-Location, Content-Profile, Preference-Applied, \
                       Range-Unit, Location, X-Supabase-Api-Version, X-Sb-Error-Code, Retry-After";

fn cors(headers: &mut HeaderMap, origin: Option<&HeaderValue>) {
    let origin = origin.cloned().unwrap_or(HeaderValue::from_static("*"));
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    headers.insert(header::ACCESS_CONTROL_ALLOW_CREDENTIALS, HeaderValue::from_static("true"));
    headers.insert(header::ACCESS_CONTROL_EXPOSE_HEADERS, HeaderValue::from_static(EXPOSED));
    headers.insert(header::VARY, HeaderValue::from_static("Origin"));
}

fn api_key(req: &Request) -> Option<String> {
    if let Some(v) = req.headers().get("apikey").and_then(|v| v.to_str().ok()) {
        return Some(v.to_string());
    }
    req.uri().query().and_then(|q| {
        q.split('&').find_map(|p| p.strip_prefix("apikey=").map(str::to_string))
    })
}

/// Middleware: answers CORS preflights, requires a valid `apikey`, adds CORS to every answer.
pub async fn gate(State(state): State<Arc<GatewayState>>, req: Request, next: Next) -> Response {
    let origin = req.headers().get(header::ORIGIN).cloned();
    let preflight = req.method() == Method::OPTIONS
        && req.headers().contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    let mut res = if preflight {
        let mut res = StatusCode::NO_CONTENT.into_response();
        let h = res.headers_mut();
        h.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"),
        );
        let asked = req.headers().get(header::ACCESS_CONTROL_REQUEST_HEADERS).cloned();
        h.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, asked.unwrap_or(HeaderValue::from_static("*")));
        h.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("86400"));
        res
    } else if req.uri().path() == "/health" {
        next.run(req).await
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
    cors(res.headers_mut(), origin.as_ref());
    res
}

/// `/rest/v1/<path>?<query>` → the REST server's `/<path>?<normalised query>`.
pub async fn rest(State(state): State<Arc<GatewayState>>, req: Request) -> Response {
    let (mut parts, body) = req.into_parts();
    let path = parts.uri.path().strip_prefix("/rest/v1").unwrap_or("/");
    let path = if path.is_empty() { "/" } else { path };
    let target = match parts.uri.query() {
        Some(q) => format!("{path}?{}", crate::normalize::query(q)),
        None => path.to_string(),
    };
    parts.uri = match target.parse::<Uri>() {
        Ok(uri) => uri,
        Err(e) => {
            return (StatusCode::BAD_REQUEST, axum::Json(json!({"message": e.to_string()})))
                .into_response()
        }
    };
    let req = Request::from_parts(parts, Body::new(body));
    match state.rest.clone().oneshot(req).await {
        Ok(res) => res.into_response(),
        Err(never) => match never {},
    }
}
