//! Multi-factor authentication (TOTP) as supabase-js's `auth.mfa`: enroll a factor, challenge
//! it, verify a code (the session rises to `aal2`: MFA_CHALLENGE_VERIFIED), unenroll it, list
//! the user's factors, and read the session's assurance level from its access token.

use serde_json::{json, Value};

use super::{session, AuthClient, Session};
use crate::error::{Error, ErrorCode};

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
    /// Enrolls a TOTP factor: `{ id, type, friendly_name?, totp: { qr_code, secret, uri } }`,
    /// the QR code as a `data:image/svg+xml;utf-8,` URI, as supabase-js hands it over. The
    /// factor is `unverified` until a code is verified.
    pub async fn mfa_enroll(
        &self,
        factor_type: &str,
        friendly_name: Option<&str>,
        issuer: Option<&str>,
    ) -> Result<Value, Error> {
        let call = super::plan::mfa_enroll(factor_type, friendly_name, issuer);
        Ok(enrolled(self.run(call).await?.answer))
    }

    /// Starts a challenge of a factor: `{ id, type, expires_at }`.
    pub async fn mfa_challenge(&self, factor_id: &str) -> Result<Value, Error> {
        Ok(self
            .run(super::plan::mfa_challenge(factor_id)?)
            .await?
            .answer)
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

    /// A challenge and its verification in one step.
    pub async fn mfa_challenge_and_verify(
        &self,
        factor_id: &str,
        code: &str,
    ) -> Result<Session, Error> {
        let challenge = self.mfa_challenge(factor_id).await?;
        let id = challenge["id"].as_str().unwrap_or_default().to_string();
        self.mfa_verify(factor_id, &id, code).await
    }

    /// Removes a factor (a verified one needs an `aal2` session): `{ id }`.
    pub async fn mfa_unenroll(&self, factor_id: &str) -> Result<Value, Error> {
        Ok(self
            .run(super::plan::mfa_unenroll(factor_id)?)
            .await?
            .answer)
    }

    /// The user's factors, from the server: `{ all, totp, phone, webauthn }` — `all` holds
    /// every factor, the others the verified ones of their type.
    pub async fn mfa_list_factors(&self) -> Result<Value, Error> {
        let user = self.get_user().await?;
        Ok(list_factors(user.as_json()))
    }

    /// The session's assurance level, read from its access token (no request): where it is
    /// and where a verified factor could take it.
    pub async fn mfa_assurance_level(&self) -> Result<AssuranceLevel, Error> {
        let Some(s) = self.get_session().await? else {
            return Ok(AssuranceLevel {
                current: None,
                next: None,
                methods: json!([]),
            });
        };
        Ok(assurance_level(&s))
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
