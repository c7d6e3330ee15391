//! Onboarding: company → CEO (tier 1, human) → `ceo_id` → the six sectors → departments →
//! their tier-2 chiefs → `chief_id`, in the order the plain foreign keys force. Every row has a
//! client-generated UUID (the plan), so a rerun completes what is missing and creates nothing
//! twice; a run that cannot complete removes the company it created (nothing else can refer to
//! it yet) and says so. Activation ONBOARDING → ACTIVE needs mission, vision and 3–5 values and
//! strategic priorities.

use serde_json::{json, Map, Value};

use super::common::{field, id_of, invalid, read, user_id, Workflows};
use super::flow::{drive, Flow, Step, Then};
use super::workflows::compare_and_set;
use crate::error::{Error, ErrorCode};
use crate::schema::{self, CompanyStatus, Mode};
use crate::Client;

fn new_id() -> Value {
    Value::String(uuid::Uuid::new_v4().to_string())
}

fn with_id(v: &Value) -> Value {
    let mut o = v.as_object().cloned().unwrap_or_default();
    if o.get("id").is_none_or(Value::is_null) {
        o.insert("id".into(), new_id());
    }
    Value::Object(o)
}

/// The plan of an onboarding: the input with a UUID on every row that lacks one.
pub fn plan(input: &Value) -> Value {
    let departments: Vec<Value> = field(input, "departments")
        .as_array()
        .map(|ds| {
            ds.iter()
                .map(|d| {
                    let mut d = with_id(d);
                    d["chief"] = with_id(field(&d, "chief"));
                    d
                })
                .collect()
        })
        .unwrap_or_default();
    json!({ "company": with_id(field(input, "company")), "ceo": with_id(field(input, "ceo")), "departments": departments })
}

/// Why a company cannot be activated yet (empty when it can).
pub fn activation_gaps(company: &Value) -> Vec<&'static str> {
    let blank = |k: &str| {
        field(company, k)
            .as_str()
            .is_none_or(|s| s.trim().is_empty())
    };
    let count = |k: &str| {
        field(company, k).as_array().map_or(0, |a| {
            a.iter()
                .filter(|v| v.as_str().is_some_and(|s| !s.trim().is_empty()))
                .count()
        })
    };
    let mut gaps = Vec::new();
    if blank("mission") {
        gaps.push("mission must be non-blank");
    }
    if blank("vision") {
        gaps.push("vision must be non-blank");
    }
    if !(3..=5).contains(&count("values")) {
        gaps.push("values must hold 3–5 items");
    }
    if !(3..=5).contains(&count("strategic_priorities")) {
        gaps.push("strategic_priorities must hold 3–5 items");
    }
    gaps
}

/// The rows of a plan, in creation order, validated before anything is sent.
struct Rows {
    company: Value,
    ceo: Value,
    departments: Vec<Value>,
    chiefs: Vec<Value>,
}

fn rows(plan: &Value, owner: &str) -> Result<Rows, Error> {
    let mut company = field(plan, "company")
        .as_object()
        .cloned()
        .unwrap_or_default();
    company.insert("owner_user_id".into(), Value::String(owner.into()));
    company.insert("status".into(), json!(CompanyStatus::Onboarding.as_str()));
    company.remove("ceo_id");
    let company_id = company.get("id").cloned().unwrap_or(Value::Null);
    let mut ceo = field(plan, "ceo").as_object().cloned().unwrap_or_default();
    ceo.entry("role")
        .or_insert(json!("Chief Executive Officer"));
    for (k, v) in [
        ("company_id", company_id.clone()),
        ("tier", json!(1)),
        ("human", json!(true)),
        ("reports_to", Value::Null),
    ] {
        ceo.insert(k.into(), v);
    }
    let (mut departments, mut chiefs, mut seen) = (Vec::new(), Vec::new(), Vec::new());
    for d in field(plan, "departments").as_array().into_iter().flatten() {
        let t = field(d, "type").clone();
        if seen.contains(&t) {
            return Err(invalid("departments", "type", "one department per type", t));
        }
        seen.push(t.clone());
        departments.push(json!({"id": field(d, "id"), "company_id": company_id, "type": t}));
        let mut chief = field(d, "chief").as_object().cloned().unwrap_or_default();
        for (k, v) in [
            ("company_id", company_id.clone()),
            ("tier", json!(2)),
            (
                "reports_to",
                field(&Value::Object(ceo.clone()), "id").clone(),
            ),
            ("department_id", field(d, "id").clone()),
        ] {
            chief.insert(k.into(), v);
        }
        chiefs.push(Value::Object(chief));
    }
    let r = Rows {
        company: Value::Object(company),
        ceo: Value::Object(ceo),
        departments,
        chiefs,
    };
    let mut violations = Vec::new();
    for (table, row) in [("companies", &r.company), ("agents", &r.ceo)]
        .into_iter()
        .chain(r.departments.iter().map(|d| ("departments", d)))
        .chain(r.chiefs.iter().map(|c| ("agents", c)))
    {
        if let Err(e) = schema::validate(table, Mode::Insert, row) {
            violations.extend(e.violations);
        }
    }
    if violations.is_empty() {
        Ok(r)
    } else {
        Err(Error::validation(violations))
    }
}

fn patch(pairs: &[(&str, Value)]) -> Value {
    let mut m = Map::new();
    for (k, v) in pairs {
        m.insert((*k).into(), v.clone());
    }
    Value::Object(m)
}

/// Runs (or completes) the onboarding of a plan; answers the company as it now is.
pub fn onboard(c: &Client, input: &Value) -> Step {
    let plan = plan(input);
    let owner = user_id(c)?;
    let r = rows(&plan, &owner)?;
    let company_id = field(&r.company, "id")
        .as_str()
        .unwrap_or_default()
        .to_string();
    let c = c.clone();
    let exists = c
        .from("companies")
        .select("id")
        .eq("id", company_id.as_str());
    Flow::data(exists, move |found| {
        let existed = !found.as_array().is_none_or(|a| a.is_empty());
        let (c2, plan2) = (c.clone(), plan.clone());
        onboard_steps(&c, r, &company_id)
            .then(move |company| Flow::done(json!({"company": company, "plan": plan2})))
            .catch(move |mut e| {
                e.details = Some(crate::json::write(&plan));
                if existed {
                    e.hint = Some("onboarding did not complete: run it again with the same plan".into());
                    return Err(e);
                }
                let undo = c2.from("companies").delete().eq("id", company_id.as_str());
                Flow::ask(undo, move |undone| {
                    e.hint = Some(match undone {
                        Ok(_) => "onboarding did not complete; what it had created was removed".into(),
                        Err(_) => format!("onboarding did not complete and could not be undone: run it again with the same plan to complete it (company {company_id})"),
                    });
                    Err(e)
                })
            })
    })
}

/// An upsert that leaves existing rows as they are; answers nothing.
fn upsert_ignoring(c: &Client, table: &str, rows: Value, on_conflict: &str) -> Step {
    Flow::ask(
        c.from(table).upsert(rows, Some(on_conflict), true, true),
        |r| {
            r?;
            Flow::done(Value::Null)
        },
    )
}

/// An update of one row by id; answers nothing.
fn set(c: &Client, table: &str, id: Value, pairs: &[(&str, Value)]) -> Step {
    Flow::ask(c.from(table).update(patch(pairs)).eq("id", id), |r| {
        r?;
        Flow::done(Value::Null)
    })
}

/// The steps one after the other (each answer dropped; the flow answers null).
#[allow(clippy::unnecessary_lazy_evaluations)] // `Then::then` taken for `bool::then`
fn in_order(steps: Vec<Step>) -> Step {
    steps
        .into_iter()
        .fold(Flow::done(Value::Null), |done, next| {
            done.then(move |_| next)
        })
}

/// ONBOARDING → ACTIVE, once mission, vision, values and priorities are in place.
pub fn activate(c: &Client, id: &Value) -> Step {
    let id = id_of("companies", "id", id)?;
    let c = c.clone();
    read(&c, "companies", &id).then(move |company| {
        let gaps = activation_gaps(&company);
        if !gaps.is_empty() {
            let mut e = invalid(
                "companies",
                "status",
                &format!("cannot activate: {}", gaps.join("; ")),
                field(&company, "status").clone(),
            );
            e.code = ErrorCode::InvalidTransition;
            return Err(e);
        }
        let (active, onboarding) = (CompanyStatus::Active, CompanyStatus::Onboarding);
        match field(&company, "status").as_str() {
            Some(s) if s == active.as_str() => Flow::done(company),
            Some(s) if s == onboarding.as_str() => {
                let mut p = Map::new();
                p.insert("status".into(), json!(active.as_str()));
                compare_and_set(
                    &c,
                    "companies",
                    &id,
                    "status",
                    json!(onboarding.as_str()),
                    p,
                )
            }
            other => {
                let mut e = Error::new(
                    ErrorCode::InvalidTransition,
                    format!(
                        "companies.activate: {} → ACTIVE is not allowed",
                        other.unwrap_or("?")
                    ),
                );
                e.details = Some("allowed from ONBOARDING".into());
                Err(e)
            }
        }
    })
}

impl Workflows {
    /// Runs (or completes) the onboarding of a plan (see [`onboard`]).
    pub async fn onboard(&self, input: &Value) -> Result<Value, Error> {
        drive(onboard(&self.client, input)).await
    }

    /// ONBOARDING → ACTIVE (see [`activate`]).
    pub async fn activate(&self, id: &Value) -> Result<Value, Error> {
        drive(activate(&self.client, id)).await
    }
}

fn onboard_steps(c: &Client, r: Rows, company_id: &str) -> Step {
    let ceo_id = field(&r.ceo, "id").clone();
    let cid = Value::String(company_id.into());
    let sectors: Vec<Value> = schema::enum_values("sector_type")
        .unwrap_or_default()
        .iter()
        .map(|t| json!({"company_id": company_id, "type": t}))
        .collect();
    let mut writes = vec![
        upsert_ignoring(c, "companies", r.company.clone(), "id"),
        upsert_ignoring(c, "agents", r.ceo.clone(), "id"),
        set(c, "companies", cid.clone(), &[("ceo_id", ceo_id)]),
        upsert_ignoring(c, "sectors", Value::Array(sectors), "company_id,type"),
    ];
    if !r.departments.is_empty() {
        writes.push(upsert_ignoring(
            c,
            "departments",
            Value::Array(r.departments.clone()),
            "id",
        ));
        writes.push(upsert_ignoring(
            c,
            "agents",
            Value::Array(r.chiefs.clone()),
            "id",
        ));
        for (d, chief) in r.departments.iter().zip(&r.chiefs) {
            writes.push(set(
                c,
                "departments",
                field(d, "id").clone(),
                &[("chief_id", field(chief, "id").clone())],
            ));
        }
    }
    let c = c.clone();
    let ready = activation_gaps(&r.company).is_empty();
    in_order(writes).then(move |_| {
        if ready {
            activate(&c, &cid)
        } else {
            read(&c, "companies", cid.as_str().unwrap_or_default())
        }
    })
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_gives_every_row_an_id_and_keeps_given_ones() {
        let p = plan(
            &json!({"company": {"id": "c", "name": "A"}, "ceo": {"name": "D"}, "departments": [{"type": "TECHNOLOGY", "chief": {"name": "Ada"}}]}),
        );
        assert_eq!(p["company"]["id"], "c");
        assert!(uuid::Uuid::parse_str(p["ceo"]["id"].as_str().unwrap()).is_ok());
        assert!(
            p["departments"][0]["id"].is_string() && p["departments"][0]["chief"]["id"].is_string()
        );
        assert_eq!(plan(&p), p, "planning a plan changes nothing");
    }

    #[test]
    fn activation_needs_mission_vision_values_and_priorities() {
        let ok = json!({"mission": "m", "vision": "v", "values": ["a", "b", "c"], "strategic_priorities": ["x", "y", "z", "w"]});
        assert!(activation_gaps(&ok).is_empty());
        let gaps = activation_gaps(
            &json!({"mission": " ", "values": ["a", "b"], "strategic_priorities": ["1", "2", "3", "4", "5", "6"]}),
        );
        assert_eq!(gaps.len(), 4, "{gaps:?}");
    }

    #[test]
    fn rows_are_validated_before_anything_is_sent() {
        let p = plan(
            &json!({"company": {"name": ""}, "ceo": {"name": "D"}, "departments": [{"type": "NOPE", "chief": {"name": "Ada", "role": "CTO"}}]}),
        );
        let e = rows(&p, "00000000-0000-4000-8000-000000000001")
            .err()
            .unwrap();
        let fields: Vec<_> = e
            .violations
            .iter()
            .map(|v| (v.table.as_str(), v.field.as_str()))
            .collect();
        assert!(
            fields.contains(&("companies", "name")) && fields.contains(&("departments", "type")),
            "{fields:?}"
        );
        let dup = plan(
            &json!({"company": {"name": "A"}, "ceo": {"name": "D"}, "departments": [{"type": "SALES", "chief": {"name": "a", "role": "r"}}, {"type": "SALES", "chief": {"name": "b", "role": "r"}}]}),
        );
        assert_eq!(
            rows(&dup, "o").err().unwrap().violations[0].rule,
            "one department per type"
        );
    }
}
