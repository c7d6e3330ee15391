//! PostgREST (`/rest/v1`): the query builder, the exact filter grammar, and error mapping.

mod builder;
mod encode;
mod errors;
mod typed;

pub use builder::{Count, QueryBuilder, RestContext, RestResponse, ReturnShape};
pub use encode::{array_literal, list_element, quote_in_list};
pub use errors::from_response;
pub use typed::{Col, Deletable, FilterValue, TableDef, Typed, Updatable};
