//! Browser tests (headless Chromium) against the local stack, through the Rust API and the JS
//! façade. The stack's URL and anon key come from the environment at build time (MC_URL,
//! MC_ANON_KEY), as `scripts/test.sh` sets them from the stack's env file.
#![cfg(target_arch = "wasm32")]

use js_sys::{Promise, Reflect};
use mission_control_sdk::{Client, ClientOptions, ErrorCode};
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

fn unique_email(tag: &str) -> String {
    let n = (js_sys::Math::random() * 1e12) as u64;
    format!("{tag}-{n}@example.com")
}

fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(v.clone(), |acc, k| {
        Reflect::get(&acc, &k.into()).unwrap_or(JsValue::UNDEFINED)
    })
}

async fn signed_up_client(tag: &str) -> (Client, String) {
    let client = Client::new(URL, KEY, ClientOptions::default());
    let (session, user) = client
        .auth()
        .sign_up(&unique_email(tag), "correct-horse-9", None)
        .await
        .expect("sign up");
    assert!(session.is_some(), "autoconfirm gives a session");
    let id = user["id"].as_str().expect("user id").to_string();
    (client, id)
}

#[wasm_bindgen_test]
async fn sign_up_insert_company_and_read_it_back_under_rls() {
    let (owner, owner_id) = signed_up_client("owner").await;
    let inserted = owner
        .from("companies")
        .insert(
            json!({"name": "Browser Robotics", "owner_user_id": owner_id}),
            true,
        )
        .select("id,name,status,owner_user_id,spending_authority_usd")
        .single()
        .execute()
        .await
        .expect("insert");
    assert_eq!(inserted.status, 201);
    let row: Value = serde_json::from_str(&inserted.text().unwrap()).unwrap();
    assert_eq!(row["name"], "Browser Robotics");
    assert_eq!(row["status"], "ONBOARDING");
    assert_eq!(row["owner_user_id"], owner_id.as_str());
    assert_eq!(row["spending_authority_usd"].as_f64(), Some(0.0));
    let id = row["id"].as_str().unwrap().to_string();

    // The owner reads it back...
    let read = owner
        .from("companies")
        .select("id,name")
        .eq("id", id.as_str())
        .execute()
        .await
        .unwrap();
    let rows: Value = serde_json::from_str(&read.text().unwrap()).unwrap();
    assert_eq!(rows, json!([{"id": id, "name": "Browser Robotics"}]));

    // ...another user sees nothing of it, and cannot insert a company owned by the first.
    let (other, _) = signed_up_client("other").await;
    let seen = other
        .from("companies")
        .select("id")
        .eq("id", id.as_str())
        .execute()
        .await
        .unwrap();
    assert_eq!(seen.text().as_deref(), Some("[]"));
    let err = other
        .from("companies")
        .insert(json!({"name": "Hijack", "owner_user_id": owner_id}), true)
        .execute()
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::PermissionDenied);
    assert!(
        err.status == 401 || err.status == 403,
        "status {}",
        err.status
    );

    // Anonymous requests see no companies at all.
    let anon = Client::new(URL, KEY, ClientOptions::default());
    let none = anon.from("companies").select("id").execute().await.unwrap();
    assert_eq!(none.text().as_deref(), Some("[]"));
}

#[wasm_bindgen_test]
async fn invalid_insert_is_refused_before_the_network() {
    let client = Client::new("http://127.0.0.1:9", KEY, ClientOptions::default());
    // Port 9 answers nothing: a request would fail with `network`, validation fails first.
    let err = client
        .from("agents")
        .insert(json!({"name": " ", "tier": 7}), true)
        .execute()
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::ValidationFailed);
    let fields: Vec<&str> = err.violations.iter().map(|v| v.field.as_str()).collect();
    assert_eq!(fields, vec!["company_id", "name", "role", "tier"]);
}

async fn await_js(v: JsValue) -> JsValue {
    JsFuture::from(Promise::resolve(&v))
        .await
        .expect("resolves")
}

#[wasm_bindgen_test]
async fn js_facade_round_trip_with_supabase_js_shapes() {
    let mc = client(URL, KEY, JsValue::UNDEFINED);
    let creds = js_sys::JSON::parse(&format!(
        r#"{{"email":"{}","password":"correct-horse-9"}}"#,
        unique_email("js")
    ))
    .unwrap();
    let signed = JsFuture::from(js_sys::Promise::from(call(
        &get(&mc, "auth"),
        "signUp",
        &[creds],
    )))
    .await
    .unwrap();
    assert!(get(&signed, "error").is_null());
    let user_id = get(&signed, "data.user.id").as_string().expect("user id");

    let company = js_sys::JSON::parse(&format!(
        r#"{{"name":"JS Co","owner_user_id":"{user_id}","values":["a","b"]}}"#
    ))
    .unwrap();
    let q = call(&mc, "from", &["companies".into()]);
    call(&q, "insert", &[company]);
    call(&q, "select", &[]);
    call(&q, "single", &[]);
    let res = await_js(q).await;
    assert!(
        get(&res, "error").is_null(),
        "error: {:?}",
        get(&res, "error")
    );
    assert_eq!(get(&res, "status").as_f64(), Some(201.0));
    assert_eq!(get(&res, "success").as_bool(), Some(true));
    assert_eq!(get(&res, "data.name").as_string().as_deref(), Some("JS Co"));
    assert!(js_sys::Array::is_array(&get(&res, "data.values")));
    assert!(
        get(&res, "data.mission").is_null(),
        "nullable column arrives as null"
    );

    // A bad insert resolves with an Error subclass carrying a stable code; nothing was sent.
    let bad = js_sys::JSON::parse(r#"{"name":"X","owner_user_id":"not-a-uuid","nmae":1}"#).unwrap();
    let q = call(&mc, "from", &["companies".into()]);
    let res = await_js(call(&q, "insert", &[bad])).await;
    let err = get(&res, "error");
    assert!(err.is_instance_of::<js_sys::Error>(), "McError is an Error");
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("validation_failed")
    );
    assert_eq!(get(&err, "name").as_string().as_deref(), Some("McError"));
    assert_eq!(js_sys::Array::from(&get(&err, "violations")).length(), 2);
    assert!(get(&res, "data").is_null());
}
