//! External sign-in as GoTrue v2.196 runs it with an OpenID Connect provider configured the
//! way GoTrue configures one (`keycloak`: client id, secret, redirect URI, realm URL):
//! `/authorize` (302 to the provider, the flow state's id as `state`), `/callback` (the code
//! exchanged with the provider over HTTP, the user found by identity or verified email or
//! created, then `?code=` in the PKCE flow or the session in the fragment), identities
//! (`/user/identities/authorize` to link, `DELETE /user/identities/{id}` to unlink, manual
//! linking being a setting), and `/token?grant_type=id_token` (the provider's ID token checked
//! against its JWKS, issuer, audience and hashed nonce).

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};
use sha2::Digest;
use sqlx::Row;
use uuid::Uuid;

use super::flows::{form_encode, pkce_params, redirect_to};
use super::{authenticate, new_session, ok, Answer, AuthError, AuthResult, AuthState, Credentials};

/// An external provider, as GOTRUE_EXTERNAL_<NAME>_* configures it.
#[derive(Clone)]
pub struct External {
    /// The provider's name in requests (`keycloak`).
    pub name: String,
    /// The realm URL (`…_URL`).
    pub url: String,
    /// `…_CLIENT_ID`.
    pub client_id: String,
    /// `…_SECRET`.
    pub secret: String,
    /// `…_REDIRECT_URI`: this server's `/callback`.
    pub redirect_uri: String,
}

/// An OAuth-style error (`{error, error_description}`, always 400), as GoTrue's id_token grant
/// answers.
fn oauth_error(error: &str, description: &str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Json(json!({"error": error, "error_description": description})),
    )
        .into_response()
}

fn provider<'a>(s: &'a AuthState, name: Option<&str>) -> Result<&'a External, AuthError> {
    let name = name.unwrap_or_default();
    s.external
        .as_ref()
        .filter(|e| e.name == name)
        .ok_or_else(|| {
            AuthError::new(
                400,
                "validation_failed",
                format!("Unsupported provider: Provider {name} could not be found"),
            )
        })
}

/// Query keys GoTrue keeps for itself instead of passing them on to the provider.
const RESERVED: &[&str] = &[
    "provider",
    "scopes",
    "client_id",
    "client_secret",
    "redirect_uri",
    "response_type",
    "state",
    "code_challenge",
    "code_challenge_method",
    "code_verifier",
    "skip_http_redirect",
];

/// The provider's authorization URL for a new flow (and the flow state behind it).
async fn begin(
    s: &AuthState,
    q: &HashMap<String, String>,
    linking: Option<Uuid>,
) -> Result<String, AuthError> {
    let ext = provider(s, q.get("provider").map(String::as_str))?;
    let challenge = q.get("code_challenge").map(String::as_str);
    let method = q.get("code_challenge_method").map(String::as_str);
    if let Some(m) = method.filter(|m| !m.is_empty()) {
        if !matches!(m.to_lowercase().as_str(), "s256" | "plain") {
            return Err(AuthError::new(
                400,
                "validation_failed",
                "Invalid code_challenge_method",
            ));
        }
    }
    let pkce = pkce_params(challenge, method)?;
    let referrer = redirect_to(s, q.get("redirect_to").map(String::as_str));
    let flow: Uuid = sqlx::query_scalar(
        "INSERT INTO auth.flow_state (auth_code, code_challenge, code_challenge_method, authentication_method, provider_type, referrer, linking_target_id)
         VALUES ($1, $2, $3, 'oauth', $4, $5, $6) RETURNING id",
    )
    .bind(Uuid::new_v4().to_string())
    .bind(pkce.as_ref().map(|p| p.0.clone()))
    .bind(pkce.as_ref().map(|p| p.1.clone()))
    .bind(&ext.name)
    .bind(&referrer)
    .bind(linking)
    .fetch_one(&s.pool)
    .await?;
    let mut scopes = vec!["openid".to_string(), "profile".into(), "email".into()];
    if let Some(extra) = q.get("scopes") {
        for sc in extra.split([',', ' ']).filter(|x| !x.is_empty()) {
            if !scopes.iter().any(|s| s == sc) {
                scopes.push(sc.to_string());
            }
        }
    }
    let mut url = format!(
        "{}/protocol/openid-connect/auth?client_id={}&redirect_uri={}&response_type=code&scope={}&state={flow}",
        ext.url,
        form_encode(&ext.client_id),
        form_encode(&ext.redirect_uri),
        form_encode(&scopes.join(" ")),
    );
    let mut passed: Vec<(&String, &String)> = q
        .iter()
        .filter(|(k, _)| !RESERVED.contains(&k.as_str()))
        .collect();
    passed.sort();
    for (k, v) in passed {
        url.push_str(&format!("&{}={}", form_encode(k), form_encode(v)));
    }
    Ok(url)
}

fn redirect_or_url(url: String, skip: bool) -> Response {
    if skip {
        Json(json!({ "url": url })).into_response()
    } else {
        (StatusCode::FOUND, [(header::LOCATION, url)]).into_response()
    }
}

/// `GET /authorize?provider=…&redirect_to=…&scopes=…&code_challenge=…`: 302 to the provider.
pub async fn authorize(
    State(s): State<AuthState>,
    Query(q): Query<HashMap<String, String>>,
) -> AuthResult {
    let url = begin(&s, &q, None).await?;
    Ok(redirect_or_url(
        url,
        q.get("skip_http_redirect").map(String::as_str) == Some("true"),
    ))
}

fn manual_linking(s: &AuthState) -> Result<(), AuthError> {
    if s.manual_linking {
        Ok(())
    } else {
        Err(AuthError::new(
            404,
            "manual_linking_disabled",
            "Manual linking is disabled",
        ))
    }
}

/// `GET /user/identities/authorize?provider=…`: the same, to link the identity to the
/// signed-in user.
pub async fn link(
    State(s): State<AuthState>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> AuthResult {
    let (uid, _) = authenticate(&s, &headers).await?;
    manual_linking(&s)?;
    let url = begin(&s, &q, Some(uid)).await?;
    Ok(redirect_or_url(
        url,
        q.get("skip_http_redirect").map(String::as_str) == Some("true"),
    ))
}

/// A 303 to `to` with the error in the query and the fragment (GoTrue's redirectErrors).
fn callback_error(to: &str, code: &str, description: &str) -> Response {
    let params = format!(
        "error=invalid_request&error_code={code}&error_description={}",
        form_encode(description)
    );
    let base = to.split('#').next().unwrap_or(to);
    let sep = if base.contains('?') { '&' } else { '?' };
    let location = format!("{base}{sep}{params}#{params}&sb=");
    (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response()
}

/// What a provider says of the user.
struct Claims {
    sub: String,
    email: Option<String>,
    verified: bool,
    data: Value,
}

/// The user behind `claims` (found by identity, or by verified email, or created), with the
/// identity linked; or, when linking, `target` with the identity added.
async fn sign_in_user(
    s: &AuthState,
    provider: &str,
    claims: &Claims,
    target: Option<Uuid>,
) -> Result<Uuid, AuthError> {
    let existing: Option<Uuid> = sqlx::query_scalar(
        "SELECT user_id FROM auth.identities WHERE provider = $1 AND provider_id = $2",
    )
    .bind(provider)
    .bind(&claims.sub)
    .fetch_optional(&s.pool)
    .await?;
    let user = match (target, existing) {
        (Some(t), Some(u)) if t == u => {
            return Err(AuthError::new(
                422,
                "identity_already_exists",
                "Identity is already linked",
            ))
        }
        (Some(_), Some(_)) => {
            return Err(AuthError::new(
                422,
                "identity_already_exists",
                "Identity is already linked to another user",
            ))
        }
        (Some(t), None) => t,
        (None, Some(u)) => u,
        (None, None) => {
            let by_email: Option<Uuid> = match (&claims.email, claims.verified) {
                (Some(e), true) => {
                    sqlx::query_scalar("SELECT id FROM auth.users WHERE email = lower($1) AND email_confirmed_at IS NOT NULL")
                        .bind(e)
                        .fetch_optional(&s.pool)
                        .await?
                }
                _ => None,
            };
            match by_email {
                Some(u) => u,
                None => {
                    sqlx::query_scalar(
                        "INSERT INTO auth.users (email, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, email_identity)
                         VALUES (lower($1), CASE WHEN $2 THEN now() END, jsonb_build_object('provider', $3::text, 'providers', jsonb_build_array($3::text)), $4, false)
                         RETURNING id",
                    )
                    .bind(&claims.email)
                    .bind(claims.verified)
                    .bind(provider)
                    .bind(&claims.data)
                    .fetch_one(&s.pool)
                    .await?
                }
            }
        }
    };
    sqlx::query(
        "INSERT INTO auth.identities (user_id, provider, provider_id, identity_data, email, last_sign_in_at)
         VALUES ($1, $2, $3, $4, lower($5), now())
         ON CONFLICT (provider, provider_id) DO UPDATE SET identity_data = excluded.identity_data, last_sign_in_at = now(), updated_at = now()",
    )
    .bind(user)
    .bind(provider)
    .bind(&claims.sub)
    .bind(&claims.data)
    .bind(&claims.email)
    .execute(&s.pool)
    .await?;
    sync_providers(s, user).await?;
    Ok(user)
}

/// `app_metadata.providers`: every provider the user has an identity of.
async fn sync_providers(s: &AuthState, user: Uuid) -> Result<(), AuthError> {
    sqlx::query(
        "UPDATE auth.users u SET raw_app_meta_data = u.raw_app_meta_data || jsonb_build_object('providers',
            (SELECT coalesce(jsonb_agg(p ORDER BY p), '[]') FROM (
               SELECT 'email' AS p WHERE u.email_identity AND u.email IS NOT NULL AND NOT u.is_anonymous
               UNION SELECT provider FROM auth.identities i WHERE i.user_id = u.id) ps))
         WHERE u.id = $1",
    )
    .bind(user)
    .execute(&s.pool)
    .await?;
    Ok(())
}

/// `GET /callback?code=…&state=…`: the provider's redirect back.
pub async fn callback(
    State(s): State<AuthState>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    match callback_inner(&s, &q).await {
        Ok(r) => r,
        Err(e) => e.into_response(),
    }
}

async fn callback_inner(s: &AuthState, q: &HashMap<String, String>) -> AuthResult {
    let site = s.site_url.clone();
    let Some(state) = q.get("state").filter(|v| !v.is_empty()) else {
        return Ok(callback_error(
            &site,
            "bad_oauth_callback",
            "OAuth state parameter missing",
        ));
    };
    let Ok(flow_id) = state.parse::<Uuid>() else {
        return Ok(callback_error(
            &site,
            "bad_oauth_state",
            "OAuth state parameter is invalid",
        ));
    };
    let Some(flow) = sqlx::query(
        "SELECT provider_type, referrer, code_challenge, linking_target_id, user_id,
                extract(epoch from now() - created_at)::float8 AS age
           FROM auth.flow_state WHERE id = $1 AND authentication_method = 'oauth'",
    )
    .bind(flow_id)
    .fetch_optional(&s.pool)
    .await?
    else {
        return Ok(callback_error(
            &site,
            "bad_oauth_state",
            "OAuth state not found or expired",
        ));
    };
    if flow.get::<f64, _>("age") > 300.0 {
        return Ok(callback_error(
            &site,
            "bad_oauth_state",
            "OAuth state has expired",
        ));
    }
    if flow.get::<Option<Uuid>, _>("user_id").is_some() {
        return Ok(callback_error(
            &site,
            "flow_state_already_used",
            "State has already been used",
        ));
    }
    let referrer: String = flow.get::<Option<String>, _>("referrer").unwrap_or(site);
    if let Some(err) = q.get("error") {
        let description = q
            .get("error_description")
            .cloned()
            .unwrap_or_else(|| err.clone());
        let params = format!(
            "error={}&error_code=&error_description={}",
            form_encode(err),
            form_encode(&description)
        );
        let base = referrer.split('#').next().unwrap_or(&referrer);
        let sep = if base.contains('?') { '&' } else { '?' };
        return Ok((
            StatusCode::FOUND,
            [(
                header::LOCATION,
                format!("{base}{sep}{params}#{params}&sb="),
            )],
        )
            .into_response());
    }
    let Some(code) = q.get("code").filter(|c| !c.is_empty()) else {
        return Err(AuthError::new(
            400,
            "bad_oauth_callback",
            "OAuth callback with missing authorization code missing",
        ));
    };
    let name: String = flow.get("provider_type");
    let ext = provider(s, Some(&name))?.clone();
    // The back channel: the code for the provider's tokens, then who the user is.
    let http = reqwest::Client::new();
    let tokens = provider_json(
        http.post(format!("{}/protocol/openid-connect/token", ext.url))
            .form(&[
                ("grant_type", "authorization_code"),
                ("code", code.as_str()),
                ("redirect_uri", ext.redirect_uri.as_str()),
                ("client_id", ext.client_id.as_str()),
                ("client_secret", ext.secret.as_str()),
            ]),
        "token",
    )
    .await?;
    let Some(access) = tokens["access_token"].as_str() else {
        let description = tokens["error_description"]
            .as_str()
            .unwrap_or("Unable to exchange external code");
        return Ok(callback_error(&referrer, "unexpected_failure", description));
    };
    let userinfo = http
        .get(format!("{}/protocol/openid-connect/userinfo", ext.url))
        .bearer_auth(access);
    let info = provider_json(userinfo, "userinfo").await?;
    let claims = claims_of(&info, &ext.url);
    let target = flow.get::<Option<Uuid>, _>("linking_target_id");
    let user = match sign_in_user(s, &ext.name, &claims, target).await {
        Ok(u) => u,
        Err(e) => return Ok(callback_error(&referrer, e.1, &e.2)),
    };
    let provider_token = access.to_string();
    let provider_refresh = tokens["refresh_token"].as_str().map(str::to_string);
    if flow.get::<Option<String>, _>("code_challenge").is_some() {
        let auth_code: String = sqlx::query_scalar(
            "UPDATE auth.flow_state SET user_id = $2, auth_code_issued_at = now(), provider_access_token = $3, provider_refresh_token = $4
              WHERE id = $1 RETURNING auth_code",
        )
        .bind(flow_id)
        .bind(user)
        .bind(&provider_token)
        .bind(&provider_refresh)
        .fetch_one(&s.pool)
        .await?;
        let sep = if referrer.contains('?') { '&' } else { '?' };
        return Ok((
            StatusCode::FOUND,
            [(header::LOCATION, format!("{referrer}{sep}code={auth_code}"))],
        )
            .into_response());
    }
    sqlx::query("DELETE FROM auth.flow_state WHERE id = $1")
        .bind(flow_id)
        .execute(&s.pool)
        .await?;
    let session = new_session(s, user, "oauth", Answer::Other).await?;
    let v = |k: &str| match &session[k] {
        Value::String(t) => form_encode(t),
        other => other.to_string(),
    };
    let mut fragment = format!(
        "access_token={}&expires_at={}&expires_in={}",
        v("access_token"),
        v("expires_at"),
        v("expires_in")
    );
    if let Some(r) = &provider_refresh {
        fragment.push_str(&format!("&provider_refresh_token={}", form_encode(r)));
    }
    fragment.push_str(&format!(
        "&provider_token={}&refresh_token={}&sb=&token_type=bearer",
        form_encode(&provider_token),
        v("refresh_token")
    ));
    let base = referrer.split('#').next().unwrap_or(&referrer);
    Ok((
        StatusCode::FOUND,
        [(header::LOCATION, format!("{base}#{fragment}"))],
    )
        .into_response())
}

/// The JSON a provider's endpoint answers (`what` names it in the error).
async fn provider_json(request: reqwest::RequestBuilder, what: &str) -> Result<Value, AuthError> {
    let fail = |e: reqwest::Error| {
        AuthError::new(500, "unexpected_failure", format!("provider {what}: {e}"))
    };
    request
        .send()
        .await
        .map_err(fail)?
        .json()
        .await
        .map_err(fail)
}

fn claims_of(info: &Value, issuer: &str) -> Claims {
    let sub = info["sub"].as_str().unwrap_or_default().to_string();
    let email = info["email"].as_str().map(str::to_lowercase);
    let verified = info["email_verified"].as_bool().unwrap_or(false);
    let mut data = json!({"iss": issuer, "sub": sub, "provider_id": sub, "email_verified": verified, "phone_verified": false});
    if let Some(e) = &email {
        data["email"] = json!(e);
    }
    for k in ["name", "preferred_username"] {
        if let Some(v) = info[k].as_str() {
            data[if k == "name" { "full_name" } else { k }] = json!(v);
            if k == "name" {
                data["name"] = json!(v);
            }
        }
    }
    Claims {
        sub,
        email,
        verified,
        data,
    }
}

/// The user's identities as GoTrue lists them: the email identity (where the user has one)
/// and each linked provider's.
pub async fn identities_json(
    s: &sqlx::PgPool,
    uid: Uuid,
    email_identity: Option<Value>,
) -> Result<Vec<Value>, AuthError> {
    let mut out: Vec<Value> = email_identity.into_iter().collect();
    let rows = sqlx::query(
        "SELECT id, provider, provider_id, identity_data, email, created_at, updated_at, last_sign_in_at
           FROM auth.identities WHERE user_id = $1 ORDER BY created_at",
    )
    .bind(uid)
    .fetch_all(s)
    .await?;
    for r in rows {
        type Ts = Option<chrono::DateTime<chrono::Utc>>;
        let mut i = json!({
            "identity_id": r.get::<Uuid, _>("id"), "id": r.get::<String, _>("provider_id"), "user_id": uid,
            "identity_data": r.get::<Value, _>("identity_data"), "provider": r.get::<String, _>("provider"),
            "created_at": r.get::<Ts, _>("created_at"), "updated_at": r.get::<Ts, _>("updated_at"),
        });
        if let Some(e) = r.get::<Option<String>, _>("email") {
            i["email"] = json!(e);
        }
        if let Some(t) = r.get::<Ts, _>("last_sign_in_at") {
            i["last_sign_in_at"] = json!(t);
        }
        out.push(i);
    }
    Ok(out)
}

/// `DELETE /user/identities/{identity_id}`: `{}`; a user keeps at least one identity.
pub async fn unlink(
    State(s): State<AuthState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> AuthResult {
    let (uid, _) = authenticate(&s, &headers).await?;
    manual_linking(&s)?;
    let id: Uuid = id
        .parse()
        .map_err(|_| AuthError::new(404, "validation_failed", "identity_id must be an UUID"))?;
    let user = super::user_json(&s.pool, uid, false).await?;
    let identities = user["identities"].as_array().cloned().unwrap_or_default();
    if identities.len() <= 1 {
        return Err(AuthError::new(
            422,
            "single_identity_not_deletable",
            "User must have at least 1 identity after unlinking",
        ));
    }
    let Some(identity) = identities.iter().find(|i| i["identity_id"] == json!(id)) else {
        return Err(AuthError::new(
            422,
            "identity_not_found",
            "Identity doesn't exist",
        ));
    };
    if identity["provider"] == "email" {
        sqlx::query(
            "UPDATE auth.users SET email_identity = false, updated_at = now() WHERE id = $1",
        )
        .bind(uid)
        .execute(&s.pool)
        .await?;
    } else {
        sqlx::query("DELETE FROM auth.identities WHERE id = $1 AND user_id = $2")
            .bind(id)
            .bind(uid)
            .execute(&s.pool)
            .await?;
    }
    sync_providers(&s, uid).await?;
    ok(json!({}))
}

/// `POST /token?grant_type=id_token {provider, id_token, nonce?, access_token?, link_identity?}`:
/// a session for the user of a provider's ID token.
pub async fn id_token_grant(s: &AuthState, headers: &HeaderMap, c: Credentials) -> AuthResult {
    let Some(token) = c.id_token.clone().filter(|t| !t.is_empty()) else {
        return Ok(oauth_error("invalid request", "id_token required"));
    };
    let Some(name) = c.provider.clone() else {
        return Ok(oauth_error(
            "invalid request",
            "provider or client_id and issuer required",
        ));
    };
    let ext = match provider(s, Some(&name)) {
        Ok(e) => e.clone(),
        Err(_) => {
            return Err(AuthError::new(
                400,
                "validation_failed",
                format!("Custom OIDC provider \"{name}\" not allowed"),
            ))
        }
    };
    // The provider's keys, found as an OIDC client finds them: discovery, then jwks_uri.
    let http = reqwest::Client::new();
    let fetch = |url: String| {
        let http = http.clone();
        async move { http.get(url).send().await.ok()?.json::<Value>().await.ok() }
    };
    let discovery = fetch(format!("{}/.well-known/openid-configuration", ext.url)).await;
    let jwks = match discovery.as_ref().and_then(|d| d["jwks_uri"].as_str()) {
        Some(u) => fetch(u.to_string()).await,
        None => None,
    };
    let header = jsonwebtoken::decode_header(&token).map_err(|_| ());
    let key = match (&header, &jwks) {
        (Ok(h), Some(set)) => set["keys"].as_array().and_then(|keys| {
            keys.iter()
                .find(|k| h.kid.is_none() || k["kid"].as_str() == h.kid.as_deref())
                .and_then(|k| {
                    jsonwebtoken::DecodingKey::from_ec_components(
                        k["x"].as_str()?,
                        k["y"].as_str()?,
                    )
                    .ok()
                })
        }),
        _ => None,
    };
    let Some(key) = key else {
        return Ok(oauth_error("invalid request", "Bad ID token"));
    };
    let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::ES256);
    validation.set_issuer(&[ext.url.as_str()]);
    validation.validate_aud = false;
    let claims = match jsonwebtoken::decode::<Value>(&token, &key, &validation) {
        Ok(d) => d.claims,
        Err(_) => return Ok(oauth_error("invalid request", "Bad ID token")),
    };
    let sub = claims["sub"].as_str().unwrap_or_default();
    if sub.is_empty() {
        return Ok(oauth_error(
            "invalid request",
            "Missing sub claim in id_token",
        ));
    }
    let aud_ok = match &claims["aud"] {
        Value::String(a) => *a == ext.client_id,
        Value::Array(a) => a.iter().any(|x| x.as_str() == Some(ext.client_id.as_str())),
        _ => false,
    };
    if !aud_ok {
        return Ok(oauth_error(
            "invalid request",
            &format!("Unacceptable audience in id_token: [{}]", claims["aud"]),
        ));
    }
    match (
        c.nonce.as_deref().filter(|n| !n.is_empty()),
        claims["nonce"].as_str(),
    ) {
        (None, None) => {}
        (Some(raw), Some(hashed)) => {
            let want: String = sha2::Sha256::digest(raw.as_bytes())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            if want != hashed {
                return Ok(oauth_error("invalid nonce", "Nonces mismatch"));
            }
        }
        _ => {
            return Ok(oauth_error(
                "invalid request",
                "Passed nonce and nonce in id_token should either both exist or not.",
            ))
        }
    }
    let target = if c.link_identity.unwrap_or(false) {
        Some(authenticate(s, headers).await?.0)
    } else {
        None
    };
    let user = sign_in_user(s, &ext.name, &claims_of(&claims, &ext.url), target).await?;
    ok(new_session(s, user, "oauth", Answer::Other).await?)
}
