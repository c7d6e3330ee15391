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
