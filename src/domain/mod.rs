//! The product's workflows (docs/rules.md), over the `rest` layer: state machines run as
//! compare-and-set updates (`PATCH …?id=eq.X&status=eq.<expected>`), so an illegal step is
//! refused before anything is written (`invalid_transition`), a row that changed meanwhile is a
//! `conflict`, and of two clients racing on one row exactly one wins.

mod cockpit;
mod common;
pub mod flow;
mod machine;
mod onboarding;
mod typed;
mod workflows;

pub use common::Workflows;

/// Every workflow as a plain step (sans I/O): a function from its arguments to a
/// [`flow::Step`], run by [`flow::drive`] (or, in a test, by written answers).
pub mod flows {
    pub use super::cockpit::cockpit;
    pub use super::flow::{drive, Flow, Step, Then};
    pub use super::onboarding::{activate, onboard};
    pub use super::workflows::{
        append_memory, compare_and_set, hire, open_chat, raise, remove_agent, resolve, send_chat,
        send_message, stamp_once, step,
    };
}
pub use machine::{escalation_type, transition, type_of, State, Transition, TRANSITIONS};
pub use onboarding::{activation_gaps, plan};
