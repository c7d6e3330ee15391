//! Where the session is kept: localStorage in the browser (supabase-js's key and format, so
//! both clients share one login), memory elsewhere, or an adapter the user passes.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// A session store.
#[derive(Clone)]
pub enum Storage {
    /// In memory: lost with the client.
    Memory(Rc<RefCell<HashMap<String, String>>>),
    /// `window.localStorage`.
    #[cfg(target_arch = "wasm32")]
    Local(web_sys::Storage),
    /// A user object with `getItem`, `setItem`, `removeItem` (each may return a Promise).
    #[cfg(target_arch = "wasm32")]
    Custom(wasm_bindgen::JsValue),
}

impl Default for Storage {
    /// localStorage where there is one, memory otherwise.
    fn default() -> Self {
        #[cfg(target_arch = "wasm32")]
        {
            let local = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
            if let Some(s) = local {
                return Storage::Local(s);
            }
        }
        Storage::Memory(Rc::default())
    }
}

#[cfg(target_arch = "wasm32")]
async fn call(
    adapter: &wasm_bindgen::JsValue,
    method: &str,
    args: &[&wasm_bindgen::JsValue],
) -> wasm_bindgen::JsValue {
    use wasm_bindgen::JsCast;
    let Ok(f) = js_sys::Reflect::get(adapter, &method.into())
        .and_then(|f| f.dyn_into::<js_sys::Function>())
    else {
        return wasm_bindgen::JsValue::UNDEFINED;
    };
    let r = match args {
        [a] => f.call1(adapter, a),
        [a, b] => f.call2(adapter, a, b),
        _ => f.call0(adapter),
    }
    .unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&r))
        .await
        .unwrap_or(wasm_bindgen::JsValue::UNDEFINED)
}

impl Storage {
    /// The stored text under `key`.
    pub async fn get(&self, key: &str) -> Option<String> {
        match self {
            Storage::Memory(m) => m.borrow().get(key).cloned(),
            #[cfg(target_arch = "wasm32")]
            Storage::Local(s) => s.get_item(key).ok().flatten(),
            #[cfg(target_arch = "wasm32")]
            Storage::Custom(a) => call(a, "getItem", &[&key.into()]).await.as_string(),
        }
    }

    /// Stores `value` under `key`.
    pub async fn set(&self, key: &str, value: &str) {
        match self {
            Storage::Memory(m) => {
                m.borrow_mut().insert(key.to_string(), value.to_string());
            }
            #[cfg(target_arch = "wasm32")]
            Storage::Local(s) => {
                let _ = s.set_item(key, value);
            }
            #[cfg(target_arch = "wasm32")]
            Storage::Custom(a) => {
                call(a, "setItem", &[&key.into(), &value.into()]).await;
            }
        }
    }

    /// Removes `key`.
    pub async fn remove(&self, key: &str) {
        match self {
            Storage::Memory(m) => {
                m.borrow_mut().remove(key);
            }
            #[cfg(target_arch = "wasm32")]
            Storage::Local(s) => {
                let _ = s.remove_item(key);
            }
            #[cfg(target_arch = "wasm32")]
            Storage::Custom(a) => {
                call(a, "removeItem", &[&key.into()]).await;
            }
        }
    }
}
