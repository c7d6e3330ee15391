//! The browser side of the session: the auto-refresh tick (paused while the page is hidden),
//! one refresh at a time per client and per storage key across tabs (Web Locks), and session
//! changes shared with the other tabs over a BroadcastChannel.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{future_to_promise, spawn_local, JsFuture};

use super::{AuthClient, AuthEvent, Inner, Session};
use crate::error::Error;

type Slot = Rc<RefCell<Option<Result<Session, Error>>>>;

/// Per-client browser state; dropping it stops the tick and closes the channel.
pub(crate) struct Browser {
    interval: Option<JsValue>,
    tick: Closure<dyn FnMut()>,
    on_visibility: Option<Closure<dyn FnMut()>>,
    channel: Option<web_sys::BroadcastChannel>,
    _on_message: Option<Closure<dyn FnMut(web_sys::MessageEvent)>>,
    flight: Option<(Promise, Slot)>,
    failures: u32,
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Some(id) = self.interval.take() {
            clear_interval(&id);
        }
        if let (Some(cb), Some(doc)) = (&self.on_visibility, document()) {
            let _ = doc.remove_event_listener_with_callback(
                "visibilitychange",
                cb.as_ref().unchecked_ref(),
            );
        }
        if let Some(c) = &self.channel {
            c.close();
        }
    }
}

fn global() -> JsValue {
    js_sys::global().into()
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

fn call_global(name: &str, args: &[&JsValue]) -> JsValue {
    let g = global();
    let f: Function = match Reflect::get(&g, &name.into()).map(JsCast::dyn_into::<Function>) {
        Ok(Ok(f)) => f,
        _ => return JsValue::UNDEFINED,
    };
    match args {
        [a, b] => f.call2(&g, a, b),
        [a] => f.call1(&g, a),
        _ => f.call0(&g),
    }
    .unwrap_or(JsValue::UNDEFINED)
}

fn set_interval(f: &JsValue, ms: u32) -> JsValue {
    let id = call_global("setInterval", &[f, &JsValue::from(ms)]);
    // In Node.js the tick must not keep the process alive (as auth-js does it).
    if let Ok(unref) = Reflect::get(&id, &"unref".into()).and_then(|u| u.dyn_into::<Function>()) {
        let _ = unref.call0(&id);
    }
    id
}

fn clear_interval(id: &JsValue) {
    call_global("clearInterval", &[id]);
}

fn hidden() -> bool {
    document().is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden)
}

fn client(weak: &Weak<Inner>) -> Option<AuthClient> {
    weak.upgrade().map(|inner| AuthClient { inner })
}

/// Starts the tick, the visibility handling and the channel for `c` (once, from initialize).
pub(crate) fn start(c: &AuthClient) {
    let weak = Rc::downgrade(&c.inner);
    let w = weak.clone();
    let tick = Closure::<dyn FnMut()>::new(move || {
        if let Some(c) = client(&w) {
            spawn_local(async move { auto_tick(&c).await });
        }
    });
    let mut b = Browser {
        interval: None,
        tick,
        on_visibility: None,
        channel: None,
        _on_message: None,
        flight: None,
        failures: 0,
    };
    if c.inner.options.auto_refresh_token {
        if !hidden() {
            b.interval = Some(set_interval(b.tick.as_ref(), c.inner.options.tick_ms));
        }
        if let Some(doc) = document() {
            let w = weak.clone();
            let cb = Closure::<dyn FnMut()>::new(move || {
                if let Some(c) = client(&w) {
                    visibility_changed(&c);
                }
            });
            let _ = doc
                .add_event_listener_with_callback("visibilitychange", cb.as_ref().unchecked_ref());
            b.on_visibility = Some(cb);
        }
    }
    // Only a persisted session is shared: clients without storage are independent. And only
    // in a browser: in Node.js an open channel would keep the process alive.
    let in_browser = Reflect::has(&global(), &"document".into()).unwrap_or(false);
    let channel = if c.inner.options.persist_session && in_browser {
        web_sys::BroadcastChannel::new(&c.inner.key).ok()
    } else {
        None
    };
    if let Some(channel) = channel {
        let w = weak.clone();
        let cb =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |m: web_sys::MessageEvent| {
                if let Some(c) = client(&w) {
                    received(&c, &m.data());
                }
            });
        channel.set_onmessage(Some(cb.as_ref().unchecked_ref()));
        b.channel = Some(channel);
        b._on_message = Some(cb);
    }
    *c.inner.browser.borrow_mut() = Some(b);
}

/// Stops (or restarts) the auto-refresh tick, as supabase-js's stop/startAutoRefresh.
pub(crate) fn set_auto_refresh(c: &AuthClient, on: bool) {
    let mut slot = c.inner.browser.borrow_mut();
    let Some(b) = slot.as_mut() else { return };
    if let Some(id) = b.interval.take() {
        clear_interval(&id);
    }
    if on && !hidden() {
        b.interval = Some(set_interval(b.tick.as_ref(), c.inner.options.tick_ms));
    }
    drop(slot);
    if on {
        let c = c.clone();
        spawn_local(async move { auto_tick(&c).await });
    }
}

fn visibility_changed(c: &AuthClient) {
    // Hidden: no tick. Visible again: catch up at once, then tick as before.
    set_auto_refresh(c, !hidden());
}

/// One tick: refresh when the session expires within `margin_ticks` ticks.
async fn auto_tick(c: &AuthClient) {
    let Some(s) = c.session() else { return };
    let margin = (c.inner.options.tick_ms as i64 * c.inner.options.margin_ticks as i64) / 1000;
    if s.expires_at - super::now() > margin {
        return;
    }
    match c.refresh_session(None).await {
        Ok(_) => {
            set_failures(c, 0);
        }
        Err(e) if e.retryable => {
            // Keep the session; try again with backoff (1 s, 2 s, 4 s … at most one tick).
            let n = set_failures(c, u32::MAX);
            let delay = (1000u32.saturating_mul(1 << n.min(15))).min(c.inner.options.tick_ms);
            let w = Rc::downgrade(&c.inner);
            spawn_local(async move {
                let _ = crate::http::sleep(delay, None).await;
                if let Some(c) = client(&w) {
                    Box::pin(auto_tick(&c)).await;
                }
            });
        }
        Err(_) => {
            set_failures(c, 0);
        }
    }
}

/// Sets the failure count (`u32::MAX` increments it); returns the count before.
fn set_failures(c: &AuthClient, n: u32) -> u32 {
    let mut slot = c.inner.browser.borrow_mut();
    let Some(b) = slot.as_mut() else { return 0 };
    let before = b.failures;
    b.failures = if n == u32::MAX { before + 1 } else { n };
    before
}

/// Tells the other tabs of this storage key what happened.
pub(crate) fn broadcast(c: &AuthClient, event: AuthEvent, session: Option<&Session>) {
    let slot = c.inner.browser.borrow();
    let Some(channel) = slot.as_ref().and_then(|b| b.channel.as_ref()) else {
        return;
    };
    let msg = Object::new();
    let _ = Reflect::set(&msg, &"event".into(), &event.as_str().into());
    // supabase-js's message shape: { event, session } with the session as an object.
    let s = session.map_or(JsValue::NULL, |s| crate::runtime::to_js(&s.to_json()));
    let _ = Reflect::set(&msg, &"session".into(), &s);
    let _ = channel.post_message(&msg);
}

fn received(c: &AuthClient, data: &JsValue) {
    let event = Reflect::get(data, &"event".into())
        .ok()
        .and_then(|e| e.as_string())
        .and_then(|e| AuthEvent::parse(&e));
    let raw = Reflect::get(data, &"session".into()).unwrap_or(JsValue::NULL);
    let session = if raw.is_string() {
        raw.as_string().and_then(|t| Session::from_text(&t))
    } else if raw.is_object() {
        crate::runtime::from_js(&raw)
            .ok()
            .and_then(|v| Session::from_json(v).ok())
    } else {
        None
    };
    if let Some(event) = event {
        c.adopt(session, event);
    }
}

/// Every caller of this client shares one refresh; across tabs, one at a time per storage key.
pub(crate) async fn refresh_single_flight(
    c: &AuthClient,
    token: String,
    explicit: bool,
) -> Result<Session, Error> {
    let existing = c
        .inner
        .browser
        .borrow()
        .as_ref()
        .and_then(|b| b.flight.clone());
    let (promise, slot) = match existing {
        Some(f) => f,
        None => {
            let slot: Slot = Rc::default();
            let (c2, s2) = (c.clone(), slot.clone());
            let promise = future_to_promise(async move {
                let r = locked_refresh(&c2, token, explicit).await;
                *s2.borrow_mut() = Some(r);
                Ok(JsValue::UNDEFINED)
            });
            if let Some(b) = c.inner.browser.borrow_mut().as_mut() {
                b.flight = Some((promise.clone(), slot.clone()));
            }
            (promise, slot)
        }
    };
    let _ = JsFuture::from(promise.clone()).await;
    if let Some(b) = c.inner.browser.borrow_mut().as_mut() {
        if b.flight
            .as_ref()
            .is_some_and(|(p, _)| JsValue::from(p.clone()) == JsValue::from(promise.clone()))
        {
            b.flight = None;
        }
    }
    let r = slot.borrow().clone();
    r.unwrap_or_else(|| {
        Err(Error::new(
            crate::error::ErrorCode::Aborted,
            "the refresh did not finish",
        ))
    })
}

/// Under the storage key's Web Lock: if another tab already rotated the token, take its
/// session from storage instead of sending the old refresh token (GoTrue would see a reuse).
async fn locked_refresh(c: &AuthClient, token: String, explicit: bool) -> Result<Session, Error> {
    let locks = Reflect::get(&global(), &"navigator".into())
        .and_then(|n| Reflect::get(&n, &"locks".into()))
        .unwrap_or(JsValue::UNDEFINED);
    let request = Reflect::get(&locks, &"request".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    let Some(request) = request else {
        return refresh_unless_rotated(c, &token, explicit).await;
    };
    let slot: Slot = Rc::default();
    let (c2, s2) = (c.clone(), slot.clone());
    let cb = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
        future_to_promise(async move {
            let r = refresh_unless_rotated(&c2, &token, explicit).await;
            *s2.borrow_mut() = Some(r);
            Ok(JsValue::UNDEFINED)
        })
        .into()
    });
    let name = JsValue::from(format!("lock:{}", c.inner.key));
    if let Ok(p) = request.call2(&locks, &name, &cb) {
        let _ = JsFuture::from(Promise::from(p)).await;
    }
    let r = slot.borrow().clone();
    r.unwrap_or_else(|| {
        Err(Error::new(
            crate::error::ErrorCode::Aborted,
            "the refresh lock was not granted",
        ))
    })
}

/// One refresh, as [`super::flow::refresh_once`] decides it.
async fn refresh_unless_rotated(
    c: &AuthClient,
    token: &str,
    explicit: bool,
) -> Result<Session, Error> {
    c.drive(super::flow::refresh_once(c, token.to_string(), explicit))
        .await
}
