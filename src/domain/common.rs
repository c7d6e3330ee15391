//! What every workflow shares: the [`Workflows`] handle, argument readers that name the table,
//! field and rule of what they refuse, and the reads and writes all steps start from.

use serde_json::Value;

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

    /// Inserts one row and answers it as written.
    pub(super) async fn insert_one(&self, table: &str, row: Value) -> Result<Value, Error> {
        self.client
            .from(table)
            .insert(row, true)
            .select("*")
            .single()
            .execute()
            .await?
            .data()
    }

    /// The signed-in user's id.
    pub(super) fn user_id(&self) -> Result<String, Error> {
        self.client
            .auth()
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
    pub(super) async fn read(&self, table: &str, id: &str) -> Result<Value, Error> {
        let row = self
            .client
            .from(table)
            .select("*")
            .eq("id", id)
            .maybe_single()
            .execute()
            .await?
            .data()?;
        if row.is_null() {
            let mut e = Error::new(
                ErrorCode::NotFound,
                format!("{table} {id} does not exist or is not visible"),
            );
            e.status = 404;
            return Err(e);
        }
        Ok(row)
    }
}
