//! JSON text in and out of [`serde_json::Value`], the one place the crate reads or writes it.
//!
//! Natively this is serde_json. In the browser the engine's own `JSON.parse` reads the text and
//! the wasm walks the result, and a small writer here writes text (numbers of a fraction or an
//! exponent as the engine writes them): the wasm then carries neither serde_json's parser,
//! float parser and error machinery nor its formatter (issue 11, package size).
//!
//! Both read what JSON allows and refuse nesting deeper than [`MAX_DEPTH`] with an error
//! instead of a stack overflow.
//!
//! ```js
//! // Used for you: error bodies, auth answers and workflow rows are read by it.
//! ```

use serde_json::Value;

/// The deepest nesting read: arrays and objects inside each other, as serde_json allows.
///
/// ```js
/// mc.validate("tasks", "insert", { parameters: deep }); // deeper than 127 → validation_failed
/// ```
pub const MAX_DEPTH: u32 = 127;

/// The error text of input nested deeper than [`MAX_DEPTH`].
pub const TOO_DEEP: &str = "recursion limit exceeded";

/// Parses JSON text; the error says why the text is not JSON.
///
/// ```js
/// // Rust: mission_control_sdk::json::parse(r#"{"a":[1,2]}"#)
/// ```
pub fn parse(text: &str) -> Result<Value, String> {
    imp::parse(text)
}

/// Writes a value as compact JSON text (keys in the value's order).
///
/// ```js
/// // Rust: mission_control_sdk::json::write(&value) == r#"{"a":[1,2]}"#
/// ```
pub fn write(v: &Value) -> String {
    let mut out = String::new();
    write_into(&mut out, v);
    out
}

/// Appends a value as compact JSON text to `out`.
///
/// ```js
/// // Rust: json::write_into(&mut body, &row)
/// ```
pub fn write_into(out: &mut String, v: &Value) {
    imp::write_into(out, v)
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use serde_json::Value;

    pub fn parse(text: &str) -> Result<Value, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    pub fn write_into(out: &mut String, v: &Value) {
        out.push_str(&v.to_string());
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use js_sys::{Array, Object, JSON};
    use serde_json::{Map, Number, Value};
    use wasm_bindgen::{JsCast, JsValue};

    use super::{MAX_DEPTH, TOO_DEEP};

    pub fn parse(text: &str) -> Result<Value, String> {
        let v = JSON::parse(text).map_err(|e| {
            js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| "not JSON".into())
        })?;
        read(&v, 0)
    }

    /// A value `JSON.parse` produced (or any plain JSON-shaped value) as a `Value`.
    fn read(v: &JsValue, depth: u32) -> Result<Value, String> {
        if let Some(s) = v.as_string() {
            return Ok(Value::String(s));
        }
        if let Some(f) = v.as_f64() {
            return Ok(number(f));
        }
        if let Some(b) = v.as_bool() {
            return Ok(Value::Bool(b));
        }
        if !v.is_object() {
            return Ok(Value::Null);
        }
        if depth >= MAX_DEPTH {
            return Err(TOO_DEEP.into());
        }
        if Array::is_array(v) {
            let a: &Array = v.unchecked_ref();
            let mut out = Vec::with_capacity(a.length() as usize);
            for x in a.iter() {
                out.push(read(&x, depth + 1)?);
            }
            return Ok(Value::Array(out));
        }
        let mut map = Map::new();
        for pair in Object::entries(v.unchecked_ref()).iter() {
            let pair: Array = pair.unchecked_into();
            let key = pair.get(0).as_string().unwrap_or_default();
            map.insert(key, read(&pair.get(1), depth + 1)?);
        }
        Ok(Value::Object(map))
    }

    /// A JS number as serde_json would have read its text: integral values within 2^53 as
    /// integers (so `as_i64` answers), others as floats.
    fn number(f: f64) -> Value {
        if f.fract() == 0.0 && f.abs() <= 9_007_199_254_740_991.0 {
            Value::Number(Number::from(f as i64))
        } else {
            Number::from_f64(f).map_or(Value::Null, Value::Number)
        }
    }

    pub fn write_into(out: &mut String, v: &Value) {
        match v {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => write_number(out, n),
            Value::String(s) => write_string(out, s),
            Value::Array(items) => {
                out.push('[');
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_into(out, x);
                }
                out.push(']');
            }
            Value::Object(map) => {
                out.push('{');
                for (i, (k, x)) in map.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(out, k);
                    out.push(':');
                    write_into(out, x);
                }
                out.push('}');
            }
        }
    }

    fn write_number(out: &mut String, n: &Number) {
        if let Some(i) = n.as_i64() {
            push_int(out, i.unsigned_abs(), i < 0);
        } else if let Some(u) = n.as_u64() {
            push_int(out, u, false);
        } else {
            let f = n.as_f64().unwrap_or(0.0);
            let text: String = js_sys::Number::from(f)
                .to_string_with_radix(10)
                .map(String::from)
                .unwrap_or_default();
            out.push_str(&text);
        }
    }

    fn push_int(out: &mut String, mut u: u64, negative: bool) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = b'0' + (u % 10) as u8;
            u /= 10;
            if u == 0 {
                break;
            }
        }
        if negative {
            out.push('-');
        }
        for d in &digits[at..] {
            out.push(*d as char);
        }
    }

    /// A JSON string as serde_json writes it: `"` and `\` escaped, control characters as
    /// `\b \t \n \f \r` or `\u00XX`, everything else as it is.
    fn write_string(out: &mut String, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        out.push('"');
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                c if (c as u32) < 0x20 => {
                    out.push_str("\\u00");
                    out.push(HEX[(c as usize) >> 4] as char);
                    out.push(HEX[(c as usize) & 15] as char);
                }
                c => out.push(c),
            }
        }
        out.push('"');
    }
}
