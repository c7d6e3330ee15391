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
