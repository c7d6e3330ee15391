//! The Mission Control schema as data — tables, columns, enums, foreign keys, derived from
//! `supabase/migrations` at build time — plus the typed models and validation.

mod catalog;
mod generated;
mod rules;
pub mod validate;

pub use catalog::{
    enum_values, table, Column, ColumnType, ForeignKey, Presence, Relationship, Rule, Table, ENUMS,
    TABLES,
};
pub use generated::*;
pub use rules::{backend_only, escalation_type, rule, type_of, ROW_RULES};
pub use validate::{row_rules, validate, Mode};
#[cfg(test)]
mod tests;
