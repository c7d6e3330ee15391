//! What the SDK needs of the platform besides HTTP: the clock, timers and abort signals,
//! spawning background work, and where a session can be stored. One module per target behind
//! the same names; the transport itself is `http::platform`.

#[cfg_attr(target_arch = "wasm32", path = "wasm.rs")]
#[cfg_attr(not(target_arch = "wasm32"), path = "native.rs")]
mod target;

pub use target::*;
