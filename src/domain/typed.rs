//! The state-machine steps for Rust users, typed: a UUID in, the row as written out (`TaskRow`,
//! `EscalationRow`, …), decoded from what the server answered. They are the same steps the
//! method table runs for JS (`mc.tasks.start(id)`), which answer JSON.

use serde::de::DeserializeOwned;
use serde_json::Value;
use uuid::Uuid;

use super::common::Workflows;
use crate::error::{Error, ErrorCode};
use crate::schema::{AgentRow, ChatSessionRow, EscalationRow, TaskRow};

fn decoded<T: DeserializeOwned>(table: &str, row: Value) -> Result<T, Error> {
    serde_json::from_value(row).map_err(|e| {
        Error::new(
            ErrorCode::Undecodable,
            format!("the server's {table} row does not fit the schema: {e}"),
        )
    })
}

macro_rules! steps {
    ($( $(#[$doc:meta])* $fn:ident($table:literal, $action:literal $(, $text:ident)?) -> $row:ty; )*) => {
        impl Workflows {
            $(
                $(#[$doc])*
                pub async fn $fn(&self, id: Uuid $(, $text: &str)?) -> Result<$row, Error> {
                    let text: Option<&str> = None $(.or(Some($text)))?;
                    let row = self.step($table, $action, &Value::String(id.to_string()), text).await?;
                    decoded($table, row)
                }
            )*
        }
    };
}

steps! {
    /// PENDING → IN_PROGRESS (stamps `started_at`).
    ///
    /// ```no_run
    /// # async fn demo(mc: mission_control_sdk::Client, id: uuid::Uuid) -> Result<(), mission_control_sdk::Error> {
    /// use mission_control_sdk::schema::TaskStatus;
    /// let task = mc.workflows().start_task(id).await?;
    /// assert_eq!(task.status, TaskStatus::InProgress);
    /// assert!(task.started_at.is_some());
    /// # Ok(()) }
    /// ```
    start_task("tasks", "start") -> TaskRow;
    /// PENDING or IN_PROGRESS → BLOCKED, with the reason (non-blank).
    block_task("tasks", "block", reason) -> TaskRow;
    /// BLOCKED → IN_PROGRESS (clears `blocked_reason`).
    unblock_task("tasks", "unblock") -> TaskRow;
    /// IN_PROGRESS → COMPLETE (stamps `completed_at`).
    complete_task("tasks", "complete") -> TaskRow;
    /// PENDING, IN_PROGRESS or BLOCKED → CANCELLED.
    cancel_task("tasks", "cancel") -> TaskRow;
    /// PENDING → ACKNOWLEDGED (stamps `acknowledged_at`).
    acknowledge_escalation("escalations", "acknowledge") -> EscalationRow;
    /// ACTIVE → CLOSED (stamps `closed_at`).
    close_chat("chat_sessions", "close") -> ChatSessionRow;
    /// ACTIVE → SUSPENDED.
    suspend_agent("agents", "suspend") -> AgentRow;
    /// SUSPENDED or INACTIVE → ACTIVE.
    reactivate_agent("agents", "reactivate") -> AgentRow;
    /// ACTIVE or SUSPENDED → INACTIVE.
    deactivate_agent("agents", "deactivate") -> AgentRow;
}

impl Workflows {
    /// PENDING or ACKNOWLEDGED → RESOLVED, with the resolution; an ACTION_REQUIRED escalation
    /// unblocks its related task.
    pub async fn resolve_escalation(
        &self,
        id: Uuid,
        resolution: &str,
    ) -> Result<EscalationRow, Error> {
        let row = self
            .resolve(&Value::String(id.to_string()), Some(resolution))
            .await?;
        decoded("escalations", row)
    }
}
