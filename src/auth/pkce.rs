//! PKCE (RFC 7636) as supabase-js does it, so that either client can finish a flow the other
//! began: the verifier is 56 random bytes in hex, kept in the auth storage under
//! `<storage key>-code-verifier` as a JSON string (with `/recovery` appended for a recovery
//! flow, as supabase-js since 2.104 writes it); the challenge is base64url(SHA-256(verifier)) with method `s256`, or the
//! verifier itself with method `plain` where the platform has no SHA-256.

use super::session::base64url_encode;

/// The storage key of the code verifier for the session's storage key.
pub fn verifier_key(storage_key: &str) -> String {
    format!("{storage_key}-code-verifier")
}

/// A new code verifier: 112 lowercase hex characters (56 random bytes).
pub fn new_verifier() -> String {
    crate::runtime::random_bytes(56)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The stored form of a verifier: a JSON string, as supabase-js's storage helpers write it.
pub fn stored(verifier: &str, recovery: bool) -> String {
    let text = if recovery {
        format!("{verifier}/recovery")
    } else {
        verifier.to_string()
    };
    crate::json::write(&serde_json::Value::String(text))
}

/// What was stored, read back: the verifier and whether the flow is a password recovery
/// (`/recovery`, or `/PASSWORD_RECOVERY` as supabase-js wrote it before 2.104). Reads both a
/// JSON string and bare text (a value written by hand).
pub fn read_stored(text: &str) -> Option<(String, bool)> {
    let value = match crate::json::parse(text) {
        Ok(serde_json::Value::String(s)) => s,
        _ => text.to_string(),
    };
    let (verifier, kind) = match value.split_once('/') {
        Some((v, k)) => (v, Some(k)),
        None => (value.as_str(), None),
    };
    (!verifier.is_empty()).then(|| {
        (
            verifier.to_string(),
            matches!(kind, Some("recovery" | "PASSWORD_RECOVERY")),
        )
    })
}

/// The challenge for `verifier` and its method: `(base64url(sha256), "s256")`, or
/// `(verifier, "plain")` without SHA-256.
pub fn challenge_from(verifier: &str, digest: Option<[u8; 32]>) -> (String, &'static str) {
    match digest {
        Some(d) => (base64url_encode(&d), "s256"),
        None => (verifier.to_string(), "plain"),
    }
}

/// The challenge for `verifier`, hashed by the platform.
pub async fn challenge(verifier: &str) -> (String, &'static str) {
    challenge_from(verifier, crate::runtime::sha256(verifier.as_bytes()).await)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verifiers_are_112_hex_characters_and_differ() {
        let (a, b) = (new_verifier(), new_verifier());
        assert_eq!(a.len(), 112);
        assert!(a
            .bytes()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        assert_ne!(a, b);
    }

    #[test]
    fn the_challenge_is_rfc7636s_s256() {
        // RFC 7636, appendix B.
        let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        let (c, m) = poll_once(challenge(verifier));
        assert_eq!(
            (c.as_str(), m),
            ("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "s256")
        );
        assert_eq!(challenge_from("v", None), ("v".to_string(), "plain"));
    }

    #[test]
    fn stored_verifiers_read_back_as_supabase_js_writes_them() {
        assert_eq!(stored("abc", false), "\"abc\"");
        assert_eq!(stored("abc", true), "\"abc/recovery\"");
        assert_eq!(read_stored("\"abc/recovery\""), Some(("abc".into(), true)));
        assert_eq!(read_stored("\"abc\""), Some(("abc".into(), false)));
        assert_eq!(
            read_stored("\"abc/PASSWORD_RECOVERY\""),
            Some(("abc".into(), true))
        );
        assert_eq!(read_stored("abc"), Some(("abc".into(), false)));
        assert_eq!(read_stored("\"\""), None);
        assert_eq!(
            verifier_key("sb-x-auth-token"),
            "sb-x-auth-token-code-verifier"
        );
    }

    /// The native digest is ready at once: poll once.
    fn poll_once<F: std::future::Future>(f: F) -> F::Output {
        let mut f = std::pin::pin!(f);
        let waker = std::task::Waker::noop();
        match f.as_mut().poll(&mut std::task::Context::from_waker(waker)) {
            std::task::Poll::Ready(v) => v,
            std::task::Poll::Pending => panic!("the native digest never waits"),
        }
    }
}
