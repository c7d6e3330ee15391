// Browser checks of the REST client against the local stack, run by tests/rest_browser.rs.
// Each export receives a context { mc, anon, service, make, env, company, ceo, cto } and throws
// on the first failed check.

function check(cond, what, got) {
  if (!cond) throw new Error(`check failed: ${what}${got === undefined ? "" : ` (got ${JSON.stringify(got)})`}`);
}
function ok(res, what) {
  check(res && res.error === null, `${what}: no error`, res && res.error && { code: res.error.code, message: res.error.message });
  return res.data;
}
function fails(res, code, what) {
  check(res.error !== null, `${what}: an error`, res.data);
  check(res.error instanceof Error, `${what}: error is an Error`);
  check(res.error.code === code, `${what}: code ${code}`, { code: res.error.code, message: res.error.message, server: res.error.serverCode });
  check(res.success === false && res.data === null, `${what}: success false, data null`);
  return res.error;
}

export async function selects({ mc, company, ceo, cto }) {
  const agents = ok(await mc.from("agents").select("id, name, tier").eq("company_id", company).order("tier"), "select list");
  check(agents.length === 3 && agents[0].id === ceo && Object.keys(agents[0]).join() === "id,name,tier", "columns and order", agents);
  const aliased = ok(await mc.from("agents").select("who:name, level:tier::text").eq("id", cto).single(), "alias and cast");
  check(aliased.who === "CTO Bot" && aliased.level === "2", "alias and cast values", aliased);
  const embedded = ok(await mc.from("departments").select("type, chief:agents!fk_departments_chief(name), staff:agents!agents_department_id_fkey(name)").eq("company_id", company).single(), "embed with FK hints");
  check(embedded.chief.name === "CTO Bot" && embedded.staff.length === 1, "embedded rows", embedded);
  const inner = ok(await mc.from("agents").select("name, departments!agents_department_id_fkey!inner(type)").eq("departments.type", "TECHNOLOGY"), "!inner");
  check(inner.length === 1 && inner[0].name === "CTO Bot", "!inner filters parents", inner);
  const counted = await mc.from("agents").select("*", { count: "exact", head: true }).eq("company_id", company);
  check(counted.error === null && counted.count === 3 && counted.data === null && counted.status === 200, "count exact + head", counted);
  const paged = await mc.from("agents").select("tier", { count: "exact" }).eq("company_id", company).order("tier").range(1, 2);
  check(paged.count === 3 && paged.data.length === 2 && paged.data[0].tier === 2 && paged.status === 206, "range with count", paged);
  const planned = await mc.from("agents").select("id", { count: "planned" }).eq("company_id", company);
  check(planned.error === null && typeof planned.count === "number", "count planned", planned.count);
  const est = await mc.from("agents").select("id", { count: "estimated" }).eq("company_id", company).limit(1);
  check(est.error === null && typeof est.count === "number" && est.data.length === 1, "count estimated + limit", est.count);
  const none = ok(await mc.from("agents").select().eq("name", "nobody").maybeSingle(), "maybeSingle none");
  check(none === null, "maybeSingle → null");
  fails(await mc.from("agents").select().eq("company_id", company).maybeSingle(), "single_row_mismatch", "maybeSingle many");
  const e = fails(await mc.from("agents").select().eq("company_id", company).single(), "single_row_mismatch", "single many");
  check(e.status === 406 && e.serverCode === "PGRST116", "single: 406 PGRST116", e.status);
  const csv = ok(await mc.from("agents").select("name,tier").eq("company_id", company).order("tier").csv(), "csv");
  check(typeof csv === "string" && csv.split("\n")[0] === "name,tier" && csv.includes("CEO Bot,1"), "csv text", csv);
  const nested = ok(await mc.from("companies").select("name, agents!agents_company_id_fkey(name)").eq("id", company).order("name", { referencedTable: "agents", ascending: false }).limit(1, { referencedTable: "agents" }).single(), "referenced order/limit");
  check(nested.agents.length === 1 && nested.agents[0].name === "Worker Bot", "referenced order + limit", nested);
}

export async function filters({ mc, company }) {
  const titles = async (q) => ok(await q, "filter").map((t) => t.title).sort().join("|");
  const t = () => mc.from("tasks").select("title").eq("company_id", company);
  check(await titles(t().eq("priority", "HIGH")) === "Alpha launch", "eq");
  check(await titles(t().neq("priority", "HIGH")) === "Beta, (draft)|Gamma \"quoted\"", "neq");
  check(await titles(t().gt("created_at", "2000-01-01T00:00:00Z")) === "Alpha launch|Beta, (draft)|Gamma \"quoted\"", "gt");
  check(await titles(t().gte("priority", "NORMAL")) === "Beta, (draft)|Gamma \"quoted\"", "gte on an enum (declared order)");
  check(await titles(t().lt("priority", "NORMAL")) === "Alpha launch", "lt");
  check(await titles(t().lte("priority", "HIGH")) === "Alpha launch", "lte");
  check(await titles(t().like("title", "%launch")) === "Alpha launch", "like");
  check(await titles(t().ilike("title", "ALPHA%")) === "Alpha launch", "ilike");
  check(await titles(t().regexMatch("title", "^Al.*ch$")) === "Alpha launch", "regexMatch");
  check(await titles(t().regexIMatch("title", "^(al|be)")) === "Alpha launch|Beta, (draft)", "regexIMatch");
  check(await titles(t().likeAllOf("title", ["%a%", "%launch%"])) === "Alpha launch", "likeAllOf");
  check(await titles(t().likeAnyOf("title", ["Beta%", "Gamma%"])) === "Beta, (draft)|Gamma \"quoted\"", "likeAnyOf");
  check(await titles(t().ilikeAllOf("title", ["%ALPHA%", "%LAUNCH"])) === "Alpha launch", "ilikeAllOf");
  check(await titles(t().ilikeAnyOf("title", ["beta%", "%QUOTED%"])) === "Beta, (draft)|Gamma \"quoted\"", "ilikeAnyOf");
  check(await titles(t().is("description", null)) === "Beta, (draft)|Gamma \"quoted\"", "is null");
  check(await titles(t().isDistinct("priority", "HIGH")) === "Beta, (draft)|Gamma \"quoted\"", "isDistinct");
  check(await titles(t().in("title", ["Beta, (draft)", "Gamma \"quoted\""])) === "Beta, (draft)|Gamma \"quoted\"", "in with quoting");
  check(await titles(t().notIn("status", ["PENDING"])) === "Alpha launch", "notIn");
  check(await titles(t().match({ status: "PENDING", priority: "LOW" })) === "Gamma \"quoted\"", "match");
  check(await titles(t().not("status", "eq", "PENDING")) === "Alpha launch", "not");
  check(await titles(t().or('title.eq."Beta, (draft)",priority.eq.HIGH')) === "Alpha launch|Beta, (draft)", "or");
  check(await titles(t().filter("title", "ilike", "*gamma*")) === "Gamma \"quoted\"", "filter");
  check(await titles(t().textSearch("title", "launch")) === "Alpha launch", "textSearch");
  check(await titles(t().textSearch("title", "alpha launch", { type: "plain", config: "english" })) === "Alpha launch", "textSearch plain+config");
  check(await titles(t().textSearch("title", "\"alpha launch\"", { type: "websearch" })) === "Alpha launch", "textSearch websearch");
  check(await titles(t().textSearch("title", "alpha launch", { type: "phrase" })) === "Alpha launch", "textSearch phrase");
  const m = () => mc.from("memory_entries").select("summary").eq("company_id", company);
  const sums = async (q) => ok(await q, "array filter").map((r) => r.summary).sort().join("|");
  check(await sums(m().contains("tags", ["a,b"])) === "first", "contains with a comma element");
  check(await sums(m().containedBy("tags", ["a,b", "c", "NULL", "x y"])) === "first|second", "containedBy");
  check(await sums(m().overlaps("tags", ["x y"])) === "second", "overlaps");
  check(await sums(m().contains("details", { level: 2 })) === "second", "contains on jsonb");
  const orRef = ok(await mc.from("companies").select("name, agents!agents_company_id_fkey(name)").eq("id", company).or("tier.eq.1,tier.eq.5", { referencedTable: "agents" }).single(), "or on a referenced table");
  check(orRef.agents.map((a) => a.name).sort().join() === "CEO Bot,Worker Bot", "or on a referenced table", orRef);
}

export async function ranges({ anon }) {
  const s = () => anon.schema("mc_test").from("slots").select("id").order("id");
  const ids = async (q) => ok(await q, "range filter").map((r) => r.id).join();
  check(await ids(s().rangeGt("during", "[1,5)")) === "2,3", "rangeGt (sr)");
  check(await ids(s().rangeGte("during", "[5,6)")) === "2,3", "rangeGte (nxl)");
  check(await ids(s().rangeLt("during", "[10,12)")) === "1,2", "rangeLt (sl)");
  check(await ids(s().rangeLte("during", "[1,10)")) === "1,2", "rangeLte (nxr)");
  check(await ids(s().rangeAdjacent("during", "[10,20)")) === "2,3", "rangeAdjacent");
}

export async function mutations({ mc, make, env, company, ceo }) {
  const one = ok(await mc.from("messages").insert({ company_id: company, from_agent_id: ceo, to_agent_id: ceo, subject: "s", body: "b", type: "REPORT" }).select("priority, read_at").single(), "insert one");
  check(one.priority === "ASYNC" && one.read_at === null, "defaults on insert", one);
  const many = ok(await mc.from("memory_entries").insert([{ company_id: company, type: "AUDIT", summary: "m1", tags: ["t"] }, { company_id: company, type: "AUDIT", summary: "m2" }], { defaultToNull: false }).select("summary, tags"), "insert many, missing=default");
  check(many.length === 2 && Array.isArray(many[1].tags) && many[1].tags.length === 0, "missing key takes the default", many);
  const nulls = ok(await mc.from("memory_entries").insert([{ company_id: company, type: "AUDIT", summary: "m3", tags: ["t"] }, { company_id: company, type: "AUDIT", summary: "m4" }]).select("summary, tags"), "insert many, defaultToNull");
  check(nulls[1].tags === null, "missing key becomes null by default", nulls);
  const bare = await mc.from("memory_entries").insert({ company_id: company, type: "AUDIT", summary: "m5" });
  check(bare.error === null && bare.data === null && bare.status === 201, "insert without select: no data", bare);
  // Counting mutations: the local server answers Content-Range */* (PostgREST gives */1), so
  // the request is checked here and the count only where the server reports one.
  const sent = [];
  const rec = make({ global: { fetch: (url, init) => { sent.push(init.headers.get("Prefer")); return fetch(url, init); } } });
  await rec.auth.signInWithPassword({ email: env.email, password: "correct-horse-9" });
  const counted = await rec.from("memory_entries").insert([{ company_id: company, type: "AUDIT", summary: "m6" }], { count: "exact" });
  check(counted.error === null && sent.at(-1).split(",").includes("count=exact"), "insert with count sends count=exact", sent.at(-1));
  check(counted.count === null || counted.count === 1, "insert count, where reported", counted.count);

  const up = ok(await mc.from("sectors").upsert({ company_id: company, type: "FINANCE", health: "RED" }, { onConflict: "company_id,type" }).select("type, health"), "upsert merge");
  check(up.length === 1 && up[0].health === "RED", "upsert updated the existing row", up);
  const ign = ok(await mc.from("sectors").upsert([{ company_id: company, type: "FINANCE", health: "GREEN" }, { company_id: company, type: "METRICS" }], { onConflict: "company_id,type", ignoreDuplicates: true, defaultToNull: false }).select("type, health"), "upsert ignoreDuplicates");
  check(ign.length === 1 && ign[0].type === "METRICS", "ignoreDuplicates skipped the duplicate", ign);
  const fin = ok(await mc.from("sectors").select("health").eq("company_id", company).eq("type", "FINANCE").single(), "after upserts");
  check(fin.health === "RED", "the ignored duplicate did not change the row", fin);

  // (The local server cannot compare an enum in an UPDATE's WHERE — "task_priority = text" —
  // so these updates filter on text columns.)
  const upd = ok(await mc.from("tasks").update({ status: "IN_PROGRESS", started_at: "2026-01-01T00:00:00Z" }).eq("company_id", company).eq("title", "Alpha launch").select("status, started_at"), "update + select");
  check(upd.length === 1 && upd[0].status === "IN_PROGRESS" && upd[0].started_at.startsWith("2026-01-01T00:00:00"), "updated row returned", upd);
  const cleared = ok(await mc.from("tasks").update({ description: null }, { count: "exact" }).eq("company_id", company).eq("title", "Alpha launch").select("description").single(), "update to null");
  check(cleared.description === null, "column cleared", cleared);
  const del = await rec.from("messages").delete({ count: "exact" }).eq("company_id", company);
  check(del.error === null && sent.at(-1).split(",").includes("count=exact") && (del.count === null || del.count === 1), "delete with count", del);
  const gone = ok(await mc.from("messages").select("id").eq("company_id", company), "after delete");
  check(gone.length === 0, "deleted", gone);
}

export async function rpcs({ anon, mc }) {
  const t = anon.schema("mc_test");
  const post = ok(await t.rpc("echo", { a: 1, b: "x, (y)", tags: ["p", "q,r"] }), "rpc POST");
  check(post.a === 1 && post.b === "x, (y)" && post.tags.join("|") === "p|q,r", "rpc POST arguments", post);
  const get = ok(await t.rpc("echo", { a: 2, b: "a+b c", tags: ["p", "q,r"] }, { get: true }), "rpc GET");
  check(get.a === 2 && get.b === "a+b c" && get.tags.join("|") === "p|q,r", "rpc GET arguments", get);
  // (Filters on a scalar set-returning function are PostgREST's; the local server ignores them.)
  const rows = await t.rpc("series", { n: 5 }, { count: "exact" });
  check(rows.error === null && rows.data.join() === "1,2,3,4,5", "rpc set-returning", rows.data);
  const head = await t.rpc("series", { n: 7 }, { head: true, count: "exact" });
  check(head.error === null && head.count === 7 && head.data === null, "rpc HEAD count", head);
  const me = ok(await mc.schema("mc_test").rpc("whoami"), "rpc sees the signed-in user");
  check(typeof me === "string" && me.length === 36, "auth.uid() inside rpc", me);
  fails(await mc.rpc("no_such_function", {}), "unknown_name", "rpc unknown function");
}

export async function errors({ mc, anon, service, make, env, company, ceo }) {
  fails(await mc.from("sectors").insert({ company_id: company, type: "COMMAND" }), "unique_violation", "duplicate sector");
  // A bulk insert whose rows differ in keys sends NULL for the gaps (defaultToNull): caught here.
  const gap = fails(await mc.from("sectors").insert([{ company_id: company, type: "OPERATIONS", health: "RED" }, { company_id: company, type: "METRICS" }]), "validation_failed", "bulk insert gap in a NOT NULL column");
  check(gap.violations.length === 1 && gap.violations[0].field === "health" && /defaultToNull/.test(gap.violations[0].rule), "the gap is named", gap.violations);
  fails(await mc.from("tasks").insert({ company_id: company, assignee_id: "00000000-0000-4000-8000-0000000000ff", assigned_by: ceo, title: "x" }), "foreign_key_violation", "unknown assignee");
  const chk = anon.schema("mc_test");
  fails(await chk.from("checked").insert({ id: 1, n: -1, label: "x" }), "check_violation", "check constraint");
  fails(await chk.from("checked").insert({ id: 2, n: 1 }), "not_null_violation", "not null");
  fails(await chk.from("checked").insert({ id: "three", n: 1, label: "x" }), "invalid_value", "invalid integer");
  const rls = fails(await mc.from("companies").insert({ name: "Theft", owner_user_id: env.demoUser }), "permission_denied", "RLS WITH CHECK");
  check(rls.status === 401 || rls.status === 403, "RLS status", rls.status);
  const caught = fails(await mc.from("agents").select("nope"), "validation_failed", "unknown column in select, caught before sending");
  check(caught.violations[0].field === "nope" && caught.violations[0].rule === "unknown column", "names the column", caught.violations);
  fails(await mc.schema("mc_test").from("slots").select("nope"), "unknown_name", "unknown column the server reports");
  fails(await mc.from("agents").select("*, nope(*)"), "unknown_name", "unknown embedded relation");
  // The trigger, reached through a cascade: a company with memory entries cannot be deleted.
  const imm = fails(await mc.from("companies").delete().eq("id", company), "immutable_record", "cascade into memory_entries");
  check(imm.serverCode === "P0001" && /immutable/.test(imm.message), "immutable_record keeps the trigger's message", imm.message);
  // No update or delete is even sent for the append-only tables.
  fails(await service.from("memory_entries").update({ summary: "x" }).eq("company_id", company), "immutable_record", "update memory_entries");
  fails(await service.from("chat_messages").delete().eq("company_id", company), "immutable_record", "delete chat_messages");
  // JWTs: a forged one and an expired one.
  const withToken = (token) => make({ global: { fetch: (url, init) => { init.headers.set("Authorization", `Bearer ${token}`); return fetch(url, init); } } });
  fails(await withToken("not.a.jwt").from("companies").select(), "jwt_invalid", "forged JWT");
  const expired = await signJwt(env.secret, { sub: env.demoUser, role: "authenticated", aud: "authenticated", exp: Math.floor(Date.now() / 1000) - 60 });
  fails(await withToken(expired).from("companies").select(), "jwt_expired", "expired JWT");
  fails(await make({ key: "wrong-key" }).from("companies").select(), "invalid_api_key", "wrong API key");
  // Network, timeout, abort, undecodable.
  fails(await make({ url: "http://127.0.0.1:9", retry: false }).from("companies").select(), "network", "connection refused");
  const hang = make({ global: { fetch: (url, init) => new Promise((_, reject) => init.signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")))) } });
  const to = fails(await hang.from("companies").select().timeout(50), "timeout", "timeout");
  check(to.retryable === true, "a timeout is retryable", to.retryable);
  const ctrl = new AbortController();
  const pending = hang.from("companies").select().abortSignal(ctrl.signal);
  setTimeout(() => ctrl.abort(), 20);
  fails(await pending, "aborted", "abort");
  const html = make({ global: { fetch: async () => new Response("<html>oops</html>", { status: 200, headers: { "content-type": "text/html" } }) } });
  fails(await html.from("companies").select(), "undecodable", "malformed body");
  // throwOnError rejects with the same McError.
  let thrown = null;
  try { await mc.from("sectors").insert({ company_id: company, type: "COMMAND" }).throwOnError(); } catch (e) { thrown = e; }
  check(thrown instanceof Error && thrown.code === "unique_violation" && typeof thrown.stack === "string", "throwOnError rejects with an McError", thrown);
}

export async function retries({ make }) {
  const calls = [];
  const flaky = (statuses) => async (url, init) => {
    calls.push(init.method);
    const s = statuses.shift();
    if (s === "net") throw new TypeError("Failed to fetch");
    if (s) return new Response(JSON.stringify({ message: "busy" }), { status: s, headers: { "retry-after": "0" } });
    return fetch(url, init);
  };
  let c = make({ global: { fetch: flaky([503, "net", 520]) }, retry: { attempts: 3, baseDelayMs: 5 } });
  const res = await c.from("companies").select("id");
  check(res.error === null && calls.length === 4, "GET retried after 503, network error and 520", { calls: calls.length, error: res.error && res.error.code });
  calls.length = 0;
  c = make({ global: { fetch: flaky([503, 503, 503, 503]) }, retry: { attempts: 2, baseDelayMs: 5 } });
  const gave = await c.from("companies").select("id");
  check(gave.error && gave.error.status === 503 && calls.length === 3, "gives up after the configured attempts", { calls: calls.length });
  calls.length = 0;
  c = make({ global: { fetch: flaky([503]) }, retry: { attempts: 3, baseDelayMs: 5 } });
  const post = await c.from("companies").insert({ name: "x", owner_user_id: "00000000-0000-4000-8000-000000000001" });
  check(post.error && post.error.status === 503 && calls.length === 1, "a mutation is never retried", { calls: calls.length });
  calls.length = 0;
  c = make({ global: { fetch: flaky([500]) }, retry: { attempts: 3, baseDelayMs: 5 } });
  await c.from("companies").select("id");
  check(calls.length === 1, "a 500 is not retried", calls.length);
  calls.length = 0;
  c = make({ global: { fetch: flaky([503]) }, retry: false });
  await c.from("companies").select("id");
  check(calls.length === 1, "retry: false", calls.length);
  // An abort during the wait before a retry ends the query at once, without another request.
  calls.length = 0;
  const slow = async (url, init) => {
    calls.push(init.method);
    return new Response("{}", { status: 503, headers: { "retry-after": "30" } });
  };
  c = make({ global: { fetch: slow }, retry: { attempts: 3, baseDelayMs: 5 } });
  const ctrl = new AbortController();
  const started = Date.now();
  setTimeout(() => ctrl.abort(), 50);
  const stopped = await c.from("companies").select("id").abortSignal(ctrl.signal);
  const took = Date.now() - started;
  check(stopped.error?.code === "aborted" && calls.length === 1 && took < 5000, "an abort ends the wait for Retry-After", { code: stopped.error?.code, calls: calls.length, took });
}

async function signJwt(secret, claims) {
  const b64 = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  const enc = (obj) => b64(new TextEncoder().encode(JSON.stringify(obj)));
  const input = `${enc({ alg: "HS256", typ: "JWT" })}.${enc(claims)}`;
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return `${input}.${b64(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(input)))}`;
}

/** A fresh user with a company: CEO, CTO (chief of TECHNOLOGY), a worker, sectors, tasks, memory. */
export async function setup(make, env) {
  const mc = make({});
  const email = `rest-${Date.now()}-${Math.floor(Math.random() * 1e9)}@example.com`;
  const signed = await mc.auth.signUp({ email, password: "correct-horse-9" });
  const user = ok(signed, "sign up").user.id;
  const company = ok(await mc.from("companies").insert({ name: "REST Co", owner_user_id: user }).select("id").single(), "company").id;
  const ceo = ok(await mc.from("agents").insert({ company_id: company, name: "CEO Bot", role: "CEO", tier: 1, human: true }).select("id").single(), "ceo").id;
  const dept = ok(await mc.from("departments").insert({ company_id: company, type: "TECHNOLOGY" }).select("id").single(), "dept").id;
  const cto = ok(await mc.from("agents").insert({ company_id: company, name: "CTO Bot", role: "CTO", tier: 2, reports_to: ceo, department_id: dept }).select("id").single(), "cto").id;
  ok(await mc.from("agents").insert({ company_id: company, name: "Worker Bot", role: "Engineer", tier: 5, reports_to: cto }), "worker");
  ok(await mc.from("departments").update({ chief_id: cto }).eq("id", dept), "chief");
  ok(await mc.from("sectors").insert([{ company_id: company, type: "COMMAND" }, { company_id: company, type: "FINANCE" }]), "sectors");
  ok(await mc.from("tasks").insert([
    { company_id: company, assignee_id: cto, assigned_by: ceo, title: "Alpha launch", description: "d", priority: "HIGH", status: "IN_PROGRESS" },
    { company_id: company, assignee_id: cto, assigned_by: ceo, title: "Beta, (draft)", priority: "NORMAL" },
    { company_id: company, assignee_id: cto, assigned_by: ceo, title: "Gamma \"quoted\"", priority: "LOW" },
  ], { defaultToNull: false }), "tasks");
  ok(await mc.from("memory_entries").insert([
    { company_id: company, type: "KNOWLEDGE", summary: "first", tags: ["a,b", "c"] },
    { company_id: company, type: "KNOWLEDGE", summary: "second", tags: ["NULL", "x y"], details: { level: 2 } },
  ]), "memory");
  return { mc, anon: make({}), service: make({ key: env.service, dangerouslyAllowServiceRoleKey: true }), make, env: { ...env, email }, company, ceo, cto, user };
}

/**
 * Property test of the filter encoding: for generated strings full of PostgREST's special
 * characters, a task titled with the string and a memory entry tagged with it are found —
 * exactly, and without an error — by eq, in, or and cs.
 */
export async function encoding({ mc, company, ceo, cto }, quoteValue, seed = 20261125, count = 80) {
  let state = seed >>> 0;
  const rand = () => { state = (state + 0x6d2b79f5) >>> 0; let t = state; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  const alphabet = ["a", "Z", "0", " ", "\"", "\\", ",", "(", ")", ".", ":", "*", "+", "%", "é", "日", "🚀", "'", "{", "}", "-", "&", "=", "?", "#", "/", ";", "|", "[", "]", "\t"];
  const fixed = ["NULL", "null", " lead", "trail ", "a,b", "(x)", "\"q\"", "back\\slash", "100%", "1+1", "*", "a.b.c", "k:v", "eq.x", "in.(a,b)", "%2B", "a%20b", "{x,y}", "", "   "];
  const strings = new Set(fixed);
  while (strings.size < count) {
    let s = "";
    const n = 1 + Math.floor(rand() * 12);
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
    strings.add(s);
  }
  const all = [...strings];
  const titled = all.filter((s) => s.trim() !== ""); // titles must not be blank
  const tasks = ok(await mc.from("tasks").insert(titled.map((title) => ({ company_id: company, assignee_id: cto, assigned_by: ceo, title })), { defaultToNull: false }).select("id, title"), "insert generated tasks");
  const taskId = new Map(tasks.map((t) => [t.title, t.id]));
  check(taskId.size === titled.length, "every title stored distinctly", taskId.size);
  const entries = ok(await mc.from("memory_entries").insert(all.map((s, i) => ({ company_id: company, type: "KNOWLEDGE", summary: `entry ${i}`, tags: [s] }))).select("id, tags"), "insert generated entries");
  check(entries.every((e, i) => e.tags.length === 1 && e.tags[0] === all[i]), "every tag stored as sent");
  const one = (res, id, what) => {
    const rows = ok(res, what);
    check(rows.length === 1 && rows[0].id === id, what, rows.map((r) => r.id));
  };
  const t = () => mc.from("tasks").select("id").eq("company_id", company);
  for (const s of titled) {
    const id = taskId.get(s);
    const label = JSON.stringify(s);
    one(await t().eq("title", s), id, `eq ${label}`);
    one(await t().in("title", [s, "~never~"]), id, `in ${label}`);
    one(await t().or(`title.eq.${quoteValue(s)},title.eq.${quoteValue("~never~")}`), id, `or ${label}`);
  }
  const m = () => mc.from("memory_entries").select("id").eq("company_id", company).neq("summary", "first").neq("summary", "second");
  for (const [i, s] of all.entries()) {
    one(await m().contains("tags", [s]), entries[i].id, `cs ${JSON.stringify(s)}`);
  }
  return all.length;
}
