//! The runtime check of select strings agrees with the type-level parser (issue 19, item 5):
//! every string of the select-type corpus (`tests/types/select/corpus.json`, the strings
//! `select.d.ts` must accept and must refuse) goes through `client.from(table).select(s)`.
//! A valid string builds its request (nothing refuses it before the network); an invalid one
//! is refused with `validation_failed`, one violation naming the table, the field `select`,
//! and a rule that names every token the type error names (`'titel'`, `'agents'`, …).
//! Each disagreement is reported by its string.
#![cfg(not(target_arch = "wasm32"))]

use mission_control_sdk::{Client, ClientOptions, ErrorCode};
use serde_json::Value;

const CORPUS: &str = include_str!("types/select/corpus.json");

/// The `'quoted'` tokens of a message (an apostrophe inside a word, `key's`, is not a quote).
fn quoted(message: &str) -> Vec<&str> {
    let b = message.as_bytes();
    let word = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphanumeric);
    let mut out = Vec::new();
    let mut open = None;
    for (i, &c) in b.iter().enumerate() {
        if c != b'\'' {
            continue;
        }
        match open {
            None if !(i > 0 && word(i - 1) && word(i + 1)) => open = Some(i + 1),
            Some(start) if !word(i + 1) => {
                out.push(&message[start..i]);
                open = None;
            }
            _ => {}
        }
    }
    out
}

fn entries<'a>(corpus: &'a Value, kind: &str) -> Vec<(&'a str, &'a str, Option<&'a str>)> {
    corpus[kind]
        .as_array()
        .unwrap_or_else(|| panic!("corpus.json has no '{kind}' list"))
        .iter()
        .map(|e| {
            (
                e["table"].as_str().expect("table"),
                e["select"].as_str().expect("select"),
                e["error"].as_str(),
            )
        })
        .collect()
}

#[test]
fn runtime_check_agrees_with_the_select_types() {
    let corpus: Value = serde_json::from_str(CORPUS).expect("corpus.json is JSON");
    let mc = Client::new("http://127.0.0.1:9", "anon", ClientOptions::default());
    let mut wrong = Vec::new();
    let valid = entries(&corpus, "valid");
    let invalid = entries(&corpus, "invalid");

    for &(table, select, _) in &valid {
        if let Err(e) = mc.from(table).select(select).build() {
            wrong.push(format!(
                "valid {table}: {select:?} was refused: {}",
                e.violations
                    .first()
                    .map_or(e.message.clone(), |v| v.rule.clone())
            ));
        }
    }

    let mut same_words = 0;
    for &(table, select, error) in &invalid {
        let error = error.expect("an invalid entry has its error");
        let e = match mc.from(table).select(select).build() {
            Ok(_) => {
                wrong.push(format!(
                    "invalid {table}: {select:?} was accepted (types: {error})"
                ));
                continue;
            }
            Err(e) => e,
        };
        let Some(v) = e.violations.first() else {
            wrong.push(format!(
                "invalid {table}: {select:?} refused without a violation: {e:?}"
            ));
            continue;
        };
        let missing: Vec<&str> = quoted(error)
            .into_iter()
            .filter(|t| !v.rule.contains(&format!("'{t}'")))
            .collect();
        if e.code != ErrorCode::ValidationFailed
            || v.table != table
            || v.field != "select"
            || !missing.is_empty()
        {
            wrong.push(format!(
                "invalid {table}: {select:?}: got {:?} {}.{}: {:?} (tokens not named: {missing:?}); types: {error}",
                e.code, v.table, v.field, v.rule
            ));
        }
        if v.rule == error {
            same_words += 1;
        }
    }

    eprintln!(
        "select corpus: {} valid and {} invalid strings, {} disagreements; {same_words} of the \
         {} refusals word for word the type error",
        valid.len(),
        invalid.len(),
        wrong.len(),
        invalid.len()
    );
    assert!(
        valid.len() >= 150 && invalid.len() >= 40,
        "the corpus shrank"
    );
    assert!(
        wrong.is_empty(),
        "{} of {} corpus strings disagree with the select types:\n{}",
        wrong.len(),
        valid.len() + invalid.len(),
        wrong.join("\n")
    );
}

/// The string is sent as supabase-js sends it: whitespace outside quoted names dropped.
#[test]
fn checked_strings_are_sent_without_whitespace() {
    let mc = Client::new("http://127.0.0.1:9", "anon", ClientOptions::default());
    let r = mc
        .from("tasks")
        .select("id, agents!assignee_id ( name ), \"title\"")
        .build()
        .expect("valid");
    assert!(
        r.url
            .contains("select=id%2Cagents%21assignee_id%28name%29%2C%22title%22"),
        "{}",
        r.url
    );
}

/// Any string is answered (a request or a refusal), never a panic: 20,000 strings made of the
/// grammar's pieces, names, whitespace, quotes and multi-byte characters.
#[test]
fn arbitrary_strings_are_checked_without_panicking() {
    const PIECES: &[&str] = &[
        "id",
        "title",
        "agents",
        "tasks",
        "count",
        "!",
        "!inner",
        "(",
        ")",
        ",",
        ":",
        "::",
        "->",
        "->>",
        "...",
        "*",
        "\"",
        " ",
        "\n",
        ".",
        "é",
        "🙂",
        "assignee_id",
        "text",
        "()",
        "x",
    ];
    let mc = Client::new("http://127.0.0.1:9", "anon", ClientOptions::default());
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..20_000 {
        let len = (next() % 12) as usize;
        let s: String = (0..len)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        for table in ["tasks", "agents"] {
            if let Err(e) = mc.from(table).select(&s).build() {
                assert_eq!(e.code, ErrorCode::ValidationFailed, "{s:?}");
                assert_eq!(e.violations[0].field, "select", "{s:?}");
            }
        }
    }
}

#[test]
fn an_empty_embed_is_not_a_count() {
    // `rel()` embeds nothing (PostgREST answers `{}` or `[]`); only `count()` is the refused
    // aggregate, with or without white space inside the parentheses.
    let mc = Client::new("http://127.0.0.1:9", "anon", ClientOptions::default());
    let client = || mc.clone();
    for s in ["id, departments()", "id, departments( )"] {
        let r = client().from("tasks").select(s).build();
        assert!(r.is_ok(), "tasks: {s}: {:?}", r.err());
    }
    for s in ["count()", "count( )"] {
        let e = client().from("tasks").select(s).build().unwrap_err();
        assert!(e.violations[0].rule.contains("count()"), "{s}: {e:?}");
    }
}

#[test]
fn other_schemas_are_the_servers_to_check_but_never_get_a_nul() {
    let mc = Client::new("http://127.0.0.1:9", "anon", ClientOptions::default());
    let other = mc.schema("mc_test");
    // Not in the generated schema: not checked (even when a public table has the same name).
    assert!(other.from("tasks").select("nope").build().is_ok());
    // A NUL cannot reach PostgreSQL from any schema.
    let e = other.from("slots").select("a\u{0}b").build().unwrap_err();
    assert_eq!(e.violations[0].field, "select");
}
