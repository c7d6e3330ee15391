//! `getClaims`: the claims of an access token, verified here against the project's JWKS
//! (`/auth/v1/.well-known/jwks.json`, kept 10 minutes, fetched again for an unknown `kid`) when
//! it is signed with an asymmetric key, and by the server (`GET /user`) otherwise — a symmetric
//! (HS256) token, no `kid`, a key the JWKS does not hold, or a platform without the algorithm —
//! as supabase-js does.

use serde_json::{json, Value};

use super::session::base64url;
use super::{AuthClient, Bearer, Call, Then};
use crate::error::{Error, ErrorCode};
use crate::http::Method;

/// How long a fetched JWKS is trusted: 10 minutes (supabase-js's JWKS_TTL).
const JWKS_TTL_MS: f64 = 600_000.0;

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

fn invalid(message: &str) -> Error {
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

impl AuthClient {
    /// The claims of `jwt` (the session's access token when `None`; `Ok(None)` when signed
    /// out), verified: an asymmetric signature against the project's JWKS, anything else by the
    /// server. An expired token is refused unless `allow_expired`.
    pub async fn get_claims(
        &self,
        jwt: Option<&str>,
        allow_expired: bool,
    ) -> Result<Option<Jwt>, Error> {
        let token = match jwt {
            Some(t) => t.to_string(),
            None => match self.get_session().await? {
                Some(s) => s.access_token,
                None => return Ok(None),
            },
        };
        let decoded = decode_jwt(&token)?;
        if !allow_expired {
            match decoded.claims["exp"].as_f64() {
                None => return Err(invalid("Missing exp claim")),
                Some(exp) if exp <= (crate::runtime::now_millis() / 1000.0).floor() => {
                    return Err(invalid("JWT has expired"))
                }
                Some(_) => {}
            }
        }
        let alg = decoded.header["alg"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let kid = decoded.header["kid"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let key = if alg.is_empty() || alg.starts_with("HS") || kid.is_empty() {
            None
        } else {
            self.signing_key(&kid).await?
        };
        let verified = match &key {
            Some(jwk) => {
                crate::runtime::verify_signature(
                    &alg,
                    jwk,
                    decoded.signed.as_bytes(),
                    &decoded.signature,
                )
                .await
            }
            None => None,
        };
        match verified {
            Some(true) => Ok(Some(decoded)),
            Some(false) => Err(invalid("Invalid JWT signature")),
            None => {
                // The server is the judge: `GET /user` with the token.
                let call = Call::new(Method::Get, "/user", None, Bearer::Token(token))
                    .then(Then::User(None));
                self.run(call).await?;
                Ok(Some(decoded))
            }
        }
    }

    /// The JWK of `kid`: from the cached JWKS while it is fresh, else fetched again (also when
    /// the cache lacks the `kid`). `None` when the project has no such key.
    async fn signing_key(&self, kid: &str) -> Result<Option<Value>, Error> {
        let find = |jwks: &Value| {
            jwks["keys"]
                .as_array()
                .and_then(|keys| keys.iter().find(|k| k["kid"] == kid).cloned())
        };
        let now = crate::runtime::now_millis();
        let mut path = "/.well-known/jwks.json".to_string();
        if let Some((at, jwks)) = self.inner.jwks.borrow().as_ref() {
            if now - at < JWKS_TTL_MS {
                if let Some(k) = find(jwks) {
                    return Ok(Some(k));
                }
                // An unknown kid: a key newer than the set in hand, which an HTTP cache (the
                // server allows 10 minutes) would hand back again.
                path = format!("{path}?kid={}", crate::http::encode_component(kid));
            }
        }
        let call = Call::new(Method::Get, path, None, Bearer::Anon);
        let jwks = self.run(call).await?.answer;
        let key = find(&jwks);
        if jwks["keys"].as_array().is_some_and(|k| !k.is_empty()) {
            *self.inner.jwks.borrow_mut() = Some((now, jwks));
        }
        Ok(key)
    }
}

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
