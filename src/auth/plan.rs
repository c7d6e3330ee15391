//! Each one-request auth method as a pure function from its arguments to its [`Call`]: the
//! validation before the network and the request, with no I/O. [`AuthClient::run`] sends any
//! of them; the Rust methods of [`AuthClient`] and the JS surface both go through these.
//!
//! ```
//! use mission_control_sdk::auth::{plan, Bearer, Then};
//! let call = plan::resend(plan::ResendType::Signup, "kim@example.com", None).unwrap();
//! assert_eq!(call.path, "/resend");
//! assert_eq!(call.bearer, Bearer::Anon);
//! assert_eq!(call.body.as_ref().unwrap()["type"], "signup");
//! let bad = plan::resend(plan::ResendType::Signup, "not-an-email", None).unwrap_err();
//! assert_eq!(bad.violations[0].field, "email");
//! assert_eq!(plan::reauthenticate().then, Then::Nothing);
//! ```
//!
//! [`AuthClient`]: super::AuthClient
//! [`AuthClient::run`]: super::AuthClient::run

use serde_json::{json, Value};

use super::{
    check_email, check_token, done, violation, with_redirect, AuthEvent, Call, OtpOptions,
    OtpTarget, OtpType, Then, UserAttributes, VerifyOtp,
};
use crate::error::Error;
use crate::http::{encode_component, Method};

/// `POST /signup` with email and password (and metadata); a session where the server
/// autoconfirms (SIGNED_IN), else the user.
pub fn sign_up(email: &str, password: &str, data: Option<Value>) -> Result<Call, Error> {
    let mut v = Vec::new();
    check_email(email, &mut v);
    if password.is_empty() {
        v.push(violation("password", "must not be empty", Value::Null));
    }
    done(v)?;
    let body = json!({"email": email, "password": password, "data": data.unwrap_or(json!({}))});
    Ok(Call::post("/signup", body)
        .pkce(false)
        .then(Then::SessionOrUser(AuthEvent::SignedIn)))
}

/// `POST /token?grant_type=password` (SIGNED_IN).
pub fn sign_in_with_password(email: &str, password: &str) -> Result<Call, Error> {
    let mut v = Vec::new();
    check_email(email, &mut v);
    check_token("password", password, &mut v);
    done(v)?;
    let body = json!({"email": email, "password": password});
    Ok(Call::post("/token?grant_type=password", body).then(Then::Session(AuthEvent::SignedIn)))
}

/// `POST /otp`: a code and magic link to `email` (a PKCE flow where the client's is).
pub fn sign_in_with_otp(email: &str, options: &OtpOptions) -> Result<Call, Error> {
    let mut v = Vec::new();
    check_email(email, &mut v);
    done(v)?;
    let body = json!({"email": email, "create_user": options.create_user, "data": options.data.clone().unwrap_or(json!({}))});
    let path = with_redirect("/otp", options.redirect_to.as_deref());
    Ok(Call::post(path, body).pkce(false))
}

/// `POST /signup` with no credentials: a new anonymous user (SIGNED_IN).
pub fn sign_in_anonymously(data: Option<Value>) -> Call {
    Call::post("/signup", json!({"data": data.unwrap_or(json!({}))}))
        .then(Then::Session(AuthEvent::SignedIn))
}

/// `POST /verify`: a code (emailed or texted) or a link's token hash; the session it opens
/// (SIGNED_IN, PASSWORD_RECOVERY for `recovery`), or none.
pub fn verify_otp(params: &VerifyOtp) -> Result<Call, Error> {
    let kind = params.kind;
    let mut v = Vec::new();
    let mut body = match &params.target {
        OtpTarget::Email { email, token } => {
            check_email(email, &mut v);
            check_token("token", token, &mut v);
            json!({"email": email, "token": token})
        }
        OtpTarget::Phone { phone, token } => {
            check_token("phone", phone, &mut v);
            check_token("token", token, &mut v);
            json!({"phone": phone, "token": token})
        }
        OtpTarget::TokenHash(hash) => {
            check_token("token_hash", hash, &mut v);
            json!({ "token_hash": hash })
        }
    };
    let phone = matches!(params.target, OtpTarget::Phone { .. });
    if phone != matches!(kind, OtpType::Sms | OtpType::PhoneChange) {
        let rule = if phone {
            "must be sms or phone_change for a phone"
        } else {
            "must be an email type (not sms or phone_change)"
        };
        v.push(violation("type", rule, json!(kind.as_str())));
    }
    done(v)?;
    body["type"] = json!(kind.as_str());
    let event = if kind == OtpType::Recovery {
        AuthEvent::PasswordRecovery
    } else {
        AuthEvent::SignedIn
    };
    let path = with_redirect("/verify", params.redirect_to.as_deref());
    Ok(Call::post(path, body).then(Then::SessionOrUser(event)))
}

/// `GET /user` with the session's token: the user as the server knows it now.
pub fn get_user() -> Call {
    Call::signed_in(Method::Get, "/user", None).then(Then::User(None))
}

/// `PUT /user`: email (pending until confirmed; a PKCE flow where the client's is), password
/// (with a reauthentication `nonce`), metadata (USER_UPDATED).
pub fn update_user(attributes: &UserAttributes, redirect_to: Option<&str>) -> Result<Call, Error> {
    let mut v = Vec::new();
    if let Some(e) = &attributes.email {
        check_email(e, &mut v);
    }
    if attributes.password.as_deref() == Some("") {
        v.push(violation("password", "must not be empty", Value::Null));
    }
    if let Some(n) = &attributes.nonce {
        check_token("nonce", n, &mut v);
    }
    done(v)?;
    let mut body = json!({});
    for (key, value) in [
        ("email", &attributes.email),
        ("password", &attributes.password),
        ("nonce", &attributes.nonce),
    ] {
        if let Some(text) = value {
            body[key] = json!(text);
        }
    }
    if let Some(d) = &attributes.data {
        body["data"] = d.clone();
    }
    let path = with_redirect("/user", redirect_to);
    let call = Call::signed_in(Method::Put, path, Some(body))
        .then(Then::User(Some(AuthEvent::UserUpdated)));
    Ok(if attributes.email.is_some() {
        call.pkce(false)
    } else {
        call
    })
}

/// `POST /recover`: a recovery code and link (a PKCE recovery flow where the client's is PKCE).
pub fn reset_password_for_email(email: &str, redirect_to: Option<&str>) -> Result<Call, Error> {
    let mut v = Vec::new();
    check_email(email, &mut v);
    done(v)?;
    let path = with_redirect("/recover", redirect_to);
    Ok(Call::post(path, json!({ "email": email })).pkce(true))
}

/// `POST /resend`: a sign-up or email-change confirmation (a PKCE flow where the client's
/// is), or a phone code, sent again.
pub fn resend(kind: ResendType, address: &str, redirect_to: Option<&str>) -> Result<Call, Error> {
    let mut v = Vec::new();
    let phone = matches!(kind, ResendType::Sms | ResendType::PhoneChange);
    let mut body = json!({"type": kind.as_str()});
    if phone {
        check_token("phone", address, &mut v);
        body["phone"] = json!(address);
    } else {
        check_email(address, &mut v);
        body["email"] = json!(address);
    }
    done(v)?;
    let call = Call::post(with_redirect("/resend", redirect_to), body);
    Ok(if phone { call } else { call.pkce(false) })
}

/// `GET /reauthenticate`: a nonce mailed to the signed-in user.
pub fn reauthenticate() -> Call {
    Call::signed_in(Method::Get, "/reauthenticate", None)
}

/// `POST /token?grant_type=id_token`: a session for a provider's ID token (SIGNED_IN).
pub fn sign_in_with_id_token(
    provider: &str,
    token: &str,
    access_token: Option<&str>,
    nonce: Option<&str>,
) -> Result<Call, Error> {
    let mut v = Vec::new();
    check_token("provider", provider, &mut v);
    check_token("token", token, &mut v);
    done(v)?;
    let mut body = json!({ "provider": provider, "id_token": token });
    if let Some(a) = access_token {
        body["access_token"] = json!(a);
    }
    if let Some(n) = nonce {
        body["nonce"] = json!(n);
    }
    Ok(Call::post("/token?grant_type=id_token", body).then(Then::Session(AuthEvent::SignedIn)))
}

/// `DELETE /user/identities/{identity_id}`.
pub fn unlink_identity(identity_id: &str) -> Result<Call, Error> {
    let mut v = Vec::new();
    check_token("identity_id", identity_id, &mut v);
    done(v)?;
    let path = format!("/user/identities/{}", encode_component(identity_id));
    Ok(Call::signed_in(Method::Delete, path, None))
}

/// `POST /factors`: a new (unverified) factor.
pub fn mfa_enroll(factor_type: &str, friendly_name: Option<&str>, issuer: Option<&str>) -> Call {
    let mut body = json!({ "factor_type": factor_type });
    if let Some(n) = friendly_name {
        body["friendly_name"] = json!(n);
    }
    if let Some(i) = issuer {
        body["issuer"] = json!(i);
    }
    Call::signed_in(Method::Post, "/factors", Some(body))
}

fn factor_path(factor_id: &str, rest: &str) -> Result<String, Error> {
    let mut v = Vec::new();
    check_token("factorId", factor_id, &mut v);
    done(v)?;
    Ok(format!("/factors/{}{rest}", encode_component(factor_id)))
}

/// `POST /factors/{id}/challenge`.
pub fn mfa_challenge(factor_id: &str) -> Result<Call, Error> {
    let path = factor_path(factor_id, "/challenge")?;
    Ok(Call::signed_in(Method::Post, path, Some(json!({}))))
}

/// `POST /factors/{id}/verify`: the session raised to `aal2` (MFA_CHALLENGE_VERIFIED).
pub fn mfa_verify(factor_id: &str, challenge_id: &str, code: &str) -> Result<Call, Error> {
    let path = factor_path(factor_id, "/verify")?;
    let mut v = Vec::new();
    check_token("challengeId", challenge_id, &mut v);
    check_token("code", code, &mut v);
    done(v)?;
    let body = json!({ "challenge_id": challenge_id, "code": code });
    Ok(Call::signed_in(Method::Post, path, Some(body))
        .then(Then::Session(AuthEvent::MfaChallengeVerified)))
}

/// `DELETE /factors/{id}`.
pub fn mfa_unenroll(factor_id: &str) -> Result<Call, Error> {
    Ok(Call::signed_in(
        Method::Delete,
        factor_path(factor_id, "")?,
        None,
    ))
}

/// What `resend` sends again (GoTrue's `/resend` types).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResendType {
    /// The sign-up confirmation.
    Signup,
    /// The email-change confirmation.
    EmailChange,
    /// The SMS code of a phone sign-in.
    Sms,
    /// The SMS code of a phone change.
    PhoneChange,
}

impl ResendType {
    /// Every type.
    pub const ALL: &'static [ResendType] = &[
        ResendType::Signup,
        ResendType::EmailChange,
        ResendType::Sms,
        ResendType::PhoneChange,
    ];

    /// The type as GoTrue spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            ResendType::Signup => "signup",
            ResendType::EmailChange => "email_change",
            ResendType::Sms => "sms",
            ResendType::PhoneChange => "phone_change",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn otp(target: OtpTarget, kind: OtpType) -> Result<Call, Error> {
        verify_otp(&VerifyOtp {
            target,
            kind,
            redirect_to: Some("http://127.0.0.1:3000/cb".into()),
        })
    }

    #[test]
    fn verify_otp_ties_phone_codes_to_phone_types_and_recovery_to_its_event() {
        let email = || OtpTarget::Email {
            email: "kim@example.com".into(),
            token: "123456".into(),
        };
        let phone = || OtpTarget::Phone {
            phone: "+15550100".into(),
            token: "123456".into(),
        };
        let c = otp(email(), OtpType::Recovery).unwrap();
        assert_eq!(c.then, Then::SessionOrUser(AuthEvent::PasswordRecovery));
        assert_eq!(
            c.path,
            "/verify?redirect_to=http%3A%2F%2F127.0.0.1%3A3000%2Fcb"
        );
        assert_eq!(c.body.as_ref().unwrap()["type"], "recovery");
        assert_eq!(
            otp(email(), OtpType::Email).unwrap().then,
            Then::SessionOrUser(AuthEvent::SignedIn)
        );
        assert_eq!(
            otp(phone(), OtpType::Sms).unwrap().body.unwrap()["phone"],
            "+15550100"
        );
        let e = otp(email(), OtpType::Sms).unwrap_err();
        assert_eq!(
            e.violations[0].rule,
            "must be an email type (not sms or phone_change)"
        );
        let e = otp(phone(), OtpType::Email).unwrap_err();
        assert_eq!(
            e.violations[0].rule,
            "must be sms or phone_change for a phone"
        );
        let hash = otp(OtpTarget::TokenHash("h".into()), OtpType::EmailChange).unwrap();
        assert_eq!(
            hash.body.unwrap(),
            json!({"token_hash": "h", "type": "email_change"})
        );
    }

    #[test]
    fn update_user_refuses_an_empty_password_and_begins_pkce_only_for_an_email() {
        let attrs = |password: Option<&str>, email: Option<&str>| UserAttributes {
            email: email.map(Into::into),
            password: password.map(Into::into),
            data: None,
            nonce: None,
        };
        let e = update_user(&attrs(Some(""), None), None).unwrap_err();
        assert_eq!(e.violations[0].field, "password");
        let c = update_user(&attrs(Some("pw-123456"), None), None).unwrap();
        assert_eq!(
            (c.pkce, c.body.unwrap()),
            (None, json!({"password": "pw-123456"}))
        );
        assert_eq!(
            update_user(&attrs(None, Some("a@b.co")), None)
                .unwrap()
                .pkce,
            Some(false)
        );
    }

    #[test]
    fn resend_types_are_spelled_as_gotrue_spells_them() {
        let names: Vec<&str> = ResendType::ALL.iter().map(|t| t.as_str()).collect();
        assert_eq!(names, ["signup", "email_change", "sms", "phone_change"]);
        let c = resend(ResendType::Sms, "+15550100", None).unwrap();
        assert_eq!(
            (c.pkce, c.body.unwrap()),
            (None, json!({"type": "sms", "phone": "+15550100"}))
        );
    }
}
