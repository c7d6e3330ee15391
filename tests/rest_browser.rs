//! The REST client in headless Chromium against the local stack, as a signed-up user under
//! RLS: every builder method and every error path. The checks are written in JS
//! (tests/js/rest_checks.js) and drive the JS façade exactly as an app would; each check is one
//! test below, named as the check (its scenario runs once per page, on the first test of it).
#![cfg(target_arch = "wasm32")]

use js_sys::{Object, Reflect};
use mission_control_sdk::js::create_client;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

#[macro_use]
mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(module = "/tests/js/rest_checks.js")]
extern "C" {
    fn scenarios() -> JsValue;
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

/// What each scenario receives: `{ make, env, quote }` (quote: the façade's `quoteValue`).
fn ctx() -> JsValue {
    let quote = Closure::<dyn Fn(String) -> String>::new(|s: String| {
        mission_control_sdk::js::quote_value(s.into()).unwrap_or_default()
    })
    .into_js_value();
    let o = Object::new();
    let _ = Reflect::set(&o, &"make".into(), &make());
    let _ = Reflect::set(&o, &"env".into(), &env());
    let _ = Reflect::set(&o, &"quote".into(), &quote);
    o.into()
}

scenario_checks! {
    scenarios: scenarios(), ctx: ctx();
    selects {
        select_columns_and_order,
        select_alias_and_cast,
        select_embeds_with_fk_hints,
        select_inner_embed_filters_parents,
        select_count_exact_with_head,
        select_range_with_count_is_206,
        select_count_planned,
        select_count_estimated_with_limit,
        maybe_single_of_no_rows_is_null,
        maybe_single_of_many_rows_is_a_mismatch,
        single_of_many_rows_is_406_pgrst116,
        csv_answers_text,
        order_and_limit_on_a_referenced_table,
    }
    filters {
        filter_eq,
        filter_neq,
        filter_gt,
        filter_gte_on_enum_declared_order,
        filter_lt,
        filter_lte,
        filter_like,
        filter_ilike,
        filter_regex_match,
        filter_regex_imatch,
        filter_like_all_of,
        filter_like_any_of,
        filter_ilike_all_of,
        filter_ilike_any_of,
        filter_is_null,
        filter_is_distinct,
        filter_in_with_quoting,
        filter_not_in,
        filter_match,
        filter_not,
        filter_or,
        filter_raw_filter,
        filter_text_search,
        filter_text_search_plain_with_config,
        filter_text_search_websearch,
        filter_text_search_phrase,
        filter_contains_an_element_with_a_comma,
        filter_contained_by,
        filter_overlaps,
        filter_contains_on_jsonb,
        filter_or_on_a_referenced_table,
    }
    ranges {
        range_gt_strictly_right,
        range_gte_not_extending_left,
        range_lt_strictly_left,
        range_lte_not_extending_right,
        range_adjacent,
    }
    mutations {
        insert_one_takes_column_defaults,
        insert_many_missing_key_takes_the_default,
        insert_many_missing_key_is_null_by_default,
        insert_without_select_returns_no_data,
        insert_with_count_sends_count_exact,
        insert_count_where_reported_is_one,
        upsert_merges_into_the_existing_row,
        upsert_ignore_duplicates_skips_the_duplicate,
        upsert_ignored_duplicate_leaves_the_row_unchanged,
        update_with_select_returns_the_updated_row,
        update_to_null_clears_the_column,
        delete_with_count_sends_count_exact,
        delete_removes_the_rows,
    }
    rpcs {
        rpc_post_sends_the_arguments,
        rpc_get_sends_the_arguments,
        rpc_set_returning_function,
        rpc_head_with_count,
        rpc_sees_the_signed_in_user,
        rpc_unknown_function_is_unknown_name,
    }
    errors {
        error_duplicate_is_unique_violation,
        error_bulk_insert_gap_in_not_null_column_is_named,
        error_unknown_assignee_is_foreign_key_violation,
        error_check_constraint_is_check_violation,
        error_missing_not_null_is_not_null_violation,
        error_bad_integer_is_invalid_value,
        error_rls_with_check_is_permission_denied,
        error_unknown_column_in_select_caught_before_sending,
        error_unknown_column_the_server_reports_is_unknown_name,
        error_unknown_embedded_relation_is_refused_before_sending,
        error_cascade_into_memory_entries_is_immutable_record,
        error_update_of_memory_entries_is_immutable_record,
        error_delete_of_chat_messages_is_immutable_record,
        error_forged_jwt_is_jwt_invalid,
        error_expired_jwt_is_jwt_expired,
        error_wrong_api_key_is_invalid_api_key,
        error_connection_refused_is_network,
        error_timeout_is_retryable_timeout,
        error_abort_signal_is_aborted,
        error_malformed_body_is_undecodable,
        throw_on_error_rejects_with_an_mc_error,
    }
    retries {
        retry_get_after_503_network_error_and_520,
        retry_gives_up_after_the_configured_attempts,
        retry_never_for_a_mutation,
        retry_not_after_a_500,
        retry_false_sends_once,
        retry_wait_for_retry_after_ends_on_abort,
    }
    encoding {
        encoding_every_title_stored_distinctly,
        encoding_every_tag_stored_as_sent,
        encoding_eq_finds_each_generated_string,
        encoding_in_finds_each_generated_string,
        encoding_or_finds_each_generated_string,
        encoding_cs_finds_each_generated_string,
        encoding_tries_80_strings,
    }
}
