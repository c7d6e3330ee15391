//! The Mission Control schema as data — tables, columns, enums, foreign keys, derived from
//! `supabase/migrations` at build time — plus the typed models and validation.

mod catalog;
mod generated;
mod rules;
pub mod validate;

pub use catalog::{
    enum_values, table, Column, ColumnType, ForeignKey, Presence, Rule, Table, ENUMS, TABLES,
};
pub use generated::*;
pub use rules::rule;
pub use validate::{validate, Mode};
#[cfg(test)]
mod tests;

/// Reads JSON text into `T` through one [`serde_json::Value`]: every type shares the one text
/// parser (the wasm carries one instead of one per type), and serde_json's depth limit of 128
/// still stops hostile nesting.
///
/// ```js
/// // internal: what the core uses for every JSON text it reads (specs, sessions, error bodies)
/// ```
pub fn read_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    T::deserialize(serde_json::from_str::<serde_json::Value>(text)?)
}
