//! The workflows in headless Chromium against the stack, through the JS façade: task,
//! escalation, chat, agent, message and memory steps, compare-and-set conflicts, two clients
//! racing, tenancy, onboarding and the cockpit. Checks in tests/js/domain_checks.js; each is one
//! test below, named as the check (its scenario runs once per page, on the first test of it).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

#[macro_use]
mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(module = "/tests/js/domain_checks.js")]
extern "C" {
    fn scenarios() -> JsValue;
}

scenario_checks! {
    scenarios: scenarios(), ctx: create_ctx();
    tasks {
        task_start_sets_in_progress_and_started_at,
        task_block_sets_blocked_with_a_reason,
        task_unblock_clears_the_reason_keeps_started_at,
        task_complete_sets_completed_at,
        task_complete_is_terminal,
        task_illegal_step_names_from_and_to,
        task_illegal_step_sends_no_patch,
        task_block_with_a_blank_reason_is_refused,
        task_cancel_with_a_bad_id_is_refused,
        task_bad_input_sends_nothing,
        task_start_of_an_unknown_task_is_not_found,
        task_changed_meanwhile_is_a_conflict_saying_what_it_is_now,
        task_two_clients_racing_exactly_one_start_wins,
        task_two_clients_racing_the_loser_is_told_why,
    }
    escalations {
        escalation_type_from_trigger_routed_to_reports_to,
        escalation_action_required_blocks_its_task,
        escalation_material_risk_goes_to_the_ceo,
        escalation_milestone_is_awareness,
        escalation_from_the_ceo_is_refused,
        escalation_unknown_trigger_is_refused,
        escalation_acknowledge_stamps_acknowledged_at,
        escalation_resolve_needs_a_resolution,
        escalation_resolve_keeps_the_resolution,
        escalation_resolving_unblocks_the_task,
        escalation_resolved_is_terminal,
        escalation_resolved_from_pending_stamps_acknowledged_at,
        escalation_naming_a_task_of_another_company_is_refused,
    }
    chat_agents_messages_memory {
        chat_open_gives_an_active_session_of_this_user,
        chat_second_active_session_is_a_conflict,
        chat_message_carries_the_sessions_company,
        chat_close_stamps_closed_at,
        chat_send_into_a_closed_session_is_refused,
        chat_open_after_closing_works,
        agent_hire_one_tier_below_the_manager,
        agent_hire_reporting_not_one_tier_up_is_refused,
        agent_hire_of_a_second_ceo_is_refused,
        agent_suspend,
        agent_reactivate,
        agent_deactivate,
        memory_supersede_points_at_the_old_entry,
        agent_remove_of_an_agent_the_memory_names_is_refused,
        message_to_oneself_is_refused,
        message_mark_read_sets_read_at,
        message_mark_read_twice_keeps_the_first_read_at,
        message_mark_processed_sets_processed_at,
    }
    onboarding_and_cockpit {
        onboarding_plan_gives_every_row_a_uuid,
        onboarding_blank_company_name_is_refused,
        onboarding_failing_half_way_removes_what_it_created,
        onboarding_failing_half_way_leaves_no_company,
        onboarding_failed_undo_says_to_rerun_the_plan,
        onboarding_rerun_completes_one_active_company,
        onboarding_third_run_changes_nothing,
        onboarding_creates_the_ceo_and_two_chiefs_once,
        onboarding_creates_six_sectors,
        onboarding_creates_departments_with_chiefs,
        onboarding_bare_company_stays_onboarding,
        onboarding_activation_refused_names_what_is_missing,
        pulses_are_read_only_in_the_sdk,
        cockpit_load_sends_three_requests,
        cockpit_company_counts,
        cockpit_six_regions,
        cockpit_escalation_to_the_ceo_needs_command_attention,
        cockpit_department_tile_chief_headcount_open_items_risks,
        cockpit_roster_active_tasks_and_pending_escalations,
        cockpit_load_without_an_id_takes_the_first_company,
        cockpit_department_view_counts,
        cockpit_department_view_chief_tasks_blockers_pulses,
        cockpit_agent_view,
        cockpit_agents_by_department_and_tier,
        cockpit_agents_by_department_no_tier_3,
        cockpit_recent_pulses,
        cockpit_memory_by_type,
        cockpit_of_a_second_user_has_no_company,
        cockpit_department_of_another_user_is_not_found,
    }
}
