//! The product's workflows (docs/rules.md), over the `rest` layer: state machines run as
//! compare-and-set updates (`PATCH …?id=eq.X&status=eq.<expected>`), so an illegal step is
//! refused before anything is written (`invalid_transition`), a row that changed meanwhile is a
//! `conflict`, and of two clients racing on one row exactly one wins.

mod cockpit;
mod common;
mod machine;
mod onboarding;
mod typed;
mod workflows;

pub use common::Workflows;
pub use machine::{escalation_type, transition, type_of, State, Transition, TRANSITIONS};
pub use onboarding::{activation_gaps, plan};
