//! Derives the schema layer from the migrations themselves: every `supabase/migrations/*.sql`,
//! in file-name order (Supabase's order), is read and turned into `$OUT_DIR/schema_gen.rs` — the enums, the table catalogue, the Rust
//! Row/Insert/Update models — and `$OUT_DIR/database.d.ts`, the TypeScript `Database` type in the
//! shape `supabase gen types typescript` gives. One source, so they cannot drift apart.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

const MIGRATIONS: &str = "supabase/migrations";

/// The migrations in the order Supabase applies them (by file name), concatenated.
fn read_migrations() -> String {
    let mut files: Vec<_> = std::fs::read_dir(MIGRATIONS)
        .expect("read supabase/migrations")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sql"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no migrations in {MIGRATIONS}");
    let mut sql = String::new();
    for f in files {
        println!("cargo:rerun-if-changed={}", f.display());
        sql.push_str(&std::fs::read_to_string(&f).expect("read a migration"));
        sql.push_str(";\n");
    }
    sql
}

#[derive(Clone)]
struct Col {
    name: String,
    ty: String, // Uuid, Text, ... or Enum:<name>
    not_null: bool,
    default: bool,
}

struct Fk {
    name: String,
    column: String,
    schema: String,
    references: String,
    /// The referenced column (`REFERENCES public.agents(id)` → `id`).
    referenced: String,
    /// The referencing column is unique on its own (primary key or single-column UNIQUE):
    /// PostgREST then sees a one-to-one relationship.
    one_to_one: bool,
}

#[derive(Default)]
struct Tbl {
    cols: Vec<Col>,
    fks: Vec<Fk>,
    ops: Vec<String>,
    /// Columns unique on their own (primary key or single-column UNIQUE constraint).
    unique: Vec<String>,
}

impl Tbl {
    /// One column definition of `table` (`name type [NOT NULL] [DEFAULT …] [UNIQUE] [REFERENCES
    /// …]`), from CREATE TABLE or ALTER TABLE … ADD COLUMN.
    fn add_column(&mut self, table: &str, def: &str) {
        let parts: Vec<&str> = def.split_whitespace().collect();
        let upper = def.to_ascii_uppercase();
        let col = parts[0].trim_matches('"').to_string();
        if upper.split_whitespace().any(|w| w == "UNIQUE") || upper.contains("PRIMARY KEY") {
            self.unique.push(col.clone());
        }
        if let Some(at) = upper.find("REFERENCES ") {
            let (schema, references, referenced) = reference(&def[at + 11..]);
            self.fks.push(Fk {
                name: format!("{table}_{col}_fkey"),
                column: col.clone(),
                schema,
                references,
                referenced,
                one_to_one: false,
            });
        }
        self.cols.push(Col {
            name: col,
            ty: column_type(parts[1]),
            not_null: upper.contains("NOT NULL") || upper.contains("PRIMARY KEY"),
            default: upper.contains("DEFAULT"),
        });
    }
}

/// `schema.table(col)` after `REFERENCES`: (schema, table, column).
fn reference(target: &str) -> (String, String, String) {
    let (qualified, rest) = target.split_once('(').expect("REFERENCES table(column)");
    let (schema, table) = qualified.trim().split_once('.').unwrap();
    let column = rest.split(')').next().unwrap().trim().trim_matches('"');
    (schema.into(), table.into(), column.into())
}

/// The columns of `UNIQUE (a, b)` / `PRIMARY KEY (a)` when there is exactly one.
fn single_column_key(item: &str) -> Option<String> {
    let inside = item.split_once('(')?.1.split(')').next()?;
    (!inside.contains(',')).then(|| inside.trim().trim_matches('"').to_string())
}

fn strip_comments(sql: &str) -> String {
    sql.lines()
        .map(|l| l.split("--").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Splits on commas that are not inside parentheses.
fn top_level_items(body: &str) -> Vec<String> {
    let (mut depth, mut cur, mut out) = (0i32, String::new(), Vec::new());
    for c in body.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                out.push(cur.trim().to_string());
                cur.clear();
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    out
}

fn quoted_values(s: &str) -> Vec<String> {
    s.split('\'')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

fn column_type(t: &str) -> String {
    let t = t.to_ascii_uppercase();
    match t.as_str() {
        "UUID" => "Uuid".into(),
        "TEXT" => "Text".into(),
        "TIMESTAMPTZ" => "Timestamptz".into(),
        "SMALLINT" => "SmallInt".into(),
        "INTEGER" => "Integer".into(),
        "NUMERIC(12,2)" => "Money".into(),
        "BOOLEAN" => "Bool".into(),
        "JSONB" => "Json".into(),
        "TEXT[]" => "TextArray".into(),
        "UUID[]" => "UuidArray".into(),
        other if other.starts_with("PUBLIC.") => format!("Enum:{}", &t[7..].to_ascii_lowercase()),
        other => panic!("{MIGRATIONS}: unsupported column type {other}"),
    }
}

/// DDL that changes the public schema in a way `parse` does not derive (yet).
fn unsupported(s: &str) -> bool {
    let altered = (s.starts_with("ALTER TABLE public.") || s.starts_with("ALTER TYPE public."))
        && ["DROP COLUMN", "RENAME", "ALTER COLUMN", "DROP VALUE"]
            .iter()
            .any(|k| s.contains(k));
    altered || s.starts_with("DROP TABLE public.") || s.starts_with("DROP TYPE public.")
}

fn parse(sql: &str) -> (BTreeMap<String, Vec<String>>, BTreeMap<String, Tbl>) {
    let sql = strip_comments(sql);
    let mut enums = BTreeMap::new();
    let mut tables: BTreeMap<String, Tbl> = BTreeMap::new();
    for stmt in sql.split(';') {
        let s = stmt.trim();
        let words: Vec<&str> = s.split_whitespace().collect();
        if s.starts_with("CREATE TYPE public.") && s.contains("AS ENUM") {
            enums.insert(
                words[2].trim_start_matches("public.").to_string(),
                quoted_values(s),
            );
        } else if s.starts_with("CREATE TABLE public.") {
            let name = words[2].trim_start_matches("public.").to_string();
            let body = &s[s.find('(').unwrap() + 1..s.rfind(')').unwrap()];
            let mut t = Tbl::default();
            for item in top_level_items(body) {
                let upper = item.to_ascii_uppercase();
                let key = upper
                    .strip_prefix("CONSTRAINT ")
                    .map_or(upper.as_str(), |c| {
                        c.split_once(' ').map_or("", |x| x.1).trim()
                    });
                if key.starts_with("UNIQUE") || key.starts_with("PRIMARY KEY") {
                    t.unique.extend(single_column_key(&item));
                }
                if ["UNIQUE", "PRIMARY", "CHECK", "CONSTRAINT", "FOREIGN"]
                    .iter()
                    .any(|k| upper.starts_with(k))
                {
                    continue;
                }
                t.add_column(&name, &item);
            }
            tables.insert(name, t);
        } else if s.starts_with("ALTER TABLE public.") && s.contains("FOREIGN KEY") {
            let table = words[2].trim_start_matches("public.");
            let name = words[words.iter().position(|w| *w == "CONSTRAINT").unwrap() + 1];
            let column = s
                .split("FOREIGN KEY (")
                .nth(1)
                .unwrap()
                .split(')')
                .next()
                .unwrap();
            let (schema, refd, referenced) = reference(s.split("REFERENCES ").nth(1).unwrap());
            tables.get_mut(table).unwrap().fks.push(Fk {
                name: name.into(),
                column: column.into(),
                schema,
                references: refd,
                referenced,
                one_to_one: false,
            });
        } else if s.starts_with("ALTER TABLE public.")
            && (s.contains(" UNIQUE") || s.contains(" PRIMARY KEY"))
            && s.contains("ADD CONSTRAINT")
        {
            let table = words[2].trim_start_matches("public.");
            let key = single_column_key(s);
            tables.get_mut(table).unwrap().unique.extend(key);
        } else if s.starts_with("ALTER TABLE public.") && s.contains(" ADD COLUMN ") {
            let table = words[2].trim_start_matches("public.");
            let def = s.split(" ADD COLUMN ").nth(1).unwrap().trim();
            let def = def.strip_prefix("IF NOT EXISTS ").unwrap_or(def);
            tables
                .get_mut(table)
                .unwrap_or_else(|| panic!("ADD COLUMN on unknown table {table}"))
                .add_column(table, def);
        } else if s.starts_with("ALTER TYPE public.") && s.contains(" ADD VALUE ") {
            let name = words[2].trim_start_matches("public.");
            let value = quoted_values(s.split(" ADD VALUE ").nth(1).unwrap());
            enums
                .get_mut(name)
                .unwrap_or_else(|| panic!("ADD VALUE on unknown enum {name}"))
                .extend(value);
        } else if unsupported(s) {
            panic!("build.rs does not derive this migration statement yet; extend parse(): {s}");
        } else if s.starts_with("CREATE POLICY") {
            // CREATE POLICY <name> ON public.<table> FOR <op>
            let table = words[4].trim_start_matches("public.");
            let op = words[6].to_ascii_lowercase();
            tables.get_mut(table).unwrap().ops.push(op);
        }
    }
    // Policies created from the template in the DO block: ('table', ARRAY['select', ...]).
    for chunk in sql.split("('").skip(1) {
        if let Some((table, rest)) = chunk.split_once("',") {
            if let Some(arr) = rest.trim_start().strip_prefix("ARRAY[") {
                let arr = arr.split(']').next().unwrap();
                if let Some(t) = tables.get_mut(table) {
                    t.ops.extend(quoted_values(arr));
                }
            }
        }
    }
    for t in tables.values_mut() {
        t.fks.sort_by(|a, b| a.name.cmp(&b.name));
        for f in &mut t.fks {
            f.one_to_one = t.unique.contains(&f.column);
        }
    }
    (enums, tables)
}

/// `"A" | "B"`: an enum's values as a TypeScript union of string literals.
fn ts_union(values: &[String]) -> String {
    values
        .iter()
        .map(|v| format!("\"{v}\""))
        .collect::<Vec<_>>()
        .join(" | ")
}

fn pascal(s: &str) -> String {
    s.split('_')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_ascii_uppercase().to_string() + &c.as_str().to_ascii_lowercase(),
                None => String::new(),
            }
        })
        .collect()
}

/// `memory_entries` → `MemoryEntry`, `companies` → `Company`, `agents` → `Agent`.
fn singular(table: &str) -> String {
    let p = pascal(table);
    if let Some(stem) = p.strip_suffix("ies") {
        format!("{stem}y")
    } else {
        p.strip_suffix('s').unwrap_or(&p).to_string()
    }
}

fn rust_type(ty: &str) -> String {
    match ty {
        "Uuid" => "uuid::Uuid".into(),
        "Text" => "String".into(),
        "Timestamptz" => "chrono::DateTime<chrono::Utc>".into(),
        "SmallInt" => "i16".into(),
        "Integer" => "i32".into(),
        "Money" => "f64".into(),
        "Bool" => "bool".into(),
        "Json" => "serde_json::Value".into(),
        "TextArray" => "Vec<String>".into(),
        "UuidArray" => "Vec<uuid::Uuid>".into(),
        e => pascal(e.strip_prefix("Enum:").unwrap()),
    }
}

fn ts_type(ty: &str) -> String {
    match ty {
        "Uuid" | "Text" | "Timestamptz" => "string".into(),
        "SmallInt" | "Integer" | "Money" => "number".into(),
        "Bool" => "boolean".into(),
        "Json" => "Json".into(),
        "TextArray" | "UuidArray" => "string[]".into(),
        e => format!(
            "Database[\"public\"][\"Enums\"][\"{}\"]",
            e.strip_prefix("Enum:").unwrap()
        ),
    }
}

fn presence(c: &Col) -> &'static str {
    match (c.not_null, c.default) {
        (true, false) => "Required",
        (true, true) => "Defaulted",
        (false, false) => "Nullable",
        (false, true) => "NullableDefaulted",
    }
}

fn field_ident(name: &str) -> String {
    match name {
        "type" => "r#type".into(),
        n => n.into(),
    }
}

/// One end of a foreign key, seen from `origin` (see `Relationship` in `catalog.rs`).
struct Rel<'a> {
    target: &'a str,
    constraint: &'a str,
    column: &'a str,
    target_column: &'a str,
    holds_key: bool,
    to_one: bool,
}

/// Every relationship PostgREST sees from `origin`: through each of its own foreign keys into
/// the public schema (many-to-one, or one-to-one when the key is unique), then through each
/// other table's key to it (one-to-many, or one-to-one), as PostgREST reads a key from both
/// ends. A self-reference gives both.
fn relationships<'a>(origin: &str, tables: &'a BTreeMap<String, Tbl>) -> Vec<Rel<'a>> {
    let mut out = Vec::new();
    for f in tables[origin].fks.iter().filter(|f| f.schema == "public") {
        out.push(Rel {
            target: &f.references,
            constraint: &f.name,
            column: &f.column,
            target_column: &f.referenced,
            holds_key: true,
            to_one: true,
        });
    }
    for (name, t) in tables {
        for f in t
            .fks
            .iter()
            .filter(|f| f.schema == "public" && f.references == origin)
        {
            out.push(Rel {
                target: name,
                constraint: &f.name,
                column: &f.referenced,
                target_column: &f.column,
                holds_key: false,
                to_one: f.one_to_one,
            });
        }
    }
    out
}

fn gen_rust(enums: &BTreeMap<String, Vec<String>>, tables: &BTreeMap<String, Tbl>) -> String {
    let mut o = String::new();
    o.push_str("/// Every enum of the schema, values in Postgres order.\npub const ENUMS: &[(&str, &[&str])] = &[\n");
    for (name, values) in enums {
        let vals: Vec<String> = values.iter().map(|v| format!("{v:?}")).collect();
        writeln!(o, "    ({name:?}, &[{}]),", vals.join(", ")).unwrap();
    }
    o.push_str("];\n\n");
    for (name, values) in enums {
        let ty = pascal(name);
        writeln!(
            o,
            "/// The `{name}` enum (TypeScript: `Enums<\"{name}\">` = `{}`).",
            ts_union(values)
        )
        .unwrap();
        o.push_str("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]\n");
        o.push_str("#[serde(rename_all = \"SCREAMING_SNAKE_CASE\")]\n");
        writeln!(o, "pub enum {ty} {{").unwrap();
        for v in values {
            writeln!(o, "    {},", pascal(v)).unwrap();
        }
        o.push_str("}\n\n");
        writeln!(o, "impl {ty} {{\n    /// Every value, in Postgres order.\n    pub const ALL: &'static [{ty}] = &[{}];\n", values.iter().map(|v| format!("{ty}::{}", pascal(v))).collect::<Vec<_>>().join(", ")).unwrap();
        o.push_str("    /// The value as Postgres spells it.\n    pub const fn as_str(self) -> &'static str {\n        match self {\n");
        for v in values {
            writeln!(o, "            {ty}::{} => {v:?},", pascal(v)).unwrap();
        }
        o.push_str("        }\n    }\n}\n\n");
        writeln!(o, "impl crate::rest::FilterValue for {ty} {{\n    fn filter_text(&self) -> String {{\n        self.as_str().to_string()\n    }}\n}}\n").unwrap();
    }
    o.push_str("/// The tables, in name order.\npub const TABLES: &[Table] = &[\n");
    for (name, t) in tables {
        writeln!(
            o,
            "    Table {{\n        name: {name:?},\n        columns: &["
        )
        .unwrap();
        for c in &t.cols {
            let ty = match c.ty.strip_prefix("Enum:") {
                Some(e) => format!("ColumnType::Enum({e:?})"),
                None => format!("ColumnType::{}", c.ty),
            };
            writeln!(
                o,
                "            Column {{ name: {:?}, ty: {ty}, presence: Presence::{} }},",
                c.name,
                presence(c)
            )
            .unwrap();
        }
        o.push_str("        ],\n        foreign_keys: &[\n");
        for f in &t.fks {
            writeln!(o, "            ForeignKey {{ name: {:?}, column: {:?}, schema: {:?}, references: {:?}, referenced_column: {:?}, one_to_one: {} }},", f.name, f.column, f.schema, f.references, f.referenced, f.one_to_one).unwrap();
        }
        o.push_str("        ],\n        relationships: &[\n");
        for r in relationships(name, tables) {
            writeln!(o, "            Relationship {{ target: {:?}, constraint: {:?}, column: {:?}, target_column: {:?}, holds_key: {}, to_one: {} }},", r.target, r.constraint, r.column, r.target_column, r.holds_key, r.to_one).unwrap();
        }
        writeln!(
            o,
            "        ],\n        can_update: {},\n        can_delete: {},\n    }},",
            t.ops.iter().any(|x| x == "update"),
            t.ops.iter().any(|x| x == "delete")
        )
        .unwrap();
    }
    o.push_str("];\n\n");
    // Typed tables: a marker type per table, its columns as typed constants, and the RLS
    // summary as trait impls.
    for (name, t) in tables {
        let ty = pascal(name);
        let s = singular(name);
        writeln!(o, "/// The `{name}` table, for the typed builder: `client.table::<{ty}>()`.\npub struct {ty};\n").unwrap();
        writeln!(o, "impl crate::rest::TableDef for {ty} {{\n    const NAME: &'static str = {name:?};\n    type Row = {s}Row;\n    type Insert = {s}Insert;\n    type Update = {s}Update;\n}}\n").unwrap();
        if t.ops.iter().any(|x| x == "update") {
            writeln!(o, "impl crate::rest::Updatable for {ty} {{}}").unwrap();
        }
        if t.ops.iter().any(|x| x == "delete") {
            writeln!(o, "impl crate::rest::Deletable for {ty} {{}}").unwrap();
        }
        writeln!(o, "\nimpl {ty} {{").unwrap();
        for c in &t.cols {
            writeln!(o, "    /// Column `{name}.{}`.\n    pub const {}: crate::rest::Col<{ty}, {}> = crate::rest::Col::new({:?});", c.name, c.name.to_ascii_uppercase(), rust_type(&c.ty), c.name).unwrap();
        }
        o.push_str("}\n\n");
    }
    // Models.
    for (name, t) in tables {
        let s = singular(name);
        writeln!(
            o,
            "/// A row of `{name}`, as the server returns it (TypeScript: `Tables<\"{name}\">`)."
        )
        .unwrap();
        o.push_str("#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]\n");
        writeln!(o, "pub struct {s}Row {{").unwrap();
        for c in &t.cols {
            let ty = rust_type(&c.ty);
            let ty = if c.not_null {
                ty
            } else {
                format!("Option<{ty}>")
            };
            writeln!(o, "    pub {}: {ty},", field_ident(&c.name)).unwrap();
        }
        o.push_str("}\n\n");
        writeln!(o, "/// A new row of `{name}`: required columns are plain fields, the rest optional (TypeScript:\n/// `TablesInsert<\"{name}\">`).").unwrap();
        o.push_str("#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]\n");
        writeln!(o, "pub struct {s}Insert {{").unwrap();
        for c in &t.cols {
            let ty = rust_type(&c.ty);
            if c.not_null && !c.default {
                writeln!(o, "    pub {}: {ty},", field_ident(&c.name)).unwrap();
            } else {
                writeln!(o, "    #[serde(default, skip_serializing_if = \"Option::is_none\")]\n    pub {}: Option<{ty}>,", field_ident(&c.name)).unwrap();
            }
        }
        o.push_str("}\n\n");
        writeln!(o, "/// A patch of `{name}`: every column optional; nullable ones take `Some(None)` to clear\n/// (TypeScript: `TablesUpdate<\"{name}\">`).").unwrap();
        o.push_str(
            "#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]\n",
        );
        writeln!(o, "pub struct {s}Update {{").unwrap();
        for c in &t.cols {
            let ty = rust_type(&c.ty);
            let ty = if c.not_null {
                ty
            } else {
                format!("Option<{ty}>")
            };
            writeln!(o, "    #[serde(default, skip_serializing_if = \"Option::is_none\")]\n    pub {}: Option<{ty}>,", field_ident(&c.name)).unwrap();
        }
        o.push_str("}\n\n");
    }
    o
}

fn gen_ts(enums: &BTreeMap<String, Vec<String>>, tables: &BTreeMap<String, Tbl>) -> String {
    let mut o = String::from(
        "export type Json =\n  | string\n  | number\n  | boolean\n  | null\n  | { [key: string]: Json | undefined }\n  | Json[]\n\n\
         export type Database = {\n  __InternalSupabase: {\n    PostgrestVersion: \"14.1\"\n  }\n  public: {\n    Tables: {\n",
    );
    for (name, t) in tables {
        let mut cols = t.cols.clone();
        cols.sort_by(|a, b| a.name.cmp(&b.name));
        writeln!(o, "      {name}: {{").unwrap();
        for part in ["Row", "Insert", "Update"] {
            writeln!(o, "        {part}: {{").unwrap();
            for c in &cols {
                let ty = ts_type(&c.ty);
                let null = if c.not_null { "" } else { " | null" };
                let opt = match part {
                    "Row" => false,
                    "Insert" => !c.not_null || c.default,
                    _ => true,
                };
                writeln!(
                    o,
                    "          {}{}: {ty}{null}",
                    c.name,
                    if opt { "?" } else { "" }
                )
                .unwrap();
            }
            o.push_str("        }\n");
        }
        o.push_str("        Relationships: [\n");
        for f in t.fks.iter().filter(|f| f.schema == "public") {
            writeln!(o, "          {{\n            foreignKeyName: \"{}\"\n            columns: [\"{}\"]\n            isOneToOne: {}\n            referencedRelation: \"{}\"\n            referencedColumns: [\"{}\"]\n          }},", f.name, f.column, f.one_to_one, f.references, f.referenced).unwrap();
        }
        o.push_str("        ]\n      }\n");
    }
    o.push_str("    }\n    Views: {\n      [_ in never]: never\n    }\n    Functions: {\n      [_ in never]: never\n    }\n    Enums: {\n");
    for (name, values) in enums {
        writeln!(o, "      {name}: {}", ts_union(values)).unwrap();
    }
    o.push_str("    }\n    CompositeTypes: {\n      [_ in never]: never\n    }\n  }\n}\n\n");
    o.push_str(include_str!("src/schema/helpers.d.ts"));
    o.push_str(
        "\nexport declare const Constants: {\n  readonly public: {\n    readonly Enums: {\n",
    );
    for (name, values) in enums {
        writeln!(
            o,
            "      readonly {name}: readonly [{}]",
            values
                .iter()
                .map(|v| format!("\"{v}\""))
                .collect::<Vec<_>>()
                .join(", ")
        )
        .unwrap();
    }
    o.push_str(
        "    }\n  }\n}\n\n// The SDK's own names: the very same types as the helpers give.\n",
    );
    for name in tables.keys() {
        let s = singular(name);
        writeln!(o, "export type {s}Row = Tables<\"{name}\">\nexport type {s}Insert = TablesInsert<\"{name}\">\nexport type {s}Update = TablesUpdate<\"{name}\">").unwrap();
    }
    o.push_str("export type TableName = keyof Database[\"public\"][\"Tables\"]\n");
    let names = |pred: &dyn Fn(&Tbl) -> bool| {
        let v: Vec<String> = tables
            .iter()
            .filter(|(_, t)| pred(t))
            .map(|(n, _)| format!("\"{n}\""))
            .collect();
        if v.is_empty() {
            "never".to_string()
        } else {
            v.join(" | ")
        }
    };
    writeln!(
        o,
        "/** Tables without an UPDATE policy (append-only). */\nexport type McAppendOnlyTable = {}",
        names(&|t| !t.ops.iter().any(|x| x == "update"))
    )
    .unwrap();
    writeln!(
        o,
        "/** Tables without a DELETE policy. */\nexport type McUndeletableTable = {}",
        names(&|t| !t.ops.iter().any(|x| x == "delete"))
    )
    .unwrap();
    for name in enums.keys() {
        writeln!(o, "export type {} = Enums<\"{name}\">", pascal(name)).unwrap();
    }
    o
}

fn gen_constants_js(enums: &BTreeMap<String, Vec<String>>) -> String {
    let mut o = String::from("{\"public\":{\"Enums\":{");
    let items: Vec<String> = enums
        .iter()
        .map(|(n, v)| {
            format!(
                "\"{n}\":[{}]",
                v.iter()
                    .map(|x| format!("\"{x}\""))
                    .collect::<Vec<_>>()
                    .join(",")
            )
        })
        .collect();
    o.push_str(&items.join(","));
    o.push_str("}}}");
    o
}

fn main() {
    println!("cargo:rerun-if-changed={MIGRATIONS}");
    println!("cargo:rerun-if-changed=src/schema/helpers.d.ts");
    let sql = read_migrations();
    let (enums, tables) = parse(&sql);
    assert!(
        tables.len() >= 11,
        "{MIGRATIONS}: expected at least the 11 tables of 001"
    );
    assert!(
        enums.len() >= 21,
        "{MIGRATIONS}: expected at least the 21 enums of 001"
    );
    let out = std::env::var("OUT_DIR").unwrap();
    std::fs::write(
        Path::new(&out).join("schema_gen.rs"),
        gen_rust(&enums, &tables),
    )
    .unwrap();
    std::fs::write(
        Path::new(&out).join("database.d.ts"),
        gen_ts(&enums, &tables),
    )
    .unwrap();
    std::fs::write(
        Path::new(&out).join("constants.json"),
        gen_constants_js(&enums),
    )
    .unwrap();
}
