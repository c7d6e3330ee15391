//! The workflows, each one call: validated before the network, tenancy checked (every row a
//! write refers to belongs to the same company), state changes as compare-and-set updates.

use serde_json::{json, Map, Value};

use super::common::{field, id_of, invalid, non_blank, now, Workflows};
use super::machine::{escalation_type, transition};
use crate::error::{Error, ErrorCode};
use crate::json::write;
use crate::schema::{
    ChatMessageRole, ChatSessionStatus, EscalationTrigger, EscalationType, TaskStatus,
};

impl Workflows {
    /// A state-machine step as a compare-and-set update on `status`.
    pub async fn step(
        &self,
        table: &str,
        action: &str,
        id: &Value,
        text: Option<&str>,
    ) -> Result<Value, Error> {
        let t = transition(table, action)
            .ok_or_else(|| invalid(table, action, "unknown workflow", Value::Null))?;
        let id = id_of(table, "id", id)?;
        t.check_input(text)?;
        let current = self.read(table, &id).await?;
        let patch = t.patch(&current, text, &now())?;
        let from = field(&current, "status")
            .as_str()
            .unwrap_or_default()
            .to_string();
        self.compare_and_set(table, &id, "status", Value::String(from), patch)
            .await
    }

    /// `PATCH table?id=eq.ID&column=<expected>`; no row means someone else changed it first.
    pub(super) async fn compare_and_set(
        &self,
        table: &str,
        id: &str,
        column: &str,
        expected: Value,
        patch: Map<String, Value>,
    ) -> Result<Value, Error> {
        let q = self.client.from(table).update(Value::Object(patch));
        let q = match &expected {
            Value::Null => q.is(column, Value::Null),
            v => q.eq(column, v.clone()),
        };
        let rows = q.eq("id", id).select("*").execute().await?.data()?;
        if let Some(row) = rows.as_array().and_then(|r| r.first()) {
            return Ok(row.clone());
        }
        let now_row = self.read(table, id).await?;
        let mut e = if field(&now_row, column) != &expected {
            Error::new(
                ErrorCode::Conflict,
                format!(
                    "{table} {id} changed meanwhile: {column} is no longer {}",
                    write(&expected)
                ),
            )
        } else {
            Error::new(
                ErrorCode::PermissionDenied,
                format!("{table} {id} cannot be updated by this user"),
            )
        };
        e.status = 409;
        e.details = Some(format!(
            "{column} is now {}",
            write(field(&now_row, column))
        ));
        Err(e)
    }

    /// Raises an escalation: the type follows the trigger, it goes to the sender's superior
    /// (MATERIAL_RISK straight to the CEO), and an ACTION_REQUIRED one with a related task
    /// blocks that task.
    pub async fn raise(&self, a: &Value) -> Result<Value, Error> {
        let from = id_of("escalations", "from_agent_id", field(a, "from_agent_id"))?;
        let trigger = field(a, "trigger").as_str().unwrap_or_default().to_string();
        let kind = escalation_type(&trigger).ok_or_else(|| {
            invalid(
                "escalations",
                "trigger",
                "must be an escalation trigger",
                field(a, "trigger").clone(),
            )
        })?;
        for f in ["context", "impact", "recommendation"] {
            non_blank("escalations", f, field(a, f))?;
        }
        let related = match field(a, "related_task_id") {
            Value::Null => None,
            v => Some(id_of("escalations", "related_task_id", v)?),
        };
        let sender = self.read("agents", &from).await?;
        let company = field(&sender, "company_id")
            .as_str()
            .unwrap_or_default()
            .to_string();
        if field(&sender, "tier").as_i64() == Some(1) {
            return Err(invalid(
                "escalations",
                "from_agent_id",
                "the CEO does not escalate",
                Value::String(from),
            ));
        }
        let to = if trigger == EscalationTrigger::MaterialRisk.as_str() {
            field(&self.read("companies", &company).await?, "ceo_id").clone()
        } else {
            field(&sender, "reports_to").clone()
        };
        let to = to.as_str().map(str::to_string).ok_or_else(|| {
            invalid(
                "escalations",
                "to_agent_id",
                "the sender has no one to escalate to",
                Value::Null,
            )
        })?;
        let task = match &related {
            Some(t) => Some(
                self.same_company("tasks", t, &company, "related_task_id")
                    .await?,
            ),
            None => None,
        };
        let row = json!({
            "company_id": company, "from_agent_id": from, "to_agent_id": to, "type": kind, "trigger": trigger,
            "context": field(a, "context"), "impact": field(a, "impact"), "recommendation": field(a, "recommendation"),
            "related_task_id": related,
        });
        let esc = self
            .client
            .from("escalations")
            .insert(row, true)
            .select("*")
            .single()
            .execute()
            .await?
            .data()?;
        if let (Some(task), true) = (task, kind == EscalationType::ActionRequired.as_str()) {
            let open = [TaskStatus::Pending, TaskStatus::InProgress];
            if open
                .iter()
                .any(|s| field(&task, "status").as_str() == Some(s.as_str()))
            {
                let reason = format!(
                    "Escalated ({trigger}): {}",
                    field(a, "context").as_str().unwrap_or_default()
                );
                self.step("tasks", "block", field(&task, "id"), Some(&reason))
                    .await?;
            }
        }
        Ok(esc)
    }

    /// Resolves an escalation; an ACTION_REQUIRED one unblocks its related task.
    pub async fn resolve(&self, id: &Value, resolution: Option<&str>) -> Result<Value, Error> {
        let esc = self.step("escalations", "resolve", id, resolution).await?;
        if field(&esc, "type").as_str() == Some(EscalationType::ActionRequired.as_str()) {
            if let Some(task) = field(&esc, "related_task_id").as_str() {
                let t = self.read("tasks", task).await?;
                if field(&t, "status").as_str() == Some(TaskStatus::Blocked.as_str()) {
                    self.step("tasks", "unblock", field(&t, "id"), None).await?;
                }
            }
        }
        Ok(esc)
    }

    /// The row `id` of `table`, which must belong to `company`.
    async fn same_company(
        &self,
        table: &str,
        id: &str,
        company: &str,
        what: &str,
    ) -> Result<Value, Error> {
        let row = self.read(table, id).await?;
        if field(&row, "company_id").as_str() != Some(company) {
            return Err(invalid(
                table,
                what,
                "must belong to the same company",
                Value::String(id.into()),
            ));
        }
        Ok(row)
    }

    /// Opens a chat with an agent: at most one ACTIVE session per agent.
    pub async fn open_chat(&self, agent: &Value) -> Result<Value, Error> {
        let agent = id_of("chat_sessions", "agent_id", agent)?;
        let user = self.user_id()?;
        let a = self.read("agents", &agent).await?;
        let open = self
            .client
            .from("chat_sessions")
            .select("id")
            .eq("agent_id", agent.as_str())
            .eq("status", ChatSessionStatus::Active.as_str())
            .execute()
            .await?
            .data()?;
        if let Some(existing) = open.as_array().and_then(|r| r.first()) {
            let mut e = Error::new(
                ErrorCode::Conflict,
                "this agent already has an ACTIVE chat session",
            );
            e.status = 409;
            e.details = Some(format!("session {}", write(field(existing, "id"))));
            return Err(e);
        }
        let row = json!({"company_id": field(&a, "company_id"), "user_id": user, "agent_id": agent, "status": ChatSessionStatus::Active.as_str()});
        self.insert_one("chat_sessions", row).await
    }

    /// Sends a message into an ACTIVE session (with the session's company).
    pub async fn send_chat(&self, session: &Value, m: &Value) -> Result<Value, Error> {
        let session = id_of("chat_messages", "session_id", session)?;
        non_blank("chat_messages", "content", field(m, "content"))?;
        let s = self.read("chat_sessions", &session).await?;
        if field(&s, "status").as_str() != Some(ChatSessionStatus::Active.as_str()) {
            let mut e = Error::new(
                ErrorCode::InvalidTransition,
                "messages go only into ACTIVE chat sessions",
            );
            e.details = Some(format!(
                "session {session} is {}",
                write(field(&s, "status"))
            ));
            return Err(e);
        }
        let row = json!({
            "session_id": session, "company_id": field(&s, "company_id"),
            "role": field(m, "role").as_str().unwrap_or(ChatMessageRole::User.as_str()), "content": field(m, "content"),
            "tokens_used": field(m, "tokens_used"),
        });
        self.insert_one("chat_messages", row).await
    }

    /// Hires an agent: tier 2–5 (the CEO comes with onboarding), reporting to an agent of the
    /// same company one tier up (a worker may report to a manager).
    pub async fn hire(&self, a: &Value) -> Result<Value, Error> {
        let company = id_of("agents", "company_id", field(a, "company_id"))?;
        let tier = field(a, "tier").as_i64().unwrap_or(0);
        if !(2..=5).contains(&tier) {
            return Err(invalid(
                "agents",
                "tier",
                "hire takes tier 2–5 (the CEO comes with onboarding)",
                field(a, "tier").clone(),
            ));
        }
        let boss = id_of("agents", "reports_to", field(a, "reports_to"))?;
        let b = self
            .same_company("agents", &boss, &company, "reports_to")
            .await?;
        let boss_tier = field(&b, "tier").as_i64().unwrap_or(0);
        if !(boss_tier == tier - 1 || (tier == 5 && boss_tier == 3)) {
            return Err(invalid(
                "agents",
                "reports_to",
                "must be one tier up (a worker may report to a manager)",
                Value::String(boss),
            ));
        }
        if let Some(d) = field(a, "department_id").as_str() {
            self.same_company("departments", d, &company, "department_id")
                .await?;
        }
        self.insert_one("agents", a.clone()).await
    }

    /// Deletes an agent; one that the append-only tables refer to cannot go (deactivate it).
    pub async fn remove_agent(&self, id: &Value) -> Result<Value, Error> {
        let id = id_of("agents", "id", id)?;
        match self
            .client
            .from("agents")
            .delete()
            .eq("id", id.as_str())
            .select("id")
            .execute()
            .await
        {
            Ok(res) => res.data(),
            Err(mut e) if e.code == ErrorCode::ImmutableRecord => {
                e.hint = Some("the agent is referenced by memory or chat history: deactivate it (mc.agents.deactivate) instead".into());
                Err(e)
            }
            Err(e) => Err(e),
        }
    }

    /// Sends a message between two different agents of one company.
    pub async fn send_message(&self, m: &Value) -> Result<Value, Error> {
        let from = id_of("messages", "from_agent_id", field(m, "from_agent_id"))?;
        let to = id_of("messages", "to_agent_id", field(m, "to_agent_id"))?;
        if from == to {
            return Err(invalid(
                "messages",
                "to_agent_id",
                "must differ from from_agent_id",
                Value::String(to),
            ));
        }
        let sender = self.read("agents", &from).await?;
        let company = field(&sender, "company_id")
            .as_str()
            .unwrap_or_default()
            .to_string();
        self.same_company("agents", &to, &company, "to_agent_id")
            .await?;
        let mut row = m.clone();
        row["company_id"] = Value::String(company);
        self.insert_one("messages", row).await
    }

    /// Sets `column` to now once; a second call leaves it as it was.
    pub async fn stamp_once(&self, table: &str, column: &str, id: &Value) -> Result<Value, Error> {
        let id = id_of(table, "id", id)?;
        let mut patch = Map::new();
        patch.insert(column.into(), Value::String(now()));
        match self
            .compare_and_set(table, &id, column, Value::Null, patch)
            .await
        {
            Err(e) if e.code == ErrorCode::Conflict => self.read(table, &id).await,
            other => other,
        }
    }

    /// Appends a memory entry; with `old`, one that supersedes it (`details.supersedes` and
    /// `related_ids` point at the old entry, which stays: memory is append-only).
    pub async fn append_memory(&self, e: &Value, old: Option<&Value>) -> Result<Value, Error> {
        let mut row = e.clone();
        if let Some(old) = old {
            let old = id_of("memory_entries", "supersedes", old)?;
            let company = id_of("memory_entries", "company_id", field(e, "company_id"))?;
            self.same_company("memory_entries", &old, &company, "supersedes")
                .await?;
            let mut details = field(e, "details").as_object().cloned().unwrap_or_default();
            details.insert("supersedes".into(), Value::String(old.clone()));
            row["details"] = Value::Object(details);
            let mut related: Vec<Value> = field(e, "related_ids")
                .as_array()
                .cloned()
                .unwrap_or_default();
            related.push(Value::String(old));
            row["related_ids"] = Value::Array(related);
        }
        for (f, table) in [("agent_id", "agents"), ("department_id", "departments")] {
            if let (Some(id), Some(company)) =
                (field(&row, f).as_str(), field(&row, "company_id").as_str())
            {
                self.same_company(table, id, company, f).await?;
            }
        }
        self.insert_one("memory_entries", row).await
    }
}
