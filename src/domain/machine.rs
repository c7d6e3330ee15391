//! The state machines as data: for each workflow step, the table, the states it may start
//! from, the state it leads to, and the columns it stamps, clears or needs.

use serde_json::{Map, Value};

use crate::error::{Error, ErrorCode, Violation};
use crate::schema::{AgentStatus, ChatSessionStatus, EscalationStatus, TaskStatus};

/// A row's `status`, typed by its table's enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// `tasks.status`.
    Task(TaskStatus),
    /// `escalations.status`.
    Escalation(EscalationStatus),
    /// `chat_sessions.status`.
    ChatSession(ChatSessionStatus),
    /// `agents.status`.
    Agent(AgentStatus),
}

impl State {
    /// The value as Postgres spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Task(s) => s.as_str(),
            State::Escalation(s) => s.as_str(),
            State::ChatSession(s) => s.as_str(),
            State::Agent(s) => s.as_str(),
        }
    }
}

/// One step of a state machine.
///
/// ```
/// use mission_control_sdk::domain::{transition, State};
/// use mission_control_sdk::schema::TaskStatus;
/// let start = transition("tasks", "start").unwrap();
/// assert_eq!(start.from, &[State::Task(TaskStatus::Pending)]);
/// assert_eq!(start.to, State::Task(TaskStatus::InProgress));
/// assert_eq!(start.stamp, &["started_at"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transition {
    /// The table whose `status` it changes.
    pub table: &'static str,
    /// The workflow's name in JS (`mc.tasks.start`).
    pub action: &'static str,
    /// The states the step may start from.
    pub from: &'static [State],
    /// The state it leads to.
    pub to: State,
    /// Set to now (only where still null: a timestamp is set once).
    pub stamp: &'static [&'static str],
    /// Set to null.
    pub clear: &'static [&'static str],
    /// A text column the caller must give, not blank (`blocked_reason`, `resolution`).
    pub needs: Option<&'static str>,
}

macro_rules! t {
    ($table:literal, $action:literal, $state:ident($enum:ident) [$($from:ident),*] => $to:ident, stamp [$($s:literal),*], clear [$($c:literal),*], needs $needs:expr) => {
        Transition {
            table: $table,
            action: $action,
            from: &[$(State::$state($enum::$from)),*],
            to: State::$state($enum::$to),
            stamp: &[$($s),*],
            clear: &[$($c),*],
            needs: $needs,
        }
    };
}

/// Every workflow step (the state machines, listed in docs/rules.md).
pub const TRANSITIONS: &[Transition] = &[
    t!("tasks", "start", Task(TaskStatus) [Pending] => InProgress, stamp ["started_at"], clear [], needs None),
    t!("tasks", "block", Task(TaskStatus) [Pending, InProgress] => Blocked, stamp [], clear [], needs Some("blocked_reason")),
    t!("tasks", "unblock", Task(TaskStatus) [Blocked] => InProgress, stamp ["started_at"], clear ["blocked_reason"], needs None),
    t!("tasks", "complete", Task(TaskStatus) [InProgress] => Complete, stamp ["completed_at"], clear [], needs None),
    t!("tasks", "cancel", Task(TaskStatus) [Pending, InProgress, Blocked] => Cancelled, stamp [], clear ["blocked_reason"], needs None),
    t!("escalations", "acknowledge", Escalation(EscalationStatus) [Pending] => Acknowledged, stamp ["acknowledged_at"], clear [], needs None),
    t!("escalations", "resolve", Escalation(EscalationStatus) [Pending, Acknowledged] => Resolved, stamp ["acknowledged_at", "resolved_at"], clear [], needs Some("resolution")),
    t!("chat_sessions", "close", ChatSession(ChatSessionStatus) [Active] => Closed, stamp ["closed_at"], clear [], needs None),
    t!("agents", "suspend", Agent(AgentStatus) [Active] => Suspended, stamp [], clear [], needs None),
    t!("agents", "reactivate", Agent(AgentStatus) [Suspended, Inactive] => Active, stamp [], clear [], needs None),
    t!("agents", "deactivate", Agent(AgentStatus) [Active, Suspended] => Inactive, stamp [], clear [], needs None),
];

/// The step `action` of `table`.
pub fn transition(table: &str, action: &str) -> Option<&'static Transition> {
    TRANSITIONS
        .iter()
        .find(|t| t.table == table && t.action == action)
}

impl Transition {
    /// Checks the caller's text before the network: a step that needs one gets a non-blank one.
    pub fn check_input(&self, text: Option<&str>) -> Result<(), Error> {
        match (self.needs, text) {
            (Some(field), t) if t.is_none_or(|t| t.trim().is_empty()) => {
                Err(Error::validation(vec![Violation {
                    table: self.table.into(),
                    field: field.into(),
                    rule: format!("{} needs a non-blank {field}", self.action),
                    value: t.map_or(Value::Null, |t| Value::String(t.into())),
                }]))
            }
            _ => Ok(()),
        }
    }

    /// The update for a row now in `current`: refused (`invalid_transition`) when the machine
    /// does not allow the step from the row's state.
    pub fn patch(
        &self,
        current: &Value,
        text: Option<&str>,
        now: &str,
    ) -> Result<Map<String, Value>, Error> {
        let from = current.get("status").and_then(Value::as_str).unwrap_or("");
        if !self.from.iter().any(|s| s.as_str() == from) {
            let mut e = Error::new(
                ErrorCode::InvalidTransition,
                format!(
                    "{}.{}: {from} → {} is not allowed",
                    self.table,
                    self.action,
                    self.to.as_str()
                ),
            );
            let allowed: Vec<&str> = self.from.iter().map(|s| s.as_str()).collect();
            e.details = Some(format!(
                "from {from} to {}; allowed from {}",
                self.to.as_str(),
                allowed.join(", ")
            ));
            return Err(e);
        }
        let mut patch = Map::new();
        patch.insert("status".into(), Value::String(self.to.as_str().into()));
        for col in self.stamp {
            if current.get(*col).is_none_or(Value::is_null) {
                patch.insert((*col).into(), Value::String(now.into()));
            }
        }
        for col in self.clear {
            patch.insert((*col).into(), Value::Null);
        }
        if let (Some(field), Some(t)) = (self.needs, text) {
            patch.insert(field.into(), Value::String(t.into()));
        }
        Ok(patch)
    }
}

pub use crate::schema::{escalation_type, type_of};

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_step_leads_to_a_state_of_its_table() {
        for t in TRANSITIONS {
            let status = crate::schema::table(t.table)
                .unwrap()
                .column("status")
                .unwrap();
            let crate::schema::ColumnType::Enum(name) = status.ty else {
                panic!("{}", t.table)
            };
            let values = crate::schema::enum_values(name).unwrap();
            assert!(values.contains(&t.to.as_str()), "{t:?}");
            assert!(t.from.iter().all(|f| values.contains(&f.as_str())), "{t:?}");
            for c in t.stamp.iter().chain(t.clear).chain(t.needs.iter()) {
                assert!(
                    crate::schema::table(t.table).unwrap().column(c).is_some(),
                    "{c}"
                );
            }
        }
    }

    #[test]
    fn task_steps() {
        let start = transition("tasks", "start").unwrap();
        let p = start
            .patch(&json!({"status": "PENDING", "started_at": null}), None, "T")
            .unwrap();
        assert_eq!(
            Value::Object(p),
            json!({"status": "IN_PROGRESS", "started_at": "T"})
        );
        let e = start
            .patch(&json!({"status": "COMPLETE"}), None, "T")
            .unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidTransition);
        assert!(
            e.message.contains("COMPLETE → IN_PROGRESS"),
            "{}",
            e.message
        );
        let block = transition("tasks", "block").unwrap();
        assert_eq!(
            block.check_input(Some("  ")).unwrap_err().violations[0].field,
            "blocked_reason"
        );
        let unblock = transition("tasks", "unblock").unwrap();
        let p = unblock
            .patch(
                &json!({"status": "BLOCKED", "started_at": "S", "blocked_reason": "x"}),
                None,
                "T",
            )
            .unwrap();
        assert_eq!(
            Value::Object(p),
            json!({"status": "IN_PROGRESS", "blocked_reason": null})
        );
        for terminal in ["COMPLETE", "CANCELLED"] {
            for t in TRANSITIONS.iter().filter(|t| t.table == "tasks") {
                assert!(
                    t.patch(&json!({"status": terminal}), Some("r"), "T")
                        .is_err(),
                    "{terminal} is terminal"
                );
            }
        }
    }

    #[test]
    fn resolving_a_pending_escalation_stamps_both_times() {
        let r = transition("escalations", "resolve").unwrap();
        let p = r
            .patch(
                &json!({"status": "PENDING", "acknowledged_at": null}),
                Some("done"),
                "T",
            )
            .unwrap();
        assert_eq!(
            Value::Object(p),
            json!({"status": "RESOLVED", "acknowledged_at": "T", "resolved_at": "T", "resolution": "done"})
        );
        assert_eq!(escalation_type("MATERIAL_RISK"), Some("ACTION_REQUIRED"));
        assert_eq!(escalation_type("MILESTONE"), Some("AWARENESS"));
        assert_eq!(escalation_type("NOPE"), None);
        let aware: Vec<_> = crate::schema::enum_values("escalation_trigger")
            .unwrap()
            .iter()
            .filter(|t| escalation_type(t) == Some("AWARENESS"))
            .copied()
            .collect();
        assert_eq!(
            aware.len(),
            8,
            "the rules list eight awareness triggers: {aware:?}"
        );
    }
}
