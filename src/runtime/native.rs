//! Outside the browser: the system clock, tokio's timer, and memory for the session — behind
//! the same names as the browser module. What only a browser has (localStorage, a storage
//! adapter) is uninhabited here.

use std::convert::Infallible;
use std::future::Future;

use crate::error::Error;

/// The caller's abort signal (no abort outside the browser yet).
#[derive(Debug, Clone, PartialEq)]
pub struct AbortSignal;
/// No localStorage outside the browser.
pub type LocalStore = Infallible;
/// No storage adapter outside the browser.
pub type Adapter = Infallible;

/// Milliseconds since the Unix epoch (what session expiry is measured against).
pub fn now_millis() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_millis() as f64)
}

/// The current time as RFC 3339 in UTC, with microseconds.
pub fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

/// The time `seconds` ago, as RFC 3339 in UTC.
pub fn rfc3339_ago(seconds: u32) -> String {
    (chrono::Utc::now() - chrono::Duration::seconds(seconds.into()))
        .to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

/// No executor is assumed outside the browser: background work (the INITIAL_SESSION event of
/// a new subscriber) is dropped; everything a caller awaits still runs.
pub fn spawn(f: impl Future<Output = ()> + 'static) {
    drop(f);
}

/// Waits `ms` milliseconds on tokio's timer (reqwest's runtime) without blocking the thread.
pub async fn sleep(ms: u32, _signal: Option<&AbortSignal>) -> Result<(), Error> {
    tokio::time::sleep(std::time::Duration::from_millis(ms as u64)).await;
    Ok(())
}

/// There is no localStorage here.
pub fn local_store() -> Option<LocalStore> {
    None
}

/// Unreachable.
pub fn local_get(s: &LocalStore, _key: &str) -> Option<String> {
    match *s {}
}

/// Unreachable.
pub fn local_set(s: &LocalStore, _key: &str, _value: &str) {
    match *s {}
}

/// Unreachable.
pub fn local_remove(s: &LocalStore, _key: &str) {
    match *s {}
}

/// Unreachable.
pub async fn adapter_get(a: &Adapter, _key: &str) -> Option<String> {
    match *a {}
}

/// Unreachable.
pub async fn adapter_set(a: &Adapter, _key: &str, _value: &str) {
    match *a {}
}

/// Unreachable.
pub async fn adapter_remove(a: &Adapter, _key: &str) {
    match *a {}
}

/// SHA-256 of `data` (the RustCrypto `sha2` crate); always available here.
pub async fn sha256(data: &[u8]) -> Option<[u8; 32]> {
    use sha2::Digest;
    Some(sha2::Sha256::digest(data).into())
}

/// No page here: no URL to read a redirect's sign-in from.
pub fn page_url() -> Option<String> {
    None
}

/// No page here.
pub fn replace_page_url(_url: &str) {}

/// Verifies a JWS signature with a public JWK: ES256 (P-256, the RustCrypto `p256` crate).
/// `None` for an algorithm this platform cannot verify (the caller asks the server instead).
pub async fn verify_signature(
    alg: &str,
    jwk: &serde_json::Value,
    input: &[u8],
    signature: &[u8],
) -> Option<bool> {
    use p256::ecdsa::signature::Verifier;
    if alg != "ES256" || jwk["kty"] != "EC" || jwk["crv"] != "P-256" {
        return None;
    }
    let coordinate = |k: &str| -> Option<[u8; 32]> {
        super::base64url_decode(jwk[k].as_str()?)?.try_into().ok()
    };
    let (x, y) = (coordinate("x"), coordinate("y"));
    let (Some(x), Some(y)) = (x, y) else {
        return Some(false);
    };
    let point = p256::EncodedPoint::from_affine_coordinates(&x.into(), &y.into(), false);
    let Ok(key) = p256::ecdsa::VerifyingKey::from_encoded_point(&point) else {
        return Some(false);
    };
    let Ok(sig) = p256::ecdsa::Signature::from_slice(signature) else {
        return Some(false);
    };
    Some(key.verify(input, &sig).is_ok())
}

/// No page here to send anywhere.
pub fn assign_page_url(_url: &str) {}
