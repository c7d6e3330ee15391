//! The crate's one error type, with stable string codes shared by Rust and JS.

use serde::Serialize;

/// Stable error codes. `as_str()` is the `code` a JS `McError` carries; it never changes
/// between releases.
///
/// ```js
/// try { await mc.from("companies").insert({}).throwOnError(); }
/// catch (e) { if (e.code === "validation_failed") console.log(e.violations); }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorCode {
    /// Input rejected before anything was sent; see [`Error::violations`].
    ValidationFailed,
    /// A unique constraint (SQLSTATE 23505).
    UniqueViolation,
    /// A foreign key (23503).
    ForeignKeyViolation,
    /// A check constraint (23514).
    CheckViolation,
    /// A NOT NULL column (23502).
    NotNullViolation,
    /// A value of the wrong form for its column (22P02 and relatives).
    InvalidValue,
    /// Row-level security or a missing grant (42501).
    PermissionDenied,
    /// `single()` matched zero or several rows (PGRST116).
    SingleRowMismatch,
    /// An UPDATE or DELETE of memory_entries / chat_messages stopped by `prevent_mutation()`.
    ImmutableRecord,
    /// The access token has expired (PGRST303 / PGRST301 with "expired").
    JwtExpired,
    /// The access token is not valid (PGRST301/302).
    JwtInvalid,
    /// Unknown column, relation, function or embedding (PGRST200/202/204, 42703, 42P01).
    UnknownName,
    /// Any other answer from the REST server.
    RestError,
    /// An answer from the auth server; the server's own code is in `details`.
    AuthError,
    /// The API key is missing or wrong.
    InvalidApiKey,
    /// No answer: the network failed.
    Network,
    /// No answer in time.
    Timeout,
    /// The caller aborted the request.
    Aborted,
    /// An answer that could not be decoded.
    Undecodable,
    /// Auth: wrong email or password.
    InvalidCredentials,
    /// Auth: sign-up with an email that is already registered.
    UserAlreadyExists,
    /// Auth: an email change to an address another user has.
    EmailExists,
    /// Auth: the password is too weak; the reasons are in `reasons`.
    WeakPassword,
    /// Auth: the session of the token no longer exists (signed out elsewhere).
    SessionNotFound,
    /// Auth: a rotated refresh token was used again outside the reuse window.
    RefreshTokenAlreadyUsed,
    /// Auth: the refresh token is unknown (revoked, signed out).
    RefreshTokenNotFound,
    /// Auth: too many requests.
    OverRequestRateLimit,
    /// Auth: a one-time code that is wrong or expired.
    OtpExpired,
    /// Auth: the server refuses this kind of sign-in (e.g. anonymous sign-ins off).
    ProviderDisabled,
    /// Auth: a request that needs a signed-in user was made without one.
    NotSignedIn,
}

impl ErrorCode {
    /// The stable string form, e.g. `"unique_violation"`.
    ///
    /// ```js
    /// e.code === "unique_violation"
    /// ```
    pub fn as_str(self) -> &'static str {
        use ErrorCode::*;
        match self {
            ValidationFailed => "validation_failed",
            UniqueViolation => "unique_violation",
            ForeignKeyViolation => "foreign_key_violation",
            CheckViolation => "check_violation",
            NotNullViolation => "not_null_violation",
            InvalidValue => "invalid_value",
            PermissionDenied => "permission_denied",
            SingleRowMismatch => "single_row_mismatch",
            ImmutableRecord => "immutable_record",
            JwtExpired => "jwt_expired",
            JwtInvalid => "jwt_invalid",
            UnknownName => "unknown_name",
            RestError => "rest_error",
            AuthError => "auth_error",
            InvalidApiKey => "invalid_api_key",
            Network => "network",
            Timeout => "timeout",
            Aborted => "aborted",
            Undecodable => "undecodable",
            InvalidCredentials => "invalid_credentials",
            UserAlreadyExists => "user_already_exists",
            EmailExists => "email_exists",
            WeakPassword => "weak_password",
            SessionNotFound => "session_not_found",
            RefreshTokenAlreadyUsed => "refresh_token_already_used",
            RefreshTokenNotFound => "refresh_token_not_found",
            OverRequestRateLimit => "over_request_rate_limit",
            OtpExpired => "otp_expired",
            ProviderDisabled => "provider_disabled",
            NotSignedIn => "not_signed_in",
        }
    }
}

/// One broken rule: which table and field, which rule, and the offending value.
///
/// ```js
/// // e.violations[0] → { table: "agents", field: "tier", rule: "between 1 and 5", value: 9 }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Violation {
    pub table: String,
    pub field: String,
    pub rule: String,
    pub value: serde_json::Value,
}

/// Every failure of the SDK. In JS it becomes an `McError` (a subclass of `Error`) with the
/// same `code`, `status`, `details`, `hint`, `violations` and `retryable`.
///
/// ```js
/// const { error } = await mc.from("agents").insert({ tier: 9 });
/// error instanceof Error; // true
/// error.code;             // "validation_failed"
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    pub code: ErrorCode,
    pub message: String,
    /// HTTP status, 0 when nothing was received.
    pub status: u16,
    pub details: Option<String>,
    pub hint: Option<String>,
    /// The server's own code (SQLSTATE, `PGRSTxxx`, or GoTrue's `error_code`).
    pub server_code: Option<String>,
    pub violations: Vec<Violation>,
    /// Why a password was refused (`weak_password`): e.g. `["length"]`.
    pub reasons: Vec<String>,
    /// Whether the same request may succeed if sent again.
    pub retryable: bool,
}

impl Error {
    /// An error with just a code and a message.
    ///
    /// ```js
    /// // JS sees: new McError("...") with e.code set
    /// ```
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
    ///
    /// ```js
    /// // e.code === "validation_failed"; e.violations.length >= 1
    /// ```
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
