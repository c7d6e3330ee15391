//! `getClaims`: the claims of an access token, verified here against the project's JWKS
//! (`/auth/v1/.well-known/jwks.json`, kept 10 minutes, fetched again for an unknown `kid`) when
//! it is signed with an asymmetric key, and by the server (`GET /user`) otherwise — a symmetric
//! (HS256) token, no `kid`, a key the JWKS does not hold, or a platform without the algorithm —
//! as supabase-js does.

use serde_json::{json, Value};

use super::session::base64url;
use super::AuthClient;
use crate::error::{Error, ErrorCode};

/// How long a fetched JWKS is trusted: 10 minutes (supabase-js's JWKS_TTL).
pub(super) const JWKS_TTL_MS: f64 = 600_000.0;

/// A decoded JWT: header, claims, signature and the signed text.
#[derive(Debug, Clone, PartialEq)]
pub struct Jwt {
    /// The header (`alg`, `kid`, `typ`).
    pub header: Value,
    /// The payload.
    pub claims: Value,
    /// The signature's bytes.
    pub signature: Vec<u8>,
    /// `<header>.<payload>` as sent: what the signature signs.
    pub signed: String,
}

/// A JWT's claims as GoTrue writes them, for Rust users (the JS declaration is `McJwtClaims`):
/// from [`Jwt::typed_claims`]. Claims it does not name are in `other`.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct JwtClaims {
    /// The user's id.
    pub sub: String,
    /// The audience (`authenticated`, or a list).
    pub aud: Audience,
    /// Expiry, in seconds since the epoch.
    pub exp: i64,
    /// Issued at, in seconds since the epoch.
    pub iat: i64,
    /// The issuer (`<project>/auth/v1`).
    pub iss: String,
    /// The Postgres role (`authenticated`, `anon`).
    pub role: String,
    /// The assurance level (`aal1`, `aal2`).
    pub aal: String,
    /// The session's id.
    pub session_id: String,
    /// The user's email.
    pub email: Option<String>,
    /// The user's phone.
    pub phone: Option<String>,
    /// How the session was authenticated, newest first.
    #[serde(default)]
    pub amr: Vec<AuthMethod>,
    /// Whether the user signed in anonymously.
    #[serde(default)]
    pub is_anonymous: bool,
    /// Metadata only the server sets (`provider`, `providers`).
    #[serde(default)]
    pub app_metadata: serde_json::Map<String, Value>,
    /// The user's own metadata.
    #[serde(default)]
    pub user_metadata: serde_json::Map<String, Value>,
    /// Every other claim.
    #[serde(flatten)]
    pub other: serde_json::Map<String, Value>,
}

/// A JWT's `aud`: one audience or several.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(untagged)]
pub enum Audience {
    /// One audience.
    One(String),
    /// Several.
    Many(Vec<String>),
}

/// One entry of a JWT's `amr`.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct AuthMethod {
    /// `password`, `otp`, `totp`, `oauth`, `anonymous`, …
    pub method: String,
    /// When, in seconds since the epoch.
    pub timestamp: i64,
}

pub(super) fn invalid(message: &str) -> Error {
    let mut e = Error::new(ErrorCode::InvalidJwt, message);
    e.status = 400;
    e
}

/// Reads a JWT's three parts (not verified), as supabase-js's `decodeJWT`.
pub fn decode_jwt(token: &str) -> Result<Jwt, Error> {
    let parts: Vec<&str> = token.split('.').collect();
    if parts.len() != 3 {
        return Err(invalid("Invalid JWT structure"));
    }
    let url_safe = |p: &str| {
        p.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    if !parts.iter().all(|p| url_safe(p)) {
        return Err(invalid("JWT not in base64url format"));
    }
    let json_part = |p: &str| {
        base64url(p)
            .and_then(|b| String::from_utf8(b).ok())
            .and_then(|t| crate::json::parse(&t).ok())
            .filter(Value::is_object)
            .ok_or_else(|| invalid("Invalid JWT structure"))
    };
    Ok(Jwt {
        header: json_part(parts[0])?,
        claims: json_part(parts[1])?,
        signature: base64url(parts[2]).ok_or_else(|| invalid("JWT not in base64url format"))?,
        signed: format!("{}.{}", parts[0], parts[1]),
    })
}

impl AuthClient {}

impl Jwt {
    /// The claims as [`JwtClaims`] (`undecodable` when they lack what GoTrue always writes).
    ///
    /// ```
    /// use mission_control_sdk::auth::{base64url_encode, decode_jwt, Audience};
    /// let part = |v: serde_json::Value| base64url_encode(v.to_string().as_bytes());
    /// let token = format!(
    ///     "{}.{}.c2ln",
    ///     part(serde_json::json!({"alg": "ES256", "kid": "k1"})),
    ///     part(serde_json::json!({"sub": "u1", "aud": "authenticated", "exp": 2000000000,
    ///         "iat": 1990000000, "iss": "http://127.0.0.1:54321/auth/v1", "role": "authenticated",
    ///         "aal": "aal1", "session_id": "s1", "amr": [{"method": "password", "timestamp": 1990000000}],
    ///         "ref": "local"})),
    /// );
    /// let claims = decode_jwt(&token)?.typed_claims()?;
    /// assert_eq!(claims.aud, Audience::One("authenticated".into()));
    /// assert_eq!(claims.amr[0].method, "password");
    /// assert_eq!(claims.other["ref"], "local");
    /// # Ok::<(), mission_control_sdk::Error>(())
    /// ```
    pub fn typed_claims(&self) -> Result<JwtClaims, Error> {
        super::mfa::decode(self.claims.clone(), "the JWT's claims")
    }

    /// `{ claims, header, signature }` as `getClaims` answers it (the signature as its bytes).
    pub fn to_json(&self) -> Value {
        json!({ "claims": self.claims, "header": self.header, "signature": self.signature })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::base64url_encode;

    fn encode_for_tests(v: &Value) -> String {
        base64url_encode(v.to_string().as_bytes())
    }

    #[test]
    fn a_jwt_is_three_base64url_json_parts() {
        let h = encode_for_tests(&json!({"alg": "ES256", "kid": "k1", "typ": "JWT"}));
        let p = encode_for_tests(&json!({"sub": "u", "exp": 4_000_000_000_i64}));
        let jwt = decode_jwt(&format!("{h}.{p}.AQID")).unwrap();
        assert_eq!(jwt.header["kid"], "k1");
        assert_eq!(jwt.claims["sub"], "u");
        assert_eq!(jwt.signature, vec![1, 2, 3]);
        assert_eq!(jwt.signed, format!("{h}.{p}"));
        assert_eq!(jwt.to_json()["signature"], json!([1, 2, 3]));
        for bad in [
            "a.b",
            "a.b.c.d",
            "",
            &format!("{h}.{p}.a+b"),
            &format!("{h}.bm90IGpzb24.AQID"),
        ] {
            let e = decode_jwt(bad).unwrap_err();
            assert_eq!((e.code, e.status), (ErrorCode::InvalidJwt, 400), "{bad}");
        }
    }
}
