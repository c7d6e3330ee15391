//! Workflows as plain steps (sans I/O), as queries are with [`crate::rest::Exchange`].
//!
//! A workflow is a function from its arguments to a [`Step`]: either finished ([`Flow::Done`]),
//! or a list of built, unsent queries with what to do with their answers ([`Flow::Send`]). The
//! decisions (validation, which row to read next, what a missing row or a refused update means)
//! run in that code, without a network; [`drive`] is the one loop that sends what a step asks
//! for and hands the answers back. Tests drive the same steps with answers they write
//! themselves.
//!
//! ```
//! use mission_control_sdk::domain::flows;
//! use mission_control_sdk::{Client, ClientOptions};
//!
//! let mc = Client::new("http://127.0.0.1:54321", "anon-key", ClientOptions::default());
//! // Validation happens before any query is built: nothing would be sent.
//! let refused = flows::step(&mc, "tasks", "start", &"not-a-uuid".into(), None);
//! assert_eq!(refused.err().map(|e| e.code.as_str()), Some("validation_failed"));
//! // A valid step first asks for the task as it is now.
//! let id = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
//! let first = flows::step(&mc, "tasks", "start", &id.into(), None).unwrap();
//! assert_eq!(first.queries().len(), 1);
//! assert!(first.queries()[0].target().starts_with("tasks"));
//! ```

use serde_json::Value;

use crate::error::{Error, ErrorCode};
use crate::rest::{QueryBuilder, RestResponse};

/// The answers to the queries of one [`Flow::Send`], in their order.
pub type Answers = Vec<Result<RestResponse, Error>>;

/// A workflow's state after one decision: where it goes next, or the error that ends it.
pub type Step = Result<Flow, Error>;

type Resume = Box<dyn FnOnce(Answers) -> Step>;

/// A workflow between two round trips.
pub enum Flow {
    /// Finished, with its answer.
    Done(Value),
    /// Send these queries (at once), then resume with their answers.
    Send(Vec<QueryBuilder>, Resume),
}

impl std::fmt::Debug for Flow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Flow::Done(v) => f.debug_tuple("Done").field(v).finish(),
            Flow::Send(qs, _) => f
                .debug_tuple("Send")
                .field(&qs.iter().map(QueryBuilder::target).collect::<Vec<_>>())
                .finish(),
        }
    }
}

impl Flow {
    /// A finished step.
    pub fn done(v: Value) -> Step {
        Ok(Flow::Done(v))
    }

    /// Asks for `queries` to be sent at once; `then` gets their answers in order.
    pub fn send(queries: Vec<QueryBuilder>, then: impl FnOnce(Answers) -> Step + 'static) -> Step {
        Ok(Flow::Send(queries, Box::new(then)))
    }

    /// Sends one query; `then` gets its answer (an error answer included).
    pub fn ask(
        query: QueryBuilder,
        then: impl FnOnce(Result<RestResponse, Error>) -> Step + 'static,
    ) -> Step {
        ask(query, Box::new(then))
    }

    /// Sends one query; `then` gets its data (as supabase-js's `data`), an error ends the flow.
    pub fn data(query: QueryBuilder, then: impl FnOnce(Value) -> Step + 'static) -> Step {
        data(query, Box::new(then))
    }

    /// What this step asks to send now (none when it is done).
    pub fn queries(&self) -> &[QueryBuilder] {
        match self {
            Flow::Done(_) => &[],
            Flow::Send(qs, _) => qs,
        }
    }

    /// Goes on with the answers to [`Flow::queries`]; a finished flow stays as it is.
    pub fn resume(self, answers: Answers) -> Step {
        match self {
            Flow::Send(_, then) => then(answers),
            done => Ok(done),
        }
    }
}

/// The first answer of a list (a driver that answered nothing is an internal error).
pub(super) fn first(answers: Answers) -> Result<RestResponse, Error> {
    answers.into_iter().next().unwrap_or_else(|| {
        Err(Error::new(
            ErrorCode::Internal,
            "a workflow step got no answer",
        ))
    })
}

/// Sequencing and recovery on steps.
pub trait Then {
    /// When this step's flow is done, goes on with its answer.
    fn then(self, k: impl FnOnce(Value) -> Step + 'static) -> Step;
    /// When this step's flow ends with an error, `h` decides what follows.
    fn catch(self, h: impl FnOnce(Error) -> Step + 'static) -> Step;
}

// The combinators take boxed closures, so that each call site adds one small closure rather
// than a copy of the combinator (the wasm's size).
type Next = Box<dyn FnOnce(Value) -> Step>;
type Recover = Box<dyn FnOnce(Error) -> Step>;

fn ask(query: QueryBuilder, then: Box<dyn FnOnce(Result<RestResponse, Error>) -> Step>) -> Step {
    Ok(Flow::Send(vec![query], Box::new(move |a| then(first(a)))))
}

fn data(query: QueryBuilder, then: Next) -> Step {
    ask(query, Box::new(move |r| then(r?.data()?)))
}

fn then(step: Step, k: Next) -> Step {
    match step? {
        Flow::Done(v) => k(v),
        Flow::Send(qs, resume) => Ok(Flow::Send(qs, Box::new(move |a| then(resume(a), k)))),
    }
}

fn catch(step: Step, h: Recover) -> Step {
    match step {
        Err(e) => h(e),
        Ok(Flow::Send(qs, resume)) => Ok(Flow::Send(qs, Box::new(move |a| catch(resume(a), h)))),
        done => done,
    }
}

impl Then for Step {
    fn then(self, k: impl FnOnce(Value) -> Step + 'static) -> Step {
        then(self, Box::new(k))
    }

    fn catch(self, h: impl FnOnce(Error) -> Step + 'static) -> Step {
        catch(self, Box::new(h))
    }
}

/// Runs a workflow: sends what each step asks for (the queries of one step at once) and hands
/// the answers back, until it is done. The only I/O of every workflow.
pub async fn drive(step: Step) -> Result<Value, Error> {
    let mut flow = step?;
    loop {
        match flow {
            Flow::Done(v) => return Ok(v),
            Flow::Send(qs, resume) => flow = resume(send_all(&qs).await)?,
        }
    }
}

/// Sends the queries at once and waits for every answer (one round trip of latency).
async fn send_all(queries: &[QueryBuilder]) -> Answers {
    use std::future::Future;
    use std::task::Poll;
    let mut futs: Vec<_> = queries
        .iter()
        .map(|q| Some(Box::pin(q.execute())))
        .collect();
    let mut out: Vec<Option<Result<RestResponse, Error>>> = futs.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (slot, f) in out.iter_mut().zip(futs.iter_mut()) {
            if let Some(fut) = f {
                match fut.as_mut().poll(cx) {
                    Poll::Ready(v) => {
                        *slot = Some(v);
                        *f = None;
                    }
                    Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            Poll::Pending
        } else {
            Poll::Ready(())
        }
    })
    .await;
    out.into_iter().flatten().collect()
}

#[cfg(test)]
pub(crate) mod script {
    //! Drives a flow with written answers: the workflows' tests without a server.

    use super::*;
    use crate::http::{Body, Response};
    use crate::rest::Step as Exchanged;

    /// One query as the test sees it: method and URL (path and query string, decoded).
    pub fn seen(q: &QueryBuilder) -> String {
        let r = q.build().expect("the flow built a valid query");
        let m = r.method.as_str();
        let path = r
            .url
            .split("/rest/v1/")
            .nth(1)
            .unwrap_or(&r.url)
            .to_string();
        format!("{m} {}", unescape(&path))
    }

    fn unescape(s: &str) -> String {
        let (b, mut out, mut i) = (s.as_bytes(), Vec::new(), 0);
        while i < b.len() {
            match (b[i], s.get(i + 1..i + 3).map(|h| u8::from_str_radix(h, 16))) {
                (b'%', Some(Ok(byte))) => {
                    out.push(byte);
                    i += 3;
                }
                (c, _) => {
                    out.push(c);
                    i += 1;
                }
            }
        }
        String::from_utf8_lossy(&out).into_owned()
    }

    /// The answer the real exchange makes of `status` and `body` for `q`.
    pub fn reply(q: &QueryBuilder, (status, body, range): Written) -> Result<RestResponse, Error> {
        let mut headers = vec![("content-type".to_string(), "application/json".to_string())];
        if !range.is_empty() {
            headers.push(("content-range".into(), range.into()));
        }
        let res = Response {
            status,
            status_text: String::new(),
            headers,
            body: Body::Text(body.into()),
        };
        match q.exchange().answered(Ok(res)) {
            Exchanged::Done(r) => r,
            other => panic!("a written answer asked for {other:?}"),
        }
    }

    /// A written answer: status, body and `Content-Range` ("" for none).
    pub type Written<'a> = (u16, &'a str, &'a str);

    /// Runs `step`, answering the n-th round trip with `answers[n]` (one [`Written`] per
    /// query); returns what was sent, one line per query, and how the flow ended.
    pub fn run(mut step: Step, answers: &[&[Written]]) -> (Vec<String>, Result<Value, Error>) {
        let mut sent = Vec::new();
        let mut round = 0;
        loop {
            match step {
                Err(e) => return (sent, Err(e)),
                Ok(Flow::Done(v)) => return (sent, Ok(v)),
                Ok(flow) => {
                    let qs = flow.queries().to_vec();
                    let written = answers.get(round).copied().unwrap_or_else(|| {
                        panic!("round {round} has no written answers; sent so far: {sent:?}")
                    });
                    assert_eq!(qs.len(), written.len(), "round {round}: {sent:?}");
                    let a = qs
                        .iter()
                        .zip(written)
                        .map(|(q, w)| {
                            sent.push(seen(q));
                            reply(q, *w)
                        })
                        .collect();
                    round += 1;
                    step = flow.resume(a);
                }
            }
        }
    }
}
