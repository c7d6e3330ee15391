// Hostile-input and façade-semantics checks, run by tests/robust_browser.rs. Each export
// receives ({ create, env }) — create(url, key, options) is createClient — and throws on the
// first failed check.

function check(cond, what, got) {
  if (!cond) throw new Error(`check failed: ${what}${got === undefined ? "" : ` (got ${safeJson(got)})`}`);
}
function safeJson(v) {
  try { return JSON.stringify(v)?.slice(0, 300); } catch { return String(v); }
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
  check(signed.error === null, "sign up", signed.error);
  const user = signed.data.user.id;
  const made = await mc.from("companies").insert({ name: "Robust Co", owner_user_id: user }).select("id").single();
  check(made.error === null, "company", made.error);
  return { mc, company: made.data.id };
}

/** A normal query against the stack still answers with the user's company. */
async function stillWorks(mc, company, when) {
  const res = await mc.from("companies").select("id,name").eq("id", company);
  check(res.error === null && res.data.length === 1 && res.data[0].id === company, `a normal query works ${when}`, res.error ?? res.data);
}

export async function builders({ create, env }) {
  const rec = recorder();
  const mc = create(env.url, env.anon, { global: { fetch: rec.fetch }, auth: { persistSession: false } });
  // Kept, extended conditionally, awaited twice: one builder, the same request each time.
  const status = "PENDING";
  const q = mc.from("tasks").select("id");
  if (status) q.eq("status", status);
  const first = await q;
  const second = await q;
  check(first.error === null && second.error === null, "awaited twice", [first.error, second.error]);
  const urls = rec.sent.filter((r) => r.url.includes("/tasks")).map((r) => r.url);
  check(urls.length === 2 && urls[0] === urls[1] && urls[0].endsWith("/rest/v1/tasks?select=id&status=eq.PENDING"), "same request twice, with the conditional filter", urls);
  // A method returns the same builder (postgrest-js returns `this`).
  const b = mc.from("agents");
  check(b.select("*") === b && b.eq("tier", 2) === b, "methods return the builder");
  // Readable in the console and in JSON.
  const shown = String(mc.from("tasks").select("id").eq("status", "BLOCKED").limit(3));
  check(shown === `GET ${env.url}/rest/v1/tasks?select=id&status=eq.BLOCKED&limit=3`, "String(builder) is the request", shown);
  const described = JSON.parse(JSON.stringify(mc.from("tasks").insert({ title: "x" })));
  check(described.table === "tasks" && described.request.error.code === "validation_failed", "JSON of a builder names its table and problem", described);
  const { error } = await mc.from("tasks").eq("title", "a\u0000b");
  const json = JSON.parse(JSON.stringify(error));
  check(json.message === error.message && json.code === "validation_failed" && json.name === "McError" && json.violations[0].table === "tasks", "JSON.stringify(error) keeps message and code", json);
  // regexMatch / regexIMatch exist and write match / imatch.
  rec.sent.length = 0;
  await mc.from("tasks").regexMatch("title", "^A").regexIMatch("description", "x$");
  check(rec.sent[0].url.endsWith("title=match.%5EA&description=imatch.x%24"), "regexMatch / regexIMatch", rec.sent[0].url);
  return rec.sent.length;
}

export async function refusedBeforeTheNetwork({ create, env }) {
  const rec = recorder();
  const mc = create(env.url, env.anon, { global: { fetch: rec.fetch }, auth: { persistSession: false } });
  const refused = async (q, what, field) => {
    const before = rec.sent.length;
    const res = await q;
    check(res.error && res.error.code === "validation_failed", `${what}: validation_failed`, res.error);
    if (field !== undefined) check(res.error.violations.some((v) => v.field === field), `${what}: names ${field}`, res.error.violations);
    check(rec.sent.length === before, `${what}: nothing sent`, rec.sent.slice(before));
  };
  // Item 6: values and names the catalogue can check.
  await refused(mc.from("tasks").select().eq("title", "a\u0000b"), "NUL in a filter value", "title");
  await refused(mc.from("tasks").select("nope"), "unknown column in select", "nope");
  await refused(mc.from("tasks").select("id, who:nope::text"), "unknown aliased column in select", "nope");
  await refused(mc.from("tasks").select().order("nope"), "unknown column in order", "nope");
  await refused(mc.from("tasks").select().eq("nope", 1), "unknown column in a filter", "nope");
  await refused(mc.from("tasks").select().in("status", undefined), "in(col, undefined)", "status");
  await refused(mc.from("tasks").select().match(undefined), "match(undefined)", "match");
  await refused(mc.from("tasks").select().or("a\u0000"), "NUL in or", "or");
  // Items 1 and 2: deep nesting and undefined arguments are refused, and the module stays usable.
  await refused(mc.from("tasks").insert({ company_id: "x", title: "x", parameters: nested(3000) }), "3,000-level nesting in insert");
  let deepError = null;
  try { mc.validate("tasks", "insert", { parameters: nested(100000) }); } catch (e) { deepError = e; }
  check(deepError?.name === "McError" && deepError.code === "validation_failed", "validate with 100,000 levels throws an McError", deepError);
  for (let i = 0; i < 1500; i++) {
    const res = await mc.from("tasks").select().in("status", undefined).match(undefined);
    if (res.error?.code !== "validation_failed") check(false, `in/match(undefined) call ${i}`, res.error);
  }
  // Item 5: names never leave their path segment.
  await refused(mc.rpc(".."), "rpc('..')");
  rec.sent.length = 0;
  await mc.rpc("../companies", { name: "x" });
  check(rec.sent.length === 1 && rec.sent[0].url === `${env.url}/rest/v1/rpc/..%2Fcompanies`, "rpc name is one encoded segment", rec.sent[0]?.url);
  await mc.schema("x").from("t?id=eq.1&y").select();
  check(rec.sent[1].url === `${env.url}/rest/v1/t%3Fid%3Deq.1%26y?select=%2A` && rec.sent[1].headers["accept-profile"] === "x", "table name is one encoded segment", rec.sent[1]);
  await refused(mc.schema("a\nb").from("t").select(), "schema with a newline", "schema");
  // Item 9: a service_role key in a browser window.
  let thrown = null;
  try { create(env.url, env.service, {}); } catch (e) { thrown = e; }
  check(thrown instanceof Error && thrown.name === "McError" && thrown.code === "validation_failed" && thrown.violations[0].field === "key", "service_role key refused in a browser", thrown);
  thrown = null;
  try { create(env.url, "sb_secret_abc", {}); } catch (e) { thrown = e; }
  check(thrown && thrown.code === "validation_failed", "sb_secret_ key refused in a browser", thrown);
  const allowed = create(env.url, env.service, { dangerouslyAllowServiceRoleKey: true, global: { fetch: rec.fetch } });
  check(typeof allowed.from === "function", "the explicit option allows it");
  return rec.sent.length;
}

export async function faultyFetchAndSignals({ create, env }) {
  const uncaught = [];
  const onError = (e) => uncaught.push(e.message ?? String(e.reason));
  window.addEventListener("error", onError);
  window.addEventListener("unhandledrejection", onError);
  try {
    const rec = recorder();
    const mc = create(env.url, env.anon, { global: { fetch: rec.fetch }, auth: { persistSession: false } });
    // Item 4: null / undefined signals are no signal.
    for (const s of [null, undefined]) {
      const res = await mc.from("tasks").select().abortSignal(s);
      check(res.error === null && Array.isArray(res.data), `abortSignal(${s}) runs the query`, res.error);
    }
    const wrong = await mc.from("tasks").select().abortSignal({ aborted: false });
    check(wrong.error?.code === "validation_failed", "a non-signal is refused", wrong.error);
    const ctrl = new AbortController();
    ctrl.abort();
    const aborted = await mc.from("tasks").select().abortSignal(ctrl.signal);
    check(aborted.error?.code === "aborted", "an aborted signal aborts", aborted.error);
    // Custom fetches that misbehave settle with an McError.
    const answers = [
      () => undefined,
      () => null,
      () => 42,
      () => { throw new TypeError("boom"); },
      () => Promise.reject(new TypeError("offline")),
      () => ({ status: 200 }),
      () => ({ status: 200, text: () => 5 }),
      () => new Response("{not json", { status: 200 }),
    ];
    for (const [i, answer] of answers.entries()) {
      const bad = create(env.url, env.anon, { global: { fetch: answer }, retry: false, auth: { persistSession: false } });
      const res = await Promise.race([bad.from("tasks").select(), new Promise((r) => setTimeout(() => r("pending"), 5000))]);
      check(res !== "pending", `fetch answer ${i}: settles`);
      check(res.error instanceof Error && res.error.name === "McError" && ["network", "undecodable"].includes(res.error.code), `fetch answer ${i}: McError`, res.error);
    }
    await new Promise((r) => setTimeout(r, 50));
    check(uncaught.length === 0, "no uncaught errors", uncaught);
  } finally {
    window.removeEventListener("error", onError);
    window.removeEventListener("unhandledrejection", onError);
  }
  return true;
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
export async function hostile({ create, env }, count = 10000, seed = 20261201) {
  const { mc: real, company } = await signedInClient(create, env);
  await stillWorks(real, company, "before");
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
  check(McError.name === "McError", "McError class found");
  const proto = Object.getPrototypeOf(fake.from("tasks"));
  const builderMethods = Object.getOwnPropertyNames(proto).filter((n) => n !== "constructor" && typeof Object.getOwnPropertyDescriptor(proto, n).value === "function" && n !== "then" && n !== "catch" && n !== "finally");
  const authMethods = Object.getOwnPropertyNames(fake.auth).filter((n) => typeof fake.auth[n] === "function");
  const workflowCalls = ["tasks", "escalations", "chat", "agents", "messages", "memory", "onboarding", "cockpit"]
    .flatMap((g) => Object.keys(fake[g]).map((n) => [g, n]));
  check(workflowCalls.length >= 30, "workflows found", workflowCalls);
  check(builderMethods.length >= 45 && authMethods.length >= 14, "methods found", { builderMethods, authMethods });
  const stats = { calls: 0, returned: 0, threw: 0, resolved: 0, rejected: 0, errorAnswers: 0 };

  const isMcError = (e) => e instanceof McError && typeof e.code === "string" && typeof e.message === "string";
  let nextCheck = 500;
  const settle = async (label, f, awaitIt = true) => {
    stats.calls++;
    if (stats.calls >= nextCheck) { nextCheck += 500; await stillWorks(real, company, `after ${stats.calls} calls`); }
    let out;
    try { out = f(); } catch (e) {
      check(isMcError(e), `${label}: throws only McError`, { name: e?.name, message: e?.message });
      stats.threw++;
      return { out: undefined };
    }
    // Wrapped: an async function returning a thenable builder would run it.
    if (!awaitIt || !out || typeof out.then !== "function") { stats.returned++; return { out }; }
    const timeout = new Promise((r) => setTimeout(() => r({ timeout: true }), 10000));
    const res = await Promise.race([Promise.resolve(out).then((v) => ({ v }), (e) => ({ e })), timeout]);
    check(!res.timeout, `${label}: settles within 10 s`);
    if ("e" in res) {
      check(isMcError(res.e), `${label}: rejects only with McError`, { name: res.e?.name, message: res.e?.message });
      stats.rejected++;
    } else {
      stats.resolved++;
      const err = res.v && typeof res.v === "object" ? res.v.error : null;
      if (err) { check(isMcError(err), `${label}: error is an McError`, err); stats.errorAnswers++; }
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
    } else if (r < 0.75) {
      const m = pick(authMethods);
      await settle(`auth.${m}`, () => fake.auth[m](...args()));
    } else if (r < 0.88) {
      const [g, n] = pick(workflowCalls);
      await settle(`${g}.${n}`, () => fake[g][n](...args()));
    } else if (r < 0.95) {
      await settle("validate", () => fake.validate(rand() < 0.5 ? pick(tables) : value(), rand() < 0.5 ? pick(["insert", "update", "row"]) : value(), value()));
    } else {
      await settle("createClient", () => create(value(), value(), value()));
    }
  }
  await stillWorks(real, company, "at the end");
  fake.auth.stopAutoRefresh();
  return stats;
}

/**
 * Prepared requests are kept per spec, and never outlive the session they were prepared under:
 * the same query sends the anon key, then the user's token, then the anon key again. A kept
 * query still refuses a bad signal, and what the core refuses is refused every time.
 * Resolves the Authorization headers the table requests carried.
 */
export async function preparedRequests({ create, env }) {
  const rec = recorder((url, init) => fetch(url, init));
  const mc = create(env.url, env.anon, { global: { fetch: rec.fetch }, auth: { persistSession: false, autoRefreshToken: false } });
  const q = () => mc.from("companies").select("id").eq("name", "Prepared Co");
  const before = await q();
  check(before.error === null && before.data.length === 0, "anon sees no company", before);
  const email = `prepared-${Date.now()}-${Math.floor(Math.random() * 1e9)}@example.com`;
  const signed = await mc.auth.signUp({ email, password: "correct-horse-9" });
  check(signed.error === null, "sign up", signed.error);
  const token = signed.data.session.access_token;
  const made = await mc.from("companies").insert({ name: "Prepared Co", owner_user_id: signed.data.user.id }).select("id").single();
  check(made.error === null, "company", made.error);
  const mine = await q();
  check(mine.error === null && mine.data.length === 1 && mine.data[0].id === made.data.id, "the signed-in user sees the company", mine);
  const again = await q();
  check(again.error === null && again.data.length === 1, "the same query again", again);
  const bad = await q().abortSignal({ aborted: false });
  check(bad.error?.code === "validation_failed" && bad.error.violations[0].field === "abortSignal", "a kept query still refuses a non-signal", bad.error);
  const out = await mc.auth.signOut({ scope: "local" });
  check(out.error === null, "sign out", out.error);
  const after = await q();
  check(after.error === null && after.data.length === 0, "after sign-out the company is out of sight again", after);
  for (let i = 0; i < 3; i++) {
    const refused = await mc.from("companies").select("nope");
    check(refused.error?.code === "validation_failed", `an unknown column is refused every time (${i})`, refused.error);
  }
  const who = { [`Bearer ${env.anon}`]: "anon", [`Bearer ${token}`]: "user" };
  const sent = rec.sent.filter((r) => r.url.includes("/rest/v1/companies?select=id&name=eq.")).map((r) => who[r.headers.authorization] ?? "other");
  check(JSON.stringify(sent) === JSON.stringify(["anon", "user", "user", "anon"]), "anon key, the user's token twice, the anon key", sent);
  return sent;
}

/**
 * Auth arguments of the wrong shape are refused before the network, naming the field and the
 * rule. Resolves the number of requests sent (none).
 */
export async function authArguments({ create, env }) {
  const rec = recorder();
  const mc = create(env.url, env.anon, { global: { fetch: rec.fetch }, auth: { persistSession: false, autoRefreshToken: false } });
  const cases = [
    [() => mc.auth.signInWithPassword({ email: 42, password: "x" }), "credentials.email", "must be a string"],
    [() => mc.auth.signUp({ email: "a@b.co", password: "correct-horse-9", options: { data: 1, shouldCreateUser: "yes" } }), "credentials.options.shouldCreateUser", "must be true or false"],
    [() => mc.auth.signUp({ email: "a@b.co", password: "correct-horse-9", options: "soon" }), "credentials.options", "must be an object"],
    [() => mc.auth.signInWithOtp("a@b.co"), "credentials", "must be an object"],
    [() => mc.auth.verifyOtp({ email: "a@b.co", token: "123456", type: "sms" }), "params.type", "must be one of email, signup, magiclink, recovery, invite, email_change"],
    [() => mc.auth.verifyOtp({ email: "a@b.co", token: "123456" }), "params.type", "is required"],
    [() => mc.auth.setSession({ access_token: ["a"] }), "tokens.access_token", "must be a string"],
    [() => mc.auth.updateUser({ password: false }), "attributes.password", "must be a string"],
    [() => mc.auth.resetPasswordForEmail({ email: "a@b.co" }), "email", "must be a string"],
  ];
  for (const [call, field, rule] of cases) {
    const { error } = await call();
    const v = error?.violations?.[0];
    check(error?.code === "validation_failed" && v?.table === "auth" && v.field === field && v.rule === rule, `${field}: ${rule}`, error);
  }
  const { error } = await mc.auth.signOut({ scope: "everyone" });
  check(error?.code === "validation_failed" && error.violations[0].field === "options.scope" && error.violations[0].rule === "must be one of global, local, others", "signOut scope", error);
  return rec.sent.length;
}
