//! When to send a request again (postgrest-js's policy, made configurable).

use super::{Method, Response};
use crate::error::{Error, ErrorCode};

/// Retries of safe requests (GET, HEAD) after a 503, a 520 or a network error, with exponential
/// backoff (`base_delay_ms`, doubled each time, capped at `max_delay_ms`) or the server's
/// `Retry-After`. Never for mutations, never after an abort or a timeout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// How many times a retryable request is sent again (0: never).
    pub attempts: u32,
    /// The first wait, in milliseconds, doubled for each retry.
    pub base_delay_ms: u32,
    /// The longest wait, in milliseconds.
    pub max_delay_ms: u32,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            attempts: 3,
            base_delay_ms: 1000,
            max_delay_ms: 30_000,
        }
    }
}

impl RetryPolicy {
    /// No retries at all.
    pub fn none() -> Self {
        RetryPolicy {
            attempts: 0,
            ..Default::default()
        }
    }

    /// How long to wait before attempt `attempt + 1`, or `None` to stop.
    pub fn delay_after(
        &self,
        method: Method,
        attempt: u32,
        result: &Result<Response, Error>,
    ) -> Option<u32> {
        if !method.is_safe() || attempt >= self.attempts {
            return None;
        }
        let retry_after = match result {
            Ok(res) if matches!(res.status, 503 | 520) => res
                .header("retry-after")
                .and_then(|v| v.trim().parse::<u32>().ok()),
            Ok(_) => return None,
            Err(e) if e.code == ErrorCode::Network => None,
            Err(_) => return None,
        };
        let backoff = self.base_delay_ms.saturating_mul(1 << attempt.min(16));
        Some(
            retry_after
                .map_or(backoff, |s| s.saturating_mul(1000))
                .min(self.max_delay_ms),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn res(status: u16, retry_after: Option<&str>) -> Result<Response, Error> {
        let headers = retry_after
            .map(|v| vec![("retry-after".to_string(), v.to_string())])
            .unwrap_or_default();
        Ok(Response {
            status,
            status_text: String::new(),
            headers,
            body: crate::http::Body::Text(String::new()),
        })
    }

    #[test]
    fn backs_off_exponentially_on_safe_requests_only() {
        let p = RetryPolicy::default();
        assert_eq!(p.delay_after(Method::Get, 0, &res(503, None)), Some(1000));
        assert_eq!(p.delay_after(Method::Get, 1, &res(520, None)), Some(2000));
        assert_eq!(p.delay_after(Method::Head, 2, &res(503, None)), Some(4000));
        assert_eq!(p.delay_after(Method::Get, 3, &res(503, None)), None);
        assert_eq!(p.delay_after(Method::Post, 0, &res(503, None)), None);
        assert_eq!(
            p.delay_after(Method::Patch, 0, &Err(Error::new(ErrorCode::Network, "x"))),
            None
        );
    }

    #[test]
    fn honours_retry_after_and_stops_on_other_answers() {
        let p = RetryPolicy::default();
        assert_eq!(
            p.delay_after(Method::Get, 0, &res(503, Some("2"))),
            Some(2000)
        );
        assert_eq!(p.delay_after(Method::Get, 0, &res(500, None)), None);
        assert_eq!(p.delay_after(Method::Get, 0, &res(200, None)), None);
        assert_eq!(
            p.delay_after(Method::Get, 0, &Err(Error::new(ErrorCode::Network, "x"))),
            Some(1000)
        );
        assert_eq!(
            p.delay_after(Method::Get, 0, &Err(Error::new(ErrorCode::Aborted, "x"))),
            None
        );
        assert_eq!(
            p.delay_after(Method::Get, 0, &Err(Error::new(ErrorCode::Timeout, "x"))),
            None
        );
        assert_eq!(
            RetryPolicy::none().delay_after(Method::Get, 0, &res(503, None)),
            None
        );
    }
}
