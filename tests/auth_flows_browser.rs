//! The auth flows that finish in a second step, in headless Chromium against the stack's auth
//! server: PKCE magic links and recovery followed through their redirects, the flow shared with
//! supabase-js both ways, the session a redirect leaves in the page's URL, secure email change,
//! token hashes, `resend` and the reauthentication nonce. The checks are in
//! tests/js/auth_flow_checks.js.
#![cfg(target_arch = "wasm32")]

use js_sys::{Object, Promise, Reflect};
use mission_control_sdk::js::create_client;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(module = "/tests/js/auth_flow_checks.js")]
extern "C" {
    #[wasm_bindgen(js_name = pkceMagicLinkRoundTrip)]
    fn pkce_magic_link_round_trip(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = pkceRecoveryIsAPasswordRecovery)]
    fn pkce_recovery_is_a_password_recovery(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = pkceSharedWithSupabaseJs)]
    fn pkce_shared_with_supabase_js(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = detectSessionInUrlReadsBothFlows)]
    fn detect_session_in_url_reads_both_flows(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = secureEmailChangeNeedsBothAddresses)]
    fn secure_email_change_needs_both_addresses(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = verifyOtpByTokenHashAndEveryType)]
    fn verify_otp_by_token_hash_and_every_type(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = resendAnswersWithoutTelling)]
    fn resend_answers_without_telling(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = mfaTotpRaisesTheSessionToAal2)]
    fn mfa_totp_raises_the_session_to_aal2(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = getClaimsVerifiesAcrossARotation)]
    fn get_claims_verifies_across_a_rotation(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = oauthRoundTripThroughTheLocalProvider)]
    fn oauth_round_trip_through_the_local_provider(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = identitiesLinkAndUnlink)]
    fn identities_link_and_unlink(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = signInWithIdTokenChecksTheNonce)]
    fn sign_in_with_id_token_checks_the_nonce(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = reauthenticationNonceGuardsThePassword)]
    fn reauthentication_nonce_guards_the_password(ctx: &JsValue) -> Promise;
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
async fn a_pkce_magic_link_from_the_mailbox_lands_with_a_code_exchanged_once() {
    run(pkce_magic_link_round_trip).await;
}

#[wasm_bindgen_test]
async fn a_pkce_recovery_link_is_a_password_recovery() {
    run(pkce_recovery_is_a_password_recovery).await;
}

#[wasm_bindgen_test]
async fn either_client_finishes_the_others_pkce_flow() {
    run(pkce_shared_with_supabase_js).await;
}

#[wasm_bindgen_test]
async fn detect_session_in_url_reads_the_code_the_fragment_and_errors() {
    run(detect_session_in_url_reads_both_flows).await;
}

#[wasm_bindgen_test]
async fn an_email_change_is_confirmed_on_both_addresses() {
    run(secure_email_change_needs_both_addresses).await;
}

#[wasm_bindgen_test]
async fn verify_otp_takes_token_hashes_and_every_type() {
    run(verify_otp_by_token_hash_and_every_type).await;
}

#[wasm_bindgen_test]
async fn resend_sends_again_and_tells_nothing() {
    run(resend_answers_without_telling).await;
}

#[wasm_bindgen_test]
async fn a_reauthentication_nonce_guards_the_password_change() {
    run(reauthentication_nonce_guards_the_password).await;
}

#[wasm_bindgen_test]
async fn totp_mfa_raises_the_session_to_aal2_and_rls_sees_it() {
    run(mfa_totp_raises_the_session_to_aal2).await;
}

#[wasm_bindgen_test]
async fn get_claims_verifies_es256_tokens_across_a_key_rotation() {
    run(get_claims_verifies_across_a_rotation).await;
}

#[wasm_bindgen_test]
async fn the_oauth_round_trip_runs_through_the_local_openid_provider() {
    run(oauth_round_trip_through_the_local_provider).await;
}

#[wasm_bindgen_test]
async fn identities_are_linked_through_the_provider_and_unlinked() {
    run(identities_link_and_unlink).await;
}

#[wasm_bindgen_test]
async fn sign_in_with_id_token_checks_signature_audience_and_nonce() {
    run(sign_in_with_id_token_checks_the_nonce).await;
}
