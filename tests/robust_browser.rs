//! The JS façade under hostile input, in headless Chromium: builders that can be reused and
//! awaited again, names and values refused before the network (checked with a recording
//! fetch), misbehaving custom fetches, and a 10,000-call property test after which the module
//! still answers normal queries against the stack. Checks in tests/js/robust_checks.js; each is
//! one test below, named as the check (its scenario runs once per page, on the first test of it).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

#[macro_use]
mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(module = "/tests/js/robust_checks.js")]
extern "C" {
    fn scenarios() -> JsValue;
}

scenario_checks! {
    scenarios: scenarios(), ctx: create_ctx();
    builders {
        builder_awaited_twice_answers_twice,
        builder_awaited_twice_sends_the_same_request_with_its_conditional_filter,
        builder_methods_return_the_builder,
        builder_as_a_string_is_its_request,
        builder_as_json_names_its_table_and_problem,
        error_as_json_keeps_message_and_code,
        regex_match_and_imatch_write_match_and_imatch,
        regex_query_sends_one_request,
    }
    refused_before_the_network {
        refused_nul_in_a_filter_value,
        refused_unknown_column_in_select,
        refused_unknown_aliased_column_in_select,
        refused_unknown_column_in_order,
        refused_unknown_column_in_a_filter,
        refused_in_with_undefined_values,
        refused_match_undefined,
        refused_nul_in_or,
        refused_3000_level_nesting_in_insert,
        validate_with_100000_levels_throws_an_mc_error,
        refused_in_and_match_undefined_1500_times,
        refused_rpc_named_dot_dot,
        rpc_name_is_one_encoded_path_segment,
        table_name_is_one_encoded_path_segment,
        refused_schema_with_a_newline,
        service_role_key_refused_in_a_browser,
        sb_secret_key_refused_in_a_browser,
        service_role_key_allowed_by_the_explicit_option,
        refused_calls_send_nothing_only_the_two_encoded_names_are_sent,
    }
    faulty_fetch_and_signals {
        abort_signal_null_is_no_signal,
        abort_signal_undefined_is_no_signal,
        abort_signal_of_a_non_signal_is_refused,
        abort_signal_already_aborted_aborts,
        fetch_answering_undefined_settles_with_an_mc_error,
        fetch_answering_null_settles_with_an_mc_error,
        fetch_answering_a_number_settles_with_an_mc_error,
        fetch_throwing_settles_with_an_mc_error,
        fetch_rejecting_settles_with_an_mc_error,
        fetch_answering_a_non_response_settles_with_an_mc_error,
        fetch_answering_a_non_string_text_settles_with_an_mc_error,
        fetch_answering_malformed_json_settles_with_an_mc_error,
        misbehaving_fetches_leave_no_uncaught_errors,
    }
    hostile {
        hostile_normal_query_works_before,
        hostile_mc_error_class_found,
        hostile_workflow_calls_found,
        hostile_builder_and_auth_methods_found,
        hostile_normal_query_works_every_500_calls,
        hostile_calls_throw_only_mc_errors,
        hostile_calls_settle_within_10_s,
        hostile_calls_reject_only_with_mc_errors,
        hostile_call_errors_are_mc_errors,
        hostile_normal_query_works_at_the_end,
        hostile_makes_10000_calls,
        hostile_answers_over_1000_calls_with_mc_errors,
    }
    prepared_requests {
        prepared_query_as_anon_sees_no_company,
        prepared_query_signed_in_sees_the_company,
        prepared_query_again_sees_the_company,
        prepared_query_still_refuses_a_non_signal,
        prepared_sign_out_has_no_error,
        prepared_query_after_sign_out_sees_no_company,
        prepared_unknown_column_refused_every_time,
        prepared_requests_carry_anon_user_user_anon,
        prepared_four_table_requests_are_sent,
    }
    auth_arguments {
        auth_sign_in_email_must_be_a_string,
        auth_sign_up_should_create_user_must_be_a_boolean,
        auth_sign_up_options_must_be_an_object,
        auth_sign_in_with_otp_credentials_must_be_an_object,
        auth_verify_otp_type_must_be_known,
        auth_verify_otp_an_email_code_has_an_email_type,
        auth_resend_type_must_be_known,
        auth_exchange_code_must_be_a_string,
        auth_verify_otp_type_is_required,
        auth_set_session_access_token_must_be_a_string,
        auth_update_user_password_must_be_a_string,
        auth_reset_password_email_must_be_a_string,
        auth_sign_out_scope_must_be_known,
        auth_arguments_of_the_wrong_shape_send_nothing,
    }
}
