//! Models against the real stack, in headless Chromium: every table's seeded row decodes into
//! its Row type; an Insert of every table, built from the models, is accepted and read back
//! equal; values reaching JS have the runtime shape supabase-js gives.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Promise, Reflect};
use mission_control_sdk::schema::*;
use mission_control_sdk::{Client, ClientOptions};
use serde::de::DeserializeOwned;
use serde::Serialize;
use uuid::Uuid;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

const DEMO_EMAIL: &str = "demo@mission-control.local";
const DEMO_PASSWORD: &str = "mission-control-demo";

async fn demo() -> Client {
    let c = Client::new(URL, KEY, ClientOptions::default());
    c.auth()
        .sign_in_with_password(DEMO_EMAIL, DEMO_PASSWORD)
        .await
        .expect("demo sign-in");
    c
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
async fn rows<T: DeserializeOwned>(c: &Client, table: &str) -> Vec<T> {
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
async fn a_seeded_row_of_every_table_decodes_into_its_row_type() {
    let c = demo().await;
    assert_eq!(
        rows::<CompanyRow>(&c, "companies").await[0].name,
        "Acme Robotics"
    );
    assert_eq!(rows::<SectorRow>(&c, "sectors").await.len(), 6);
    assert!(rows::<DepartmentRow>(&c, "departments")
        .await
        .iter()
        .all(|d| d.chief_id.is_some()));
    let agents = rows::<AgentRow>(&c, "agents").await;
    assert_eq!(agents.iter().filter(|a| a.tier == 1 && a.human).count(), 1);
    let tasks = rows::<TaskRow>(&c, "tasks").await;
    assert!(tasks
        .iter()
        .any(|t| t.status == TaskStatus::Blocked && t.blocked_reason.is_some()));
    assert!(rows::<EscalationRow>(&c, "escalations")
        .await
        .iter()
        .any(|e| e.trigger == EscalationTrigger::TaskBlocked));
    assert_eq!(
        rows::<PulseRow>(&c, "pulses").await[0].phase,
        PulsePhase::Complete
    );
    assert_eq!(
        rows::<MessageRow>(&c, "messages").await[0].priority,
        MessagePriority::Sync
    );
    assert_eq!(
        rows::<MemoryEntryRow>(&c, "memory_entries").await[0]
            .tags
            .as_deref(),
        Some(&["firmware".to_string(), "hardware".to_string()][..])
    );
    assert_eq!(
        rows::<ChatSessionRow>(&c, "chat_sessions").await[0].status,
        ChatSessionStatus::Active
    );
    assert_eq!(rows::<ChatMessageRow>(&c, "chat_messages").await.len(), 2);
}

/// Inserts `value`, reads the row back, and checks every field sent came back equal.
async fn round_trip<I: Serialize, R: DeserializeOwned + Serialize>(
    c: &Client,
    table: &str,
    value: &I,
) -> R {
    let sent = serde_json::to_value(value).unwrap();
    let res = c
        .from(table)
        .insert(sent.clone(), true)
        .select("*")
        .single()
        .execute()
        .await
        .unwrap_or_else(|e| panic!("{table}: {e:?}"));
    let row: R =
        serde_json::from_str(&res.text().unwrap()).unwrap_or_else(|e| panic!("{table} row: {e}"));
    let back = serde_json::to_value(&row).unwrap();
    for (k, v) in sent.as_object().unwrap() {
        assert_eq!(&back[k], v, "{table}.{k} read back differently");
    }
    row
}

fn ts(s: &str) -> chrono::DateTime<chrono::Utc> {
    s.parse().unwrap()
}

#[wasm_bindgen_test]
async fn an_insert_of_every_table_is_accepted_and_read_back_equal() {
    let c = fresh().await;
    let me: Uuid = c.auth().session().unwrap().user["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let company: CompanyRow = round_trip(
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
    let cid = company.id;
    let _: SectorRow = round_trip(
        &c,
        "sectors",
        &SectorInsert {
            company_id: cid,
            r#type: SectorType::Intelligence,
            id: None,
            health: Some(HealthStatus::Yellow),
            data: Some(serde_json::json!({"signals": [1, 2], "note": null})),
        },
    )
    .await;
    let dept: DepartmentRow = round_trip(
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
    let ceo: AgentRow = round_trip(
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
    .await;
    let task: TaskRow = round_trip(
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
    .await;
    let _: EscalationRow = round_trip(
        &c,
        "escalations",
        &EscalationInsert {
            company_id: cid,
            from_agent_id: ceo.id,
            to_agent_id: ceo.id,
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
            related_task_id: Some(task.id),
            related_project_id: None,
        },
    )
    .await;
    let _: PulseRow = round_trip(&c, "pulses", &PulseInsert {
        company_id: cid, agent_id: ceo.id, id: None, started_at: None, completed_at: None, phase: Some(PulsePhase::Decide),
        scanned_state: Some(serde_json::json!({"tasks": 3})),
        decisions: Some(serde_json::json!([{"action_type": "ESCALATION", "autonomy_check": "A3", "outcome": "ESCALATED"}])),
        actions: Some(serde_json::json!([])), status: Some(PulseStatus::Running), error: None,
    }).await;
    let _: MessageRow = round_trip(
        &c,
        "messages",
        &MessageInsert {
            company_id: cid,
            from_agent_id: ceo.id,
            to_agent_id: ceo.id,
            subject: "s".into(),
            body: "b".into(),
            r#type: MessageType::Coordination,
            id: None,
            priority: Some(MessagePriority::Async),
            sent_at: None,
            read_at: None,
            processed_at: None,
        },
    )
    .await;
    let _: MemoryEntryRow = round_trip(
        &c,
        "memory_entries",
        &MemoryEntryInsert {
            company_id: cid,
            r#type: MemoryEntryType::Knowledge,
            summary: "Learned a thing".into(),
            id: None,
            details: Some(serde_json::json!({"source": "test"})),
            agent_id: Some(ceo.id),
            department_id: Some(dept.id),
            related_ids: Some(vec![task.id]),
            created_at: None,
            importance: Some(MemoryImportance::Low),
            tags: Some(vec!["NULL".into(), "a b".into(), "".into()]),
        },
    )
    .await;
    let session: ChatSessionRow = round_trip(
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
    .await;
    let msg: ChatMessageRow = round_trip(
        &c,
        "chat_messages",
        &ChatMessageInsert {
            session_id: session.id,
            company_id: cid,
            role: ChatMessageRole::Agent,
            content: "Hello".into(),
            id: None,
            sent_at: None,
            tokens_used: Some(7),
        },
    )
    .await;
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

#[wasm_bindgen_test]
async fn values_reaching_js_have_supabase_js_runtime_shapes() {
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

    let q = call(&mc, "from", &["departments".into()]);
    call(&q, "select", &["id,type,key_metric,memory,chief_id".into()]);
    call(&q, "eq", &["type".into(), "TECHNOLOGY".into()]);
    call(&q, "single", &[]);
    let res = JsFuture::from(Promise::resolve(&q)).await.unwrap();
    let row = get(&res, "data");
    assert!(plain_object(&row), "a row is a plain object");
    assert!(
        plain_object(&get(&row, "key_metric")),
        "jsonb is a plain object, not a Map"
    );
    assert_eq!(get(&row, "key_metric.value").as_f64(), Some(12.0));
    assert!(
        get(&res, "count").is_null(),
        "count is null when not asked for"
    );

    let q = call(&mc, "from", &["companies".into()]);
    call(&q, "select", &["mission,vision,ceo_id,values".into()]);
    call(&q, "limit", &[1.into()]);
    let res = JsFuture::from(Promise::resolve(&q)).await.unwrap();
    let rows = get(&res, "data");
    assert!(Array::is_array(&rows));
    let row = Array::from(&rows).get(0);
    assert!(
        has(&row, "vision") && get(&row, "vision").is_string(),
        "a set text column is a string"
    );
    assert!(Array::is_array(&get(&row, "values")), "text[] is an array");
    assert_eq!(
        Object::keys(&row.clone().into()).length(),
        4,
        "exactly the selected keys"
    );

    // Null stays null (never undefined), and the key is present.
    let q = call(&mc, "from", &["tasks".into()]);
    call(&q, "select", &["completed_at,description".into()]);
    call(&q, "eq", &["status".into(), "PENDING".into()]);
    call(&q, "limit", &[1.into()]);
    call(&q, "maybeSingle", &[]);
    let res = JsFuture::from(Promise::resolve(&q)).await.unwrap();
    let row = get(&res, "data");
    assert!(has(&row, "completed_at") && get(&row, "completed_at").is_null());

    // Violations are plain objects with a JSON value (null for a missing field, not undefined).
    let bad = js_sys::JSON::parse(r#"{"name":""}"#).unwrap();
    let q = call(&mc, "from", &["agents".into()]);
    let res = JsFuture::from(Promise::resolve(&call(&q, "insert", &[bad])))
        .await
        .unwrap();
    let first = Array::from(&get(&res, "error.violations")).get(0);
    assert!(plain_object(&first), "a violation is a plain object");
    assert_eq!(get(&first, "table").as_string().as_deref(), Some("agents"));
    assert_eq!(
        get(&first, "field").as_string().as_deref(),
        Some("company_id")
    );
    assert!(has(&first, "value") && get(&first, "value").is_null());
}

#[wasm_bindgen_test]
fn the_validate_export_checks_plain_objects() {
    let mc = client(URL, KEY, JsValue::UNDEFINED);
    let ok = js_sys::JSON::parse(r#"{"company_id":"10000000-0000-4000-8000-000000000001","name":"Ada","role":"CTO","tier":2}"#).unwrap();
    assert_eq!(
        call(&mc, "validate", &["agents".into(), "insert".into(), ok]).as_bool(),
        Some(true)
    );
    let bad = js_sys::JSON::parse(r#"{"tier":2,"nmae":"typo"}"#).unwrap();
    let err = try_call(&mc, "validate", &["agents".into(), "update".into(), bad]).unwrap_err();
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("validation_failed")
    );
    let v = Array::from(&get(&err, "violations")).get(0);
    assert_eq!(get(&v, "field").as_string().as_deref(), Some("nmae"));
    assert_eq!(
        get(&v, "rule").as_string().as_deref(),
        Some("unknown column")
    );
}
