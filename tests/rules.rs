//! The rules' own tests (issue 25, part 1): every expectation here is written by hand from
//! `docs/contract/domain-rules.md` (cited as "rules §…") and `docs/contract/schema-reference.md`
//! (cited as "schema §…"), never read from the SDK's tables (`TRANSITIONS`, the catalogue, the
//! validation rules). The SDK is exercised only through its public API:
//!
//! * state machines — the decision function (`domain::transition(table, action)` with its
//!   `check_input` and `patch`) for every (state, action) pair, then the same table again through
//!   the public workflows (`Client::workflows().run`, by the method table) against a small in-process fake PostgREST,
//!   which shows what is written, and that a refused step writes nothing;
//! * validation — `schema::validate(table, mode, value)`, asserting the exact violation
//!   (table, field, a part of the rule).
//!
//! A test marked `#[ignore = "…"]` states a rule the implementation does not follow (a finding).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

use mission_control_sdk::domain::{activation_gaps, escalation_type, transition};
use mission_control_sdk::http::{RetryPolicy, Transport};
use mission_control_sdk::schema::{self, validate, ColumnType, Mode, Presence};
use mission_control_sdk::surface::ByName;
use mission_control_sdk::{Client, ClientOptions, Error, ErrorCode};
use serde_json::{json, Map, Value};

// ---------------------------------------------------------------------------------------------
// The schema, written out by hand from schema-reference.md ("Table Schemas", "Enum Types") and
// domain-rules.md ("Exact column facts").
// ---------------------------------------------------------------------------------------------

/// How a column is filled (schema § tables, Default/Notes; rules § Exact column facts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum P {
    /// Default "—", "Required": NOT NULL without default.
    Req,
    /// NOT NULL with a default.
    Def,
    /// Default NULL.
    Null,
    /// Nullable with a default (rules § Exact column facts, second list).
    NullDef,
}

type Cols = &'static [(&'static str, &'static str, P)];

/// Every table and column: (name, type, presence). Types are the schema's: `uuid`, `text`,
/// `timestamptz`, `smallint`, `integer`, `numeric(12,2)`, `boolean`, `jsonb`, `text[]`,
/// `uuid[]`, or an enum's name.
const SCHEMA: &[(&str, Cols)] = &[
    (
        "companies",
        &[
            ("id", "uuid", P::Def),
            ("name", "text", P::Req),
            ("status", "company_status", P::Def),
            ("created_at", "timestamptz", P::Def),
            ("mission", "text", P::Null),
            ("vision", "text", P::Null),
            ("values", "text[]", P::NullDef),
            ("strategic_priorities", "text[]", P::NullDef),
            ("pulse_interval_minutes", "integer", P::Def),
            ("default_autonomy", "autonomy_level", P::Def),
            ("spending_authority_usd", "numeric(12,2)", P::Def),
            ("owner_user_id", "uuid", P::Req),
            ("ceo_id", "uuid", P::Null),
        ],
    ),
    (
        "sectors",
        &[
            ("id", "uuid", P::Def),
            ("company_id", "uuid", P::Req),
            ("type", "sector_type", P::Req),
            ("health", "health_status", P::Def),
            ("data", "jsonb", P::Def),
        ],
    ),
    (
        "departments",
        &[
            ("id", "uuid", P::Def),
            ("company_id", "uuid", P::Req),
            ("type", "department_type", P::Req),
            ("health", "health_status", P::Def),
            ("key_metric", "jsonb", P::NullDef),
            ("chief_id", "uuid", P::Null),
            ("memory", "jsonb", P::NullDef),
        ],
    ),
    (
        "agents",
        &[
            ("id", "uuid", P::Def),
            ("company_id", "uuid", P::Req),
            ("name", "text", P::Req),
            ("role", "text", P::Req),
            ("tier", "smallint", P::Req),
            ("human", "boolean", P::Def),
            ("department_id", "uuid", P::Null),
            ("reports_to", "uuid", P::Null),
            ("autonomy_level", "autonomy_level", P::Def),
            ("mandate", "text", P::Null),
            ("status", "agent_status", P::Def),
            ("last_pulse", "timestamptz", P::Null),
            ("created_at", "timestamptz", P::Def),
        ],
    ),
    (
        "tasks",
        &[
            ("id", "uuid", P::Def),
            ("company_id", "uuid", P::Req),
            ("assignee_id", "uuid", P::Req),
            ("assigned_by", "uuid", P::Req),
            ("department_id", "uuid", P::Null),
            ("project_id", "uuid", P::Null),
            ("title", "text", P::Req),
            ("description", "text", P::Null),
            ("parameters", "jsonb", P::NullDef),
            ("status", "task_status", P::Def),
            ("priority", "task_priority", P::Def),
            ("created_at", "timestamptz", P::Def),
            ("started_at", "timestamptz", P::Null),
            ("completed_at", "timestamptz", P::Null),
            ("blocked_reason", "text", P::Null),
            ("parent_task_id", "uuid", P::Null),
        ],
    ),
    (
        "escalations",
        &[
            ("id", "uuid", P::Def),
            ("company_id", "uuid", P::Req),
            ("from_agent_id", "uuid", P::Req),
            ("to_agent_id", "uuid", P::Req),
            ("type", "escalation_type", P::Req),
            ("trigger", "escalation_trigger", P::Req),
            ("context", "text", P::Req),
            ("impact", "text", P::Req),
            ("recommendation", "text", P::Req),
            ("status", "escalation_status", P::Def),
            ("created_at", "timestamptz", P::Def),
            ("acknowledged_at", "timestamptz", P::Null),
            ("resolved_at", "timestamptz", P::Null),
            ("resolution", "text", P::Null),
            ("related_task_id", "uuid", P::Null),
            ("related_project_id", "uuid", P::Null),
        ],
    ),
    (
        "pulses",
        &[
            ("id", "uuid", P::Def),
            ("company_id", "uuid", P::Req),
            ("agent_id", "uuid", P::Req),
            ("started_at", "timestamptz", P::Def),
            ("completed_at", "timestamptz", P::Null),
            ("phase", "pulse_phase", P::Def),
            ("scanned_state", "jsonb", P::NullDef),
            ("decisions", "jsonb", P::NullDef),
            ("actions", "jsonb", P::NullDef),
            ("status", "pulse_status", P::Def),
            ("error", "text", P::Null),
        ],
    ),
    (
        "messages",
        &[
            ("id", "uuid", P::Def),
            ("company_id", "uuid", P::Req),
            ("from_agent_id", "uuid", P::Req),
            ("to_agent_id", "uuid", P::Req),
            ("subject", "text", P::Req),
            ("body", "text", P::Req),
            ("priority", "message_priority", P::Def),
            ("type", "message_type", P::Req),
            ("sent_at", "timestamptz", P::Def),
            ("read_at", "timestamptz", P::Null),
            ("processed_at", "timestamptz", P::Null),
        ],
    ),
    (
        "memory_entries",
        &[
            ("id", "uuid", P::Def),
            ("company_id", "uuid", P::Req),
            ("type", "memory_entry_type", P::Req),
            ("summary", "text", P::Req),
            ("details", "jsonb", P::NullDef),
            ("agent_id", "uuid", P::Null),
            ("department_id", "uuid", P::Null),
            ("related_ids", "uuid[]", P::NullDef),
            ("created_at", "timestamptz", P::Def),
            ("importance", "memory_importance", P::Def),
            ("tags", "text[]", P::NullDef),
        ],
    ),
    (
        "chat_sessions",
        &[
            ("id", "uuid", P::Def),
            ("company_id", "uuid", P::Req),
            ("user_id", "uuid", P::Req),
            ("agent_id", "uuid", P::Req),
            ("status", "chat_session_status", P::Def),
            ("created_at", "timestamptz", P::Def),
            ("closed_at", "timestamptz", P::Null),
        ],
    ),
    (
        "chat_messages",
        &[
            ("id", "uuid", P::Def),
            ("session_id", "uuid", P::Req),
            ("company_id", "uuid", P::Req),
            ("role", "chat_message_role", P::Req),
            ("content", "text", P::Req),
            ("sent_at", "timestamptz", P::Def),
            ("tokens_used", "integer", P::Null),
        ],
    ),
];

/// Every enum and its values, in the schema's order (schema § Enum Types).
const ENUMS: &[(&str, &[&str])] = &[
    ("company_status", &["ONBOARDING", "ACTIVE", "SUSPENDED"]),
    ("agent_status", &["ACTIVE", "INACTIVE", "SUSPENDED"]),
    (
        "task_status",
        &["PENDING", "IN_PROGRESS", "BLOCKED", "COMPLETE", "CANCELLED"],
    ),
    (
        "escalation_status",
        &["PENDING", "ACKNOWLEDGED", "RESOLVED"],
    ),
    ("pulse_status", &["RUNNING", "COMPLETE", "FAILED"]),
    ("chat_session_status", &["ACTIVE", "CLOSED"]),
    ("health_status", &["GREEN", "YELLOW", "RED"]),
    (
        "sector_type",
        &[
            "COMMAND",
            "ORGANIZATION",
            "OPERATIONS",
            "FINANCE",
            "INTELLIGENCE",
            "METRICS",
        ],
    ),
    (
        "department_type",
        &[
            "FINANCE",
            "OPERATIONS",
            "PRODUCT",
            "TECHNOLOGY",
            "MARKETING",
            "SALES",
            "LEGAL",
            "EXTERNAL",
            "PEOPLE",
        ],
    ),
    ("autonomy_level", &["A1", "A2", "A3"]),
    ("task_priority", &["URGENT", "HIGH", "NORMAL", "LOW"]),
    ("escalation_type", &["AWARENESS", "ACTION_REQUIRED"]),
    ("message_priority", &["SYNC", "ASYNC"]),
    (
        "message_type",
        &[
            "DIRECTIVE",
            "REPORT",
            "ESCALATION",
            "COORDINATION",
            "DELEGATION",
        ],
    ),
    (
        "memory_entry_type",
        &[
            "DECISION",
            "ACTION",
            "ESCALATION",
            "COMMUNICATION",
            "PULSE",
            "AUDIT",
            "KNOWLEDGE",
        ],
    ),
    ("memory_importance", &["HIGH", "MEDIUM", "LOW"]),
    ("chat_message_role", &["USER", "AGENT"]),
    (
        "pulse_phase",
        &["SCAN", "ASSESS", "DECIDE", "EXECUTE", "LOG", "COMPLETE"],
    ),
    (
        "pulse_decision_outcome",
        &["QUEUED", "PROPOSED", "ESCALATED"],
    ),
    (
        "pulse_action_type",
        &[
            "TASK_PROGRESS",
            "COMMUNICATION",
            "STATUS_UPDATE",
            "ESCALATION",
            "DELEGATION",
            "DOCUMENTATION",
        ],
    ),
    (
        "escalation_trigger",
        &[
            "TASK_BLOCKED",
            "SCOPE_UNCLEAR",
            "CONFLICTING_INSTRUCTIONS",
            "RESOURCE_CONSTRAINT",
            "CROSS_TEAM_DEPENDENCY",
            "SCOPE_EXCEEDED",
            "CROSS_DOMAIN_CONFLICT",
            "IRREVERSIBLE_DECISION",
            "BUDGET_REQUEST",
            "EXTERNAL_COMMITMENT",
            "MISSION_DRIFT",
            "MATERIAL_RISK",
            "TIMELINE_RISK",
            "PERFORMANCE_ISSUE",
            "MILESTONE",
            "OPPORTUNITY",
            "TASK_COMPLETE",
            "ANOMALY",
            "QUALITY_ISSUE",
            "WORKSTREAM_COMPLETE",
        ],
    ),
];

fn spec_enum(name: &str) -> &'static [&'static str] {
    ENUMS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| *v)
        .unwrap_or_else(|| panic!("no enum {name} in the test's schema"))
}

fn is_enum(ty: &str) -> bool {
    ENUMS.iter().any(|(n, _)| *n == ty)
}

fn spec_table(name: &str) -> Cols {
    SCHEMA
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| *c)
        .unwrap_or_else(|| panic!("no table {name} in the test's schema"))
}

/// Every (table, column) of the schema with a given type.
fn columns_of_type(ty: &str) -> Vec<(&'static str, &'static str, P)> {
    SCHEMA
        .iter()
        .flat_map(|(t, cols)| {
            cols.iter()
                .filter(move |(_, cty, _)| *cty == ty)
                .map(move |(c, _, p)| (*t, *c, *p))
        })
        .collect()
}

const U1: &str = "0f8fad5b-d9cb-469f-a165-70867728950e";
const CREATED: &str = "2026-01-01T00:00:00Z";

/// A value of the column's type that every rule accepts.
fn sample(column: &str, ty: &str) -> Value {
    match ty {
        "uuid" => json!(U1),
        "text" => json!("x"),
        "timestamptz" => json!(CREATED),
        "smallint" => json!(2),
        "integer" => json!(15),
        "numeric(12,2)" => json!(0),
        "boolean" => json!(true),
        "jsonb" if column == "decisions" || column == "actions" => json!([]),
        "jsonb" => json!({}),
        "text[]" => json!(["a", "b", "c"]),
        "uuid[]" => json!([U1]),
        e => json!(spec_enum(e)[0]),
    }
}

const U2: &str = "0f8fad5b-d9cb-469f-a165-70867728950f";

/// The samples made to keep the rules that tie columns together: the trigger TASK_BLOCKED needs
/// action (rules § Trigger → type), a message goes to another agent (rules § Message), a task
/// has a `blocked_reason` only while BLOCKED (rules § Task).
fn consistent(table: &str, mut o: Map<String, Value>) -> Value {
    match table {
        "escalations" => {
            assert_eq!(o["trigger"], json!("TASK_BLOCKED"));
            o.insert("type".into(), json!("ACTION_REQUIRED"));
        }
        "messages" => {
            o.insert("to_agent_id".into(), json!(U2));
        }
        "tasks" if o.contains_key("blocked_reason") => {
            o.insert("status".into(), json!("BLOCKED"));
        }
        _ => {}
    }
    Value::Object(o)
}

/// An insert with only the required columns (schema § "Required").
fn minimal_insert(table: &str) -> Value {
    let mut o = Map::new();
    for (c, ty, p) in spec_table(table) {
        if *p == P::Req {
            o.insert((*c).into(), sample(c, ty));
        }
    }
    consistent(table, o)
}

/// A whole row, every column set.
fn full_row(table: &str) -> Value {
    let mut o = Map::new();
    for (c, ty, _) in spec_table(table) {
        o.insert((*c).into(), sample(c, ty));
    }
    consistent(table, o)
}

// ---------------------------------------------------------------------------------------------
// Validation helpers.
// ---------------------------------------------------------------------------------------------

fn show(e: &Error) -> String {
    let v: Vec<String> = e
        .violations
        .iter()
        .map(|v| format!("{}.{}: {} ({})", v.table, v.field, v.rule, v.value))
        .collect();
    format!("{} {} [{}]", e.code.as_str(), e.message, v.join("; "))
}

#[track_caller]
fn accepts(table: &str, mode: Mode, v: Value) {
    if let Err(e) = validate(table, mode, &v) {
        panic!("{table} {mode:?} {v}: expected to pass, got {}", show(&e));
    }
}

/// Exactly one violation, on `table.field`, whose rule contains `rule`.
#[track_caller]
fn refuses(table: &str, mode: Mode, v: Value, field: &str, rule: &str) {
    let Err(e) = validate(table, mode, &v) else {
        panic!("{table} {mode:?} {v}: expected a violation of {field} ({rule}), it passed");
    };
    assert_eq!(e.code, ErrorCode::ValidationFailed, "{}", show(&e));
    assert!(
        e.violations.len() == 1
            && e.violations[0].table == table
            && e.violations[0].field == field
            && e.violations[0].rule.contains(rule),
        "{table} {mode:?} {v}: expected exactly {table}.{field} \"…{rule}…\", got {}",
        show(&e)
    );
}

fn update(column: &str, v: Value) -> Value {
    let mut o = Map::new();
    o.insert(column.into(), v);
    Value::Object(o)
}

// ---------------------------------------------------------------------------------------------
// The catalogue against the schema reference.
// ---------------------------------------------------------------------------------------------

fn spec_type(ty: &str) -> ColumnType {
    match ty {
        "uuid" => ColumnType::Uuid,
        "text" => ColumnType::Text,
        "timestamptz" => ColumnType::Timestamptz,
        "smallint" => ColumnType::SmallInt,
        "integer" => ColumnType::Integer,
        "numeric(12,2)" => ColumnType::Money,
        "boolean" => ColumnType::Bool,
        "jsonb" => ColumnType::Json,
        "text[]" => ColumnType::TextArray,
        "uuid[]" => ColumnType::UuidArray,
        e => ColumnType::Enum(
            ENUMS
                .iter()
                .find(|(n, _)| *n == e)
                .unwrap_or_else(|| panic!("no enum {e}"))
                .0,
        ),
    }
}

fn spec_presence(p: P) -> Presence {
    match p {
        P::Req => Presence::Required,
        P::Def => Presence::Defaulted,
        P::Null => Presence::Nullable,
        P::NullDef => Presence::NullableDefaulted,
    }
}

/// schema § Table Schemas and rules § Exact column facts: every table, column, type and
/// presence of the catalogue is the reference's, and nothing more.
#[test]
fn catalogue_has_exactly_the_reference_tables_columns_types_and_presence() {
    let have: BTreeSet<&str> = schema::TABLES.iter().map(|t| t.name).collect();
    let want: BTreeSet<&str> = SCHEMA.iter().map(|(t, _)| *t).collect();
    assert_eq!(have, want, "tables");
    for (t, cols) in SCHEMA {
        let def = schema::table(t).unwrap();
        let have: BTreeMap<&str, (ColumnType, Presence)> = def
            .columns
            .iter()
            .map(|c| (c.name, (c.ty, c.presence)))
            .collect();
        let want: BTreeMap<&str, (ColumnType, Presence)> = cols
            .iter()
            .map(|(c, ty, p)| (*c, (spec_type(ty), spec_presence(*p))))
            .collect();
        assert_eq!(have, want, "columns of {t}");
    }
}

/// schema § Enum Types: every enum with exactly its values, in the reference's order.
#[test]
fn catalogue_enums_are_the_reference_enums_in_order() {
    let have: BTreeSet<&str> = schema::ENUMS.iter().map(|(n, _)| *n).collect();
    let want: BTreeSet<&str> = ENUMS.iter().map(|(n, _)| *n).collect();
    assert_eq!(have, want, "enum names");
    for (name, values) in ENUMS {
        assert_eq!(schema::enum_values(name), Some(*values), "enum {name}");
    }
}

/// schema § RLS Summary and rules § Consequence of the immutability triggers: the catalogue
/// says which tables may be updated and deleted.
#[test]
fn catalogue_update_and_delete_rights_follow_the_rls_summary() {
    for (t, update, delete) in [
        ("companies", true, true),
        ("sectors", true, true),
        ("departments", true, true),
        ("agents", true, true),
        ("tasks", true, true),
        ("escalations", true, true),
        ("pulses", true, true),
        ("messages", true, true),
        ("memory_entries", false, false),
        ("chat_sessions", true, false),
        ("chat_messages", false, false),
    ] {
        let def = schema::table(t).unwrap();
        assert_eq!((def.can_update, def.can_delete), (update, delete), "{t}");
    }
}

// ---------------------------------------------------------------------------------------------
// State machines: the rules' tables, written by hand.
// ---------------------------------------------------------------------------------------------

/// What the rules say one action does from one state.
#[derive(Debug, Clone, Copy)]
enum Step {
    /// Not allowed: `invalid_transition`, nothing written.
    No,
    /// Allowed: the new status, the timestamps it sets (once: a timestamp already set stays),
    /// the columns it clears, and the text column the caller's text goes into.
    To {
        status: &'static str,
        stamp: &'static [&'static str],
        clear: &'static [&'static str],
        text: Option<&'static str>,
    },
}
use Step::No;

const fn to(
    status: &'static str,
    stamp: &'static [&'static str],
    clear: &'static [&'static str],
    text: Option<&'static str>,
) -> Step {
    Step::To {
        status,
        stamp,
        clear,
        text,
    }
}

/// One state machine as the rules state it.
struct Machine {
    table: &'static str,
    /// The enum of its `status` column.
    status_enum: &'static str,
    /// The workflow group of the public API (`mc.tasks`, `mc.chat`).
    group: &'static str,
    /// The states (the status enum).
    states: &'static [&'static str],
    /// The actions of the public API and the state each one leads to.
    actions: &'static [(&'static str, &'static str)],
    /// The actions that take a non-blank text, and its column.
    needs: &'static [(&'static str, &'static str)],
    /// The full cross product states × actions.
    table_: &'static [(&'static str, &'static str, Step)],
    /// Rows in each state (several where the history matters).
    rows: fn() -> Vec<Value>,
    /// What must hold of every row of this table (the rules' invariants).
    invariant: fn(&Value) -> Result<(), String>,
}

const NOW: &str = "2026-03-01T12:00:00.000000Z";
const STARTED: &str = "2026-02-01T00:00:00Z";
const ENDED: &str = "2026-02-15T00:00:00Z";
const REASON: &str = "waiting for the supplier";

const COMPANY: &str = "c0000000-0000-4000-8000-000000000001";
const OTHER_COMPANY: &str = "c0000000-0000-4000-8000-000000000002";
const OWNER: &str = "b0000000-0000-4000-8000-000000000001";
const CEO: &str = "a0000000-0000-4000-8000-000000000001";
const CHIEF: &str = "a0000000-0000-4000-8000-000000000002";
const MANAGER: &str = "a0000000-0000-4000-8000-000000000003";
const LEAD: &str = "a0000000-0000-4000-8000-000000000004";
const WORKER: &str = "a0000000-0000-4000-8000-000000000005";
const STRANGER: &str = "a0000000-0000-4000-8000-000000000009";
const TASK: &str = "d0000000-0000-4000-8000-000000000001";
const TASK2: &str = "d0000000-0000-4000-8000-000000000002";
const ESCALATION: &str = "e0000000-0000-4000-8000-000000000001";
const SESSION: &str = "f0000000-0000-4000-8000-000000000001";
const MESSAGE: &str = "f1000000-0000-4000-8000-000000000001";

/// rules § State machines, Task [D]:
/// PENDING → IN_PROGRESS (sets `started_at`) → COMPLETE (sets `completed_at`);
/// PENDING/IN_PROGRESS → BLOCKED needs a non-blank `blocked_reason`; BLOCKED → IN_PROGRESS
/// clears it [P]; any non-terminal → CANCELLED; COMPLETE and CANCELLED are terminal;
/// `blocked_reason` only while BLOCKED; `created_at ≤ started_at ≤ completed_at`.
///
/// Unblocking a task blocked before it started also sets `started_at`: it is IN_PROGRESS from
/// then on, and a completed task has `started_at ≤ completed_at` [D]. Leaving BLOCKED (by
/// unblock or cancel) clears `blocked_reason` ("only while BLOCKED").
#[rustfmt::skip]
const TASK_STEPS: &[(&str, &str, Step)] = &[
    ("PENDING",     "start",    to("IN_PROGRESS", &["started_at"],   &[],                 None)),
    ("PENDING",     "block",    to("BLOCKED",     &[],               &[],                 Some("blocked_reason"))),
    ("PENDING",     "unblock",  No),
    ("PENDING",     "complete", No),
    ("PENDING",     "cancel",   to("CANCELLED",   &[],               &[],                 None)),

    ("IN_PROGRESS", "start",    No),
    ("IN_PROGRESS", "block",    to("BLOCKED",     &[],               &[],                 Some("blocked_reason"))),
    ("IN_PROGRESS", "unblock",  No),
    ("IN_PROGRESS", "complete", to("COMPLETE",    &["completed_at"], &[],                 None)),
    ("IN_PROGRESS", "cancel",   to("CANCELLED",   &[],               &[],                 None)),

    ("BLOCKED",     "start",    No),
    ("BLOCKED",     "block",    No),
    ("BLOCKED",     "unblock",  to("IN_PROGRESS", &["started_at"],   &["blocked_reason"], None)),
    ("BLOCKED",     "complete", No),
    ("BLOCKED",     "cancel",   to("CANCELLED",   &[],               &["blocked_reason"], None)),

    // terminal
    ("COMPLETE",    "start",    No),
    ("COMPLETE",    "block",    No),
    ("COMPLETE",    "unblock",  No),
    ("COMPLETE",    "complete", No),
    ("COMPLETE",    "cancel",   No),

    // terminal
    ("CANCELLED",   "start",    No),
    ("CANCELLED",   "block",    No),
    ("CANCELLED",   "unblock",  No),
    ("CANCELLED",   "complete", No),
    ("CANCELLED",   "cancel",   No),
];

fn task_row(
    status: &str,
    started: Option<&str>,
    completed: Option<&str>,
    reason: Option<&str>,
) -> Value {
    json!({
        "id": TASK, "company_id": COMPANY, "assignee_id": WORKER, "assigned_by": LEAD,
        "department_id": null, "project_id": null, "title": "Ship the order", "description": null,
        "parameters": {}, "status": status, "priority": "NORMAL", "created_at": CREATED,
        "started_at": started, "completed_at": completed, "blocked_reason": reason,
        "parent_task_id": null,
    })
}

fn task_rows() -> Vec<Value> {
    vec![
        task_row("PENDING", None, None, None),
        task_row("IN_PROGRESS", Some(STARTED), None, None),
        // blocked before it started, and blocked while in progress
        task_row("BLOCKED", None, None, Some(REASON)),
        task_row("BLOCKED", Some(STARTED), None, Some(REASON)),
        task_row("COMPLETE", Some(STARTED), Some(ENDED), None),
        task_row("CANCELLED", None, None, None),
        task_row("CANCELLED", Some(STARTED), None, None),
    ]
}

fn time(v: &Value) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    v.as_str()
        .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
}

fn ordered(row: &Value, earlier: &str, later: &str) -> Result<(), String> {
    match (time(&row[earlier]), time(&row[later])) {
        (Some(a), Some(b)) if a > b => Err(format!("{earlier} after {later}")),
        _ => Ok(()),
    }
}

fn set(row: &Value, col: &str) -> bool {
    !row[col].is_null()
}

fn task_invariant(row: &Value) -> Result<(), String> {
    let status = row["status"].as_str().unwrap_or("");
    // `blocked_reason` only while BLOCKED, and non-blank then.
    let reason = row["blocked_reason"].as_str();
    if (status == "BLOCKED") != reason.is_some_and(|r| !r.trim().is_empty()) {
        return Err(format!(
            "{status} with blocked_reason {}",
            row["blocked_reason"]
        ));
    }
    if matches!(status, "IN_PROGRESS" | "COMPLETE") && !set(row, "started_at") {
        return Err(format!("{status} without started_at"));
    }
    if (status == "COMPLETE") != set(row, "completed_at") {
        return Err(format!(
            "{status} with completed_at {}",
            row["completed_at"]
        ));
    }
    ordered(row, "created_at", "started_at")?;
    ordered(row, "started_at", "completed_at")
}

const TASKS: Machine = Machine {
    table: "tasks",
    status_enum: "task_status",
    group: "tasks",
    states: &["PENDING", "IN_PROGRESS", "BLOCKED", "COMPLETE", "CANCELLED"],
    actions: &[
        ("start", "IN_PROGRESS"),
        ("block", "BLOCKED"),
        ("unblock", "IN_PROGRESS"),
        ("complete", "COMPLETE"),
        ("cancel", "CANCELLED"),
    ],
    needs: &[("block", "blocked_reason")],
    table_: TASK_STEPS,
    rows: task_rows,
    invariant: task_invariant,
};

/// rules § State machines, Escalation [S/D]: PENDING → ACKNOWLEDGED (sets `acknowledged_at`) →
/// RESOLVED (sets `resolved_at`, needs a non-blank `resolution`). PENDING → RESOLVED directly
/// also stamps `acknowledged_at` [P]. RESOLVED is terminal; no timeout.
#[rustfmt::skip]
const ESCALATION_STEPS: &[(&str, &str, Step)] = &[
    ("PENDING",      "acknowledge", to("ACKNOWLEDGED", &["acknowledged_at"],                &[], None)),
    ("PENDING",      "resolve",     to("RESOLVED",     &["acknowledged_at", "resolved_at"], &[], Some("resolution"))),

    ("ACKNOWLEDGED", "acknowledge", No),
    ("ACKNOWLEDGED", "resolve",     to("RESOLVED",     &["resolved_at"],                    &[], Some("resolution"))),

    // terminal
    ("RESOLVED",     "acknowledge", No),
    ("RESOLVED",     "resolve",     No),
];

fn escalation_row(
    status: &str,
    acked: Option<&str>,
    resolved: Option<&str>,
    resolution: Option<&str>,
) -> Value {
    json!({
        "id": ESCALATION, "company_id": COMPANY, "from_agent_id": WORKER, "to_agent_id": LEAD,
        "type": "AWARENESS", "trigger": "MILESTONE", "context": "c", "impact": "i",
        "recommendation": "r", "status": status, "created_at": CREATED,
        "acknowledged_at": acked, "resolved_at": resolved, "resolution": resolution,
        "related_task_id": null, "related_project_id": null,
    })
}

fn escalation_rows() -> Vec<Value> {
    vec![
        escalation_row("PENDING", None, None, None),
        escalation_row("ACKNOWLEDGED", Some(STARTED), None, None),
        escalation_row("RESOLVED", Some(STARTED), Some(ENDED), Some("approved")),
    ]
}

fn escalation_invariant(row: &Value) -> Result<(), String> {
    let status = row["status"].as_str().unwrap_or("");
    if matches!(status, "ACKNOWLEDGED" | "RESOLVED") != set(row, "acknowledged_at") {
        return Err(format!(
            "{status} with acknowledged_at {}",
            row["acknowledged_at"]
        ));
    }
    if (status == "RESOLVED") != set(row, "resolved_at") {
        return Err(format!("{status} with resolved_at {}", row["resolved_at"]));
    }
    if status == "RESOLVED"
        && row["resolution"]
            .as_str()
            .is_none_or(|r| r.trim().is_empty())
    {
        return Err("RESOLVED without a non-blank resolution".into());
    }
    ordered(row, "created_at", "acknowledged_at")?;
    ordered(row, "acknowledged_at", "resolved_at")
}

const ESCALATIONS: Machine = Machine {
    table: "escalations",
    status_enum: "escalation_status",
    group: "escalations",
    states: &["PENDING", "ACKNOWLEDGED", "RESOLVED"],
    actions: &[("acknowledge", "ACKNOWLEDGED"), ("resolve", "RESOLVED")],
    needs: &[("resolve", "resolution")],
    table_: ESCALATION_STEPS,
    rows: escalation_rows,
    invariant: escalation_invariant,
};

/// rules § State machines, Chat session [S]: ACTIVE → CLOSED (sets `closed_at`), terminal.
const CHAT_STEPS: &[(&str, &str, Step)] = &[
    ("ACTIVE", "close", to("CLOSED", &["closed_at"], &[], None)),
    ("CLOSED", "close", No),
];

fn session_row(status: &str, closed: Option<&str>) -> Value {
    json!({
        "id": SESSION, "company_id": COMPANY, "user_id": OWNER, "agent_id": CHIEF,
        "status": status, "created_at": CREATED, "closed_at": closed,
    })
}

fn session_rows() -> Vec<Value> {
    vec![
        session_row("ACTIVE", None),
        session_row("CLOSED", Some(ENDED)),
    ]
}

fn session_invariant(row: &Value) -> Result<(), String> {
    let status = row["status"].as_str().unwrap_or("");
    if (status == "CLOSED") != set(row, "closed_at") {
        return Err(format!("{status} with closed_at {}", row["closed_at"]));
    }
    ordered(row, "created_at", "closed_at")
}

const CHAT_SESSIONS: Machine = Machine {
    table: "chat_sessions",
    status_enum: "chat_session_status",
    group: "chat",
    states: &["ACTIVE", "CLOSED"],
    actions: &[("close", "CLOSED")],
    needs: &[],
    table_: CHAT_STEPS,
    rows: session_rows,
    invariant: session_invariant,
};

impl Machine {
    fn needs(&self, action: &str) -> Option<&'static str> {
        self.needs
            .iter()
            .find(|(a, _)| *a == action)
            .map(|(_, f)| *f)
    }

    /// The test's own table covers states × actions exactly once each.
    fn check_table_is_complete(&self) {
        assert_eq!(
            self.states,
            spec_enum(self.status_enum),
            "states of {}",
            self.table
        );
        for s in self.states {
            for (a, _) in self.actions {
                let n = self
                    .table_
                    .iter()
                    .filter(|(st, ac, _)| st == s && ac == a)
                    .count();
                assert_eq!(
                    n, 1,
                    "{} ({s}, {a}) is in the test table {n} times",
                    self.table
                );
            }
        }
        assert_eq!(self.table_.len(), self.states.len() * self.actions.len());
        let rows = (self.rows)();
        for s in self.states {
            assert!(rows.iter().any(|r| r["status"] == *s), "no {s} row");
        }
        for r in &rows {
            (self.invariant)(r).unwrap_or_else(|e| panic!("fixture {r}: {e}"));
            accepts(self.table, Mode::Row, r.clone());
        }
    }

    /// The row the rules expect after `step` from `before`, with `now` as the new timestamps.
    fn expected(&self, before: &Value, step: Step, text: &str, now: &str) -> Value {
        let Step::To {
            status,
            stamp,
            clear,
            text: field,
        } = step
        else {
            unreachable!()
        };
        let mut after = before.clone();
        after["status"] = json!(status);
        for c in stamp {
            if after[*c].is_null() {
                after[*c] = json!(now);
            }
        }
        for c in clear {
            after[*c] = Value::Null;
        }
        if let Some(f) = field {
            after[f] = json!(text);
        }
        after
    }
}

fn apply(before: &Value, patch: &Map<String, Value>) -> Value {
    let mut after = before.clone();
    for (k, v) in patch {
        after[k.as_str()] = v.clone();
    }
    after
}

/// Refused with `invalid_transition`, naming from → to.
#[track_caller]
fn assert_invalid_transition(e: &Error, from: &str, to: &str, what: &str) {
    assert_eq!(e.code, ErrorCode::InvalidTransition, "{what}: {}", show(e));
    let said = format!("{} {}", e.message, e.details.as_deref().unwrap_or(""));
    assert!(
        said.contains(&format!("{from} → {to}")),
        "{what}: the error should name {from} → {to}: {said}"
    );
}

/// Every (state, action) pair through the decision function: `transition(table, action)`,
/// its `check_input` and its `patch` for the row as it is.
fn check_decisions(m: &Machine) {
    m.check_table_is_complete();
    let mut checked = 0;
    for before in (m.rows)() {
        let from = before["status"].as_str().unwrap();
        for (action, target) in m.actions {
            let (_, _, step) = m
                .table_
                .iter()
                .find(|(s, a, _)| *s == from && a == action)
                .unwrap();
            let what = format!("{}.{action} from {before}", m.table);
            let t = transition(m.table, action)
                .unwrap_or_else(|| panic!("the SDK has no step {}.{action}", m.table));
            let text = m.needs(action).map(|_| REASON);
            assert_eq!(t.check_input(text), Ok(()), "{what}");
            match (step, t.patch(&before, text, NOW)) {
                (No, Err(e)) => assert_invalid_transition(&e, from, target, &what),
                (No, Ok(p)) => panic!("{what}: the rules refuse it, the SDK writes {p:?}"),
                (Step::To { .. }, Err(e)) => {
                    panic!("{what}: the rules allow it, the SDK refuses: {}", show(&e))
                }
                (Step::To { .. }, Ok(patch)) => {
                    accepts(m.table, Mode::Update, Value::Object(patch.clone()));
                    let after = apply(&before, &patch);
                    assert_eq!(
                        after,
                        m.expected(&before, *step, REASON, NOW),
                        "{what}: patch {patch:?}"
                    );
                    (m.invariant)(&after).unwrap_or_else(|e| panic!("{what}: after: {e}"));
                    accepts(m.table, Mode::Row, after);
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= m.table_.len());
}

/// The steps that take a text need a non-blank one (rules: "needs a non-blank …"), checked
/// before anything else.
fn check_texts(m: &Machine) {
    for (action, field) in m.needs {
        let t = transition(m.table, action).unwrap();
        for blank in [
            None,
            Some(""),
            Some(" "),
            Some("   "),
            Some("\t"),
            Some("\n"),
            Some(" \t\r\n "),
        ] {
            let e = t
                .check_input(blank)
                .expect_err(&format!("{}.{action} with {blank:?}", m.table));
            assert_eq!(e.code, ErrorCode::ValidationFailed);
            assert_eq!(
                (
                    e.violations.len(),
                    e.violations[0].table.as_str(),
                    e.violations[0].field.as_str()
                ),
                (1, m.table, *field),
                "{}",
                show(&e)
            );
        }
        for ok in ["x", " x ", "waiting\nfor parts"] {
            assert_eq!(
                t.check_input(Some(ok)),
                Ok(()),
                "{}.{action} with {ok:?}",
                m.table
            );
        }
    }
    for (action, _) in m.actions {
        if m.needs(action).is_none() {
            assert_eq!(
                transition(m.table, action).unwrap().check_input(None),
                Ok(()),
                "{}.{action} takes no text",
                m.table
            );
        }
    }
}

#[test]
fn task_machine_every_state_and_action() {
    check_decisions(&TASKS);
}

#[test]
fn task_machine_block_needs_a_non_blank_reason() {
    check_texts(&TASKS);
}

#[test]
fn escalation_machine_every_state_and_action() {
    check_decisions(&ESCALATIONS);
}

#[test]
fn escalation_machine_resolve_needs_a_non_blank_resolution() {
    check_texts(&ESCALATIONS);
}

#[test]
fn chat_session_machine_every_state_and_action() {
    check_decisions(&CHAT_SESSIONS);
    check_texts(&CHAT_SESSIONS);
}

/// rules § Consequence of the immutability triggers: the SDK "should steer users to
/// deactivation (agent status INACTIVE/SUSPENDED) instead of deletion". The rules define no
/// agent state machine beyond that, so only these two steps from ACTIVE are the rules'; the
/// agent status changes nothing else (the agents table has no status timestamps).
#[test]
fn agent_deactivation_from_active() {
    let active = json!({"id": WORKER, "status": "ACTIVE", "last_pulse": STARTED});
    for (action, status) in [("deactivate", "INACTIVE"), ("suspend", "SUSPENDED")] {
        let t = transition("agents", action).unwrap_or_else(|| panic!("agents.{action}"));
        assert_eq!(t.check_input(None), Ok(()));
        let p = t.patch(&active, None, NOW).unwrap();
        assert_eq!(
            Value::Object(p),
            json!({"status": status}),
            "agents.{action}"
        );
    }
}

/// rules § State machines, Trigger → type [S], every trigger of the enum.
#[test]
fn escalation_type_follows_the_trigger() {
    let action_required = [
        "TASK_BLOCKED",
        "SCOPE_UNCLEAR",
        "CONFLICTING_INSTRUCTIONS",
        "RESOURCE_CONSTRAINT",
        "SCOPE_EXCEEDED",
        "CROSS_TEAM_DEPENDENCY",
        "CROSS_DOMAIN_CONFLICT",
        "IRREVERSIBLE_DECISION",
        "BUDGET_REQUEST",
        "EXTERNAL_COMMITMENT",
        "MISSION_DRIFT",
        "MATERIAL_RISK",
    ];
    let awareness = [
        "TASK_COMPLETE",
        "ANOMALY",
        "WORKSTREAM_COMPLETE",
        "QUALITY_ISSUE",
        "TIMELINE_RISK",
        "PERFORMANCE_ISSUE",
        "MILESTONE",
        "OPPORTUNITY",
    ];
    let all: BTreeSet<&str> = action_required.iter().chain(&awareness).copied().collect();
    assert_eq!(
        all,
        spec_enum("escalation_trigger").iter().copied().collect(),
        "the rules' lists cover the enum"
    );
    for t in action_required {
        assert_eq!(escalation_type(t), Some("ACTION_REQUIRED"), "{t}");
    }
    for t in awareness {
        assert_eq!(escalation_type(t), Some("AWARENESS"), "{t}");
    }
    for t in [
        "",
        "material_risk",
        "MILESTONE ",
        " MILESTONE",
        "AWARENESS",
        "NOPE",
    ] {
        assert_eq!(escalation_type(t), None, "{t:?} is no trigger");
    }
}

/// rules § State machines, Company [S]: → ACTIVE only when mission and vision are non-blank and
/// `values` and `strategic_priorities` each hold 3–5 items.
#[test]
fn company_activation_needs_mission_vision_and_three_to_five_values_and_priorities() {
    let items = |n: usize| json!((1..=n).map(|i| format!("item {i}")).collect::<Vec<_>>());
    let ok = json!({"status": "ONBOARDING", "mission": "m", "vision": "v", "values": items(3), "strategic_priorities": items(5)});
    assert_eq!(activation_gaps(&ok), Vec::<&str>::new());
    for (n, fine) in [
        (0, false),
        (1, false),
        (2, false),
        (3, true),
        (4, true),
        (5, true),
        (6, false),
        (7, false),
    ] {
        for col in ["values", "strategic_priorities"] {
            let mut c = ok.clone();
            c[col] = items(n);
            let gaps = activation_gaps(&c);
            if fine {
                assert!(gaps.is_empty(), "{col} with {n} items: {gaps:?}");
            } else {
                assert!(
                    gaps.len() == 1 && gaps[0].contains(col) && gaps[0].contains("3–5"),
                    "{col} with {n} items: {gaps:?}"
                );
            }
        }
    }
    for col in ["values", "strategic_priorities"] {
        let mut c = ok.clone();
        c[col] = Value::Null;
        let gaps = activation_gaps(&c);
        assert!(
            gaps.len() == 1 && gaps[0].contains(col),
            "{col} null: {gaps:?}"
        );
    }
    for col in ["mission", "vision"] {
        for blank in [Value::Null, json!(""), json!(" "), json!("\t\n")] {
            let mut c = ok.clone();
            c[col] = blank.clone();
            let gaps = activation_gaps(&c);
            assert!(
                gaps.len() == 1 && gaps[0].contains(col) && gaps[0].contains("non-blank"),
                "{col} = {blank}: {gaps:?}"
            );
        }
        let mut c = ok.clone();
        c[col] = json!("x");
        assert!(activation_gaps(&c).is_empty(), "{col} of one character");
    }
    assert_eq!(
        activation_gaps(&json!({})).len(),
        4,
        "an empty company lacks all four"
    );
}

// ---------------------------------------------------------------------------------------------
// The same machines through the public workflows, against a fake PostgREST.
// ---------------------------------------------------------------------------------------------

/// One request the fake server received.
#[derive(Debug, Clone)]
struct Req {
    method: String,
    table: String,
    params: Vec<(String, String)>,
    body: Option<Value>,
}

impl Req {
    fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Default)]
struct Db {
    tables: BTreeMap<String, Vec<Value>>,
    log: Vec<Req>,
    /// A method the fake answers with a 500 (a fault to inject).
    failing: Option<String>,
}

/// A tiny PostgREST: GET/PATCH/POST/DELETE on `/rest/v1/<table>` with `eq.` and `is.null`
/// filters, answering rows (one object under `Accept: application/vnd.pgrst.object+json`).
struct Fake {
    url: String,
    db: Arc<Mutex<Db>>,
}

impl Fake {
    fn start(rows: &[(&str, Value)]) -> Fake {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let db = Arc::new(Mutex::new(Db::default()));
        for (t, r) in rows {
            db.lock()
                .unwrap()
                .tables
                .entry(t.to_string())
                .or_default()
                .push(r.clone());
        }
        let d = db.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                serve(stream, &d);
            }
        });
        Fake { url, db }
    }

    fn client(&self) -> Client {
        client(&self.url)
    }

    /// Answers every `method` request with a 500 from now on.
    fn fail(&self, method: &str) {
        self.db.lock().unwrap().failing = Some(method.into());
    }

    fn log(&self) -> Vec<Req> {
        self.db.lock().unwrap().log.clone()
    }

    fn writes(&self) -> Vec<Req> {
        self.log()
            .into_iter()
            .filter(|r| r.method != "GET" && r.method != "HEAD")
            .collect()
    }

    fn row(&self, table: &str, id: &str) -> Value {
        self.db.lock().unwrap().tables[table]
            .iter()
            .find(|r| r["id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("{table} {id} is gone"))
    }

    fn rows(&self, table: &str) -> Vec<Value> {
        self.db
            .lock()
            .unwrap()
            .tables
            .get(table)
            .cloned()
            .unwrap_or_default()
    }
}

fn client(url: &str) -> Client {
    let mut transport = Transport::default();
    transport.retry = RetryPolicy::none();
    Client::new(
        url,
        "anon-key",
        ClientOptions {
            transport,
            ..Default::default()
        },
    )
}

fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(n) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(n);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap()
}

fn serve(stream: TcpStream, db: &Mutex<Db>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).unwrap_or(0) == 0 {
        return;
    }
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("").to_string();
    let (mut length, mut single) = (0usize, false);
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" || h == "\n" {
            break;
        }
        let (k, v) = h.split_once(':').unwrap_or((h.as_str(), ""));
        match k.trim().to_ascii_lowercase().as_str() {
            "content-length" => length = v.trim().parse().unwrap_or(0),
            "accept" => single = v.contains("vnd.pgrst.object"),
            _ => {}
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    let body = (!body.is_empty()).then(|| serde_json::from_slice(&body).unwrap());
    let (status, answer) = respond(db, &method, &target, body, single);
    let text = answer.to_string();
    let mut out = stream;
    let _ = write!(
        out,
        "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
        text.len()
    );
    let _ = out.flush();
}

fn as_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        v => v.to_string(),
    }
}

fn respond(
    db: &Mutex<Db>,
    method: &str,
    target: &str,
    body: Option<Value>,
    single: bool,
) -> (u16, Value) {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    if path == "/auth/v1/token" {
        // A password sign-in: a session for OWNER.
        let exp = chrono::Utc::now().timestamp() + 3600;
        return (
            200,
            json!({"access_token": "a.b.c", "refresh_token": "r", "expires_in": 3600, "expires_at": exp,
                   "token_type": "bearer", "user": {"id": OWNER, "email": "owner@example.com"}}),
        );
    }
    let Some(table) = path.strip_prefix("/rest/v1/") else {
        return (
            404,
            json!({"message": format!("the fake serves only /rest/v1, not {path}")}),
        );
    };
    let params: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect();
    let mut db = db.lock().unwrap();
    db.log.push(Req {
        method: method.into(),
        table: table.into(),
        params: params.clone(),
        body: body.clone(),
    });
    if db.failing.as_deref() == Some(method) {
        return (500, json!({"code": "XX000", "message": "injected fault"}));
    }
    let filters: Vec<(String, String)> = params
        .into_iter()
        .filter(|(k, _)| {
            // Filters and modifiers of embedded resources (`open.status`, `memory.limit`) are
            // not the fake's: its rows embed nothing.
            !k.contains('.')
                && !matches!(
                    k.as_str(),
                    "select" | "columns" | "on_conflict" | "limit" | "offset" | "order"
                )
        })
        .collect();
    for (_, f) in &filters {
        if !(f.starts_with("eq.") || f == "is.null") {
            return (
                400,
                json!({"code": "PGRST100", "message": format!("the fake has no filter {f}")}),
            );
        }
    }
    let matches = |row: &Value| {
        filters.iter().all(|(col, f)| match f.strip_prefix("eq.") {
            Some(v) => !row[col.as_str()].is_null() && as_text(&row[col.as_str()]) == v,
            None => row[col.as_str()].is_null(),
        })
    };
    let rows = db.tables.entry(table.to_string()).or_default();
    let out: Vec<Value> = match method {
        "GET" | "HEAD" => rows.iter().filter(|r| matches(r)).cloned().collect(),
        "PATCH" => {
            let patch = body.unwrap_or_default();
            let mut out = Vec::new();
            for r in rows.iter_mut().filter(|r| matches(r)) {
                for (k, v) in patch.as_object().into_iter().flatten() {
                    r[k.as_str()] = v.clone();
                }
                out.push(r.clone());
            }
            out
        }
        "POST" => {
            let new = match body.unwrap_or_default() {
                Value::Array(a) => a,
                v => vec![v],
            };
            let mut out = Vec::new();
            for mut r in new {
                if r.get("id").is_none_or(Value::is_null) {
                    r["id"] = json!(uuid::Uuid::new_v4().to_string());
                }
                let defaults: &[(&str, &str)] = match table {
                    "escalations" | "tasks" => &[("status", "PENDING")],
                    "chat_sessions" => &[("status", "ACTIVE")],
                    _ => &[],
                };
                for (k, v) in defaults {
                    if r.get(*k).is_none_or(Value::is_null) {
                        r[*k] = json!(v);
                    }
                }
                rows.push(r.clone());
                out.push(r);
            }
            out
        }
        "DELETE" => {
            let (gone, kept): (Vec<Value>, Vec<Value>) = rows.drain(..).partition(|r| matches(r));
            *rows = kept;
            gone
        }
        m => return (405, json!({"message": format!("the fake has no {m}")})),
    };
    if single {
        if out.len() == 1 {
            (200, out.into_iter().next().unwrap())
        } else {
            (
                406,
                json!({"code": "PGRST116", "message": "JSON object requested, multiple (or no) rows returned", "details": format!("The result contains {} rows", out.len()), "hint": null}),
            )
        }
    } else {
        (200, Value::Array(out))
    }
}

/// A timestamp the SDK has just set: RFC 3339, not before the row was created, not in the
/// future.
#[track_caller]
fn assert_fresh(v: &Value, what: &str) {
    let t = time(v).unwrap_or_else(|| panic!("{what}: {v} is no RFC 3339 timestamp"));
    let created = chrono::DateTime::parse_from_rfc3339(CREATED).unwrap();
    assert!(
        t >= created && t <= chrono::Utc::now() + chrono::Duration::seconds(1),
        "{what}: {v}"
    );
}

/// The stored row, with the timestamps the rules expect to be set now replaced by `NOW` after
/// checking they are fresh.
fn normalise(after: &Value, expected: &Value, what: &str) -> Value {
    let mut a = after.clone();
    if let (Some(a), Some(e)) = (a.as_object_mut(), expected.as_object()) {
        for (k, v) in e {
            if v == NOW {
                assert_fresh(&a[k], &format!("{what}: {k}"));
                a.insert(k.clone(), json!(NOW));
            }
        }
    }
    a
}

async fn check_workflows(m: &Machine) {
    for before in (m.rows)() {
        let from = before["status"].as_str().unwrap();
        let id = before["id"].as_str().unwrap();
        for (action, target) in m.actions {
            let (_, _, step) = m
                .table_
                .iter()
                .find(|(s, a, _)| *s == from && a == action)
                .unwrap();
            let what = format!("mc.{}.{action} from {from} ({before})", m.group);
            let fake = Fake::start(&[(m.table, before.clone())]);
            let mut args = vec![json!(id)];
            if m.needs(action).is_some() {
                args.push(json!(REASON));
            }
            let result = fake.client().workflows().run(m.group, action, &args).await;
            let log = fake.log();
            assert!(
                log.first().is_some_and(|r| r.method == "GET"
                    && r.table == m.table
                    && r.param("id") == Some(format!("eq.{id}").as_str())),
                "{what}: the row is read first: {log:?}"
            );
            match step {
                No => {
                    let e = result.expect_err(&what);
                    assert_invalid_transition(&e, from, target, &what);
                    assert!(
                        fake.writes().is_empty(),
                        "{what}: refused, yet wrote {:?}",
                        fake.writes()
                    );
                    assert_eq!(fake.row(m.table, id), before, "{what}: the row changed");
                }
                Step::To { .. } => {
                    let data = result.unwrap_or_else(|e| panic!("{what}: {}", show(&e)));
                    let writes = fake.writes();
                    assert_eq!(writes.len(), 1, "{what}: one write: {writes:?}");
                    let w = &writes[0];
                    assert_eq!(
                        (
                            w.method.as_str(),
                            w.table.as_str(),
                            w.param("id"),
                            w.param("status")
                        ),
                        (
                            "PATCH",
                            m.table,
                            Some(format!("eq.{id}").as_str()),
                            Some(format!("eq.{from}").as_str())
                        ),
                        "{what}: a compare-and-set on the status it was read in"
                    );
                    let expected = m.expected(&before, *step, REASON, NOW);
                    let stored = normalise(&fake.row(m.table, id), &expected, &what);
                    assert_eq!(stored, expected, "{what}: stored row");
                    assert_eq!(
                        normalise(&data, &expected, &what),
                        expected,
                        "{what}: answered row"
                    );
                    (m.invariant)(&fake.row(m.table, id)).unwrap_or_else(|e| panic!("{what}: {e}"));
                }
            }
        }
    }
}

#[tokio::test(flavor = "current_thread")]
async fn task_workflows_every_state_and_action() {
    check_workflows(&TASKS).await;
}

#[tokio::test(flavor = "current_thread")]
async fn escalation_workflows_every_state_and_action() {
    check_workflows(&ESCALATIONS).await;
}

#[tokio::test(flavor = "current_thread")]
async fn chat_session_workflows_every_state_and_action() {
    check_workflows(&CHAT_SESSIONS).await;
}

/// Refused before any request is sent: what the SDK can decide without reading a row — a blank
/// text for a step that needs one, an id that is no UUID, a message to oneself, a tier no hire
/// can have. Port 9 answers nothing: a request would fail with `network`, not
/// `validation_failed`. Whether a step is legal from the row's state cannot be decided before
/// the row is read (the workflows read it, then compare-and-set on its status): that decision is
/// tested through `transition(..).patch` above, and through the workflows against the fake,
/// where a refused step sends the one read and no write.
#[tokio::test(flavor = "current_thread")]
async fn refused_before_any_request_when_no_row_is_needed() {
    let mc = client("http://127.0.0.1:9");
    let w = mc.workflows();
    for (group, action, field) in [
        ("tasks", "block", "blocked_reason"),
        ("escalations", "resolve", "resolution"),
    ] {
        for blank in [Value::Null, json!(""), json!("  "), json!("\t\n")] {
            let e = w
                .run(group, action, &[json!(TASK), blank.clone()])
                .await
                .unwrap_err();
            assert_eq!(
                e.code,
                ErrorCode::ValidationFailed,
                "{group}.{action} {blank}: {}",
                show(&e)
            );
            assert_eq!(e.violations[0].field, field, "{}", show(&e));
        }
    }
    for (group, action) in [
        ("tasks", "start"),
        ("tasks", "unblock"),
        ("tasks", "complete"),
        ("tasks", "cancel"),
        ("escalations", "acknowledge"),
        ("chat", "close"),
        ("messages", "markRead"),
        ("messages", "markProcessed"),
        ("onboarding", "activate"),
    ] {
        for bad in [
            json!("not-a-uuid"),
            json!(7),
            Value::Null,
            json!(format!("{{{TASK}}}")),
        ] {
            let e = w
                .run(group, action, std::slice::from_ref(&bad))
                .await
                .unwrap_err();
            assert_eq!(
                e.code,
                ErrorCode::ValidationFailed,
                "{group}.{action}({bad}): {}",
                show(&e)
            );
            assert_eq!(e.violations[0].field, "id", "{}", show(&e));
        }
    }
    // rules § Message: from ≠ to.
    let e = w
        .run("messages", "send", &[json!({"from_agent_id": LEAD, "to_agent_id": LEAD, "subject": "s", "body": "b", "type": "REPORT"})])
        .await
        .unwrap_err();
    assert_eq!(
        (e.code, e.violations.first().map(|v| v.field.as_str())),
        (ErrorCode::ValidationFailed, Some("to_agent_id")),
        "{}",
        show(&e)
    );
    // rules § Organisation: exactly one CEO (tier 1), made by onboarding; tiers are 1–5.
    for tier in [
        json!(0),
        json!(1),
        json!(6),
        json!(2.5),
        json!("3"),
        Value::Null,
    ] {
        let e = w
            .run("agents", "hire", &[json!({"company_id": COMPANY, "name": "n", "role": "r", "tier": tier, "reports_to": CEO})])
            .await
            .unwrap_err();
        assert_eq!(
            (e.code, e.violations.first().map(|v| v.field.as_str())),
            (ErrorCode::ValidationFailed, Some("tier")),
            "tier {tier}: {}",
            show(&e)
        );
    }
}

fn message_row(read: Option<&str>, processed: Option<&str>) -> Value {
    json!({
        "id": MESSAGE, "company_id": COMPANY, "from_agent_id": LEAD, "to_agent_id": WORKER,
        "subject": "s", "body": "b", "priority": "ASYNC", "type": "DIRECTIVE", "sent_at": CREATED,
        "read_at": read, "processed_at": processed,
    })
}

/// rules § State machines, Message [S/D]: `read_at` and `processed_at` are set once and never
/// go back. Every combination of the two stamps, both actions.
#[tokio::test(flavor = "current_thread")]
async fn message_stamps_are_set_once_and_never_go_back() {
    for (read, processed) in [
        (None, None),
        (Some(STARTED), None),
        (None, Some(STARTED)),
        (Some(STARTED), Some(ENDED)),
    ] {
        for (action, col, other) in [
            ("markRead", "read_at", "processed_at"),
            ("markProcessed", "processed_at", "read_at"),
        ] {
            let before = message_row(read, processed);
            let what = format!("mc.messages.{action} on {before}");
            let fake = Fake::start(&[("messages", before.clone())]);
            let data = fake
                .client()
                .workflows()
                .run("messages", action, &[json!(MESSAGE)])
                .await
                .unwrap_or_else(|e| panic!("{what}: {}", show(&e)));
            let after = fake.row("messages", MESSAGE);
            if before[col].is_null() {
                assert_fresh(&after[col], &what);
            } else {
                assert_eq!(
                    after[col], before[col],
                    "{what}: {col} never changes once set"
                );
            }
            assert_eq!(after[other], before[other], "{what}: {other} untouched");
            let mut rest = after.clone();
            rest[col] = before[col].clone();
            assert_eq!(rest, before, "{what}: nothing else changes");
            assert_eq!(data, after, "{what}: answers the row as it is");
            for w in fake.writes() {
                assert_eq!(
                    (
                        w.method.as_str(),
                        w.param(col),
                        w.body.as_ref().map(|b| b
                            .as_object()
                            .unwrap()
                            .keys()
                            .cloned()
                            .collect::<Vec<_>>())
                    ),
                    ("PATCH", Some("is.null"), Some(vec![col.to_string()])),
                    "{what}: only ever writes {col}, and only where it is still null"
                );
            }
        }
    }
}

/// A stamp that cannot be written is an error, not the row as it was (only a stamp already
/// set — the compare-and-set's conflict — answers the row).
#[tokio::test(flavor = "current_thread")]
async fn a_stamp_the_server_refuses_is_an_error() {
    let fake = Fake::start(&[("messages", message_row(None, None))]);
    fake.fail("PATCH");
    let e = fake
        .client()
        .workflows()
        .run("messages", "markRead", &[json!(MESSAGE)])
        .await
        .expect_err("the PATCH fails");
    assert_eq!(
        (e.code, e.status),
        (ErrorCode::RestError, 500),
        "{}",
        show(&e)
    );
    assert!(fake.row("messages", MESSAGE)["read_at"].is_null());
}

/// rules § State machines, Chat session [S]: messages only into ACTIVE sessions, with the
/// session's `company_id`.
#[tokio::test(flavor = "current_thread")]
async fn chat_messages_go_only_into_active_sessions_with_their_company() {
    let fake = Fake::start(&[("chat_sessions", session_row("CLOSED", Some(ENDED)))]);
    let e = fake
        .client()
        .workflows()
        .run(
            "chat",
            "send",
            &[json!(SESSION), json!({"content": "hello"})],
        )
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidTransition, "{}", show(&e));
    assert!(fake.writes().is_empty(), "{:?}", fake.writes());

    let fake = Fake::start(&[("chat_sessions", session_row("ACTIVE", None))]);
    let row = fake
        .client()
        .workflows()
        .run(
            "chat",
            "send",
            &[json!(SESSION), json!({"content": "hello", "role": "USER"})],
        )
        .await
        .unwrap_or_else(|e| panic!("{}", show(&e)));
    assert_eq!(
        (row["session_id"].as_str(), row["company_id"].as_str()),
        (Some(SESSION), Some(COMPANY))
    );
    assert_eq!(fake.rows("chat_messages").len(), 1);

    for blank in ["", "  ", "\n"] {
        let fake = Fake::start(&[("chat_sessions", session_row("ACTIVE", None))]);
        let e = fake
            .client()
            .workflows()
            .run("chat", "send", &[json!(SESSION), json!({"content": blank})])
            .await
            .unwrap_err();
        assert_eq!(
            (e.code, e.violations.first().map(|v| v.field.as_str())),
            (ErrorCode::ValidationFailed, Some("content")),
            "{}",
            show(&e)
        );
        // Refused before any request, not only before the write.
        assert!(fake.log().is_empty(), "{:?}", fake.log());
    }
}

fn company_row(status: &str, mission: Value, values: usize, priorities: usize) -> Value {
    let items = |n: usize| json!((1..=n).map(|i| format!("item {i}")).collect::<Vec<_>>());
    json!({
        "id": COMPANY, "name": "Acme", "status": status, "created_at": CREATED, "mission": mission,
        "vision": "v", "values": items(values), "strategic_priorities": items(priorities),
        "pulse_interval_minutes": 15, "default_autonomy": "A2", "spending_authority_usd": 0,
        "owner_user_id": OWNER, "ceo_id": CEO,
    })
}

/// rules § State machines, Company [S]: created ONBOARDING; → ACTIVE only when mission and
/// vision are non-blank and `values` and `strategic_priorities` each hold 3–5 items;
/// SUSPENDED blocks use.
#[tokio::test(flavor = "current_thread")]
async fn company_activation_through_the_workflow() {
    // ONBOARDING, complete → ACTIVE, as a compare-and-set on ONBOARDING.
    let fake = Fake::start(&[("companies", company_row("ONBOARDING", json!("m"), 3, 5))]);
    let data = fake
        .client()
        .workflows()
        .run("onboarding", "activate", &[json!(COMPANY)])
        .await
        .unwrap_or_else(|e| panic!("{}", show(&e)));
    assert_eq!(data["status"], "ACTIVE");
    assert_eq!(fake.row("companies", COMPANY)["status"], "ACTIVE");
    let w = fake.writes();
    assert!(
        w.len() == 1
            && w[0].param("status") == Some("eq.ONBOARDING")
            && w[0].body == Some(json!({"status": "ACTIVE"})),
        "{w:?}"
    );
    // ONBOARDING, something missing → refused, nothing written.
    for (mission, values, priorities) in [
        (json!(" "), 3, 3),
        (Value::Null, 3, 3),
        (json!("m"), 2, 3),
        (json!("m"), 6, 3),
        (json!("m"), 3, 2),
        (json!("m"), 3, 6),
    ] {
        let before = company_row("ONBOARDING", mission, values, priorities);
        let fake = Fake::start(&[("companies", before.clone())]);
        let e = fake
            .client()
            .workflows()
            .run("onboarding", "activate", &[json!(COMPANY)])
            .await
            .unwrap_err();
        assert_eq!(
            e.code,
            ErrorCode::InvalidTransition,
            "{before}: {}",
            show(&e)
        );
        assert!(fake.writes().is_empty(), "{before}: {:?}", fake.writes());
        assert_eq!(fake.row("companies", COMPANY), before);
    }
    // SUSPENDED blocks use: not activated, even when complete.
    let before = company_row("SUSPENDED", json!("m"), 3, 3);
    let fake = Fake::start(&[("companies", before.clone())]);
    let e = fake
        .client()
        .workflows()
        .run("onboarding", "activate", &[json!(COMPANY)])
        .await
        .unwrap_err();
    assert_invalid_transition(&e, "SUSPENDED", "ACTIVE", "activate a SUSPENDED company");
    assert!(fake.writes().is_empty(), "{:?}", fake.writes());
    assert_eq!(fake.row("companies", COMPANY), before);
    // ACTIVE stays ACTIVE (the rules name no other step): nothing is written.
    let before = company_row("ACTIVE", json!("m"), 3, 3);
    let fake = Fake::start(&[("companies", before.clone())]);
    let _ = fake
        .client()
        .workflows()
        .run("onboarding", "activate", &[json!(COMPANY)])
        .await;
    assert!(fake.writes().is_empty(), "{:?}", fake.writes());
    assert_eq!(fake.row("companies", COMPANY), before);
}

fn agent_row(id: &str, tier: i64, reports_to: Option<&str>, company: &str) -> Value {
    json!({
        "id": id, "company_id": company, "name": format!("agent {tier}"), "role": "r", "tier": tier,
        "human": tier == 1, "department_id": null, "reports_to": reports_to, "autonomy_level": "A2",
        "mandate": null, "status": "ACTIVE", "last_pulse": null, "created_at": CREATED,
    })
}

fn org() -> Vec<(&'static str, Value)> {
    vec![
        ("companies", company_row("ACTIVE", json!("m"), 3, 3)),
        ("agents", agent_row(CEO, 1, None, COMPANY)),
        ("agents", agent_row(CHIEF, 2, Some(CEO), COMPANY)),
        ("agents", agent_row(MANAGER, 3, Some(CHIEF), COMPANY)),
        ("agents", agent_row(LEAD, 4, Some(MANAGER), COMPANY)),
        ("agents", agent_row(WORKER, 5, Some(LEAD), COMPANY)),
        ("agents", agent_row(STRANGER, 2, None, OTHER_COMPANY)),
        ("tasks", task_row("IN_PROGRESS", Some(STARTED), None, None)),
        ("tasks", {
            let mut t = task_row("IN_PROGRESS", Some(STARTED), None, None);
            t["id"] = json!(TASK2);
            t
        }),
    ]
}

/// rules § Organisation [S]: every agent but the CEO reports to an agent of the same company one
/// tier up (a Worker may report to a Manager where there is no Lead).
#[tokio::test(flavor = "current_thread")]
async fn hiring_reports_one_tier_up_in_the_same_company() {
    let boss = [(1, CEO), (2, CHIEF), (3, MANAGER), (4, LEAD), (5, WORKER)];
    for tier in 2..=5i64 {
        for (boss_tier, boss_id) in boss {
            let legal = boss_tier == tier - 1 || (tier == 5 && boss_tier == 3);
            let fake = Fake::start(&org());
            let result = fake
                .client()
                .workflows()
                .run("agents", "hire", &[json!({"company_id": COMPANY, "name": "New", "role": "r", "tier": tier, "reports_to": boss_id})])
                .await;
            let what = format!("hire tier {tier} reporting to tier {boss_tier}");
            if legal {
                let row = result.unwrap_or_else(|e| panic!("{what}: {}", show(&e)));
                assert_eq!(
                    (row["tier"].as_i64(), row["reports_to"].as_str()),
                    (Some(tier), Some(boss_id)),
                    "{what}"
                );
            } else {
                let e = result.expect_err(&what);
                assert_eq!(
                    (e.code, e.violations.first().map(|v| v.field.as_str())),
                    (ErrorCode::ValidationFailed, Some("reports_to")),
                    "{what}: {}",
                    show(&e)
                );
                assert!(fake.writes().is_empty(), "{what}: {:?}", fake.writes());
            }
        }
    }
    // A superior of another company.
    let fake = Fake::start(&org());
    let e = fake
        .client()
        .workflows()
        .run("agents", "hire", &[json!({"company_id": COMPANY, "name": "New", "role": "r", "tier": 3, "reports_to": STRANGER})])
        .await
        .unwrap_err();
    assert_eq!(
        e.violations.first().map(|v| v.field.as_str()),
        Some("reports_to"),
        "{}",
        show(&e)
    );
    assert!(fake.writes().is_empty());
}

/// rules § State machines, Escalation routing [S]: to the sender's `reports_to`; MATERIAL_RISK
/// straight to the CEO; the CEO does not escalate. An ACTION_REQUIRED escalation with
/// `related_task_id` blocks only that task, and resolving it unblocks it; AWARENESS never blocks.
#[tokio::test(flavor = "current_thread")]
async fn raising_routes_and_blocks_only_the_related_task() {
    let raise = |from: &str, trigger: &str, task: Option<&str>| json!({"from_agent_id": from, "trigger": trigger, "context": "the supplier is late", "impact": "i", "recommendation": "r", "related_task_id": task});
    for (from, trigger, to, kind) in [
        (WORKER, "BUDGET_REQUEST", LEAD, "ACTION_REQUIRED"),
        (LEAD, "MILESTONE", MANAGER, "AWARENESS"),
        (MANAGER, "ANOMALY", CHIEF, "AWARENESS"),
        (CHIEF, "SCOPE_UNCLEAR", CEO, "ACTION_REQUIRED"),
        (WORKER, "MATERIAL_RISK", CEO, "ACTION_REQUIRED"),
        (LEAD, "MATERIAL_RISK", CEO, "ACTION_REQUIRED"),
    ] {
        let fake = Fake::start(&org());
        let row = fake
            .client()
            .workflows()
            .run("escalations", "raise", &[raise(from, trigger, None)])
            .await
            .unwrap_or_else(|e| panic!("{trigger} from {from}: {}", show(&e)));
        assert_eq!(
            (
                row["to_agent_id"].as_str(),
                row["type"].as_str(),
                row["company_id"].as_str(),
                row["status"].as_str()
            ),
            (Some(to), Some(kind), Some(COMPANY), Some("PENDING")),
            "{trigger} from {from}"
        );
    }
    // The CEO does not escalate (not even MATERIAL_RISK, which would go to the CEO).
    for trigger in ["BUDGET_REQUEST", "MATERIAL_RISK", "MILESTONE"] {
        let fake = Fake::start(&org());
        let e = fake
            .client()
            .workflows()
            .run("escalations", "raise", &[raise(CEO, trigger, None)])
            .await
            .expect_err(trigger);
        assert_eq!(
            e.code,
            ErrorCode::ValidationFailed,
            "{trigger}: {}",
            show(&e)
        );
        assert!(fake.writes().is_empty(), "{trigger}: {:?}", fake.writes());
    }

    // Blank context, impact or recommendation: refused before any request.
    for f in ["context", "impact", "recommendation"] {
        for blank in [json!(""), json!(" \t"), Value::Null, json!(7)] {
            let fake = Fake::start(&org());
            let mut a = raise(WORKER, "BUDGET_REQUEST", None);
            a[f] = blank.clone();
            let e = fake
                .client()
                .workflows()
                .run("escalations", "raise", &[a])
                .await
                .expect_err(f);
            assert_eq!(
                (e.code, e.violations.first().map(|v| v.field.as_str())),
                (ErrorCode::ValidationFailed, Some(f)),
                "{f} = {blank}: {}",
                show(&e)
            );
            assert!(fake.log().is_empty(), "{f}: {:?}", fake.log());
        }
    }

    // ACTION_REQUIRED with a related task blocks that task (non-blank reason), and only it;
    // resolving the escalation unblocks it.
    let fake = Fake::start(&org());
    let mc = fake.client();
    let esc = mc
        .workflows()
        .run(
            "escalations",
            "raise",
            &[raise(WORKER, "TASK_BLOCKED", Some(TASK))],
        )
        .await
        .unwrap_or_else(|e| panic!("{}", show(&e)));
    let task = fake.row("tasks", TASK);
    assert_eq!(task["status"], "BLOCKED");
    assert!(
        task["blocked_reason"]
            .as_str()
            .is_some_and(|r| !r.trim().is_empty()),
        "{task}"
    );
    assert_eq!(
        fake.row("tasks", TASK2)["status"],
        "IN_PROGRESS",
        "only the related task"
    );
    mc.workflows()
        .run(
            "escalations",
            "resolve",
            &[esc["id"].clone(), json!("more budget")],
        )
        .await
        .unwrap_or_else(|e| panic!("{}", show(&e)));
    let task = fake.row("tasks", TASK);
    assert_eq!(
        (task["status"].as_str(), &task["blocked_reason"]),
        (Some("IN_PROGRESS"), &Value::Null),
        "{task}"
    );
    assert_eq!(task["started_at"], STARTED, "started_at is kept");

    // A related task that is no longer open (COMPLETE, or BLOCKED already) is left as it is:
    // the escalation is raised, the task is not touched.
    for (status, completed, reason) in [
        ("COMPLETE", Some(ENDED), None),
        ("BLOCKED", None, Some("waiting for parts")),
    ] {
        let mut rows = org();
        rows.retain(|(t, r)| *t != "tasks" || r["id"] != TASK);
        rows.push(("tasks", task_row(status, Some(STARTED), completed, reason)));
        let fake = Fake::start(&rows);
        let before = fake.row("tasks", TASK);
        let esc = fake
            .client()
            .workflows()
            .run(
                "escalations",
                "raise",
                &[raise(WORKER, "TASK_BLOCKED", Some(TASK))],
            )
            .await
            .unwrap_or_else(|e| panic!("{status}: {}", show(&e)));
        assert_eq!(esc["status"], "PENDING", "{status}");
        assert_eq!(
            fake.row("tasks", TASK),
            before,
            "{status}: the task is untouched"
        );
        assert!(
            fake.writes().iter().all(|r| r.table != "tasks"),
            "{status}: {:?}",
            fake.writes()
        );
    }

    // AWARENESS never blocks.
    let fake = Fake::start(&org());
    fake.client()
        .workflows()
        .run(
            "escalations",
            "raise",
            &[raise(WORKER, "TIMELINE_RISK", Some(TASK))],
        )
        .await
        .unwrap_or_else(|e| panic!("{}", show(&e)));
    assert_eq!(fake.row("tasks", TASK)["status"], "IN_PROGRESS");
}

// ---------------------------------------------------------------------------------------------
// What the SDK offers on the raw tables.
// ---------------------------------------------------------------------------------------------

/// rules § Consequence of the immutability triggers: "The SDK must not offer update or delete
/// for [memory_entries and chat_messages] at all"; schema § RLS Summary: chat_sessions has no
/// DELETE. Refused while building, before any request.
#[test]
fn immutable_tables_offer_no_update_or_delete() {
    let mc = client("http://127.0.0.1:9");
    for t in ["memory_entries", "chat_messages"] {
        for (what, q) in [
            (
                "update",
                mc.from(t)
                    .update(json!({"company_id": COMPANY}))
                    .eq("id", U1),
            ),
            (
                "upsert",
                mc.from(t).upsert(minimal_insert(t), None, false, true),
            ),
            ("delete", mc.from(t).delete().eq("id", U1)),
        ] {
            let e = q
                .build()
                .err()
                .unwrap_or_else(|| panic!("{t}: {what} is offered"));
            assert_eq!(
                e.code,
                ErrorCode::ImmutableRecord,
                "{t} {what}: {}",
                show(&e)
            );
        }
        assert!(
            mc.from(t).insert(minimal_insert(t), true).build().is_ok(),
            "{t}: insert is offered"
        );
    }
    assert!(
        mc.from("chat_sessions")
            .delete()
            .eq("id", U1)
            .build()
            .is_err(),
        "chat_sessions: no delete"
    );
    assert!(mc
        .from("chat_sessions")
        .update(json!({"status": "CLOSED"}))
        .eq("id", U1)
        .build()
        .is_ok());
}

/// rules § State machines, Pulse [S]: "Pulses run in the backend: the front end never triggers
/// one, so the SDK exposes pulses read-only."
#[test]
fn pulses_are_read_only_in_the_sdk() {
    let mc = client("http://127.0.0.1:9");
    assert!(
        mc.from("pulses").select("*").build().is_ok(),
        "pulses can be read"
    );
    for (what, q) in [
        (
            "insert",
            mc.from("pulses").insert(minimal_insert("pulses"), true),
        ),
        (
            "update",
            mc.from("pulses")
                .update(json!({"phase": "ASSESS"}))
                .eq("id", U1),
        ),
        (
            "upsert",
            mc.from("pulses")
                .upsert(minimal_insert("pulses"), None, false, true),
        ),
        ("delete", mc.from("pulses").delete().eq("id", U1)),
    ] {
        assert!(q.build().is_err(), "pulses: {what} is offered");
    }
}

// ---------------------------------------------------------------------------------------------
// Validation at the boundaries.
// ---------------------------------------------------------------------------------------------

/// schema § Table Schemas ("Required"): an insert needs exactly the required columns.
#[test]
fn inserts_need_exactly_the_required_columns() {
    for (t, cols) in SCHEMA {
        accepts(t, Mode::Insert, minimal_insert(t));
        accepts(t, Mode::Update, json!({}));
        let required: BTreeSet<(String, String, String)> = cols
            .iter()
            .filter(|(_, _, p)| *p == P::Req)
            .map(|(c, _, _)| (t.to_string(), c.to_string(), "required".to_string()))
            .collect();
        let e = validate(t, Mode::Insert, &json!({})).unwrap_err();
        let got: BTreeSet<(String, String, String)> = e
            .violations
            .iter()
            .map(|v| (v.table.clone(), v.field.clone(), v.rule.clone()))
            .collect();
        assert_eq!(got, required, "{t}: an empty insert");
        for (c, _, _) in cols.iter().filter(|(_, _, p)| *p == P::Req) {
            let mut v = minimal_insert(t);
            v.as_object_mut().unwrap().remove(*c);
            refuses(t, Mode::Insert, v, c, "required");
        }
    }
}

/// A row as the server returns it has every column.
#[test]
fn rows_have_every_column() {
    for (t, cols) in SCHEMA {
        accepts(t, Mode::Row, full_row(t));
        for (c, _, _) in cols.iter() {
            let mut v = full_row(t);
            v.as_object_mut().unwrap().remove(*c);
            refuses(t, Mode::Row, v, c, "required");
        }
    }
}

/// rules § Exact column facts: NOT NULL columns (required, or with a default) refuse null; the
/// nullable ones (with or without a default) take it.
#[test]
fn null_only_where_the_column_is_nullable() {
    for (t, cols) in SCHEMA {
        for (c, _, p) in cols.iter() {
            match p {
                P::Req | P::Def => {
                    refuses(t, Mode::Update, update(c, Value::Null), c, "null");
                    let mut v = minimal_insert(t);
                    v[*c] = Value::Null;
                    refuses(t, Mode::Insert, v, c, "null");
                }
                P::Null | P::NullDef => {
                    accepts(t, Mode::Update, update(c, Value::Null));
                    let mut v = minimal_insert(t);
                    v[*c] = Value::Null;
                    accepts(t, Mode::Insert, v);
                }
            }
        }
    }
}

#[test]
fn unknown_columns_and_tables_are_refused() {
    for (t, _) in SCHEMA {
        refuses(
            t,
            Mode::Update,
            json!({"nmae": "x"}),
            "nmae",
            "unknown column",
        );
        let mut v = minimal_insert(t);
        v["Company_Id"] = json!(U1);
        refuses(t, Mode::Insert, v, "Company_Id", "unknown column");
        refuses(t, Mode::Update, json!({"id ": U1}), "id ", "unknown column");
    }
    // A column of another table.
    refuses(
        "tasks",
        Mode::Update,
        json!({"tier": 2}),
        "tier",
        "unknown column",
    );
    refuses(
        "agents",
        Mode::Update,
        json!({"blocked_reason": "x"}),
        "blocked_reason",
        "unknown column",
    );
    let e = validate("task", Mode::Update, &json!({})).unwrap_err();
    assert_eq!(
        (e.code, e.violations.len()),
        (ErrorCode::ValidationFailed, 1),
        "{}",
        show(&e)
    );
    assert!(
        e.violations[0].rule.contains("unknown table"),
        "{}",
        show(&e)
    );
    for not_an_object in [json!([]), json!("x"), json!(1), Value::Null] {
        assert!(
            validate("tasks", Mode::Update, &not_an_object).is_err(),
            "{not_an_object}"
        );
    }
}

/// schema § agents: `tier` SMALLINT, CHECK 1–5; rules § Organisation: tiers 1–5.
#[test]
fn agent_tier_is_an_integer_from_1_to_5() {
    for tier in 1..=5 {
        accepts("agents", Mode::Update, json!({"tier": tier}));
        let mut v = minimal_insert("agents");
        v["tier"] = json!(tier);
        if tier == 1 {
            // rules § Organisation: the CEO (tier 1) is human.
            v["human"] = json!(true);
        }
        accepts("agents", Mode::Insert, v);
    }
    for tier in [0, 6, -1, 100, 32767, -32768] {
        refuses(
            "agents",
            Mode::Update,
            json!({"tier": tier}),
            "tier",
            "1 and 5",
        );
        let mut v = minimal_insert("agents");
        v["tier"] = json!(tier);
        refuses("agents", Mode::Insert, v, "tier", "1 and 5");
    }
    for bad in [
        json!(2.5),
        json!(1.5),
        json!("3"),
        json!(true),
        json!([2]),
        json!({}),
        json!(40000),
    ] {
        refuses("agents", Mode::Update, json!({"tier": bad}), "tier", "");
    }
}

/// rules § Organisation: spending authority ≥ 0 with two decimals (NUMERIC(12,2): at most
/// 9,999,999,999.99). schema: the only NUMERIC column is `companies.spending_authority_usd`.
#[test]
fn money_is_non_negative_with_two_decimals_below_ten_billion() {
    assert_eq!(
        columns_of_type("numeric(12,2)")
            .iter()
            .map(|(t, c, _)| (*t, *c))
            .collect::<Vec<_>>(),
        vec![("companies", "spending_authority_usd")]
    );
    let money: Vec<(&str, &str)> = schema::TABLES
        .iter()
        .flat_map(|t| {
            t.columns
                .iter()
                .filter(|c| c.ty == ColumnType::Money)
                .map(move |c| (t.name, c.name))
        })
        .collect();
    assert_eq!(
        money,
        vec![("companies", "spending_authority_usd")],
        "the catalogue's money columns"
    );
    let col = "spending_authority_usd";
    for ok in [
        json!(0),
        json!(0.0),
        json!(0.01),
        json!(0.07),
        json!(0.1),
        json!(0.29),
        json!(1),
        json!(1.1),
        json!(12.5),
        json!(1234.56),
        json!(9999999999.99),
        json!(9999999999i64),
    ] {
        accepts("companies", Mode::Update, update(col, ok.clone()));
        let mut v = minimal_insert("companies");
        v[col] = ok;
        accepts("companies", Mode::Insert, v);
    }
    for (bad, rule) in [
        (json!(-0.01), "at least 0"),
        (json!(-1), "at least 0"),
        (json!(0.001), "2 decimals"),
        (json!(0.005), "2 decimals"),
        (json!(1.234), "2 decimals"),
        (json!(10000000000i64), "10000000000"),
        (json!(10000000000.0), "10000000000"),
        (json!(1e12), "10000000000"),
    ] {
        refuses(
            "companies",
            Mode::Update,
            update(col, bad.clone()),
            col,
            rule,
        );
        let mut v = minimal_insert("companies");
        v[col] = bad;
        refuses("companies", Mode::Insert, v, col, rule);
    }
    for bad in [json!("12.50"), json!(true), json!([1])] {
        refuses("companies", Mode::Update, update(col, bad), col, "");
    }
}

/// rules § State machines (Pulse: "it must be a positive integer"; Chat session: "`tokens_used`
/// ≥ 0 or null") and the INTEGER type.
#[test]
fn integer_columns_and_their_ranges() {
    let c = "pulse_interval_minutes";
    for ok in [1, 15, 60, 2147483647i64] {
        accepts("companies", Mode::Update, update(c, json!(ok)));
    }
    for bad in [0, -1, -15] {
        refuses(
            "companies",
            Mode::Update,
            update(c, json!(bad)),
            c,
            "at least 1",
        );
    }
    for bad in [json!(1.5), json!("15"), json!(2147483648i64)] {
        refuses("companies", Mode::Update, update(c, bad), c, "");
    }
    let c = "tokens_used";
    for ok in [json!(0), json!(1), json!(2147483647i64), Value::Null] {
        accepts("chat_messages", Mode::Update, update(c, ok));
    }
    for bad in [-1, -100] {
        refuses(
            "chat_messages",
            Mode::Update,
            update(c, json!(bad)),
            c,
            "at least 0",
        );
    }
    for bad in [json!(0.5), json!("3"), json!(2147483648i64)] {
        refuses("chat_messages", Mode::Update, update(c, bad), c, "");
    }
}

/// The text columns the rules require to be non-blank: `blocked_reason` and `resolution`
/// ("needs a non-blank …"), pulse `error` ("non-blank `error`"), and the required text columns
/// (schema "Required"; README "Validation": non-blank text).
const NON_BLANK: &[(&str, &str)] = &[
    ("tasks", "blocked_reason"),
    ("escalations", "resolution"),
    ("pulses", "error"),
    ("companies", "name"),
    ("agents", "name"),
    ("agents", "role"),
    ("tasks", "title"),
    ("escalations", "context"),
    ("escalations", "impact"),
    ("escalations", "recommendation"),
    ("messages", "subject"),
    ("messages", "body"),
    ("memory_entries", "summary"),
    ("chat_messages", "content"),
];

#[test]
fn non_blank_text_at_its_boundaries() {
    for (t, c) in NON_BLANK {
        for blank in ["", " ", "   ", "\t", "\n", "\r\n", " \t\n "] {
            refuses(t, Mode::Update, update(c, json!(blank)), c, "blank");
        }
        for ok in ["x", " x", "x ", "\tx\n", "a b"] {
            accepts(t, Mode::Update, update(c, json!(ok)));
        }
        if spec_table(t).iter().any(|(n, _, p)| n == c && *p == P::Req) {
            let mut v = minimal_insert(t);
            v[*c] = json!(" ");
            refuses(t, Mode::Insert, v, c, "blank");
        }
    }
}

/// Postgres text cannot hold U+0000: every text and text[] column refuses it.
#[test]
fn nul_characters_are_refused_in_every_text_column() {
    for (t, c, _) in columns_of_type("text") {
        for bad in ["\u{0}", "a\u{0}b", "abc\u{0}"] {
            refuses(t, Mode::Update, update(c, json!(bad)), c, "NUL");
        }
        accepts(t, Mode::Update, update(c, json!("a\u{1}b")));
    }
    for (t, c, _) in columns_of_type("text[]") {
        refuses(
            t,
            Mode::Update,
            update(c, json!(["ok", "a\u{0}b"])),
            c,
            "NUL",
        );
        accepts(t, Mode::Update, update(c, json!(["ok", "fine"])));
        accepts(t, Mode::Update, update(c, json!([])));
        refuses(t, Mode::Update, update(c, json!("a")), c, "");
        refuses(t, Mode::Update, update(c, json!(["a", 1])), c, "");
    }
}

/// schema § Enum Types: every enum column takes each of its values and refuses near misses.
#[test]
fn every_enum_column_takes_its_values_and_refuses_near_misses() {
    let mut seen = BTreeSet::new();
    for (t, cols) in SCHEMA {
        for (c, ty, _) in cols.iter().filter(|(_, ty, _)| is_enum(ty)) {
            seen.insert(*ty);
            for value in spec_enum(ty) {
                let mut set = update(c, json!(value));
                if (*t, *value) == ("tasks", "BLOCKED") {
                    // rules § Task: BLOCKED needs a non-blank blocked_reason.
                    set["blocked_reason"] = json!("waiting");
                }
                accepts(t, Mode::Update, set);
                for miss in [
                    value.to_lowercase(),
                    format!("{value} "),
                    format!(" {value}"),
                    format!("{value}\n"),
                    format!("{}{}", &value[..1], value[1..].to_lowercase()),
                ]
                .into_iter()
                .filter(|m| m != value)
                {
                    refuses(
                        t,
                        Mode::Update,
                        update(c, json!(miss)),
                        c,
                        &format!("one of {ty}"),
                    );
                }
            }
            for miss in [
                json!(""),
                json!("NOPE"),
                json!(1),
                json!(true),
                json!([spec_enum(ty)[0]]),
            ] {
                refuses(t, Mode::Update, update(c, miss), c, &format!("one of {ty}"));
            }
        }
    }
    // Every table-column enum is used (the pulse enums are checked inside the JSON below).
    let unused: Vec<&str> = ENUMS
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| !seen.contains(n))
        .collect();
    assert_eq!(unused, vec!["pulse_decision_outcome", "pulse_action_type"]);
}

/// schema: UUID columns. Hex digits in groups 8-4-4-4-12, either case (PostgreSQL reads both);
/// the braced and other non-canonical forms are refused ([P] the spec names no text form; the
/// SDK takes the one PostgreSQL prints).
#[test]
fn uuid_columns_at_their_boundaries() {
    let good = [
        "0f8fad5b-d9cb-469f-a165-70867728950e",
        "0F8FAD5B-D9CB-469F-A165-70867728950E",
        "6ba7b810-9dad-11d1-80b4-00c04fd430c8", // v1
        "00000000-0000-0000-0000-000000000000",
    ];
    let bad = [
        "{0f8fad5b-d9cb-469f-a165-70867728950e}",
        "0f8fad5b-d9cb-469f-a165-70867728950",
        "0f8fad5b-d9cb-469f-a165-70867728950e0",
        "0f8fad5b-d9cb-469f-a165-70867728950g",
        "0f8fad5bd9cb469fa16570867728950e",
        "0f8fad5b_d9cb_469f_a165_70867728950e",
        " 0f8fad5b-d9cb-469f-a165-70867728950e",
        "",
        "not-a-uuid",
    ];
    let cols = columns_of_type("uuid");
    assert_eq!(cols.len(), 43, "the schema's UUID columns");
    for (t, c, _) in cols {
        for g in good {
            accepts(t, Mode::Update, update(c, json!(g)));
        }
        for b in bad {
            refuses(t, Mode::Update, update(c, json!(b)), c, "UUID");
        }
        refuses(t, Mode::Update, update(c, json!(12)), c, "UUID");
    }
    for (t, c, _) in columns_of_type("uuid[]") {
        accepts(t, Mode::Update, update(c, json!(good)));
        accepts(t, Mode::Update, update(c, json!([])));
        for b in bad {
            refuses(t, Mode::Update, update(c, json!([good[0], b])), c, "UUID");
        }
        refuses(t, Mode::Update, update(c, json!(good[0])), c, "UUID");
    }
}

/// schema: TIMESTAMPTZ columns take RFC 3339 timestamps with a time zone.
#[test]
fn timestamp_columns_at_their_boundaries() {
    let good = [
        "2025-06-01T12:00:00Z",
        "2025-06-01T12:00:00+02:00",
        "2025-06-01T12:00:00-05:30",
        "2025-06-01T12:00:00.123456Z",
        "2025-06-01T12:00:00.1+00:00",
        "2024-02-29T00:00:00Z",
        "2000-02-29T23:59:59Z",
        "2025-12-31T23:59:59Z",
    ];
    let bad = [
        "2025-06-01T12:00:00",  // no time zone
        "2025-06-01",           // date only
        "2025-02-30T00:00:00Z", // no 30 February
        "2025-02-29T00:00:00Z", // not a leap year
        "2100-02-29T00:00:00Z", // not a leap year
        "2025-04-31T00:00:00Z", // April has 30 days
        "2025-06-01T24:00:00Z", // hours end at 23
        "2025-06-01T12:60:00Z",
        "2025-13-01T00:00:00Z",
        "2025-00-10T00:00:00Z",
        "2025-06-00T00:00:00Z",
        "2025-06-01T12:00:00+24:00",
        "2025-06-01T12:00:00+0200",
        "2025-06-01T12:00:00.Z",
        "2025-06-01T12:00Z",
        "2025/06/01T12:00:00Z",
        "",
        "now",
    ];
    let cols = columns_of_type("timestamptz");
    assert_eq!(cols.len(), 18, "the schema's TIMESTAMPTZ columns");
    for (t, c, _) in cols {
        for g in good {
            accepts(t, Mode::Update, update(c, json!(g)));
        }
        for b in bad {
            refuses(t, Mode::Update, update(c, json!(b)), c, "RFC 3339");
        }
        refuses(
            t,
            Mode::Update,
            update(c, json!(1_700_000_000)),
            c,
            "RFC 3339",
        );
    }
}

#[test]
fn booleans_and_json_columns() {
    accepts("agents", Mode::Update, json!({"human": false}));
    for bad in [json!("true"), json!(1), json!(0)] {
        refuses("agents", Mode::Update, json!({"human": bad}), "human", "");
    }
    for (t, c, _) in columns_of_type("jsonb") {
        if c == "decisions" || c == "actions" {
            continue;
        }
        for ok in [
            json!({}),
            json!({"a": [1, {"b": null}]}),
            json!([]),
            json!(1),
            json!("s"),
        ] {
            accepts(t, Mode::Update, update(c, ok));
        }
    }
}

/// rules § State machines, Pulse [S]: decision entries `{action_type, autonomy_check, outcome}`
/// map A1→QUEUED, A2→PROPOSED, A3→ESCALATED; action entries `{type, target_id, details,
/// logged}`.
#[test]
fn pulse_decisions_follow_autonomy_and_actions_have_their_shape() {
    let outcome = [("A1", "QUEUED"), ("A2", "PROPOSED"), ("A3", "ESCALATED")];
    for (a, _) in outcome {
        for o in spec_enum("pulse_decision_outcome") {
            let v = json!({"decisions": [{"action_type": "TASK_PROGRESS", "autonomy_check": a, "outcome": o}]});
            if outcome.contains(&(a, o)) {
                accepts("pulses", Mode::Update, v);
            } else {
                refuses("pulses", Mode::Update, v, "decisions[0].outcome", "");
            }
        }
    }
    for t in spec_enum("pulse_action_type") {
        accepts(
            "pulses",
            Mode::Update,
            json!({"decisions": [{"action_type": t, "autonomy_check": "A2", "outcome": "PROPOSED"}]}),
        );
        accepts(
            "pulses",
            Mode::Update,
            json!({"actions": [{"type": t, "target_id": U1, "details": {}, "logged": true}]}),
        );
        let miss = t.to_lowercase();
        refuses(
            "pulses",
            Mode::Update,
            json!({"decisions": [{"action_type": miss, "autonomy_check": "A2", "outcome": "PROPOSED"}]}),
            "decisions[0].action_type",
            "pulse_action_type",
        );
        refuses(
            "pulses",
            Mode::Update,
            json!({"actions": [{"type": miss, "target_id": null, "details": {}, "logged": false}]}),
            "actions[0].type",
            "pulse_action_type",
        );
    }
    refuses(
        "pulses",
        Mode::Update,
        json!({"decisions": [{"action_type": "TASK_PROGRESS", "autonomy_check": "A4", "outcome": "QUEUED"}]}),
        "decisions[0].autonomy_check",
        "autonomy_level",
    );
    // An outcome outside the enum: refused on that field (it breaks the A1 → QUEUED map too).
    let e = validate(
        "pulses",
        Mode::Update,
        &json!({"decisions": [{"action_type": "TASK_PROGRESS", "autonomy_check": "A1", "outcome": "DONE"}]}),
    )
    .unwrap_err();
    assert!(
        e.violations
            .iter()
            .all(|v| v.table == "pulses" && v.field == "decisions[0].outcome")
            && e.violations
                .iter()
                .any(|v| v.rule.contains("pulse_decision_outcome")),
        "{}",
        show(&e)
    );
    for key in ["action_type", "autonomy_check", "outcome"] {
        let mut d =
            json!({"action_type": "TASK_PROGRESS", "autonomy_check": "A1", "outcome": "QUEUED"});
        d.as_object_mut().unwrap().remove(key);
        refuses(
            "pulses",
            Mode::Update,
            json!({"decisions": [d]}),
            &format!("decisions[0].{key}"),
            "required",
        );
    }
    for key in ["type", "target_id", "details", "logged"] {
        let mut a =
            json!({"type": "TASK_PROGRESS", "target_id": null, "details": {}, "logged": true});
        a.as_object_mut().unwrap().remove(key);
        refuses(
            "pulses",
            Mode::Update,
            json!({"actions": [a]}),
            &format!("actions[0].{key}"),
            "required",
        );
    }
    refuses(
        "pulses",
        Mode::Update,
        json!({"decisions": [{"action_type": "TASK_PROGRESS", "autonomy_check": "A1", "outcome": "QUEUED", "extra": 1}]}),
        "decisions[0].extra",
        "unknown key",
    );
    refuses(
        "pulses",
        Mode::Update,
        json!({"actions": [{"type": "TASK_PROGRESS", "target_id": "x", "details": {}, "logged": true}]}),
        "actions[0].target_id",
        "UUID",
    );
    refuses(
        "pulses",
        Mode::Update,
        json!({"actions": [{"type": "TASK_PROGRESS", "target_id": null, "details": {}, "logged": "yes"}]}),
        "actions[0].logged",
        "boolean",
    );
    refuses(
        "pulses",
        Mode::Update,
        json!({"decisions": {}}),
        "decisions",
        "array",
    );
    refuses(
        "pulses",
        Mode::Update,
        json!({"actions": [1]}),
        "actions[0]",
        "object",
    );
    accepts(
        "pulses",
        Mode::Update,
        json!({"decisions": [], "actions": []}),
    );
}

/// Every violation is reported at once, each with its table and field.
#[test]
fn all_violations_at_once() {
    let e = validate(
        "agents",
        Mode::Insert,
        &json!({"name": " ", "tier": 6, "status": "active", "nmae": "x", "reports_to": "nope"}),
    )
    .unwrap_err();
    let got: BTreeSet<(&str, &str)> = e
        .violations
        .iter()
        .map(|v| (v.table.as_str(), v.field.as_str()))
        .collect();
    let want: BTreeSet<(&str, &str)> = [
        ("agents", "company_id"),
        ("agents", "role"),
        ("agents", "name"),
        ("agents", "tier"),
        ("agents", "status"),
        ("agents", "nmae"),
        ("agents", "reports_to"),
    ]
    .into_iter()
    .collect();
    assert_eq!(got, want, "{}", show(&e));
}

/// rules § State machines, Chat session [S]: at most one ACTIVE session per agent.
#[tokio::test(flavor = "current_thread")]
async fn one_active_chat_session_per_agent() {
    let mut closed = session_row("CLOSED", Some(ENDED));
    closed["id"] = json!("f0000000-0000-4000-8000-000000000002");
    let mut rows = org();
    rows.push(("chat_sessions", closed));
    let fake = Fake::start(&rows);
    let mc = fake.client();
    mc.auth()
        .sign_in_with_password("owner@example.com", "correct-horse-9")
        .await
        .unwrap_or_else(|e| panic!("{}", show(&e)));
    // Only a CLOSED session: a new ACTIVE one opens.
    let s = mc
        .workflows()
        .run("chat", "open", &[json!(CHIEF)])
        .await
        .unwrap_or_else(|e| panic!("{}", show(&e)));
    assert_eq!(
        (
            s["status"].as_str(),
            s["agent_id"].as_str(),
            s["company_id"].as_str()
        ),
        (Some("ACTIVE"), Some(CHIEF), Some(COMPANY))
    );
    let writes = fake.writes().len();
    // A second one is refused, nothing written.
    let e = mc
        .workflows()
        .run("chat", "open", &[json!(CHIEF)])
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Conflict, "{}", show(&e));
    assert_eq!(fake.writes().len(), writes, "{:?}", fake.writes());
    let active = fake
        .rows("chat_sessions")
        .iter()
        .filter(|r| r["agent_id"] == CHIEF && r["status"] == "ACTIVE")
        .count();
    assert_eq!(active, 1);
    // Another agent has its own.
    mc.workflows()
        .run("chat", "open", &[json!(MANAGER)])
        .await
        .unwrap_or_else(|e| panic!("{}", show(&e)));
}

// ---------------------------------------------------------------------------------------------
// Business rules on one row that the rules leave to the SDK's client-side validation (rules,
// preamble: "Everything else is the SDK's job, as client-side validation that fails fast …
// before any request is sent"). Checked on inserts, where the whole row is known.
// ---------------------------------------------------------------------------------------------

fn insert_with(table: &str, pairs: &[(&str, Value)]) -> Value {
    let mut v = minimal_insert(table);
    for (k, x) in pairs {
        v[*k] = x.clone();
    }
    v
}

/// Refused on insert, on one of `fields`.
#[track_caller]
fn insert_refused(table: &str, v: Value, fields: &[&str]) {
    let Err(e) = validate(table, Mode::Insert, &v) else {
        panic!("{table} insert {v}: the rules refuse it, validation passes");
    };
    assert!(
        e.violations
            .iter()
            .any(|x| x.table == table && fields.contains(&x.field.as_str())),
        "{table} insert {v}: expected a violation on {fields:?}: {}",
        show(&e)
    );
}

/// rules § Trigger → type [S].
#[test]

fn escalation_type_must_match_its_trigger_on_insert() {
    accepts(
        "escalations",
        Mode::Insert,
        insert_with(
            "escalations",
            &[
                ("type", json!("ACTION_REQUIRED")),
                ("trigger", json!("BUDGET_REQUEST")),
            ],
        ),
    );
    insert_refused(
        "escalations",
        insert_with(
            "escalations",
            &[
                ("type", json!("AWARENESS")),
                ("trigger", json!("MATERIAL_RISK")),
            ],
        ),
        &["type", "trigger"],
    );
    insert_refused(
        "escalations",
        insert_with(
            "escalations",
            &[
                ("type", json!("ACTION_REQUIRED")),
                ("trigger", json!("MILESTONE")),
            ],
        ),
        &["type", "trigger"],
    );
}

/// rules § Message [S/D]: from ≠ to.
#[test]

fn a_message_goes_to_another_agent_on_insert() {
    accepts(
        "messages",
        Mode::Insert,
        insert_with(
            "messages",
            &[
                ("from_agent_id", json!(LEAD)),
                ("to_agent_id", json!(WORKER)),
            ],
        ),
    );
    insert_refused(
        "messages",
        insert_with(
            "messages",
            &[("from_agent_id", json!(LEAD)), ("to_agent_id", json!(LEAD))],
        ),
        &["from_agent_id", "to_agent_id"],
    );
}

/// rules § Task [D]: `blocked_reason` only while BLOCKED (and BLOCKED needs one);
/// `created_at ≤ started_at ≤ completed_at`.
#[test]

fn task_rows_keep_the_task_invariants_on_insert() {
    accepts(
        "tasks",
        Mode::Insert,
        insert_with(
            "tasks",
            &[
                ("status", json!("BLOCKED")),
                ("blocked_reason", json!(REASON)),
            ],
        ),
    );
    insert_refused(
        "tasks",
        insert_with(
            "tasks",
            &[
                ("status", json!("PENDING")),
                ("blocked_reason", json!(REASON)),
            ],
        ),
        &["blocked_reason", "status"],
    );
    insert_refused(
        "tasks",
        insert_with("tasks", &[("status", json!("BLOCKED"))]),
        &["blocked_reason", "status"],
    );
    insert_refused(
        "tasks",
        insert_with(
            "tasks",
            &[
                ("status", json!("COMPLETE")),
                ("started_at", json!(ENDED)),
                ("completed_at", json!(STARTED)),
            ],
        ),
        &["started_at", "completed_at"],
    );
    insert_refused(
        "tasks",
        insert_with(
            "tasks",
            &[
                ("created_at", json!(ENDED)),
                ("status", json!("IN_PROGRESS")),
                ("started_at", json!(STARTED)),
            ],
        ),
        &["created_at", "started_at"],
    );
}

/// rules § Company [S]: created ONBOARDING.
#[test]

fn a_company_is_created_onboarding() {
    accepts(
        "companies",
        Mode::Insert,
        insert_with("companies", &[("status", json!("ONBOARDING"))]),
    );
    insert_refused(
        "companies",
        insert_with("companies", &[("status", json!("ACTIVE"))]),
        &["status"],
    );
}

/// rules § Organisation [S]: the CEO is tier 1, human, `reports_to` null; every other agent
/// reports to someone.
#[test]

fn the_ceo_is_human_and_reports_to_no_one_on_insert() {
    accepts(
        "agents",
        Mode::Insert,
        insert_with(
            "agents",
            &[
                ("tier", json!(1)),
                ("human", json!(true)),
                ("reports_to", Value::Null),
            ],
        ),
    );
    insert_refused(
        "agents",
        insert_with("agents", &[("tier", json!(1)), ("human", json!(false))]),
        &["human", "tier"],
    );
    insert_refused(
        "agents",
        insert_with(
            "agents",
            &[
                ("tier", json!(1)),
                ("human", json!(true)),
                ("reports_to", json!(CEO)),
            ],
        ),
        &["reports_to", "tier"],
    );
}

/// rules § State machines, Message [S/D]: from ≠ to, same company; ASYNC by default.
#[tokio::test(flavor = "current_thread")]
async fn messages_go_between_two_agents_of_one_company() {
    let send = |to: &str| json!({"from_agent_id": LEAD, "to_agent_id": to, "subject": "s", "body": "b", "type": "DIRECTIVE"});
    let fake = Fake::start(&org());
    let e = fake
        .client()
        .workflows()
        .run("messages", "send", &[send(STRANGER)])
        .await
        .unwrap_err();
    assert_eq!(
        (e.code, e.violations.first().map(|v| v.field.as_str())),
        (ErrorCode::ValidationFailed, Some("to_agent_id")),
        "{}",
        show(&e)
    );
    assert!(fake.writes().is_empty(), "{:?}", fake.writes());
    let row = fake
        .client()
        .workflows()
        .run("messages", "send", &[send(WORKER)])
        .await
        .unwrap_or_else(|e| panic!("{}", show(&e)));
    assert_eq!(row["company_id"], COMPANY);
    assert!(
        row["priority"].is_null() || row["priority"] == "ASYNC",
        "ASYNC by default (the column default): {row}"
    );
}

/// The typed steps Rust users call (`start_task(id) -> TaskRow`) run the same machine: a legal
/// step answers the row as written, typed; an illegal one is refused before any write.
#[tokio::test(flavor = "current_thread")]
async fn typed_steps_answer_typed_rows_and_refuse_illegal_ones() {
    use mission_control_sdk::schema::TaskStatus;
    let id: uuid::Uuid = TASK.parse().unwrap();
    let fake = Fake::start(&[("tasks", task_row("PENDING", None, None, None))]);
    let task = fake.client().workflows().start_task(id).await.unwrap();
    assert_eq!((task.id, task.status), (id, TaskStatus::InProgress));
    assert!(task.started_at.is_some() && task.completed_at.is_none());
    let blocked = fake
        .client()
        .workflows()
        .block_task(id, REASON)
        .await
        .unwrap();
    assert_eq!(blocked.status, TaskStatus::Blocked);
    assert_eq!(blocked.blocked_reason.as_deref(), Some(REASON));

    let fake = Fake::start(&[("tasks", task_row("PENDING", None, None, None))]);
    let e = fake
        .client()
        .workflows()
        .complete_task(id)
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidTransition);
    assert!(
        fake.writes().is_empty(),
        "refused, yet wrote {:?}",
        fake.writes()
    );
    let sent = fake.log().len();
    let e = fake
        .client()
        .workflows()
        .block_task(id, "  ")
        .await
        .unwrap_err();
    assert_eq!(
        (e.code, e.violations[0].field.as_str()),
        (ErrorCode::ValidationFailed, "blocked_reason")
    );
    assert_eq!(
        fake.log().len(),
        sent,
        "a blank reason is refused before the network"
    );
}

// ---------------------------------------------------------------------------------------------
// The cockpit's paging, as the requests show it.
// ---------------------------------------------------------------------------------------------

/// rules § What the cockpit front end reads: "List calls paginate". The roster and a
/// department's agents are read one server page (`max_rows`, 1,000) at a time from offset 0 —
/// a larger page would, on a server without that ceiling, overlap the next one.
#[tokio::test(flavor = "current_thread")]
async fn the_cockpit_reads_agents_one_server_page_at_a_time() {
    const DEPT: &str = "d0000000-0000-4000-8000-000000000001";
    let fake = Fake::start(&[
        (
            "companies",
            json!({"id": COMPANY, "ceo_id": CEO, "departments": [], "sectors": []}),
        ),
        ("departments", json!({"id": DEPT, "company_id": COMPANY})),
    ]);
    let mc = fake.client();
    let w = mc.workflows();
    use mission_control_sdk::surface::ByName;
    let _ = w.run("cockpit", "load", &[json!(COMPANY)]).await;
    let _ = w.run("cockpit", "department", &[json!(DEPT)]).await;
    let log = fake.log();
    let agents: Vec<_> = log
        .iter()
        .filter(|r| r.table == "agents")
        .map(|r| (r.param("offset"), r.param("limit")))
        .collect();
    assert_eq!(
        agents,
        vec![(Some("0"), Some("1000")), (Some("0"), Some("1000"))],
        "the roster's and the department's agents: {log:?}"
    );
}
