//! The crate's one error type, with stable string codes shared by Rust and JS.

use serde::Serialize;

macro_rules! error_codes {
    ($($(#[$doc:meta])* $variant:ident => $code:literal,)*) => {
        /// Stable error codes. `as_str()` is the `code` a JS `McError` carries; it never changes
        /// between releases.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum ErrorCode { $($(#[$doc])* $variant,)* }

        impl ErrorCode {
            /// Every code, in declaration order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant),*];

            /// The stable string form, e.g. `"unique_violation"`.
            pub fn as_str(self) -> &'static str {
                match self { $(ErrorCode::$variant => $code,)* }
            }
        }
    };
}

error_codes! {
    /// Input rejected before anything was sent; see [`Error::violations`].
    ValidationFailed => "validation_failed",
    /// A unique constraint (SQLSTATE 23505).
    UniqueViolation => "unique_violation",
    /// A foreign key (23503).
    ForeignKeyViolation => "foreign_key_violation",
    /// A check constraint (23514).
    CheckViolation => "check_violation",
    /// A NOT NULL column (23502).
    NotNullViolation => "not_null_violation",
    /// A value of the wrong form for its column (22P02 and relatives).
    InvalidValue => "invalid_value",
    /// Row-level security or a missing grant (42501).
    PermissionDenied => "permission_denied",
    /// `single()` matched zero or several rows (PGRST116).
    SingleRowMismatch => "single_row_mismatch",
    /// An UPDATE or DELETE of memory_entries / chat_messages stopped by `prevent_mutation()`.
    ImmutableRecord => "immutable_record",
    /// The access token has expired (PGRST303 / PGRST301 with "expired").
    JwtExpired => "jwt_expired",
    /// The access token is not valid (PGRST301/302).
    JwtInvalid => "jwt_invalid",
    /// Unknown column, relation, function or embedding (PGRST200/202/204, 42703, 42P01).
    UnknownName => "unknown_name",
    /// Any other answer from the REST server.
    RestError => "rest_error",
    /// An answer from the auth server; the server's own code is in `details`.
    AuthError => "auth_error",
    /// The API key is missing or wrong.
    InvalidApiKey => "invalid_api_key",
    /// No answer: the network failed.
    Network => "network",
    /// No answer in time.
    Timeout => "timeout",
    /// The caller aborted the request.
    Aborted => "aborted",
    /// An answer that could not be decoded.
    Undecodable => "undecodable",
    /// Auth: wrong email or password.
    InvalidCredentials => "invalid_credentials",
    /// Auth: sign-up with an email that is already registered.
    UserAlreadyExists => "user_already_exists",
    /// Auth: an email change to an address another user has.
    EmailExists => "email_exists",
    /// Auth: the password is too weak; the reasons are in `reasons`.
    WeakPassword => "weak_password",
    /// Auth: the session of the token no longer exists (signed out elsewhere).
    SessionNotFound => "session_not_found",
    /// Auth: a rotated refresh token was used again outside the reuse window.
    RefreshTokenAlreadyUsed => "refresh_token_already_used",
    /// Auth: the refresh token is unknown (revoked, signed out).
    RefreshTokenNotFound => "refresh_token_not_found",
    /// Auth: too many requests.
    OverRequestRateLimit => "over_request_rate_limit",
    /// Auth: a one-time code that is wrong or expired.
    OtpExpired => "otp_expired",
    /// Auth: the server refuses this kind of sign-in (e.g. anonymous sign-ins off).
    ProviderDisabled => "provider_disabled",
    /// Auth: a request that needs a signed-in user was made without one.
    NotSignedIn => "not_signed_in",
    /// Auth: `exchangeCodeForSession` found no PKCE code verifier in the auth storage (the
    /// flow began in another browser, or the storage was cleared).
    PkceCodeVerifierNotFound => "pkce_code_verifier_not_found",
    /// Auth: `getClaims` was given a token that is not a valid JWT (malformed, expired, or its
    /// signature does not verify).
    InvalidJwt => "invalid_jwt",
    /// A workflow step the row's state machine does not allow (`details` names from → to).
    InvalidTransition => "invalid_transition",
    /// The row changed between reading it and the compare-and-set update: read it again.
    Conflict => "conflict",
    /// The row does not exist, or row-level security hides it.
    NotFound => "not_found",
    /// Something failed inside the SDK itself (a bug: please report it).
    Internal => "internal",
    /// The browser refused to compile the SDK's WebAssembly: the page's Content Security
    /// Policy lacks `'wasm-unsafe-eval'` in `script-src` (raised by the package's entry).
    WasmBlocked => "wasm_blocked",
    /// The SDK's WebAssembly module could not be loaded (download or compile failed).
    WasmUnavailable => "wasm_unavailable",
    /// Called at start-up before the WebAssembly module was ready (`validate`,
    /// `builder.request`, `quoteValue`): `await ready()` first.
    NotReady => "not_ready",
}

/// One broken rule: which table and field, which rule, and the offending value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Violation {
    /// The table (or the call, such as `createClient`) the value was for.
    pub table: String,
    /// The field, column or argument that broke the rule.
    pub field: String,
    /// The rule, in words ("must be a UUID").
    pub rule: String,
    /// The value refused (null where it is not shown, such as a key).
    pub value: serde_json::Value,
}

impl Violation {
    /// The violation as JSON, what serde's derive writes (what JS receives in `violations`).
    pub fn to_json(&self) -> serde_json::Value {
        let mut m = serde_json::Map::new();
        m.insert("table".into(), self.table.clone().into());
        m.insert("field".into(), self.field.clone().into());
        m.insert("rule".into(), self.rule.clone().into());
        m.insert("value".into(), self.value.clone());
        serde_json::Value::Object(m)
    }
}

/// Every failure of the SDK. In JS it becomes an `McError` (a subclass of `Error`) with the
/// same `code`, `status`, `details`, `hint`, `violations` and `retryable`.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    /// The stable code (`validation_failed`, `invalid_transition`, `conflict`, …).
    pub code: ErrorCode,
    /// What happened, for people.
    pub message: String,
    /// HTTP status, 0 when nothing was received.
    pub status: u16,
    /// The server's details, where it gave any.
    pub details: Option<String>,
    /// What to do about it, where known.
    pub hint: Option<String>,
    /// The server's own code (SQLSTATE, `PGRSTxxx`, or GoTrue's `error_code`).
    pub server_code: Option<String>,
    /// Every rule broken, for `validation_failed`.
    pub violations: Vec<Violation>,
    /// Why a password was refused (`weak_password`): e.g. `["length"]`.
    pub reasons: Vec<String>,
    /// Whether the same request may succeed if sent again.
    pub retryable: bool,
}

impl Error {
    /// An error with just a code and a message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        let retryable = matches!(code, ErrorCode::Network | ErrorCode::Timeout);
        Error {
            code,
            message: message.into(),
            status: 0,
            details: None,
            hint: None,
            server_code: None,
            violations: Vec::new(),
            reasons: Vec::new(),
            retryable,
        }
    }

    /// A validation error listing every violation; nothing was sent.
    pub fn validation(violations: Vec<Violation>) -> Self {
        let message = violations
            .iter()
            .map(|v| format!("{}.{}: {}", v.table, v.field, v.rule))
            .collect::<Vec<_>>()
            .join("; ");
        Error {
            violations,
            ..Error::new(
                ErrorCode::ValidationFailed,
                format!("validation failed: {message}"),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// JS receives a violation as the derive would write it (same keys, same order).
    #[test]
    fn a_violation_is_written_as_the_derive_writes_it() {
        let v = Violation {
            table: "agents".into(),
            field: "tier".into(),
            rule: "must be between 1 and 5".into(),
            value: serde_json::json!({"given": [9, "x"]}),
        };
        assert_eq!(v.to_json(), serde_json::to_value(&v).unwrap());
        assert_eq!(
            crate::json::write(&v.to_json()),
            serde_json::to_string(&v).unwrap()
        );
    }
}
