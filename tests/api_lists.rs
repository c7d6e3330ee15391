//! `src/js/api.d.ts` declares the query builder by hand (wasm-bindgen cannot express its
//! generic, schema-typed methods); everything else it names is generated. Its method names
//! must equal the one vocabulary the `rest` layer defines and the JS façade installs.

use std::collections::BTreeSet;

/// The method names declared in `export interface NAME…{ … }` of the d.ts text.
fn declared(ts: &str, interface: &str) -> BTreeSet<String> {
    let start = ts
        .find(&format!("export interface {interface}<"))
        .unwrap_or_else(|| panic!("interface {interface} not found"));
    let body = &ts[start..];
    let body = &body[..body.find("\n}").expect("end of interface")];
    body.lines()
        .skip(1)
        .filter_map(|l| {
            let l = l.trim_start();
            let name: String = l
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            let rest = &l[name.len()..];
            (!name.is_empty() && (rest.starts_with('(') || rest.starts_with('<'))).then_some(name)
        })
        .collect()
}

#[test]
fn the_builder_methods_of_api_d_ts_are_the_rest_vocabulary() {
    let ts = include_str!("../src/js/api.d.ts");
    let mut in_ts = BTreeSet::new();
    for i in [
        "McFilterBuilder",
        "McReadInsert",
        "McUpdatable",
        "McDeletable",
    ] {
        in_ts.extend(declared(ts, i));
    }
    // The promise side and JSON of the JS class, not calls it records.
    for js_only in ["catch", "finally", "toJSON"] {
        assert!(in_ts.remove(js_only), "{js_only} is declared");
    }
    let in_rust: BTreeSet<String> = mission_control_sdk::rest::method_names()
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(
        in_ts.difference(&in_rust).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "declared in api.d.ts but not in the rest vocabulary"
    );
    assert_eq!(
        in_rust.difference(&in_ts).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "in the rest vocabulary but not declared in api.d.ts"
    );
}

#[test]
fn the_workflows_of_api_d_ts_are_the_domain_layer_s() {
    let ts = include_str!("../src/js/api.d.ts");
    let start = ts
        .find("export interface McWorkflows {")
        .expect("McWorkflows");
    let body = &ts[start..];
    let body = &body[..body.find("\n}").expect("end")];
    let mut in_ts: BTreeSet<String> = BTreeSet::new();
    let mut group = String::new();
    for line in body.lines().skip(1) {
        let l = line.trim_start();
        let indent = line.len() - l.len();
        let name: String = l
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name.is_empty() {
            continue;
        }
        if indent == 2 && l[name.len()..].starts_with(": {") {
            group = name;
        } else if indent == 4 {
            in_ts.insert(format!("{group}.{name}"));
        }
    }
    let in_rust: BTreeSet<String> = mission_control_sdk::domain::WORKFLOWS
        .iter()
        .flat_map(|(g, names)| names.iter().map(move |n| format!("{g}.{n}")))
        .collect();
    assert_eq!(in_ts, in_rust);
}

#[test]
fn the_async_auth_methods_of_api_d_ts_are_auth_calls() {
    let ts = include_str!("../src/js/api.d.ts");
    let start = ts.find("export declare class McAuth {").expect("McAuth");
    let body = &ts[start..];
    let body = &body[..body.find("\n}").expect("end of class")];
    // The methods answering a Promise; the others (onAuthStateChange, start/stopAutoRefresh)
    // are the core's own exports.
    let in_ts: Vec<&str> = body
        .lines()
        .filter(|l| l.contains("): Promise<"))
        .filter_map(|l| l.trim_start().split('(').next())
        .collect();
    assert_eq!(in_ts, mission_control_sdk::auth::AUTH_CALLS);
}
