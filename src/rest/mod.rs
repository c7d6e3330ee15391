//! PostgREST (`/rest/v1`): the query builder, the exact filter grammar, and error mapping.
//!
//! The builder is split by job: `builder` (the state, reads and writes with their bodies),
//! `check` (what the catalogue lets us refuse before sending), `filter` (the operator
//! vocabulary and filter/order methods), `call` (the same vocabulary by postgrest-js's method
//! names, for the JS façade), `request` (the HTTP request) and `execute` (sending, shaping).

mod builder;
pub mod call;
mod check;
mod encode;
mod errors;
mod execute;
mod filter;
mod request;
mod typed;

pub use builder::{Count, QueryBuilder, RestContext, RestResponse, ReturnShape};
pub use encode::{array_literal, list_element, quote_in_list};
pub use errors::from_response;
pub use execute::{Exchange, Step};
pub use filter::{encode_value, scalar_text, Op, OpKind, TextSearch};
pub use typed::{Col, Deletable, FilterValue, TableDef, Typed, Updatable};
