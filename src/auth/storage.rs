//! Where the session is kept: localStorage in the browser (supabase-js's key and format, so
//! both clients share one login), memory elsewhere, or an adapter the user passes.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::runtime::{self as platform, Adapter, LocalStore};

/// A session store.
#[derive(Clone)]
pub enum Storage {
    /// In memory: lost with the client.
    Memory(Rc<RefCell<HashMap<String, String>>>),
    /// `window.localStorage` (browser only).
    Local(LocalStore),
    /// A user object with `getItem`, `setItem`, `removeItem`, each of which may return a
    /// Promise (browser only).
    Custom(Adapter),
}

impl Default for Storage {
    /// localStorage where there is one, memory otherwise.
    fn default() -> Self {
        platform::local_store().map_or_else(|| Storage::Memory(Rc::default()), Storage::Local)
    }
}

impl Storage {
    /// The stored text under `key`.
    pub async fn get(&self, key: &str) -> Option<String> {
        match self {
            Storage::Memory(m) => m.borrow().get(key).cloned(),
            Storage::Local(s) => platform::local_get(s, key),
            Storage::Custom(a) => platform::adapter_get(a, key).await,
        }
    }

    /// Stores `value` under `key`.
    pub async fn set(&self, key: &str, value: &str) {
        match self {
            Storage::Memory(m) => {
                m.borrow_mut().insert(key.to_string(), value.to_string());
            }
            Storage::Local(s) => platform::local_set(s, key, value),
            Storage::Custom(a) => platform::adapter_set(a, key, value).await,
        }
    }

    /// Removes `key`.
    pub async fn remove(&self, key: &str) {
        match self {
            Storage::Memory(m) => {
                m.borrow_mut().remove(key);
            }
            Storage::Local(s) => platform::local_remove(s, key),
            Storage::Custom(a) => platform::adapter_remove(a, key).await,
        }
    }
}
