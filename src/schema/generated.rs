//! What `build.rs` derives from the migration: the enums (as Rust enums and as name/value
//! lists), the table catalogue, and the Row/Insert/Update model of every table.
#![allow(missing_docs)]

use super::catalog::{Column, ColumnType, ForeignKey, Presence, Relationship, Table};

include!(concat!(env!("OUT_DIR"), "/schema_gen.rs"));

/// The TypeScript declarations of the schema (`Database`, helpers, `Constants`, model names),
/// in the shape `supabase gen types typescript` gives.
pub const DATABASE_TS: &str = include_str!(concat!(env!("OUT_DIR"), "/database.d.ts"));

/// `Constants` as JSON: every enum's values in Postgres order.
pub const CONSTANTS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/constants.json"));
