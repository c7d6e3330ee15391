//! The workflows in headless Chromium against the stack, through the JS façade: task,
//! escalation, chat, agent, message and memory steps, compare-and-set conflicts, two clients
//! racing, and tenancy. Checks in tests/js/domain_checks.js.
#![cfg(target_arch = "wasm32")]

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(module = "/tests/js/domain_checks.js")]
extern "C" {
    fn tasks(ctx: &JsValue) -> Promise;
    fn escalations(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = chatAgentsMessagesMemory)]
    fn chat_agents_messages_memory(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = onboardingAndCockpit)]
    fn onboarding_and_cockpit(ctx: &JsValue) -> Promise;
}

fn ctx() -> JsValue {
    create_ctx()
}

#[wasm_bindgen_test]
async fn task_steps_conflicts_and_races() {
    assert_eq!(expect_resolves(tasks(&ctx())).await.as_bool(), Some(true));
}

#[wasm_bindgen_test]
async fn escalations_route_block_and_unblock() {
    assert_eq!(
        expect_resolves(escalations(&ctx())).await.as_bool(),
        Some(true)
    );
}

#[wasm_bindgen_test]
async fn chat_agents_messages_and_memory() {
    assert_eq!(
        expect_resolves(chat_agents_messages_memory(&ctx()))
            .await
            .as_bool(),
        Some(true)
    );
}

#[wasm_bindgen_test]
async fn onboarding_is_idempotent_and_the_cockpit_reads_the_real_tables() {
    let requests = expect_resolves(onboarding_and_cockpit(&ctx())).await;
    assert_eq!(requests.as_f64(), Some(3.0), "requests per cockpit load");
}
