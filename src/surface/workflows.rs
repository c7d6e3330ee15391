//! The workflows' handlers: each reads the JS arguments (JSON, validated by the domain layer,
//! which names the table, field and rule of what it refuses) and runs one `Workflows` step.

use serde_json::Value;

use super::Answer;
use crate::domain::{plan as onboarding_plan, Workflows};

fn arg(args: &[Value], i: usize) -> &Value {
    args.get(i).unwrap_or(&Value::Null)
}

/// `tasks.start | unblock | complete | cancel(id)`.
pub(super) fn task_step<'a>(w: &'a Workflows, name: &'a str, a: &'a [Value]) -> Answer<'a> {
    Box::pin(w.step("tasks", name, arg(a, 0), None))
}

/// `tasks.block(id, reason)`.
pub(super) fn task_block<'a>(w: &'a Workflows, name: &'a str, a: &'a [Value]) -> Answer<'a> {
    Box::pin(w.step("tasks", name, arg(a, 0), arg(a, 1).as_str()))
}

/// `escalations.raise(escalation)`.
pub(super) fn raise<'a>(w: &'a Workflows, _: &'a str, a: &'a [Value]) -> Answer<'a> {
    Box::pin(w.raise(arg(a, 0)))
}

/// `escalations.acknowledge(id)`.
pub(super) fn acknowledge<'a>(w: &'a Workflows, name: &'a str, a: &'a [Value]) -> Answer<'a> {
    Box::pin(w.step("escalations", name, arg(a, 0), None))
}

/// `escalations.resolve(id, resolution)`.
pub(super) fn resolve<'a>(w: &'a Workflows, _: &'a str, a: &'a [Value]) -> Answer<'a> {
    Box::pin(w.resolve(arg(a, 0), arg(a, 1).as_str()))
}

/// `chat.open(agentId)`.
pub(super) fn open_chat<'a>(w: &'a Workflows, _: &'a str, a: &'a [Value]) -> Answer<'a> {
    Box::pin(w.open_chat(arg(a, 0)))
}

/// `chat.send(sessionId, message)`.
pub(super) fn send_chat<'a>(w: &'a Workflows, _: &'a str, a: &'a [Value]) -> Answer<'a> {
    Box::pin(w.send_chat(arg(a, 0), arg(a, 1)))
}

/// `chat.close(sessionId)`.
pub(super) fn close_chat<'a>(w: &'a Workflows, _: &'a str, a: &'a [Value]) -> Answer<'a> {
    Box::pin(w.step("chat_sessions", "close", arg(a, 0), None))
}

/// `agents.hire(agent)`.
pub(super) fn hire<'a>(w: &'a Workflows, _: &'a str, a: &'a [Value]) -> Answer<'a> {
    Box::pin(w.hire(arg(a, 0)))
}

/// `agents.suspend | reactivate | deactivate(id)`.
pub(super) fn agent_step<'a>(w: &'a Workflows, name: &'a str, a: &'a [Value]) -> Answer<'a> {
    Box::pin(w.step("agents", name, arg(a, 0), None))
}

/// `agents.remove(id)`.
pub(super) fn remove_agent<'a>(w: &'a Workflows, _: &'a str, a: &'a [Value]) -> Answer<'a> {
    Box::pin(w.remove_agent(arg(a, 0)))
}

/// `messages.send(message)`.
pub(super) fn send_message<'a>(w: &'a Workflows, _: &'a str, a: &'a [Value]) -> Answer<'a> {
    Box::pin(w.send_message(arg(a, 0)))
}

/// `messages.markRead(id)`.
pub(super) fn mark_read<'a>(w: &'a Workflows, _: &'a str, a: &'a [Value]) -> Answer<'a> {
    Box::pin(w.stamp_once("messages", "read_at", arg(a, 0)))
}

/// `messages.markProcessed(id)`.
pub(super) fn mark_processed<'a>(w: &'a Workflows, _: &'a str, a: &'a [Value]) -> Answer<'a> {
    Box::pin(w.stamp_once("messages", "processed_at", arg(a, 0)))
}

/// `memory.append(entry)`.
pub(super) fn append_memory<'a>(w: &'a Workflows, _: &'a str, a: &'a [Value]) -> Answer<'a> {
    Box::pin(w.append_memory(arg(a, 0), None))
}

/// `memory.supersede(oldId, entry)`.
pub(super) fn supersede_memory<'a>(w: &'a Workflows, _: &'a str, a: &'a [Value]) -> Answer<'a> {
    Box::pin(w.append_memory(arg(a, 1), Some(arg(a, 0))))
}

/// `onboarding.plan(input)`: network-free.
pub(super) fn plan<'a>(_: &'a Workflows, _: &'a str, a: &'a [Value]) -> Answer<'a> {
    let planned = onboarding_plan(arg(a, 0));
    Box::pin(async move { Ok(planned) })
}

/// `onboarding.run(planOrInput)`.
pub(super) fn onboard<'a>(w: &'a Workflows, _: &'a str, a: &'a [Value]) -> Answer<'a> {
    Box::pin(w.onboard(arg(a, 0)))
}

/// `onboarding.activate(companyId)`.
pub(super) fn activate<'a>(w: &'a Workflows, _: &'a str, a: &'a [Value]) -> Answer<'a> {
    Box::pin(w.activate(arg(a, 0)))
}

/// The cockpit's reads (`load`, `department`, `agent`, `agentsByDepartment`, `pulses`,
/// `memory`).
pub(super) fn cockpit<'a>(w: &'a Workflows, name: &'a str, a: &'a [Value]) -> Answer<'a> {
    Box::pin(w.cockpit(name, a))
}
