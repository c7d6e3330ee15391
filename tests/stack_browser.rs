//! Browser tests (headless Chromium) against the local stack, through the Rust API and the JS
//! façade. The stack's URL and anon key come from the environment at build time (MC_URL,
//! MC_ANON_KEY), as `scripts/test.sh` sets them from the stack's env file. One test per check;
//! the sign-ups and inserts the checks read are made once per page (`cached`).
#![cfg(target_arch = "wasm32")]

use js_sys::{Promise, Reflect};
use mission_control_sdk::{Client, ClientOptions, Error, ErrorCode};
use serde_json::{json, Value};
use std::rc::Rc;
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

/// A new user: the client, the user id, and whether sign-up gave a session.
async fn signed_up_client(tag: &str) -> (Client, String, bool) {
    let client = Client::new(URL, KEY, ClientOptions::default());
    let (session, user) = client
        .auth()
        .sign_up(&unique_email(tag), "correct-horse-9", None)
        .await
        .expect("sign up");
    let id = user.id().expect("user id").to_string();
    (client, id, session.is_some())
}

/// An owner who inserted a company, and another user.
struct Rls {
    owner: Client,
    owner_id: String,
    owner_has_session: bool,
    status: u16,
    row: Value,
    other: Client,
    other_has_session: bool,
}

thread_local! {
    static RLS: Slot<Rls> = Slot::default();
    static JS: Slot<(JsValue, JsValue)> = Slot::default();
}

async fn rls() -> Rc<Rls> {
    cached(&RLS, || async {
        let (owner, owner_id, owner_has_session) = signed_up_client("owner").await;
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
        let row: Value = serde_json::from_str(&inserted.text().unwrap()).unwrap();
        let (other, _, other_has_session) = signed_up_client("other").await;
        Rls {
            owner,
            owner_id,
            owner_has_session,
            status: inserted.status,
            row,
            other,
            other_has_session,
        }
    })
    .await
}

fn company_id(r: &Rls) -> String {
    r.row["id"]
        .as_str()
        .expect("the inserted company's id")
        .to_string()
}

#[wasm_bindgen_test]
async fn sign_up_with_autoconfirm_gives_a_session() {
    let r = rls().await;
    assert!(r.owner_has_session, "autoconfirm gives a session");
    assert!(r.other_has_session, "autoconfirm gives a session");
}

#[wasm_bindgen_test]
async fn company_insert_answers_201() {
    assert_eq!(rls().await.status, 201);
}

#[wasm_bindgen_test]
async fn company_insert_returns_its_name() {
    assert_eq!(rls().await.row["name"], "Browser Robotics");
}

#[wasm_bindgen_test]
async fn company_insert_starts_onboarding() {
    assert_eq!(rls().await.row["status"], "ONBOARDING");
}

#[wasm_bindgen_test]
async fn company_insert_keeps_its_owner() {
    let r = rls().await;
    assert_eq!(r.row["owner_user_id"], r.owner_id.as_str());
}

#[wasm_bindgen_test]
async fn company_spending_authority_defaults_to_zero() {
    assert_eq!(
        rls().await.row["spending_authority_usd"].as_f64(),
        Some(0.0)
    );
}

#[wasm_bindgen_test]
async fn owner_reads_the_company_back_under_rls() {
    let r = rls().await;
    let id = company_id(&r);
    let read = r
        .owner
        .from("companies")
        .select("id,name")
        .eq("id", id.as_str())
        .execute()
        .await
        .unwrap();
    let rows: Value = serde_json::from_str(&read.text().unwrap()).unwrap();
    assert_eq!(rows, json!([{"id": id, "name": "Browser Robotics"}]));
}

#[wasm_bindgen_test]
async fn another_user_sees_nothing_of_the_company() {
    let r = rls().await;
    let id = company_id(&r);
    let seen = r
        .other
        .from("companies")
        .select("id")
        .eq("id", id.as_str())
        .execute()
        .await
        .unwrap();
    assert_eq!(seen.text().as_deref(), Some("[]"));
}

async fn hijack(r: &Rls) -> Error {
    r.other
        .from("companies")
        .insert(json!({"name": "Hijack", "owner_user_id": r.owner_id}), true)
        .execute()
        .await
        .unwrap_err()
}

#[wasm_bindgen_test]
async fn another_user_inserting_a_company_of_the_owner_is_permission_denied() {
    assert_eq!(
        hijack(&*rls().await).await.code,
        ErrorCode::PermissionDenied
    );
}

#[wasm_bindgen_test]
async fn another_user_inserting_a_company_of_the_owner_is_401_or_403() {
    let err = hijack(&*rls().await).await;
    assert!(
        err.status == 401 || err.status == 403,
        "status {}",
        err.status
    );
}

#[wasm_bindgen_test]
async fn anonymous_requests_see_no_companies() {
    let anon = Client::new(URL, KEY, ClientOptions::default());
    let none = anon.from("companies").select("id").execute().await.unwrap();
    assert_eq!(none.text().as_deref(), Some("[]"));
}

/// An insert the catalogue refuses, sent to port 9 (which answers nothing: a request would fail
/// with `network`).
async fn invalid_insert() -> Error {
    let client = Client::new("http://127.0.0.1:9", KEY, ClientOptions::default());
    client
        .from("agents")
        .insert(json!({"name": " ", "tier": 7}), true)
        .execute()
        .await
        .unwrap_err()
}

#[wasm_bindgen_test]
async fn invalid_insert_is_validation_failed_before_the_network() {
    assert_eq!(invalid_insert().await.code, ErrorCode::ValidationFailed);
}

#[wasm_bindgen_test]
async fn invalid_insert_names_every_bad_field() {
    let err = invalid_insert().await;
    let fields: Vec<&str> = err.violations.iter().map(|v| v.field.as_str()).collect();
    assert_eq!(fields, vec!["company_id", "name", "role", "tier"]);
}

async fn await_js(v: JsValue) -> JsValue {
    JsFuture::from(Promise::resolve(&v))
        .await
        .expect("resolves")
}

/// Through the JS façade: a sign-up, then a company inserted with `.select().single()` (the
/// sign-up's answer and the insert's).
async fn js_round_trip() -> Rc<(JsValue, JsValue)> {
    cached(&JS, || async {
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
        let user_id = get(&signed, "data.user.id").as_string().unwrap_or_default();
        let company = js_sys::JSON::parse(&format!(
            r#"{{"name":"JS Co","owner_user_id":"{user_id}","values":["a","b"]}}"#
        ))
        .unwrap();
        let q = call(&mc, "from", &["companies".into()]);
        call(&q, "insert", &[company]);
        call(&q, "select", &[]);
        call(&q, "single", &[]);
        (signed, await_js(q).await)
    })
    .await
}

#[wasm_bindgen_test]
async fn js_sign_up_answers_without_error_and_with_a_user_id() {
    let signed = &js_round_trip().await.0;
    assert!(get(signed, "error").is_null());
    assert!(get(signed, "data.user.id").as_string().is_some(), "user id");
}

#[wasm_bindgen_test]
async fn js_insert_answers_without_error() {
    let res = &js_round_trip().await.1;
    assert!(
        get(res, "error").is_null(),
        "error: {:?}",
        get(res, "error")
    );
}

#[wasm_bindgen_test]
async fn js_insert_answers_201() {
    assert_eq!(
        get(&js_round_trip().await.1, "status").as_f64(),
        Some(201.0)
    );
}

#[wasm_bindgen_test]
async fn js_insert_success_is_true() {
    assert_eq!(
        get(&js_round_trip().await.1, "success").as_bool(),
        Some(true)
    );
}

#[wasm_bindgen_test]
async fn js_insert_returns_the_row() {
    assert_eq!(
        get(&js_round_trip().await.1, "data.name")
            .as_string()
            .as_deref(),
        Some("JS Co")
    );
}

#[wasm_bindgen_test]
async fn js_text_array_arrives_as_an_array() {
    assert!(js_sys::Array::is_array(&get(
        &js_round_trip().await.1,
        "data.values"
    )));
}

#[wasm_bindgen_test]
async fn js_nullable_column_arrives_as_null() {
    assert!(
        get(&js_round_trip().await.1, "data.mission").is_null(),
        "nullable column arrives as null"
    );
}

/// A bad insert through the façade resolves (nothing was sent) with an Error subclass carrying
/// a stable code.
async fn js_bad_insert() -> JsValue {
    let mc = client(URL, KEY, JsValue::UNDEFINED);
    let bad = js_sys::JSON::parse(r#"{"name":"X","owner_user_id":"not-a-uuid","nmae":1}"#).unwrap();
    let q = call(&mc, "from", &["companies".into()]);
    await_js(call(&q, "insert", &[bad])).await
}

#[wasm_bindgen_test]
async fn js_bad_insert_error_is_an_error() {
    let err = get(&js_bad_insert().await, "error");
    assert!(err.is_instance_of::<js_sys::Error>(), "McError is an Error");
}

#[wasm_bindgen_test]
async fn js_bad_insert_code_is_validation_failed() {
    let err = get(&js_bad_insert().await, "error");
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("validation_failed")
    );
}

#[wasm_bindgen_test]
async fn js_bad_insert_error_is_named_mc_error() {
    let err = get(&js_bad_insert().await, "error");
    assert_eq!(get(&err, "name").as_string().as_deref(), Some("McError"));
}

#[wasm_bindgen_test]
async fn js_bad_insert_names_both_problems() {
    let err = get(&js_bad_insert().await, "error");
    assert_eq!(js_sys::Array::from(&get(&err, "violations")).length(), 2);
}

#[wasm_bindgen_test]
async fn js_bad_insert_data_is_null() {
    assert!(get(&js_bad_insert().await, "data").is_null());
}
