//! MFA with TOTP as GoTrue v2.196 runs it (internal/api/mfa.go): enroll a factor (its secret,
//! `otpauth://` URI and QR code as SVG), challenge it, verify a code (RFC 6238: SHA-1, 6
//! digits, 30 s, one step of skew) — which raises the session to `aal2`, adds `totp` to its
//! `amr` and ends the user's other aal1 sessions — and unenroll it.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use hmac::Mac;
use serde::Deserialize;
use serde_json::{json, Value};
use sqlx::Row;
use uuid::Uuid;

use super::{
    authenticate, new_refresh_token, ok, refuse_nul, session_json, Answer, AuthError, AuthResult,
    AuthState,
};

/// GOTRUE_MFA_CHALLENGE_EXPIRY_DURATION: 300 s.
const CHALLENGE_EXPIRY: f64 = 300.0;
/// GOTRUE_MFA_MAX_ENROLLED_FACTORS: 10.
const MAX_FACTORS: i64 = 10;

/// RFC 4648 base32 without padding, as TOTP secrets are written.
fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in bytes {
        acc = (acc << 8) | u32::from(*b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((acc >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((acc << (5 - bits)) & 31) as usize] as char);
    }
    out
}

fn unbase32(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'2'..=b'7' => c - b'2' + 26,
            _ => continue,
        };
        acc = (acc << 5) | u32::from(v);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

/// The RFC 6238 code of `secret` (base32) for time step `step`.
fn totp(secret: &str, step: u64) -> String {
    let mut mac =
        hmac::Hmac::<sha1::Sha1>::new_from_slice(&unbase32(secret)).expect("any key length");
    mac.update(&step.to_be_bytes());
    let h = mac.finalize().into_bytes();
    let offset = (h[19] & 0x0f) as usize;
    let n = u32::from_be_bytes([
        h[offset] & 0x7f,
        h[offset + 1],
        h[offset + 2],
        h[offset + 3],
    ]);
    format!("{:06}", n % 1_000_000)
}

/// Whether `code` is the secret's code now, a step before or a step after.
fn totp_valid(secret: &str, code: &str) -> bool {
    let step = (chrono::Utc::now().timestamp() / 30) as u64;
    [step - 1, step, step + 1]
        .iter()
        .any(|s| totp(secret, *s) == code)
}

/// The signed-in user's session: its user, id, assurance level and whether it is anonymous.
async fn session_of(s: &AuthState, headers: &HeaderMap) -> Result<(Uuid, Uuid, String), AuthError> {
    let (uid, sid) = authenticate(s, headers).await?;
    let row = sqlx::query(
        "SELECT s.aal, u.is_anonymous FROM auth.sessions s JOIN auth.users u ON u.id = s.user_id WHERE s.id = $1",
    )
    .bind(sid)
    .fetch_one(&s.pool)
    .await?;
    if row.get::<bool, _>("is_anonymous") {
        return Err(AuthError::new(
            403,
            "no_authorization",
            "Anonymous user not allowed to perform these actions",
        ));
    }
    Ok((uid, sid, row.get("aal")))
}

async fn verified_factors(s: &AuthState, uid: Uuid) -> Result<i64, AuthError> {
    Ok(sqlx::query_scalar(
        "SELECT count(*) FROM auth.mfa_factors WHERE user_id = $1 AND status = 'verified'",
    )
    .bind(uid)
    .fetch_one(&s.pool)
    .await?)
}

#[derive(Deserialize)]
pub struct EnrollBody {
    factor_type: Option<String>,
    friendly_name: Option<String>,
    issuer: Option<String>,
}

/// `POST /factors {factor_type: "totp", friendly_name?, issuer?}`.
pub async fn enroll(
    State(s): State<AuthState>,
    headers: HeaderMap,
    Json(b): Json<EnrollBody>,
) -> AuthResult {
    let (uid, _, aal) = session_of(&s, &headers).await?;
    match b.factor_type.as_deref() {
        Some("totp") => {}
        Some("phone") => {
            return Err(AuthError::new(
                422,
                "mfa_phone_enroll_not_enabled",
                "MFA enroll is disabled for Phone",
            ))
        }
        Some("webauthn") => {
            return Err(AuthError::new(
                422,
                "mfa_webauthn_enroll_not_enabled",
                "MFA enroll is disabled for WebAuthn",
            ))
        }
        _ => {
            return Err(AuthError::new(
                400,
                "validation_failed",
                "factor_type needs to be totp, phone, or webauthn",
            ))
        }
    }
    refuse_nul(&[b.friendly_name.as_deref(), b.issuer.as_deref()], None)?;
    // Unverified factors never challenged expire after 300 s.
    sqlx::query(
        "DELETE FROM auth.mfa_factors f WHERE f.user_id = $1 AND f.status = 'unverified' AND f.created_at < now() - interval '300 seconds'
            AND NOT EXISTS (SELECT 1 FROM auth.mfa_challenges c WHERE c.factor_id = f.id)",
    )
    .bind(uid)
    .execute(&s.pool)
    .await?;
    let name = b.friendly_name.clone().unwrap_or_default();
    let taken: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM auth.mfa_factors WHERE user_id = $1 AND coalesce(friendly_name, '') = $2)",
    )
    .bind(uid)
    .bind(&name)
    .fetch_one(&s.pool)
    .await?;
    if taken {
        return Err(AuthError::new(
            422,
            "mfa_factor_name_conflict",
            format!("A factor with the friendly name \"{name}\" for this user already exists"),
        ));
    }
    let total: i64 = sqlx::query_scalar("SELECT count(*) FROM auth.mfa_factors WHERE user_id = $1")
        .bind(uid)
        .fetch_one(&s.pool)
        .await?;
    if total >= MAX_FACTORS {
        return Err(AuthError::new(
            422,
            "too_many_enrolled_mfa_factors",
            "Maximum number of verified factors reached, unenroll to continue",
        ));
    }
    if verified_factors(&s, uid).await? > 0 && aal != "aal2" {
        return Err(AuthError::new(
            403,
            "insufficient_aal",
            "AAL2 required to enroll a new factor",
        ));
    }
    let email: String =
        sqlx::query_scalar("SELECT coalesce(email, '') FROM auth.users WHERE id = $1")
            .bind(uid)
            .fetch_one(&s.pool)
            .await?;
    if email.is_empty() {
        return Err(AuthError::new(
            500,
            "unexpected_failure",
            "Error generating QR Code",
        ));
    }
    let issuer = b.issuer.clone().unwrap_or_else(|| {
        let host = s.site_url.split("://").nth(1).unwrap_or(&s.site_url);
        host.split(['/', ':']).next().unwrap_or(host).to_string()
    });
    let secret = base32(&crate::auth::flows::random_bytes(20));
    let label = format!("{issuer}:{email}");
    let uri = format!(
        "otpauth://totp/{}?algorithm=SHA1&digits=6&issuer={}&period=30&secret={secret}",
        super::flows::path_encode(&label),
        super::flows::form_encode(&issuer),
    );
    let qr = qrcode::QrCode::with_error_correction_level(uri.as_bytes(), qrcode::EcLevel::H)
        .map_err(|_| AuthError::new(500, "unexpected_failure", "Error generating QR Code"))?
        .render::<qrcode::render::svg::Color>()
        .module_dimensions(3, 3)
        .build();
    let id: Uuid = sqlx::query_scalar(
        "INSERT INTO auth.mfa_factors (user_id, friendly_name, factor_type, secret) VALUES ($1, $2, 'totp', $3) RETURNING id",
    )
    .bind(uid)
    .bind(b.friendly_name.as_deref())
    .bind(&secret)
    .fetch_one(&s.pool)
    .await?;
    let mut answer =
        json!({"id": id, "type": "totp", "totp": {"qr_code": qr, "secret": secret, "uri": uri}});
    if let Some(n) = b.friendly_name {
        answer["friendly_name"] = json!(n);
    }
    ok(answer)
}

/// The user's factor `id` (404 `mfa_factor_not_found` if it is not theirs).
async fn factor(s: &AuthState, uid: Uuid, id: &str) -> Result<(Uuid, String, String), AuthError> {
    let id: Uuid = id
        .parse()
        .map_err(|_| AuthError::new(404, "validation_failed", "factor_id must be an UUID"))?;
    let row =
        sqlx::query("SELECT status, secret FROM auth.mfa_factors WHERE id = $1 AND user_id = $2")
            .bind(id)
            .bind(uid)
            .fetch_optional(&s.pool)
            .await?
            .ok_or_else(|| AuthError::new(404, "mfa_factor_not_found", "Factor not found"))?;
    Ok((id, row.get("status"), row.get("secret")))
}

/// `POST /factors/{id}/challenge`: `{id, type: "totp", expires_at}`.
pub async fn challenge(
    State(s): State<AuthState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> AuthResult {
    let (uid, _, _) = session_of(&s, &headers).await?;
    let (factor_id, _, _) = factor(&s, uid, &id).await?;
    let row = sqlx::query(
        "INSERT INTO auth.mfa_challenges (factor_id) VALUES ($1) RETURNING id, extract(epoch from created_at)::bigint AS at",
    )
    .bind(factor_id)
    .fetch_one(&s.pool)
    .await?;
    ok(
        json!({"id": row.get::<Uuid, _>("id"), "type": "totp", "expires_at": row.get::<i64, _>("at") + CHALLENGE_EXPIRY as i64}),
    )
}

#[derive(Deserialize)]
pub struct VerifyBody {
    challenge_id: Option<String>,
    code: Option<String>,
}

/// `POST /factors/{id}/verify {challenge_id, code}`: the session raised to aal2.
pub async fn verify(
    State(s): State<AuthState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Json(b): Json<VerifyBody>,
) -> AuthResult {
    let (uid, sid, _) = session_of(&s, &headers).await?;
    let (factor_id, _, secret) = factor(&s, uid, &id).await?;
    let code = b.code.unwrap_or_default();
    if code.is_empty() {
        return Err(AuthError::new(
            400,
            "validation_failed",
            "Code needs to be non-empty",
        ));
    }
    let not_found = || {
        AuthError::new(
            422,
            "mfa_factor_not_found",
            "MFA factor with the provided challenge ID not found",
        )
    };
    let challenge_id: Uuid = b
        .challenge_id
        .unwrap_or_default()
        .parse()
        .map_err(|_| not_found())?;
    let row = sqlx::query(
        "SELECT verified_at IS NOT NULL AS used, extract(epoch from now() - created_at)::float8 AS age
           FROM auth.mfa_challenges WHERE id = $1 AND factor_id = $2",
    )
    .bind(challenge_id)
    .bind(factor_id)
    .fetch_optional(&s.pool)
    .await?
    .ok_or_else(not_found)?;
    if row.get::<bool, _>("used") {
        return Err(AuthError::new(
            422,
            "mfa_ip_address_mismatch",
            "Challenge and verify IP addresses mismatch.",
        ));
    }
    if row.get::<f64, _>("age") > CHALLENGE_EXPIRY {
        sqlx::query("DELETE FROM auth.mfa_challenges WHERE id = $1")
            .bind(challenge_id)
            .execute(&s.pool)
            .await?;
        return Err(AuthError::new(
            422,
            "mfa_challenge_expired",
            format!("MFA challenge {challenge_id} has expired, verify against another challenge or create a new challenge."),
        ));
    }
    if !totp_valid(&secret, &code) {
        return Err(AuthError::new(
            422,
            "mfa_verification_failed",
            "Invalid TOTP code entered",
        ));
    }
    let mut tx = s.pool.begin().await?;
    sqlx::query("UPDATE auth.mfa_challenges SET verified_at = now() WHERE id = $1")
        .bind(challenge_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "UPDATE auth.mfa_factors SET status = 'verified', updated_at = now() WHERE id = $1",
    )
    .bind(factor_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE auth.sessions SET aal = 'aal2', factor_id = $2, mfa_verified_at = now(), updated_at = now() WHERE id = $1")
        .bind(sid)
        .bind(factor_id)
        .execute(&mut *tx)
        .await?;
    // The user's other sessions below aal2 end; other unverified TOTP factors go.
    sqlx::query("DELETE FROM auth.sessions WHERE user_id = $1 AND id <> $2 AND aal <> 'aal2'")
        .bind(uid)
        .bind(sid)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM auth.mfa_factors WHERE user_id = $1 AND id <> $2 AND status = 'unverified' AND factor_type = 'totp'")
        .bind(uid)
        .bind(factor_id)
        .execute(&mut *tx)
        .await?;
    // A new refresh token: the aal1 one cannot mint aal2 tokens.
    sqlx::query("UPDATE auth.refresh_tokens SET revoked = true, updated_at = now() WHERE session_id = $1 AND NOT revoked")
        .bind(sid)
        .execute(&mut *tx)
        .await?;
    let refresh = new_refresh_token();
    sqlx::query("INSERT INTO auth.refresh_tokens (token, user_id, session_id) VALUES ($1, $2, $3)")
        .bind(&refresh)
        .bind(uid)
        .bind(sid)
        .execute(&mut *tx)
        .await?;
    let method: String =
        sqlx::query_scalar("SELECT sign_in_method FROM auth.sessions WHERE id = $1")
            .bind(sid)
            .fetch_one(&mut *tx)
            .await?;
    tx.commit().await?;
    ok(session_json(&s, uid, sid, &refresh, &method, Answer::Other).await?)
}

/// `DELETE /factors/{id}`: `{id}`; a verified factor needs an aal2 session. Sessions it raised
/// fall back to aal1.
pub async fn unenroll(
    State(s): State<AuthState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> AuthResult {
    let (uid, _, aal) = session_of(&s, &headers).await?;
    let (factor_id, status, _) = factor(&s, uid, &id).await?;
    if status == "verified" && aal != "aal2" {
        return Err(AuthError::new(
            422,
            "insufficient_aal",
            "AAL2 required to unenroll verified factor",
        ));
    }
    sqlx::query("UPDATE auth.sessions SET aal = 'aal1', factor_id = NULL, mfa_verified_at = NULL WHERE factor_id = $1")
        .bind(factor_id)
        .execute(&s.pool)
        .await?;
    sqlx::query("DELETE FROM auth.mfa_factors WHERE id = $1")
        .bind(factor_id)
        .execute(&s.pool)
        .await?;
    ok(json!({ "id": factor_id }))
}

/// The user's factors as GoTrue lists them in the user object.
pub async fn factors_json(s: &sqlx::PgPool, uid: Uuid) -> Result<Vec<Value>, AuthError> {
    let rows = sqlx::query(
        "SELECT id, friendly_name, factor_type, status, created_at, updated_at FROM auth.mfa_factors WHERE user_id = $1 ORDER BY created_at",
    )
    .bind(uid)
    .fetch_all(s)
    .await?;
    Ok(rows
        .iter()
        .map(|r| {
            let mut f = json!({
                "id": r.get::<Uuid, _>("id"),
                "created_at": r.get::<chrono::DateTime<chrono::Utc>, _>("created_at"),
                "updated_at": r.get::<chrono::DateTime<chrono::Utc>, _>("updated_at"),
                "status": r.get::<String, _>("status"),
                "factor_type": r.get::<String, _>("factor_type"),
                "phone": "",
                "last_challenged_at": null,
            });
            if let Some(n) = r.get::<Option<String>, _>("friendly_name") {
                f["friendly_name"] = json!(n);
            }
            f
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc6238_sha1_vectors() {
        // RFC 6238 appendix B, the SHA-1 seed "12345678901234567890", 8 digits → last 6 here.
        let secret = base32(b"12345678901234567890");
        assert_eq!(secret, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assert_eq!(totp(&secret, 59 / 30), "287082");
        assert_eq!(totp(&secret, 1_111_111_109 / 30), "081804");
        assert_eq!(totp(&secret, 2_000_000_000 / 30), "279037");
        assert_eq!(unbase32(&secret), b"12345678901234567890");
    }
}
