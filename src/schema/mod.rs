//! The Mission Control schema as data: tables, columns, enums and foreign keys, written once
//! from `supabase/migrations` and used for validation, query checks and the TypeScript types.

mod catalog;
pub mod validate;

pub use catalog::{
    enum_values, table, Column, ColumnType, ForeignKey, Presence, Rule, Table, ENUMS, TABLES,
};
pub use validate::{validate, Mode};
