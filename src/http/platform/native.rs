//! Outside the browser: reqwest for HTTP, tokio's timer, and memory for the session — behind
//! the same names as the browser module. What only a browser has (a user `fetch`, a JS body,
//! localStorage, a storage adapter) is uninhabited here.

use std::convert::Infallible;
use std::future::Future;
use std::sync::OnceLock;

use crate::error::{Error, ErrorCode};
use crate::http::{Body, Request, Response};

/// The caller's abort signal (no abort outside the browser yet).
#[derive(Debug, Clone, PartialEq)]
pub struct AbortSignal;
/// No user `fetch` outside the browser.
pub type CustomFetch = Infallible;
/// No JS bodies outside the browser.
pub type RawText = Infallible;
/// No localStorage outside the browser.
pub type LocalStore = Infallible;
/// No storage adapter outside the browser.
pub type Adapter = Infallible;

/// Unreachable: there is no JS body here.
pub fn raw_text(v: &RawText) -> String {
    match *v {}
}

/// Unreachable: there is no JS body here.
pub fn raw_is_empty(v: &RawText) -> bool {
    match *v {}
}

/// Milliseconds since the Unix epoch (what session expiry is measured against).
pub fn now_millis() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_millis() as f64)
}

/// The current time as RFC 3339 in UTC, with microseconds.
pub fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

/// The time `seconds` ago, as RFC 3339 in UTC.
pub fn rfc3339_ago(seconds: u32) -> String {
    (chrono::Utc::now() - chrono::Duration::seconds(seconds.into()))
        .to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

/// No executor is assumed outside the browser: background work (the INITIAL_SESSION event of
/// a new subscriber) is dropped; everything a caller awaits still runs.
pub fn spawn(f: impl Future<Output = ()> + 'static) {
    drop(f);
}

/// Waits `ms` milliseconds on tokio's timer (reqwest's runtime) without blocking the thread.
pub async fn sleep(ms: u32, _signal: Option<&AbortSignal>) -> Result<(), Error> {
    tokio::time::sleep(std::time::Duration::from_millis(ms as u64)).await;
    Ok(())
}

/// There is no localStorage here.
pub fn local_store() -> Option<LocalStore> {
    None
}

/// Unreachable.
pub fn local_get(s: &LocalStore, _key: &str) -> Option<String> {
    match *s {}
}

/// Unreachable.
pub fn local_set(s: &LocalStore, _key: &str, _value: &str) {
    match *s {}
}

/// Unreachable.
pub fn local_remove(s: &LocalStore, _key: &str) {
    match *s {}
}

/// Unreachable.
pub async fn adapter_get(a: &Adapter, _key: &str) -> Option<String> {
    match *a {}
}

/// Unreachable.
pub async fn adapter_set(a: &Adapter, _key: &str, _value: &str) {
    match *a {}
}

/// Unreachable.
pub async fn adapter_remove(a: &Adapter, _key: &str) {
    match *a {}
}

fn client() -> &'static reqwest::Client {
    static CLIENT: OnceLock<reqwest::Client> = OnceLock::new();
    CLIENT.get_or_init(reqwest::Client::new)
}

fn classify(e: reqwest::Error) -> Error {
    if e.is_timeout() {
        Error::new(ErrorCode::Timeout, "the request timed out")
    } else {
        Error::new(ErrorCode::Network, format!("network error: {e}"))
    }
}

/// Sends one request with reqwest (a user `fetch` cannot exist here).
pub async fn send(custom: Option<&CustomFetch>, req: &Request) -> Result<Response, Error> {
    if let Some(f) = custom {
        match *f {}
    }
    let method =
        reqwest::Method::from_bytes(req.method.as_str().as_bytes()).unwrap_or(reqwest::Method::GET);
    let mut builder = client().request(method, &req.url);
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
