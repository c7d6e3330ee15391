//! Request normalisation in front of the REST server, for two places where it reads a query
//! string differently from PostgREST and the official JS client depends on PostgREST's reading.

/// Rewrites a raw query string so the REST server reads it as PostgREST would:
///
/// 1. `+` means a space (form encoding, which PostgREST honours); a literal plus arrives as `%2B`
///    and is left alone.
/// 2. `columns="a","b"` (postgrest-js quotes each name for bulk insert/upsert) becomes `columns=a,b`.
///
/// It also drops an `apikey` parameter: the gateway has checked it, and, as Supabase's gateway
/// hides credentials, the REST server never sees it (it would read it as a filter).
pub fn query(raw: &str) -> String {
    raw.split('&')
        .filter(|pair| !pair.starts_with("apikey="))
        .map(|pair| {
            let pair = pair.replace('+', "%20");
            match pair.split_once('=') {
                Some(("columns", value)) => format!("columns={}", unquote_columns(value)),
                _ => pair,
            }
        })
        .collect::<Vec<_>>()
        .join("&")
}

fn unquote_columns(value: &str) -> String {
    let decoded = percent_decode(value);
    decoded
        .split(',')
        .map(|name| {
            let name = name.trim();
            let name = name
                .strip_prefix('"')
                .and_then(|n| n.strip_suffix('"'))
                .unwrap_or(name);
            percent_encode(name)
        })
        .collect::<Vec<_>>()
        .join(",")
}

pub(crate) fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub(crate) fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::query;

    #[test]
    fn plus_is_a_space_and_encoded_plus_stays() {
        assert_eq!(query("title=eq.a+b"), "title=eq.a%20b");
        assert_eq!(query("title=eq.a%2Bb"), "title=eq.a%2Bb");
        assert_eq!(
            query("select=*&or=(a.eq.x+y,b.eq.1)"),
            "select=*&or=(a.eq.x%20y,b.eq.1)"
        );
    }

    #[test]
    fn quoted_column_names_are_unquoted() {
        assert_eq!(
            query("columns=%22name%22,%22owner_user_id%22&select=*"),
            "columns=name,owner_user_id&select=*"
        );
        assert_eq!(query("columns=\"a\",\"b\""), "columns=a,b");
        assert_eq!(query("columns=a,b"), "columns=a,b");
    }

    #[test]
    fn other_parameters_are_untouched() {
        assert_eq!(query("id=in.(%22a,b%22,c)"), "id=in.(%22a,b%22,c)");
        assert_eq!(query(""), "");
    }

    #[test]
    fn apikey_parameter_is_hidden_from_the_rest_server() {
        assert_eq!(query("select=id&apikey=abc.def"), "select=id");
    }
}
