//! The native transport (Rust outside the browser): reqwest, behind the same façade as fetch.

use std::sync::OnceLock;

use super::{Body, Request, Response};
use crate::error::{Error, ErrorCode};

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

pub(super) async fn send(req: &Request) -> Result<Response, Error> {
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
