//! What every workflow shares: the [`Workflows`] handle, argument readers that name the table,
//! field and rule of what they refuse, and the reads and writes all steps start from.

use serde_json::Value;

use super::flow::{Flow, Step, Then};
use crate::error::{Error, ErrorCode, Violation};
use crate::Client;

/// The workflows of one client.
#[derive(Clone)]
pub struct Workflows {
    pub(super) client: Client,
}

pub(super) fn invalid(table: &str, field: &str, rule: &str, value: Value) -> Error {
    Error::validation(vec![Violation {
        table: table.into(),
        field: field.into(),
        rule: rule.into(),
        value,
    }])
}

pub(super) fn id_of(table: &str, field: &str, v: &Value) -> Result<String, Error> {
    match v
        .as_str()
        .filter(|s| crate::schema::validate::is_uuid_text(s))
    {
        Some(u) => Ok(u.to_ascii_lowercase()),
        None => Err(invalid(table, field, "must be a UUID", v.clone())),
    }
}

/// Refuses `v` unless it is text that is not blank.
pub(super) fn non_blank(table: &str, field: &str, v: &Value) -> Result<(), Error> {
    match v.as_str() {
        Some(s) if !s.trim().is_empty() => Ok(()),
        _ => Err(invalid(table, field, "must be non-blank text", v.clone())),
    }
}

pub(super) fn now() -> String {
    crate::runtime::now_rfc3339()
}

pub(super) fn field<'a>(row: &'a Value, name: &str) -> &'a Value {
    row.get(name).unwrap_or(&Value::Null)
}

impl Client {
    /// The product's workflows (task, escalation, chat, agent, message and memory steps, the
    /// onboarding and the cockpit reads) over this client's session.
    ///
    /// ```no_run
    /// # async fn demo(mc: mission_control_sdk::Client) -> Result<(), mission_control_sdk::Error> {
    /// use mission_control_sdk::surface::ByName; // the workflows by their JS names
    /// let task_id = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    /// let started = mc.workflows().run("tasks", "start", &[task_id.into()]).await?;
    /// assert_eq!(started["status"], "IN_PROGRESS");
    /// # Ok(()) }
    /// ```
    pub fn workflows(&self) -> Workflows {
        Workflows::new(self.clone())
    }
}

impl Workflows {
    /// The workflows over `client`'s session.
    pub fn new(client: Client) -> Workflows {
        Workflows { client }
    }

    /// The client the workflows run over (for the steps of [`super::flows`]).
    pub fn client(&self) -> &Client {
        &self.client
    }
}

/// Inserts one row and answers it as written.
pub(super) fn insert_one(c: &Client, table: &str, row: Value) -> Step {
    Flow::data(
        c.from(table).insert(row, true).select("*").single(),
        Flow::done,
    )
}

/// The signed-in user's id.
pub(super) fn user_id(c: &Client) -> Result<String, Error> {
    c.auth()
        .session()
        .and_then(|s| s.user.id().map(str::to_string))
        .ok_or_else(|| {
            Error::new(
                ErrorCode::NotSignedIn,
                "this workflow needs a signed-in user",
            )
        })
}

/// The row `id` of `table`, or `not_found`.
pub(super) fn read(c: &Client, table: &str, id: &str) -> Step {
    let what = format!("{table} {id} does not exist or is not visible");
    let q = c.from(table).select("*").eq("id", id).maybe_single();
    Flow::data(q, move |row| {
        if row.is_null() {
            let mut e = Error::new(ErrorCode::NotFound, what);
            e.status = 404;
            return Err(e);
        }
        Flow::done(row)
    })
}

/// The row `id` of `table`, which must belong to `company`.
pub(super) fn same_company(c: &Client, table: &str, id: &str, company: &str, what: &str) -> Step {
    let (table_, id_, company, what) = (
        table.to_string(),
        id.to_string(),
        company.to_string(),
        what.to_string(),
    );
    read(c, table, id).then(move |row| {
        if field(&row, "company_id").as_str() != Some(company.as_str()) {
            return Err(invalid(
                &table_,
                &what,
                "must belong to the same company",
                Value::String(id_),
            ));
        }
        Flow::done(row)
    })
}
