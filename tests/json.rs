//! `mission_control_sdk::json` against serde_json, natively (`cargo test`) and in headless
//! Chromium (`wasm-pack test`, where numbers with a fraction go through the engine).

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::*;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test_configure!(run_in_browser);

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

/// `json` reads and writes JSON by hand (no serde_json parser or formatter in the package) and
/// must agree with serde_json: whole numbers and strings are written byte for byte as serde_json
/// writes them (natively fractions too; in the browser fractions as the engine writes them, read
/// back to the same number), reading gives serde_json's values, malformed text is refused by
/// both, and the nesting limit is serde_json's to the level.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn our_json_agrees_with_serde_json() {
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
        // natively fractions are written by serde_json's own formatting: all byte for byte
        if !has_fraction(&v) || cfg!(not(target_arch = "wasm32")) {
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
