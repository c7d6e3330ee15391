//! JSON text in and out of [`serde_json::Value`], the one place the crate reads or writes it.
//!
//! A small reader and writer of its own, held to serde_json by a differential test (natively and
//! in the browser): it reads what serde_json reads and writes what serde_json writes. Only
//! numbers with a fraction or an exponent depend on the platform: natively Rust's float parser
//! and serde_json's formatting; in the browser the engine's `parseFloat` and number formatting,
//! so the wasm carries no serde_json parser, float parser or formatter (issue 11, package size).
//!
//! Nesting deeper than [`MAX_DEPTH`] is an error, never a stack overflow.

use serde_json::{Map, Number, Value};

/// The deepest nesting read: arrays and objects inside each other, as serde_json allows.
pub const MAX_DEPTH: u32 = 127;

/// The error text of input nested deeper than [`MAX_DEPTH`].
pub const TOO_DEEP: &str = "recursion limit exceeded";

/// Parses JSON text; the error says why the text is not JSON.
pub fn parse(text: &str) -> Result<Value, String> {
    let mut p = Parser {
        s: text.as_bytes(),
        at: 0,
    };
    let v = p.value(0)?;
    p.space();
    if p.at < p.s.len() {
        return Err(p.fail("trailing characters"));
    }
    Ok(v)
}

/// Writes a value as compact JSON text (keys in the value's order).
pub fn write(v: &Value) -> String {
    let mut out = String::new();
    write_into(&mut out, v);
    out
}

/// Appends a value as compact JSON text to `out`.
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

/// Numbers with a fraction or an exponent, the platform's way.
#[cfg(not(target_arch = "wasm32"))]
mod float {
    pub fn parse(text: &str) -> Option<f64> {
        text.parse().ok()
    }

    pub fn write(out: &mut String, n: &serde_json::Number) {
        out.push_str(&n.to_string());
    }
}

/// Numbers with a fraction or an exponent through the engine (`parseFloat`, `Number#toString`:
/// the shortest text that reads back the same number).
#[cfg(target_arch = "wasm32")]
mod float {
    pub fn parse(text: &str) -> Option<f64> {
        Some(js_sys::parse_float(text))
    }

    pub fn write(out: &mut String, n: &serde_json::Number) {
        let f = n.as_f64().unwrap_or(0.0);
        let text: String = js_sys::Number::from(f)
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_default();
        out.push_str(&text);
    }
}

/// A reader of JSON text as serde_json reads it (RFC 8259; duplicate keys: the last value in
/// the first key's place; lone surrogates and raw control characters refused).
struct Parser<'a> {
    s: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn fail(&self, why: &str) -> String {
        let mut m = String::from(why);
        m.push_str(" at byte ");
        push_decimal(&mut m, self.at as u64);
        m
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.at) {
            self.at += 1;
        }
    }

    fn eat(&mut self, word: &str) -> bool {
        let ok = self.s[self.at..].starts_with(word.as_bytes());
        if ok {
            self.at += word.len();
        }
        ok
    }

    fn value(&mut self, depth: u32) -> Result<Value, String> {
        self.space();
        let Some(&c) = self.s.get(self.at) else {
            return Err(self.fail("EOF while parsing a value"));
        };
        if matches!(c, b'[' | b'{') {
            if depth >= MAX_DEPTH {
                return Err(TOO_DEEP.into());
            }
            self.at += 1;
            return if c == b'[' {
                self.array(depth + 1)
            } else {
                self.object(depth + 1)
            };
        }
        match c {
            b'"' => self.string().map(Value::String),
            b'-' | b'0'..=b'9' => self.number(),
            _ if self.eat("null") => Ok(Value::Null),
            _ if self.eat("true") => Ok(Value::Bool(true)),
            _ if self.eat("false") => Ok(Value::Bool(false)),
            _ => Err(self.fail("expected value")),
        }
    }

    /// After `[`: the items and `]`.
    fn array(&mut self, depth: u32) -> Result<Value, String> {
        let mut items = Vec::new();
        self.space();
        if self.eat("]") {
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            self.space();
            if self.eat("]") {
                return Ok(Value::Array(items));
            }
            if !self.eat(",") {
                return Err(self.fail("expected `,` or `]`"));
            }
        }
    }

    /// After `{`: the members and `}`.
    fn object(&mut self, depth: u32) -> Result<Value, String> {
        let mut map = Map::new();
        self.space();
        if self.eat("}") {
            return Ok(Value::Object(map));
        }
        loop {
            self.space();
            if self.s.get(self.at) != Some(&b'"') {
                return Err(self.fail("key must be a string"));
            }
            let key = self.string()?;
            self.space();
            if !self.eat(":") {
                return Err(self.fail("expected `:`"));
            }
            let v = self.value(depth)?;
            map.insert(key, v);
            self.space();
            if self.eat("}") {
                return Ok(Value::Object(map));
            }
            if !self.eat(",") {
                return Err(self.fail("expected `,` or `}`"));
            }
        }
    }

    /// A string, at its opening quote. Runs without escapes are copied whole.
    fn string(&mut self) -> Result<String, String> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let run = self.at;
            while let Some(&c) = self.s.get(self.at) {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The input is a &str and the run ends before an ASCII byte or at the end: whole
            // characters.
            let text = core::str::from_utf8(&self.s[run..self.at]);
            out.push_str(text.map_err(|_| self.fail("invalid UTF-8"))?);
            let Some(&c) = self.s.get(self.at) else {
                return Err(self.fail("EOF while parsing a string"));
            };
            self.at += 1;
            if c == b'"' {
                return Ok(out);
            }
            if c != b'\\' {
                return Err(self.fail("control character in a string"));
            }
            let Some(&e) = self.s.get(self.at) else {
                return Err(self.fail("EOF while parsing a string"));
            };
            self.at += 1;
            out.push(match e {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => self.unicode()?,
                _ => return Err(self.fail("invalid escape")),
            });
        }
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let mut n = 0;
        for _ in 0..4 {
            let d = match self.s.get(self.at) {
                Some(&c @ b'0'..=b'9') => c - b'0',
                Some(&c @ b'a'..=b'f') => c - b'a' + 10,
                Some(&c @ b'A'..=b'F') => c - b'A' + 10,
                _ => return Err(self.fail("invalid escape")),
            };
            self.at += 1;
            n = n * 16 + d as u32;
        }
        Ok(n)
    }

    /// After `\u`: one character (a surrogate pair takes two escapes).
    fn unicode(&mut self) -> Result<char, String> {
        let hi = self.hex4()?;
        let code = match hi {
            0xd800..=0xdbff => {
                if !self.eat("\\u") {
                    return Err(self.fail("lone leading surrogate in hex escape"));
                }
                let lo = self.hex4()?;
                if !(0xdc00..=0xdfff).contains(&lo) {
                    return Err(self.fail("lone leading surrogate in hex escape"));
                }
                0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00)
            }
            0xdc00..=0xdfff => return Err(self.fail("lone trailing surrogate in hex escape")),
            n => n,
        };
        char::from_u32(code).ok_or_else(|| self.fail("invalid escape"))
    }

    /// A number: whole ones as integers (i64 below zero, u64 above, as serde_json), others
    /// through the engine's `parseFloat` (correctly rounded).
    fn number(&mut self) -> Result<Value, String> {
        let start = self.at;
        let negative = self.eat("-");
        let digits = |p: &mut Self| {
            let from = p.at;
            while let Some(b'0'..=b'9') = p.s.get(p.at) {
                p.at += 1;
            }
            p.at - from
        };
        let int_start = self.at;
        let n = digits(self);
        if n == 0 || (n > 1 && self.s[int_start] == b'0') {
            return Err(self.fail("invalid number"));
        }
        let mut whole = true;
        if self.eat(".") {
            whole = false;
            if digits(self) == 0 {
                return Err(self.fail("invalid number"));
            }
        }
        if let Some(b'e' | b'E') = self.s.get(self.at) {
            whole = false;
            self.at += 1;
            if let Some(b'+' | b'-') = self.s.get(self.at) {
                self.at += 1;
            }
            if digits(self) == 0 {
                return Err(self.fail("invalid number"));
            }
        }
        let text = core::str::from_utf8(&self.s[start..self.at]).unwrap_or("");
        if whole {
            let mut u: u64 = 0;
            let mut fits = true;
            for &d in &self.s[int_start..self.at] {
                match u
                    .checked_mul(10)
                    .and_then(|x| x.checked_add((d - b'0') as u64))
                {
                    Some(x) => u = x,
                    None => fits = false,
                }
            }
            if fits && !negative {
                return Ok(Value::Number(u.into()));
            }
            if fits && u == 0 {
                // serde_json reads `-0` as the float -0.0
                return Ok(Number::from_f64(-0.0).map_or(Value::Null, Value::Number));
            }
            if fits && u <= i64::MAX as u64 + 1 {
                return Ok(Value::Number((u as i64).wrapping_neg().into()));
            }
        }
        float::parse(text)
            .and_then(Number::from_f64)
            .map(Value::Number)
            .ok_or_else(|| self.fail("number out of range"))
    }
}

fn write_number(out: &mut String, n: &Number) {
    if let Some(i) = n.as_i64() {
        if i < 0 {
            out.push('-');
        }
        push_decimal(out, i.unsigned_abs());
    } else if let Some(u) = n.as_u64() {
        push_decimal(out, u);
    } else {
        float::write(out, n);
    }
}

/// Appends `u` in decimal (no formatting machinery, no allocation): JSON's integers and the
/// numbers of the query plan line.
pub(crate) fn push_decimal(out: &mut String, mut u: u64) {
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
    digits[at..].iter().for_each(|d| out.push(char::from(*d)));
}

/// A JSON string as serde_json writes it: `"` and `\` escaped, control characters as
/// `\b \t \n \f \r` or `\u00XX`, everything else as it is (runs copied whole).
fn write_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut run = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "\\u00",
            _ => continue,
        };
        out.push_str(&s[run..i]);
        out.push_str(escape);
        if escape == "\\u00" {
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
        run = i + 1;
    }
    out.push_str(&s[run..]);
    out.push('"');
}
