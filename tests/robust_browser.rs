//! The JS façade under hostile input, in headless Chromium: builders that can be reused and
//! awaited again, names and values refused before the network (checked with a recording
//! fetch), misbehaving custom fetches, and a 10,000-call property test after which the module
//! still answers normal queries against the stack. Checks in tests/js/robust_checks.js.
#![cfg(target_arch = "wasm32")]

use js_sys::{Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(module = "/tests/js/robust_checks.js")]
extern "C" {
    fn builders(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = refusedBeforeTheNetwork)]
    fn refused_before_the_network(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = faultyFetchAndSignals)]
    fn faulty_fetch_and_signals(ctx: &JsValue) -> Promise;
    fn hostile(ctx: &JsValue, count: u32) -> Promise;
    #[wasm_bindgen(js_name = authArguments)]
    fn auth_arguments(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = preparedRequests)]
    fn prepared_requests(ctx: &JsValue) -> Promise;
}

fn ctx() -> JsValue {
    create_ctx()
}

#[wasm_bindgen_test]
async fn builders_are_reusable_readable_and_know_regex_filters() {
    let sent = expect_resolves(builders(&ctx())).await;
    assert_eq!(sent.as_f64(), Some(1.0), "one request for the regex query");
}

#[wasm_bindgen_test]
async fn bad_names_values_and_keys_are_refused_before_the_network() {
    let sent = expect_resolves(refused_before_the_network(&ctx())).await;
    assert_eq!(
        sent.as_f64(),
        Some(2.0),
        "only the two encoded-name requests were sent"
    );
}

#[wasm_bindgen_test]
async fn auth_arguments_of_the_wrong_shape_name_the_field() {
    let sent = expect_resolves(auth_arguments(&ctx())).await;
    assert_eq!(sent.as_f64(), Some(0.0), "nothing was sent");
}

#[wasm_bindgen_test]
async fn prepared_requests_follow_the_session() {
    let sent = expect_resolves(prepared_requests(&ctx())).await;
    assert_eq!(
        js_sys::Array::from(&sent).length(),
        4,
        "four table requests: anon, user, user, anon"
    );
}

#[wasm_bindgen_test]
async fn null_signals_and_misbehaving_fetches_settle_with_mc_errors() {
    let ok = expect_resolves(faulty_fetch_and_signals(&ctx())).await;
    assert_eq!(ok.as_bool(), Some(true));
}

#[wasm_bindgen_test]
async fn ten_thousand_hostile_calls_never_break_the_module() {
    let stats = expect_resolves(hostile(&ctx(), 10_000)).await;
    let calls = Reflect::get(&stats, &"calls".into())
        .unwrap()
        .as_f64()
        .unwrap();
    let errors = Reflect::get(&stats, &"errorAnswers".into())
        .unwrap()
        .as_f64()
        .unwrap();
    console_log!("{:?}", js_sys::JSON::stringify(&stats).unwrap());
    assert!(calls >= 10_000.0, "calls made: {calls}");
    assert!(
        errors > 1_000.0,
        "hostile calls answered with McErrors: {errors}"
    );
}
