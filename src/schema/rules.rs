//! The business rules the database does not enforce, by table and column (listed in
//! docs/rules.md).

use super::catalog::Rule;
use super::{EscalationTrigger, EscalationType};

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

/// The rules between the columns of one row that [`row_rules`](super::row_rules) checks, by table, as
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
