//! The auth client in headless Chromium against the stack's auth server: every method and
//! event, expiry and refresh, two tabs of one login, injected faults, RLS, and a login shared
//! with supabase-js. The checks are in tests/js/auth_checks.js.
#![cfg(target_arch = "wasm32")]

use js_sys::{Object, Promise, Reflect};
use mission_control_sdk::js::create_client;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(module = "/tests/js/auth_checks.js")]
extern "C" {
    #[wasm_bindgen(js_name = methodsAndEvents)]
    fn methods_and_events(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = expiryIsInvisible)]
    fn expiry_is_invisible(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = twoTabsOneRefresh)]
    fn two_tabs_one_refresh(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = faultsKeepTheSession)]
    fn faults_keep_the_session(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = finalRefreshFailuresSignOut)]
    fn final_refresh_failures_sign_out(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = rlsThroughTheClient)]
    fn rls_through_the_client(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = sharedLoginWithSupabaseJs)]
    fn shared_login_with_supabase_js(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = tickPausesWhileHidden)]
    fn tick_pauses_while_hidden(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = signOutRevokesForReal)]
    fn sign_out_revokes_for_real(ctx: &JsValue) -> Promise;
}

// supabase-js, bundled into one module by scripts/setup.sh (not committed).
#[wasm_bindgen(module = "/tests/js/vendor/supabase.js")]
extern "C" {
    #[wasm_bindgen(js_name = createClient)]
    fn create_supabase(url: &str, key: &str, options: JsValue) -> JsValue;
}

fn ctx() -> JsValue {
    let make =
        Closure::<dyn Fn(JsValue, JsValue) -> JsValue>::new(|opts: JsValue, url: JsValue| {
            let url = url.as_string().unwrap_or_else(|| URL.to_string());
            create_client(url.into(), KEY.into(), opts).unwrap_or_else(|e| e)
        })
        .into_js_value();
    let env = Object::new();
    for (k, v) in [
        ("url", JsValue::from(URL)),
        ("shortUrl", SHORT_URL.into()),
        ("shortExp", SHORT_EXP.parse::<f64>().unwrap_or(8.0).into()),
        ("anon", KEY.into()),
        ("service", SERVICE.into()),
    ] {
        let _ = Reflect::set(&env, &k.into(), &v);
    }
    let o = Object::new();
    let _ = Reflect::set(&o, &"make".into(), &make);
    let _ = Reflect::set(&o, &"env".into(), &env);
    let supa = Closure::<dyn Fn(String, String, JsValue) -> JsValue>::new(
        |u: String, k: String, o: JsValue| create_supabase(&u, &k, o),
    )
    .into_js_value();
    let _ = Reflect::set(&o, &"createSupabase".into(), &supa);
    o.into()
}

async fn run(check: fn(&JsValue) -> Promise) {
    expect_resolves(check(&ctx())).await;
}

#[wasm_bindgen_test]
async fn sign_out_revokes_for_real_and_session_not_found_signs_out() {
    run(sign_out_revokes_for_real).await;
}

#[wasm_bindgen_test]
async fn every_method_and_event() {
    run(methods_and_events).await;
}

#[wasm_bindgen_test]
async fn a_token_expiring_mid_session_is_refreshed_unnoticed() {
    run(expiry_is_invisible).await;
}

#[wasm_bindgen_test]
async fn two_tabs_refreshing_at_once_send_one_refresh() {
    run(two_tabs_one_refresh).await;
}

#[wasm_bindgen_test]
async fn injected_faults_never_lose_the_session() {
    run(faults_keep_the_session).await;
}

#[wasm_bindgen_test]
async fn revoked_or_reused_refresh_tokens_sign_out() {
    run(final_refresh_failures_sign_out).await;
}

#[wasm_bindgen_test]
async fn rls_each_user_sees_only_their_company() {
    run(rls_through_the_client).await;
}

#[wasm_bindgen_test]
async fn one_login_shared_with_supabase_js() {
    run(shared_login_with_supabase_js).await;
}

#[wasm_bindgen_test]
async fn the_refresh_tick_pauses_while_the_page_is_hidden() {
    run(tick_pauses_while_hidden).await;
}
