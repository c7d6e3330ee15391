//! # Mission Control SDK
//!
//! A typed, validated client for the Mission Control Supabase schema, for Rust and (through
//! WebAssembly) JavaScript. Layers, each depending only on the ones before it:
//!
//! `schema` (tables, enums, validation) → `http` (fetch transport) → `rest` (PostgREST query
//! builder) → `auth` (GoTrue session) → `domain` (workflows) → `js` (the wasm-bindgen façade).

// `Error` carries code, status, details, hint and violations by value: it is built on the cold
// path only, and boxing it would cost every caller a dereference to read `e.code`.
#![allow(clippy::result_large_err)]
#![warn(missing_docs)]

pub mod auth;
mod client;
pub mod domain;
pub mod error;
pub mod http;
#[cfg(target_arch = "wasm32")]
pub mod js;
pub mod json;
pub mod rest;
pub mod runtime;
pub mod schema;
pub mod surface;

pub use client::{Client, ClientOptions};
pub use error::{Error, ErrorCode, Violation};
