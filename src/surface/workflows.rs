//! The workflows' handlers: each reads the JS arguments (JSON, validated by the domain layer,
//! which names the table, field and rule of what it refuses) and answers the workflow's first step (run by `drive`).

use serde_json::Value;

use crate::domain::flows::{self, Flow, Step};
use crate::domain::{plan as onboarding_plan, Workflows};

fn arg(args: &[Value], i: usize) -> &Value {
    args.get(i).unwrap_or(&Value::Null)
}

/// `tasks.start | unblock | complete | cancel(id)`.
pub(super) fn task_step(w: &Workflows, name: &str, a: &[Value]) -> Step {
    flows::step(w.client(), "tasks", name, arg(a, 0), None)
}

/// `tasks.block(id, reason)`.
pub(super) fn task_block(w: &Workflows, name: &str, a: &[Value]) -> Step {
    flows::step(w.client(), "tasks", name, arg(a, 0), arg(a, 1).as_str())
}

/// `escalations.raise(escalation)`.
pub(super) fn raise(w: &Workflows, _: &str, a: &[Value]) -> Step {
    flows::raise(w.client(), arg(a, 0))
}

/// `escalations.acknowledge(id)`.
pub(super) fn acknowledge(w: &Workflows, name: &str, a: &[Value]) -> Step {
    flows::step(w.client(), "escalations", name, arg(a, 0), None)
}

/// `escalations.resolve(id, resolution)`.
pub(super) fn resolve(w: &Workflows, _: &str, a: &[Value]) -> Step {
    flows::resolve(w.client(), arg(a, 0), arg(a, 1).as_str())
}

/// `chat.open(agentId)`.
pub(super) fn open_chat(w: &Workflows, _: &str, a: &[Value]) -> Step {
    flows::open_chat(w.client(), arg(a, 0))
}

/// `chat.send(sessionId, message)`.
pub(super) fn send_chat(w: &Workflows, _: &str, a: &[Value]) -> Step {
    flows::send_chat(w.client(), arg(a, 0), arg(a, 1))
}

/// `chat.close(sessionId)`.
pub(super) fn close_chat(w: &Workflows, _: &str, a: &[Value]) -> Step {
    flows::step(w.client(), "chat_sessions", "close", arg(a, 0), None)
}

/// `agents.hire(agent)`.
pub(super) fn hire(w: &Workflows, _: &str, a: &[Value]) -> Step {
    flows::hire(w.client(), arg(a, 0))
}

/// `agents.suspend | reactivate | deactivate(id)`.
pub(super) fn agent_step(w: &Workflows, name: &str, a: &[Value]) -> Step {
    flows::step(w.client(), "agents", name, arg(a, 0), None)
}

/// `agents.remove(id)`.
pub(super) fn remove_agent(w: &Workflows, _: &str, a: &[Value]) -> Step {
    flows::remove_agent(w.client(), arg(a, 0))
}

/// `messages.send(message)`.
pub(super) fn send_message(w: &Workflows, _: &str, a: &[Value]) -> Step {
    flows::send_message(w.client(), arg(a, 0))
}

/// `messages.markRead(id)`.
pub(super) fn mark_read(w: &Workflows, _: &str, a: &[Value]) -> Step {
    flows::stamp_once(w.client(), "messages", "read_at", arg(a, 0))
}

/// `messages.markProcessed(id)`.
pub(super) fn mark_processed(w: &Workflows, _: &str, a: &[Value]) -> Step {
    flows::stamp_once(w.client(), "messages", "processed_at", arg(a, 0))
}

/// `memory.append(entry)`.
pub(super) fn append_memory(w: &Workflows, _: &str, a: &[Value]) -> Step {
    flows::append_memory(w.client(), arg(a, 0), None)
}

/// `memory.supersede(oldId, entry)`.
pub(super) fn supersede_memory(w: &Workflows, _: &str, a: &[Value]) -> Step {
    flows::append_memory(w.client(), arg(a, 1), Some(arg(a, 0)))
}

/// `onboarding.plan(input)`: network-free.
pub(super) fn plan(_: &Workflows, _: &str, a: &[Value]) -> Step {
    let planned = onboarding_plan(arg(a, 0));
    Flow::done(planned)
}

/// `onboarding.run(planOrInput)`.
pub(super) fn onboard(w: &Workflows, _: &str, a: &[Value]) -> Step {
    flows::onboard(w.client(), arg(a, 0))
}

/// `onboarding.activate(companyId)`.
pub(super) fn activate(w: &Workflows, _: &str, a: &[Value]) -> Step {
    flows::activate(w.client(), arg(a, 0))
}

/// The cockpit's reads (`load`, `department`, `agent`, `agentsByDepartment`, `pulses`,
/// `memory`).
pub(super) fn cockpit(w: &Workflows, name: &str, a: &[Value]) -> Step {
    flows::cockpit(w.client(), name, a)
}
