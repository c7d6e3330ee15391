//! The REST client in headless Chromium against the local stack, as a signed-up user under
//! RLS: every builder method and every error path. The checks are written in JS
//! (tests/js/rest_checks.js) and drive the JS façade exactly as an app would.
#![cfg(target_arch = "wasm32")]

use js_sys::{Object, Promise, Reflect};
use mission_control_sdk::js::create_client;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(module = "/tests/js/rest_checks.js")]
extern "C" {
    fn setup(make: &JsValue, env: &JsValue) -> Promise;
    fn selects(ctx: &JsValue) -> Promise;
    fn filters(ctx: &JsValue) -> Promise;
    fn ranges(ctx: &JsValue) -> Promise;
    fn mutations(ctx: &JsValue) -> Promise;
    fn rpcs(ctx: &JsValue) -> Promise;
    fn errors(ctx: &JsValue) -> Promise;
    fn retries(ctx: &JsValue) -> Promise;
    fn encoding(ctx: &JsValue, quote: &JsValue) -> Promise;
}

/// `make({ url?, key?, global?, retry? })` → a new client (createClient with those options).
fn make() -> JsValue {
    let f = Closure::<dyn Fn(JsValue) -> JsValue>::new(|opts: JsValue| {
        let get = |k: &str| {
            Reflect::get(&opts, &k.into())
                .ok()
                .and_then(|v| v.as_string())
        };
        let url = get("url").unwrap_or_else(|| URL.to_string());
        let key = get("key").unwrap_or_else(|| KEY.to_string());
        create_client(url.into(), key.into(), opts).unwrap_or_else(|e| e)
    });
    f.into_js_value()
}

fn env() -> JsValue {
    let o = Object::new();
    for (k, v) in [
        ("url", URL),
        ("anon", KEY),
        ("service", SERVICE),
        ("secret", SECRET),
        ("demoUser", "00000000-0000-4000-8000-000000000001"),
    ] {
        let _ = Reflect::set(&o, &k.into(), &v.into());
    }
    o.into()
}

async fn run(check: fn(&JsValue) -> Promise) {
    let ctx = expect_resolves(setup(&make(), &env())).await;
    expect_resolves(check(&ctx)).await;
}

#[wasm_bindgen_test]
async fn select_columns_aliases_casts_embeds_counts_and_shapes() {
    run(selects).await;
}

#[wasm_bindgen_test]
async fn every_filter_finds_the_right_rows() {
    run(filters).await;
}

#[wasm_bindgen_test]
async fn range_filters_on_a_range_column() {
    run(ranges).await;
}

#[wasm_bindgen_test]
async fn insert_upsert_update_delete() {
    run(mutations).await;
}

#[wasm_bindgen_test]
async fn rpc_post_get_head_and_count() {
    run(rpcs).await;
}

#[wasm_bindgen_test]
async fn every_error_path_has_its_stable_code() {
    run(errors).await;
}

#[wasm_bindgen_test]
async fn safe_requests_are_retried_and_mutations_never() {
    run(retries).await;
}

#[wasm_bindgen_test]
async fn generated_strings_are_found_exactly_by_eq_in_or_and_cs() {
    let ctx = expect_resolves(setup(&make(), &env())).await;
    let quote = Closure::<dyn Fn(String) -> String>::new(|s: String| {
        mission_control_sdk::js::quote_value(s.into()).unwrap_or_default()
    })
    .into_js_value();
    let tried = expect_resolves(encoding(&ctx, &quote)).await;
    assert_eq!(tried.as_f64(), Some(80.0), "strings tried");
}
