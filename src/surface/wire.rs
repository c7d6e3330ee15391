//! The formats between the wasm core and the JS query driver (`runQuery` in `facade.js`), each
//! a named struct with one encoder and one decoder:
//!
//! - [`Plan`] (Rust → JS): a prepared request as one string of lines — the [`Meta`] line, the
//!   URL, the body (empty for none), then header names and values, one per line. Rust encodes
//!   it ([`Plan::encode`]); the JS `Plan` class decodes it (the method is the meta line's first
//!   field, the timeout its last).
//! - [`Meta`] (Rust → JS → Rust): the exchange's state and `throwOnError` as space-separated
//!   numbers after the method. JS hands the line back with each answer; [`Meta::decode`] reads
//!   it.
//! - The answer (JS → Rust): `mcFetch`'s array `[kind, status, statusText, contentRange,
//!   retryAfter, text | message]` (`fetch.js` encodes it; `http::platform::answer_of` decodes
//!   it; kind 0 ok, 1 timeout, 2 aborted, 3 undecodable, 4 network).

use crate::http::{Method, RetryPolicy};
use crate::rest::{Exchange, QueryBuilder, ReturnShape};
use crate::Error;

/// The return shapes by their number in a meta line.
const SHAPES: [ReturnShape; 4] = [
    ReturnShape::Many,
    ReturnShape::Single,
    ReturnShape::MaybeSingle,
    ReturnShape::Csv,
];

/// A prepared query's state, as the first line of a [`Plan`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Meta {
    /// The exchange (its `attempt` is not carried: the driver counts).
    pub exchange: Exchange,
    /// Whether the query rejects instead of answering `{ error }`.
    pub throws: bool,
    /// The query's `timeout`, in milliseconds (0: none).
    pub timeout_ms: u32,
}

impl Meta {
    /// Writes the line: `METHOD shape head throws canRefresh attempts baseDelay maxDelay timeout`.
    pub fn encode(&self, out: &mut String) {
        let ex = &self.exchange;
        let shape = SHAPES.iter().position(|s| *s == ex.shape).unwrap_or(0) as u32;
        out.push_str(ex.method.as_str());
        for n in [
            shape,
            ex.head as u32,
            self.throws as u32,
            ex.can_refresh as u32,
            ex.retry.attempts,
            ex.retry.base_delay_ms,
            ex.retry.max_delay_ms,
            self.timeout_ms,
        ] {
            out.push(' ');
            crate::json::push_decimal(out, n.into());
        }
    }

    /// Reads a line [`Meta::encode`] wrote; `None` for anything else.
    pub fn decode(line: &str) -> Option<Meta> {
        let mut parts = line.split(' ');
        let name = parts.next()?;
        let method = Method::ALL.into_iter().find(|m| m.as_str() == name)?;
        let mut n = || parts.next().and_then(|p| p.parse::<u32>().ok());
        let shape = *SHAPES.get(n()? as usize)?;
        let (head, throws, can_refresh) = (n()? == 1, n()? == 1, n()? == 1);
        let retry = RetryPolicy {
            attempts: n()?,
            base_delay_ms: n()?,
            max_delay_ms: n()?,
        };
        let timeout_ms = n()?;
        let exchange = Exchange {
            method,
            shape,
            head,
            retry,
            can_refresh,
            attempt: 0,
        };
        Some(Meta {
            exchange,
            throws,
            timeout_ms,
        })
    }
}

/// A prepared request for the JS driver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The query's state.
    pub meta: Meta,
    /// The whole URL.
    pub url: String,
    /// The JSON body (empty for none).
    pub body: String,
    /// Header names and values.
    pub headers: Vec<(String, String)>,
}

impl Plan {
    /// The plan of a builder, encoded at once (the query path: no intermediate struct).
    pub fn encode_builder(b: &QueryBuilder) -> Result<String, Error> {
        let meta = Meta {
            exchange: b.exchange(),
            throws: b.throws(),
            timeout_ms: b.timeout_ms().unwrap_or(0),
        };
        let mut url = String::with_capacity(128);
        let mut headers = String::with_capacity(256);
        b.write(&mut url, &mut |name, value| {
            headers.push('\n');
            headers.push_str(name);
            headers.push('\n');
            value.iter().for_each(|part| headers.push_str(part));
        })?;
        let body = b.body().map(crate::json::write).unwrap_or_default();
        let mut out = String::with_capacity(url.len() + headers.len() + body.len() + 48);
        Self::write(&mut out, &meta, &url, &body, &headers);
        Ok(out)
    }

    fn write(out: &mut String, meta: &Meta, url: &str, body: &str, headers: &str) {
        meta.encode(out);
        out.push('\n');
        out.push_str(url);
        out.push('\n');
        out.push_str(body);
        out.push_str(headers);
    }

    /// The plan as the driver receives it.
    pub fn encode(&self) -> String {
        let mut headers = String::new();
        for (k, v) in &self.headers {
            headers.push('\n');
            headers.push_str(k);
            headers.push('\n');
            headers.push_str(v);
        }
        let mut out = String::new();
        Self::write(&mut out, &self.meta, &self.url, &self.body, &headers);
        out
    }

    /// Reads a plan (what the JS `Plan` class does; here for the round-trip test and Rust
    /// drivers).
    pub fn decode(text: &str) -> Option<Plan> {
        let mut lines = text.split('\n');
        let meta = Meta::decode(lines.next()?)?;
        let url = lines.next()?.to_string();
        let body = lines.next().unwrap_or_default().to_string();
        let mut headers = Vec::new();
        while let Some(name) = lines.next() {
            headers.push((name.to_string(), lines.next()?.to_string()));
        }
        Some(Plan {
            meta,
            url,
            body,
            headers,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Client, ClientOptions};
    use serde_json::json;

    #[test]
    fn every_meta_round_trips() {
        for method in Method::ALL {
            for shape in SHAPES {
                for flags in 0..8u32 {
                    let meta = Meta {
                        exchange: Exchange {
                            method,
                            shape,
                            head: flags & 1 == 1,
                            retry: RetryPolicy {
                                attempts: flags,
                                base_delay_ms: 250,
                                max_delay_ms: 30_000,
                            },
                            can_refresh: flags & 2 == 2,
                            attempt: 0,
                        },
                        throws: flags & 4 == 4,
                        timeout_ms: flags * 1000,
                    };
                    let mut line = String::new();
                    meta.encode(&mut line);
                    assert_eq!(Meta::decode(&line), Some(meta), "{line}");
                }
            }
        }
        assert_eq!(Meta::decode("GET 9 0 0 0 0 0 0 0"), None);
        assert_eq!(Meta::decode("FETCH 0 0 0 0 0 0 0 0"), None);
        assert_eq!(Meta::decode("GET 0 0"), None);
    }

    #[test]
    fn a_builder_s_plan_decodes_to_the_request_it_builds() {
        const ID: &str = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
        let mc = Client::new("http://127.0.0.1:1", "anon", ClientOptions::default());
        let q = mc
            .from("tasks")
            .insert(json!({"title": "a\nb", "company_id": ID, "assignee_id": ID, "assigned_by": ID, "priority": "HIGH"}), true)
            .select("id")
            .single()
            .timeout(5000);
        let plan = Plan::decode(&Plan::encode_builder(&q).unwrap()).unwrap();
        let req = q.build().unwrap();
        assert_eq!(plan.meta.exchange.method, req.method);
        assert_eq!(plan.meta.exchange.shape, ReturnShape::Single);
        assert_eq!(plan.meta.timeout_ms, 5000);
        assert_eq!(plan.url, req.url);
        assert_eq!(Some(plan.body.clone()), req.body);
        assert_eq!(plan.headers, req.headers);
        assert_eq!(Plan::decode(&plan.encode()), Some(plan));
    }
}
