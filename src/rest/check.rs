//! What the catalogue lets the builder check before anything is sent: table, column and
//! foreign-key names in selects, filters and orders, and names that go into the URL.

use serde_json::Value;

use super::builder::QueryBuilder;
use crate::error::{Error, Violation};
use crate::schema::{self, Table};

/// Splits a select list at its top-level commas (not those inside an embed's parentheses or
/// a quoted name).
fn top_level_items(select: &str) -> Vec<&str> {
    let (mut depth, mut quoted, mut start, mut out) = (0i32, false, 0, Vec::new());
    for (i, c) in select.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '(' if !quoted => depth += 1,
            ')' if !quoted => depth -= 1,
            ',' if !quoted && depth == 0 => {
                out.push(&select[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&select[start..]);
    out
}

/// The column a plain select item reads (`alias:name::cast` → `name`), or `None` for what the
/// server resolves (`*`, embeds, JSON paths, aggregates, quoted names).
fn plain_column(item: &str) -> Option<&str> {
    let no_cast = item.split("::").next().unwrap_or(item);
    let item = no_cast
        .rsplit_once(':')
        .map_or(no_cast, |(_alias, name)| name);
    let plain =
        !item.is_empty() && item != "*" && !item.contains(['(', ')', '.', '-', '>', '"', '!', '*']);
    plain.then_some(item)
}

impl QueryBuilder {
    pub(super) fn def(&self) -> Option<&'static Table> {
        if self.ctx.schema == "public" && self.function.is_none() {
            schema::table(&self.table)
        } else {
            None
        }
    }

    /// Records the first problem found while building; it is reported when the query runs.
    pub(super) fn fail(&mut self, rule: &str, field: &str, value: Value) {
        if self.problem.is_none() {
            self.problem = Some(Error::validation(vec![Violation {
                table: self.target_name().to_string(),
                field: field.to_string(),
                rule: rule.to_string(),
                value,
            }]));
        }
    }

    pub(super) fn target_name(&self) -> &str {
        self.function.as_deref().unwrap_or(&self.table)
    }

    /// Checks a column name used in a filter or order: plain names must exist; paths into
    /// embedded resources (`agents.name`) and JSON (`data->>x`) are left to the server.
    pub(super) fn check_column(&mut self, column: &str) {
        if column.is_empty() || column.contains('\0') {
            self.fail(
                "must be a column name",
                column,
                Value::String(column.into()),
            );
            return;
        }
        let plain = !column.contains(['.', '-', '(', ':', '>']);
        if plain
            && self.function.is_none()
            && self.def().is_some_and(|t| t.column(column).is_none())
        {
            self.fail("unknown column", column, Value::String(column.to_string()));
        }
    }

    /// Checks a select list: plain columns must exist in the table; embedding hints
    /// (`agents!fk_departments_chief(...)`) must name a foreign key of the schema (`!inner` and
    /// `!left` are join modifiers, not hints).
    pub(super) fn check_select(&mut self, select: &str) {
        if self.refuse_nul("select", select) {
            return;
        }
        if self.ctx.schema != "public" {
            return;
        }
        if let Some(t) = self.def() {
            for item in top_level_items(select) {
                if let Some(col) = plain_column(item) {
                    if t.column(col).is_none() {
                        self.fail("unknown column", col, Value::String(col.into()));
                    }
                }
            }
        }
        for part in select.split('!').skip(1) {
            let hint: String = part
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            let known = hint == "inner"
                || hint == "left"
                || schema::TABLES
                    .iter()
                    .flat_map(|t| t.foreign_keys)
                    .any(|f| f.name == hint);
            if !known {
                self.fail(
                    "unknown foreign key in an embedding hint",
                    "select",
                    Value::String(hint),
                );
            }
        }
    }

    /// Records a violation and answers `true` when `text` holds a NUL character (PostgreSQL
    /// text cannot).
    pub(super) fn refuse_nul(&mut self, field: &str, text: &str) -> bool {
        let bad = text.contains('\0');
        if bad {
            self.fail(
                "must not contain NUL characters",
                field,
                Value::String(text.into()),
            );
        }
        bad
    }

    /// Refuses writes the table's RLS never allows (memory_entries, chat_messages, and
    /// deleting chat_sessions).
    pub(super) fn immutable(&mut self, op: &str) {
        if self.problem.is_none() {
            let mut e = Error::new(
                crate::error::ErrorCode::ImmutableRecord,
                format!(
                    "{} rows cannot be {op}d: the table is append-only",
                    self.table
                ),
            );
            e.hint =
                Some("insert a new, superseding row instead (agents: set status INACTIVE)".into());
            self.problem = Some(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn select_items_are_split_at_top_level() {
        assert_eq!(
            top_level_items("id,chief:agents!fk(name,tier),x"),
            vec!["id", "chief:agents!fk(name,tier)", "x"]
        );
        assert_eq!(plain_column("who:name"), Some("name"));
        assert_eq!(plain_column("tier::text"), Some("tier"));
        assert_eq!(plain_column("level:tier::text"), Some("tier"));
        assert_eq!(plain_column("*"), None);
        assert_eq!(plain_column("data->>x"), None);
        assert_eq!(plain_column("count()"), None);
    }

    #[test]
    fn path_names() {
        use super::super::encode::path_name_ok;
        assert!(path_name_ok("echo"));
        assert!(!path_name_ok(".."));
        assert!(!path_name_ok(""));
        assert!(!path_name_ok("a\nb"));
    }
}
