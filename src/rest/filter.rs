//! The operator vocabulary — one definition of every PostgREST filter operator, with its wire
//! token, its postgrest-js method name and how its value is written — and the filter and
//! ordering methods of [`QueryBuilder`].

use serde_json::Value;

use super::builder::QueryBuilder;
use super::encode::{array_literal, quote_in_list};

/// How an operator's value is written on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpKind {
    /// One value, verbatim (strings as they are, numbers and booleans in JSON spelling).
    Scalar,
    /// `null`, `true`, `false` or `unknown`.
    Is,
    /// A list `(a,"b,c")` with PostgREST's element quoting.
    List,
    /// A Postgres array literal `{a,"b,c"}` from an array; a string goes verbatim, an object
    /// as JSON (jsonb containment).
    Array,
    /// A range literal such as `[1,5)`, verbatim.
    Range,
    /// A full-text query, verbatim.
    Text,
}

macro_rules! ops {
    ($($(#[$doc:meta])* $variant:ident => $method:literal, $token:literal, $kind:ident;)*) => {
        /// A PostgREST filter operator.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Op { $($(#[$doc])* $variant,)* }

        impl Op {
            /// Every operator, in a fixed order.
            pub const ALL: &'static [Op] = &[$(Op::$variant),*];

            /// postgrest-js's method name (`regexMatch`, `containedBy`, …).
            pub fn method(self) -> &'static str {
                match self { $(Op::$variant => $method,)* }
            }

            /// The operator as PostgREST spells it (`match`, `cd`, `like(any)`, …).
            pub fn token(self) -> &'static str {
                match self { $(Op::$variant => $token,)* }
            }

            /// How the value is written.
            pub fn kind(self) -> OpKind {
                match self { $(Op::$variant => OpKind::$kind,)* }
            }
        }
    };
}

ops! {
    /// `=`
    Eq => "eq", "eq", Scalar;
    /// `<>`
    Neq => "neq", "neq", Scalar;
    /// `>`
    Gt => "gt", "gt", Scalar;
    /// `>=`
    Gte => "gte", "gte", Scalar;
    /// `<`
    Lt => "lt", "lt", Scalar;
    /// `<=`
    Lte => "lte", "lte", Scalar;
    /// `LIKE`
    Like => "like", "like", Scalar;
    /// `ILIKE`
    Ilike => "ilike", "ilike", Scalar;
    /// `~` (POSIX regular expression)
    RegexMatch => "regexMatch", "match", Scalar;
    /// `~*` (POSIX regular expression, ignoring case)
    RegexIMatch => "regexIMatch", "imatch", Scalar;
    /// `IS`
    Is => "is", "is", Is;
    /// `IS DISTINCT FROM`
    IsDistinct => "isDistinct", "isdistinct", Scalar;
    /// `IN (…)`
    In => "in", "in", List;
    /// `@>` (contains)
    Contains => "contains", "cs", Array;
    /// `<@` (contained by)
    ContainedBy => "containedBy", "cd", Array;
    /// `&&` (overlaps)
    Overlaps => "overlaps", "ov", Array;
    /// `LIKE ALL (…)`
    LikeAllOf => "likeAllOf", "like(all)", Array;
    /// `LIKE ANY (…)`
    LikeAnyOf => "likeAnyOf", "like(any)", Array;
    /// `ILIKE ALL (…)`
    IlikeAllOf => "ilikeAllOf", "ilike(all)", Array;
    /// `ILIKE ANY (…)`
    IlikeAnyOf => "ilikeAnyOf", "ilike(any)", Array;
    /// `<<` (range strictly left of)
    RangeLt => "rangeLt", "sl", Range;
    /// `>>` (range strictly right of)
    RangeGt => "rangeGt", "sr", Range;
    /// `&>` (range not extending left of)
    RangeGte => "rangeGte", "nxl", Range;
    /// `&<` (range not extending right of)
    RangeLte => "rangeLte", "nxr", Range;
    /// `-|-` (adjacent range)
    RangeAdjacent => "rangeAdjacent", "adj", Range;
    /// `@@ to_tsquery`
    Fts => "textSearch", "fts", Text;
    /// `@@ plainto_tsquery`
    Plfts => "textSearch", "plfts", Text;
    /// `@@ phraseto_tsquery`
    Phfts => "textSearch", "phfts", Text;
    /// `@@ websearch_to_tsquery`
    Wfts => "textSearch", "wfts", Text;
}

impl Op {
    /// The operator with postgrest-js method name `name` (`textSearch` gives `fts`).
    pub fn from_method(name: &str) -> Option<Op> {
        Op::ALL.iter().copied().find(|o| o.method() == name)
    }

    /// The operator PostgREST spells `token` (a config suffix such as `fts(english)` is
    /// allowed on the text-search operators).
    pub fn from_token(token: &str) -> Option<Op> {
        let base = match token.split_once('(') {
            Some((b, rest)) if token.ends_with(')') && b.ends_with("fts") && !rest.is_empty() => b,
            _ => token,
        };
        Op::ALL.iter().copied().find(|o| o.token() == base)
    }
}

/// A single filter value as text: strings verbatim, numbers and booleans in JSON spelling,
/// null as `null`; `None` for arrays and objects.
pub fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Null => Some("null".into()),
        Value::Bool(_) | Value::Number(_) => Some(crate::json::write(v)),
        _ => None,
    }
}

fn elements(v: &Value) -> Result<Vec<String>, &'static str> {
    match v {
        Value::Array(items) => items
            .iter()
            .map(|i| scalar_text(i).ok_or("elements must be strings, numbers, booleans or null"))
            .collect(),
        _ => Err("must be an array"),
    }
}

/// Writes `value` as operator `op` wants it, or says which rule it breaks.
pub fn encode_value(op: Op, value: &Value) -> Result<String, &'static str> {
    let text = match op.kind() {
        OpKind::Scalar => scalar_text(value).ok_or("must be a string, number, boolean or null")?,
        OpKind::Is => match value {
            Value::Null => "null".into(),
            Value::Bool(b) => b.to_string(),
            Value::String(s)
                if ["null", "true", "false", "unknown"]
                    .contains(&s.to_ascii_lowercase().as_str()) =>
            {
                s.to_ascii_lowercase()
            }
            _ => return Err("must be null, true, false or \"unknown\""),
        },
        OpKind::List => quote_in_list(&elements(value)?),
        OpKind::Array => match value {
            Value::String(s) => s.clone(),
            Value::Object(_) if matches!(op, Op::Contains | Op::ContainedBy) => {
                crate::json::write(value)
            }
            _ => array_literal(&elements(value)?),
        },
        OpKind::Range | OpKind::Text => match value {
            Value::String(s) => s.clone(),
            _ => return Err("must be a string"),
        },
    };
    if text.contains('\0') {
        return Err("must not contain NUL characters");
    }
    Ok(text)
}

macro_rules! named_filters {
    ($($name:ident => $op:ident),* $(,)?) => {
        impl QueryBuilder {
            $(
                #[doc = concat!("The `", stringify!($op), "` filter; see [`Op::", stringify!($op), "`].")]
                pub fn $name(self, column: &str, value: impl Into<Value>) -> Self {
                    self.op(Op::$op, column, &value.into())
                }
            )*
        }
    };
}

named_filters! {
    eq => Eq, neq => Neq, gt => Gt, gte => Gte, lt => Lt, lte => Lte, like => Like,
    ilike => Ilike, regex_match => RegexMatch, regex_imatch => RegexIMatch, is => Is,
    is_distinct => IsDistinct, in_ => In, contains => Contains, contained_by => ContainedBy,
    overlaps => Overlaps, like_all_of => LikeAllOf, like_any_of => LikeAnyOf,
    ilike_all_of => IlikeAllOf, ilike_any_of => IlikeAnyOf, range_lt => RangeLt,
    range_gt => RangeGt, range_gte => RangeGte, range_lte => RangeLte,
    range_adjacent => RangeAdjacent,
}

/// `textSearch`'s `type` option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TextSearch {
    /// `plfts`: plain words, all of them.
    Plain,
    /// `phfts`: the words as a phrase.
    Phrase,
    /// `wfts`: web-search syntax (quotes, `or`, `-`).
    Websearch,
}

impl QueryBuilder {
    /// `column=op.value`, with the value written as the operator wants it (a violation, and
    /// nothing sent, when it does not fit).
    pub fn op(self, op: Op, column: &str, value: &Value) -> Self {
        self.op_with(op.token(), op, column, value, false)
    }

    fn op_with(mut self, token: &str, op: Op, column: &str, value: &Value, not: bool) -> Self {
        match encode_value(op, value) {
            Ok(text) => {
                let token = if not {
                    format!("not.{token}")
                } else {
                    token.to_string()
                };
                self.raw_filter(column, &token, &text)
            }
            Err(rule) => {
                self.fail(rule, column, value.clone());
                self
            }
        }
    }

    /// `column=not.op.value`; `op` is PostgREST's token (`eq`, `in`, `cs`, …).
    pub fn not(mut self, column: &str, op: &str, value: &Value) -> Self {
        match Op::from_token(op) {
            // A string after `in` is a list already written (postgrest-js passes it on).
            Some(Op::In) if value.is_string() => {
                let text = value.as_str().unwrap_or_default().to_string();
                self.raw_filter(column, "not.in", &text)
            }
            Some(o) => self.op_with(op, o, column, value, true),
            None => {
                self.fail("unknown operator", column, Value::String(op.to_string()));
                self
            }
        }
    }

    /// `column NOT IN (values)`.
    pub fn not_in(self, column: &str, values: impl Into<Value>) -> Self {
        self.op_with("in", Op::In, column, &values.into(), true)
    }

    /// A raw filter as postgrest-js's `filter(column, operator, value)`: a known operator
    /// (optionally `not.`-prefixed), the value verbatim (a string) or written by the operator's
    /// rules.
    pub fn filter(mut self, column: &str, op: &str, value: &Value) -> Self {
        let (not, base) = match op.strip_prefix("not.") {
            Some(b) => (true, b),
            None => (false, op),
        };
        let Some(o) = Op::from_token(base) else {
            self.fail("unknown operator", column, Value::String(op.to_string()));
            return self;
        };
        match value {
            Value::String(s) => {
                if self.refuse_nul(column, s) {
                    self
                } else {
                    let s = s.clone();
                    self.raw_filter(column, op, &s)
                }
            }
            v => self.op_with(base, o, column, v, not),
        }
    }

    /// Full-text search: `fts`, or `plfts`/`phfts`/`wfts` by `kind`, with a text-search config.
    pub fn text_search(
        self,
        column: &str,
        query: &Value,
        config: Option<&str>,
        kind: Option<TextSearch>,
    ) -> Self {
        let op = match kind {
            None => Op::Fts,
            Some(TextSearch::Plain) => Op::Plfts,
            Some(TextSearch::Phrase) => Op::Phfts,
            Some(TextSearch::Websearch) => Op::Wfts,
        };
        let token = match config {
            Some(c) => format!("{}({c})", op.token()),
            None => op.token().to_string(),
        };
        self.op_with(&token, op, column, query, false)
    }

    /// `or=(…)`: a logic tree written in PostgREST's syntax (quote values with
    /// [`crate::rest::list_element`]).
    pub fn or(mut self, filters: &str, referenced_table: Option<&str>) -> Self {
        if self.refuse_nul("or", filters) {
            return self;
        }
        let key = match referenced_table {
            Some(t) => format!("{t}.or"),
            None => "or".into(),
        };
        self.params.push((key, format!("({filters})")));
        self
    }

    /// `order=column.asc|desc[.nullsfirst|.nullslast]`, appended to earlier orders.
    pub fn order(
        mut self,
        column: &str,
        ascending: bool,
        nulls_first: Option<bool>,
        referenced_table: Option<&str>,
    ) -> Self {
        if referenced_table.is_none() {
            self.check_column(column);
        }
        let key = match referenced_table {
            Some(t) => format!("{t}.order"),
            None => "order".into(),
        };
        let mut term = format!("{column}.{}", if ascending { "asc" } else { "desc" });
        match nulls_first {
            Some(true) => term.push_str(".nullsfirst"),
            Some(false) => term.push_str(".nullslast"),
            None => {}
        }
        match self.params.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => {
                v.push(',');
                v.push_str(&term);
            }
            None => self.params.push((key, term)),
        }
        self
    }

    /// `limit=n`.
    pub fn limit(mut self, n: u64, referenced_table: Option<&str>) -> Self {
        let key = referenced_table.map_or("limit".to_string(), |t| format!("{t}.limit"));
        self.set_param(&key, n.to_string());
        self
    }

    /// Rows `from..=to` (zero-based): `offset` and `limit`.
    pub fn range(mut self, from: u64, to: u64, referenced_table: Option<&str>) -> Self {
        let prefix = referenced_table.map_or(String::new(), |t| format!("{t}."));
        self.set_param(&format!("{prefix}offset"), from.to_string());
        self.set_param(
            &format!("{prefix}limit"),
            (to.saturating_sub(from) + 1).to_string(),
        );
        self
    }

    /// `column=op.text`: the text percent-encoded when sent, otherwise verbatim.
    pub(super) fn raw_filter(mut self, column: &str, token: &str, text: &str) -> Self {
        self.check_column(column);
        self.params
            .push((column.to_string(), format!("{token}.{text}")));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_op_has_a_distinct_token_and_parses_back() {
        for op in Op::ALL {
            assert_eq!(Op::from_token(op.token()), Some(*op), "{op:?}");
        }
        assert_eq!(Op::from_token("wfts(english)"), Some(Op::Wfts));
        assert_eq!(Op::from_method("regexIMatch"), Some(Op::RegexIMatch));
        assert_eq!(Op::from_token("nope"), None);
    }

    #[test]
    fn values_follow_the_operator() {
        assert_eq!(encode_value(Op::Eq, &json!(2)).unwrap(), "2");
        assert_eq!(encode_value(Op::Eq, &json!(null)).unwrap(), "null");
        assert_eq!(
            encode_value(Op::In, &json!(["a,b", 1, "a,b"])).unwrap(),
            "(\"a,b\",1)"
        );
        assert_eq!(
            encode_value(Op::Contains, &json!(["x y", "z"])).unwrap(),
            "{\"x y\",z}"
        );
        assert_eq!(
            encode_value(Op::Contains, &json!({"a": 1})).unwrap(),
            "{\"a\":1}"
        );
        assert_eq!(encode_value(Op::Is, &json!("NULL")).unwrap(), "null");
        assert_eq!(encode_value(Op::In, &json!(null)), Err("must be an array"));
        assert_eq!(
            encode_value(Op::Eq, &json!("a\u{0}b")),
            Err("must not contain NUL characters")
        );
        assert!(encode_value(Op::Eq, &json!([1])).is_err());
        assert!(encode_value(Op::Is, &json!(5)).is_err());
    }

    /// `is` takes null, a boolean or the words PostgREST knows (any case); an array operator
    /// takes a literal string as it is.
    #[test]
    fn is_and_array_operators_at_their_edges() {
        assert_eq!(encode_value(Op::Is, &json!(true)).unwrap(), "true");
        assert_eq!(encode_value(Op::Is, &json!(false)).unwrap(), "false");
        assert_eq!(encode_value(Op::Is, &json!("Unknown")).unwrap(), "unknown");
        assert_eq!(encode_value(Op::Is, &json!("TRUE")).unwrap(), "true");
        for bad in [json!("maybe"), json!(""), json!("nul"), json!([true])] {
            assert_eq!(
                encode_value(Op::Is, &bad),
                Err("must be null, true, false or \"unknown\""),
                "{bad}"
            );
        }
        assert_eq!(
            encode_value(Op::Contains, &json!("{a,\"b c\"}")).unwrap(),
            "{a,\"b c\"}"
        );
        assert_eq!(
            encode_value(Op::Overlaps, &json!("[1,5)")).unwrap(),
            "[1,5)"
        );
        // A JSON object only for contains / containedBy (jsonb); ranges and text take strings.
        assert!(encode_value(Op::Overlaps, &json!({"a": 1})).is_err());
        assert_eq!(encode_value(Op::RangeLt, &json!("[1,5)")).unwrap(), "[1,5)");
        assert_eq!(
            encode_value(Op::RangeLt, &json!(3)),
            Err("must be a string")
        );
    }
}
