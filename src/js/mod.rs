//! The JavaScript façade (wasm-bindgen): supabase-js's shapes over the Rust layers.

mod auth;
mod error;
mod query;

use js_sys::{Function, Reflect};
use wasm_bindgen::prelude::*;

use crate::http::Transport;
use crate::schema::{self, Mode};
use crate::{Client, ClientOptions};

pub use auth::JsAuth;

/// The schema's TypeScript declarations (`Database`, `Tables<>`, `Constants`, `AgentRow`, …),
/// generated from the migration by `build.rs`.
#[wasm_bindgen(typescript_custom_section)]
const DATABASE_TS: &str = crate::schema::DATABASE_TS;

/// The client's API declarations, typed by the schema (hand-written: wasm-bindgen cannot
/// express generic methods).
#[wasm_bindgen(typescript_custom_section)]
const API_TS: &str = include_str!("api.d.ts");

/// The runtime `Constants` object: every enum's values in Postgres order. The package's entry
/// point exports it as `Constants`.
///
/// ```js
/// import { Constants } from "@mission-control/sdk";
/// Constants.public.Enums.task_status; // ["PENDING", "IN_PROGRESS", ...]
/// ```
#[wasm_bindgen(js_name = schemaConstants, skip_typescript)]
pub fn schema_constants() -> JsValue {
    js_sys::JSON::parse(crate::schema::CONSTANTS_JSON).unwrap_or(JsValue::NULL)
}
pub use error::to_js_error;
pub use query::JsQuery;

/// Quotes a value for a PostgREST logic tree (`or`, `and`) or an `in` list: wrapped in double
/// quotes with `\"` and `\\` escapes when it contains `,` `(` `)` `"` `\\`, edge white
/// space, or is empty; as it is otherwise.
///
/// ```js
/// import { quoteValue } from "@mission-control/sdk";
/// mc.from("tasks").or(`title.eq.${quoteValue(title)},status.eq.BLOCKED`);
/// ```
#[wasm_bindgen(js_name = quoteValue, skip_typescript)]
pub fn quote_value(value: &str) -> String {
    crate::rest::list_element(value)
}

/// A Mission Control client for JavaScript.
///
/// ```js
/// const mc = createClient("http://127.0.0.1:54321", anonKey);
/// ```
#[wasm_bindgen(js_name = McClient, skip_typescript)]
pub struct JsClient {
    inner: Client,
}

/// Creates a client. `options.global.fetch` replaces the global `fetch` (as in supabase-js).
///
/// ```js
/// import { createClient } from "@mission-control/sdk";
/// const mc = createClient(url, anonKey, { global: { fetch: myFetch } });
/// ```
#[wasm_bindgen(js_name = createClient, skip_typescript)]
pub fn create_client(url: &str, key: &str, options: JsValue) -> Result<JsClient, JsValue> {
    let mut transport = Transport::default();
    let retry = if options.is_object() {
        Reflect::get(&options, &"retry".into()).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    };
    if retry.as_bool() == Some(false) {
        transport.retry = crate::http::RetryPolicy::none();
    } else if retry.is_object() {
        let num = |k: &str| {
            Reflect::get(&retry, &k.into())
                .ok()
                .and_then(|v| v.as_f64())
        };
        if let Some(n) = num("attempts") {
            transport.retry.attempts = n.max(0.0) as u32;
        }
        if let Some(ms) = num("baseDelayMs") {
            transport.retry.base_delay_ms = ms.max(0.0) as u32;
        }
    }
    if options.is_object() {
        let global = Reflect::get(&options, &"global".into()).unwrap_or(JsValue::UNDEFINED);
        if global.is_object() {
            let f = Reflect::get(&global, &"fetch".into()).unwrap_or(JsValue::UNDEFINED);
            if let Some(f) = f.dyn_ref::<Function>() {
                transport.fetch = Some(f.clone());
            }
        }
    }
    if url.is_empty() || key.is_empty() {
        return Err(to_js_error(&crate::Error::new(
            crate::ErrorCode::ValidationFailed,
            "createClient needs a URL and an API key",
        )));
    }
    let auth = auth::options(&options)?;
    let client = Client::new(url, key, ClientOptions { transport, auth });
    // Load the stored session and start the refresh tick, as supabase-js does on creation.
    let a = client.auth().clone();
    wasm_bindgen_futures::spawn_local(async move { a.initialize().await });
    Ok(JsClient { inner: client })
}

#[wasm_bindgen(js_class = McClient)]
impl JsClient {
    /// The auth client.
    ///
    /// ```js
    /// await mc.auth.signInWithPassword({ email, password });
    /// ```
    #[wasm_bindgen(getter)]
    pub fn auth(&self) -> JsAuth {
        JsAuth::new(self.inner.auth().clone())
    }

    /// A query on one table.
    ///
    /// ```js
    /// const { data } = await mc.from("agents").select("*").eq("tier", 2);
    /// ```
    pub fn from(&self, table: &str) -> JsQuery {
        JsQuery::new(self.inner.from(table))
    }

    /// The same client on another exposed schema.
    ///
    /// ```js
    /// const { data } = await mc.schema("mc_test").rpc("echo", { a: 1 });
    /// ```
    pub fn schema(&self, name: &str) -> JsClient {
        JsClient {
            inner: self.inner.schema(name),
        }
    }

    /// Calls a database function. Options: `{ get, head, count }`.
    ///
    /// ```js
    /// const { data, error } = await mc.rpc("my_function", { x: 1 });
    /// ```
    pub fn rpc(&self, function: &str, args: JsValue, options: JsValue) -> Result<JsQuery, JsValue> {
        let args = if args.is_undefined() || args.is_null() {
            serde_json::json!({})
        } else {
            error::from_js(&args)?
        };
        let opt = |k: &str| {
            if options.is_object() {
                Reflect::get(&options, &k.into()).ok()
            } else {
                None
            }
        };
        let head = opt("head").and_then(|v| v.as_bool()).unwrap_or(false);
        let get = opt("get").and_then(|v| v.as_bool()).unwrap_or(false);
        let count = opt("count")
            .and_then(|v| v.as_string())
            .and_then(|c| crate::rest::Count::parse(&c));
        let method = if head {
            crate::http::Method::Head
        } else if get {
            crate::http::Method::Get
        } else {
            crate::http::Method::Post
        };
        Ok(JsQuery::new(self.inner.rpc(function, args, method, count)))
    }

    /// Validates a value for a table without sending anything: throws an `McError` with
    /// `code = "validation_failed"` and `violations`, or returns `true`.
    ///
    /// ```js
    /// mc.validate("agents", "insert", { company_id, name: "Ada", role: "CTO", tier: 2 }); // true
    /// ```
    pub fn validate(&self, table: &str, mode: &str, value: JsValue) -> Result<bool, JsValue> {
        let mode = Mode::parse(mode).ok_or_else(|| {
            to_js_error(&crate::Error::new(
                crate::ErrorCode::ValidationFailed,
                "mode must be \"insert\", \"update\" or \"row\"",
            ))
        })?;
        let value = error::from_js(&value)?;
        schema::validate(table, mode, &value).map_err(|e| to_js_error(&e))?;
        Ok(true)
    }
}
