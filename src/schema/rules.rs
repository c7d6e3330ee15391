//! The business rules the database does not enforce, by table and column (listed in
//! docs/rules.md).

use super::catalog::Rule;

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
