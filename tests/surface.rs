//! The files generated from the method table (`mission_control_sdk::surface::METHODS`) are
//! what the table says: `src/js/entry/surface.js` (what the façade installs) and
//! `src/js/methods.d.ts` (the declarations of every method). `MC_WRITE_SURFACE=1 cargo test
//! --test surface` writes them. The table is also held against the layers it dispatches to.
//! Native only: the WebAssembly build carries no declarations.
#![cfg(not(target_arch = "wasm32"))]

use mission_control_sdk::rest::Op;
use mission_control_sdk::surface::{self, On, Run, METHODS};

fn generated(file: &str, want: String) {
    let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("MC_WRITE_SURFACE").is_some() {
        std::fs::write(&path, &want).expect("write the generated file");
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{file} is stale: run MC_WRITE_SURFACE=1 cargo test --test surface"
    );
}

#[test]
fn surface_js_is_generated_from_the_table() {
    generated("src/js/entry/surface.js", surface::surface_js());
}

#[test]
fn methods_d_ts_is_generated_from_the_table() {
    generated("src/js/methods.d.ts", surface::declarations());
}

#[test]
fn every_name_is_defined_once_where_it_is_installed() {
    let mut seen = std::collections::BTreeSet::new();
    for m in METHODS {
        assert!(!m.on.is_empty(), "{} is installed nowhere", m.name);
        assert_eq!(m.on.len(), m.ts.len(), "{}", m.name);
        for (on, ts) in m.on.iter().zip(m.ts) {
            assert!(
                seen.insert((format!("{on:?}"), m.name)),
                "{on:?}.{} twice",
                m.name
            );
            // The declaration declares this name (a member, a readonly property or a field);
            // `mc.auth.mfa`'s methods are named `mfa.<name>` in the table.
            let declared = ts.strip_prefix("readonly ").unwrap_or(ts);
            let name = match on {
                On::Mfa => m.name.strip_prefix("mfa.").unwrap_or("not mfa."),
                _ => m.name,
            };
            assert!(
                declared.starts_with(name) && declared[name.len()..].starts_with(['(', '<', ':']),
                "{on:?}.{}: {ts}",
                m.name
            );
        }
        assert!(!m.doc.is_empty(), "{} has no doc", m.name);
    }
}

#[test]
fn every_filter_operator_is_a_query_method() {
    for op in Op::ALL {
        let row = METHODS.iter().find(|m| m.name == op.method());
        assert!(
            matches!(row.map(|m| m.run), Some(Run::Query(_))),
            "{} is not in the table",
            op.method()
        );
    }
}

#[test]
fn workflows_and_auth_methods_are_named_as_the_declarations_install_them() {
    let groups = surface::groups();
    assert_eq!(
        groups,
        [
            "tasks",
            "escalations",
            "chat",
            "agents",
            "messages",
            "memory",
            "onboarding",
            "cockpit"
        ]
    );
    let d = surface::declarations();
    for g in &groups {
        assert!(
            d.contains(&format!("  readonly {g}: McWorkflows[\"{g}\"]")),
            "{g}"
        );
    }
    let auth: Vec<&str> = METHODS
        .iter()
        .filter(|m| matches!(m.run, Run::Auth(..)))
        .map(|m| m.name)
        .collect();
    assert_eq!(auth.len(), 29);
    assert!(METHODS
        .iter()
        .filter(|m| matches!(m.run, Run::Auth(..)))
        .all(|m| (m.on == [On::Auth] || m.on == [On::Mfa]) && m.ts[0].contains("): Promise<")));
}

/// `docs/rules.md`: the business rules as the SDK enforces them, listed from the Rust tables
/// (the state machines, the escalation types, the column rules on top of their types).
fn rules_md() -> String {
    use mission_control_sdk::domain::{escalation_type, TRANSITIONS};
    use mission_control_sdk::schema::{backend_only, enum_values, rule, Rule, ROW_RULES, TABLES};
    let list = |v: &[&str]| {
        if v.is_empty() {
            "—".to_string()
        } else {
            v.iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let mut out = String::from(
        "# The rules the SDK enforces\n\n\
         Generated from the Rust tables by tests/surface.rs (`MC_WRITE_SURFACE=1 cargo test --test surface`): do not edit.\n\
         Each is checked before anything is sent; a refusal is an McError (`invalid_transition`,\n\
         `validation_failed`) naming the table, the field and the rule.\n\n\
         ## State machines\n\n\
         A step is a compare-and-set update: it applies only if the row is still in one of the\n\
         states it starts from (otherwise `conflict`). Stamped columns are set to now where still null.\n\n\
         | table | step | from | to | stamps | clears | needs |\n|---|---|---|---|---|---|---|\n",
    );
    for t in TRANSITIONS {
        out.push_str(&format!(
            "| `{}` | `{}` | {} | `{}` | {} | {} | {} |\n",
            t.table,
            t.action,
            list(&t.from.iter().map(|s| s.as_str()).collect::<Vec<_>>()),
            t.to.as_str(),
            list(t.stamp),
            list(t.clear),
            t.needs
                .map_or("—".to_string(), |n| format!("`{n}` (non-blank)"))
        ));
    }
    let read_only: Vec<&str> = TABLES
        .iter()
        .map(|t| t.name)
        .filter(|t| backend_only(t))
        .collect();
    out.push_str(&format!(
        "\n## Written by the backend\n\nThe SDK reads {} and builds no insert, upsert, update or delete on them\n\
         (`immutable_record`): pulses run in the backend, the front end never triggers one.\n",
        list(&read_only)
    ));
    let triggers = enum_values("escalation_trigger").unwrap_or_default();
    let by = |kind: &str| -> Vec<&str> {
        triggers
            .iter()
            .copied()
            .filter(|t| escalation_type(t) == Some(kind))
            .collect()
    };
    out.push_str(&format!(
        "\n## Escalation types\n\nAn escalation's `type` follows its trigger.\n\n\
         - `ACTION_REQUIRED`: {}\n- `AWARENESS`: {}\n",
        list(&by("ACTION_REQUIRED")),
        list(&by("AWARENESS"))
    ));
    out.push_str(
        "\n## Column rules on top of the column types\n\n| table | column | rule |\n|---|---|---|\n",
    );
    for t in TABLES {
        for c in t.columns {
            let text = match rule(t.name, c.name) {
                Rule::None => continue,
                Rule::NonBlank => "not empty or only white space".to_string(),
                Rule::Range(lo, hi) if hi == i32::MAX as i64 => format!("a whole number ≥ {lo}"),
                Rule::Range(lo, hi) => format!("a whole number from {lo} to {hi}"),
                Rule::Money => "≥ 0, at most two decimals, below 10^10".to_string(),
                Rule::PulseDecisions => {
                    "an array of `{ action_type, autonomy_check, outcome }`".to_string()
                }
                Rule::PulseActions => {
                    "an array of `{ type, target_id, details, logged }`".to_string()
                }
            };
            out.push_str(&format!("| `{}` | `{}` | {text} |\n", t.name, c.name));
        }
    }
    out.push_str(
        "\n## Rules between the columns of a row\n\n\
         Checked on inserts and rows whole, and on updates that set the columns a rule reads.\n\n\
         | table | rule |\n|---|---|\n",
    );
    for (table, text) in ROW_RULES {
        out.push_str(&format!("| `{table}` | {text} |\n"));
    }
    out
}

#[test]
fn docs_rules_md_is_generated_from_the_rule_tables() {
    generated("docs/rules.md", rules_md());
}
