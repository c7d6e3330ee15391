//! What the SDK needs of the platform besides HTTP: the clock, timers and abort signals,
//! spawning background work, and where a session can be stored. One module per target behind
//! the same names; the transport itself is `http::platform`.

#[cfg_attr(target_arch = "wasm32", path = "wasm.rs")]
#[cfg_attr(not(target_arch = "wasm32"), path = "native.rs")]
mod target;

pub use target::*;

/// `n` bytes from the system's secure random source (through `uuid`'s v4 generator, which
/// reads `crypto.getRandomValues` in the browser and the OS elsewhere: the 14 bytes of each
/// UUID that are not its version and variant bits).
pub fn random_bytes(n: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(n + 14);
    while out.len() < n {
        let u = uuid::Uuid::new_v4().into_bytes();
        out.extend(u[..6].iter().chain(&u[7..8]).chain(&u[9..]));
    }
    out.truncate(n);
    out
}
