//! Outside the browser there is no tick, no other tab and no page visibility: the same names
//! as `browser.rs`, doing what is left to do — refreshing when asked.

use super::{AuthClient, AuthEvent, Session};
use crate::error::Error;

/// Per-client browser state (none here).
pub(crate) struct Browser;

/// Nothing to start (no timers, channels or visibility here): only marks the client started.
pub(crate) fn start(c: &AuthClient) {
    *c.inner.browser.borrow_mut() = Some(Browser);
}

/// No auto-refresh tick here: refresh with `refresh_session` (or `get_session`, which
/// refreshes an expired token).
pub(crate) fn set_auto_refresh(_c: &AuthClient, _on: bool) {}

/// No other tabs to tell.
pub(crate) fn broadcast(_c: &AuthClient, _event: AuthEvent, _session: Option<&Session>) {}

/// One refresh (a client is used from one task at a time here).
pub(crate) async fn refresh_single_flight(
    c: &AuthClient,
    token: String,
    _explicit: bool,
) -> Result<Session, Error> {
    c.drive(super::flow::refresh_with(c, token)).await
}
