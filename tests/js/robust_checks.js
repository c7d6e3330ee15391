// Hostile-input and façade-semantics checks. Each scenario below receives ({ create, env },
// check) — create(url, key, options) is createClient — and runs once per page; each check it
// names is one test of tests/robust_browser.rs (see tests/js/scenario.js).

/** A precondition of a scenario (its setup): throws, stopping the scenario, when it fails. */
function need(cond, what, got) {
  if (!cond) throw new Error(`${what} (got ${JSON.stringify(got)})`);
}

/** A fetch that records every request and answers `[]` (or what `answer` returns). */
function recorder(answer) {
  const sent = [];
  const fetch = async (url, init) => {
    sent.push({ url: String(url), method: init?.method, headers: Object.fromEntries(new Headers(init?.headers ?? {})), body: init?.body ?? null });
    if (answer) return answer(url, init);
    return new Response("[]", { status: 200, headers: { "content-type": "application/json" } });
  };
  return { sent, fetch };
}

async function signedInClient(create, env) {
  const mc = create(env.url, env.anon, { auth: { persistSession: false, autoRefreshToken: false } });
  const email = `robust-${Date.now()}-${Math.floor(Math.random() * 1e9)}@example.com`;
  const signed = await mc.auth.signUp({ email, password: "correct-horse-9" });
  need(signed.error === null, "sign up", signed.error);
  const user = signed.data.user.id;
  const made = await mc.from("companies").insert({ name: "Robust Co", owner_user_id: user }).select("id").single();
  need(made.error === null, "company", made.error);
  return { mc, company: made.data.id };
}

/** A normal query against the stack still answers with the user's company. */
async function stillWorks(check, id, mc, company, when) {
  const res = await mc.from("companies").select("id,name").eq("id", company);
  check(id, res.error === null && res.data.length === 1 && res.data[0].id === company, `a normal query works ${when}`, res.error ?? res.data);
}

async function builders({ create, env }, check) {
  const rec = recorder();
  const mc = create(env.url, env.anon, { global: { fetch: rec.fetch }, auth: { persistSession: false } });
  // Kept, extended conditionally, awaited twice: one builder, the same request each time.
  const status = "PENDING";
  const q = mc.from("tasks").select("id");
  if (status) q.eq("status", status);
  const first = await q;
  const second = await q;
  check("builder_awaited_twice_answers_twice", first.error === null && second.error === null, "awaited twice", [first.error, second.error]);
  const urls = rec.sent.filter((r) => r.url.includes("/tasks")).map((r) => r.url);
  check("builder_awaited_twice_sends_the_same_request_with_its_conditional_filter", urls.length === 2 && urls[0] === urls[1] && urls[0].endsWith("/rest/v1/tasks?select=id&status=eq.PENDING"), "same request twice, with the conditional filter", urls);
  // A method returns the same builder (postgrest-js returns `this`).
  const b = mc.from("agents");
  check("builder_methods_return_the_builder", b.select("*") === b && b.eq("tier", 2) === b, "methods return the builder");
  // Readable in the console and in JSON.
  const shown = String(mc.from("tasks").select("id").eq("status", "BLOCKED").limit(3));
  check("builder_as_a_string_is_its_request", shown === `GET ${env.url}/rest/v1/tasks?select=id&status=eq.BLOCKED&limit=3`, "String(builder) is the request", shown);
  const described = JSON.parse(JSON.stringify(mc.from("tasks").insert({ title: "x" })));
  check("builder_as_json_names_its_table_and_problem", described.table === "tasks" && described.request.error.code === "validation_failed", "JSON of a builder names its table and problem", described);
  const { error } = await mc.from("tasks").eq("title", "a\u0000b");
  const json = JSON.parse(JSON.stringify(error));
  check("error_as_json_keeps_message_and_code", json.message === error.message && json.code === "validation_failed" && json.name === "McError" && json.violations[0].table === "tasks", "JSON.stringify(error) keeps message and code", json);
  // regexMatch / regexIMatch exist and write match / imatch.
  rec.sent.length = 0;
  await mc.from("tasks").regexMatch("title", "^A").regexIMatch("description", "x$");
  check("regex_match_and_imatch_write_match_and_imatch", rec.sent[0].url.endsWith("title=match.%5EA&description=imatch.x%24"), "regexMatch / regexIMatch", rec.sent[0].url);
  check("regex_query_sends_one_request", rec.sent.length === 1, "one request for the regex query", rec.sent.length);
}

async function refused_before_the_network({ create, env }, check) {
  const rec = recorder();
  const mc = create(env.url, env.anon, { global: { fetch: rec.fetch }, auth: { persistSession: false } });
  const refused = async (id, q, what, field) => {
    const before = rec.sent.length;
    const res = await q;
    check(id, res.error && res.error.code === "validation_failed", `${what}: validation_failed`, res.error);
    // The field, or (for a select string, whose field is `select`) the token refused.
    if (field !== undefined) check(id, res.error.violations.some((v) => v.field === field || v.value === field), `${what}: names ${field}`, res.error.violations);
    check(id, rec.sent.length === before, `${what}: nothing sent`, rec.sent.slice(before));
  };
  // Item 6: values and names the catalogue can check.
  await refused("refused_nul_in_a_filter_value", mc.from("tasks").select().eq("title", "a\u0000b"), "NUL in a filter value", "title");
  await refused("refused_unknown_column_in_select", mc.from("tasks").select("nope"), "unknown column in select", "nope");
  await refused("refused_unknown_aliased_column_in_select", mc.from("tasks").select("id, who:nope::text"), "unknown aliased column in select", "nope");
  await refused("refused_unknown_column_in_order", mc.from("tasks").select().order("nope"), "unknown column in order", "nope");
  await refused("refused_unknown_column_in_a_filter", mc.from("tasks").select().eq("nope", 1), "unknown column in a filter", "nope");
  await refused("refused_in_with_undefined_values", mc.from("tasks").select().in("status", undefined), "in(col, undefined)", "status");
  await refused("refused_match_undefined", mc.from("tasks").select().match(undefined), "match(undefined)", "match");
  await refused("refused_nul_in_or", mc.from("tasks").select().or("a\u0000"), "NUL in or", "or");
  // Items 1 and 2: deep nesting and undefined arguments are refused, and the module stays usable.
  await refused("refused_3000_level_nesting_in_insert", mc.from("tasks").insert({ company_id: "x", title: "x", parameters: nested(3000) }), "3,000-level nesting in insert");
  let deepError = null;
  try { mc.validate("tasks", "insert", { parameters: nested(100000) }); } catch (e) { deepError = e; }
  check("validate_with_100000_levels_throws_an_mc_error", deepError?.name === "McError" && deepError.code === "validation_failed", "validate with 100,000 levels throws an McError", deepError);
  for (let i = 0; i < 1500; i++) {
    const res = await mc.from("tasks").select().in("status", undefined).match(undefined);
    if (res.error?.code !== "validation_failed") check("refused_in_and_match_undefined_1500_times", false, `in/match(undefined) call ${i}`, res.error);
  }
  check("refused_in_and_match_undefined_1500_times", true, "in/match(undefined) 1500 times");
  // Item 5: names never leave their path segment.
  await refused("refused_rpc_named_dot_dot", mc.rpc(".."), "rpc('..')");
  rec.sent.length = 0;
  await mc.rpc("../companies", { name: "x" });
  check("rpc_name_is_one_encoded_path_segment", rec.sent.length === 1 && rec.sent[0].url === `${env.url}/rest/v1/rpc/..%2Fcompanies`, "rpc name is one encoded segment", rec.sent[0]?.url);
  await mc.schema("x").from("t?id=eq.1&y").select();
  check("table_name_is_one_encoded_path_segment", rec.sent[1]?.url === `${env.url}/rest/v1/t%3Fid%3Deq.1%26y?select=%2A` && rec.sent[1].headers["accept-profile"] === "x", "table name is one encoded segment", rec.sent[1]);
  await refused("refused_schema_with_a_newline", mc.schema("a\nb").from("t").select(), "schema with a newline", "schema");
  // Item 9: a service_role key in a browser window.
  let thrown = null;
  try { create(env.url, env.service, {}); } catch (e) { thrown = e; }
  check("service_role_key_refused_in_a_browser", thrown instanceof Error && thrown.name === "McError" && thrown.code === "validation_failed" && thrown.violations[0].field === "key", "service_role key refused in a browser", thrown);
  thrown = null;
  try { create(env.url, "sb_secret_abc", {}); } catch (e) { thrown = e; }
  check("sb_secret_key_refused_in_a_browser", thrown && thrown.code === "validation_failed", "sb_secret_ key refused in a browser", thrown);
  const allowed = create(env.url, env.service, { dangerouslyAllowServiceRoleKey: true, global: { fetch: rec.fetch } });
  check("service_role_key_allowed_by_the_explicit_option", typeof allowed.from === "function", "the explicit option allows it");
  check("refused_calls_send_nothing_only_the_two_encoded_names_are_sent", rec.sent.length === 2, "only the two encoded-name requests were sent", rec.sent.length);
}

async function faulty_fetch_and_signals({ create, env }, check) {
  const uncaught = [];
  const onError = (e) => uncaught.push(e.message ?? String(e.reason));
  window.addEventListener("error", onError);
  window.addEventListener("unhandledrejection", onError);
  try {
    const rec = recorder();
    const mc = create(env.url, env.anon, { global: { fetch: rec.fetch }, auth: { persistSession: false } });
    // Item 4: null / undefined signals are no signal.
    for (const [id, s] of [["abort_signal_null_is_no_signal", null], ["abort_signal_undefined_is_no_signal", undefined]]) {
      const res = await mc.from("tasks").select().abortSignal(s);
      check(id, res.error === null && Array.isArray(res.data), `abortSignal(${s}) runs the query`, res.error);
    }
    const wrong = await mc.from("tasks").select().abortSignal({ aborted: false });
    check("abort_signal_of_a_non_signal_is_refused", wrong.error?.code === "validation_failed", "a non-signal is refused", wrong.error);
    const ctrl = new AbortController();
    ctrl.abort();
    const aborted = await mc.from("tasks").select().abortSignal(ctrl.signal);
    check("abort_signal_already_aborted_aborts", aborted.error?.code === "aborted", "an aborted signal aborts", aborted.error);
    // Custom fetches that misbehave settle with an McError.
    const answers = [
      ["fetch_answering_undefined_settles_with_an_mc_error", () => undefined],
      ["fetch_answering_null_settles_with_an_mc_error", () => null],
      ["fetch_answering_a_number_settles_with_an_mc_error", () => 42],
      ["fetch_throwing_settles_with_an_mc_error", () => { throw new TypeError("boom"); }],
      ["fetch_rejecting_settles_with_an_mc_error", () => Promise.reject(new TypeError("offline"))],
      ["fetch_answering_a_non_response_settles_with_an_mc_error", () => ({ status: 200 })],
      ["fetch_answering_a_non_string_text_settles_with_an_mc_error", () => ({ status: 200, text: () => 5 })],
      ["fetch_answering_malformed_json_settles_with_an_mc_error", () => new Response("{not json", { status: 200 })],
    ];
    for (const [i, [id, answer]] of answers.entries()) {
      const bad = create(env.url, env.anon, { global: { fetch: answer }, retry: false, auth: { persistSession: false } });
      const res = await Promise.race([bad.from("tasks").select(), new Promise((r) => setTimeout(() => r("pending"), 5000))]);
      check(id, res !== "pending", `fetch answer ${i}: settles`);
      check(id, res.error instanceof Error && res.error.name === "McError" && ["network", "undecodable"].includes(res.error.code), `fetch answer ${i}: McError`, res.error);
    }
    await new Promise((r) => setTimeout(r, 50));
    check("misbehaving_fetches_leave_no_uncaught_errors", uncaught.length === 0, "no uncaught errors", uncaught);
  } finally {
    window.removeEventListener("error", onError);
    window.removeEventListener("unhandledrejection", onError);
  }
}

/** Deterministic PRNG (mulberry32). */
function rng(seed) {
  let state = seed >>> 0;
  return () => { state = (state + 0x6d2b79f5) >>> 0; let t = state; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

function nested(depth, asArray) {
  let v = asArray ? [] : {};
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}

/** Hostile values, built once (the large ones are shared). */
function hostileValues() {
  const cyclic = { a: 1 }; cyclic.self = cyclic;
  const cyclicArray = [1]; cyclicArray.push(cyclicArray);
  const throwingGetter = Object.defineProperty({}, "email", { get() { throw new Error("getter"); }, enumerable: true });
  const throwingToJson = { toJSON() { throw new Error("toJSON"); } };
  const trap = () => { throw new Error("proxy"); };
  const proxy = new Proxy({}, { get: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: trap });
  const huge = "x".repeat(10 * 1024 * 1024);
  const values = [
    undefined, null, NaN, Infinity, -Infinity, -0, 0, -1, 1.5, 2 ** 53 + 2, 1e308, true, false,
    "", " ", "a\u0000b", "\uD800", "../companies", "t?id=eq.1&y", "tasks", "agents", "status", "title", "*",
    "eq", "in", "not.in", "a,b(c)", "%00", "\n", "🚀".repeat(1000),
    Symbol("s"), Symbol.iterator, 10n, () => 1, function named() { return {}; }, class K {},
    new Date(NaN), new Date(0), new Map([[1, 2]]), new Set([1]), /re/g, new Error("e"), new ArrayBuffer(8), new Uint8Array(4),
    cyclic, cyclicArray, throwingGetter, throwingToJson, proxy, Object.create(null), Object.freeze({ a: 1 }),
    [], [undefined, null], [1, [2, [3]]], new Array(5), new Array(100000).fill("v"), { length: 3 },
    { email: "a@b.co", password: "pw-123456" }, { scope: "nope" }, { count: "exact", head: 1 }, { referencedTable: 5 },
    { type: "recovery", token: 5 }, { access_token: {}, refresh_token: [] }, { data: nested(200) },
    { provider: "keycloak", options: { skipBrowserRedirect: true, queryParams: { a: 1 } } }, { factorId: "f", challengeId: 7, code: "123456" },
    { token_hash: "h", type: "sms" }, { identity_id: nested(50) }, { allowExpired: "yes" },
    nested(10), nested(129), nested(1000), nested(3000), nested(10000), nested(100000), nested(100000, true),
    { a: nested(5000, true) }, { toJSON: () => nested(100000) },
  ];
  return { values, huge };
}

/**
 * Property test: `count` calls with generated hostile arguments through every public method of
 * the client, the builders and auth. Each call must return, throw an McError, or settle (within
 * 10 s) with a result whose error, if any, is an McError; every 500 calls and at the end a
 * normal query against the stack must still work.
 */
async function hostile({ create, env }, check, count = 10000, seed = 20261201) {
  const { mc: real, company } = await signedInClient(create, env);
  await stillWorks(check, "hostile_normal_query_works_before", real, company, "before");
  const rand = rng(seed);
  const { values, huge } = hostileValues();
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  let hugeUses = 0;
  const value = () => {
    if (rand() < 0.002 && hugeUses < 12) { hugeUses++; return rand() < 0.5 ? huge : { title: huge }; }
    return pick(values);
  };
  const args = () => Array.from({ length: Math.floor(rand() * 4) }, value);
  const rec = recorder();
  const fake = create(env.url, env.anon, { global: { fetch: rec.fetch }, retry: false, auth: { persistSession: false, autoRefreshToken: false } });
  const McError = (await fake.from("nope")).error.constructor;
  check("hostile_mc_error_class_found", McError.name === "McError", "McError class found");
  const proto = Object.getPrototypeOf(fake.from("tasks"));
  const builderMethods = Object.getOwnPropertyNames(proto).filter((n) => n !== "constructor" && typeof Object.getOwnPropertyDescriptor(proto, n).value === "function" && n !== "then" && n !== "catch" && n !== "finally");
  const authMethods = Object.getOwnPropertyNames(fake.auth).filter((n) => typeof fake.auth[n] === "function");
  const mfaMethods = Object.getOwnPropertyNames(fake.auth.mfa).filter((n) => typeof fake.auth.mfa[n] === "function");
  const workflowCalls = ["tasks", "escalations", "chat", "agents", "messages", "memory", "onboarding", "cockpit"]
    .flatMap((g) => Object.keys(fake[g]).map((n) => [g, n]));
  check("hostile_workflow_calls_found", workflowCalls.length >= 30, "workflows found", workflowCalls);
  check("hostile_builder_and_auth_methods_found", builderMethods.length >= 45 && authMethods.length >= 19 && ["exchangeCodeForSession", "resend", "reauthenticate", "initialize", "getClaims", "signInWithOAuth", "linkIdentity", "unlinkIdentity", "signInWithIdToken", "getUserIdentities"].every((n) => authMethods.includes(n)) && mfaMethods.length === 7, "methods found", { builderMethods, authMethods, mfaMethods });
  const stats = { calls: 0, returned: 0, threw: 0, resolved: 0, rejected: 0, errorAnswers: 0 };

  const isMcError = (e) => e instanceof McError && typeof e.code === "string" && typeof e.message === "string";
  let nextCheck = 500;
  const settle = async (label, f, awaitIt = true) => {
    stats.calls++;
    if (stats.calls >= nextCheck) { nextCheck += 500; await stillWorks(check, "hostile_normal_query_works_every_500_calls", real, company, `after ${stats.calls} calls`); }
    let out;
    try { out = f(); } catch (e) {
      check("hostile_calls_throw_only_mc_errors", isMcError(e), `${label}: throws only McError`, { name: e?.name, message: e?.message });
      stats.threw++;
      return { out: undefined };
    }
    // Wrapped: an async function returning a thenable builder would run it.
    if (!awaitIt || !out || typeof out.then !== "function") { stats.returned++; return { out }; }
    const timeout = new Promise((r) => setTimeout(() => r({ timeout: true }), 10000));
    const res = await Promise.race([Promise.resolve(out).then((v) => ({ v }), (e) => ({ e })), timeout]);
    check("hostile_calls_settle_within_10_s", !res.timeout, `${label}: settles within 10 s`);
    if ("e" in res) {
      check("hostile_calls_reject_only_with_mc_errors", isMcError(res.e), `${label}: rejects only with McError`, { name: res.e?.name, message: res.e?.message });
      stats.rejected++;
    } else {
      stats.resolved++;
      const err = res.v && typeof res.v === "object" ? res.v.error : null;
      if (err) { check("hostile_call_errors_are_mc_errors", isMcError(err), `${label}: error is an McError`, err); stats.errorAnswers++; }
    }
    return { out: res.v };
  };

  const tables = ["tasks", "agents", "memory_entries", "chat_messages", "companies", "nope"];
  while (stats.calls < count) {
    const r = rand();
    if (r < 0.6) {
      // A builder: from/rpc/schema with a hostile or real target, 1–4 hostile calls, awaited.
      const start = rand();
      const { out: b } = await settle("from/rpc", () => start < 0.6 ? fake.from(rand() < 0.7 ? pick(tables) : value())
        : start < 0.85 ? fake.rpc(value(), value(), value()) : fake.schema(value()).from(value()), false);
      if (!b) continue;
      const n = 1 + Math.floor(rand() * 4);
      for (let k = 0; k < n; k++) {
        const m = pick(builderMethods);
        await settle(`builder.${m}`, () => b[m](...args()), false);
      }
      if (rand() < 0.1) await settle("builder.throwOnError", () => b.throwOnError(), false);
      await settle("await builder", () => b.then((v) => v));
      if (rand() < 0.1) await settle("await builder again", () => b.then((v) => v));
      if (rand() < 0.05) {
        await settle("String(builder)", () => String(b), false);
        await settle("JSON.stringify(builder)", () => JSON.stringify(b), false);
      }
    } else if (r < 0.72) {
      const m = pick(authMethods);
      await settle(`auth.${m}`, () => fake.auth[m](...args()));
    } else if (r < 0.75) {
      const m = pick(mfaMethods);
      await settle(`auth.mfa.${m}`, () => fake.auth.mfa[m](...args()));
    } else if (r < 0.88) {
      const [g, n] = pick(workflowCalls);
      await settle(`${g}.${n}`, () => fake[g][n](...args()));
    } else if (r < 0.95) {
      await settle("validate", () => fake.validate(rand() < 0.5 ? pick(tables) : value(), rand() < 0.5 ? pick(["insert", "update", "row"]) : value(), value()));
    } else {
      await settle("createClient", () => create(value(), value(), value()));
    }
  }
  await stillWorks(check, "hostile_normal_query_works_at_the_end", real, company, "at the end");
  fake.auth.stopAutoRefresh();
  console.log(JSON.stringify(stats));
  // Each of these holds when no call of its kind broke the rule (a check run in the loop above).
  for (const id of ["hostile_calls_throw_only_mc_errors", "hostile_calls_settle_within_10_s", "hostile_calls_reject_only_with_mc_errors", "hostile_call_errors_are_mc_errors"]) check(id, true, id);
  check("hostile_makes_10000_calls", stats.calls >= 10000, "calls made", stats.calls);
  check("hostile_answers_over_1000_calls_with_mc_errors", stats.errorAnswers > 1000, "hostile calls answered with McErrors", stats.errorAnswers);
}

/**
 * Prepared requests are kept per spec, and never outlive the session they were prepared under:
 * the same query sends the anon key, then the user's token, then the anon key again. A kept
 * query still refuses a bad signal, and what the core refuses is refused every time.
 */
async function prepared_requests({ create, env }, check) {
  const rec = recorder((url, init) => fetch(url, init));
  const mc = create(env.url, env.anon, { global: { fetch: rec.fetch }, auth: { persistSession: false, autoRefreshToken: false } });
  const q = () => mc.from("companies").select("id").eq("name", "Prepared Co");
  const before = await q();
  check("prepared_query_as_anon_sees_no_company", before.error === null && before.data.length === 0, "anon sees no company", before);
  const email = `prepared-${Date.now()}-${Math.floor(Math.random() * 1e9)}@example.com`;
  const signed = await mc.auth.signUp({ email, password: "correct-horse-9" });
  need(signed.error === null, "sign up", signed.error);
  const token = signed.data.session.access_token;
  const made = await mc.from("companies").insert({ name: "Prepared Co", owner_user_id: signed.data.user.id }).select("id").single();
  need(made.error === null, "company", made.error);
  const mine = await q();
  check("prepared_query_signed_in_sees_the_company", mine.error === null && mine.data.length === 1 && mine.data[0].id === made.data.id, "the signed-in user sees the company", mine);
  const again = await q();
  check("prepared_query_again_sees_the_company", again.error === null && again.data.length === 1, "the same query again", again);
  const bad = await q().abortSignal({ aborted: false });
  check("prepared_query_still_refuses_a_non_signal", bad.error?.code === "validation_failed" && bad.error.violations[0].field === "abortSignal", "a kept query still refuses a non-signal", bad.error);
  const out = await mc.auth.signOut({ scope: "local" });
  check("prepared_sign_out_has_no_error", out.error === null, "sign out", out.error);
  const after = await q();
  check("prepared_query_after_sign_out_sees_no_company", after.error === null && after.data.length === 0, "after sign-out the company is out of sight again", after);
  for (let i = 0; i < 3; i++) {
    const refused = await mc.from("companies").select("nope");
    check("prepared_unknown_column_refused_every_time", refused.error?.code === "validation_failed", `an unknown column is refused every time (${i})`, refused.error);
  }
  const who = { [`Bearer ${env.anon}`]: "anon", [`Bearer ${token}`]: "user" };
  const sent = rec.sent.filter((r) => r.url.includes("/rest/v1/companies?select=id&name=eq.")).map((r) => who[r.headers.authorization] ?? "other");
  check("prepared_requests_carry_anon_user_user_anon", JSON.stringify(sent) === JSON.stringify(["anon", "user", "user", "anon"]), "anon key, the user's token twice, the anon key", sent);
  check("prepared_four_table_requests_are_sent", sent.length === 4, "four table requests: anon, user, user, anon", sent.length);
}

/**
 * Auth arguments of the wrong shape are refused before the network, naming the field and the
 * rule.
 */
async function auth_arguments({ create, env }, check) {
  const rec = recorder();
  const mc = create(env.url, env.anon, { global: { fetch: rec.fetch }, auth: { persistSession: false, autoRefreshToken: false } });
  const cases = [
    ["auth_sign_in_email_must_be_a_string", () => mc.auth.signInWithPassword({ email: 42, password: "x" }), "credentials.email", "must be a string"],
    ["auth_sign_up_should_create_user_must_be_a_boolean", () => mc.auth.signUp({ email: "a@b.co", password: "correct-horse-9", options: { data: 1, shouldCreateUser: "yes" } }), "credentials.options.shouldCreateUser", "must be true or false"],
    ["auth_sign_up_options_must_be_an_object", () => mc.auth.signUp({ email: "a@b.co", password: "correct-horse-9", options: "soon" }), "credentials.options", "must be an object"],
    ["auth_sign_in_with_otp_credentials_must_be_an_object", () => mc.auth.signInWithOtp("a@b.co"), "credentials", "must be an object"],
    ["auth_verify_otp_type_must_be_known", () => mc.auth.verifyOtp({ email: "a@b.co", token: "123456", type: "text" }), "params.type", "must be one of email, signup, magiclink, recovery, invite, email_change, sms, phone_change"],
    ["auth_verify_otp_an_email_code_has_an_email_type", () => mc.auth.verifyOtp({ email: "a@b.co", token: "123456", type: "sms" }), "type", "must be an email type (not sms or phone_change)"],
    ["auth_resend_type_must_be_known", () => mc.auth.resend({ type: "magiclink", email: "a@b.co" }), "credentials.type", "must be one of signup, email_change, sms, phone_change"],
    ["auth_exchange_code_must_be_a_string", () => mc.auth.exchangeCodeForSession({ code: "x" }), "authCode", "must be a string"],
    ["auth_verify_otp_type_is_required", () => mc.auth.verifyOtp({ email: "a@b.co", token: "123456" }), "params.type", "is required"],
    ["auth_set_session_access_token_must_be_a_string", () => mc.auth.setSession({ access_token: ["a"] }), "tokens.access_token", "must be a string"],
    ["auth_update_user_password_must_be_a_string", () => mc.auth.updateUser({ password: false }), "attributes.password", "must be a string"],
    ["auth_reset_password_email_must_be_a_string", () => mc.auth.resetPasswordForEmail({ email: "a@b.co" }), "email", "must be a string"],
  ];
  for (const [id, call, field, rule] of cases) {
    const { error } = await call();
    const v = error?.violations?.[0];
    check(id, error?.code === "validation_failed" && v?.table === "auth" && v.field === field && v.rule === rule, `${field}: ${rule}`, error);
  }
  const { error } = await mc.auth.signOut({ scope: "everyone" });
  check("auth_sign_out_scope_must_be_known", error?.code === "validation_failed" && error.violations[0].field === "options.scope" && error.violations[0].rule === "must be one of global, local, others", "signOut scope", error);
  check("auth_arguments_of_the_wrong_shape_send_nothing", rec.sent.length === 0, "nothing was sent", rec.sent.length);
}

const SCENARIOS = { builders, refused_before_the_network, faulty_fetch_and_signals, hostile, auth_arguments, prepared_requests };
/** The scenarios, each run once per page by tests/js/scenario.js. */
export function scenarios() {
  return SCENARIOS;
}
