//! The workflows, each one call: validated before the network, tenancy checked (every row a
//! write refers to belongs to the same company), state changes as compare-and-set updates.
//! Each is a function from its arguments to a [`Step`] (see [`super::flow`]); the async
//! methods of [`Workflows`] run them with [`drive`].

use serde_json::{json, Map, Value};

use super::common::{
    field, id_of, insert_one, invalid, non_blank, now, read, same_company, user_id, Workflows,
};
use super::flow::{drive, Flow, Step, Then};
use super::machine::{escalation_type, transition};
use crate::error::{Error, ErrorCode};
use crate::json::write;
use crate::schema::{
    ChatMessageRole, ChatSessionStatus, EscalationTrigger, EscalationType, TaskStatus,
};
use crate::Client;

/// A state-machine step as a compare-and-set update on `status`.
pub fn step(c: &Client, table: &str, action: &str, id: &Value, text: Option<&str>) -> Step {
    let t = transition(table, action)
        .ok_or_else(|| invalid(table, action, "unknown workflow", Value::Null))?;
    let id = id_of(table, "id", id)?;
    t.check_input(text)?;
    let (c2, text) = (c.clone(), text.map(str::to_string));
    read(c, t.table, &id).then(move |current| {
        let patch = t.patch(&current, text.as_deref(), &now())?;
        let from = field(&current, "status").clone();
        compare_and_set(&c2, t.table, &id, "status", from, patch)
    })
}

/// `PATCH table?id=eq.ID&column=<expected>`; no row means someone else changed it first.
pub fn compare_and_set(
    c: &Client,
    table: &str,
    id: &str,
    column: &str,
    expected: Value,
    patch: Map<String, Value>,
) -> Step {
    let q = c.from(table).update(Value::Object(patch));
    let q = match &expected {
        Value::Null => q.is(column, Value::Null),
        v => q.eq(column, v.clone()),
    };
    let q = q.eq("id", id).select("*");
    let (c, table, id, column) = (
        c.clone(),
        table.to_string(),
        id.to_string(),
        column.to_string(),
    );
    Flow::data(q, move |rows| {
        if let Some(row) = rows.as_array().and_then(|r| r.first()) {
            return Flow::done(row.clone());
        }
        read(&c, &table, &id).then(move |now_row| {
            let mut e = if field(&now_row, &column) != &expected {
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
                write(field(&now_row, &column))
            ));
            Err(e)
        })
    })
}

/// Raises an escalation: the type follows the trigger, it goes to the sender's superior
/// (MATERIAL_RISK straight to the CEO), and an ACTION_REQUIRED one with a related task
/// blocks that task.
pub fn raise(c: &Client, a: &Value) -> Step {
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
    let (c, a) = (c.clone(), a.clone());
    read(&c, "agents", &from).then(move |sender| {
        let company = field(&sender, "company_id").as_str().unwrap_or_default().to_string();
        if field(&sender, "tier").as_i64() == Some(1) {
            return Err(invalid(
                "escalations",
                "from_agent_id",
                "the CEO does not escalate",
                Value::String(from),
            ));
        }
        let to = if trigger == EscalationTrigger::MaterialRisk.as_str() {
            read(&c, "companies", &company).then(|co| Flow::done(field(&co, "ceo_id").clone()))
        } else {
            Flow::done(field(&sender, "reports_to").clone())
        };
        to.then(move |to| {
            let to = to.as_str().map(str::to_string).ok_or_else(|| {
                invalid(
                    "escalations",
                    "to_agent_id",
                    "the sender has no one to escalate to",
                    Value::Null,
                )
            })?;
            let task = match &related {
                Some(t) => same_company(&c, "tasks", t, &company, "related_task_id"),
                None => Flow::done(Value::Null),
            };
            task.then(move |task| {
                let row = json!({
                    "company_id": company, "from_agent_id": from, "to_agent_id": to, "type": kind, "trigger": trigger,
                    "context": field(&a, "context"), "impact": field(&a, "impact"), "recommendation": field(&a, "recommendation"),
                    "related_task_id": related,
                });
                insert_one(&c, "escalations", row).then(move |esc| {
                    let open = [TaskStatus::Pending, TaskStatus::InProgress];
                    let blocks = kind == EscalationType::ActionRequired.as_str()
                        && open.iter().any(|s| field(&task, "status").as_str() == Some(s.as_str()));
                    if !blocks {
                        return Flow::done(esc);
                    }
                    let reason = format!(
                        "Escalated ({trigger}): {}",
                        field(&a, "context").as_str().unwrap_or_default()
                    );
                    step(&c, "tasks", "block", field(&task, "id"), Some(&reason))
                        .then(move |_| Flow::done(esc))
                })
            })
        })
    })
}

/// Resolves an escalation; an ACTION_REQUIRED one unblocks its related task.
pub fn resolve(c: &Client, id: &Value, resolution: Option<&str>) -> Step {
    let c = c.clone();
    step(&c, "escalations", "resolve", id, resolution).then(move |esc| {
        let task = match field(&esc, "related_task_id").as_str() {
            Some(task)
                if field(&esc, "type").as_str()
                    == Some(EscalationType::ActionRequired.as_str()) =>
            {
                task.to_string()
            }
            _ => return Flow::done(esc),
        };
        read(&c, "tasks", &task).then(move |t| {
            if field(&t, "status").as_str() != Some(TaskStatus::Blocked.as_str()) {
                return Flow::done(esc);
            }
            step(&c, "tasks", "unblock", field(&t, "id"), None).then(move |_| Flow::done(esc))
        })
    })
}

/// Opens a chat with an agent: at most one ACTIVE session per agent.
pub fn open_chat(c: &Client, agent: &Value) -> Step {
    let agent = id_of("chat_sessions", "agent_id", agent)?;
    let user = user_id(c)?;
    let c = c.clone();
    read(&c, "agents", &agent).then(move |a| {
        let q = c
            .from("chat_sessions")
            .select("id")
            .eq("agent_id", agent.as_str())
            .eq("status", ChatSessionStatus::Active.as_str());
        Flow::data(q, move |open| {
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
            insert_one(&c, "chat_sessions", row)
        })
    })
}

/// Sends a message into an ACTIVE session (with the session's company).
pub fn send_chat(c: &Client, session: &Value, m: &Value) -> Step {
    let session = id_of("chat_messages", "session_id", session)?;
    non_blank("chat_messages", "content", field(m, "content"))?;
    let (c, m) = (c.clone(), m.clone());
    read(&c, "chat_sessions", &session).then(move |s| {
        if field(&s, "status").as_str() != Some(ChatSessionStatus::Active.as_str()) {
            let mut e = Error::new(
                ErrorCode::InvalidTransition,
                "messages go only into ACTIVE chat sessions",
            );
            e.details = Some(format!("session {session} is {}", write(field(&s, "status"))));
            return Err(e);
        }
        let row = json!({
            "session_id": session, "company_id": field(&s, "company_id"),
            "role": field(&m, "role").as_str().unwrap_or(ChatMessageRole::User.as_str()), "content": field(&m, "content"),
            "tokens_used": field(&m, "tokens_used"),
        });
        insert_one(&c, "chat_messages", row)
    })
}

/// Hires an agent: tier 2–5 (the CEO comes with onboarding), reporting to an agent of the
/// same company one tier up (a worker may report to a manager).
pub fn hire(c: &Client, a: &Value) -> Step {
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
    let (c, a) = (c.clone(), a.clone());
    same_company(&c, "agents", &boss, &company, "reports_to").then(move |b| {
        let boss_tier = field(&b, "tier").as_i64().unwrap_or(0);
        if !(boss_tier == tier - 1 || (tier == 5 && boss_tier == 3)) {
            return Err(invalid(
                "agents",
                "reports_to",
                "must be one tier up (a worker may report to a manager)",
                Value::String(boss),
            ));
        }
        let dept = match field(&a, "department_id").as_str() {
            Some(d) => same_company(&c, "departments", d, &company, "department_id"),
            None => Flow::done(Value::Null),
        };
        dept.then(move |_| insert_one(&c, "agents", a))
    })
}

/// Deletes an agent; one that the append-only tables refer to cannot go (deactivate it).
pub fn remove_agent(c: &Client, id: &Value) -> Step {
    let id = id_of("agents", "id", id)?;
    let q = c.from("agents").delete().eq("id", id.as_str()).select("id");
    Flow::data(q, Flow::done).catch(|mut e| {
        if e.code == ErrorCode::ImmutableRecord {
            e.hint = Some("the agent is referenced by memory or chat history: deactivate it (mc.agents.deactivate) instead".into());
        }
        Err(e)
    })
}

/// Sends a message between two different agents of one company.
pub fn send_message(c: &Client, m: &Value) -> Step {
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
    let (c, mut row) = (c.clone(), m.clone());
    read(&c, "agents", &from).then(move |sender| {
        let company = field(&sender, "company_id")
            .as_str()
            .unwrap_or_default()
            .to_string();
        same_company(&c, "agents", &to, &company, "to_agent_id").then(move |_| {
            row["company_id"] = Value::String(company);
            insert_one(&c, "messages", row)
        })
    })
}

/// Sets `column` to now once; a second call leaves it as it was.
pub fn stamp_once(c: &Client, table: &str, column: &str, id: &Value) -> Step {
    let id = id_of(table, "id", id)?;
    let mut patch = Map::new();
    patch.insert(column.into(), Value::String(now()));
    let (c2, table2) = (c.clone(), table.to_string());
    compare_and_set(c, table, &id, column, Value::Null, patch).catch(move |e| {
        if e.code == ErrorCode::Conflict {
            read(&c2, &table2, &id)
        } else {
            Err(e)
        }
    })
}

/// Appends a memory entry; with `old`, one that supersedes it (`details.supersedes` and
/// `related_ids` point at the old entry, which stays: memory is append-only).
pub fn append_memory(c: &Client, e: &Value, old: Option<&Value>) -> Step {
    let mut row = e.clone();
    let mut checks = Vec::new();
    if let Some(old) = old {
        let old = id_of("memory_entries", "supersedes", old)?;
        let company = id_of("memory_entries", "company_id", field(e, "company_id"))?;
        checks.push(("memory_entries", old.clone(), company, "supersedes"));
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
            checks.push((table, id.to_string(), company.to_string(), f));
        }
    }
    let c2 = c.clone();
    let mut flow = Flow::done(Value::Null);
    for (table, id, company, f) in checks {
        let c = c.clone();
        flow = flow.then(move |_| same_company(&c, table, &id, &company, f));
    }
    flow.then(move |_| insert_one(&c2, "memory_entries", row))
}

impl Workflows {
    /// A state-machine step as a compare-and-set update on `status` (JSON in and out; the typed
    /// steps are [`Workflows::start_task`] and its siblings).
    pub async fn step(
        &self,
        table: &str,
        action: &str,
        id: &Value,
        text: Option<&str>,
    ) -> Result<Value, Error> {
        drive(step(&self.client, table, action, id, text)).await
    }

    /// Raises an escalation (see [`raise`]).
    pub async fn raise(&self, a: &Value) -> Result<Value, Error> {
        drive(raise(&self.client, a)).await
    }

    /// Resolves an escalation (see [`resolve`]).
    pub async fn resolve(&self, id: &Value, resolution: Option<&str>) -> Result<Value, Error> {
        drive(resolve(&self.client, id, resolution)).await
    }

    /// Opens a chat with an agent (see [`open_chat`]).
    pub async fn open_chat(&self, agent: &Value) -> Result<Value, Error> {
        drive(open_chat(&self.client, agent)).await
    }

    /// Sends a message into an ACTIVE chat session (see [`send_chat`]).
    pub async fn send_chat(&self, session: &Value, m: &Value) -> Result<Value, Error> {
        drive(send_chat(&self.client, session, m)).await
    }

    /// Hires an agent (see [`hire`]).
    pub async fn hire(&self, a: &Value) -> Result<Value, Error> {
        drive(hire(&self.client, a)).await
    }

    /// Deletes an agent (see [`remove_agent`]).
    pub async fn remove_agent(&self, id: &Value) -> Result<Value, Error> {
        drive(remove_agent(&self.client, id)).await
    }

    /// Sends a message between two agents of one company (see [`send_message`]).
    pub async fn send_message(&self, m: &Value) -> Result<Value, Error> {
        drive(send_message(&self.client, m)).await
    }

    /// Sets `column` to now once (see [`stamp_once`]).
    pub async fn stamp_once(&self, table: &str, column: &str, id: &Value) -> Result<Value, Error> {
        drive(stamp_once(&self.client, table, column, id)).await
    }

    /// Appends a memory entry, or one that supersedes `old` (see [`append_memory`]).
    pub async fn append_memory(&self, e: &Value, old: Option<&Value>) -> Result<Value, Error> {
        drive(append_memory(&self.client, e, old)).await
    }
}

#[cfg(test)]
mod tests {
    //! The workflows' decisions, driven by written answers: no server, every request checked.

    use super::*;
    use crate::domain::flow::script::run;
    use crate::ClientOptions;

    const T: &str = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    const A: &str = "11111111-1111-4111-8111-111111111111";
    const B: &str = "22222222-2222-4222-8222-222222222222";
    const CEO: &str = "33333333-3333-4333-8333-333333333333";
    const CO: &str = "44444444-4444-4444-8444-444444444444";

    fn mc() -> Client {
        Client::new("http://127.0.0.1:1", "anon", ClientOptions::default())
    }

    fn code(r: &Result<Value, Error>) -> &str {
        r.as_ref().err().map_or("ok", |e| e.code.as_str())
    }

    #[test]
    fn a_step_reads_then_updates_only_from_the_state_it_read() {
        let task = format!(r#"[{{"id":"{T}","status":"PENDING"}}]"#);
        let done = format!(r#"[{{"id":"{T}","status":"IN_PROGRESS"}}]"#);
        let (sent, r) = run(
            step(&mc(), "tasks", "start", &json!(T), None),
            &[&[(200, &task, "")], &[(200, &done, "")]],
        );
        assert_eq!(
            sent,
            [
                format!("GET tasks?select=*&id=eq.{T}"),
                format!("PATCH tasks?status=eq.PENDING&id=eq.{T}&select=*"),
            ]
        );
        assert_eq!(r.unwrap()["status"], "IN_PROGRESS");
    }

    #[test]
    fn no_row_updated_is_a_conflict_when_the_row_moved_on() {
        let pending = format!(r#"[{{"id":"{T}","status":"PENDING"}}]"#);
        let moved = format!(r#"[{{"id":"{T}","status":"IN_PROGRESS"}}]"#);
        let (sent, r) = run(
            step(&mc(), "tasks", "start", &json!(T), None),
            &[
                &[(200, &pending, "")],
                &[(200, "[]", "")],
                &[(200, &moved, "")],
            ],
        );
        assert_eq!(sent.len(), 3);
        assert_eq!(sent[2], format!("GET tasks?select=*&id=eq.{T}"));
        let e = r.unwrap_err();
        assert_eq!((e.code, e.status), (ErrorCode::Conflict, 409));
        assert_eq!(e.details.as_deref(), Some(r#"status is now "IN_PROGRESS""#));
    }

    #[test]
    fn no_row_updated_with_the_row_unchanged_is_permission_denied() {
        let pending = format!(r#"[{{"id":"{T}","status":"PENDING"}}]"#);
        let (_, r) = run(
            step(&mc(), "tasks", "start", &json!(T), None),
            &[
                &[(200, &pending, "")],
                &[(200, "[]", "")],
                &[(200, &pending, "")],
            ],
        );
        assert_eq!(code(&r), "permission_denied");
    }

    #[test]
    fn an_illegal_step_is_refused_after_the_read_and_nothing_is_written() {
        let done = format!(r#"[{{"id":"{T}","status":"COMPLETE"}}]"#);
        let (sent, r) = run(
            step(&mc(), "tasks", "start", &json!(T), None),
            &[&[(200, &done, "")]],
        );
        assert_eq!(sent.len(), 1);
        let e = r.unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidTransition);
        assert!(
            e.message.contains("COMPLETE → IN_PROGRESS"),
            "{}",
            e.message
        );
    }

    #[test]
    fn a_missing_row_is_not_found() {
        let (_, r) = run(
            step(&mc(), "tasks", "start", &json!(T), None),
            &[&[(200, "[]", "")]],
        );
        let e = r.unwrap_err();
        assert_eq!((e.code, e.status), (ErrorCode::NotFound, 404));
    }

    #[test]
    fn bad_input_is_refused_before_any_query() {
        for s in [
            step(&mc(), "tasks", "start", &json!("nope"), None),
            step(&mc(), "tasks", "block", &json!(T), Some("  ")),
            step(&mc(), "tasks", "fly", &json!(T), None),
            raise(&mc(), &json!({"from_agent_id": A, "trigger": "BORED"})),
            send_message(&mc(), &json!({"from_agent_id": A, "to_agent_id": A})),
            hire(&mc(), &json!({"company_id": CO, "tier": 1})),
        ] {
            assert_eq!(s.map(|_| ()).unwrap_err().code, ErrorCode::ValidationFailed);
        }
    }

    #[test]
    fn an_action_required_escalation_blocks_its_open_task() {
        let sender = format!(r#"[{{"id":"{A}","company_id":"{CO}","tier":3,"reports_to":"{B}"}}]"#);
        let task = format!(r#"[{{"id":"{T}","company_id":"{CO}","status":"PENDING"}}]"#);
        let esc = r#"{"id":"e","type":"ACTION_REQUIRED"}"#;
        let blocked = format!(r#"[{{"id":"{T}","status":"BLOCKED"}}]"#);
        let a = json!({"from_agent_id": A, "trigger": "SCOPE_EXCEEDED", "context": "c", "impact": "i",
                        "recommendation": "r", "related_task_id": T});
        let (sent, r) = run(
            raise(&mc(), &a),
            &[
                &[(200, &sender, "")],
                &[(200, &task, "")],
                &[(201, esc, "")],
                &[(200, &task, "")],
                &[(200, &blocked, "")],
            ],
        );
        assert_eq!(sent[0], format!("GET agents?select=*&id=eq.{A}"));
        assert_eq!(sent[1], format!("GET tasks?select=*&id=eq.{T}"));
        assert!(sent[2].starts_with("POST escalations?"), "{}", sent[2]);
        assert_eq!(
            sent[4],
            format!("PATCH tasks?status=eq.PENDING&id=eq.{T}&select=*")
        );
        assert_eq!(r.unwrap()["id"], "e");
    }

    #[test]
    fn a_material_risk_goes_to_the_ceo_and_another_company_s_task_is_refused() {
        let sender = format!(r#"[{{"id":"{A}","company_id":"{CO}","tier":3,"reports_to":"{B}"}}]"#);
        let company = format!(r#"[{{"id":"{CO}","ceo_id":"{CEO}"}}]"#);
        let foreign = format!(r#"[{{"id":"{T}","company_id":"{A}","status":"PENDING"}}]"#);
        let a = json!({"from_agent_id": A, "trigger": "MATERIAL_RISK", "context": "c", "impact": "i",
                        "recommendation": "r", "related_task_id": T});
        let (sent, r) = run(
            raise(&mc(), &a),
            &[
                &[(200, &sender, "")],
                &[(200, &company, "")],
                &[(200, &foreign, "")],
            ],
        );
        assert_eq!(sent[1], format!("GET companies?select=*&id=eq.{CO}"));
        let e = r.unwrap_err();
        assert_eq!(e.code, ErrorCode::ValidationFailed);
        assert!(e.message.contains("related_task_id"), "{}", e.message);
    }

    #[test]
    fn stamping_twice_answers_the_row_as_it_is() {
        let stamped = format!(r#"[{{"id":"{T}","read_at":"2026-01-01T00:00:00Z"}}]"#);
        let (sent, r) = run(
            stamp_once(&mc(), "messages", "read_at", &json!(T)),
            &[
                &[(200, "[]", "")],
                &[(200, &stamped, "")],
                &[(200, &stamped, "")],
            ],
        );
        assert_eq!(
            sent[0],
            format!("PATCH messages?read_at=is.null&id=eq.{T}&select=*")
        );
        assert_eq!(sent.len(), 3);
        assert_eq!(r.unwrap()["read_at"], "2026-01-01T00:00:00Z");
    }

    #[test]
    fn removing_a_referenced_agent_hints_at_deactivation() {
        let refused =
            r#"{"code":"P0001","message":"table is immutable","details":null,"hint":null}"#;
        let (sent, r) = run(remove_agent(&mc(), &json!(A)), &[&[(400, refused, "")]]);
        assert_eq!(sent, [format!("DELETE agents?id=eq.{A}&select=id")]);
        let e = r.unwrap_err();
        assert_eq!(e.code, ErrorCode::ImmutableRecord);
        assert!(e.hint.unwrap_or_default().contains("deactivate"));
    }

    #[test]
    fn resolving_an_action_required_escalation_unblocks_its_task() {
        let esc = format!(r#"[{{"id":"{A}","status":"PENDING"}}]"#);
        let resolved =
            format!(r#"[{{"id":"{A}","type":"ACTION_REQUIRED","related_task_id":"{T}"}}]"#);
        let blocked = format!(r#"[{{"id":"{T}","status":"BLOCKED"}}]"#);
        let running = format!(r#"[{{"id":"{T}","status":"IN_PROGRESS"}}]"#);
        let (sent, r) = run(
            resolve(&mc(), &json!(A), Some("done")),
            &[
                &[(200, &esc, "")],
                &[(200, &resolved, "")],
                &[(200, &blocked, "")],
                &[(200, &blocked, "")],
                &[(200, &running, "")],
            ],
        );
        assert_eq!(sent.len(), 5);
        assert_eq!(
            sent[4],
            format!("PATCH tasks?status=eq.BLOCKED&id=eq.{T}&select=*")
        );
        assert_eq!(r.unwrap()["id"], A);
    }

    #[test]
    fn superseding_checks_the_old_entry_s_company_and_links_it() {
        let old = format!(r#"[{{"id":"{A}","company_id":"{CO}"}}]"#);
        let e = json!({"company_id": CO, "type": "DECISION", "summary": "s"});
        let step = append_memory(&mc(), &e, Some(&json!(A)));
        let (sent, r) = run(step, &[&[(200, &old, "")], &[(201, r#"{"id":"n"}"#, "")]]);
        assert_eq!(sent[0], format!("GET memory_entries?select=*&id=eq.{A}"));
        assert!(sent[1].starts_with("POST memory_entries?"), "{}", sent[1]);
        assert_eq!(r.unwrap()["id"], "n");
    }
}
