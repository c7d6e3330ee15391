//! The cockpit's reads (what each region of the product's cockpit shows): computed from the
//! real tables, requests in parallel, as few round trips as PostgREST's embeds allow.
//!
//! - `load(companyId?)`: the company with its six sectors and departments (one request with
//!   embeds), the roster, the open tasks and the pending escalations (three more, in parallel);
//!   sector regions with health and attention, department tiles with headcount, open items and
//!   risks, the roster with active-task counts.
//! - `department(id)`, `agent(id)`, `agentsByDepartment(id, tier?)`, `pulses`, `memory`.

use serde_json::{json, Value};

use super::common::{field, id_of, invalid, read, Workflows};
use super::flow::{drive, first, Answers, Flow, Step, Then};
use crate::error::Error;
use crate::rest::{Count, QueryBuilder};
use crate::schema::{
    AgentStatus, EscalationStatus, EscalationType, HealthStatus, MemoryEntryType, PulseStatus,
    TaskStatus,
};
use crate::Client;

fn rows(v: &Value) -> &[Value] {
    v.as_array().map(Vec::as_slice).unwrap_or_default()
}

fn s<'a>(row: &'a Value, k: &str) -> &'a str {
    field(row, k).as_str().unwrap_or_default()
}

const OPEN: &str = "(PENDING,IN_PROGRESS,BLOCKED)"; // held to TaskStatus by a test below

/// The company read of `load`: the company with its sectors and departments, every count the
/// cockpit shows that the company or a department can count (embedded `count`s, filtered below:
/// exact at any size, one row each), the three newest memory entries and the newest pulses.
const COMPANY_SELECT: &str = "*,sectors(*),\
departments(*,open:tasks(count),blocked:tasks(count),done:tasks(count),headcount:agents!agents_department_id_fkey(count)),\
open:tasks(count),pending:tasks(count),in_progress:tasks(count),blocked:tasks(count),done:tasks(count),\
decisions:memory_entries(count),knowledge:memory_entries(count),memory:memory_entries(id,type,summary,details,created_at),\
pulses_ok:pulses(count),pulses_failed:pulses(count),\
recent:pulses(id,agent_id,status,phase,started_at,completed_at,actions,agents!pulses_agent_id_fkey(name))";

/// The filters of the embedded counts and lists in [`COMPANY_SELECT`] (column, operator, value).
const COMPANY_FILTERS: &[(&str, &str, &str)] = &[
    ("departments.open.status", "in", OPEN),
    (
        "departments.blocked.status",
        "eq",
        TaskStatus::Blocked.as_str(),
    ),
    (
        "departments.done.status",
        "eq",
        TaskStatus::Complete.as_str(),
    ),
    (
        "departments.headcount.status",
        "eq",
        AgentStatus::Active.as_str(),
    ),
    ("open.status", "in", OPEN),
    ("pending.status", "eq", TaskStatus::Pending.as_str()),
    ("in_progress.status", "eq", TaskStatus::InProgress.as_str()),
    ("blocked.status", "eq", TaskStatus::Blocked.as_str()),
    ("done.status", "eq", TaskStatus::Complete.as_str()),
    ("decisions.type", "eq", MemoryEntryType::Decision.as_str()),
    ("knowledge.type", "eq", MemoryEntryType::Knowledge.as_str()),
    ("pulses_ok.status", "eq", PulseStatus::Complete.as_str()),
    ("pulses_failed.status", "eq", PulseStatus::Failed.as_str()),
    ("recent.status", "neq", PulseStatus::Running.as_str()),
];

/// The roster read: every agent with its own counts. `loose*` count the agent's tasks that have
/// no department (they count for the assignee's); `raised` its pending ACTION_REQUIRED
/// escalations, `inbound` the pending escalations sent to it, `inbox` its unread messages,
/// `failed` its pulses that failed in the last 24 hours.
const ROSTER_SELECT: &str = "id,name,role,tier,human,status,department_id,reports_to,autonomy_level,last_pulse,mandate,created_at,\
open:tasks!tasks_assignee_id_fkey(count),blocked:tasks!tasks_assignee_id_fkey(count),done:tasks!tasks_assignee_id_fkey(count),\
loose:tasks!tasks_assignee_id_fkey(count),loose_blocked:tasks!tasks_assignee_id_fkey(count),loose_done:tasks!tasks_assignee_id_fkey(count),\
raised:escalations!escalations_from_agent_id_fkey(count),inbound:escalations!escalations_to_agent_id_fkey(count),\
inbox:messages!messages_to_agent_id_fkey(count),failed:pulses(count)";

/// An agent's or a department's open, blocked and completed tasks.
const TASK_COUNTS: &[(&str, &str, &str)] = &[
    ("open.status", "in", OPEN),
    ("blocked.status", "eq", TaskStatus::Blocked.as_str()),
    ("done.status", "eq", TaskStatus::Complete.as_str()),
];

/// What an agent adds to its department: its tasks without one (open, blocked, completed) and
/// its pending ACTION_REQUIRED escalations.
const LOOSE_COUNTS: &[(&str, &str, &str)] = &[
    ("loose.status", "in", OPEN),
    ("loose.department_id", "is", "null"),
    ("loose_blocked.status", "eq", TaskStatus::Blocked.as_str()),
    ("loose_blocked.department_id", "is", "null"),
    ("loose_done.status", "eq", TaskStatus::Complete.as_str()),
    ("loose_done.department_id", "is", "null"),
    ("raised.status", "eq", EscalationStatus::Pending.as_str()),
    ("raised.type", "eq", EscalationType::ActionRequired.as_str()),
];

/// The roster's own: pending escalations to the agent, unread inbox, failed pulses.
const ROSTER_FILTERS: &[(&str, &str, &str)] = &[
    ("inbound.status", "eq", EscalationStatus::Pending.as_str()),
    ("inbox.read_at", "is", "null"),
    ("failed.status", "eq", PulseStatus::Failed.as_str()),
];

/// Rows per page: the server's `max_rows` (Supabase's default, 1,000).
const PAGE: u64 = 1000;
/// Pending escalations listed by `load` (their number is counted exactly).
const PENDING_LISTED: u64 = 100;
/// Newest finished pulses listed by `load`.
const RECENT_PULSES: u64 = 50;

/// The agents read of `department`: every agent with its counts and lists (aliased, so that
/// each filter names one embed).
const DEPARTMENT_AGENTS_SELECT: &str = "*,loose:tasks!tasks_assignee_id_fkey(count),loose_blocked:tasks!tasks_assignee_id_fkey(count),\
loose_done:tasks!tasks_assignee_id_fkey(count),raised:escalations!escalations_from_agent_id_fkey(count),\
lo:tasks!tasks_assignee_id_fkey(*),ld:tasks!tasks_assignee_id_fkey(*),esc:escalations!escalations_from_agent_id_fkey(*),\
recent:pulses(id,agent_id,status,phase,started_at,completed_at,actions)";

/// The lists of the department's agents: loose open and completed tasks, ACTION_REQUIRED
/// escalations not resolved, finished pulses.
const DEPARTMENT_LISTS: &[(&str, &str, &str)] = &[
    ("lo.status", "in", OPEN),
    ("lo.department_id", "is", "null"),
    ("ld.status", "eq", TaskStatus::Complete.as_str()),
    ("ld.department_id", "is", "null"),
    ("esc.type", "eq", EscalationType::ActionRequired.as_str()),
    ("esc.status", "neq", EscalationStatus::Resolved.as_str()),
    ("recent.status", "neq", PulseStatus::Running.as_str()),
];

/// Rows a view lists (newest first); what it counts is counted exactly.
const LISTED: u64 = 50;

/// Adds filters written as PostgREST text.
fn raw(mut q: QueryBuilder, filters: &[(&str, &str, &str)]) -> QueryBuilder {
    for (col, op, v) in filters {
        q = q.filter(col, op, &Value::String((*v).into()));
    }
    q
}

/// Every row of a read, paged until complete, with the answers of `beside` (sent with the
/// first page): the first page (asked with `count=exact`) tells the total, the others are read
/// at once after it.
fn pages(
    page: impl Fn(u64) -> QueryBuilder + 'static,
    beside: Vec<QueryBuilder>,
    then: impl FnOnce(Vec<Value>, Answers) -> Step + 'static,
) -> Step {
    let mut qs = vec![page(0).count(Count::Exact, false)];
    qs.extend(beside);
    Flow::send(qs, move |answers| {
        let mut answers = answers.into_iter();
        let head = first(answers.next().into_iter().collect())?;
        let beside: Answers = answers.collect();
        let total = head.count.unwrap_or(0);
        let mut out = match head.data()? {
            Value::Array(v) => v,
            _ => Vec::new(),
        };
        if total <= out.len() as u64 {
            return then(out, beside);
        }
        let rest = (1..total.div_ceil(PAGE)).map(|p| page(p * PAGE)).collect();
        Flow::send(rest, move |more| {
            for m in more {
                if let Value::Array(v) = m?.data()? {
                    out.extend(v);
                }
            }
            then(out, beside)
        })
    })
}

/// An embedded `count` (`[{"count": n}]`), 0 when absent.
fn n(row: &Value, key: &str) -> u64 {
    rows(field(row, key))
        .first()
        .and_then(|c| field(c, "count").as_u64())
        .unwrap_or(0)
}

/// The cockpit from the company read, the roster and the pending escalations: every number a
/// count the database made.
fn compose(
    mut company: Value,
    agents: Vec<Value>,
    escalations: &[Value],
    pending: Option<u64>,
) -> Value {
    let ceo = s(&company, "ceo_id").to_string();
    // Per department: what its agents' own counts add (tasks without a department, their
    // pending ACTION_REQUIRED escalations).
    let by_dept = |did: &str, key: &str| -> u64 {
        agents
            .iter()
            .filter(|a| s(a, "department_id") == did)
            .map(|a| n(a, key))
            .sum()
    };
    let departments: Vec<Value> = rows(field(&company, "departments"))
        .iter()
        .map(|d| {
            let did = s(d, "id");
            let chief = agents.iter().find(|a| s(a, "id") == s(d, "chief_id"));
            let blocked = n(d, "blocked") + by_dept(did, "loose_blocked");
            json!({
                "id": did, "type": field(d, "type"), "health": field(d, "health"), "key_metric": field(d, "key_metric"),
                "chief": chief.map(|c| json!({"id": field(c, "id"), "name": field(c, "name"), "role": field(c, "role")})),
                "headcount": n(d, "headcount"),
                "openItems": n(d, "open") + by_dept(did, "loose"),
                "blocked": blocked,
                "completedTasks": n(d, "done") + by_dept(did, "loose_done"),
                "risks": blocked + by_dept(did, "raised"),
            })
        })
        .collect();
    let to_ceo = agents
        .iter()
        .find(|a| s(a, "id") == ceo)
        .map_or(0, |a| n(a, "inbound"));
    let at_risk = departments
        .iter()
        .filter(|d| {
            field(d, "risks").as_u64() > Some(0) || s(d, "health") != HealthStatus::Green.as_str()
        })
        .count() as u64;
    let regions: Vec<Value> = rows(field(&company, "sectors"))
        .iter()
        .map(|sec| {
            let t = s(sec, "type");
            let own = match t {
                "COMMAND" => to_ceo,
                "ORGANIZATION" => at_risk,
                _ => 0,
            };
            json!({"id": field(sec, "id"), "type": t, "health": field(sec, "health"), "data": field(sec, "data"),
                   "attention": own + u64::from(s(sec, "health") != HealthStatus::Green.as_str())})
        })
        .collect();
    let roster: Vec<Value> = agents
        .iter()
        .map(|a| {
            let mut out = serde_json::Map::new();
            for k in ROSTER_FIELDS {
                out.insert((*k).into(), field(a, k).clone());
            }
            for (k, v) in [
                (
                    "activeTasks",
                    n(a, "open") - n(a, "blocked").min(n(a, "open")),
                ),
                ("blockedTasks", n(a, "blocked")),
                ("completedTasks", n(a, "done")),
                ("inbox", n(a, "inbox")),
                ("pendingEscalations", n(a, "inbound")),
                ("failedPulses24h", n(a, "failed")),
            ] {
                out.insert(k.into(), json!(v));
            }
            Value::Object(out)
        })
        .collect();
    let counts = json!({
        "PENDING": n(&company, "pending"), "IN_PROGRESS": n(&company, "in_progress"),
        "BLOCKED": n(&company, "blocked"), "COMPLETE": n(&company, "done"),
    });
    let open = n(&company, "open");
    let memory =
        json!({"DECISION": n(&company, "decisions"), "KNOWLEDGE": n(&company, "knowledge")});
    let pulses24h =
        json!({"COMPLETE": n(&company, "pulses_ok"), "FAILED": n(&company, "pulses_failed")});
    let recent_memory = field(&company, "memory").clone();
    let recent_pulses: Vec<Value> = rows(field(&company, "recent"))
        .iter()
        .map(pulse_summary)
        .collect();
    if let Some(o) = company.as_object_mut() {
        for k in [
            "sectors",
            "departments",
            "open",
            "pending",
            "in_progress",
            "blocked",
            "done",
            "decisions",
            "knowledge",
            "memory",
            "pulses_ok",
            "pulses_failed",
            "recent",
        ] {
            o.remove(k);
        }
    }
    json!({"company": company, "regions": regions, "departments": departments, "roster": roster,
           "pendingEscalations": escalations, "pendingEscalationCount": pending.unwrap_or(escalations.len() as u64),
           "openTasks": open, "taskCounts": counts, "memoryCounts": memory, "recentMemory": recent_memory,
           "recentPulses": recent_pulses, "pulses24h": pulses24h})
}

/// The agent columns a roster entry keeps.
const ROSTER_FIELDS: &[&str] = &[
    "id",
    "name",
    "role",
    "tier",
    "human",
    "status",
    "department_id",
    "reports_to",
    "autonomy_level",
    "last_pulse",
    "mandate",
    "created_at",
];

fn page(args: &Value) -> (u64, u64) {
    let limit = field(args, "limit").as_u64().unwrap_or(20).clamp(1, 1000);
    let offset = field(args, "offset").as_u64().unwrap_or(0);
    (offset, offset + limit - 1)
}

impl Workflows {
    /// Runs the cockpit read `name` (see [`cockpit`]).
    pub async fn cockpit(&self, name: &str, args: &[Value]) -> Result<Value, Error> {
        drive(cockpit(&self.client, name, args)).await
    }
}

/// The cockpit read `name` (`load`, `department`, `agent`, `agentsByDepartment`, `pulses`,
/// `memory`) with its JSON arguments.
pub fn cockpit(c: &Client, name: &str, args: &[Value]) -> Step {
    let a = |i: usize| args.get(i).unwrap_or(&Value::Null);
    match name {
        "load" => load(c, a(0)),
        "department" => department(c, a(0)),
        "agent" => agent_view(c, a(0)),
        "agentsByDepartment" => {
            let id = id_of("departments", "id", a(0))?;
            let q = c
                .from("agents")
                .select("*")
                .eq("department_id", id.as_str())
                .order("tier", true, None, None)
                .order("name", true, None, None);
            let q = match a(1) {
                Value::Null => q,
                t if t.as_i64().is_some_and(|t| (1..=5).contains(&t)) => q.eq("tier", t.clone()),
                t => return Err(invalid("agents", "tier", "must be 1–5", t.clone())),
            };
            Flow::data(q, Flow::done)
        }
        "pulses" => pulses(c, a(0)),
        "memory" => {
            let o = a(0);
            let company = id_of("memory_entries", "company_id", field(o, "company_id"))?;
            let (from, to) = page(o);
            let mut q = c
                .from("memory_entries")
                .select("*")
                .eq("company_id", company.as_str());
            if !field(o, "type").is_null() {
                q = q.eq("type", field(o, "type").clone());
            }
            let q = q
                .order("created_at", false, None, None)
                .range(from, to, None);
            Flow::data(q, Flow::done)
        }
        _ => Err(invalid("cockpit", name, "unknown read", Value::Null)),
    }
}

fn load(cl: &Client, company: &Value) -> Step {
    let mut c = raw(
        cl.from("companies")
            .select(COMPANY_SELECT)
            .order("created_at", true, None, None)
            .limit(1, None),
        COMPANY_FILTERS,
    )
    .order("created_at", false, None, Some("memory"))
    .limit(3, Some("memory"))
    .order("started_at", false, None, Some("recent"))
    .limit(RECENT_PULSES, Some("recent"));
    let day_ago = crate::runtime::rfc3339_ago(86_400);
    for alias in ["pulses_ok", "pulses_failed"] {
        c = c.filter(
            &format!("{alias}.completed_at"),
            "gte",
            &Value::String(day_ago.clone()),
        );
    }
    let c = match company {
        Value::Null => c,
        v => c.eq("id", id_of("companies", "id", v)?.as_str()),
    };
    let cl = cl.clone();
    Flow::data(c, move |found| {
        let Some(company) = rows(&found).first().cloned() else {
            return Flow::done(Value::Null);
        };
        let id = s(&company, "id").to_string();
        let escalations = cl
            .from("escalations")
            .select("*")
            .eq("company_id", id.as_str())
            .eq("status", EscalationStatus::Pending.as_str())
            .order("created_at", false, None, None)
            .limit(PENDING_LISTED, None)
            .count(Count::Exact, false);
        pages(
            roster(&cl, &id),
            vec![escalations],
            move |agents, beside| {
                let escalations = first(beside)?;
                let pending_count = escalations.count;
                let escalations = escalations.data()?;
                Flow::done(compose(company, agents, rows(&escalations), pending_count))
            },
        )
    })
}

/// The pages of the roster: every agent of a company with its counts.
fn roster(c: &Client, company: &str) -> impl Fn(u64) -> QueryBuilder + 'static {
    let day_ago = Value::String(crate::runtime::rfc3339_ago(86_400));
    let (c, company) = (c.clone(), company.to_string());
    move |from| {
        [TASK_COUNTS, LOOSE_COUNTS, ROSTER_FILTERS]
            .iter()
            .fold(
                c.from("agents")
                    .select(ROSTER_SELECT)
                    .eq("company_id", company.as_str()),
                |q, f| raw(q, f),
            )
            .filter("failed.completed_at", "gte", &day_ago)
            .order("tier", true, None, None)
            .order("name", true, None, None)
            .order("id", true, None, None)
            .range(from, from + PAGE - 1, None)
    }
}

fn department(c: &Client, id: &Value) -> Step {
    let id = id_of("departments", "id", id)?;
    let dept = raw(
        c.from("departments")
            .select("*,open:tasks(count),blocked:tasks(count),done:tasks(count)")
            .eq("id", id.as_str()),
        TASK_COUNTS,
    )
    .maybe_single();
    let own = |st: &str| {
        c.from("tasks")
            .select("*")
            .eq("department_id", id.as_str())
            .filter("status", "in", &Value::String(st.into()))
            .order("created_at", false, None, None)
            .limit(LISTED, None)
    };
    let beside = vec![dept, own(OPEN), own("(COMPLETE)")];
    // Every agent of the department (paged until complete), each with its counts and the
    // newest of what it adds: its tasks without a department, the ACTION_REQUIRED
    // escalations it raised, its finished pulses. (Lists through the agents rather than a
    // `!inner` filter, which the local server cannot order.)
    let (cl, did) = (c.clone(), id.clone());
    let agents_page = move |from: u64| {
        let mut q = raw(
            raw(
                cl.from("agents")
                    .select(DEPARTMENT_AGENTS_SELECT)
                    .eq("department_id", did.as_str()),
                LOOSE_COUNTS,
            ),
            DEPARTMENT_LISTS,
        );
        for (list, col, n) in [
            ("lo", "created_at", LISTED),
            ("ld", "created_at", LISTED),
            ("esc", "created_at", LISTED),
            ("recent", "started_at", 20),
        ] {
            q = q.order(col, false, None, Some(list)).limit(n, Some(list));
        }
        q.order("tier", true, None, None)
            .order("name", true, None, None)
            .order("id", true, None, None)
            .range(from, from + PAGE - 1, None)
    };
    pages(agents_page, beside, move |agents, lists| {
        let r = lists
            .into_iter()
            .map(|a| a?.data())
            .collect::<Result<Vec<Value>, Error>>()?;
        department_view(&id, agents, &r)
    })
}

/// The department view from its agents and the reads beside them (the department, its open
/// and its completed tasks).
fn department_view(id: &str, agents: Vec<Value>, r: &[Value]) -> Step {
    let d = &r[0];
    if d.is_null() {
        let mut e = Error::new(
            crate::error::ErrorCode::NotFound,
            format!("departments {id} does not exist or is not visible"),
        );
        e.status = 404;
        return Err(e);
    }
    let gather = |own: &Value, key: &str, at: &str, n: usize| {
        let mut v: Vec<Value> = rows(own)
            .iter()
            .chain(agents.iter().flat_map(|a| rows(field(a, key))))
            .cloned()
            .collect();
        v.sort_by(|x, y| s(y, at).cmp(s(x, at)));
        v.truncate(n);
        v
    };
    let open = gather(&r[1], "lo", "created_at", LISTED as usize);
    let completed = gather(&r[2], "ld", "created_at", LISTED as usize);
    let escalations = gather(&Value::Null, "esc", "created_at", LISTED as usize);
    let names: std::collections::HashMap<&str, &Value> = agents
        .iter()
        .map(|a| (s(a, "id"), field(a, "name")))
        .collect();
    let pulses: Vec<Value> = gather(&Value::Null, "recent", "started_at", 20)
        .iter()
        .map(|p| {
            let mut p = pulse_summary(p);
            p["agentName"] = names
                .get(s(&p, "agent_id"))
                .map_or(Value::Null, |n| (*n).clone());
            p
        })
        .collect();
    let sum = |k: &str| agents.iter().map(|a| n(a, k)).sum::<u64>();
    let blocked = n(d, "blocked") + sum("loose_blocked");
    let counts = json!({
        "headcount": agents.iter().filter(|a| s(a, "status") == AgentStatus::Active.as_str()).count(),
        "openTasks": n(d, "open") + sum("loose"),
        "completedTasks": n(d, "done") + sum("loose_done"),
        "blockedTasks": blocked,
        "blockers": blocked + sum("raised"),
    });
    let agents: Vec<Value> = agents
        .iter()
        .map(|a| {
            let mut a = a.clone();
            if let Some(o) = a.as_object_mut() {
                for k in [
                    "loose",
                    "loose_blocked",
                    "loose_done",
                    "raised",
                    "lo",
                    "ld",
                    "esc",
                    "recent",
                ] {
                    o.remove(k);
                }
            }
            a
        })
        .collect();
    let mut blockers: Vec<Value> = open
        .iter()
        .filter(|t| s(t, "status") == TaskStatus::Blocked.as_str())
        .cloned()
        .collect();
    blockers.extend(escalations);
    let chief = agents
        .iter()
        .find(|a| s(a, "id") == s(d, "chief_id"))
        .cloned();
    let mut department = d.clone();
    if let Some(o) = department.as_object_mut() {
        for k in ["open", "blocked", "done"] {
            o.remove(k);
        }
    }
    Flow::done(
        json!({"department": department, "chief": chief, "agents": agents, "counts": counts,
              "openTasks": open, "completedTasks": completed, "blockers": blockers,
              "recentPulses": pulses}),
    )
}

fn agent_view(c: &Client, id: &Value) -> Step {
    let id = id_of("agents", "id", id)?;
    let c = c.clone();
    read(&c, "agents", &id).then(move |a| {
        let boss = field(&a, "reports_to").as_str().map(str::to_string);
        let mut qs = vec![
            c.from("tasks")
                .select("*")
                .eq("assignee_id", id.as_str())
                .filter("status", "in", &Value::String(OPEN.into()))
                .order("created_at", false, None, None)
                .limit(LISTED, None)
                .count(Count::Exact, false),
            c.from("messages")
                .select("id")
                .eq("to_agent_id", id.as_str())
                .is("read_at", Value::Null)
                .count(Count::Exact, true),
        ];
        if let Some(b) = &boss {
            qs.push(c.from("agents").select("name").eq("id", b.as_str()));
        }
        Flow::send(qs, move |answers| {
            let r = answers
                .into_iter()
                .map(|r| {
                    let r = r?;
                    Ok((r.data()?, r.count))
                })
                .collect::<Result<Vec<(Value, Option<u64>)>, Error>>()?;
            let reports_to_name = r
                .get(2)
                .and_then(|(v, _)| rows(v).first())
                .map(|b| field(b, "name").clone())
                .unwrap_or(Value::Null);
            Flow::done(
                json!({"agent": a, "reportsToName": reports_to_name, "inboxCount": r[1].1.unwrap_or(0),
                      "activeTasks": r[0].0, "activeTaskCount": r[0].1.unwrap_or(0)}),
            )
        })
    })
}

fn pulses(c: &Client, o: &Value) -> Step {
    let (from, to) = page(o);
    let mut q = c
        .from("pulses")
        .select("id,agent_id,status,phase,started_at,completed_at,actions,agents!pulses_agent_id_fkey(name)")
        .neq("status", PulseStatus::Running.as_str());
    for (k, col) in [("company_id", "company_id"), ("agent_id", "agent_id")] {
        if !field(o, k).is_null() {
            q = q.eq(col, id_of("pulses", k, field(o, k))?.as_str());
        }
    }
    let q = q
        .order("started_at", false, None, None)
        .range(from, to, None);
    Flow::data(q, |v| {
        Flow::done(Value::Array(rows(&v).iter().map(pulse_summary).collect()))
    })
}

/// A pulse as the cockpit lists it: agent name and the number of actions.
fn pulse_summary(p: &Value) -> Value {
    let mut out = p.clone();
    if let Some(o) = out.as_object_mut() {
        let name = o
            .remove("agents")
            .map(|a| field(&a, "name").clone())
            .unwrap_or(Value::Null);
        let actions = o
            .remove("actions")
            .and_then(|a| a.as_array().map(Vec::len))
            .unwrap_or(0);
        o.insert("agentName".into(), name);
        o.insert("actionCount".into(), json!(actions));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_is_the_open_task_statuses() {
        let open = [
            TaskStatus::Pending,
            TaskStatus::InProgress,
            TaskStatus::Blocked,
        ];
        let list: Vec<&str> = open.iter().map(|s| s.as_str()).collect();
        assert_eq!(OPEN, format!("({})", list.join(",")));
        let closed = [TaskStatus::Complete, TaskStatus::Cancelled];
        assert_eq!(open.len() + closed.len(), TaskStatus::ALL.len());
    }
}

#[cfg(test)]
mod flow_tests {
    use super::*;
    use crate::domain::flow::script::run;
    use crate::ClientOptions;

    const CO: &str = "44444444-4444-4444-8444-444444444444";

    #[test]
    fn load_reads_the_roster_in_pages_beside_the_escalations() {
        let mc = Client::new("http://127.0.0.1:1", "anon", ClientOptions::default());
        let company = format!(r#"[{{"id":"{CO}","ceo_id":null,"sectors":[],"departments":[]}}]"#);
        let page = |n: usize, from: usize| {
            let rows: Vec<String> = (from..from + n)
                .map(|i| format!(r#"{{"id":"a{i}","department_id":null}}"#))
                .collect();
            format!("[{}]", rows.join(","))
        };
        let (first, second) = (page(1000, 0), page(500, 1000));
        let (sent, r) = run(
            cockpit(&mc, "load", &[json!(CO)]),
            &[
                &[(200, &company, "")],
                &[(200, &first, "0-999/1500"), (200, "[]", "*/3")],
                &[(200, &second, "1000-1499/1500")],
            ],
        );
        assert_eq!(sent.len(), 4);
        assert!(
            sent[1].starts_with("GET agents?") && sent[1].ends_with("offset=0&limit=1000"),
            "{}",
            sent[1]
        );
        assert!(sent[2].starts_with("GET escalations?"), "{}", sent[2]);
        assert!(sent[3].ends_with("offset=1000&limit=1000"), "{}", sent[3]);
        let v = r.unwrap();
        assert_eq!(v["roster"].as_array().map(Vec::len), Some(1500));
        assert_eq!(v["pendingEscalationCount"], 3);
    }

    #[test]
    fn load_with_no_company_answers_null_after_one_read() {
        let mc = Client::new("http://127.0.0.1:1", "anon", ClientOptions::default());
        let (sent, r) = run(cockpit(&mc, "load", &[Value::Null]), &[&[(200, "[]", "")]]);
        assert_eq!(sent.len(), 1);
        assert_eq!(r.unwrap(), Value::Null);
    }
}
