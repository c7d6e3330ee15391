//! The eleven tables and twenty-one enums of `001_mc_runtime_schema.sql`.

/// How a column is filled: decides its Row, Insert and Update shapes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// NOT NULL, no default: required on insert.
    Required,
    /// NOT NULL with a default: optional on insert, never null.
    Defaulted,
    /// Nullable, no default.
    Nullable,
    /// Nullable with a default.
    NullableDefaulted,
}

impl Presence {
    /// Whether the column may hold NULL.
    pub fn nullable(self) -> bool {
        matches!(self, Presence::Nullable | Presence::NullableDefaulted)
    }
}

/// The Postgres type of a column, as the SDK checks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    Uuid,
    Text,
    Timestamptz,
    SmallInt,
    Integer,
    /// NUMERIC(12,2)
    Money,
    Bool,
    Json,
    TextArray,
    UuidArray,
    Enum(&'static str),
}

/// A business rule on top of the type (domain-rules.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    None,
    /// Text that is not empty or only white space.
    NonBlank,
    /// An integer in an inclusive range.
    Range(i64, i64),
    /// ≥ 0, at most two decimals, below 10^10.
    Money,
    /// The JSON array of pulse decisions `{action_type, autonomy_check, outcome}`.
    PulseDecisions,
    /// The JSON array of pulse actions `{type, target_id, details, logged}`.
    PulseActions,
}

/// One column.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub ty: ColumnType,
    pub presence: Presence,
    pub rule: Rule,
}

/// A foreign key, for embedding hints (`agents!fk_departments_chief`).
#[derive(Debug, Clone, Copy)]
pub struct ForeignKey {
    pub name: &'static str,
    pub column: &'static str,
    pub references: &'static str,
}

/// One table and what its RLS policies allow.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    pub name: &'static str,
    pub columns: &'static [Column],
    pub foreign_keys: &'static [ForeignKey],
    pub can_update: bool,
    pub can_delete: bool,
}

impl Table {
    /// The column called `name`.
    pub fn column(&self, name: &str) -> Option<&'static Column> {
        self.columns.iter().find(|c| c.name == name)
    }
}

/// Looks a table up by name.
///
/// ```js
/// // JS: mc.from("agents") uses the same catalogue to check columns
/// ```
pub fn table(name: &str) -> Option<&'static Table> {
    TABLES.iter().find(|t| t.name == name)
}

/// The values of an enum, in Postgres order.
pub fn enum_values(name: &str) -> Option<&'static [&'static str]> {
    ENUMS.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
}

use ColumnType as T;
use Presence::*;

const fn c(name: &'static str, ty: ColumnType, presence: Presence) -> Column {
    Column {
        name,
        ty,
        presence,
        rule: Rule::None,
    }
}
const fn r(name: &'static str, ty: ColumnType, presence: Presence, rule: Rule) -> Column {
    Column {
        name,
        ty,
        presence,
        rule,
    }
}
const fn fk(name: &'static str, column: &'static str, references: &'static str) -> ForeignKey {
    ForeignKey {
        name,
        column,
        references,
    }
}
const ID: Column = c("id", T::Uuid, Defaulted);
const COMPANY: Column = c("company_id", T::Uuid, Required);
const CREATED: Column = c("created_at", T::Timestamptz, Defaulted);

/// Every enum, values in Postgres order.
pub const ENUMS: &[(&str, &[&str])] = &[
    ("agent_status", &["ACTIVE", "INACTIVE", "SUSPENDED"]),
    ("autonomy_level", &["A1", "A2", "A3"]),
    ("chat_message_role", &["USER", "AGENT"]),
    ("chat_session_status", &["ACTIVE", "CLOSED"]),
    ("company_status", &["ONBOARDING", "ACTIVE", "SUSPENDED"]),
    (
        "department_type",
        &[
            "FINANCE",
            "OPERATIONS",
            "PRODUCT",
            "TECHNOLOGY",
            "MARKETING",
            "SALES",
            "LEGAL",
            "EXTERNAL",
            "PEOPLE",
        ],
    ),
    (
        "escalation_status",
        &["PENDING", "ACKNOWLEDGED", "RESOLVED"],
    ),
    (
        "escalation_trigger",
        &[
            "TASK_BLOCKED",
            "SCOPE_UNCLEAR",
            "CONFLICTING_INSTRUCTIONS",
            "RESOURCE_CONSTRAINT",
            "CROSS_TEAM_DEPENDENCY",
            "SCOPE_EXCEEDED",
            "CROSS_DOMAIN_CONFLICT",
            "IRREVERSIBLE_DECISION",
            "BUDGET_REQUEST",
            "EXTERNAL_COMMITMENT",
            "MISSION_DRIFT",
            "MATERIAL_RISK",
            "TIMELINE_RISK",
            "PERFORMANCE_ISSUE",
            "MILESTONE",
            "OPPORTUNITY",
            "TASK_COMPLETE",
            "ANOMALY",
            "QUALITY_ISSUE",
            "WORKSTREAM_COMPLETE",
        ],
    ),
    ("escalation_type", &["AWARENESS", "ACTION_REQUIRED"]),
    ("health_status", &["GREEN", "YELLOW", "RED"]),
    (
        "memory_entry_type",
        &[
            "DECISION",
            "ACTION",
            "ESCALATION",
            "COMMUNICATION",
            "PULSE",
            "AUDIT",
            "KNOWLEDGE",
        ],
    ),
    ("memory_importance", &["HIGH", "MEDIUM", "LOW"]),
    ("message_priority", &["SYNC", "ASYNC"]),
    (
        "message_type",
        &[
            "DIRECTIVE",
            "REPORT",
            "ESCALATION",
            "COORDINATION",
            "DELEGATION",
        ],
    ),
    (
        "pulse_action_type",
        &[
            "TASK_PROGRESS",
            "COMMUNICATION",
            "STATUS_UPDATE",
            "ESCALATION",
            "DELEGATION",
            "DOCUMENTATION",
        ],
    ),
    (
        "pulse_decision_outcome",
        &["QUEUED", "PROPOSED", "ESCALATED"],
    ),
    (
        "pulse_phase",
        &["SCAN", "ASSESS", "DECIDE", "EXECUTE", "LOG", "COMPLETE"],
    ),
    ("pulse_status", &["RUNNING", "COMPLETE", "FAILED"]),
    (
        "sector_type",
        &[
            "COMMAND",
            "ORGANIZATION",
            "OPERATIONS",
            "FINANCE",
            "INTELLIGENCE",
            "METRICS",
        ],
    ),
    ("task_priority", &["URGENT", "HIGH", "NORMAL", "LOW"]),
    (
        "task_status",
        &["PENDING", "IN_PROGRESS", "BLOCKED", "COMPLETE", "CANCELLED"],
    ),
];

/// The eleven tables.
pub const TABLES: &[Table] = &[
    Table {
        name: "companies",
        columns: &[
            ID,
            r("name", T::Text, Required, Rule::NonBlank),
            c("status", T::Enum("company_status"), Defaulted),
            CREATED,
            c("mission", T::Text, Nullable),
            c("vision", T::Text, Nullable),
            c("values", T::TextArray, NullableDefaulted),
            c("strategic_priorities", T::TextArray, NullableDefaulted),
            r(
                "pulse_interval_minutes",
                T::Integer,
                Defaulted,
                Rule::Range(1, i32::MAX as i64),
            ),
            c("default_autonomy", T::Enum("autonomy_level"), Defaulted),
            r("spending_authority_usd", T::Money, Defaulted, Rule::Money),
            c("owner_user_id", T::Uuid, Required),
            c("ceo_id", T::Uuid, Nullable),
        ],
        foreign_keys: &[
            fk("companies_owner_user_id_fkey", "owner_user_id", "users"),
            fk("fk_companies_ceo", "ceo_id", "agents"),
        ],
        can_update: true,
        can_delete: true,
    },
    Table {
        name: "sectors",
        columns: &[
            ID,
            COMPANY,
            c("type", T::Enum("sector_type"), Required),
            c("health", T::Enum("health_status"), Defaulted),
            c("data", T::Json, Defaulted),
        ],
        foreign_keys: &[fk("sectors_company_id_fkey", "company_id", "companies")],
        can_update: true,
        can_delete: true,
    },
    Table {
        name: "departments",
        columns: &[
            ID,
            COMPANY,
            c("type", T::Enum("department_type"), Required),
            c("health", T::Enum("health_status"), Defaulted),
            c("key_metric", T::Json, NullableDefaulted),
            c("chief_id", T::Uuid, Nullable),
            c("memory", T::Json, NullableDefaulted),
        ],
        foreign_keys: &[
            fk("departments_company_id_fkey", "company_id", "companies"),
            fk("fk_departments_chief", "chief_id", "agents"),
        ],
        can_update: true,
        can_delete: true,
    },
    Table {
        name: "agents",
        columns: &[
            ID,
            COMPANY,
            r("name", T::Text, Required, Rule::NonBlank),
            r("role", T::Text, Required, Rule::NonBlank),
            r("tier", T::SmallInt, Required, Rule::Range(1, 5)),
            c("human", T::Bool, Defaulted),
            c("department_id", T::Uuid, Nullable),
            c("reports_to", T::Uuid, Nullable),
            c("autonomy_level", T::Enum("autonomy_level"), Defaulted),
            c("mandate", T::Text, Nullable),
            c("status", T::Enum("agent_status"), Defaulted),
            c("last_pulse", T::Timestamptz, Nullable),
            CREATED,
        ],
        foreign_keys: &[
            fk("agents_company_id_fkey", "company_id", "companies"),
            fk("agents_department_id_fkey", "department_id", "departments"),
            fk("agents_reports_to_fkey", "reports_to", "agents"),
        ],
        can_update: true,
        can_delete: true,
    },
    Table {
        name: "tasks",
        columns: &[
            ID,
            COMPANY,
            c("assignee_id", T::Uuid, Required),
            c("assigned_by", T::Uuid, Required),
            c("department_id", T::Uuid, Nullable),
            c("project_id", T::Uuid, Nullable),
            r("title", T::Text, Required, Rule::NonBlank),
            c("description", T::Text, Nullable),
            c("parameters", T::Json, NullableDefaulted),
            c("status", T::Enum("task_status"), Defaulted),
            c("priority", T::Enum("task_priority"), Defaulted),
            CREATED,
            c("started_at", T::Timestamptz, Nullable),
            c("completed_at", T::Timestamptz, Nullable),
            r("blocked_reason", T::Text, Nullable, Rule::NonBlank),
            c("parent_task_id", T::Uuid, Nullable),
        ],
        foreign_keys: &[
            fk("tasks_company_id_fkey", "company_id", "companies"),
            fk("tasks_assignee_id_fkey", "assignee_id", "agents"),
            fk("tasks_assigned_by_fkey", "assigned_by", "agents"),
            fk("tasks_department_id_fkey", "department_id", "departments"),
            fk("tasks_parent_task_id_fkey", "parent_task_id", "tasks"),
        ],
        can_update: true,
        can_delete: true,
    },
    Table {
        name: "escalations",
        columns: &[
            ID,
            COMPANY,
            c("from_agent_id", T::Uuid, Required),
            c("to_agent_id", T::Uuid, Required),
            c("type", T::Enum("escalation_type"), Required),
            c("trigger", T::Enum("escalation_trigger"), Required),
            r("context", T::Text, Required, Rule::NonBlank),
            r("impact", T::Text, Required, Rule::NonBlank),
            r("recommendation", T::Text, Required, Rule::NonBlank),
            c("status", T::Enum("escalation_status"), Defaulted),
            CREATED,
            c("acknowledged_at", T::Timestamptz, Nullable),
            c("resolved_at", T::Timestamptz, Nullable),
            r("resolution", T::Text, Nullable, Rule::NonBlank),
            c("related_task_id", T::Uuid, Nullable),
            c("related_project_id", T::Uuid, Nullable),
        ],
        foreign_keys: &[
            fk("escalations_company_id_fkey", "company_id", "companies"),
            fk("escalations_from_agent_id_fkey", "from_agent_id", "agents"),
            fk("escalations_to_agent_id_fkey", "to_agent_id", "agents"),
            fk(
                "escalations_related_task_id_fkey",
                "related_task_id",
                "tasks",
            ),
        ],
        can_update: true,
        can_delete: true,
    },
    Table {
        name: "pulses",
        columns: &[
            ID,
            COMPANY,
            c("agent_id", T::Uuid, Required),
            c("started_at", T::Timestamptz, Defaulted),
            c("completed_at", T::Timestamptz, Nullable),
            c("phase", T::Enum("pulse_phase"), Defaulted),
            c("scanned_state", T::Json, NullableDefaulted),
            r(
                "decisions",
                T::Json,
                NullableDefaulted,
                Rule::PulseDecisions,
            ),
            r("actions", T::Json, NullableDefaulted, Rule::PulseActions),
            c("status", T::Enum("pulse_status"), Defaulted),
            r("error", T::Text, Nullable, Rule::NonBlank),
        ],
        foreign_keys: &[
            fk("pulses_company_id_fkey", "company_id", "companies"),
            fk("pulses_agent_id_fkey", "agent_id", "agents"),
        ],
        can_update: true,
        can_delete: true,
    },
    Table {
        name: "messages",
        columns: &[
            ID,
            COMPANY,
            c("from_agent_id", T::Uuid, Required),
            c("to_agent_id", T::Uuid, Required),
            r("subject", T::Text, Required, Rule::NonBlank),
            r("body", T::Text, Required, Rule::NonBlank),
            c("priority", T::Enum("message_priority"), Defaulted),
            c("type", T::Enum("message_type"), Required),
            c("sent_at", T::Timestamptz, Defaulted),
            c("read_at", T::Timestamptz, Nullable),
            c("processed_at", T::Timestamptz, Nullable),
        ],
        foreign_keys: &[
            fk("messages_company_id_fkey", "company_id", "companies"),
            fk("messages_from_agent_id_fkey", "from_agent_id", "agents"),
            fk("messages_to_agent_id_fkey", "to_agent_id", "agents"),
        ],
        can_update: true,
        can_delete: true,
    },
    Table {
        name: "memory_entries",
        columns: &[
            ID,
            COMPANY,
            c("type", T::Enum("memory_entry_type"), Required),
            r("summary", T::Text, Required, Rule::NonBlank),
            c("details", T::Json, NullableDefaulted),
            c("agent_id", T::Uuid, Nullable),
            c("department_id", T::Uuid, Nullable),
            c("related_ids", T::UuidArray, NullableDefaulted),
            CREATED,
            c("importance", T::Enum("memory_importance"), Defaulted),
            c("tags", T::TextArray, NullableDefaulted),
        ],
        foreign_keys: &[
            fk("memory_entries_company_id_fkey", "company_id", "companies"),
            fk("memory_entries_agent_id_fkey", "agent_id", "agents"),
            fk(
                "memory_entries_department_id_fkey",
                "department_id",
                "departments",
            ),
        ],
        can_update: false,
        can_delete: false,
    },
    Table {
        name: "chat_sessions",
        columns: &[
            ID,
            COMPANY,
            c("user_id", T::Uuid, Required),
            c("agent_id", T::Uuid, Required),
            c("status", T::Enum("chat_session_status"), Defaulted),
            CREATED,
            c("closed_at", T::Timestamptz, Nullable),
        ],
        foreign_keys: &[
            fk("chat_sessions_company_id_fkey", "company_id", "companies"),
            fk("chat_sessions_user_id_fkey", "user_id", "users"),
            fk("chat_sessions_agent_id_fkey", "agent_id", "agents"),
        ],
        can_update: true,
        can_delete: false,
    },
    Table {
        name: "chat_messages",
        columns: &[
            ID,
            c("session_id", T::Uuid, Required),
            COMPANY,
            c("role", T::Enum("chat_message_role"), Required),
            r("content", T::Text, Required, Rule::NonBlank),
            c("sent_at", T::Timestamptz, Defaulted),
            r(
                "tokens_used",
                T::Integer,
                Nullable,
                Rule::Range(0, i32::MAX as i64),
            ),
        ],
        foreign_keys: &[
            fk(
                "chat_messages_session_id_fkey",
                "session_id",
                "chat_sessions",
            ),
            fk("chat_messages_company_id_fkey", "company_id", "companies"),
        ],
        can_update: false,
        can_delete: false,
    },
];
