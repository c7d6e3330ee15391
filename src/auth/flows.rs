//! The flows that finish elsewhere — an emailed link, a redirect, a second factor — and the
//! calls that only ask the server to send something: PKCE's code exchange, the session a
//! redirect left in the page's URL, `resend`, `reauthenticate`.

use super::AuthClient;
use crate::error::Error;

pub use super::plan::ResendType;

/// How a redirect handed the sign-in back to the page ([`parse_callback`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Callback {
    /// Nothing for auth in the URL.
    None,
    /// The implicit flow: the tokens in the fragment (`type` is `recovery`, `magiclink`, …).
    Tokens {
        /// The access token.
        access_token: String,
        /// The refresh token.
        refresh_token: String,
        /// Seconds the access token lives.
        expires_in: i64,
        /// When it expires (Unix seconds), if the server said.
        expires_at: Option<i64>,
        /// `recovery`, `magiclink`, `signup`, `invite`, `email_change`, or empty.
        kind: String,
        /// The OAuth provider's tokens, where there are some.
        provider_token: Option<String>,
        /// The OAuth provider's refresh token.
        provider_refresh_token: Option<String>,
    },
    /// The PKCE flow: a code to exchange.
    Code(String),
    /// The server sent the user back with an error.
    Error {
        /// `error` (e.g. `access_denied`).
        error: String,
        /// `error_code` (e.g. `otp_expired`).
        code: String,
        /// `error_description`, for people.
        description: String,
    },
}

/// The query and fragment parameters of `url`, decoded (fragment ones after query ones).
fn params(url: &str) -> Vec<(String, String)> {
    let (rest, fragment) = url.split_once('#').unwrap_or((url, ""));
    let query = rest.split_once('?').map_or("", |(_, q)| q);
    query
        .split('&')
        .chain(fragment.split('&'))
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// `application/x-www-form-urlencoded` decoding (`+` is a space; bad escapes are kept).
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(
                    std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or(""),
                    16,
                ) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).unwrap_or_default()
}

/// What a redirect left in `url` for auth, read as supabase-js reads it (query parameters
/// before fragment ones): an error (`error`, `error_code` or `error_description`), the implicit
/// flow's tokens, or PKCE's `code`.
pub fn parse_callback(url: &str) -> Callback {
    let p = params(url);
    let get = |k: &str| p.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    let (error, code, description) = (get("error"), get("error_code"), get("error_description"));
    if error.is_some() || code.is_some() || description.is_some() {
        return Callback::Error {
            error: error.unwrap_or_else(|| "unspecified_error".into()),
            code: code.unwrap_or_else(|| "unspecified_code".into()),
            description: description
                .unwrap_or_else(|| "Error in URL with unspecified error_description".into()),
        };
    }
    if get("access_token").is_none() {
        return get("code").map_or(Callback::None, Callback::Code);
    }
    match (get("access_token"), get("refresh_token"), get("token_type")) {
        (Some(access_token), Some(refresh_token), Some(_)) => Callback::Tokens {
            access_token,
            refresh_token,
            expires_in: get("expires_in").and_then(|v| v.parse().ok()).unwrap_or(0),
            expires_at: get("expires_at").and_then(|v| v.parse().ok()),
            kind: get("type").unwrap_or_default(),
            provider_token: get("provider_token"),
            provider_refresh_token: get("provider_refresh_token"),
        },
        _ => Callback::None,
    }
}

/// `url` once its sign-in was read: without the fragment (the implicit flow's tokens), or
/// without `code` and `sb_flow_id` in the query (PKCE), as supabase-js cleans it.
pub fn cleaned_url(url: &str, tokens: bool) -> String {
    let (rest, fragment) = url
        .split_once('#')
        .map_or((url, None), |(r, f)| (r, Some(f)));
    if tokens {
        return rest.to_string();
    }
    let (base, query) = rest.split_once('?').unwrap_or((rest, ""));
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| {
            let key = p.split('=').next().unwrap_or("");
            !p.is_empty() && key != "code" && key != "sb_flow_id"
        })
        .collect();
    let mut out = base.to_string();
    if !kept.is_empty() {
        out.push('?');
        out.push_str(&kept.join("&"));
    }
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

impl AuthClient {
    /// Asks the server to email (or text) a code again: a sign-up or email-change
    /// confirmation, or a phone code. The link lands on `redirect_to`.
    pub async fn resend(
        &self,
        kind: ResendType,
        address: &str,
        redirect_to: Option<&str>,
    ) -> Result<(), Error> {
        self.run(super::plan::resend(kind, address, redirect_to)?)
            .await?;
        Ok(())
    }

    /// Asks the server to email the signed-in user a code (the `nonce` of
    /// [`super::UserAttributes`]) that a password change then needs where the server requires
    /// reauthentication.
    pub async fn reauthenticate(&self) -> Result<(), Error> {
        self.run(super::plan::reauthenticate()).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pkce_redirect_is_its_code_and_an_implicit_one_its_tokens() {
        assert_eq!(
            parse_callback("https://app.test/cb?code=abc-123&x=1"),
            Callback::Code("abc-123".into())
        );
        assert_eq!(parse_callback("https://app.test/cb?x=1#y"), Callback::None);
        let url = "https://app.test/#access_token=a.b.c&expires_at=1700000000&expires_in=3600&refresh_token=r1&token_type=bearer&type=recovery";
        match parse_callback(url) {
            Callback::Tokens {
                access_token,
                refresh_token,
                expires_in,
                expires_at,
                kind,
                ..
            } => assert_eq!(
                (
                    access_token.as_str(),
                    refresh_token.as_str(),
                    expires_in,
                    expires_at,
                    kind.as_str()
                ),
                ("a.b.c", "r1", 3600, Some(1_700_000_000), "recovery")
            ),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            parse_callback("https://app.test/#access_token=a&refresh_token=r"),
            Callback::None,
            "no token_type: no session"
        );
        // Query parameters win over fragment ones.
        assert_eq!(
            parse_callback("https://app.test/?code=q#code=f"),
            Callback::Code("q".into())
        );
    }

    #[test]
    fn an_error_redirect_is_an_error_in_either_flow() {
        let url = "https://app.test/?error=access_denied&error_code=otp_expired&error_description=Email+link+is+invalid+or+has+expired";
        assert_eq!(
            parse_callback(url),
            Callback::Error {
                error: "access_denied".into(),
                code: "otp_expired".into(),
                description: "Email link is invalid or has expired".into()
            }
        );
        assert_eq!(
            parse_callback("https://app.test/#error=server_error&code=x"),
            Callback::Error {
                error: "server_error".into(),
                code: "unspecified_code".into(),
                description: "Error in URL with unspecified error_description".into()
            }
        );
    }

    #[test]
    fn the_url_loses_what_was_read() {
        assert_eq!(
            cleaned_url("https://app.test/cb?x=1&code=abc&sb_flow_id=f#top", false),
            "https://app.test/cb?x=1#top"
        );
        assert_eq!(
            cleaned_url("https://app.test/cb?code=abc", false),
            "https://app.test/cb"
        );
        assert_eq!(
            cleaned_url(
                "https://app.test/cb?x=1#access_token=a&refresh_token=r",
                true
            ),
            "https://app.test/cb?x=1"
        );
    }

    #[test]
    fn parameters_are_form_decoded() {
        assert_eq!(decode("a%20b+c%2Fd"), "a b c/d");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%E2%9C%93"), "✓");
    }
}
