//! What every browser test reads from the environment at build time: the stack's URLs and keys,
//! as `scripts/test.sh` exports them from the stack's env file.
#![allow(dead_code)]

/// The stack's base URL.
pub const URL: &str = match option_env!("MC_URL") {
    Some(u) => u,
    None => "http://127.0.0.1:54321",
};
/// The gateway whose access tokens are short-lived.
pub const SHORT_URL: &str = match option_env!("MC_SHORT_URL") {
    Some(u) => u,
    None => "http://127.0.0.1:54331",
};
/// How long its access tokens live, in seconds.
pub const SHORT_EXP: &str = match option_env!("MC_SHORT_JWT_EXP") {
    Some(e) => e,
    None => "8",
};
/// The anon key.
pub const KEY: &str = match option_env!("MC_ANON_KEY") {
    Some(k) => k,
    None => "MC_ANON_KEY-not-set-at-build-time",
};
/// The service_role key.
pub const SERVICE: &str = match option_env!("MC_SERVICE_KEY") {
    Some(k) => k,
    None => "",
};
/// The JWT secret (to sign an expired token in a test).
pub const SECRET: &str = match option_env!("MC_JWT_SECRET") {
    Some(k) => k,
    None => "",
};

/// Awaits a JS check (a Promise) and turns its rejection into a test failure with its message.
pub async fn expect_resolves(check: js_sys::Promise) -> wasm_bindgen::JsValue {
    match wasm_bindgen_futures::JsFuture::from(check).await {
        Ok(v) => v,
        Err(e) => {
            let msg = js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| format!("{e:?}"));
            panic!("{msg}");
        }
    }
}

#[cfg(target_arch = "wasm32")]
/// Calls `target[method](...args)` as JS would (the façade's objects are JS classes).
pub fn call(
    target: &wasm_bindgen::JsValue,
    method: &str,
    args: &[wasm_bindgen::JsValue],
) -> wasm_bindgen::JsValue {
    use wasm_bindgen::JsCast;
    let f: js_sys::Function = js_sys::Reflect::get(target, &method.into())
        .unwrap_or_else(|_| panic!("no method {method}"))
        .unchecked_into();
    let list: js_sys::Array = args.iter().cloned().collect();
    f.apply(target, &list)
        .unwrap_or_else(|e| panic!("{method} threw: {e:?}"))
}

#[cfg(target_arch = "wasm32")]
/// `call` for methods that may throw: the thrown value as `Err`.
pub fn try_call(
    target: &wasm_bindgen::JsValue,
    method: &str,
    args: &[wasm_bindgen::JsValue],
) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let f: js_sys::Function = js_sys::Reflect::get(target, &method.into())?.unchecked_into();
    let list: js_sys::Array = args.iter().cloned().collect();
    f.apply(target, &list)
}

#[cfg(target_arch = "wasm32")]
/// A new client of the stack (createClient through the façade).
pub fn client(url: &str, key: &str, options: wasm_bindgen::JsValue) -> wasm_bindgen::JsValue {
    mission_control_sdk::js::create_client(url.into(), key.into(), options).expect("createClient")
}

#[cfg(target_arch = "wasm32")]
/// `{ create, env }` for the JS checks: createClient itself (throwing what it throws) and the
/// stack's URL and keys.
pub fn create_ctx() -> wasm_bindgen::JsValue {
    use wasm_bindgen::prelude::*;
    let create = Closure::<dyn Fn(JsValue, JsValue, JsValue) -> Result<JsValue, JsValue>>::new(
        |url: JsValue, key: JsValue, options: JsValue| {
            mission_control_sdk::js::create_client(url, key, options)
        },
    )
    .into_js_value();
    let env = js_sys::Object::new();
    for (k, v) in [("url", URL), ("anon", KEY), ("service", SERVICE)] {
        let _ = js_sys::Reflect::set(&env, &k.into(), &v.into());
    }
    let o = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&o, &"create".into(), &create);
    let _ = js_sys::Reflect::set(&o, &"env".into(), &env);
    o.into()
}

#[cfg(target_arch = "wasm32")]
mod scenario {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(module = "/tests/js/scenario.js")]
    extern "C" {
        pub fn verdict(scenarios: &JsValue, name: &str, ctx: &JsValue, id: &str)
            -> js_sys::Promise;
        pub fn undeclared(
            scenarios: &JsValue,
            declared: &JsValue,
            ctx: &JsValue,
        ) -> js_sys::Promise;
    }
}

#[cfg(target_arch = "wasm32")]
/// Runs (once per page) the JS scenario `name` and fails unless its check `id` passed, with the
/// check's message and the value it saw (tests/js/scenario.js).
pub async fn verdict(
    scenarios: &wasm_bindgen::JsValue,
    name: &str,
    ctx: &wasm_bindgen::JsValue,
    id: &str,
) {
    expect_resolves(scenario::verdict(scenarios, name, ctx, id)).await;
}

#[cfg(target_arch = "wasm32")]
/// Fails when a scenario runs a check that has no test, or a test names a check its scenario
/// never runs.
pub async fn every_check_declared(
    scenarios: &wasm_bindgen::JsValue,
    declared: &[(&str, &[&str])],
    ctx: &wasm_bindgen::JsValue,
) {
    let map = js_sys::Object::new();
    for (name, ids) in declared {
        let list: js_sys::Array = ids
            .iter()
            .map(|id| wasm_bindgen::JsValue::from(*id))
            .collect();
        let _ = js_sys::Reflect::set(&map, &(*name).into(), &list);
    }
    let out = expect_resolves(scenario::undeclared(scenarios, &map, ctx)).await;
    let problems: Vec<String> = js_sys::Array::from(&out)
        .iter()
        .filter_map(|p| p.as_string())
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("; "));
}

/// One `#[wasm_bindgen_test]` per named check of each JS scenario, named as the check:
///
/// ```ignore
/// scenario_checks! {
///     scenarios: scenarios(), ctx: ctx();
///     selects { select_list_columns_and_order, select_alias_and_cast }
///     filters { filter_eq, filter_neq }
/// }
/// ```
///
/// `scenarios()` is the JS object of scenario functions (keyed as written here), `ctx()` what each
/// scenario receives. Each scenario runs once per page, on the first test that needs it; a last
/// test, `every_check_has_a_test`, holds this list and the scenarios' checks together.
#[macro_export]
macro_rules! scenario_checks {
    (scenarios: $scenarios:expr, ctx: $ctx:expr; $( $scenario:ident { $( $check:ident ),* $(,)? } )*) => {
        $( $(
            #[wasm_bindgen_test]
            async fn $check() {
                $crate::common::verdict(&$scenarios, stringify!($scenario), &$ctx, stringify!($check)).await;
            }
        )* )*

        #[wasm_bindgen_test]
        async fn every_check_has_a_test() {
            let declared: &[(&str, &[&str])] = &[$( (stringify!($scenario), &[$( stringify!($check) ),*]) ),*];
            $crate::common::every_check_declared(&$scenarios, declared, &$ctx).await;
        }
    };
}

/// A fixture slot: `thread_local!(static X: Slot<T> = Slot::default())`, filled by `cached`.
pub type Slot<T> = std::cell::RefCell<Option<std::rc::Rc<T>>>;

/// The value in `slot`, built by `make` on first use: shared setup of the tests of a suite (they
/// run one at a time, in one page), so splitting a scenario into tests does not repeat it.
pub async fn cached<T: 'static, F: std::future::Future<Output = T>>(
    slot: &'static std::thread::LocalKey<Slot<T>>,
    make: impl FnOnce() -> F,
) -> std::rc::Rc<T> {
    if let Some(v) = slot.with(|s| s.borrow().clone()) {
        return v;
    }
    let v = std::rc::Rc::new(make().await);
    slot.with(|s| *s.borrow_mut() = Some(v.clone()));
    v
}
