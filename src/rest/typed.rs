//! The typed query builder for Rust: tables are types, columns are typed constants, and the
//! RLS summary is in the trait bounds — `update` exists only for [`Updatable`] tables and
//! `delete` only for [`Deletable`] ones, so a write to memory_entries does not compile.
//!
//! Typed filters and a write to a mutable table compile:
//!
//! ```
//! use mission_control_sdk::schema::*;
//! fn blocked(c: &mission_control_sdk::Client) {
//!     let _ = c.table::<Tasks>().eq(Tasks::STATUS, TaskStatus::Blocked).in_list(Tasks::PRIORITY, &[TaskPriority::High]);
//!     let _ = c.table::<Tasks>().update(&TaskUpdate { blocked_reason: Some(None), ..Default::default() });
//!     let _ = c.table::<ChatSessions>().update(&ChatSessionUpdate::default());
//! }
//! ```
//!
//! An update of memory_entries does not compile:
//!
//! ```compile_fail
//! use mission_control_sdk::schema::*;
//! fn rewrite(c: &mission_control_sdk::Client) {
//!     let _ = c.table::<MemoryEntries>().update(&MemoryEntryUpdate::default());
//! }
//! ```
//!
//! Nor a delete of chat_sessions:
//!
//! ```compile_fail
//! use mission_control_sdk::schema::*;
//! fn drop_session(c: &mission_control_sdk::Client) {
//!     let _ = c.table::<ChatSessions>().delete();
//! }
//! ```
//!
//! Nor a value of the wrong type for a column:
//!
//! ```compile_fail
//! use mission_control_sdk::schema::*;
//! fn wrong(c: &mission_control_sdk::Client) {
//!     let _ = c.table::<Agents>().eq(Agents::TIER, "one");
//! }
//! ```

use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde::Serialize;

use serde_json::Value;

use super::builder::{QueryBuilder, RestResponse, ReturnShape};
use super::filter::Op;
use crate::error::{Error, ErrorCode};

/// A table of the schema (implemented by the generated marker types: `Agents`, `Tasks`, …).
pub trait TableDef {
    /// The table's name.
    const NAME: &'static str;
    /// A row as read.
    type Row: DeserializeOwned;
    /// A row to insert.
    type Insert: Serialize;
    /// The columns of an update.
    type Update: Serialize;
}

/// Tables whose RLS policies allow UPDATE (and so upsert).
pub trait Updatable: TableDef {}
/// Tables whose RLS policies allow DELETE.
pub trait Deletable: TableDef {}

/// A column of table `T` whose non-null values are `V`.
pub struct Col<T, V> {
    /// The column's name.
    pub name: &'static str,
    _marker: PhantomData<fn() -> (T, V)>,
}

impl<T, V> Col<T, V> {
    /// A column called `name` (used by the generated constants).
    pub const fn new(name: &'static str) -> Self {
        Col {
            name,
            _marker: PhantomData,
        }
    }
}

impl<T, V> Clone for Col<T, V> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T, V> Copy for Col<T, V> {}

/// How a value is written in a filter.
pub trait FilterValue {
    /// The value as PostgREST's filter grammar writes it.
    fn filter_text(&self) -> String;
}

macro_rules! display_value {
    ($($t:ty),*) => {$(
        impl FilterValue for $t {
            fn filter_text(&self) -> String {
                self.to_string()
            }
        }
    )*};
}
display_value!(String, &str, i16, i32, i64, f64, bool, uuid::Uuid);

impl FilterValue for chrono::DateTime<chrono::Utc> {
    fn filter_text(&self) -> String {
        self.to_rfc3339()
    }
}

impl FilterValue for serde_json::Value {
    fn filter_text(&self) -> String {
        self.to_string()
    }
}

/// A query on table `T`.
pub struct Typed<T: TableDef> {
    inner: QueryBuilder,
    _table: PhantomData<T>,
}

fn decode<R: DeserializeOwned>(res: &RestResponse) -> Result<R, Error> {
    let body = res.text().unwrap_or(std::borrow::Cow::Borrowed("null"));
    serde_json::from_str(&body).map_err(|e| {
        Error::new(
            ErrorCode::Undecodable,
            format!("response does not match the row type: {e}"),
        )
    })
}

fn to_json<S: Serialize>(v: &S) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}

impl<T: TableDef> Typed<T> {
    pub(crate) fn new(inner: QueryBuilder) -> Self {
        Typed {
            inner,
            _table: PhantomData,
        }
    }

    fn map(self, f: impl FnOnce(QueryBuilder) -> QueryBuilder) -> Self {
        Typed {
            inner: f(self.inner),
            _table: PhantomData,
        }
    }

    /// The untyped builder underneath, for what the typed one does not cover.
    pub fn untyped(self) -> QueryBuilder {
        self.inner
    }

    /// Columns to return (`*` by default).
    pub fn select(self, columns: &str) -> Self {
        self.map(|q| q.select(columns))
    }

    /// Inserts rows; add `.select("*")` to get them back.
    pub fn insert(self, rows: &[T::Insert]) -> Self {
        let v = to_json(&rows);
        self.map(|q| q.insert(v, true))
    }

    /// Updates the matched rows.
    pub fn update(self, patch: &T::Update) -> Self
    where
        T: Updatable,
    {
        let v = to_json(patch);
        self.map(|q| q.update(v))
    }

    /// Inserts or updates on conflict with `on_conflict` columns.
    pub fn upsert(self, rows: &[T::Insert], on_conflict: &str) -> Self
    where
        T: Updatable,
    {
        let v = to_json(&rows);
        self.map(|q| q.upsert(v, Some(on_conflict), false, true))
    }

    /// Deletes the matched rows.
    pub fn delete(self) -> Self
    where
        T: Deletable,
    {
        self.map(|q| q.delete())
    }

    /// The filter `op` on a typed column with a typed value (one [`Op`] vocabulary with the
    /// untyped builder and the JS façade).
    pub fn op<V: FilterValue>(self, op: Op, col: Col<T, V>, value: &V) -> Self {
        let text = Value::String(value.filter_text());
        self.map(|q| q.op(op, col.name, &text))
    }
    /// `column = value`
    pub fn eq<V: FilterValue>(self, col: Col<T, V>, value: V) -> Self {
        self.op(Op::Eq, col, &value)
    }
    /// `column <> value`
    pub fn neq<V: FilterValue>(self, col: Col<T, V>, value: V) -> Self {
        self.op(Op::Neq, col, &value)
    }
    /// `column > value`
    pub fn gt<V: FilterValue>(self, col: Col<T, V>, value: V) -> Self {
        self.op(Op::Gt, col, &value)
    }
    /// `column >= value`
    pub fn gte<V: FilterValue>(self, col: Col<T, V>, value: V) -> Self {
        self.op(Op::Gte, col, &value)
    }
    /// `column < value`
    pub fn lt<V: FilterValue>(self, col: Col<T, V>, value: V) -> Self {
        self.op(Op::Lt, col, &value)
    }
    /// `column <= value`
    pub fn lte<V: FilterValue>(self, col: Col<T, V>, value: V) -> Self {
        self.op(Op::Lte, col, &value)
    }
    /// `column IS NULL`
    pub fn is_null<V>(self, col: Col<T, V>) -> Self {
        self.map(|q| q.op(Op::Is, col.name, &Value::Null))
    }
    /// `column IN (values)`, quoted per PostgREST's grammar.
    pub fn in_list<V: FilterValue>(self, col: Col<T, V>, values: &[V]) -> Self {
        self.list_op(Op::In, col.name, values)
    }
    /// Array column contains every value.
    pub fn contains(self, col: Col<T, Vec<String>>, values: &[&str]) -> Self {
        self.list_op(Op::Contains, col.name, values)
    }
    fn list_op<V: FilterValue>(self, op: Op, column: &str, values: &[V]) -> Self {
        let list = values
            .iter()
            .map(|v| Value::String(v.filter_text()))
            .collect();
        self.map(|q| q.op(op, column, &Value::Array(list)))
    }
    /// Orders by a column.
    pub fn order<V>(self, col: Col<T, V>, ascending: bool) -> Self {
        self.map(|q| q.order(col.name, ascending, None, None))
    }
    /// At most `n` rows.
    pub fn limit(self, n: u64) -> Self {
        self.map(|q| q.limit(n, None))
    }
    /// Rows `from..=to`.
    pub fn range(self, from: u64, to: u64) -> Self {
        self.map(|q| q.range(from, to, None))
    }

    /// Runs the query and decodes every row.
    pub async fn fetch(self) -> Result<Vec<T::Row>, Error> {
        decode(&self.inner.execute().await?)
    }

    /// Runs the query expecting exactly one row.
    pub async fn fetch_one(self) -> Result<T::Row, Error> {
        decode(&self.inner.single().execute().await?)
    }

    /// Runs the query expecting at most one row (postgrest-js's `maybeSingle`).
    pub async fn fetch_optional(self) -> Result<Option<T::Row>, Error> {
        let rows: Vec<T::Row> = decode(&self.inner.execute().await?)?;
        let pick = ReturnShape::MaybeSingle.pick(rows.len())?;
        Ok(pick.and_then(|_| rows.into_iter().next()))
    }

    /// Runs the query and returns the raw answer (for mutations without `select`).
    pub async fn execute(self) -> Result<RestResponse, Error> {
        self.inner.execute().await
    }
}
