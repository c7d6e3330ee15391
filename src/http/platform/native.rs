//! Outside the browser: reqwest for HTTP, behind the same names as the browser module. What
//! only a browser has (a user `fetch`, a JS body) is uninhabited here.

use std::convert::Infallible;

use crate::error::{Error, ErrorCode};
use crate::http::{Body, Request, Response};

/// No user `fetch` outside the browser.
pub type CustomFetch = Infallible;
/// No JS bodies outside the browser.
pub type RawText = Infallible;

/// Unreachable: there is no JS body here.
pub fn raw_text(v: &RawText) -> String {
    match *v {}
}

/// Unreachable: there is no JS body here.
pub fn raw_is_empty(v: &RawText) -> bool {
    match *v {}
}

/// A client's connection pool. One per [`Transport`](crate::http::Transport), not one per
/// process: a pooled connection belongs to the async runtime that opened it, and a process-wide
/// pool handed tests (each on its own runtime) connections whose runtime had ended.
pub type Pool = reqwest::Client;

fn classify(e: reqwest::Error) -> Error {
    if e.is_timeout() {
        Error::new(ErrorCode::Timeout, "the request timed out")
    } else {
        Error::new(ErrorCode::Network, format!("network error: {e}"))
    }
}

/// Sends one request with reqwest (a user `fetch` cannot exist here).
pub async fn send(
    pool: &Pool,
    custom: Option<&CustomFetch>,
    req: &Request,
) -> Result<Response, Error> {
    if let Some(f) = custom {
        match *f {}
    }
    let method =
        reqwest::Method::from_bytes(req.method.as_str().as_bytes()).unwrap_or(reqwest::Method::GET);
    let mut builder = pool.request(method, &req.url);
    for (k, v) in &req.headers {
        builder = builder.header(k.as_str(), v.as_str());
    }
    if let Some(body) = &req.body {
        builder = builder.body(body.clone());
    }
    if let Some(ms) = req.timeout_ms {
        builder = builder.timeout(std::time::Duration::from_millis(ms as u64));
    }
    let res = builder.send().await.map_err(classify)?;
    let status = res.status();
    let headers = res
        .headers()
        .iter()
        .filter_map(|(k, v)| {
            v.to_str()
                .ok()
                .map(|v| (k.as_str().to_ascii_lowercase(), v.to_string()))
        })
        .collect();
    let text = res.text().await.map_err(classify)?;
    Ok(Response {
        status: status.as_u16(),
        status_text: status.canonical_reason().unwrap_or("").to_string(),
        headers,
        body: Body::Text(text),
    })
}
