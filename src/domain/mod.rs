//! Workflows and state machines of Mission Control (domain-rules.md): onboarding, task and
//! escalation transitions. Built on `rest` and `auth`; the first workflows land with the
//! domain issue.
