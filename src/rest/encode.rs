//! PostgREST's value grammar, which postgrest-js gets wrong in places (the tests below hold
//! each case).

/// Whether an element of an `in.(…)` list or an `or=(…)` tree needs double quotes: the
/// characters of the grammar, edge white space, the empty string — and braces or brackets,
/// which a logic tree may read as an array or range literal (quoting is always valid).
fn needs_list_quotes(s: &str) -> bool {
    s.is_empty()
        || s.contains(['{', '}', '[', ']'])
        || s.starts_with(char::is_whitespace)
        || s.ends_with(char::is_whitespace)
        || s.chars().any(|c| matches!(c, ',' | '(' | ')' | '"' | '\\'))
}

/// One element inside `in.(…)` or a logic tree: quoted with `\"` and `\\` escapes when needed.
pub fn list_element(s: &str) -> String {
    if needs_list_quotes(s) {
        quoted(s)
    } else {
        s.to_string()
    }
}

/// `"s"` with `\"` and `\\` escapes — the quoting PostgREST lists and Postgres arrays share.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// `(a,"b,c")`: the list of an `in` filter.
///
/// Repeated values are sent once (as postgrest-js does).
pub fn quote_in_list<S: AsRef<str>>(items: &[S]) -> String {
    let mut seen = std::collections::HashSet::new();
    let parts: Vec<String> = items
        .iter()
        .map(AsRef::as_ref)
        .filter(|s| seen.insert(*s))
        .map(list_element)
        .collect();
    format!("({})", parts.join(","))
}

/// A Postgres array literal `{a,"b,c"}` for `cs`/`cd`/`ov`, quoting what the array grammar needs.
pub fn array_literal<S: AsRef<str>>(items: &[S]) -> String {
    let parts: Vec<String> = items
        .iter()
        .map(|s| {
            let s = s.as_ref();
            let quote = s.is_empty()
                || s.eq_ignore_ascii_case("null")
                || s.chars()
                    .any(|c| matches!(c, ',' | '{' | '}' | '"' | '\\') || c.is_whitespace());
            if quote {
                quoted(s)
            } else {
                s.to_string()
            }
        })
        .collect();
    format!("{{{}}}", parts.join(","))
}

/// Whether a name is one the URL can carry as a path segment: not empty, not `.`/`..`, no
/// control characters (every other character is percent-encoded).
pub(crate) fn path_name_ok(name: &str) -> bool {
    !name.is_empty() && name != "." && name != ".." && !name.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_list_quotes_only_what_needs_it() {
        assert_eq!(quote_in_list(&["a", "b c"]), "(a,b c)");
        assert_eq!(quote_in_list(&["b", "a", "b"]), "(b,a)");
        assert_eq!(quote_in_list(&["a,b", "(x)", ""]), r#"("a,b","(x)","")"#);
        assert_eq!(
            quote_in_list(&[r#"say "hi""#, r"back\slash"]),
            r#"("say \"hi\"","back\\slash")"#
        );
        assert_eq!(quote_in_list(&[" lead", "trail "]), r#"(" lead","trail ")"#);
        assert_eq!(
            quote_in_list(&["{a", "[b", "a{", "c]", "d"]),
            r#"("{a","[b","a{","c]",d)"#
        );
    }

    #[test]
    fn array_literal_quotes_per_array_grammar() {
        assert_eq!(array_literal(&["a", "b"]), "{a,b}");
        assert_eq!(array_literal(&["a,b", "c"]), r#"{"a,b",c}"#);
        assert_eq!(
            array_literal(&["NULL", "", "x y", "{z}"]),
            r#"{"NULL","","x y","{z}"}"#
        );
        assert_eq!(array_literal(&[r#"q"uote"#]), r#"{"q\"uote"}"#);
    }
}
