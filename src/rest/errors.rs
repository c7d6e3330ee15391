//! PostgREST's error JSON → the crate's stable codes.

use serde_json::Value;

use crate::error::{Error, ErrorCode};
use crate::http::Response;

/// A field of the error JSON as text (JSON other than a string is written out).
fn text(body: &Value, key: &str) -> Option<String> {
    match body.get(key)? {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(crate::json::write(other)),
    }
}

/// Maps a PostgREST error answer to an [`Error`]. The variants of PostgREST 12–14 and of the
/// local server (401 vs 403 for RLS, PGRST301 vs PGRST303 for an expired JWT) agree here.
pub fn from_response(res: &Response) -> Error {
    // PostgREST's `{ code, message, details, hint }`; anything else reads as empty.
    let body: Value = crate::json::parse(&res.body.text()).unwrap_or_default();
    let string = |key: &str| body.get(key).and_then(Value::as_str).map(str::to_string);
    let server_code = string("code");
    let server = server_code.clone().unwrap_or_default();
    let message =
        string("message").unwrap_or_else(|| format!("{} {}", res.status, res.status_text));
    let lower = message.to_ascii_lowercase();
    let code = match server.as_str() {
        "23505" => ErrorCode::UniqueViolation,
        "23503" => ErrorCode::ForeignKeyViolation,
        "23514" => ErrorCode::CheckViolation,
        "23502" => ErrorCode::NotNullViolation,
        "22P02" | "22007" | "22008" | "22003" | "22023" | "22P05" => ErrorCode::InvalidValue,
        "42501" => ErrorCode::PermissionDenied,
        "PGRST116" => ErrorCode::SingleRowMismatch,
        "P0001"
            if lower.contains("table is immutable")
                || lower.contains("a row stays in its company") =>
        {
            ErrorCode::ImmutableRecord
        }
        "PGRST303" => ErrorCode::JwtExpired,
        "PGRST301" | "PGRST302" if lower.contains("expired") => ErrorCode::JwtExpired,
        "PGRST301" | "PGRST302" => ErrorCode::JwtInvalid,
        "PGRST200" | "PGRST201" | "PGRST202" | "PGRST204" | "PGRST205" | "42703" | "42P01"
        | "42883" => ErrorCode::UnknownName,
        "" if res.status == 401 && lower.contains("api key") => ErrorCode::InvalidApiKey,
        _ => ErrorCode::RestError,
    };
    Error {
        status: res.status,
        details: text(&body, "details"),
        hint: text(&body, "hint"),
        server_code,
        retryable: matches!(res.status, 503 | 520),
        ..Error::new(code, message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn res(status: u16, body: &str) -> Response {
        Response {
            status,
            status_text: String::new(),
            headers: vec![],
            body: crate::http::Body::Text(body.to_string()),
        }
    }

    #[test]
    fn rls_401_and_403_map_alike() {
        let b = r#"{"code":"42501","message":"new row violates row-level security policy for table \"companies\"","details":null,"hint":null}"#;
        assert_eq!(
            from_response(&res(401, b)).code,
            ErrorCode::PermissionDenied
        );
        assert_eq!(
            from_response(&res(403, b)).code,
            ErrorCode::PermissionDenied
        );
    }

    #[test]
    fn expired_jwt_variants() {
        assert_eq!(
            from_response(&res(401, r#"{"code":"PGRST303","message":"JWT expired"}"#)).code,
            ErrorCode::JwtExpired
        );
        assert_eq!(
            from_response(&res(401, r#"{"code":"PGRST301","message":"JWT expired"}"#)).code,
            ErrorCode::JwtExpired
        );
        assert_eq!(
            from_response(&res(401, r#"{"code":"PGRST301","message":"JWSError"}"#)).code,
            ErrorCode::JwtInvalid
        );
    }

    #[test]
    fn moving_a_row_to_another_company_is_immutable_record() {
        let e = from_response(&res(
            400,
            r#"{"code":"P0001","message":"UPDATE of company_id on public.tasks is forbidden — a row stays in its company.","details":null,"hint":null}"#,
        ));
        assert_eq!(e.code, ErrorCode::ImmutableRecord);
    }

    #[test]
    fn trigger_error_is_immutable_record() {
        let e = from_response(&res(
            400,
            r#"{"code":"P0001","message":"UPDATE on public.memory_entries is forbidden — table is immutable.","details":null,"hint":null}"#,
        ));
        assert_eq!(
            (e.code, e.status, e.server_code.as_deref()),
            (ErrorCode::ImmutableRecord, 400, Some("P0001"))
        );
    }

    #[test]
    fn undecodable_body_keeps_status() {
        let e = from_response(&res(503, "<html>"));
        assert_eq!(
            (e.code, e.status, e.retryable),
            (ErrorCode::RestError, 503, true)
        );
    }
}
