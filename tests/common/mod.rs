//! What every browser test reads from the environment at build time: the stack's URLs and keys,
//! as `scripts/test.sh` exports them from the stack's env file.
#![allow(dead_code)]

/// The stack's base URL.
pub const URL: &str = match option_env!("MC_URL") {
    Some(u) => u,
    None => "http://127.0.0.1:54321",
};
/// The gateway whose access tokens are short-lived.
pub const SHORT_URL: &str = match option_env!("MC_SHORT_URL") {
    Some(u) => u,
    None => "http://127.0.0.1:54331",
};
/// How long its access tokens live, in seconds.
pub const SHORT_EXP: &str = match option_env!("MC_SHORT_JWT_EXP") {
    Some(e) => e,
    None => "8",
};
/// The anon key.
pub const KEY: &str = match option_env!("MC_ANON_KEY") {
    Some(k) => k,
    None => "MC_ANON_KEY-not-set-at-build-time",
};
/// The service_role key.
pub const SERVICE: &str = match option_env!("MC_SERVICE_KEY") {
    Some(k) => k,
    None => "",
};
/// The JWT secret (to sign an expired token in a test).
pub const SECRET: &str = match option_env!("MC_JWT_SECRET") {
    Some(k) => k,
    None => "",
};

/// Awaits a JS check (a Promise) and turns its rejection into a test failure with its message.
pub async fn expect_resolves(check: js_sys::Promise) -> wasm_bindgen::JsValue {
    match wasm_bindgen_futures::JsFuture::from(check).await {
        Ok(v) => v,
        Err(e) => {
            let msg = js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| format!("{e:?}"));
            panic!("{msg}");
        }
    }
}
