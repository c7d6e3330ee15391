//! The business rules the database does not enforce, by table and column (listed in
//! docs/rules.md).

use serde_json::{Map, Value};

use super::catalog::Rule;
use super::validate::{instant, violation, Mode};
use super::{EscalationTrigger, EscalationType};
use crate::error::Violation;

/// The rule on `table.column`, on top of its type.
pub fn rule(table: &str, column: &str) -> Rule {
    match (table, column) {
        ("companies" | "agents", "name")
        | ("agents", "role")
        | ("tasks", "title" | "blocked_reason")
        | ("escalations", "context" | "impact" | "recommendation" | "resolution")
        | ("pulses", "error")
        | ("messages", "subject" | "body")
        | ("memory_entries", "summary")
        | ("chat_messages", "content") => Rule::NonBlank,
        ("agents", "tier") => Rule::Range(1, 5),
        ("companies", "pulse_interval_minutes") => Rule::Range(1, i32::MAX as i64),
        ("chat_messages", "tokens_used") => Rule::Range(0, i32::MAX as i64),
        ("companies", "spending_authority_usd") => Rule::Money,
        ("pulses", "decisions") => Rule::PulseDecisions,
        ("pulses", "actions") => Rule::PulseActions,
        _ => Rule::None,
    }
}

/// Whether the SDK only reads `table`: pulses run in the backend (the front end never triggers
/// one), so the SDK builds no insert, upsert, update or delete on them (docs/rules.md).
pub fn backend_only(table: &str) -> bool {
    table == "pulses"
}

/// The escalation type a trigger gives (docs/rules.md): the triggers below need action; every
/// other trigger is for awareness.
///
/// ```
/// use mission_control_sdk::domain::type_of;
/// use mission_control_sdk::schema::{EscalationTrigger, EscalationType};
/// assert_eq!(type_of(EscalationTrigger::TaskBlocked), EscalationType::ActionRequired);
/// assert_eq!(type_of(EscalationTrigger::Milestone), EscalationType::Awareness);
/// ```
pub fn type_of(trigger: EscalationTrigger) -> EscalationType {
    use EscalationTrigger as T;
    match trigger {
        T::TaskBlocked
        | T::ScopeUnclear
        | T::ConflictingInstructions
        | T::ResourceConstraint
        | T::ScopeExceeded
        | T::CrossTeamDependency
        | T::CrossDomainConflict
        | T::IrreversibleDecision
        | T::BudgetRequest
        | T::ExternalCommitment
        | T::MissionDrift
        | T::MaterialRisk => EscalationType::ActionRequired,
        _ => EscalationType::Awareness,
    }
}

/// [`type_of`] for a trigger as Postgres spells it (`AWARENESS` or `ACTION_REQUIRED`); `None`
/// for a value that is not a trigger.
pub fn escalation_type(trigger: &str) -> Option<&'static str> {
    EscalationTrigger::ALL
        .iter()
        .find(|t| t.as_str() == trigger)
        .map(|t| type_of(*t).as_str())
}

/// The rules between the columns of one row that [`row_rules`] checks, by table, as
/// docs/rules.md lists them.
pub const ROW_RULES: &[(&str, &str)] = &[
    (
        "companies",
        "`status` is `ONBOARDING` when a company is created (onboarding makes it `ACTIVE`)",
    ),
    (
        "agents",
        "tier 1 is the CEO: `human` is true (an insert without it gets false) and `reports_to` is null",
    ),
    (
        "escalations",
        "`type` is the one its `trigger` gives (above)",
    ),
    ("messages", "`to_agent_id` differs from `from_agent_id`"),
    (
        "tasks",
        "`blocked_reason` is set while `status` is `BLOCKED` and only then (an update that sets `BLOCKED` gives the reason)",
    ),
    ("tasks", "`created_at` ≤ `started_at` ≤ `completed_at`"),
];

/// The rules that tie columns of one row together (docs/rules.md), checked on what `obj` holds:
/// an insert or a row is checked whole (an insert's missing column counts as its default); an
/// update only where it sets every column a rule needs.
///
/// - companies: created ONBOARDING (inserts only; onboarding makes it ACTIVE);
/// - agents: tier 1 is the CEO, human and reporting to no one;
/// - escalations: the type is the one its trigger gives;
/// - messages: from ≠ to;
/// - tasks: `blocked_reason` while BLOCKED and only then; `created_at ≤ started_at ≤ completed_at`.
pub fn row_rules(table: &str, mode: Mode, obj: &Map<String, Value>, out: &mut Vec<Violation>) {
    let text = |k: &str| obj.get(k).and_then(Value::as_str);
    let mut bad = |field: &str, rule: &str| {
        let v = obj.get(field).cloned().unwrap_or(Value::Null);
        out.push(violation(table, field, rule, v));
    };
    match table {
        "companies"
            if mode == Mode::Insert && text("status").is_some_and(|s| s != "ONBOARDING") =>
        {
            bad(
                "status",
                "must be ONBOARDING when a company is created (onboarding makes it ACTIVE)",
            );
        }
        "agents" if obj.get("tier").and_then(Value::as_i64) == Some(1) => {
            // An insert without `human` gets the default, false.
            let human = match obj.get("human") {
                None if mode == Mode::Insert => Some(false),
                other => other.and_then(Value::as_bool),
            };
            if human == Some(false) {
                bad("human", "must be true for the CEO (tier 1)");
            }
            if obj.get("reports_to").is_some_and(|v| !v.is_null()) {
                bad("reports_to", "must be null for the CEO (tier 1)");
            }
        }
        "escalations" => {
            if let (Some(trigger), Some(kind)) = (text("trigger"), text("type")) {
                if let Some(expected) = escalation_type(trigger).filter(|e| *e != kind) {
                    bad(
                        "type",
                        &format!("must be {expected} for the trigger {trigger}"),
                    );
                }
            }
        }
        "messages" => {
            if let (Some(from), Some(to)) = (text("from_agent_id"), text("to_agent_id")) {
                if from.eq_ignore_ascii_case(to) {
                    bad("to_agent_id", "must differ from from_agent_id");
                }
            }
        }
        "tasks" => {
            let reason = obj.get("blocked_reason").filter(|v| !v.is_null());
            match text("status") {
                // An insert without a status is PENDING.
                None if mode == Mode::Insert && reason.is_some() => bad(
                    "blocked_reason",
                    "must be null unless the status is BLOCKED",
                ),
                // (A row without the column has been told it is required.)
                Some("BLOCKED")
                    if reason.is_none()
                        && (mode != Mode::Row || obj.contains_key("blocked_reason")) =>
                {
                    bad("blocked_reason", "required when the status is BLOCKED")
                }
                Some(s) if s != "BLOCKED" && reason.is_some() => bad(
                    "blocked_reason",
                    "must be null unless the status is BLOCKED",
                ),
                _ => {}
            }
            let at = |k: &str| text(k).and_then(instant);
            let (created, started, completed) =
                (at("created_at"), at("started_at"), at("completed_at"));
            if matches!((created, started), (Some(c), Some(s)) if s < c) {
                bad("started_at", "must not be before created_at");
            }
            if matches!((started, completed), (Some(s), Some(c)) if c < s) {
                bad("completed_at", "must not be before started_at");
            } else if matches!((created, completed), (Some(c), Some(d)) if d < c) {
                bad("completed_at", "must not be before created_at");
            }
        }
        _ => {}
    }
}
