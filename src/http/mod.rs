//! The transport: one request, one answer, over the platform's `fetch` in the browser or
//! reqwest elsewhere — the layer every other one sends through. Timeouts, abort and retries live here too.

/// The transport under the SDK: one module per target behind the same names, as reqwest keeps
/// its wasm backend behind one façade (the clock, timers and storage are `crate::runtime`).
#[cfg_attr(target_arch = "wasm32", path = "platform/wasm.rs")]
#[cfg_attr(not(target_arch = "wasm32"), path = "platform/native.rs")]
pub mod platform;
mod retry;

pub use crate::runtime::AbortSignal;
pub use platform::CustomFetch;

pub use retry::RetryPolicy;

use crate::error::Error;

/// An HTTP method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// `GET`.
    Get,
    /// `HEAD`.
    Head,
    /// `POST`.
    Post,
    /// `PATCH`.
    Patch,
    /// `PUT`.
    Put,
    /// `DELETE`.
    Delete,
}

impl Method {
    /// Every method.
    pub const ALL: [Method; 6] = [
        Method::Get,
        Method::Head,
        Method::Post,
        Method::Patch,
        Method::Put,
        Method::Delete,
    ];

    /// The method's name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Head => "HEAD",
            Method::Post => "POST",
            Method::Patch => "PATCH",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }

    /// GET and HEAD change nothing, so they may be retried.
    pub fn is_safe(self) -> bool {
        matches!(self, Method::Get | Method::Head)
    }
}

/// A request, fully formed: the URL is already encoded.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// The HTTP method.
    pub method: Method,
    /// The whole URL, query string encoded.
    pub url: String,
    /// Header names and values, in order.
    pub headers: Vec<(String, String)>,
    /// The body (JSON text), if any.
    pub body: Option<String>,
    /// Give up after this many milliseconds (`timeout` error).
    pub timeout_ms: Option<u32>,
    /// The caller's signal (`aborted` error).
    pub signal: Option<AbortSignal>,
}

impl Request {
    /// A request with no headers and no body.
    pub fn new(method: Method, url: impl Into<String>) -> Self {
        Request {
            method,
            url: url.into(),
            headers: Vec::new(),
            body: None,
            timeout_ms: None,
            signal: None,
        }
    }

    /// Sets a header, replacing one of the same name.
    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        self.headers.push((name.to_string(), value.into()));
        self
    }
}

/// A body as received. In the browser it stays a JS string until Rust asks for it, so a large
/// answer goes from `fetch` to `JSON.parse` without a trip through wasm memory.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// A body read into Rust (the native transport).
    Text(String),
    /// A JS string straight from `fetch` (uninhabited outside the browser).
    Js(platform::RawText),
}

impl Body {
    /// The body as Rust text (copied out of JS in the browser).
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Body::Text(s) => std::borrow::Cow::Borrowed(s),
            Body::Js(v) => std::borrow::Cow::Owned(platform::raw_text(v)),
        }
    }

    /// Whether nothing was received.
    pub fn is_empty(&self) -> bool {
        match self {
            Body::Text(s) => s.is_empty(),
            Body::Js(v) => platform::raw_is_empty(v),
        }
    }
}

/// An answer: status, headers (names lower-cased) and the body.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// The HTTP status (0 when nothing came back).
    pub status: u16,
    /// The status text.
    pub status_text: String,
    /// The headers the SDK reads (names lower-case).
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Body,
}

impl Response {
    /// The first header called `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// How requests leave: the global `fetch`, or one the user passes (as supabase-js's
/// `global.fetch` option), which is also how tests inject faults.
#[derive(Clone, Default)]
pub struct Transport {
    /// The user's `fetch`, if any (shared: every query clones the transport, and cloning a JS
    /// value itself is a call into JS).
    pub(crate) fetch: Option<std::rc::Rc<CustomFetch>>,
    /// Retries of GET/HEAD on 503/520 and network errors.
    pub retry: RetryPolicy,
    /// Connections kept open for this client's requests (native only; shared by its clones).
    pub(crate) pool: platform::Pool,
}

impl Transport {
    /// Sends `req` once and waits for the whole answer.
    pub async fn send_once(&self, req: &Request) -> Result<Response, Error> {
        platform::send(&self.pool, self.fetch.as_deref(), req).await
    }

    /// Sends `req`, retrying safe requests as the policy says (never after an abort).
    pub async fn send(&self, req: Request) -> Result<Response, Error> {
        let mut attempt = 0;
        loop {
            let result = self.send_once(&req).await;
            let delay = self.retry.delay_after(req.method, attempt, &result);
            match delay {
                Some(ms) => {
                    sleep(ms, req.signal.as_ref()).await?;
                    attempt += 1;
                }
                None => return result,
            }
        }
    }
}

/// Waits `ms` milliseconds; an abort ends the wait with an `aborted` error.
pub async fn sleep(ms: u32, signal: Option<&AbortSignal>) -> Result<(), Error> {
    crate::runtime::sleep(ms, signal).await
}

/// Percent-encodes a query component: everything but unreserved characters.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    push_encoded(&mut out, s);
    out
}

/// Appends `s` percent-encoded (as [`encode_component`]) to `out`.
pub fn push_encoded(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_reserved_and_unicode() {
        assert_eq!(encode_component("a b+c,d(é)"), "a%20b%2Bc%2Cd%28%C3%A9%29");
        assert_eq!(encode_component("AZaz09-_.~"), "AZaz09-_.~");
    }

    #[test]
    fn header_replaces_same_name() {
        let r = Request::new(Method::Get, "http://x")
            .header("Prefer", "a")
            .header("prefer", "b");
        assert_eq!(r.headers, vec![("prefer".to_string(), "b".to_string())]);
    }
}
