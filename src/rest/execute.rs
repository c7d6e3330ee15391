//! Sending a built request, refreshing once on an expired token, and shaping the answer.

use serde_json::Value;

use super::builder::{QueryBuilder, RestResponse, ReturnShape};
use crate::error::{Error, ErrorCode};
use crate::http::{Method, Response, RetryPolicy};

impl ReturnShape {
    /// Which row of a list of `n` becomes `data`: `Ok(None)` for all of them (or for null with
    /// `maybeSingle` and no rows), `Ok(Some(0))` for the one row of `maybeSingle`; more than
    /// one row for `maybeSingle` is PostgREST's `PGRST116` error.
    pub fn pick(self, n: usize) -> Result<Option<usize>, Error> {
        match (self, n) {
            (ReturnShape::MaybeSingle, 0) => Ok(None),
            (ReturnShape::MaybeSingle, 1) => Ok(Some(0)),
            (ReturnShape::MaybeSingle, n) => {
                let mut e = Error::new(
                    ErrorCode::SingleRowMismatch,
                    "JSON object requested, multiple (or no) rows returned",
                );
                e.details = Some(format!("The result contains {n} rows"));
                e.server_code = Some("PGRST116".into());
                e.status = 406;
                Err(e)
            }
            _ => Ok(None),
        }
    }
}

impl RestResponse {
    /// `data` as supabase-js gives it: the rows, one row (`single`), one row or null
    /// (`maybeSingle`), the CSV text, or null when there was no body.
    pub fn data(&self) -> Result<Value, Error> {
        let Some(text) = self.text() else {
            return Ok(Value::Null);
        };
        if self.shape == ReturnShape::Csv {
            return Ok(Value::String(text.into_owned()));
        }
        let parsed: Value = crate::json::parse(&text).map_err(|_| {
            Error::new(
                ErrorCode::Undecodable,
                "the server answered with invalid JSON",
            )
        })?;
        match (self.shape, parsed) {
            (ReturnShape::MaybeSingle, Value::Array(mut rows)) => {
                Ok(match self.shape.pick(rows.len())? {
                    Some(i) => rows.swap_remove(i),
                    None => Value::Null,
                })
            }
            (_, v) => Ok(v),
        }
    }
}

/// One query's exchange with the server as plain state (sans I/O): the driver sends what the
/// builder built, hands each answer to [`Exchange::answered`] and does what it says — wait and
/// send again, refresh the session and send a rebuilt request, or stop. The Rust driver is
/// [`QueryBuilder::execute`]; the JS façade drives the same steps around its own `fetch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exchange {
    /// The HTTP method.
    pub method: Method,
    /// How the answer is shaped.
    pub shape: ReturnShape,
    /// Whether no body is asked for (`HEAD`).
    pub head: bool,
    /// The retries of this request (GET and HEAD only).
    pub retry: RetryPolicy,
    /// Whether a refresh may follow a `jwt_expired` answer (signed in, not refreshed yet).
    pub can_refresh: bool,
    /// Sends so far after the first (reset by a refresh, as a new request begins).
    pub attempt: u32,
}

/// What the driver does next.
#[derive(Debug)]
pub enum Step {
    /// Finished: the answer, or the error.
    Done(Result<RestResponse, Error>),
    /// Wait this many milliseconds (an abort ends the wait), then send the same request again.
    Wait(u32),
    /// Refresh the session; on success send the request rebuilt (new token) and call
    /// [`Exchange::refreshed`], otherwise the query ends with this error.
    Refresh(Error),
}

impl Exchange {
    /// The next step after one answer (or transport error).
    pub fn answered(&mut self, result: Result<Response, Error>) -> Step {
        if let Some(ms) = self.retry.delay_after(self.method, self.attempt, &result) {
            self.attempt += 1;
            return Step::Wait(ms);
        }
        let res = match result {
            Ok(res) => res,
            Err(e) => return Step::Done(Err(e)),
        };
        if (200..300).contains(&res.status) {
            return Step::Done(Ok(self.answer(res)));
        }
        let e = super::errors::from_response(&res);
        // An access token that expired in flight: refresh once and send once more.
        if e.code == ErrorCode::JwtExpired && self.can_refresh {
            self.can_refresh = false;
            return Step::Refresh(e);
        }
        Step::Done(Err(e))
    }

    /// After a successful refresh: the rebuilt request starts its own retries.
    pub fn refreshed(&mut self) {
        self.attempt = 0;
    }

    fn answer(&self, res: Response) -> RestResponse {
        let count = res
            .header("content-range")
            .and_then(|r| r.rsplit('/').next())
            .and_then(|total| total.parse::<u64>().ok());
        let body = if self.head || res.body.is_empty() {
            None
        } else {
            Some(res.body)
        };
        RestResponse {
            status: res.status,
            status_text: res.status_text,
            count,
            body,
            shape: self.shape,
        }
    }
}

impl QueryBuilder {
    /// The exchange this builder starts (see [`Exchange`]).
    pub fn exchange(&self) -> Exchange {
        Exchange {
            method: self.method,
            shape: self.shape,
            head: self.head,
            retry: self.ctx.transport.retry,
            can_refresh: self.ctx.refresh.is_some(),
            attempt: 0,
        }
    }

    /// Sends the request; a server error becomes an [`Error`] with a stable code. The builder
    /// stays usable: running it again sends the same request again.
    pub async fn execute(&self) -> Result<RestResponse, Error> {
        let mut req = self.build()?;
        let mut ex = self.exchange();
        loop {
            let result = self.ctx.transport.send_once(&req).await;
            match ex.answered(result) {
                Step::Done(r) => return r,
                Step::Wait(ms) => crate::http::sleep(ms, req.signal.as_ref()).await?,
                Step::Refresh(e) => match &self.ctx.refresh {
                    Some(refresh) if refresh().await => {
                        req = self.build()?;
                        ex.refreshed();
                    }
                    _ => return Err(e),
                },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::Body;

    fn answer(status: u16, body: &str, headers: &[(&str, &str)]) -> Result<Response, Error> {
        Ok(Response {
            status,
            status_text: String::new(),
            headers: headers
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            body: Body::Text(body.into()),
        })
    }

    fn exchange(method: Method, can_refresh: bool) -> Exchange {
        Exchange {
            method,
            shape: ReturnShape::Many,
            head: false,
            retry: RetryPolicy::default(),
            can_refresh,
            attempt: 0,
        }
    }

    const EXPIRED: &str = r#"{"code":"PGRST303","message":"JWT expired"}"#;

    #[test]
    fn a_read_is_retried_with_backoff_then_answers() {
        let mut ex = exchange(Method::Get, false);
        assert!(matches!(
            ex.answered(answer(503, "", &[])),
            Step::Wait(1000)
        ));
        let retry_after = answer(503, "", &[("retry-after", "2")]);
        assert!(matches!(ex.answered(retry_after), Step::Wait(2000)));
        let network = Err(Error::new(ErrorCode::Network, "down"));
        assert!(matches!(ex.answered(network), Step::Wait(4000)));
        // The policy's three retries are spent: the fourth 503 is the answer.
        match ex.answered(answer(503, "", &[])) {
            Step::Done(Err(e)) => assert_eq!(e.status, 503),
            other => panic!("expected the 503 as an error, got {other:?}"),
        }
        let mut ex = exchange(Method::Get, false);
        let ok = answer(200, "[1]", &[("content-range", "0-0/7")]);
        match ex.answered(ok) {
            Step::Done(Ok(res)) => assert_eq!((res.status, res.count), (200, Some(7))),
            other => panic!("expected rows, got {other:?}"),
        }
    }

    #[test]
    fn a_write_is_never_retried_and_an_abort_ends_at_once() {
        let mut ex = exchange(Method::Post, false);
        assert!(matches!(
            ex.answered(answer(503, "", &[])),
            Step::Done(Err(_))
        ));
        let mut ex = exchange(Method::Get, false);
        let aborted = Err(Error::new(ErrorCode::Aborted, "stop"));
        match ex.answered(aborted) {
            Step::Done(Err(e)) => assert_eq!(e.code, ErrorCode::Aborted),
            other => panic!("expected the abort, got {other:?}"),
        }
    }

    #[test]
    fn an_expired_token_asks_for_one_refresh_only() {
        let mut ex = exchange(Method::Get, true);
        match ex.answered(answer(401, EXPIRED, &[])) {
            Step::Refresh(e) => assert_eq!(e.code, ErrorCode::JwtExpired),
            other => panic!("expected a refresh, got {other:?}"),
        }
        ex.refreshed();
        match ex.answered(answer(401, EXPIRED, &[])) {
            Step::Done(Err(e)) => assert_eq!(e.code, ErrorCode::JwtExpired),
            other => panic!("expected the error after one refresh, got {other:?}"),
        }
        // Signed out (no refresher): the expired token is the answer.
        let mut ex = exchange(Method::Get, false);
        assert!(matches!(
            ex.answered(answer(401, EXPIRED, &[])),
            Step::Done(Err(_))
        ));
    }

    #[test]
    fn maybe_single_picks_one_or_none() {
        assert_eq!(ReturnShape::MaybeSingle.pick(0).unwrap(), None);
        assert_eq!(ReturnShape::MaybeSingle.pick(1).unwrap(), Some(0));
        let e = ReturnShape::MaybeSingle.pick(2).unwrap_err();
        assert_eq!((e.code, e.status), (ErrorCode::SingleRowMismatch, 406));
        assert_eq!(ReturnShape::Many.pick(5).unwrap(), None);
    }

    #[test]
    fn data_applies_the_shape() {
        let res = |body: &str, shape| RestResponse {
            status: 200,
            status_text: "OK".into(),
            count: None,
            body: Some(crate::http::Body::Text(body.into())),
            shape,
        };
        assert_eq!(
            res("[{\"a\":1}]", ReturnShape::MaybeSingle).data().unwrap(),
            serde_json::json!({"a": 1})
        );
        assert_eq!(
            res("[]", ReturnShape::MaybeSingle).data().unwrap(),
            Value::Null
        );
        assert!(res("[1,2]", ReturnShape::MaybeSingle).data().is_err());
        assert_eq!(
            res("a,b", ReturnShape::Csv).data().unwrap(),
            serde_json::json!("a,b")
        );
    }
}
