//! Reading the JSON arguments and options of the JS façade field by field: one small reader
//! instead of one serde deserializer per argument type in the wasm, and violations that name
//! the field (`credentials.email: must be a string`).

use serde_json::Value;

use crate::error::{Error, Violation};

/// A method's argument as JSON, read field by field (serde's derive would add one deserializer
/// per argument type to the wasm). `undefined`/`null` and absent fields read as defaults; a
/// field of the wrong type is a violation naming it (`credentials.email: must be a string`).
pub(crate) struct Fields<'a> {
    pub(crate) v: &'a Value,
    table: &'static str,
    what: String,
}

impl<'a> Fields<'a> {
    /// The object `v` (`null` reads as an empty one), reported as `table`.`what` when wrong.
    pub(crate) fn new(v: &'a Value, table: &'static str, what: &str) -> Result<Fields<'a>, Error> {
        let f = Fields {
            v,
            table,
            what: what.to_string(),
        };
        if v.is_object() || v.is_null() {
            Ok(f)
        } else {
            Err(f.bad("", "must be an object"))
        }
    }

    pub(crate) fn bad(&self, key: &str, rule: &str) -> Error {
        let field = if key.is_empty() {
            self.what.clone()
        } else {
            format!("{}.{key}", self.what)
        };
        Error::validation(vec![Violation {
            table: self.table.into(),
            field,
            rule: rule.into(),
            value: Value::Null,
        }])
    }

    pub(crate) fn get(&self, key: &str) -> Option<&'a Value> {
        self.v.get(key).filter(|v| !v.is_null())
    }

    pub(crate) fn text(&self, key: &str) -> Result<Option<String>, Error> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(self.bad(key, "must be a string")),
        }
    }

    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn number(&self, key: &str) -> Result<Option<f64>, Error> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Number(n)) => Ok(n.as_f64()),
            Some(_) => Err(self.bad(key, "must be a number")),
        }
    }

    pub(crate) fn flag(&self, key: &str) -> Result<Option<bool>, Error> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(self.bad(key, "must be true or false")),
        }
    }

    pub(crate) fn value(&self, key: &str) -> Option<Value> {
        self.get(key).cloned()
    }

    pub(crate) fn nested(&self, key: &str) -> Result<Fields<'a>, Error> {
        Fields::new(
            self.get(key).unwrap_or(&Value::Null),
            self.table,
            &format!("{}.{key}", self.what),
        )
    }

    /// One of `names` (by `as_str`), or the violation listing them.
    pub(crate) fn one_of<T: Copy>(
        &self,
        key: &str,
        all: &[T],
        name: fn(T) -> &'static str,
    ) -> Result<Option<T>, Error> {
        let Some(text) = self.text(key)? else {
            return Ok(None);
        };
        match all.iter().copied().find(|t| name(*t) == text) {
            Some(t) => Ok(Some(t)),
            None => {
                let names: Vec<&str> = all.iter().map(|t| name(*t)).collect();
                Err(self.bad(key, &format!("must be one of {}", names.join(", "))))
            }
        }
    }
}

/// An argument type read from [`Fields`].
pub(crate) trait Arg: Sized {
    /// Whether the argument is an options object (`null` reads as an empty one).
    const OBJECT: bool = true;
    fn read(f: &Fields) -> Result<Self, Error>;
}

/// Reads a method's argument from its JSON (what `from_js` read: depth-limited).
pub(crate) fn read_arg<T: Arg>(v: &Value, what: &str) -> Result<T, Error> {
    let f = if T::OBJECT {
        Fields::new(v, "auth", what)?
    } else {
        Fields {
            v,
            table: "auth",
            what: what.to_string(),
        }
    };
    T::read(&f)
}
