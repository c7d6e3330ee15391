//! The cockpit's reads (MC-COCKPIT-ZOOM): computed from the real tables, requests in parallel,
//! as few round trips as PostgREST's embeds allow.
//!
//! - `load(companyId?)`: the company with its six sectors and departments (one request with
//!   embeds), the roster, the open tasks and the pending escalations (three more, in parallel);
//!   sector regions with health and attention, department tiles with headcount, open items and
//!   risks, the roster with active-task counts.
//! - `department(id)`, `agent(id)`, `agentsByDepartment(id, tier?)`, `pulses`, `memory`.

use std::future::Future;
use std::pin::Pin;
use std::task::Poll;

use serde_json::{json, Value};

use super::workflows::{field, id_of, invalid, Workflows};
use crate::error::Error;
use crate::rest::QueryBuilder;

type Pending = Pin<Box<dyn Future<Output = Result<Value, Error>>>>;

/// Runs the queries at once and waits for all of them (one round trip of latency).
async fn all(queries: Vec<QueryBuilder>) -> Result<Vec<Value>, Error> {
    let mut futs: Vec<Option<Pending>> = queries
        .into_iter()
        .map(|q| Some(Box::pin(async move { q.execute().await?.data() }) as Pending))
        .collect();
    let mut out: Vec<Option<Result<Value, Error>>> = futs.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (slot, f) in out.iter_mut().zip(futs.iter_mut()) {
            if let Some(fut) = f {
                match fut.as_mut().poll(cx) {
                    Poll::Ready(v) => {
                        *slot = Some(v);
                        *f = None;
                    }
                    Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            Poll::Pending
        } else {
            Poll::Ready(())
        }
    })
    .await;
    out.into_iter().flatten().collect()
}

fn rows(v: &Value) -> &[Value] {
    v.as_array().map(Vec::as_slice).unwrap_or_default()
}

fn s<'a>(row: &'a Value, k: &str) -> &'a str {
    field(row, k).as_str().unwrap_or_default()
}

const OPEN: &str = "(PENDING,IN_PROGRESS,BLOCKED)";

/// The department of an agent.
fn dept_of<'a>(agents: &'a [Value], agent: &str) -> &'a str {
    agents
        .iter()
        .find(|a| s(a, "id") == agent)
        .map(|a| s(a, "department_id"))
        .unwrap_or_default()
}

/// The department a task counts for: its own, or its assignee's.
fn task_dept<'a>(agents: &'a [Value], t: &'a Value) -> &'a str {
    if field(t, "department_id").is_null() {
        dept_of(agents, s(t, "assignee_id"))
    } else {
        s(t, "department_id")
    }
}

fn page(args: &Value) -> (u64, u64) {
    let limit = field(args, "limit").as_u64().unwrap_or(20).clamp(1, 1000);
    let offset = field(args, "offset").as_u64().unwrap_or(0);
    (offset, offset + limit - 1)
}

impl Workflows {
    pub(crate) async fn cockpit(&self, name: &str, args: &[Value]) -> Result<Value, Error> {
        let a = |i: usize| args.get(i).unwrap_or(&Value::Null);
        match name {
            "load" => self.load(a(0)).await,
            "department" => self.department(a(0)).await,
            "agent" => self.agent_view(a(0)).await,
            "agentsByDepartment" => {
                let id = id_of("departments", "id", a(0))?;
                let q = self
                    .client
                    .from("agents")
                    .select("*")
                    .eq("department_id", id.as_str())
                    .order("tier", true, None, None)
                    .order("name", true, None, None);
                let q = match a(1) {
                    Value::Null => q,
                    t if t.as_i64().is_some_and(|t| (1..=5).contains(&t)) => {
                        q.eq("tier", t.clone())
                    }
                    t => return Err(invalid("agents", "tier", "must be 1–5", t.clone())),
                };
                q.execute().await?.data()
            }
            "pulses" => self.pulses(a(0)).await,
            "memory" => {
                let o = a(0);
                let company = id_of("memory_entries", "company_id", field(o, "company_id"))?;
                let (from, to) = page(o);
                let mut q = self
                    .client
                    .from("memory_entries")
                    .select("*")
                    .eq("company_id", company.as_str());
                if !field(o, "type").is_null() {
                    q = q.eq("type", field(o, "type").clone());
                }
                q.order("created_at", false, None, None)
                    .range(from, to, None)
                    .execute()
                    .await?
                    .data()
            }
            _ => Err(invalid("cockpit", name, "unknown read", Value::Null)),
        }
    }

    async fn load(&self, company: &Value) -> Result<Value, Error> {
        let c = self
            .client
            .from("companies")
            .select("*,sectors(*),departments(*)")
            .order("created_at", true, None, None)
            .limit(1, None);
        let c = match company {
            Value::Null => c,
            v => c.eq("id", id_of("companies", "id", v)?.as_str()),
        };
        let found = c.execute().await?.data()?;
        let Some(company) = rows(&found).first().cloned() else {
            return Ok(Value::Null);
        };
        let id = s(&company, "id").to_string();
        let r = all(vec![
            self.client.from("agents").select("id,name,role,tier,human,status,department_id,reports_to,autonomy_level,last_pulse").eq("company_id", id.as_str()).order("tier", true, None, None).order("name", true, None, None),
            self.client.from("tasks").select("id,title,status,priority,assignee_id,department_id").eq("company_id", id.as_str()).filter("status", "in", &Value::String(OPEN.into())),
            self.client.from("escalations").select("*").eq("company_id", id.as_str()).eq("status", "PENDING").order("created_at", false, None, None),
        ])
        .await?;
        let (agents, tasks, escalations) = (rows(&r[0]), rows(&r[1]), rows(&r[2]));
        let dept_of = |agent: &str| dept_of(agents, agent);
        let task_dept = |t: &Value| task_dept(agents, t).to_string();
        let departments: Vec<Value> = rows(field(&company, "departments"))
            .iter()
            .map(|d| {
                let did = s(d, "id");
                let chief = agents.iter().find(|a| s(a, "id") == s(d, "chief_id"));
                let open = tasks.iter().filter(|t| task_dept(t) == did).count();
                let blocked = tasks.iter().filter(|t| task_dept(t) == did && s(t, "status") == "BLOCKED").count();
                let escalated = escalations.iter().filter(|e| s(e, "type") == "ACTION_REQUIRED" && dept_of(s(e, "from_agent_id")) == did).count();
                json!({
                    "id": did, "type": field(d, "type"), "health": field(d, "health"), "key_metric": field(d, "key_metric"),
                    "chief": chief.map(|c| json!({"id": field(c, "id"), "name": field(c, "name")})),
                    "headcount": agents.iter().filter(|a| s(a, "department_id") == did && s(a, "status") == "ACTIVE").count(),
                    "openItems": open, "risks": blocked + escalated,
                })
            })
            .collect();
        let ceo = s(&company, "ceo_id");
        let at_risk = departments
            .iter()
            .filter(|d| field(d, "risks").as_u64() > Some(0) || s(d, "health") != "GREEN")
            .count();
        let regions: Vec<Value> = rows(field(&company, "sectors"))
            .iter()
            .map(|sec| {
                let t = s(sec, "type");
                let own = match t {
                    "COMMAND" => escalations.iter().filter(|e| s(e, "to_agent_id") == ceo).count(),
                    "ORGANIZATION" => at_risk,
                    _ => 0,
                };
                json!({"id": field(sec, "id"), "type": t, "health": field(sec, "health"), "data": field(sec, "data"),
                       "attention": own + usize::from(s(sec, "health") != "GREEN")})
            })
            .collect();
        let roster: Vec<Value> = agents
            .iter()
            .map(|a| {
                let mut a = a.clone();
                let n = tasks
                    .iter()
                    .filter(|t| s(t, "assignee_id") == s(&a, "id") && s(t, "status") != "BLOCKED")
                    .count();
                a["activeTasks"] = json!(n);
                a
            })
            .collect();
        let mut company = company;
        if let Some(o) = company.as_object_mut() {
            o.remove("sectors");
            o.remove("departments");
        }
        Ok(
            json!({"company": company, "regions": regions, "departments": departments, "roster": roster,
                  "pendingEscalations": escalations, "openTasks": tasks.len()}),
        )
    }

    async fn department(&self, id: &Value) -> Result<Value, Error> {
        let id = id_of("departments", "id", id)?;
        let d = self.read("departments", &id).await?;
        let r = all(vec![
            self.client
                .from("agents")
                .select("*")
                .eq("department_id", id.as_str())
                .order("tier", true, None, None)
                .order("name", true, None, None),
            self.client
                .from("tasks")
                .select("*")
                .eq("department_id", id.as_str())
                .order("created_at", false, None, None)
                .limit(200, None),
        ])
        .await?;
        let (agents, dept_tasks) = (rows(&r[0]).to_vec(), rows(&r[1]).to_vec());
        let ids: Vec<&str> = agents.iter().map(|a| s(a, "id")).collect();
        let list = format!("({})", ids.join(","));
        let (tasks, escalations, pulses) = if ids.is_empty() {
            (dept_tasks, Vec::new(), Vec::new())
        } else {
            let r = all(vec![
                self.client.from("tasks").select("*").filter("assignee_id", "in", &Value::String(list.clone())).order("created_at", false, None, None).limit(200, None),
                self.client.from("escalations").select("*").filter("from_agent_id", "in", &Value::String(list.clone())).neq("status", "RESOLVED"),
                self.client.from("pulses").select("id,agent_id,status,phase,started_at,completed_at,actions,agents!pulses_agent_id_fkey(name)").filter("agent_id", "in", &Value::String(list)).neq("status", "RUNNING").order("started_at", false, None, None).limit(20, None),
            ])
            .await?;
            let mut tasks = dept_tasks;
            for t in rows(&r[0]) {
                if !tasks.iter().any(|x| s(x, "id") == s(t, "id")) {
                    tasks.push(t.clone());
                }
            }
            (
                tasks,
                rows(&r[1]).to_vec(),
                rows(&r[2]).iter().map(pulse_summary).collect(),
            )
        };
        let by = |st: &[&str]| {
            tasks
                .iter()
                .filter(|t| st.contains(&s(t, "status")))
                .cloned()
                .collect::<Vec<_>>()
        };
        let mut blockers = by(&["BLOCKED"]);
        blockers.extend(
            escalations
                .iter()
                .filter(|e| s(e, "type") == "ACTION_REQUIRED")
                .cloned(),
        );
        let chief = agents
            .iter()
            .find(|a| s(a, "id") == s(&d, "chief_id"))
            .cloned();
        Ok(
            json!({"department": d, "chief": chief, "agents": agents, "openTasks": by(&["PENDING", "IN_PROGRESS", "BLOCKED"]),
                  "completedTasks": by(&["COMPLETE"]), "blockers": blockers, "recentPulses": pulses}),
        )
    }

    async fn agent_view(&self, id: &Value) -> Result<Value, Error> {
        let id = id_of("agents", "id", id)?;
        let a = self.read("agents", &id).await?;
        let boss = field(&a, "reports_to").as_str().map(str::to_string);
        let mut qs = vec![
            self.client
                .from("tasks")
                .select("*")
                .eq("assignee_id", id.as_str())
                .filter("status", "in", &Value::String(OPEN.into()))
                .order("created_at", false, None, None),
            self.client
                .from("messages")
                .select("id")
                .eq("to_agent_id", id.as_str())
                .is("read_at", Value::Null),
        ];
        if let Some(b) = &boss {
            qs.push(
                self.client
                    .from("agents")
                    .select("name")
                    .eq("id", b.as_str()),
            );
        }
        let r = all(qs).await?;
        let reports_to_name = r
            .get(2)
            .and_then(|v| rows(v).first())
            .map(|b| field(b, "name").clone())
            .unwrap_or(Value::Null);
        Ok(
            json!({"agent": a, "reportsToName": reports_to_name, "inboxCount": rows(&r[1]).len(), "activeTasks": r[0]}),
        )
    }

    async fn pulses(&self, o: &Value) -> Result<Value, Error> {
        let (from, to) = page(o);
        let mut q = self
            .client
            .from("pulses")
            .select("id,agent_id,status,phase,started_at,completed_at,actions,agents!pulses_agent_id_fkey(name)")
            .neq("status", "RUNNING");
        for (k, col) in [("company_id", "company_id"), ("agent_id", "agent_id")] {
            if !field(o, k).is_null() {
                q = q.eq(col, id_of("pulses", k, field(o, k))?.as_str());
            }
        }
        let v = q
            .order("started_at", false, None, None)
            .range(from, to, None)
            .execute()
            .await?
            .data()?;
        Ok(Value::Array(rows(&v).iter().map(pulse_summary).collect()))
    }
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
