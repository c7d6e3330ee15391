//! The JS façade under hostile input, in headless Chromium: builders that can be reused and
//! awaited again, names and values refused before the network (checked with a recording
//! fetch), misbehaving custom fetches, and a 10,000-call property test after which the module
//! still answers normal queries against the stack. Checks in tests/js/robust_checks.js.
#![cfg(target_arch = "wasm32")]

use js_sys::{Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(module = "/tests/js/robust_checks.js")]
extern "C" {
    fn builders(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = refusedBeforeTheNetwork)]
    fn refused_before_the_network(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = faultyFetchAndSignals)]
    fn faulty_fetch_and_signals(ctx: &JsValue) -> Promise;
    fn hostile(ctx: &JsValue, count: u32) -> Promise;
    #[wasm_bindgen(js_name = authArguments)]
    fn auth_arguments(ctx: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = preparedRequests)]
    fn prepared_requests(ctx: &JsValue) -> Promise;
}

fn ctx() -> JsValue {
    create_ctx()
}

#[wasm_bindgen_test]
async fn builders_are_reusable_readable_and_know_regex_filters() {
    let sent = expect_resolves(builders(&ctx())).await;
    assert_eq!(sent.as_f64(), Some(1.0), "one request for the regex query");
}

#[wasm_bindgen_test]
async fn bad_names_values_and_keys_are_refused_before_the_network() {
    let sent = expect_resolves(refused_before_the_network(&ctx())).await;
    assert_eq!(
        sent.as_f64(),
        Some(2.0),
        "only the two encoded-name requests were sent"
    );
}

#[wasm_bindgen_test]
async fn auth_arguments_of_the_wrong_shape_name_the_field() {
    let sent = expect_resolves(auth_arguments(&ctx())).await;
    assert_eq!(sent.as_f64(), Some(0.0), "nothing was sent");
}

#[wasm_bindgen_test]
async fn prepared_requests_follow_the_session() {
    let sent = expect_resolves(prepared_requests(&ctx())).await;
    assert_eq!(
        js_sys::Array::from(&sent).length(),
        4,
        "four table requests: anon, user, user, anon"
    );
}

#[wasm_bindgen_test]
async fn null_signals_and_misbehaving_fetches_settle_with_mc_errors() {
    let ok = expect_resolves(faulty_fetch_and_signals(&ctx())).await;
    assert_eq!(ok.as_bool(), Some(true));
}

#[wasm_bindgen_test]
async fn ten_thousand_hostile_calls_never_break_the_module() {
    let stats = expect_resolves(hostile(&ctx(), 10_000)).await;
    let calls = Reflect::get(&stats, &"calls".into())
        .unwrap()
        .as_f64()
        .unwrap();
    let errors = Reflect::get(&stats, &"errorAnswers".into())
        .unwrap()
        .as_f64()
        .unwrap();
    console_log!("{:?}", js_sys::JSON::stringify(&stats).unwrap());
    assert!(calls >= 10_000.0, "calls made: {calls}");
    assert!(
        errors > 1_000.0,
        "hostile calls answered with McErrors: {errors}"
    );
}

/// Generated JSON values for the differential test below (a small LCG: the same values every
/// run): strings with quotes, backslashes, every control character and non-ASCII text; whole
/// numbers up to 2^53 and negative; fractions and exponents; nesting of arrays and objects.
fn generated(seed: &mut u64, depth: u32) -> serde_json::Value {
    use serde_json::Value;
    let mut next = |n: u64| {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (*seed >> 33) % n
    };
    let pick = next(if depth > 4 { 6 } else { 8 });
    match pick {
        0 => Value::Null,
        1 => Value::Bool(next(2) == 0),
        2 => {
            let magnitude: [i64; 8] = [
                0,
                1,
                9,
                10,
                255,
                65_536,
                2_147_483_648,
                9_007_199_254_740_991,
            ];
            let m = magnitude[next(8) as usize];
            (if next(2) == 0 { -m } else { m }).into()
        }
        3 => {
            let f = [
                0.5,
                -1.25,
                1e-7,
                3.25,
                1e21,
                1.7976931348623157e308,
                5e-324,
                123.456,
            ];
            f[next(8) as usize].into()
        }
        4 | 5 => {
            let alphabet = [
                'a', '"', '\\', '/', 'é', '✓', '😀', ' ', '\u{7f}', '\u{2028}',
            ];
            let len = next(12);
            (0..len)
                .map(|_| match next(3) {
                    0 => char::from_u32(next(0x20) as u32).unwrap(),
                    _ => alphabet[next(alphabet.len() as u64) as usize],
                })
                .collect::<String>()
                .into()
        }
        6 => Value::Array((0..next(4)).map(|_| generated(seed, depth + 1)).collect()),
        _ => Value::Object(
            (0..next(4))
                .map(|i| (format!("k{i}\u{1}\"é"), generated(seed, depth + 1)))
                .collect(),
        ),
    }
}

/// The wasm reads and writes JSON by hand (no serde_json parser or formatter in the package):
/// both must agree with serde_json. Whole numbers (up to
/// 2^53) and strings are written exactly as serde_json writes them, fractions as the engine
/// writes them (read back to the same number); reading gives serde_json's values, and the
/// nesting limit is serde_json's to the level.
#[wasm_bindgen_test]
fn wasm_json_agrees_with_serde_json() {
    use mission_control_sdk::json;
    fn has_fraction(v: &serde_json::Value) -> bool {
        match v {
            serde_json::Value::Number(n) => n.is_f64(),
            serde_json::Value::Array(a) => a.iter().any(has_fraction),
            serde_json::Value::Object(m) => m.values().any(has_fraction),
            _ => false,
        }
    }
    let mut seed = 11;
    let (mut exact, mut total) = (0, 0);
    for _ in 0..3000 {
        let v = generated(&mut seed, 0);
        let ours = json::write(&v);
        let theirs = serde_json::to_string(&v).unwrap();
        if !has_fraction(&v) {
            assert_eq!(ours, theirs, "written as serde_json writes it");
            exact += 1;
        }
        let back: serde_json::Value = serde_json::from_str(&ours).expect("our text is JSON");
        assert_eq!(back, v, "serde_json reads back the value from {ours}");
        assert_eq!(
            json::parse(&theirs).unwrap(),
            v,
            "read as serde_json reads {theirs}"
        );
        total += 1;
    }
    assert!(
        exact > 1500 && total == 3000,
        "{exact} of {total} compared byte for byte"
    );
    for text in [
        " \t\n\r[1, -0, 0, 2.5e3, 1E+2, -1e-2, 18446744073709551615, 18446744073709551616]",
        "[-9223372036854775808, -9223372036854775809, 0.1, 123456789012345678901234567890]",
        r#""\u00e9\n\ud83d\ude00\/\b\f\t\r\"\\""#,
        r#"{"a":{"b":null},"c":[],"a":2,"":{}}"#,
        "\"é✓😀\"",
    ] {
        let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(json::parse(text), Ok(theirs), "{text}");
    }
    for bad in [
        "",
        " ",
        "{",
        "[1,]",
        r#"{"a":1,}"#,
        "nul",
        r#""\x""#,
        "1 2",
        "NaN",
        "01",
        "-",
        "1.",
        ".5",
        "1e",
        "+1",
        "1e400",
        r#""\ud800""#,
        r#""\udc00""#,
        r#""\ud800\u0041""#,
        "\"\u{1}\"",
        "\"abc",
        "[1 2]",
        "{1:2}",
        r#"{"a" 1}"#,
        "truex",
        r#""\u12""#,
    ] {
        assert!(json::parse(bad).is_err(), "{bad:?} is not JSON");
        assert!(serde_json::from_str::<serde_json::Value>(bad).is_err());
    }
    for depth in [126, 127, 128, 129, 5000] {
        let text = "[".repeat(depth) + &"]".repeat(depth);
        let theirs = serde_json::from_str::<serde_json::Value>(&text).is_ok();
        let ours = json::parse(&text);
        assert_eq!(ours.is_ok(), theirs, "{depth} levels");
        if let Err(why) = ours {
            assert_eq!(why, json::TOO_DEEP);
        }
    }
}
