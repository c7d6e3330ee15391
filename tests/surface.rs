//! `src/js/entry/surface.js` is the JS surface the package's entry installs before the
//! WebAssembly module is ready (so that `createClient` and the builders work at once): the query
//! vocabulary, the async auth methods, the workflows and the schema's `Constants`. It is
//! generated from the Rust definitions; this test holds it equal to them
//! (`MC_WRITE_SURFACE=1 cargo test --test surface` writes it).

fn expected() -> String {
    let list = |v: &[&str]| {
        let items: Vec<String> = v.iter().map(|s| format!("{s:?}")).collect();
        format!("[{}]", items.join(", "))
    };
    let workflows: Vec<String> = mission_control_sdk::domain::WORKFLOWS
        .iter()
        .map(|(g, names)| format!("[{g:?}, {}]", list(names)))
        .collect();
    format!(
        "// Generated from the Rust definitions by tests/surface.rs (MC_WRITE_SURFACE=1 cargo test --test surface): do not edit.\n\
         /** The query builder's methods (the `rest` layer's vocabulary). */\n\
         export const METHODS = {};\n\
         /** The async auth methods (`AUTH_CALLS`). */\n\
         export const AUTH_CALLS = {};\n\
         /** The workflow groups and their names (`WORKFLOWS`). */\n\
         export const WORKFLOWS = [{}];\n\
         /** Every enum's values in Postgres order, as `supabase gen types typescript` exports them. */\n\
         export const Constants = {};\n",
        list(&mission_control_sdk::rest::method_names()),
        list(mission_control_sdk::auth::AUTH_CALLS),
        workflows.join(", "),
        mission_control_sdk::schema::CONSTANTS_JSON.trim(),
    )
}

#[test]
fn surface_js_is_generated_from_the_rust_definitions() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/js/entry/surface.js");
    let want = expected();
    if std::env::var_os("MC_WRITE_SURFACE").is_some() {
        std::fs::write(path, &want).expect("write surface.js");
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "src/js/entry/surface.js is stale: run MC_WRITE_SURFACE=1 cargo test --test surface"
    );
}
