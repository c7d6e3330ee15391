//! Validation of plain JSON values against the catalogue, before anything is sent.

use serde_json::{Map, Value};

use super::catalog::{enum_values, table, Column, ColumnType, Presence, Rule, Table};
use super::rules::escalation_type;
use crate::error::{Error, Violation};

/// What a value is meant to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A row to insert: required columns present.
    Insert,
    /// A patch: every column optional.
    Update,
    /// A row as the server returns it: every column present.
    Row,
}

impl Mode {
    /// Parses `"insert" | "update" | "row"`.
    pub fn parse(s: &str) -> Option<Mode> {
        match s {
            "insert" => Some(Mode::Insert),
            "update" => Some(Mode::Update),
            "row" => Some(Mode::Row),
            _ => None,
        }
    }
}

/// Checks `value` (one object) for `table_name` in `mode`; lists every violation at once.
pub fn validate(table_name: &str, mode: Mode, value: &Value) -> Result<(), Error> {
    let Some(t) = table(table_name) else {
        return Err(Error::validation(vec![violation(
            table_name,
            "",
            "unknown table",
            Value::String(table_name.into()),
        )]));
    };
    let mut out = Vec::new();
    collect_violations(t, mode, value, &mut out);
    if out.is_empty() {
        Ok(())
    } else {
        Err(Error::validation(out))
    }
}

/// Adds every rule `value` breaks for `mode` on table `t` to `out` (the table, field and rule of each).
pub fn collect_violations(t: &Table, mode: Mode, value: &Value, out: &mut Vec<Violation>) {
    let Some(obj) = value.as_object() else {
        out.push(violation(t.name, "", "must be an object", value.clone()));
        return;
    };
    for key in obj.keys() {
        if t.column(key).is_none() {
            out.push(violation(t.name, key, "unknown column", obj[key].clone()));
        }
    }
    for col in t.columns {
        match obj.get(col.name) {
            None => {
                let missing = match mode {
                    Mode::Insert => col.presence == Presence::Required,
                    Mode::Row => true,
                    Mode::Update => false,
                };
                if missing {
                    out.push(violation(t.name, col.name, "required", Value::Null));
                }
            }
            Some(Value::Null) => {
                if !col.presence.nullable() {
                    out.push(violation(t.name, col.name, "must not be null", Value::Null));
                }
            }
            Some(v) => check_value(t.name, col, v, out),
        }
    }
    row_rules(t.name, mode, obj, out);
}

pub(super) fn violation(table: &str, field: &str, rule: &str, value: Value) -> Violation {
    Violation {
        table: table.to_string(),
        field: field.to_string(),
        rule: rule.to_string(),
        value,
    }
}

fn is_uuid(v: &Value) -> bool {
    v.as_str().is_some_and(is_uuid_text)
}

fn is_timestamp(v: &Value) -> bool {
    v.as_str().is_some_and(is_rfc3339)
}

/// A UUID as PostgreSQL prints it and the schema stores it: 36 characters, hex digits (either
/// case) in groups of 8-4-4-4-12. What `uuid::Uuid::parse_str` accepts at that length, without
/// the crate in the wasm (a test compares the two).
pub fn is_uuid_text(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// An RFC 3339 timestamp exactly as `chrono::DateTime::parse_from_rfc3339` reads one (a test
/// compares the two over generated strings), without a date library in the wasm: `YYYY-MM-DD`,
/// `T`, `t` or a space, `hh:mm:ss` (a leap second `60` allowed), an optional fraction of one or
/// more digits, then `Z`/`z` or a `+`/`-`/`−` offset `hh:mm` under 24 hours.
pub fn is_rfc3339(s: &str) -> bool {
    instant(s).is_some()
}

/// An RFC 3339 timestamp ([`is_rfc3339`]) as a point in time that orders as time does: seconds
/// since 1970-01-01T00:00:00Z and nanoseconds (further digits dropped; a leap second counts as
/// the next minute's first).
pub(super) fn instant(s: &str) -> Option<(i64, u32)> {
    let b = s.as_bytes();
    if b.len() < 19 {
        return None;
    }
    let digits = |at: &[usize]| -> Option<i64> {
        at.iter().try_fold(0i64, |n, &i| {
            b[i].is_ascii_digit()
                .then(|| n * 10 + i64::from(b[i] - b'0'))
        })
    };
    let year = digits(&[0, 1, 2, 3])?;
    let month = digits(&[5, 6])?;
    let day = digits(&[8, 9])?;
    let hour = digits(&[11, 12])?;
    let minute = digits(&[14, 15])?;
    let second = digits(&[17, 18])?;
    let leap_year = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let month_days = match month {
        2 if leap_year => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    if b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't' | b' ')
        || b[13] != b':'
        || b[16] != b':'
        || day == 0
        || day > month_days
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut rest = &s[19..];
    let mut nanos = 0u32;
    if let Some(fraction) = rest.strip_prefix('.') {
        let n = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return None;
        }
        for c in fraction
            .bytes()
            .take(n)
            .chain(std::iter::repeat(b'0'))
            .take(9)
        {
            nanos = nanos * 10 + u32::from(c - b'0');
        }
        rest = &fraction[n..];
    }
    // Days from the civil date (Howard Hinnant's algorithm; years here are 0–9999).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468;
    let local = days * 86_400 + hour * 3600 + minute * 60 + second;
    if rest == "Z" || rest == "z" {
        return Some((local, nanos));
    }
    let (sign, offset) = if let Some(o) = rest.strip_prefix('+') {
        (1, o)
    } else if let Some(o) = rest
        .strip_prefix('-')
        .or_else(|| rest.strip_prefix('\u{2212}'))
    {
        (-1, o)
    } else {
        return None;
    };
    let o = offset.as_bytes();
    let ok = o.len() == 5
        && o[0].is_ascii_digit()
        && o[1].is_ascii_digit()
        && (o[0] - b'0') * 10 + (o[1] - b'0') < 24
        && o[2] == b':'
        && (b'0'..=b'5').contains(&o[3])
        && o[4].is_ascii_digit();
    if !ok {
        return None;
    }
    let minutes = i64::from((o[0] - b'0') * 10 + (o[1] - b'0')) * 60
        + i64::from((o[3] - b'0') * 10 + (o[4] - b'0'));
    Some((local - sign * minutes * 60, nanos))
}

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

fn in_enum(name: &str, v: &Value) -> bool {
    let values = enum_values(name).unwrap_or(&[]);
    v.as_str().is_some_and(|s| values.contains(&s))
}

fn check_value(t: &str, col: &Column, v: &Value, out: &mut Vec<Violation>) {
    let bad =
        |rule: String, out: &mut Vec<Violation>| out.push(violation(t, col.name, &rule, v.clone()));
    let type_ok = match col.ty {
        ColumnType::Uuid => is_uuid(v),
        ColumnType::Text => v.is_string(),
        ColumnType::Timestamptz => is_timestamp(v),
        ColumnType::SmallInt => v
            .as_i64()
            .is_some_and(|n| (i16::MIN as i64..=i16::MAX as i64).contains(&n)),
        ColumnType::Integer => v
            .as_i64()
            .is_some_and(|n| (i32::MIN as i64..=i32::MAX as i64).contains(&n)),
        ColumnType::Money => v.is_number(),
        ColumnType::Bool => v.is_boolean(),
        ColumnType::Json => true,
        ColumnType::TextArray => v.as_array().is_some_and(|a| a.iter().all(Value::is_string)),
        ColumnType::UuidArray => v.as_array().is_some_and(|a| a.iter().all(is_uuid)),
        ColumnType::Enum(name) => in_enum(name, v),
    };
    if !type_ok {
        let expected = match col.ty {
            ColumnType::Uuid => "a UUID".to_string(),
            ColumnType::Text => "a string".to_string(),
            ColumnType::Timestamptz => "an RFC 3339 timestamp".to_string(),
            ColumnType::SmallInt => "a smallint".to_string(),
            ColumnType::Integer => "an integer".to_string(),
            ColumnType::Money => "a number".to_string(),
            ColumnType::Bool => "a boolean".to_string(),
            ColumnType::Json => "JSON".to_string(),
            ColumnType::TextArray => "an array of strings".to_string(),
            ColumnType::UuidArray => "an array of UUIDs".to_string(),
            ColumnType::Enum(name) => format!(
                "one of {}: {}",
                name,
                enum_values(name).unwrap_or(&[]).join(", ")
            ),
        };
        bad(format!("must be {expected}"), out);
        return;
    }
    // Postgres text cannot hold U+0000: the server would refuse the whole request.
    let nul = match v {
        Value::String(s) => s.contains('\0'),
        Value::Array(items) => items
            .iter()
            .any(|i| i.as_str().is_some_and(|s| s.contains('\0'))),
        _ => false,
    };
    if nul && matches!(col.ty, ColumnType::Text | ColumnType::TextArray) {
        bad("must not contain the NUL character (U+0000)".into(), out);
        return;
    }
    match super::rules::rule(t, col.name) {
        Rule::None => {}
        Rule::NonBlank => {
            if v.as_str().is_some_and(|s| s.trim().is_empty()) {
                bad("must not be blank".into(), out);
            }
        }
        Rule::Range(lo, hi) => {
            if v.as_i64().is_none_or(|n| n < lo || n > hi) {
                let rule = if hi >= i32::MAX as i64 {
                    format!("must be at least {lo}")
                } else {
                    format!("must be between {lo} and {hi}")
                };
                bad(rule, out);
            }
        }
        Rule::Money => {
            let n = v.as_f64().unwrap_or(-1.0);
            let cents = n * 100.0;
            if n < 0.0 {
                bad("must be at least 0".into(), out);
            } else if n >= 1e10 {
                bad("must be below 10000000000".into(), out);
            } else if (cents - cents.round()).abs() > 1e-6 {
                bad("must have at most 2 decimals".into(), out);
            }
        }
        Rule::PulseDecisions => check_entries(
            t,
            col.name,
            v,
            out,
            &[
                ("action_type", Some("pulse_action_type")),
                ("autonomy_check", Some("autonomy_level")),
                ("outcome", Some("pulse_decision_outcome")),
            ],
        ),
        Rule::PulseActions => check_entries(
            t,
            col.name,
            v,
            out,
            &[
                ("type", Some("pulse_action_type")),
                ("target_id", None),
                ("details", None),
                ("logged", None),
            ],
        ),
    }
}

/// Pulse decisions / actions: an array of objects with exactly the given keys.
fn check_entries(
    t: &str,
    field: &str,
    v: &Value,
    out: &mut Vec<Violation>,
    keys: &[(&str, Option<&str>)],
) {
    let Some(items) = v.as_array() else {
        out.push(violation(t, field, "must be an array", v.clone()));
        return;
    };
    for (i, item) in items.iter().enumerate() {
        let at = format!("{field}[{i}]");
        let Some(obj) = item.as_object() else {
            out.push(violation(t, &at, "must be an object", item.clone()));
            continue;
        };
        for k in obj.keys() {
            if !keys.iter().any(|(name, _)| name == k) {
                out.push(violation(
                    t,
                    &format!("{at}.{k}"),
                    "unknown key",
                    obj[k].clone(),
                ));
            }
        }
        for (k, en) in keys {
            let path = format!("{at}.{k}");
            match (obj.get(*k), en) {
                (None, _) => out.push(violation(t, &path, "required", Value::Null)),
                (Some(x), Some(name)) if !in_enum(name, x) => out.push(violation(
                    t,
                    &path,
                    &format!(
                        "must be one of {name}: {}",
                        enum_values(name).unwrap_or(&[]).join(", ")
                    ),
                    x.clone(),
                )),
                (Some(x), None) if *k == "target_id" && !(x.is_null() || is_uuid(x)) => {
                    out.push(violation(t, &path, "must be a UUID or null", x.clone()))
                }
                (Some(x), None) if *k == "logged" && !x.is_boolean() => {
                    out.push(violation(t, &path, "must be a boolean", x.clone()))
                }
                _ => {}
            }
        }
        // A decision's outcome follows from its autonomy level: A1 queues, A2 proposes, A3 escalates.
        if let (Some(a), Some(o)) = (
            obj.get("autonomy_check").and_then(Value::as_str),
            obj.get("outcome").and_then(Value::as_str),
        ) {
            let expected = match a {
                "A1" => "QUEUED",
                "A2" => "PROPOSED",
                "A3" => "ESCALATED",
                _ => o,
            };
            if o != expected {
                out.push(violation(
                    t,
                    &format!("{at}.outcome"),
                    &format!("must be {expected} for autonomy {a}"),
                    Value::String(o.into()),
                ));
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde_json::json;

    /// The (field, rule) pairs of a validation result; empty when it passed.
    pub(crate) fn rules(r: Result<(), Error>) -> Vec<(String, String)> {
        r.err()
            .map(|e| {
                e.violations
                    .into_iter()
                    .map(|v| (v.field, v.rule))
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn valid_company_insert_passes() {
        let v = json!({"name": "Acme", "owner_user_id": "00000000-0000-4000-8000-000000000001"});
        assert_eq!(validate("companies", Mode::Insert, &v), Ok(()));
    }

    #[test]
    fn every_violation_is_listed_with_table_field_and_rule() {
        let v = json!({"name": "  ", "tier": 9, "nmae": "typo", "status": "BUSY"});
        let e = validate("agents", Mode::Insert, &v).unwrap_err();
        assert_eq!(e.code.as_str(), "validation_failed");
        assert!(e.violations.iter().all(|v| v.table == "agents"));
        let got = rules(Err(e));
        assert!(got.contains(&("nmae".into(), "unknown column".into())));
        assert!(got.contains(&("company_id".into(), "required".into())));
        assert!(got.contains(&("role".into(), "required".into())));
        assert!(got.contains(&("name".into(), "must not be blank".into())));
        assert!(got.contains(&("tier".into(), "must be between 1 and 5".into())));
        assert!(got
            .iter()
            .any(|(f, r)| f == "status" && r.starts_with("must be one of agent_status")));
    }

    #[test]
    fn money_rules() {
        let base = json!({"name": "A", "owner_user_id": "00000000-0000-4000-8000-000000000001"});
        for (amount, rule) in [
            (json!(-1), "must be at least 0"),
            (json!(1.234), "must have at most 2 decimals"),
            (json!(1e10), "must be below 10000000000"),
        ] {
            let mut v = base.clone();
            v["spending_authority_usd"] = amount;
            assert_eq!(
                rules(validate("companies", Mode::Insert, &v)),
                vec![("spending_authority_usd".to_string(), rule.to_string())]
            );
        }
        let mut v = base.clone();
        v["spending_authority_usd"] = json!(9999999999.99);
        assert_eq!(validate("companies", Mode::Insert, &v), Ok(()));
        // Float noise: within 10⁻⁶ of a whole cent counts as whole cents (0.1 + 0.2 is 0.3);
        // 10⁻⁸ dollars is exactly that far, 2 × 10⁻⁸ is past it.
        for (amount, ok) in [(0.1 + 0.2, true), (1e-8, true), (2e-8, false)] {
            v["spending_authority_usd"] = json!(amount);
            assert_eq!(
                validate("companies", Mode::Insert, &v).is_ok(),
                ok,
                "{amount}"
            );
        }
    }

    #[test]
    fn null_only_where_nullable() {
        assert_eq!(
            rules(validate("tasks", Mode::Update, &json!({"status": null}))),
            vec![("status".to_string(), "must not be null".to_string())]
        );
        assert_eq!(
            validate("tasks", Mode::Update, &json!({"description": null})),
            Ok(())
        );
    }

    #[test]
    fn pulse_decisions_follow_autonomy() {
        let ok = json!({"decisions": [{"action_type": "TASK_PROGRESS", "autonomy_check": "A1", "outcome": "QUEUED"}]});
        assert_eq!(validate("pulses", Mode::Update, &ok), Ok(()));
        let bad = json!({"decisions": [{"action_type": "TASK_PROGRESS", "autonomy_check": "A3", "outcome": "QUEUED"}]});
        assert_eq!(
            rules(validate("pulses", Mode::Update, &bad)),
            vec![(
                "decisions[0].outcome".to_string(),
                "must be ESCALATED for autonomy A3".to_string()
            )]
        );
    }

    #[test]
    fn nul_characters_are_refused_in_text() {
        assert_eq!(
            rules(validate(
                "tasks",
                Mode::Update,
                &json!({"title": "a\u{0}b"})
            )),
            vec![(
                "title".to_string(),
                "must not contain the NUL character (U+0000)".to_string()
            )]
        );
        assert_eq!(
            rules(validate(
                "memory_entries",
                Mode::Update,
                &json!({"tags": ["ok", "\u{0}"]})
            )),
            vec![(
                "tags".to_string(),
                "must not contain the NUL character (U+0000)".to_string()
            )]
        );
    }

    #[test]
    fn unknown_table_is_a_violation() {
        assert_eq!(
            rules(validate("nope", Mode::Row, &json!({}))),
            vec![("".to_string(), "unknown table".to_string())]
        );
    }
}
