//! The auth client in headless Chromium against the stack's auth server: every method and
//! event, expiry and refresh, two tabs of one login, injected faults, RLS, and a login shared
//! with supabase-js. The checks are in tests/js/auth_checks.js; each is one test below, named as
//! the check (its scenario, a story on one client, runs once per page, on the first test of it).
#![cfg(target_arch = "wasm32")]

use js_sys::{Object, Reflect};
use mission_control_sdk::js::create_client;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

#[macro_use]
mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(module = "/tests/js/auth_checks.js")]
extern "C" {
    fn scenarios() -> JsValue;
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

scenario_checks! {
    scenarios: scenarios(), ctx: ctx();
    methods_and_events {
        initial_session_first_and_signed_out,
        sign_up_with_a_bad_email_is_refused,
        sign_up_with_a_short_password_is_the_servers_weak_password,
        sign_up_with_an_empty_password_is_refused,
        verify_otp_with_an_empty_token_is_refused,
        sign_up_gives_a_session_and_keeps_metadata,
        session_is_stored_as_supabase_js_stores_it,
        signed_in_event_after_sign_up,
        sign_up_twice_is_user_already_exists,
        get_session_returns_the_session,
        get_user_returns_the_user,
        update_user_merges_metadata,
        user_updated_event_after_update_user,
        refresh_session_rotates_the_token_and_emits_token_refreshed,
        sign_out_local_emits_signed_out_and_clears_storage,
        no_session_after_sign_out,
        wrong_password_is_a_final_invalid_credentials,
        sign_in_with_password_after_sign_out,
        set_session_signs_a_second_client_in,
        sign_in_with_otp_mails_a_code,
        verify_otp_with_a_wrong_code_is_otp_expired,
        verify_otp_signs_in,
        reset_password_for_email_mails_a_recovery_code,
        verify_otp_recovery_emits_password_recovery,
        update_user_sets_a_new_password_that_signs_in,
        sign_out_others_keeps_our_session,
        sign_out_others_ends_the_other_session,
        sign_in_anonymously_gives_an_anonymous_user,
        sign_out_global_after_unsubscribe_emits_nothing,
    }
    expiry_is_invisible {
        short_gateway_gives_short_lived_tokens,
        tick_refreshes_the_token_in_the_background,
        tick_emits_token_refreshed_never_signed_out,
        query_after_the_first_token_expired_works,
        rest_call_refreshes_an_expired_token,
        rest_call_leaves_the_new_token_in_use,
    }
    two_tabs_one_refresh {
        tab_b_hears_signed_in_from_tab_a,
        two_tabs_refreshing_at_once_send_one_request,
        two_tabs_hold_the_same_new_session,
        two_tabs_refreshing_sign_neither_out,
        tab_b_queries_after_the_shared_refresh,
        later_refresh_with_the_shared_token_works,
    }
    faults_keep_the_session {
        refresh_answered_503_fails_retryable,
        refresh_answered_503_keeps_the_session,
        refresh_refused_fails_retryable,
        refresh_refused_keeps_the_session,
        refresh_answered_malformed_fails_final,
        refresh_answered_malformed_keeps_the_session,
        refresh_hung_fails_retryable,
        refresh_hung_times_out,
        refresh_hung_keeps_the_session,
        refresh_faults_never_sign_out,
        refresh_works_once_the_fault_is_gone,
    }
    final_refresh_failures_sign_out {
        refresh_after_a_global_sign_out_is_refresh_token_not_found,
        revoked_refresh_token_signs_out,
        reuse_of_an_older_refresh_token_is_refresh_token_already_used,
        reuse_revokes_the_whole_token_family,
        revoked_token_family_signs_out,
    }
    rls_through_the_client {
        rls_each_user_sees_only_their_own_company,
        rls_signed_out_the_anon_key_sees_nothing,
    }
    shared_login_with_supabase_js {
        supabase_js_signs_up_beside_ours,
        ours_sees_the_login_of_supabase_js,
        ours_queries_under_the_shared_login,
        sign_out_in_supabase_js_signs_ours_out,
        supabase_js_sees_our_login,
        supabase_js_get_user_works_with_our_session,
        our_sign_out_signs_supabase_js_out,
    }
    tick_pauses_while_hidden {
        tick_refreshes_while_the_page_is_visible,
        tick_does_not_refresh_while_the_page_is_hidden,
        tick_catches_up_as_soon_as_the_page_is_visible,
        still_signed_in_after_the_hidden_pause,
    }
    sign_out_revokes_for_real {
        sign_out_test_waits_until_the_access_token_expired,
        sign_out_with_an_expired_token_has_no_error,
        sign_out_with_an_expired_token_refreshes_then_signs_out,
        sign_out_refreshes_before_the_logout,
        sign_out_revokes_the_server_session,
        sign_out_sends_no_settings_request,
        failed_revocation_is_reported,
        failed_revocation_keeps_the_session,
        global_sign_out_elsewhere_has_no_error,
        get_user_after_a_global_sign_out_elsewhere_is_session_not_found,
        session_not_found_signs_out_locally,
    }
}
