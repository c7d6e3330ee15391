//! Validation and model tests over every table of the catalogue.

use serde_json::{json, Map, Value};

use super::*;

/// A value of the right type for `col`, valid under its rule.
fn sample(col: &Column) -> Value {
    match col.ty {
        ColumnType::Uuid => json!("10000000-0000-4000-8000-000000000001"),
        ColumnType::Text => json!("text"),
        ColumnType::Timestamptz => json!("2026-01-02T03:04:05Z"),
        ColumnType::SmallInt => json!(2),
        ColumnType::Integer => json!(15),
        ColumnType::Money => json!(12.5),
        ColumnType::Bool => json!(true),
        ColumnType::Json => match rule(table_of(col), col.name) {
            Rule::PulseDecisions | Rule::PulseActions => json!([]),
            _ => json!({"k": [1, "v"]}),
        },
        ColumnType::TextArray => json!(["a", "b"]),
        ColumnType::UuidArray => json!(["10000000-0000-4000-8000-000000000001"]),
        ColumnType::Enum(name) => json!(enum_values(name).unwrap()[0]),
    }
}

fn table_of(col: &Column) -> &'static str {
    TABLES
        .iter()
        .find(|t| t.columns.iter().any(|c| std::ptr::eq(c, col)))
        .map(|t| t.name)
        .unwrap_or("")
}

/// Samples made to keep the rules between columns ([`row_rules`]): the escalation type its
/// trigger gives, a message to another agent, a reason only on a BLOCKED task.
fn consistent(t: &Table, mut m: Map<String, Value>) -> Value {
    if let Some(trigger) = m.get("trigger").and_then(Value::as_str) {
        let kind = escalation_type(trigger).unwrap();
        m.insert("type".into(), json!(kind));
    }
    if t.name == "messages" {
        m.insert(
            "to_agent_id".into(),
            json!("10000000-0000-4000-8000-000000000002"),
        );
    }
    if t.name == "tasks" && m.contains_key("blocked_reason") {
        m.insert("status".into(), json!("BLOCKED"));
    }
    Value::Object(m)
}

fn minimal_insert(t: &Table) -> Value {
    let mut m = Map::new();
    for c in t
        .columns
        .iter()
        .filter(|c| c.presence == Presence::Required)
    {
        m.insert(c.name.to_string(), sample(c));
    }
    consistent(t, m)
}

fn full_row(t: &Table) -> Value {
    consistent(
        t,
        t.columns
            .iter()
            .map(|c| (c.name.to_string(), sample(c)))
            .collect(),
    )
}

use super::validate::tests::rules as rules_of;

#[test]
fn the_catalogue_has_the_schema_reference_shape() {
    assert_eq!(TABLES.len(), 11);
    assert_eq!(ENUMS.len(), 21);
    let cols: usize = TABLES.iter().map(|t| t.columns.len()).sum();
    assert_eq!(cols, 13 + 5 + 7 + 13 + 16 + 16 + 11 + 11 + 11 + 7 + 7);
    let immutable: Vec<_> = TABLES
        .iter()
        .filter(|t| !t.can_update)
        .map(|t| t.name)
        .collect();
    assert_eq!(immutable, vec!["chat_messages", "memory_entries"]);
    let undeletable: Vec<_> = TABLES
        .iter()
        .filter(|t| !t.can_delete)
        .map(|t| t.name)
        .collect();
    assert_eq!(
        undeletable,
        vec!["chat_messages", "chat_sessions", "memory_entries"]
    );
    let late: Vec<_> = TABLES
        .iter()
        .flat_map(|t| t.foreign_keys)
        .filter(|f| f.name.starts_with("fk_"))
        .map(|f| (f.name, f.column))
        .collect();
    assert_eq!(
        late,
        vec![
            ("fk_companies_ceo", "ceo_id"),
            ("fk_departments_chief", "chief_id")
        ]
    );
    assert_eq!(enum_values("escalation_trigger").unwrap().len(), 20);
    assert_eq!(
        TaskStatus::ALL
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>(),
        enum_values("task_status").unwrap()
    );
}

/// Each foreign key between two public tables is a relationship from both ends (PostgREST's
/// view, which embedding resolves against); keys to `auth.users` are none.
#[test]
fn every_public_foreign_key_is_a_relationship_from_both_ends() {
    let public: Vec<(&str, &ForeignKey)> = TABLES
        .iter()
        .flat_map(|t| t.foreign_keys.iter().map(move |f| (t.name, f)))
        .filter(|(_, f)| f.schema == "public")
        .collect();
    assert_eq!(public.len(), 28);
    assert_eq!(
        TABLES.iter().map(|t| t.relationships.len()).sum::<usize>(),
        2 * public.len()
    );
    for (holder, f) in &public {
        assert_eq!((f.referenced_column, f.one_to_one), ("id", false));
        let forward = Relationship {
            target: f.references,
            constraint: f.name,
            column: f.column,
            target_column: "id",
            holds_key: true,
            to_one: true,
        };
        let backward = Relationship {
            target: holder,
            constraint: f.name,
            column: "id",
            target_column: f.column,
            holds_key: false,
            to_one: false,
        };
        assert!(
            table(holder).unwrap().relationships.contains(&forward),
            "{}",
            f.name
        );
        assert!(
            table(f.references)
                .unwrap()
                .relationships
                .contains(&backward),
            "{}",
            f.name
        );
    }
    // The owner key (auth.users) gives no relationship.
    assert!(table("companies")
        .unwrap()
        .relationships
        .iter()
        .all(|r| r.column != "owner_user_id"));
}

#[test]
fn every_table_accepts_a_minimal_insert_a_full_row_and_an_empty_update() {
    for t in TABLES {
        assert_eq!(
            validate(t.name, Mode::Insert, &minimal_insert(t)),
            Ok(()),
            "{}",
            t.name
        );
        assert_eq!(
            validate(t.name, Mode::Row, &full_row(t)),
            Ok(()),
            "{}",
            t.name
        );
        assert_eq!(
            validate(t.name, Mode::Update, &json!({})),
            Ok(()),
            "{}",
            t.name
        );
    }
}

#[test]
fn every_required_column_is_required_on_insert_and_every_column_on_a_row() {
    for t in TABLES {
        for c in t.columns {
            if c.presence == Presence::Required {
                let mut v = minimal_insert(t);
                v.as_object_mut().unwrap().remove(c.name);
                assert_eq!(
                    rules_of(validate(t.name, Mode::Insert, &v)),
                    vec![(c.name.to_string(), "required".to_string())],
                    "{}.{}",
                    t.name,
                    c.name
                );
            }
            let mut row = full_row(t);
            row.as_object_mut().unwrap().remove(c.name);
            assert_eq!(
                rules_of(validate(t.name, Mode::Row, &row)),
                vec![(c.name.to_string(), "required".to_string())],
                "{}.{}",
                t.name,
                c.name
            );
        }
    }
}

#[test]
fn every_column_rejects_a_wrong_type_and_null_where_not_nullable() {
    for t in TABLES {
        for c in t.columns {
            if c.ty != ColumnType::Json {
                let r = rules_of(validate(
                    t.name,
                    Mode::Update,
                    &json!({ c.name: {"wrong": "type"} }),
                ));
                assert_eq!(r.len(), 1, "{}.{}: {r:?}", t.name, c.name);
                assert!(
                    r[0].1.starts_with("must be"),
                    "{}.{}: {r:?}",
                    t.name,
                    c.name
                );
            }
            let r = rules_of(validate(t.name, Mode::Update, &json!({ c.name: null })));
            if c.presence.nullable() {
                assert!(r.is_empty(), "{}.{} is nullable: {r:?}", t.name, c.name);
            } else {
                assert_eq!(
                    r,
                    vec![(c.name.to_string(), "must not be null".to_string())],
                    "{}.{}",
                    t.name,
                    c.name
                );
            }
        }
    }
}

#[test]
fn every_non_blank_column_rejects_blank_text_and_unknown_keys_are_rejected() {
    for t in TABLES {
        for c in t
            .columns
            .iter()
            .filter(|c| rule(t.name, c.name) == Rule::NonBlank)
        {
            for blank in ["", "   ", "\n\t"] {
                assert_eq!(
                    rules_of(validate(t.name, Mode::Update, &json!({ c.name: blank }))),
                    vec![(c.name.to_string(), "must not be blank".to_string())]
                );
            }
        }
        let r = rules_of(validate(
            t.name,
            Mode::Update,
            &json!({"no_such_column": 1}),
        ));
        assert_eq!(
            r,
            vec![("no_such_column".to_string(), "unknown column".to_string())],
            "{}",
            t.name
        );
    }
    let non_blank: usize = TABLES
        .iter()
        .map(|t| {
            t.columns
                .iter()
                .filter(|c| rule(t.name, c.name) == Rule::NonBlank)
                .count()
        })
        .sum();
    assert_eq!(non_blank, 14);
}

#[test]
fn ranges_ids_and_timestamps() {
    let bad = |t: &str, v: Value| rules_of(validate(t, Mode::Update, &v));
    assert_eq!(
        bad("agents", json!({"tier": 0})),
        vec![("tier".into(), "must be between 1 and 5".into())]
    );
    assert_eq!(bad("agents", json!({"tier": 5})), vec![]);
    assert_eq!(
        bad("agents", json!({"tier": 2.5})),
        vec![("tier".into(), "must be a smallint".into())]
    );
    assert_eq!(
        bad("companies", json!({"pulse_interval_minutes": 0})),
        vec![("pulse_interval_minutes".into(), "must be at least 1".into())]
    );
    assert_eq!(
        bad("chat_messages", json!({"tokens_used": -1})),
        vec![("tokens_used".into(), "must be at least 0".into())]
    );
    assert_eq!(bad("chat_messages", json!({"tokens_used": 0})), vec![]);
    assert_eq!(
        bad("tasks", json!({"assignee_id": "not-a-uuid"})),
        vec![("assignee_id".into(), "must be a UUID".into())]
    );
    assert_eq!(
        bad("memory_entries", json!({"related_ids": ["x"]})),
        vec![("related_ids".into(), "must be an array of UUIDs".into())]
    );
    assert_eq!(
        bad("tasks", json!({"started_at": "yesterday"})),
        vec![("started_at".into(), "must be an RFC 3339 timestamp".into())]
    );
    assert_eq!(
        bad(
            "tasks",
            json!({"started_at": "2026-11-25T10:00:00.123456+00:00"})
        ),
        vec![]
    );
    assert_eq!(
        bad("companies", json!({"values": ["a", 1]})),
        vec![("values".into(), "must be an array of strings".into())]
    );
}

#[test]
fn pulse_actions_shape() {
    let ok = json!({"actions": [{"type": "COMMUNICATION", "target_id": null, "details": {"to": "x"}, "logged": true}]});
    assert_eq!(validate("pulses", Mode::Update, &ok), Ok(()));
    let bad = json!({"actions": [{"type": "NAP", "target_id": "x", "logged": "yes", "extra": 1}]});
    let r = rules_of(validate("pulses", Mode::Update, &bad));
    let fields: Vec<&str> = r.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        fields,
        vec![
            "actions[0].extra",
            "actions[0].type",
            "actions[0].target_id",
            "actions[0].details",
            "actions[0].logged"
        ]
    );
    assert_eq!(
        rules_of(validate("pulses", Mode::Update, &json!({"decisions": {}}))),
        vec![("decisions".into(), "must be an array".into())]
    );
}

#[test]
fn models_serialize_like_the_generated_types() {
    let insert = AgentInsert {
        company_id: uuid::Uuid::nil(),
        name: "Ada".into(),
        role: "CTO".into(),
        tier: 2,
        id: None,
        human: None,
        department_id: None,
        reports_to: None,
        autonomy_level: Some(AutonomyLevel::A3),
        mandate: None,
        status: None,
        last_pulse: None,
        created_at: None,
    };
    let v = serde_json::to_value(&insert).unwrap();
    assert_eq!(
        v,
        json!({"company_id": "00000000-0000-0000-0000-000000000000", "name": "Ada", "role": "CTO", "tier": 2, "autonomy_level": "A3"})
    );
    assert_eq!(validate("agents", Mode::Insert, &v), Ok(()));
    let clear = TaskUpdate {
        blocked_reason: Some(None),
        status: Some(TaskStatus::InProgress),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&clear).unwrap(),
        json!({"status": "IN_PROGRESS", "blocked_reason": null})
    );
    let trig: EscalationTrigger = serde_json::from_value(json!("CROSS_TEAM_DEPENDENCY")).unwrap();
    assert_eq!(trig, EscalationTrigger::CrossTeamDependency);
}

/// Strings near the valid ones: every byte replaced, deleted or duplicated in turn, plus
/// pseudo-random multi-byte mutations (a fixed seed, so a failure repeats).
fn mutations(seeds: &[&str], charset: &[char], rounds: usize) -> Vec<String> {
    let mut out: Vec<String> = seeds.iter().map(|s| s.to_string()).collect();
    let mut state = 0x2026_1201_u64;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize % n.max(1)
    };
    for seed in seeds {
        let chars: Vec<char> = seed.chars().collect();
        for i in 0..chars.len() {
            for c in charset {
                let mut v = chars.clone();
                v[i] = *c;
                out.push(v.into_iter().collect());
            }
            let mut v = chars.clone();
            v.remove(i);
            out.push(v.iter().collect());
            v.insert(i, chars[i]);
            v.insert(i, chars[i]);
            out.push(v.into_iter().collect());
        }
        for _ in 0..rounds {
            let mut v = chars.clone();
            for _ in 0..1 + next(3) {
                let i = next(v.len());
                match next(3) {
                    0 => v[i] = charset[next(charset.len())],
                    1 => {
                        v.remove(i);
                    }
                    _ => v.insert(i, charset[next(charset.len())]),
                }
                if v.is_empty() {
                    break;
                }
            }
            out.push(v.into_iter().collect());
        }
    }
    out
}

#[test]
fn the_timestamp_check_reads_exactly_what_chrono_reads() {
    let seeds = [
        "2026-11-25T10:44:56.281012+00:00",
        "2024-02-29T23:59:60Z",
        "2000-02-29 00:00:00.5-23:59",
        "1999-12-31t12:30:00\u{2212}05:30",
        "2026-04-30T10:00:00.123456789123z",
    ];
    let charset = [
        '0', '1', '2', '3', '4', '5', '6', '9', '-', '+', ':', '.', 'T', 't', ' ', 'Z', 'z', 'x',
        '\u{2212}', 'é',
    ];
    let cases = mutations(&seeds, &charset, 20_000);
    let mut accepted = 0;
    for s in &cases {
        let chrono_ok = chrono::DateTime::parse_from_rfc3339(s).is_ok();
        assert_eq!(super::validate::is_rfc3339(s), chrono_ok, "{s:?}");
        accepted += chrono_ok as usize;
        // The point in time the row rules compare is chrono's (a leap second aside: chrono
        // keeps it as a second 59 with over 10⁹ nanoseconds).
        if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
            if &s[17..19] != "60" {
                let expected = (t.timestamp(), t.timestamp_subsec_nanos());
                assert_eq!(super::validate::instant(s), Some(expected), "{s:?}");
            }
        } else {
            assert_eq!(super::validate::instant(s), None, "{s:?}");
        }
    }
    // Both kinds are well represented, so the comparison means something.
    assert!(
        accepted > 1_000 && cases.len() - accepted > 10_000,
        "{accepted} of {}",
        cases.len()
    );
}

#[test]
fn the_uuid_check_reads_exactly_what_the_uuid_crate_reads_at_36_characters() {
    let seeds = [
        "40000000-0000-4000-8000-000000000001",
        "AbCdEf01-2345-6789-aBcD-ef0123456789",
    ];
    let charset = ['0', '9', 'a', 'f', 'A', 'F', 'g', '-', '{', ' ', 'é'];
    let cases = mutations(&seeds, &charset, 5_000);
    let mut accepted = 0;
    for s in &cases {
        let uuid_ok = uuid::Uuid::parse_str(s).is_ok() && s.len() == 36;
        assert_eq!(super::validate::is_uuid_text(s), uuid_ok, "{s:?}");
        accepted += uuid_ok as usize;
    }
    assert!(
        accepted > 100 && cases.len() - accepted > 1_000,
        "{accepted} of {}",
        cases.len()
    );
}

#[test]
fn the_rules_between_columns_read_updates_only_where_they_set_the_columns() {
    let check = |t: &str, mode: Mode, v: Value| rules_of(validate(t, mode, &v));
    let r = |f: &str, rule: &str| vec![(f.to_string(), rule.to_string())];
    let none: Vec<(String, String)> = vec![];
    // Tasks: a reason goes with BLOCKED, in an update too; an update of the reason alone is
    // not judged (the row's status is unknown).
    assert_eq!(
        check("tasks", Mode::Update, json!({"status": "BLOCKED"})),
        r("blocked_reason", "required when the status is BLOCKED")
    );
    assert_eq!(
        check(
            "tasks",
            Mode::Update,
            json!({"status": "BLOCKED", "blocked_reason": null})
        ),
        r("blocked_reason", "required when the status is BLOCKED")
    );
    assert_eq!(
        check("tasks", Mode::Update, json!({"blocked_reason": "x"})),
        none
    );
    assert_eq!(
        check(
            "tasks",
            Mode::Update,
            json!({"status": "IN_PROGRESS", "blocked_reason": null})
        ),
        none
    );
    assert_eq!(
        check(
            "tasks",
            Mode::Update,
            json!({"status": "CANCELLED", "blocked_reason": "x"})
        ),
        r(
            "blocked_reason",
            "must be null unless the status is BLOCKED"
        )
    );
    // Offsets are read: 10:00+02:00 is before 09:00Z.
    assert_eq!(
        check(
            "tasks",
            Mode::Update,
            json!({"started_at": "2026-01-01T10:00:00+02:00", "completed_at": "2026-01-01T09:00:00Z"})
        ),
        none
    );
    assert_eq!(
        check(
            "tasks",
            Mode::Update,
            json!({"started_at": "2026-01-01T09:00:00.000000001Z", "completed_at": "2026-01-01T09:00:00Z"})
        ),
        r("completed_at", "must not be before started_at")
    );
    assert_eq!(
        check(
            "tasks",
            Mode::Update,
            json!({"created_at": "2026-01-02T00:00:00Z", "completed_at": "2026-01-01T23:59:59-00:01"})
        ),
        none
    );
    assert_eq!(
        check(
            "tasks",
            Mode::Update,
            json!({"created_at": "2026-01-02T00:00:00Z", "completed_at": "2026-01-01T23:59:59Z"})
        ),
        r("completed_at", "must not be before created_at")
    );
    assert_eq!(
        check(
            "tasks",
            Mode::Update,
            json!({"created_at": "2026-01-02T00:00:00Z", "started_at": "2025-12-31T00:00:00Z"})
        ),
        r("started_at", "must not be before created_at")
    );
    // Inserts count a missing column as its default: a tier-1 agent without `human` is not
    // human (false), a task without `status` is PENDING.
    let ceo = json!({"company_id": "10000000-0000-4000-8000-000000000001", "name": "Rae", "role": "CEO", "tier": 1});
    assert_eq!(
        check("agents", Mode::Insert, ceo.clone()),
        r("human", "must be true for the CEO (tier 1)")
    );
    let mut human = ceo;
    human["human"] = json!(true);
    assert_eq!(check("agents", Mode::Insert, human), none);
    let task = json!({"company_id": "10000000-0000-4000-8000-000000000001",
        "assignee_id": "10000000-0000-4000-8000-000000000001",
        "assigned_by": "10000000-0000-4000-8000-000000000001", "title": "t", "blocked_reason": "x"});
    assert_eq!(
        check("tasks", Mode::Insert, task),
        r(
            "blocked_reason",
            "must be null unless the status is BLOCKED"
        )
    );
    // Agents: an update to tier 1 is judged on what it sets.
    assert_eq!(check("agents", Mode::Update, json!({"tier": 1})), none);
    assert_eq!(
        check("agents", Mode::Update, json!({"tier": 1, "human": false})),
        r("human", "must be true for the CEO (tier 1)")
    );
    assert_eq!(
        check(
            "agents",
            Mode::Update,
            json!({"tier": 2, "human": false, "reports_to": "10000000-0000-4000-8000-000000000001"})
        ),
        none
    );
    assert_eq!(
        check(
            "agents",
            Mode::Update,
            json!({"tier": 1, "reports_to": "10000000-0000-4000-8000-000000000001"})
        ),
        r("reports_to", "must be null for the CEO (tier 1)")
    );
    // Companies: only an insert must be ONBOARDING.
    assert_eq!(
        check("companies", Mode::Update, json!({"status": "ACTIVE"})),
        none
    );
    // Messages: the same agent in either case is the same agent.
    assert_eq!(
        check(
            "messages",
            Mode::Update,
            json!({"from_agent_id": "AAAAAAAA-0000-4000-8000-000000000001", "to_agent_id": "aaaaaaaa-0000-4000-8000-000000000001"})
        ),
        r("to_agent_id", "must differ from from_agent_id")
    );
    // Escalations: the rule names the type the trigger gives.
    assert_eq!(
        check(
            "escalations",
            Mode::Update,
            json!({"trigger": "MILESTONE", "type": "ACTION_REQUIRED"})
        ),
        r("type", "must be AWARENESS for the trigger MILESTONE")
    );
    assert_eq!(
        check(
            "escalations",
            Mode::Update,
            json!({"trigger": "MILESTONE", "type": "AWARENESS"})
        ),
        none
    );
}
