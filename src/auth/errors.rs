//! GoTrue's error JSON → the crate's stable codes.

use serde_json::Value;

use crate::error::{Error, ErrorCode};

/// Maps an auth server answer (API version 2024-01-01 `{code, message}`, or the older
/// `{code: <status>, error_code, msg}`) to an [`Error`]. Network failures, 5xx and 429 are
/// `retryable`; a retryable failure never ends a session.
pub fn from_answer(status: u16, body: &str) -> Error {
    // `{ code, error_code, message | msg | error_description, weak_password: { reasons } }`;
    // anything else reads as empty.
    let b: Value = crate::json::parse(body).unwrap_or_default();
    let string = |key: &str| b.get(key).and_then(Value::as_str).map(str::to_string);
    let server = string("error_code").or_else(|| string("code"));
    let message = string("message")
        .or_else(|| string("msg"))
        .or_else(|| string("error_description"))
        .unwrap_or_else(|| format!("auth server answered {status}"));
    let reasons = b
        .pointer("/weak_password/reasons")
        .and_then(Value::as_array)
        .map(|r| {
            r.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let code = match server.as_deref() {
        Some("invalid_credentials") => ErrorCode::InvalidCredentials,
        Some("user_already_exists") => ErrorCode::UserAlreadyExists,
        Some("email_exists") => ErrorCode::EmailExists,
        Some("weak_password") => ErrorCode::WeakPassword,
        Some("session_not_found") => ErrorCode::SessionNotFound,
        Some("refresh_token_already_used") => ErrorCode::RefreshTokenAlreadyUsed,
        Some("refresh_token_not_found") => ErrorCode::RefreshTokenNotFound,
        Some("over_request_rate_limit" | "over_email_send_rate_limit") => {
            ErrorCode::OverRequestRateLimit
        }
        Some("otp_expired") => ErrorCode::OtpExpired,
        Some("validation_failed" | "email_address_invalid") => ErrorCode::ValidationFailed,
        Some(
            "anonymous_provider_disabled"
            | "email_provider_disabled"
            | "signup_disabled"
            | "otp_disabled",
        ) => ErrorCode::ProviderDisabled,
        Some("bad_jwt") => ErrorCode::JwtInvalid,
        Some("no_authorization") => ErrorCode::NotSignedIn,
        _ => ErrorCode::AuthError,
    };
    Error {
        status,
        details: server.clone(),
        server_code: server,
        reasons,
        retryable: status >= 500 || status == 429,
        ..Error::new(code, message)
    }
}

/// Whether a failed refresh means the session is gone for good (sign out), rather than a
/// passing fault (keep the session, try again).
pub fn ends_session(e: &Error) -> bool {
    matches!(
        e.code,
        ErrorCode::RefreshTokenNotFound
            | ErrorCode::RefreshTokenAlreadyUsed
            | ErrorCode::SessionNotFound
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_reasons() {
        let e = from_answer(
            422,
            r#"{"code":"weak_password","message":"Password should be at least 6 characters.","weak_password":{"reasons":["length"]}}"#,
        );
        assert_eq!(
            (e.code, e.reasons.clone(), e.retryable),
            (ErrorCode::WeakPassword, vec!["length".to_string()], false)
        );
        assert_eq!(
            from_answer(
                400,
                r#"{"code":"invalid_credentials","message":"Invalid login credentials"}"#
            )
            .code,
            ErrorCode::InvalidCredentials
        );
        let old = from_answer(
            400,
            r#"{"code":400,"error_code":"refresh_token_not_found","msg":"Invalid Refresh Token"}"#,
        );
        assert_eq!(
            (old.code, old.message.as_str()),
            (ErrorCode::RefreshTokenNotFound, "Invalid Refresh Token")
        );
        assert!(ends_session(&old));
        let busy = from_answer(503, "<html>");
        assert_eq!((busy.code, busy.retryable), (ErrorCode::AuthError, true));
        assert!(!ends_session(&busy));
        assert!(
            from_answer(
                429,
                r#"{"code":"over_request_rate_limit","message":"slow down"}"#
            )
            .retryable
        );
    }
}
