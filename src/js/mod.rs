//! The JavaScript façade (wasm-bindgen): supabase-js's shapes over the Rust layers.
//!
//! `facade.js` holds the JS classes (`McClient`, `McQueryBuilder`, `McAuth`, `McError`): they
//! record calls and hand them to the core below as one JSON string when a query is awaited.
//! Every exported function takes `JsValue`s, so no argument can make wasm-bindgen's glue
//! throw, and JS values enter Rust only through `JSON.stringify` + serde_json (depth-limited).

use crate::surface::args;
mod auth;
mod error;
mod query;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use crate::error::{Error, ErrorCode, Violation};
use crate::http::Transport;
use crate::rest::Step;
use crate::schema::{self, Mode};
use crate::{Client, ClientOptions};

pub use auth::JsAuth;
pub use error::to_js_error;

#[wasm_bindgen(module = "/src/js/facade.js")]
extern "C" {
    #[wasm_bindgen(js_name = makeClient)]
    fn make_client(core: JsCore) -> JsValue;
}

// The surface the façade installs (generated from the method table); named here so that
// wasm-bindgen ships it beside facade.js, which imports it.
#[wasm_bindgen(module = "/src/js/entry/surface.js")]
extern "C" {
    #[wasm_bindgen(thread_local_v2, js_name = METHODS)]
    static SURFACE_METHODS: JsValue;
}

/// The schema's TypeScript declarations (`Database`, `Tables<>`, `Constants`, `AgentRow`, …),
/// generated from the migrations by `build.rs`.
#[wasm_bindgen(typescript_custom_section)]
const DATABASE_TS: &str = crate::schema::DATABASE_TS;

/// The types of the client's API (responses, errors, options, the cockpit's views), typed by
/// the schema.
#[wasm_bindgen(typescript_custom_section)]
const API_TS: &str = include_str!("api.d.ts");

/// Every method of the API, generated from the method table (`crate::surface`).
#[wasm_bindgen(typescript_custom_section)]
const METHODS_TS: &str = include_str!("methods.d.ts");

/// The select string, typed: a type-level parser of PostgREST's `select=` grammar that gives
/// `select()` its row type, refuses a bad column, relation or hint at the argument, and types
/// filters, `order` and `match` on embedded columns (`SelectResult`, `SelectCheck`,
/// `FilterColumn`, …; its helpers are all named `McSel…`).
#[wasm_bindgen(typescript_custom_section)]
const SELECT_TS: &str = include_str!("types/select.d.ts");

/// Quotes a value for a PostgREST logic tree (`or`, `and`) or an `in` list: wrapped in double
/// quotes with `\"` and `\\` escapes when it contains `,` `(` `)` `"` `\\`, edge white
/// space, or is empty; as it is otherwise. Numbers and booleans are written as JSON.
#[wasm_bindgen(js_name = quoteValue, skip_typescript)]
pub fn quote_value(value: JsValue) -> Result<String, JsValue> {
    let text = error::from_js(&value)
        .ok()
        .and_then(|v| crate::rest::scalar_text(&v))
        .ok_or_else(|| {
            to_js_error(&Error::validation(vec![Violation {
                table: String::new(),
                field: "quoteValue".into(),
                rule: "must be a string, number, boolean or null".into(),
                value: serde_json::Value::Null,
            }]))
        })?;
    Ok(crate::rest::list_element(&text))
}

/// The wasm half of a client: runs what the JS builders recorded. Not used directly: JS sees
/// the `McClient` of `facade.js`.
#[wasm_bindgen(js_name = McCore, skip_typescript)]
pub struct JsCore {
    inner: Client,
    auth: JsValue,
}

/// The JSON-readable part of createClient's options (functions and storage adapters are
/// read from the JS object itself).
#[derive(Default, tsify::Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ClientJsonOptions {
    /// Retries of GET/HEAD on 503/520 and network errors; `false` turns them off.
    #[tsify(optional, type = "false | { attempts?: number; baseDelayMs?: number }")]
    retry: Option<serde_json::Value>,
    /// A `service_role` (or `sb_secret_…`) key bypasses RLS for everyone who loads the page, so
    /// createClient refuses one in a browser window unless this is `true`.
    #[tsify(optional)]
    dangerously_allow_service_role_key: bool,
}

impl args::Arg for ClientJsonOptions {
    fn read(f: &args::Fields) -> Result<Self, Error> {
        Ok(ClientJsonOptions {
            retry: f.value("retry"),
            dangerously_allow_service_role_key: f
                .flag("dangerouslyAllowServiceRoleKey")?
                .unwrap_or(false),
        })
    }
}

fn field(o: &JsValue, key: &str) -> JsValue {
    if o.is_object() {
        Reflect::get(o, &key.into()).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

fn invalid(field: &str, rule: &str, value: serde_json::Value) -> JsValue {
    to_js_error(&Error::validation(vec![Violation {
        table: "createClient".into(),
        field: field.into(),
        rule: rule.into(),
        value,
    }]))
}

/// Whether the page is a browser window (where every visitor can read the key).
fn in_browser_window() -> bool {
    let w = field(&js_sys::global(), "window");
    !w.is_undefined() && !w.is_null()
}

/// Creates a client. `options.global.fetch` replaces the global `fetch` (as in supabase-js);
/// `options.auth` configures the session; `options.retry` the GET/HEAD retries. A
/// `service_role` (or `sb_secret_…`) key is refused in a browser window, where it would let
/// every visitor bypass RLS, unless `dangerouslyAllowServiceRoleKey: true` says it is meant.
#[wasm_bindgen(js_name = createClient, skip_typescript)]
pub fn create_client(url: JsValue, key: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let (Some(url), Some(key)) = (url.as_string(), key.as_string()) else {
        return Err(invalid(
            "url",
            "createClient needs a URL and an API key (strings)",
            serde_json::Value::Null,
        ));
    };
    if key.chars().any(char::is_control) {
        return Err(invalid(
            "key",
            "must not contain control characters",
            serde_json::Value::Null,
        ));
    }
    if url.is_empty() || key.is_empty() {
        return Err(invalid(
            "url",
            "createClient needs a URL and an API key",
            serde_json::Value::Null,
        ));
    }
    if !(url.starts_with("http://") || url.starts_with("https://"))
        || url.chars().any(char::is_control)
    {
        return Err(invalid(
            "url",
            "must be an http(s) URL",
            serde_json::Value::String(url),
        ));
    }
    let opts: ClientJsonOptions = error::from_js(&options)
        .and_then(|v| args::Arg::read(&args::Fields::new(&v, "createClient", "options")?))
        .map_err(|e| to_js_error(&e))?;
    if crate::auth::is_service_key(&key)
        && in_browser_window()
        && !opts.dangerously_allow_service_role_key
    {
        let mut e = Error::new(
            ErrorCode::ValidationFailed,
            "a service_role key in a browser bypasses row-level security for every visitor of the page",
        );
        e.hint = Some("use the anon key in the browser (or pass dangerouslyAllowServiceRoleKey: true if this page is never served to users)".into());
        e.violations = vec![Violation {
            table: "createClient".into(),
            field: "key".into(),
            rule: "must not be a service_role key in a browser".into(),
            value: serde_json::Value::Null,
        }];
        return Err(to_js_error(&e));
    }
    let mut transport = Transport::default();
    match opts.retry {
        Some(serde_json::Value::Bool(false)) => transport.retry = crate::http::RetryPolicy::none(),
        Some(r @ serde_json::Value::Object(_)) => {
            // `{ attempts, baseDelayMs }`; what is not a number is left at its default.
            let number = |k: &str| r.get(k).and_then(serde_json::Value::as_f64);
            if let Some(n) = number("attempts") {
                transport.retry.attempts = n.clamp(0.0, 10.0) as u32;
            }
            if let Some(ms) = number("baseDelayMs") {
                transport.retry.base_delay_ms = ms.clamp(0.0, 60_000.0) as u32;
            }
        }
        _ => {}
    }
    if let Some(f) = field(&field(&options, "global"), "fetch").dyn_ref::<Function>() {
        transport.fetch = Some(std::rc::Rc::new(f.clone()));
    }
    let auth_options = auth::options(&options)?;
    let client = Client::new(
        &url,
        &key,
        ClientOptions {
            transport,
            auth: auth_options,
        },
    );
    // Load the stored session and start the refresh tick, as supabase-js does on creation.
    let a = client.auth().clone();
    wasm_bindgen_futures::spawn_local(async move { a.initialize().await });
    let auth = JsAuth::new(client.auth().clone()).into();
    Ok(make_client(JsCore {
        inner: client,
        auth,
    }))
}

#[wasm_bindgen(js_class = McCore)]
impl JsCore {
    /// The raw auth object (`McAuth` in `facade.js` wraps it).
    pub fn auth(&self) -> JsValue {
        self.auth.clone()
    }

    /// Prepares a recorded query for the JS driver (`runQuery` in `facade.js`): the request
    /// as one string (`surface::wire::Plan`), or — when it is refused before the network — the
    /// settled answer (`{ data: null, error }`), thrown under `throwOnError`.
    pub fn prepare(&self, spec: JsValue, signal: JsValue) -> Result<JsValue, JsValue> {
        let spec = match query::Spec::parse(&spec) {
            Ok(s) => s,
            Err(e) => return query::settle(Err(e), false),
        };
        let mut b = spec.builder(&self.inner);
        if !signal.is_undefined()
            && !signal.is_null()
            && !signal.is_instance_of::<web_sys::AbortSignal>()
        {
            let table = b.target().to_string();
            b = b.refuse(Error::validation(vec![Violation {
                table,
                field: "abortSignal".into(),
                rule: "must be an AbortSignal".into(),
                value: serde_json::Value::Null,
            }]))
        }
        match crate::surface::wire::Plan::encode_builder(&b) {
            Ok(plan) => Ok(plan.into()),
            Err(e) => query::settle(Err(e), b.throws()),
        }
    }

    /// The next step of a prepared query after `mcFetch`'s answer (`surface::wire`; `meta` is
    /// the plan's first line): milliseconds to wait before sending again, `-1` to refresh the
    /// session and prepare again, or the settled answer (thrown under `throwOnError`).
    /// `refreshed` is true once the session was refreshed.
    pub fn finish(
        &self,
        meta: &str,
        answer: JsValue,
        attempt: u32,
        refreshed: bool,
    ) -> Result<JsValue, JsValue> {
        let Some(meta) = crate::surface::wire::Meta::decode(meta) else {
            let e = Error::new(ErrorCode::Internal, "not a plan's meta line");
            return query::settle(Err(e), false);
        };
        let mut ex = meta.exchange;
        ex.attempt = attempt;
        ex.can_refresh &= !refreshed;
        match ex.answered(crate::http::platform::answer_of(answer)) {
            Step::Wait(ms) => Ok(JsValue::from(ms)),
            Step::Refresh(_) => Ok(JsValue::from(-1)),
            Step::Done(r) => query::settle(r.and_then(query::shaped), meta.throws),
        }
    }

    /// Refreshes the session after a `jwt_expired` answer: resolves `true` when a new access
    /// token is in place (the query is then prepared and sent again).
    pub fn refresh(&self) -> Promise {
        let auth = self.inner.auth().clone();
        future_to_promise(async move {
            Ok(JsValue::from(
                crate::client::refresh_after_expiry(&auth).await,
            ))
        })
    }

    /// Changes whenever the session does: prepared requests (which carry the access token)
    /// of an older epoch are prepared again.
    pub fn epoch(&self) -> u32 {
        self.inner.auth().epoch()
    }

    /// The `fetch` given as `global.fetch` (undefined for the global one).
    pub fn fetcher(&self) -> JsValue {
        let f = self.inner.transport().fetch.as_deref();
        f.map_or(JsValue::UNDEFINED, |f| f.clone().into())
    }

    /// Runs the workflow `group.name` with the JSON array of arguments: resolves
    /// `{ data, error }` (the written row, or an McError). Never throws.
    pub fn workflow(&self, group: JsValue, name: JsValue, args: JsValue) -> Promise {
        let w = self.inner.workflows();
        future_to_promise(async move {
            let group = group.as_string().unwrap_or_default();
            let name = name.as_string().unwrap_or_default();
            let result = match error::parse_json(&args.as_string().unwrap_or_default(), &group) {
                Ok(serde_json::Value::Array(args)) => {
                    crate::surface::workflow(&w, &group, &name, &args).await
                }
                Ok(_) => Err(error::not_json(&group, "the arguments are an array")),
                Err(e) => Err(e),
            };
            Ok(match result {
                Ok(row) => auth::data_error(query::to_js_json(&row), JsValue::NULL),
                Err(e) => auth::data_error(JsValue::NULL, to_js_error(&e)),
            })
        })
    }

    /// The request a recorded query would send (`{ method, url, headers, body }` or `{ error }`).
    pub fn describe(&self, spec: JsValue) -> JsValue {
        query::describe(query::Spec::parse(&spec).map(|s| s.builder(&self.inner)))
    }

    /// Validates `{ table, mode, value }` without sending anything: `true`, or throws an
    /// McError with `code = "validation_failed"` and `violations`.
    pub fn validate(&self, spec: JsValue) -> Result<bool, JsValue> {
        // `{ table, mode, value }`, or `{ invalid, target }` when `JSON.stringify` refused it.
        let text = spec.as_string().unwrap_or_default();
        let c: serde_json::Value = error::parse_json(&text, "").map_err(|e| to_js_error(&e))?;
        let string = |key: &str| c.get(key).and_then(|v| v.as_str());
        if let Some(why) = string("invalid") {
            let target = string("target").unwrap_or_default();
            return Err(to_js_error(&error::not_json(target, why)));
        }
        let table = string("table").unwrap_or_default();
        let mode = string("mode")
            .and_then(Mode::parse)
            .ok_or_else(|| invalid_mode(table))?;
        let value = c.get("value").unwrap_or(&serde_json::Value::Null);
        schema::validate(table, mode, value).map_err(|e| to_js_error(&e))?;
        Ok(true)
    }
}

fn invalid_mode(table: &str) -> JsValue {
    to_js_error(&Error::validation(vec![Violation {
        table: table.into(),
        field: "mode".into(),
        rule: "must be \"insert\", \"update\" or \"row\"".into(),
        value: serde_json::Value::Null,
    }]))
}
