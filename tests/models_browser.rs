//! Models against the real stack, in headless Chromium: every table's seeded row decodes into
//! its Row type; an Insert of every table, built from the models, is accepted and read back
//! equal; values reaching JS have the runtime shape supabase-js gives. One test per check; the
//! sign-ins and the rows others depend on are made once per page (`cached`).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Promise, Reflect};
use mission_control_sdk::schema::*;
use mission_control_sdk::{Client, ClientOptions, ErrorCode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::rc::Rc;
use uuid::Uuid;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

const DEMO_EMAIL: &str = "demo@mission-control.local";
const DEMO_PASSWORD: &str = "mission-control-demo";

thread_local! {
    static DEMO: Slot<Client> = Slot::default();
    static WORLD: Slot<World> = Slot::default();
    static JS_DEMO: Slot<JsValue> = Slot::default();
}

/// The demo owner, signed in once per page.
async fn demo() -> Rc<Client> {
    cached(&DEMO, || async {
        let c = Client::new(URL, KEY, ClientOptions::default());
        c.auth()
            .sign_in_with_password(DEMO_EMAIL, DEMO_PASSWORD)
            .await
            .expect("demo sign-in");
        c
    })
    .await
}

/// A new user of its own (kept in memory), so that rows written by a test never land in the
/// demo owner's company.
async fn fresh() -> Client {
    let mut o = ClientOptions::default();
    o.auth.persist_session = false;
    o.auth.storage = mission_control_sdk::auth::Storage::Memory(Default::default());
    let c = Client::new(URL, KEY, o);
    let email = format!(
        "roundtrip-{}-{}@example.com",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 1e9) as u64
    );
    c.auth()
        .sign_up(&email, "correct-horse-9", None)
        .await
        .expect("sign-up");
    c
}

const SEEDED_COMPANY: &str = "10000000-0000-4000-8000-000000000001";

/// The rows of `table` that belong to the seeded company (other tests add companies).
async fn rows<T: DeserializeOwned>(table: &str) -> Vec<T> {
    let c = demo().await;
    let column = if table == "companies" {
        "id"
    } else {
        "company_id"
    };
    let res = c
        .from(table)
        .select("*")
        .eq(column, SEEDED_COMPANY)
        .execute()
        .await
        .unwrap_or_else(|e| panic!("{table}: {e}"));
    serde_json::from_str(&res.text().unwrap())
        .unwrap_or_else(|e| panic!("{table} does not decode: {e}"))
}

#[wasm_bindgen_test]
async fn seeded_company_decodes_into_company_row() {
    assert_eq!(
        rows::<CompanyRow>("companies").await[0].name,
        "Acme Robotics"
    );
}

#[wasm_bindgen_test]
async fn seeded_sectors_decode_into_sector_rows() {
    assert_eq!(rows::<SectorRow>("sectors").await.len(), 6);
}

#[wasm_bindgen_test]
async fn seeded_departments_decode_with_their_chiefs() {
    assert!(rows::<DepartmentRow>("departments")
        .await
        .iter()
        .all(|d| d.chief_id.is_some()));
}

#[wasm_bindgen_test]
async fn seeded_agents_decode_with_one_human_ceo() {
    let agents = rows::<AgentRow>("agents").await;
    assert_eq!(agents.iter().filter(|a| a.tier == 1 && a.human).count(), 1);
}

#[wasm_bindgen_test]
async fn seeded_tasks_decode_with_a_blocked_task_and_its_reason() {
    let tasks = rows::<TaskRow>("tasks").await;
    assert!(tasks
        .iter()
        .any(|t| t.status == TaskStatus::Blocked && t.blocked_reason.is_some()));
}

#[wasm_bindgen_test]
async fn seeded_escalations_decode_with_a_task_blocked_trigger() {
    assert!(rows::<EscalationRow>("escalations")
        .await
        .iter()
        .any(|e| e.trigger == EscalationTrigger::TaskBlocked));
}

#[wasm_bindgen_test]
async fn seeded_pulse_decodes_into_pulse_row() {
    assert_eq!(
        rows::<PulseRow>("pulses").await[0].phase,
        PulsePhase::Complete
    );
}

#[wasm_bindgen_test]
async fn seeded_message_decodes_into_message_row() {
    assert_eq!(
        rows::<MessageRow>("messages").await[0].priority,
        MessagePriority::Sync
    );
}

#[wasm_bindgen_test]
async fn seeded_memory_entry_decodes_with_its_tags() {
    assert_eq!(
        rows::<MemoryEntryRow>("memory_entries").await[0]
            .tags
            .as_deref(),
        Some(&["firmware".to_string(), "hardware".to_string()][..])
    );
}

#[wasm_bindgen_test]
async fn seeded_chat_session_decodes_into_chat_session_row() {
    assert_eq!(
        rows::<ChatSessionRow>("chat_sessions").await[0].status,
        ChatSessionStatus::Active
    );
}

#[wasm_bindgen_test]
async fn seeded_chat_messages_decode_into_chat_message_rows() {
    assert_eq!(rows::<ChatMessageRow>("chat_messages").await.len(), 2);
}

/// Inserts `value`, reads the row back, and checks every field sent came back equal; `Err` names
/// the table and the first field that differs (or what failed).
async fn round_trip<I: Serialize, R: DeserializeOwned + Serialize>(
    c: &Client,
    table: &str,
    value: &I,
) -> Result<R, String> {
    let sent = serde_json::to_value(value).unwrap();
    let res = c
        .from(table)
        .insert(sent.clone(), true)
        .select("*")
        .single()
        .execute()
        .await
        .map_err(|e| format!("{table}: {e:?}"))?;
    let row: R =
        serde_json::from_str(&res.text().unwrap()).map_err(|e| format!("{table} row: {e}"))?;
    let back = serde_json::to_value(&row).unwrap();
    for (k, v) in sent.as_object().unwrap() {
        if &back[k] != v {
            return Err(format!(
                "{table}.{k} read back differently: sent {v}, read {}",
                back[k]
            ));
        }
    }
    Ok(row)
}

fn ts(s: &str) -> chrono::DateTime<chrono::Utc> {
    s.parse().unwrap()
}

/// A fresh user's company with the rows other inserts refer to, each inserted by `round_trip`
/// (its own test checks it read back equal); the other tables are inserted by their tests.
struct World {
    c: Client,
    me: Uuid,
    company: Result<CompanyRow, String>,
    dept: Result<DepartmentRow, String>,
    ceo: Result<AgentRow, String>,
    task: Result<TaskRow, String>,
    session: Result<ChatSessionRow, String>,
}

/// The row a test needs from the world, or a failure naming the insert it depends on.
fn needs<'a, T>(r: &'a Result<T, String>, what: &str) -> &'a T {
    r.as_ref()
        .unwrap_or_else(|e| panic!("needs {what}, whose insert failed: {e}"))
}

async fn world() -> Rc<World> {
    cached(&WORLD, || async {
        let c = fresh().await;
        let me: Uuid = c
            .auth()
            .session()
            .unwrap()
            .user
            .id()
            .unwrap()
            .parse()
            .unwrap();
        let company: Result<CompanyRow, String> = round_trip(
            &c,
            "companies",
            &CompanyInsert {
                name: "Round Trip Ltd".into(),
                owner_user_id: me,
                id: None,
                status: Some(CompanyStatus::Onboarding),
                created_at: Some(ts("2026-01-02T03:04:05Z")),
                mission: Some("Test everything".into()),
                vision: None,
                values: Some(vec!["a".into(), "b,c".into(), "d".into()]),
                strategic_priorities: Some(vec![]),
                pulse_interval_minutes: Some(30),
                default_autonomy: Some(AutonomyLevel::A1),
                spending_authority_usd: Some(1234.56),
                ceo_id: None,
            },
        )
        .await;
        let Ok(cid) = company.as_ref().map(|c| c.id) else {
            let e = "no company".to_string();
            return World {
                c,
                me,
                company,
                dept: Err(e.clone()),
                ceo: Err(e.clone()),
                task: Err(e.clone()),
                session: Err(e),
            };
        };
        let dept: Result<DepartmentRow, String> = round_trip(
            &c,
            "departments",
            &DepartmentInsert {
                company_id: cid,
                r#type: DepartmentType::People,
                id: None,
                health: None,
                key_metric: Some(serde_json::json!({"name": "hires"})),
                chief_id: None,
                memory: None,
            },
        )
        .await;
        let ceo: Result<AgentRow, String> = match &dept {
            Err(_) => Err("no department".into()),
            Ok(dept) => {
                round_trip(
                    &c,
                    "agents",
                    &AgentInsert {
                        company_id: cid,
                        name: "Rita".into(),
                        role: "CEO".into(),
                        tier: 1,
                        id: None,
                        human: Some(true),
                        department_id: Some(dept.id),
                        reports_to: None,
                        autonomy_level: Some(AutonomyLevel::A3),
                        mandate: Some("Lead".into()),
                        status: Some(AgentStatus::Active),
                        last_pulse: Some(ts("2026-03-04T05:06:07.123456Z")),
                        created_at: None,
                    },
                )
                .await
            }
        };
        let task: Result<TaskRow, String> = match (&dept, &ceo) {
            (Ok(dept), Ok(ceo)) => {
                round_trip(
                    &c,
                    "tasks",
                    &TaskInsert {
                        company_id: cid,
                        assignee_id: ceo.id,
                        assigned_by: ceo.id,
                        title: "Quote \"this\", (and) that".into(),
                        id: None,
                        department_id: Some(dept.id),
                        project_id: Some(Uuid::nil()),
                        description: Some("d".into()),
                        parameters: Some(serde_json::json!({"k": "v"})),
                        status: Some(TaskStatus::Blocked),
                        priority: Some(TaskPriority::Urgent),
                        created_at: None,
                        started_at: Some(ts("2026-01-01T00:00:00Z")),
                        completed_at: None,
                        blocked_reason: Some("waiting".into()),
                        parent_task_id: None,
                    },
                )
                .await
            }
            _ => Err("no department or CEO".into()),
        };
        let session: Result<ChatSessionRow, String> = match &ceo {
            Ok(ceo) => {
                round_trip(
                    &c,
                    "chat_sessions",
                    &ChatSessionInsert {
                        company_id: cid,
                        user_id: me,
                        agent_id: ceo.id,
                        id: None,
                        status: None,
                        created_at: None,
                        closed_at: None,
                    },
                )
                .await
            }
            Err(_) => Err("no CEO".into()),
        };
        World {
            c,
            me,
            company,
            dept,
            ceo,
            task,
            session,
        }
    })
    .await
}

#[wasm_bindgen_test]
async fn companies_insert_reads_back_equal() {
    let w = world().await;
    assert_eq!(needs(&w.company, "the company").owner_user_id, w.me);
}

#[wasm_bindgen_test]
async fn departments_insert_reads_back_equal() {
    needs(&world().await.dept, "the department");
}

#[wasm_bindgen_test]
async fn agents_insert_reads_back_equal() {
    needs(&world().await.ceo, "the CEO");
}

#[wasm_bindgen_test]
async fn tasks_insert_reads_back_equal() {
    needs(&world().await.task, "the task");
}

#[wasm_bindgen_test]
async fn chat_sessions_insert_reads_back_equal() {
    needs(&world().await.session, "the chat session");
}

#[wasm_bindgen_test]
async fn sectors_insert_reads_back_equal() {
    let w = world().await;
    let cid = needs(&w.company, "the company").id;
    let sector = SectorInsert {
        company_id: cid,
        r#type: SectorType::Intelligence,
        id: None,
        health: Some(HealthStatus::Yellow),
        data: Some(serde_json::json!({"signals": [1, 2], "note": null})),
    };
    round_trip::<_, SectorRow>(&w.c, "sectors", &sector)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
}

#[wasm_bindgen_test]
async fn escalations_insert_reads_back_equal() {
    let w = world().await;
    let cid = needs(&w.company, "the company").id;
    let ceo = needs(&w.ceo, "the CEO").id;
    let task = needs(&w.task, "the task").id;
    let escalation = EscalationInsert {
        company_id: cid,
        from_agent_id: ceo,
        to_agent_id: ceo,
        r#type: EscalationType::ActionRequired,
        trigger: EscalationTrigger::BudgetRequest,
        context: "c".into(),
        impact: "i".into(),
        recommendation: "r".into(),
        id: None,
        status: Some(EscalationStatus::Acknowledged),
        created_at: None,
        acknowledged_at: Some(ts("2026-02-02T02:02:02Z")),
        resolved_at: None,
        resolution: None,
        related_task_id: Some(task),
        related_project_id: None,
    };
    round_trip::<_, EscalationRow>(&w.c, "escalations", &escalation)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
}

#[wasm_bindgen_test]
async fn pulses_are_read_only_and_read_back_typed() {
    let w = world().await;
    let cid = needs(&w.company, "the company").id;
    let ceo = needs(&w.ceo, "the CEO").id;
    let pulse = PulseInsert {
        company_id: cid,
        agent_id: ceo,
        id: None,
        started_at: None,
        completed_at: None,
        phase: Some(PulsePhase::Decide),
        scanned_state: Some(serde_json::json!({"tasks": 3})),
        decisions: Some(
            serde_json::json!([{"action_type": "ESCALATION", "autonomy_check": "A3", "outcome": "ESCALATED"}]),
        ),
        actions: Some(serde_json::json!([])),
        status: Some(PulseStatus::Running),
        error: None,
    };
    // The SDK refuses to write one (the backend runs pulses) ...
    let refused =
        w.c.from("pulses")
            .insert(serde_json::to_value(&pulse).unwrap(), true)
            .execute()
            .await;
    assert_eq!(
        refused.err().map(|e| e.code),
        Some(ErrorCode::ImmutableRecord)
    );
    // ... and reads back, typed, the one the backend (the stack's test function) records.
    let recorded =
        w.c.schema("mc_test")
            .rpc(
                "record_pulse",
                serde_json::json!({
                    "company_id": cid, "agent_id": ceo, "phase": "DECIDE",
                    "scanned_state": pulse.scanned_state, "decisions": pulse.decisions,
                }),
                mission_control_sdk::http::Method::Post,
                None,
            )
            .single()
            .execute()
            .await
            .unwrap_or_else(|e| panic!("record_pulse: {e:?}"));
    let recorded: serde_json::Value = serde_json::from_str(&recorded.text().unwrap()).unwrap();
    let id = recorded["id"].as_str().unwrap().to_string();
    let read =
        w.c.from("pulses")
            .select("*")
            .eq("id", id)
            .single()
            .execute()
            .await
            .unwrap_or_else(|e| panic!("read the pulse: {e:?}"));
    let row: PulseRow = serde_json::from_str(&read.text().unwrap()).unwrap();
    assert_eq!(
        (
            row.company_id,
            row.agent_id,
            row.phase,
            row.status,
            row.scanned_state,
            row.decisions,
            row.actions
        ),
        (
            cid,
            ceo,
            PulsePhase::Decide,
            PulseStatus::Running,
            pulse.scanned_state,
            pulse.decisions,
            pulse.actions
        )
    );
}

#[wasm_bindgen_test]
async fn messages_insert_reads_back_equal() {
    let w = world().await;
    let cid = needs(&w.company, "the company").id;
    let ceo = needs(&w.ceo, "the CEO").id;
    // A message goes to another agent (rules § Message: from ≠ to).
    let cto = round_trip::<_, AgentRow>(
        &w.c,
        "agents",
        &AgentInsert {
            company_id: cid,
            name: "Cato".into(),
            role: "CTO".into(),
            tier: 2,
            id: None,
            human: None,
            department_id: None,
            reports_to: Some(ceo),
            autonomy_level: None,
            mandate: None,
            status: None,
            last_pulse: None,
            created_at: None,
        },
    )
    .await
    .unwrap_or_else(|e| panic!("the message's recipient: {e}"))
    .id;
    let message = MessageInsert {
        company_id: cid,
        from_agent_id: ceo,
        to_agent_id: cto,
        subject: "s".into(),
        body: "b".into(),
        r#type: MessageType::Coordination,
        id: None,
        priority: Some(MessagePriority::Async),
        sent_at: None,
        read_at: None,
        processed_at: None,
    };
    round_trip::<_, MessageRow>(&w.c, "messages", &message)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
}

#[wasm_bindgen_test]
async fn memory_entries_insert_reads_back_equal() {
    let w = world().await;
    let cid = needs(&w.company, "the company").id;
    let ceo = needs(&w.ceo, "the CEO").id;
    let dept = needs(&w.dept, "the department").id;
    let task = needs(&w.task, "the task").id;
    let entry = MemoryEntryInsert {
        company_id: cid,
        r#type: MemoryEntryType::Knowledge,
        summary: "Learned a thing".into(),
        id: None,
        details: Some(serde_json::json!({"source": "test"})),
        agent_id: Some(ceo),
        department_id: Some(dept),
        related_ids: Some(vec![task]),
        created_at: None,
        importance: Some(MemoryImportance::Low),
        tags: Some(vec!["NULL".into(), "a b".into(), "".into()]),
    };
    round_trip::<_, MemoryEntryRow>(&w.c, "memory_entries", &entry)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
}

#[wasm_bindgen_test]
async fn chat_messages_insert_reads_back_equal() {
    let w = world().await;
    let cid = needs(&w.company, "the company").id;
    let session = needs(&w.session, "the chat session").id;
    let message = ChatMessageInsert {
        session_id: session,
        company_id: cid,
        role: ChatMessageRole::Agent,
        content: "Hello".into(),
        id: None,
        sent_at: None,
        tokens_used: Some(7),
    };
    let msg: ChatMessageRow = round_trip(&w.c, "chat_messages", &message)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(msg.tokens_used, Some(7));
}

fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(v.clone(), |acc, k| {
        Reflect::get(&acc, &k.into()).unwrap_or(JsValue::UNDEFINED)
    })
}

fn has(v: &JsValue, key: &str) -> bool {
    Reflect::has(v, &key.into()).unwrap_or(false)
}

/// An object whose prototype is `Object.prototype` (not a Map, not a class instance).
fn plain_object(v: &JsValue) -> bool {
    v.is_object() && Object::get_prototype_of(v) == Object::get_prototype_of(&Object::new().into())
}

/// The JS façade's client, signed in as the demo owner once per page.
async fn js_demo() -> Rc<JsValue> {
    cached(&JS_DEMO, || async {
        let mc = client(URL, KEY, JsValue::UNDEFINED);
        let creds = js_sys::JSON::parse(&format!(
            r#"{{"email":"{DEMO_EMAIL}","password":"{DEMO_PASSWORD}"}}"#
        ))
        .unwrap();
        JsFuture::from(Promise::from(call(
            &get(&mc, "auth"),
            "signInWithPassword",
            &[creds],
        )))
        .await
        .unwrap();
        mc
    })
    .await
}

/// `mc.from(table)`, then each `(method, args)` in turn, awaited.
async fn js_query(table: &str, steps: &[(&str, Vec<JsValue>)]) -> JsValue {
    let mc = js_demo().await;
    let q = call(&mc, "from", &[table.into()]);
    let mut last = q.clone();
    for (method, args) in steps {
        last = call(&q, method, args);
    }
    JsFuture::from(Promise::resolve(&last)).await.unwrap()
}

/// The TECHNOLOGY department, `.single()`.
async fn department() -> JsValue {
    js_query(
        "departments",
        &[
            ("select", vec!["id,type,key_metric,memory,chief_id".into()]),
            ("eq", vec!["type".into(), "TECHNOLOGY".into()]),
            ("single", vec![]),
        ],
    )
    .await
}

/// One company's mission, vision, ceo_id and values.
async fn companies() -> JsValue {
    js_query(
        "companies",
        &[
            ("select", vec!["mission,vision,ceo_id,values".into()]),
            ("limit", vec![1.into()]),
        ],
    )
    .await
}

/// The first violation of an agent insert without a company.
async fn first_violation() -> JsValue {
    let bad = js_sys::JSON::parse(r#"{"name":""}"#).unwrap();
    let res = js_query("agents", &[("insert", vec![bad])]).await;
    Array::from(&get(&res, "error.violations")).get(0)
}

#[wasm_bindgen_test]
async fn js_a_row_is_a_plain_object() {
    let row = get(&department().await, "data");
    assert!(plain_object(&row), "a row is a plain object");
}

#[wasm_bindgen_test]
async fn js_jsonb_is_a_plain_object_not_a_map() {
    let row = get(&department().await, "data");
    assert!(
        plain_object(&get(&row, "key_metric")),
        "jsonb is a plain object, not a Map"
    );
}

#[wasm_bindgen_test]
async fn js_jsonb_number_is_a_number() {
    let row = get(&department().await, "data");
    assert_eq!(get(&row, "key_metric.value").as_f64(), Some(12.0));
}

#[wasm_bindgen_test]
async fn js_count_is_null_when_not_asked_for() {
    assert!(
        get(&department().await, "count").is_null(),
        "count is null when not asked for"
    );
}

#[wasm_bindgen_test]
async fn js_rows_are_an_array() {
    assert!(Array::is_array(&get(&companies().await, "data")));
}

#[wasm_bindgen_test]
async fn js_a_set_text_column_is_a_string() {
    let row = Array::from(&get(&companies().await, "data")).get(0);
    assert!(
        has(&row, "vision") && get(&row, "vision").is_string(),
        "a set text column is a string"
    );
}

#[wasm_bindgen_test]
async fn js_text_array_is_an_array() {
    let row = Array::from(&get(&companies().await, "data")).get(0);
    assert!(Array::is_array(&get(&row, "values")), "text[] is an array");
}

#[wasm_bindgen_test]
async fn js_a_row_has_exactly_the_selected_keys() {
    let row = Array::from(&get(&companies().await, "data")).get(0);
    assert_eq!(
        Object::keys(&row.clone().into()).length(),
        4,
        "exactly the selected keys"
    );
}

/// Null stays null (never undefined), and the key is present.
#[wasm_bindgen_test]
async fn js_null_column_is_null_with_its_key_present() {
    let res = js_query(
        "tasks",
        &[
            ("select", vec!["completed_at,description".into()]),
            ("eq", vec!["status".into(), "PENDING".into()]),
            ("limit", vec![1.into()]),
            ("maybeSingle", vec![]),
        ],
    )
    .await;
    let row = get(&res, "data");
    assert!(has(&row, "completed_at") && get(&row, "completed_at").is_null());
}

// Violations are plain objects with a JSON value (null for a missing field, not undefined).

#[wasm_bindgen_test]
async fn js_a_violation_is_a_plain_object() {
    assert!(
        plain_object(&first_violation().await),
        "a violation is a plain object"
    );
}

#[wasm_bindgen_test]
async fn js_a_violation_names_its_table() {
    let first = first_violation().await;
    assert_eq!(get(&first, "table").as_string().as_deref(), Some("agents"));
}

#[wasm_bindgen_test]
async fn js_a_violation_names_the_missing_field() {
    let first = first_violation().await;
    assert_eq!(
        get(&first, "field").as_string().as_deref(),
        Some("company_id")
    );
}

#[wasm_bindgen_test]
async fn js_the_value_of_a_missing_field_is_null() {
    let first = first_violation().await;
    assert!(has(&first, "value") && get(&first, "value").is_null());
}

/// `mc.validate("agents", "update", { tier: 2, nmae: "typo" })`: what it throws.
fn validate_typo() -> JsValue {
    let mc = client(URL, KEY, JsValue::UNDEFINED);
    let bad = js_sys::JSON::parse(r#"{"tier":2,"nmae":"typo"}"#).unwrap();
    try_call(&mc, "validate", &["agents".into(), "update".into(), bad]).unwrap_err()
}

#[wasm_bindgen_test]
fn validate_accepts_a_valid_insert() {
    let mc = client(URL, KEY, JsValue::UNDEFINED);
    let ok = js_sys::JSON::parse(r#"{"company_id":"10000000-0000-4000-8000-000000000001","name":"Ada","role":"CTO","tier":2}"#).unwrap();
    assert_eq!(
        call(&mc, "validate", &["agents".into(), "insert".into(), ok]).as_bool(),
        Some(true)
    );
}

#[wasm_bindgen_test]
fn validate_throws_an_error() {
    assert!(validate_typo().is_instance_of::<js_sys::Error>());
}

#[wasm_bindgen_test]
fn validate_error_is_validation_failed() {
    assert_eq!(
        get(&validate_typo(), "code").as_string().as_deref(),
        Some("validation_failed")
    );
}

#[wasm_bindgen_test]
fn validate_names_the_misspelled_field() {
    let v = Array::from(&get(&validate_typo(), "violations")).get(0);
    assert_eq!(get(&v, "field").as_string().as_deref(), Some("nmae"));
}

#[wasm_bindgen_test]
fn validate_rule_is_unknown_column() {
    let v = Array::from(&get(&validate_typo(), "violations")).get(0);
    assert_eq!(
        get(&v, "rule").as_string().as_deref(),
        Some("unknown column")
    );
}
