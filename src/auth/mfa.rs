//! Multi-factor authentication (TOTP) as supabase-js's `auth.mfa`: enroll a factor, challenge
//! it, verify a code (the session rises to `aal2`: MFA_CHALLENGE_VERIFIED), unenroll it, list
//! the user's factors, and read the session's assurance level from its access token.

use serde_json::{json, Value};

use super::{session, AuthClient, Session};
use crate::error::{Error, ErrorCode};

/// A factor of the user (`user.factors`).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct Factor {
    /// Its id (`factorId` in the other calls).
    pub id: String,
    /// The name the user gave it.
    #[serde(default)]
    pub friendly_name: Option<String>,
    /// `totp`, `phone` or `webauthn`.
    pub factor_type: String,
    /// `unverified` until a code was verified, then `verified`.
    pub status: String,
    /// When it was enrolled (RFC 3339).
    #[serde(default)]
    pub created_at: String,
    /// When it last changed (RFC 3339).
    #[serde(default)]
    pub updated_at: String,
}

/// The user's factors: all of them, and the verified ones by type.
#[derive(Debug, Clone, PartialEq, Default, serde::Deserialize)]
pub struct Factors {
    /// Every factor, verified or not.
    pub all: Vec<Factor>,
    /// The verified TOTP factors.
    pub totp: Vec<Factor>,
    /// The verified phone factors.
    pub phone: Vec<Factor>,
    /// The verified WebAuthn factors.
    pub webauthn: Vec<Factor>,
}

/// A TOTP factor just enrolled: what the authenticator app needs.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct Enrollment {
    /// The factor's id.
    pub id: String,
    /// `totp`.
    #[serde(rename = "type")]
    pub factor_type: String,
    /// The name given.
    #[serde(default)]
    pub friendly_name: Option<String>,
    /// The secret, as text, URI and QR code.
    pub totp: Totp,
}

/// A TOTP secret three ways.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct Totp {
    /// The QR code, an SVG data URI (`data:image/svg+xml;utf-8,<svg …>`).
    pub qr_code: String,
    /// The base32 secret.
    pub secret: String,
    /// The `otpauth://totp/…` URI.
    pub uri: String,
}

/// A challenge of a factor.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct Challenge {
    /// Its id (`challengeId` of the verification).
    pub id: String,
    /// The factor's type.
    #[serde(rename = "type")]
    pub factor_type: String,
    /// When it expires (Unix seconds).
    pub expires_at: i64,
}

/// An answer of the server read as `T` (`undecodable` when it is not one).
pub(crate) fn decode<T: serde::de::DeserializeOwned>(v: Value, what: &str) -> Result<T, Error> {
    serde_json::from_value(v)
        .map_err(|e| Error::new(ErrorCode::Undecodable, format!("{what}: {e}")))
}

/// The assurance level of the session and the one it could reach
/// ([`AuthClient::mfa_assurance_level`]).
#[derive(Debug, Clone, PartialEq)]
pub struct AssuranceLevel {
    /// `aal1` or `aal2` (the access token's `aal`); `None` when signed out.
    pub current: Option<String>,
    /// `aal2` when the user has a verified factor, else `current`.
    pub next: Option<String>,
    /// The access token's `amr`: how the session was authenticated, newest first.
    pub methods: Value,
}

impl AuthClient {
    /// Enrolls a factor (TOTP): its secret, `otpauth://` URI and QR code (an SVG data URI, as
    /// supabase-js hands it over). The factor is `unverified` until a code is verified.
    pub async fn mfa_enroll(
        &self,
        factor_type: &str,
        friendly_name: Option<&str>,
        issuer: Option<&str>,
    ) -> Result<Enrollment, Error> {
        let call = super::plan::mfa_enroll(factor_type, friendly_name, issuer);
        decode(enrolled(self.run(call).await?.answer), "the enrollment")
    }

    /// Starts a challenge of a factor (it expires after 300 s).
    pub async fn mfa_challenge(&self, factor_id: &str) -> Result<Challenge, Error> {
        let answer = self
            .run(super::plan::mfa_challenge(factor_id)?)
            .await?
            .answer;
        decode(answer, "the challenge")
    }

    /// Verifies a code for a challenge: the session, now `aal2`, is kept
    /// (MFA_CHALLENGE_VERIFIED).
    pub async fn mfa_verify(
        &self,
        factor_id: &str,
        challenge_id: &str,
        code: &str,
    ) -> Result<Session, Error> {
        let call = super::plan::mfa_verify(factor_id, challenge_id, code)?;
        self.run(call)
            .await?
            .session
            .ok_or_else(|| Error::new(ErrorCode::Undecodable, "the auth server sent no session"))
    }

    /// Removes a factor (a verified one needs an `aal2` session); answers its id.
    pub async fn mfa_unenroll(&self, factor_id: &str) -> Result<String, Error> {
        let answer = self
            .run(super::plan::mfa_unenroll(factor_id)?)
            .await?
            .answer;
        Ok(answer["id"].as_str().unwrap_or(factor_id).to_string())
    }

    /// The user's factors, from the server: all of them, and the verified ones by type.
    pub async fn mfa_list_factors(&self) -> Result<Factors, Error> {
        let user = self.get_user().await?;
        decode(list_factors(user.as_json()), "the factors")
    }
}

/// An enrollment's answer with its QR code as the SVG data URI supabase-js hands over (pure).
pub fn enrolled(mut answer: Value) -> Value {
    if let Some(svg) = answer.pointer("/totp/qr_code").and_then(Value::as_str) {
        let uri = format!("data:image/svg+xml;utf-8,{svg}");
        answer["totp"]["qr_code"] = json!(uri);
    }
    answer
}

/// `{ all, totp, phone, webauthn }` of a user object (pure).
pub fn list_factors(user: &Value) -> Value {
    let all: Vec<Value> = user["factors"].as_array().cloned().unwrap_or_default();
    let verified = |kind: &str| -> Vec<Value> {
        all.iter()
            .filter(|f| f["factor_type"] == kind && f["status"] == "verified")
            .cloned()
            .collect()
    };
    json!({ "all": all, "totp": verified("totp"), "phone": verified("phone"), "webauthn": verified("webauthn") })
}

/// The assurance level of a session (pure: its access token and its user's factors).
pub fn assurance_level(s: &Session) -> AssuranceLevel {
    let claims = session::jwt_claims(&s.access_token).unwrap_or(Value::Null);
    let current = claims["aal"].as_str().map(str::to_string);
    let verified = s.user.as_json()["factors"]
        .as_array()
        .is_some_and(|fs| fs.iter().any(|f| f["status"] == "verified"));
    AssuranceLevel {
        next: if verified {
            Some("aal2".into())
        } else {
            current.clone()
        },
        current,
        methods: claims.get("amr").cloned().unwrap_or(json!([])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factors_are_listed_all_and_verified_by_type() {
        let user = json!({"factors": [
            {"id": "a", "factor_type": "totp", "status": "verified"},
            {"id": "b", "factor_type": "totp", "status": "unverified"},
            {"id": "c", "factor_type": "phone", "status": "verified"},
        ]});
        let l = list_factors(&user);
        assert_eq!(l["all"].as_array().unwrap().len(), 3);
        assert_eq!(
            l["totp"],
            json!([{"id": "a", "factor_type": "totp", "status": "verified"}])
        );
        assert_eq!(l["phone"].as_array().unwrap().len(), 1);
        assert_eq!(l["webauthn"], json!([]));
        assert_eq!(list_factors(&json!({}))["all"], json!([]));
        // Read as the Rust API's types, as GoTrue lists them in the user.
        let user = json!({"factors": [{"id": "f1", "created_at": "2026-12-03T10:00:00Z", "updated_at": "2026-12-03T10:01:00Z",
            "status": "verified", "friendly_name": "app", "factor_type": "totp", "phone": "", "last_challenged_at": null}]});
        let typed: Factors = decode(list_factors(&user), "factors").unwrap();
        assert_eq!(
            (
                typed.all.len(),
                typed.totp[0].id.as_str(),
                typed.totp[0].friendly_name.as_deref()
            ),
            (1, "f1", Some("app"))
        );
        assert!(typed.phone.is_empty());
    }

    #[test]
    fn an_enrollment_and_a_challenge_read_as_types() {
        let e: Enrollment = decode(
            enrolled(json!({"id": "f", "type": "totp", "totp": {"qr_code": "<svg/>", "secret": "ABC", "uri": "otpauth://totp/x"}})),
            "e",
        )
        .unwrap();
        assert_eq!(
            (e.totp.qr_code.as_str(), e.friendly_name),
            ("data:image/svg+xml;utf-8,<svg/>", None)
        );
        let c: Challenge =
            decode(json!({"id": "c", "type": "totp", "expires_at": 5}), "c").unwrap();
        assert_eq!((c.id.as_str(), c.expires_at), ("c", 5));
        let bad = decode::<Challenge>(json!({"id": 1}), "the challenge").unwrap_err();
        assert_eq!(bad.code, ErrorCode::Undecodable);
    }

    fn session_with(claims: Value, factors: Value) -> Session {
        let payload = super::super::session::base64url_encode(claims.to_string().as_bytes());
        Session::from_json(json!({
            "access_token": format!("e30.{payload}.sig"), "refresh_token": "r", "expires_in": 60,
            "expires_at": 4_000_000_000_i64, "token_type": "bearer",
            "user": {"id": "u", "factors": factors},
        }))
        .unwrap()
    }

    #[test]
    fn the_level_is_read_from_the_token_and_the_next_from_the_factors() {
        let amr = json!([{"method": "password", "timestamp": 1}]);
        let s = session_with(json!({"aal": "aal1", "amr": amr}), json!([]));
        assert_eq!(
            assurance_level(&s),
            AssuranceLevel {
                current: Some("aal1".into()),
                next: Some("aal1".into()),
                methods: amr.clone()
            }
        );
        let s = session_with(
            json!({"aal": "aal1", "amr": amr}),
            json!([{"status": "verified", "factor_type": "totp"}]),
        );
        assert_eq!(assurance_level(&s).next.as_deref(), Some("aal2"));
        let s = session_with(json!({"aal": "aal2"}), json!([{"status": "verified"}]));
        assert_eq!(
            (
                assurance_level(&s).current.as_deref(),
                assurance_level(&s).methods
            ),
            (Some("aal2"), json!([]))
        );
    }
}
