//! The stand-in's flows that finish in a second step, as GoTrue v2.196 runs them: PKCE flow
//! state and `/token?grant_type=pkce`, `/verify` by link (`GET`, a 303 redirect) and by code or
//! token hash (`POST`), secure email change (both addresses confirm), `/resend`, and
//! `/reauthenticate` with the nonce a password change may need.

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::Engine;
use serde::Deserialize;
use serde_json::{json, Value};
use sha2::Digest;
use sqlx::Row;
use uuid::Uuid;

use super::{
    authenticate, new_session, ok, refuse_nul, send_code, user_by_email, valid_email, Answer,
    AuthError, AuthResult, AuthState, Credentials,
};

/// GoTrue's GOTRUE_EXTERNAL_FLOW_STATE_EXPIRY_DURATION default (and minimum): 300 s.
const FLOW_STATE_EXPIRY: i64 = 300;

/// `?redirect_to=` of a request.
#[derive(Deserialize, Default)]
pub struct RedirectQuery {
    pub redirect_to: Option<String>,
}

/// Where a link lands: `redirect_to` when allowed (a loopback host, or the site URL's host),
/// the site URL otherwise (GoTrue's IsRedirectURLValid with an empty allow list).
pub fn redirect_to(s: &AuthState, wanted: Option<&str>) -> String {
    let host = |url: &str| {
        let rest = url.split_once("://").map(|(_, r)| r)?;
        let authority = rest.split(['/', '?', '#']).next()?;
        let host = authority.rsplit_once(':').map_or(authority, |(h, _)| h);
        Some(host.to_string())
    };
    match wanted {
        Some(url) if url.starts_with("http://") || url.starts_with("https://") => {
            let h = host(url).unwrap_or_default();
            let loopback = matches!(h.as_str(), "127.0.0.1" | "localhost" | "[::1]");
            if loopback || Some(h) == host(&s.site_url) {
                url.to_string()
            } else {
                s.site_url.clone()
            }
        }
        _ => s.site_url.clone(),
    }
}

/// `application/x-www-form-urlencoded`, as Go's `url.QueryEscape` writes it.
pub fn form_encode(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for b in v.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `n` random bytes (the 14 random bytes of each v4 UUID, from the OS's generator).
pub fn random_bytes(n: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(n + 14);
    while out.len() < n {
        let u = Uuid::new_v4().into_bytes();
        out.extend(u[..6].iter().chain(&u[7..8]).chain(&u[9..]));
    }
    out.truncate(n);
    out
}

/// A URL path as Go's `url.URL` writes it (`:` and `@` kept).
pub fn path_encode(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for b in v.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The link's token hash: hex sha224(address + code), `pkce_`-prefixed in the PKCE flow.
pub fn link_hash(address: &str, code: &str, pkce: bool) -> String {
    let digest = sha2::Sha224::digest(format!("{address}{code}").as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    if pkce {
        format!("pkce_{hex}")
    } else {
        hex
    }
}

/// The `type` of the link for a stored code's kind.
pub fn link_type(kind: &str) -> &'static str {
    match kind {
        "recovery" => "recovery",
        k if k.starts_with("email_change") => "email_change",
        "reauthentication" => "reauthentication",
        _ => "magiclink",
    }
}

/// The kinds of stored code a verification type may use.
fn kinds_of(kind: &str) -> Option<&'static [&'static str]> {
    Some(match kind {
        "email" | "magiclink" | "signup" | "invite" => &["magiclink"],
        "recovery" => &["recovery"],
        "email_change" => &["email_change_token_current", "email_change_token_new"],
        _ => return None,
    })
}

/// GoTrue's validatePKCEParams: both or neither; a challenge of 43–128 characters of
/// `[a-zA-Z0-9._~-]`; the method `s256` or `plain`, any case (another is a 500, as GoTrue's
/// email endpoints answer it). `Some((challenge, method))` for a PKCE flow.
pub fn pkce_params(
    challenge: Option<&str>,
    method: Option<&str>,
) -> Result<Option<(String, String)>, AuthError> {
    let (challenge, method) = match (
        challenge.filter(|c| !c.is_empty()),
        method.filter(|m| !m.is_empty()),
    ) {
        (None, None) => return Ok(None),
        (Some(c), Some(m)) => (c, m),
        _ => {
            return Err(AuthError::new(
                400,
                "validation_failed",
                "PKCE flow requires code_challenge_method and code_challenge",
            ))
        }
    };
    if !(43..=128).contains(&challenge.len()) {
        return Err(AuthError::new(
            400,
            "validation_failed",
            "code challenge has to be between 43 and 128 characters",
        ));
    }
    if !challenge
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"._~-".contains(&b))
    {
        return Err(AuthError::new(
            400,
            "validation_failed",
            "code challenge can only contain alphanumeric characters, hyphens, periods, underscores and tildes",
        ));
    }
    let method = method.to_lowercase();
    if method != "s256" && method != "plain" {
        return Err(AuthError::new(
            500,
            "unexpected_failure",
            "Unexpected failure, please check server logs for more information",
        ));
    }
    Ok(Some((challenge.to_string(), method)))
}

/// Records a PKCE flow's state for `user_id` (nothing in the implicit flow).
pub async fn begin_flow(
    s: &AuthState,
    user_id: Uuid,
    pkce: Option<&(String, String)>,
    method: &str,
) -> Result<(), AuthError> {
    if let Some((challenge, challenge_method)) = pkce {
        sqlx::query(
            "INSERT INTO auth.flow_state (user_id, auth_code, code_challenge, code_challenge_method, authentication_method)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(user_id)
        .bind(Uuid::new_v4().to_string())
        .bind(challenge)
        .bind(challenge_method)
        .bind(method)
        .execute(&s.pool)
        .await?;
    }
    Ok(())
}

/// `POST /token?grant_type=pkce` `{auth_code, code_verifier}`: the session of a flow whose
/// code /verify issued, once, within 300 s, for the verifier whose challenge began it.
pub async fn pkce_grant(s: &AuthState, c: Credentials) -> AuthResult {
    let (code, verifier) = (
        c.auth_code.unwrap_or_default(),
        c.code_verifier.unwrap_or_default(),
    );
    if code.is_empty() || verifier.is_empty() {
        return Err(AuthError::new(
            400,
            "validation_failed",
            "invalid request: both auth code and code verifier should be non-empty",
        ));
    }
    refuse_nul(&[Some(&code), Some(&verifier)], None)?;
    let row = sqlx::query(
        "SELECT id, user_id, code_challenge, code_challenge_method, authentication_method, provider_access_token, provider_refresh_token,
                extract(epoch from now() - coalesce(CASE WHEN authentication_method = 'magiclink' THEN auth_code_issued_at END, created_at))::float8 AS age
           FROM auth.flow_state WHERE auth_code = $1 AND user_id IS NOT NULL AND auth_code_issued_at IS NOT NULL",
    )
    .bind(&code)
    .fetch_optional(&s.pool)
    .await?
    .ok_or_else(|| AuthError::new(404, "flow_state_not_found", "invalid flow state, no valid flow state found"))?;
    if row.get::<f64, _>("age") > FLOW_STATE_EXPIRY as f64 {
        return Err(AuthError::new(
            422,
            "flow_state_expired",
            "invalid flow state, flow state has expired",
        ));
    }
    let challenge: String = row
        .get::<Option<String>, _>("code_challenge")
        .unwrap_or_default();
    let method = row.get::<Option<String>, _>("code_challenge_method");
    let matches = !challenge.is_empty()
        && match method.as_deref().unwrap_or_default() {
            "s256" => {
                base64::engine::general_purpose::URL_SAFE_NO_PAD
                    .encode(sha2::Sha256::digest(verifier.as_bytes()))
                    == challenge
            }
            _ => verifier == challenge,
        };
    if !matches {
        return Err(AuthError::new(
            400,
            "bad_code_verifier",
            "code challenge does not match previously saved code verifier",
        ));
    }
    sqlx::query("DELETE FROM auth.flow_state WHERE id = $1")
        .bind(row.get::<Uuid, _>("id"))
        .execute(&s.pool)
        .await?;
    let method: String = row.get("authentication_method");
    let mut session = new_session(s, row.get("user_id"), &method, Answer::Other).await?;
    // An OAuth flow hands the provider's tokens over with the session.
    for key in ["provider_access_token", "provider_refresh_token"] {
        if let Some(t) = row.get::<Option<String>, _>(key) {
            session[key.replace("_access", "")] = json!(t);
        }
    }
    ok(session)
}

#[derive(Deserialize, Default)]
pub struct VerifyQuery {
    token: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    redirect_to: Option<String>,
}

/// A 303 redirect to `url`.
fn see_other(url: &str) -> Response {
    let mut res = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = url.parse() {
        res.headers_mut().insert(header::LOCATION, v);
    }
    res
}

/// `url` with `params` added to its query.
fn with_query(url: &str, params: &str) -> String {
    let (base, fragment) = url
        .split_once('#')
        .map_or((url, None), |(b, f)| (b, Some(f)));
    let sep = if base.contains('?') { '&' } else { '?' };
    match fragment {
        Some(f) => format!("{base}{sep}{params}#{f}"),
        None => format!("{base}{sep}{params}"),
    }
}

/// An error as GoTrue's `/verify` redirects it: in the fragment (implicit), also in the query
/// (PKCE).
fn error_redirect(to: &str, pkce: bool, e: &AuthError) -> Response {
    let error = match e.0.as_u16() {
        401 => "unauthorized_client",
        403 => "access_denied",
        500 => "server_error",
        503 => "temporarily_unavailable",
        _ => "invalid_request",
    };
    let params = format!(
        "error={error}&error_code={}&error_description={}",
        e.1,
        form_encode(&e.2)
    );
    let base = to.split('#').next().unwrap_or(to);
    let url = if pkce {
        with_query(base, &params)
    } else {
        base.to_string()
    };
    see_other(&format!("{url}#{params}&sb="))
}

/// What a verified code does.
enum Verified {
    /// A session for the user, by this sign-in method.
    Session(Uuid, &'static str),
    /// The first of a secure email change's two confirmations.
    FirstOfTwo,
}

/// Uses the stored code (`id`) of `kind` for `user_id`: confirms the email, or takes one step
/// of an email change.
async fn use_code(
    s: &AuthState,
    id: Uuid,
    user_id: Uuid,
    kind: &str,
) -> Result<Verified, AuthError> {
    sqlx::query("DELETE FROM auth.one_time_tokens WHERE id = $1")
        .bind(id)
        .execute(&s.pool)
        .await?;
    if kind.starts_with("email_change") {
        let other_pending: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM auth.one_time_tokens WHERE user_id = $1 AND kind LIKE 'email_change%')",
        )
        .bind(user_id)
        .fetch_one(&s.pool)
        .await?;
        if other_pending {
            sqlx::query("UPDATE auth.users SET email_change_confirm_status = 1 WHERE id = $1")
                .bind(user_id)
                .execute(&s.pool)
                .await?;
            return Ok(Verified::FirstOfTwo);
        }
        let taken: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM auth.users o, auth.users u WHERE u.id = $1 AND o.email = u.email_change AND o.id <> u.id)",
        )
        .bind(user_id)
        .fetch_one(&s.pool)
        .await?;
        if taken {
            return Err(super::email_exists());
        }
        sqlx::query(
            "UPDATE auth.users SET email = email_change, email_change = NULL, email_change_sent_at = NULL,
                    email_change_confirm_status = 0, email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now()
              WHERE id = $1 AND email_change IS NOT NULL",
        )
        .bind(user_id)
        .execute(&s.pool)
        .await?;
        return Ok(Verified::Session(user_id, "otp"));
    }
    sqlx::query("UPDATE auth.users SET email_confirmed_at = coalesce(email_confirmed_at, now()) WHERE id = $1")
        .bind(user_id)
        .execute(&s.pool)
        .await?;
    Ok(Verified::Session(user_id, "otp"))
}

const FIRST_OF_TWO: &str =
    "Confirmation link accepted. Please proceed to confirm link sent to the other email";

/// `GET /verify?token=<hash>&type=…&redirect_to=…`: the emailed link. A 303 to `redirect_to`
/// with the session in the fragment (implicit), with `?code=` (PKCE, the hash `pkce_`-prefixed),
/// or with the error.
pub async fn verify_get(State(s): State<AuthState>, Query(q): Query<VerifyQuery>) -> AuthResult {
    let Some(kind) = q.kind.filter(|k| !k.is_empty()) else {
        return Err(AuthError::new(
            400,
            "validation_failed",
            "Verify requires a verification type",
        ));
    };
    let Some(token) = q.token.filter(|t| !t.is_empty()) else {
        return Err(AuthError::new(
            400,
            "validation_failed",
            "Verify requires a token or a token hash",
        ));
    };
    let to = redirect_to(&s, q.redirect_to.as_deref());
    let pkce = token.starts_with("pkce_");
    let Some(kinds) = kinds_of(&kind) else {
        let e = AuthError::new(400, "validation_failed", "Invalid email verification type");
        return Ok(error_redirect(&to, pkce, &e));
    };
    match verify_link(&s, &token, kinds).await {
        Err(e) => Ok(error_redirect(&to, pkce, &e)),
        Ok(Verified::FirstOfTwo) => {
            let message = format!("message={}", form_encode(FIRST_OF_TWO));
            let base = to.split('#').next().unwrap_or(&to);
            let url = if pkce {
                with_query(base, &message)
            } else {
                base.to_string()
            };
            Ok(see_other(&format!("{url}#{message}&sb=")))
        }
        Ok(Verified::Session(user_id, method)) if pkce => {
            let flow = match kind.as_str() {
                "recovery" => "recovery",
                "email_change" => "email_change",
                _ => "magiclink",
            };
            let code: Option<String> = sqlx::query_scalar(
                "UPDATE auth.flow_state SET auth_code_issued_at = now()
                  WHERE id = (SELECT id FROM auth.flow_state WHERE user_id = $1 AND authentication_method = $2 ORDER BY created_at DESC LIMIT 1)
                  RETURNING auth_code",
            )
            .bind(user_id)
            .bind(flow)
            .fetch_optional(&s.pool)
            .await?;
            let _ = method;
            match code {
                Some(code) => Ok(see_other(&with_query(&to, &format!("code={code}")))),
                None => Ok(error_redirect(
                    &to,
                    true,
                    &AuthError::new(
                        400,
                        "flow_state_not_found",
                        "No associated flow state found. No valid flow state found for user.",
                    ),
                )),
            }
        }
        Ok(Verified::Session(user_id, method)) => {
            let session = new_session(&s, user_id, method, Answer::Other).await?;
            let v = |k: &str| match &session[k] {
                Value::String(t) => form_encode(t),
                other => other.to_string(),
            };
            let fragment = format!(
                "access_token={}&expires_at={}&expires_in={}&refresh_token={}&sb=&token_type=bearer&type={}",
                v("access_token"),
                v("expires_at"),
                v("expires_in"),
                v("refresh_token"),
                form_encode(&kind)
            );
            let base = to.split('#').next().unwrap_or(&to);
            Ok(see_other(&format!("{base}#{fragment}")))
        }
    }
}

/// The stored code whose link hash is `hash`, used.
async fn verify_link(s: &AuthState, hash: &str, kinds: &[&str]) -> Result<Verified, AuthError> {
    refuse_nul(&[Some(hash)], None)?;
    let kinds: Vec<String> = kinds.iter().map(|k| k.to_string()).collect();
    let row = sqlx::query(
        "SELECT id, user_id, kind FROM auth.one_time_tokens
          WHERE link_hash = $1 AND kind = ANY($2) AND created_at > now() - interval '1 hour'",
    )
    .bind(hash)
    .bind(&kinds)
    .fetch_optional(&s.pool)
    .await?
    .ok_or_else(|| AuthError::new(403, "otp_expired", "Email link is invalid or has expired"))?;
    let kind: String = row.get("kind");
    use_code(s, row.get("id"), row.get("user_id"), &kind).await
}

#[derive(Deserialize)]
pub struct VerifyBody {
    #[serde(rename = "type")]
    kind: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    token: Option<String>,
    token_hash: Option<String>,
}

/// `POST /verify`: `{type, email, token}` (the emailed code), `{type, phone, token}`, or
/// `{type, token_hash}` (the link's hash): a session, or — for the first of a secure email
/// change's two confirmations — `{"msg": …, "code": "200"}`.
pub async fn verify_post(State(s): State<AuthState>, Json(b): Json<VerifyBody>) -> AuthResult {
    let kind = b.kind.clone().unwrap_or_default();
    if kind.is_empty() {
        return Err(AuthError::new(
            400,
            "validation_failed",
            "Verify requires a verification type",
        ));
    }
    let verified = match (b.token.as_deref(), b.token_hash.as_deref()) {
        (Some(_), Some(_)) | (None, None) => {
            return Err(AuthError::new(
                400,
                "validation_failed",
                "Verify requires either a token or a token hash",
            ))
        }
        (None, Some(hash)) => {
            if b.email.is_some() || b.phone.is_some() {
                return Err(AuthError::new(
                    400,
                    "validation_failed",
                    "Only the token_hash and type should be provided",
                ));
            }
            let Some(kinds) = kinds_of(&kind) else {
                return Err(AuthError::new(
                    400,
                    "validation_failed",
                    "Invalid email verification type",
                ));
            };
            verify_link(&s, hash, kinds).await?
        }
        (Some(token), None) => {
            let Some(email) = b.email.as_deref() else {
                if b.phone.is_some() {
                    // Phone sign-ins are off on the stand-in: no code was ever texted.
                    return Err(AuthError::new(
                        403,
                        "otp_expired",
                        "Token has expired or is invalid",
                    ));
                }
                return Err(AuthError::new(
                    400,
                    "validation_failed",
                    "Only an email address or phone number should be provided on verify",
                ));
            };
            let Some(kinds) = kinds_of(&kind) else {
                return Err(AuthError::new(
                    400,
                    "validation_failed",
                    "Verify requires a verification type",
                ));
            };
            verify_code(&s, email, token, kinds).await?
        }
    };
    match verified {
        Verified::FirstOfTwo => ok(json!({"msg": FIRST_OF_TWO, "code": "200"})),
        Verified::Session(user_id, method) => {
            ok(new_session(&s, user_id, method, Answer::Other).await?)
        }
    }
}

/// The code `token` sent to `email`, used; a wrong guess counts against the code (five end it).
async fn verify_code(
    s: &AuthState,
    email: &str,
    token: &str,
    kinds: &[&str],
) -> Result<Verified, AuthError> {
    refuse_nul(&[Some(email), Some(token)], None)?;
    let kinds: Vec<String> = kinds.iter().map(|k| k.to_string()).collect();
    let row = sqlx::query(
        "SELECT t.id, t.user_id, t.kind FROM auth.one_time_tokens t JOIN auth.users u ON u.id = t.user_id
          WHERE coalesce(t.relates_to, u.email) = lower(trim($1)) AND t.kind = ANY($2) AND t.token_hash = $3
            AND t.created_at > now() - interval '1 hour'",
    )
    .bind(email)
    .bind(&kinds)
    .bind(token)
    .fetch_optional(&s.pool)
    .await?;
    let Some(row) = row else {
        sqlx::query(
            "UPDATE auth.one_time_tokens t SET attempts = t.attempts + 1 FROM auth.users u
              WHERE t.user_id = u.id AND coalesce(t.relates_to, u.email) = lower(trim($1)) AND t.kind = ANY($2)",
        )
        .bind(email)
        .bind(&kinds)
        .execute(&s.pool)
        .await?;
        sqlx::query("DELETE FROM auth.one_time_tokens WHERE attempts >= 5")
            .execute(&s.pool)
            .await?;
        return Err(AuthError::new(
            403,
            "otp_expired",
            "Token has expired or is invalid",
        ));
    };
    let kind: String = row.get("kind");
    use_code(s, row.get("id"), row.get("user_id"), &kind).await
}

/// `PUT /user {email}` with secure email change: the new address is pending (`new_email`) and
/// a code goes to each address; both must be verified.
pub async fn begin_email_change(
    s: &AuthState,
    user_id: Uuid,
    new_email: &str,
    c: &Credentials,
    redirect: &str,
) -> Result<(), AuthError> {
    let pkce = match (
        c.code_challenge.as_deref(),
        c.code_challenge_method.as_deref(),
    ) {
        (Some(ch), Some(m)) if !ch.is_empty() => Some((ch.to_string(), m.to_lowercase())),
        _ => None,
    };
    let current: Option<String> = sqlx::query_scalar(
        "UPDATE auth.users SET email_change = $1, email_change_sent_at = now(), email_change_confirm_status = 0, updated_at = now()
          WHERE id = $2 RETURNING email",
    )
    .bind(new_email)
    .bind(user_id)
    .fetch_one(&s.pool)
    .await?;
    begin_flow(s, user_id, pkce.as_ref(), "email_change").await?;
    send_code(
        s,
        user_id,
        "email_change_token_new",
        new_email,
        pkce.is_some(),
        redirect,
    )
    .await?;
    match current.filter(|e| !e.is_empty()) {
        Some(current) => {
            send_code(
                s,
                user_id,
                "email_change_token_current",
                &current,
                pkce.is_some(),
                redirect,
            )
            .await?
        }
        None => {
            sqlx::query("DELETE FROM auth.one_time_tokens WHERE user_id = $1 AND kind = 'email_change_token_current'")
                .bind(user_id)
                .execute(&s.pool)
                .await?;
        }
    }
    Ok(())
}

/// With reauthentication required (MC_AUTH_REAUTHENTICATE_AFTER): a password change from a
/// session older than that needs the emailed nonce — 400 `reauthentication_needed` without,
/// 422 `reauthentication_not_valid` when wrong; the nonce is used up.
pub async fn check_reauthentication(
    s: &AuthState,
    user_id: Uuid,
    session_id: Uuid,
    nonce: Option<&str>,
) -> Result<(), AuthError> {
    let Some(after) = s.reauthenticate_after else {
        return Ok(());
    };
    let age: f64 = sqlx::query_scalar(
        "SELECT extract(epoch from now() - created_at)::float8 FROM auth.sessions WHERE id = $1",
    )
    .bind(session_id)
    .fetch_one(&s.pool)
    .await?;
    if age < after as f64 {
        return Ok(());
    }
    let Some(nonce) = nonce.filter(|n| !n.is_empty()) else {
        return Err(AuthError::new(
            400,
            "reauthentication_needed",
            "Password update requires reauthentication",
        ));
    };
    let used: Option<Uuid> = sqlx::query_scalar(
        "DELETE FROM auth.one_time_tokens WHERE user_id = $1 AND kind = 'reauthentication' AND token_hash = $2
            AND created_at > now() - interval '1 hour' RETURNING id",
    )
    .bind(user_id)
    .bind(nonce)
    .fetch_optional(&s.pool)
    .await?;
    match used {
        Some(_) => Ok(()),
        None => Err(AuthError::new(
            422,
            "reauthentication_not_valid",
            "Nonce has expired or is invalid",
        )),
    }
}

/// `GET /reauthenticate`: emails the signed-in user a nonce. `{}`.
pub async fn reauthenticate(State(s): State<AuthState>, headers: HeaderMap) -> AuthResult {
    let (uid, _) = authenticate(&s, &headers).await?;
    let row = sqlx::query(
        "SELECT email, email_confirmed_at IS NOT NULL AS confirmed FROM auth.users WHERE id = $1",
    )
    .bind(uid)
    .fetch_one(&s.pool)
    .await?;
    let Some(email) = row
        .get::<Option<String>, _>("email")
        .filter(|e| !e.is_empty())
    else {
        return Err(AuthError::new(
            400,
            "validation_failed",
            "Reauthentication requires the user to have an email or a phone number",
        ));
    };
    if !row.get::<bool, _>("confirmed") {
        return Err(AuthError::new(
            422,
            "email_not_confirmed",
            "Please verify your email first.",
        ));
    }
    send_code(&s, uid, "reauthentication", &email, false, &s.site_url).await?;
    ok(json!({}))
}

#[derive(Deserialize)]
pub struct ResendBody {
    #[serde(rename = "type")]
    kind: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    code_challenge: Option<String>,
    code_challenge_method: Option<String>,
}

/// `POST /resend {type, email | phone}`: the confirmation sent again; `{}` whether or not
/// there was one to send (no enumeration).
pub async fn resend(
    State(s): State<AuthState>,
    Query(r): Query<RedirectQuery>,
    Json(b): Json<ResendBody>,
) -> AuthResult {
    let kind = b.kind.clone().unwrap_or_default();
    if !matches!(
        kind.as_str(),
        "signup" | "email_change" | "sms" | "phone_change"
    ) {
        return Err(AuthError::new(
            400,
            "validation_failed",
            "Missing one of these types: signup, email_change, sms, phone_change",
        ));
    }
    let (email, phone) = (
        b.email.as_deref().filter(|e| !e.is_empty()),
        b.phone.as_deref().filter(|p| !p.is_empty()),
    );
    match (email, phone) {
        (Some(_), Some(_)) => {
            return Err(AuthError::new(
                400,
                "validation_failed",
                "Only an email address or phone number should be provided.",
            ))
        }
        (None, None) => {
            return Err(AuthError::new(
                400,
                "validation_failed",
                "Missing email address or phone number",
            ))
        }
        _ => {}
    }
    let phone_type = matches!(kind.as_str(), "sms" | "phone_change");
    if phone_type && phone.is_none() {
        return Err(AuthError::new(
            400,
            "validation_failed",
            "Type provided requires a phone number",
        ));
    }
    if !phone_type && email.is_none() {
        return Err(AuthError::new(
            400,
            "validation_failed",
            "Type provided requires an email address",
        ));
    }
    if phone_type {
        return Err(AuthError::new(
            400,
            "phone_provider_disabled",
            "Phone logins are disabled",
        ));
    }
    let email = email.unwrap_or_default().trim().to_lowercase();
    refuse_nul(&[Some(&email)], None)?;
    if !valid_email(&email) {
        return Err(AuthError::new(
            400,
            "validation_failed",
            "Unable to validate email address: invalid format",
        ));
    }
    let pkce = pkce_params(
        b.code_challenge.as_deref(),
        b.code_challenge_method.as_deref(),
    )?;
    let redirect = redirect_to(&s, r.redirect_to.as_deref());
    // Sign-ups are confirmed at once on the stand-in: a signup confirmation is never pending.
    if kind == "email_change" {
        if let Some(id) = user_by_email(&s, &email).await? {
            let pending: Option<String> =
                sqlx::query_scalar("SELECT email_change FROM auth.users WHERE id = $1")
                    .bind(id)
                    .fetch_one(&s.pool)
                    .await?;
            if let Some(new_email) = pending {
                let c = Credentials {
                    code_challenge: pkce.as_ref().map(|p| p.0.clone()),
                    code_challenge_method: pkce.as_ref().map(|p| p.1.clone()),
                    ..Credentials::default()
                };
                begin_email_change(&s, id, &new_email, &c, &redirect).await?;
            }
        }
    }
    ok(json!({}))
}
