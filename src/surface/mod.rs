//! The JavaScript surface, defined once: every public method of the JS API is one row of
//! [`METHODS`] — its name, where it is installed, its TypeScript declaration and its handler
//! (which reads the JSON arguments and runs the Rust layers). From this one table come:
//!
//! - the dispatch: [`apply`] replays a builder's recorded calls, [`auth`] runs an auth method,
//!   [`workflow`] a workflow — a name that is not in the table is a validation error;
//! - the façade's installation: [`surface_js`] writes `src/js/entry/surface.js`, the lists the
//!   JS classes install their methods from;
//! - the declarations: [`declarations`] writes `src/js/methods.d.ts`, the interfaces of the
//!   builder, `mc.auth`, the workflows and the client.
//!
//! Both files are generated (`MC_WRITE_SURFACE=1 cargo test --test surface`) and a test holds
//! them equal to this table. The types the declarations refer to (`McResponse`, `McCockpit`, …)
//! are in `src/js/api.d.ts`.
//!
//! ```
//! use mission_control_sdk::surface::{Run, METHODS};
//! let eq = METHODS.iter().find(|m| m.name == "eq").unwrap();
//! assert!(matches!(eq.run, Run::Query(_)));
//! # #[cfg(not(target_arch = "wasm32"))] // the declarations are generated natively
//! assert!(mission_control_sdk::surface::declarations().contains("  eq<C extends McFilterCol<Row, T, Q>>(column: C, value: McFilterVal<Row, T, Q, C>): this"));
//! ```

pub mod args;
mod auth;
mod table;
pub mod wire;
mod workflows;

use std::future::Future;
use std::pin::Pin;

use serde_json::Value;

use crate::auth::AuthClient;
use crate::domain::Workflows;
use crate::error::{Error, Violation};
use crate::rest::{call, QueryBuilder};

pub use table::METHODS;

/// Where a method is installed (and declared).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum On {
    /// The query builder after `from()`/`rpc()` (`McFilterBuilder`): filters and modifiers.
    Builder,
    /// `mc.from(table)` (`McReadInsert`): `select`, `insert`.
    From,
    /// `mc.from(table)` of a table whose RLS allows UPDATE (`McUpdatable`).
    Updatable,
    /// `mc.from(table)` of a table whose RLS allows DELETE (`McDeletable`).
    Deletable,
    /// `mc.auth` (`McAuth`).
    Auth,
    /// `mc.auth.mfa` (`McAuthMfa`); the table names these methods `mfa.<name>`.
    Mfa,
    /// A workflow group of the client (`mc.tasks`, `mc.cockpit`, …).
    Workflow(&'static str),
    /// The client itself (`McClient`).
    Client,
}

/// What `data` is when an auth method fails (supabase-js's empty shapes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Empty {
    /// `{ user: null, session: null }`.
    UserSession,
    /// `{ session: null }`.
    Session,
    /// `{ user: null }`.
    User,
    /// `{ session: null, user: null, redirectType: null }` (`exchangeCodeForSession`).
    Redirect,
    /// `null`.
    Null,
    /// No `data` at all: the answer is `{ error }` (`signOut`).
    NoData,
}

impl Empty {
    /// The empty `data` as JSON text (`""` for [`Empty::NoData`]).
    pub fn json(self) -> &'static str {
        match self {
            Empty::UserSession => r#"{"user":null,"session":null}"#,
            Empty::Session => r#"{"session":null}"#,
            Empty::User => r#"{"user":null}"#,
            Empty::Redirect => r#"{"session":null,"user":null,"redirectType":null}"#,
            Empty::Null => "null",
            Empty::NoData => "",
        }
    }
}

/// A boxed future of a handler's answer (`data` as JSON).
pub type Answer<'a> = Pin<Box<dyn Future<Output = Result<Value, Error>> + 'a>>;
/// An auth method's handler: the client and the method's arguments (a JSON array).
pub type AuthFn = fn(&AuthClient, &Value) -> crate::auth::flow::Step<Value>;
/// A workflow's handler: the workflows, the method's name and its arguments.
pub type WorkflowFn = fn(&Workflows, &str, &[Value]) -> crate::domain::flows::Step;

/// How a method runs.
#[derive(Clone, Copy)]
pub enum Run {
    /// Recorded by the JS builder, replayed into the Rust [`QueryBuilder`] when awaited.
    Query(call::Handler),
    /// An async auth method: its handler, and `data` when it fails.
    Auth(AuthFn, Empty),
    /// A workflow: its handler, and whether it writes (the client's `onWrite` listeners hear
    /// the writes).
    Workflow(WorkflowFn, bool),
    /// Implemented by the façade's JS classes (or the core's own exports) and declared here.
    Facade,
}

/// One public method of the JS surface.
pub struct Method {
    /// The JS name (`eq`, `signInWithPassword`, `start`).
    pub name: &'static str,
    /// Where it is installed.
    pub on: &'static [On],
    /// Its TypeScript member declaration in each place of `on` (after its doc). Not in the
    /// WebAssembly build, which never prints declarations.
    #[cfg(not(target_arch = "wasm32"))]
    pub ts: &'static [&'static str],
    /// One line of documentation (the declaration's `/** … */`).
    #[cfg(not(target_arch = "wasm32"))]
    pub doc: &'static str,
    /// How it runs.
    pub run: Run,
}

fn unknown(table: &str, name: &str) -> Error {
    Error::validation(vec![Violation {
        table: table.into(),
        field: name.into(),
        rule: "unknown method".into(),
        value: Value::Null,
    }])
}

#[cfg(not(target_arch = "wasm32"))]
fn installed(on: On) -> impl Iterator<Item = &'static Method> {
    METHODS.iter().filter(move |m| m.on.contains(&on))
}

fn query_handler(name: &str) -> Option<call::Handler> {
    METHODS.iter().find_map(|m| match m.run {
        Run::Query(h) if m.name == name => Some(h),
        _ => None,
    })
}

/// Applies one recorded builder call by name (what `await builder` replays). A name that is
/// not a query method of the table becomes the builder's problem: nothing is sent.
///
/// ```
/// use mission_control_sdk::{surface, Client, ClientOptions};
/// use serde_json::json;
/// let mc = Client::new("http://127.0.0.1:54321", "anon-key", ClientOptions::default());
/// let q = surface::apply(mc.from("tasks"), "select", &[json!("id,title")]);
/// let q = surface::apply(q, "eq", &[json!("status"), json!("PENDING")]);
/// assert!(q.build().unwrap().url.ends_with("/tasks?select=id%2Ctitle&status=eq.PENDING"));
/// let bad = surface::apply(mc.from("tasks"), "nope", &[]);
/// assert_eq!(bad.build().unwrap_err().violations[0].rule, "unknown method");
/// ```
pub fn apply(q: QueryBuilder, name: &str, args: &[Value]) -> QueryBuilder {
    if q.problem().is_some() {
        return q;
    }
    match query_handler(name) {
        Some(h) => h(q, name, args),
        None => call::unknown(q, name, args),
    }
}

/// The auth method `name` of the table: its handler and empty `data`.
pub fn auth_method(name: &str) -> Option<(AuthFn, Empty)> {
    METHODS.iter().find_map(|m| match m.run {
        Run::Auth(h, empty) if m.name == name => Some((h, empty)),
        _ => None,
    })
}

/// Runs the auth method `name` with its arguments (a JSON array): `data` as supabase-js
/// answers it.
pub async fn auth(a: &AuthClient, name: &str, arg: &Value) -> Result<Value, Error> {
    match auth_method(name) {
        Some((h, _)) => a.drive(h(a, arg)).await,
        None => Err(unknown("auth", name)),
    }
}

/// Runs the workflow `group.name` with its JSON arguments (what `mc.tasks.start(id)` calls).
///
/// ```no_run
/// # async fn demo(mc: mission_control_sdk::Client) -> Result<(), mission_control_sdk::Error> {
/// use mission_control_sdk::surface;
/// let id = serde_json::json!("7c9e6679-7425-40de-944b-e07fc1f90ae7");
/// let task = surface::workflow(&mc.workflows(), "tasks", "start", &[id]).await?;
/// assert_eq!(task["status"], "IN_PROGRESS");
/// # Ok(()) }
/// ```
pub async fn workflow(
    w: &Workflows,
    group: &str,
    name: &str,
    args: &[Value],
) -> Result<Value, Error> {
    let h = METHODS.iter().find_map(|m| match m.run {
        Run::Workflow(h, _)
            if m.name == name && matches!(m.on[0], On::Workflow(g) if g == group) =>
        {
            Some(h)
        }
        _ => None,
    });
    match h {
        Some(h) => crate::domain::flows::drive(h(w, name, args)).await,
        None => Err(unknown(group, name)),
    }
}

/// Workflows by name, as JS calls them: `mc.workflows().run("tasks", "start", &[id])` is
/// `mc.tasks.start(id)`.
///
/// ```no_run
/// # async fn demo(mc: mission_control_sdk::Client) -> Result<(), mission_control_sdk::Error> {
/// use mission_control_sdk::surface::ByName;
/// let id = serde_json::json!("7c9e6679-7425-40de-944b-e07fc1f90ae7");
/// let task = mc.workflows().run("tasks", "start", &[id]).await?;
/// assert_eq!(task["status"], "IN_PROGRESS");
/// # Ok(()) }
/// ```
pub trait ByName {
    /// Runs the workflow `group.name` of the method table with its JSON arguments.
    fn run<'a>(&'a self, group: &'a str, name: &'a str, args: &'a [Value]) -> Answer<'a>;
}

impl ByName for Workflows {
    fn run<'a>(&'a self, group: &'a str, name: &'a str, args: &'a [Value]) -> Answer<'a> {
        Box::pin(workflow(self, group, name, args))
    }
}

/// The workflow groups in table order.
pub fn groups() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for m in METHODS {
        if let (Run::Workflow(..), On::Workflow(g)) = (m.run, m.on[0]) {
            if !out.contains(&g) {
                out.push(g);
            }
        }
    }
    out
}

#[cfg(not(target_arch = "wasm32"))]
/// What the façade installs, as JSON: `[methods, auth, workflows]` — the builder's recorded
/// methods, the async auth methods as `[name, empty data as JSON ("" for none)]`, and the
/// workflow groups as `[group, [[name, writes]]]`.
pub fn installation() -> Value {
    let query: Vec<Value> = METHODS
        .iter()
        .filter(|m| matches!(m.run, Run::Query(_)))
        .map(|m| m.name.into())
        .collect();
    let auth: Vec<Value> = METHODS
        .iter()
        .filter_map(|m| match m.run {
            Run::Auth(_, empty) => Some(Value::from(vec![m.name, empty.json()])),
            _ => None,
        })
        .collect();
    let workflows: Vec<Value> = groups()
        .into_iter()
        .map(|g| {
            let names: Vec<Value> = installed(On::Workflow(g))
                .filter_map(|m| match m.run {
                    Run::Workflow(_, writes) => {
                        Some(Value::from(vec![Value::from(m.name), Value::from(writes)]))
                    }
                    _ => None,
                })
                .collect();
            Value::from(vec![Value::from(g), Value::from(names)])
        })
        .collect();
    Value::from(vec![
        Value::from(query),
        Value::from(auth),
        Value::from(workflows),
    ])
}

/// `src/js/entry/surface.js`: what the package's entry installs before the WebAssembly module
/// is ready ([`installation`]), and the schema's `Constants`.
#[cfg(not(target_arch = "wasm32"))]
pub fn surface_js() -> String {
    let lists = installation();
    let text = |i: usize| crate::json::write(&lists[i]);
    format!(
        "// Generated from the method table (src/surface/table.rs) by tests/surface.rs (MC_WRITE_SURFACE=1 cargo test --test surface): do not edit.\n\
         /** The query builder's recorded methods. */\n\
         export const METHODS = {};\n\
         /** The async auth methods: [name, empty `data` as JSON (\"\" for none)]. */\n\
         export const AUTH_CALLS = {};\n\
         /** The workflow groups: [group, [[name, writes]]]. */\n\
         export const WORKFLOWS = {};\n\
         /** Every enum's values in Postgres order, as `supabase gen types typescript` exports them. */\n\
         export const Constants = {};\n",
        text(0),
        text(1),
        text(2),
        crate::schema::CONSTANTS_JSON.trim(),
    )
}

#[cfg(not(target_arch = "wasm32"))]
fn members(out: &mut String, on: On, indent: &str) {
    for m in installed(on) {
        let at = m.on.iter().position(|o| *o == on).unwrap_or(0);
        let ts = m.ts.get(at).copied().unwrap_or_default();
        if !m.doc.is_empty() {
            out.push_str(&format!("{indent}/** {} */\n", m.doc));
        }
        out.push_str(&format!("{indent}{ts}\n"));
    }
}

/// `src/js/methods.d.ts`: the interfaces of every method of the table, typed by the schema.
#[cfg(not(target_arch = "wasm32"))]
pub fn declarations() -> String {
    let mut out = String::from(
        "// Generated from the method table (src/surface/table.rs) by tests/surface.rs (MC_WRITE_SURFACE=1 cargo test --test surface): do not edit.\n\n",
    );
    // The Rust enums the API names, as string unions (from their `ALL` lists).
    use crate::auth::{AuthEvent, OtpType, SignOutScope};
    use crate::error::ErrorCode;
    use crate::rest::Count;
    fn names<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> Vec<&'static str> {
        all.iter().map(|v| name(*v)).collect()
    }
    let unions = [
        (
            "An McError's stable `code` (`ErrorCode` in Rust).",
            "ErrorCode",
            names(ErrorCode::ALL, ErrorCode::as_str),
        ),
        (
            "What happened to the session.",
            "AuthEvent",
            names(AuthEvent::ALL, AuthEvent::as_str),
        ),
        (
            "Which sessions `signOut` ends.",
            "SignOutScope",
            names(SignOutScope::ALL, SignOutScope::as_str),
        ),
        (
            "The kind of an emailed code (`verifyOtp`).",
            "OtpType",
            names(OtpType::ALL, OtpType::as_str),
        ),
        (
            "`count` option of `select`.",
            "Count",
            names(Count::ALL, Count::as_str),
        ),
    ];
    for (doc, name, values) in unions {
        let values: Vec<String> = values.iter().map(|v| format!("{v:?}")).collect();
        out.push_str(&format!(
            "/** {doc} */\nexport type {name} = {}\n\n",
            values.join(" | ")
        ));
    }
    let backend_only: Vec<String> = crate::schema::TABLES
        .iter()
        .filter(|t| crate::schema::backend_only(t.name))
        .map(|t| format!("{:?}", t.name))
        .collect();
    out.push_str(&format!(
        "/** Tables the backend alone writes: `from()` offers them `select` only (docs/rules.md). */\nexport type McBackendOnlyTable = {}\n\n",
        if backend_only.is_empty() { "never".to_string() } else { backend_only.join(" | ") }
    ));
    let block = |out: &mut String, doc: &str, head: &str, on: On, extra: &str| {
        out.push_str(&format!("/** {doc} */\n{head} {{\n{extra}"));
        members(out, on, "  ");
        out.push_str("}\n\n");
    };
    block(
        &mut out,
        "Filters and modifiers; `await` runs the query (the builder can be kept, extended and awaited again).",
        "export interface McFilterBuilder<Row, Result, T extends string = never, Q extends string = \"*\"> extends PromiseLike<McResponse<Result>>",
        On::Builder,
        "",
    );
    block(
        &mut out,
        "`mc.from(table)` for every table.",
        "export interface McReadInsert<T extends TableName>",
        On::From,
        "",
    );
    block(
        &mut out,
        "Tables whose RLS allows UPDATE.",
        "export interface McUpdatable<T extends TableName>",
        On::Updatable,
        "",
    );
    block(
        &mut out,
        "Tables whose RLS allows DELETE.",
        "export interface McDeletable<T extends TableName>",
        On::Deletable,
        "",
    );
    block(
        &mut out,
        "`mc.auth`: supabase-js's auth methods, answering `{ data, error }`.",
        "export declare class McAuth",
        On::Auth,
        "  private constructor()\n",
    );
    block(
        &mut out,
        "`mc.auth.mfa`: supabase-js's multi-factor methods (TOTP).",
        "export interface McAuthMfa",
        On::Mfa,
        "",
    );
    out.push_str("/** The product's workflows (docs/rules.md): state changes are compare-and-set updates. */\nexport interface McWorkflows {\n");
    for g in groups() {
        out.push_str(&format!("  {g}: {{\n"));
        members(&mut out, On::Workflow(g), "    ");
        out.push_str("  }\n");
    }
    out.push_str("}\n\n");
    let groups: String = groups()
        .into_iter()
        .map(|g| format!("  readonly {g}: McWorkflows[{g:?}]\n"))
        .collect();
    block(
        &mut out,
        "A client: `from`, `rpc`, `schema`, `validate`, `auth`, and the workflows.",
        "export declare class McClient",
        On::Client,
        &format!("  private constructor()\n{groups}"),
    );
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::{Client, ClientOptions};
    use serde_json::json;

    fn b(table: &str) -> QueryBuilder {
        Client::new("http://127.0.0.1:1", "anon", ClientOptions::default()).from(table)
    }

    #[test]
    fn every_query_method_of_the_table_is_understood() {
        for m in METHODS.iter().filter(|m| matches!(m.run, Run::Query(_))) {
            let q = apply(b("tasks"), m.name, &[json!("title"), json!("x")]);
            let unknown = q
                .problem()
                .is_some_and(|p| p.violations.iter().any(|v| v.rule == "unknown method"));
            assert!(!unknown, "{}", m.name);
        }
        let q = apply(b("tasks"), "nope", &[]);
        assert_eq!(q.problem().unwrap().violations[0].rule, "unknown method");
        // A façade-only member is not a recorded call.
        let q = apply(b("tasks"), "toJSON", &[]);
        assert_eq!(q.problem().unwrap().violations[0].field, "toJSON");
    }

    #[test]
    fn replayed_calls_build_the_request() {
        let q = [
            ("select", vec![json!("id,title"), json!({"count": "exact"})]),
            ("in", vec![json!("status"), json!(["PENDING", "BLOCKED"])]),
            ("regexMatch", vec![json!("title"), json!("^A")]),
            (
                "order",
                vec![json!("created_at"), json!({"ascending": false})],
            ),
            ("limit", vec![json!(5)]),
        ]
        .into_iter()
        .fold(b("tasks"), |q, (name, args)| apply(q, name, &args));
        let r = q.build().unwrap();
        assert!(r.url.ends_with(
            "tasks?select=id%2Ctitle&status=in.%28PENDING%2CBLOCKED%29&title=match.%5EA&order=created_at.desc&limit=5"
        ), "{}", r.url);
    }

    #[test]
    fn wrong_arguments_are_violations_naming_the_table() {
        for (name, args) in [
            ("in", vec![json!("status"), Value::Null]),
            ("match", vec![Value::Null]),
            ("eq", vec![Value::Null, json!(1)]),
            ("limit", vec![json!(-1)]),
            ("select", vec![json!("nope")]),
            ("eq", vec![json!("title"), json!("a\u{0}b")]),
            ("insert", vec![json!(5)]),
            ("order", vec![json!("titel")]),
            ("timeout", vec![json!(0)]),
            (
                "textSearch",
                vec![json!("title"), json!("q"), json!({"type": "fuzzy"})],
            ),
        ] {
            let e = apply(b("tasks"), name, &args).build().unwrap_err();
            assert_eq!(e.code, ErrorCode::ValidationFailed, "{name}");
            assert_eq!(e.violations[0].table, "tasks", "{name}");
        }
    }

    #[test]
    fn the_first_problem_stops_the_replay() {
        let q = apply(b("tasks"), "limit", &[json!(-1)]);
        let q = apply(q, "nope", &[]);
        assert_eq!(q.problem().unwrap().violations[0].field, "limit");
    }

    #[test]
    fn auth_rows_carry_supabase_js_s_empty_data() {
        let empty = |n: &str| auth_method(n).map(|(_, e)| e.json());
        assert_eq!(
            empty("signInWithPassword"),
            Some(r#"{"user":null,"session":null}"#)
        );
        assert_eq!(empty("getSession"), Some(r#"{"session":null}"#));
        assert_eq!(empty("getUser"), Some(r#"{"user":null}"#));
        assert_eq!(empty("resetPasswordForEmail"), Some("null"));
        assert_eq!(empty("signOut"), Some(""));
        assert_eq!(empty("onAuthStateChange"), None);
        for (_, e) in METHODS.iter().filter_map(|m| match m.run {
            Run::Auth(h, e) => Some((h, e)),
            _ => None,
        }) {
            let text = e.json();
            assert!(
                text.is_empty() || crate::json::parse(text).is_ok(),
                "{text}"
            );
        }
    }

    #[test]
    fn unknown_workflows_and_auth_methods_are_refused() {
        let mc = Client::new("http://127.0.0.1:1", "anon", ClientOptions::default());
        let w = mc.workflows();
        let ready = |f: Answer<'_>| {
            // Refused before any request: the future is ready at its first poll.
            let waker = std::task::Waker::noop();
            let mut cx = std::task::Context::from_waker(waker);
            let mut f = f;
            match f.as_mut().poll(&mut cx) {
                std::task::Poll::Ready(r) => r,
                std::task::Poll::Pending => panic!("sent a request"),
            }
        };
        let e = ready(Box::pin(workflow(&w, "tasks", "fly", &[]))).unwrap_err();
        assert_eq!(
            (
                e.violations[0].table.as_str(),
                e.violations[0].field.as_str()
            ),
            ("tasks", "fly")
        );
        let e = ready(Box::pin(workflow(&w, "agents", "start", &[]))).unwrap_err();
        assert_eq!(e.violations[0].rule, "unknown method");
        let e = ready(Box::pin(auth(mc.auth(), "signInWithMagic", &Value::Null))).unwrap_err();
        assert_eq!(e.violations[0].table, "auth");
        let e = ready(Box::pin(workflow(
            &w,
            "tasks",
            "start",
            &[json!("not-a-uuid")],
        )))
        .unwrap_err();
        assert_eq!(e.code, ErrorCode::ValidationFailed);
    }
}
