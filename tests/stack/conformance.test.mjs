// The local stack against the facts of docs/contract/protocol-notes.md ("GoTrue v2.196.0 as
// observed", and PostgREST's status codes): one test per fact, over HTTP, as the SDK sees it.
// Also Supabase's limits (rate limits, statement timeouts, anonymous sign-ins off), CORS, the
// stack's file modes, and the login's one password check. Run by scripts/test.sh.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";

const env = process.env;
const MAIN = env.MC_URL, SHORT = env.MC_SHORT_URL, STRICT = env.MC_STRICT_URL;
const ANON = env.MC_ANON_KEY;
const ROOT = new URL("../..", import.meta.url).pathname;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const unique = (tag) => `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e9)}@example.com`;
const PASSWORD = "correct-horse-9";

async function call(base, path, { method = "POST", body, token, headers = {} } = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { apikey: ANON, "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = text; }
  return { status: res.status, json, headers: res.headers };
}
const signUp = (base, email = unique("conf"), extra = {}) => call(base, "/auth/v1/signup", { body: { email, password: PASSWORD, ...extra } });
const refresh = (base, token) => call(base, "/auth/v1/token?grant_type=refresh_token", { body: { refresh_token: token } });
const claims = (jwt) => JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString());
function psql(sql) {
  return execFileSync("bash", [`${ROOT}/stack/stack.sh`, "psql", "-At", "-c", sql], { encoding: "utf8" });
}

test("refresh tokens are 12 characters [a-z0-9]", async () => {
  const { status, json } = await signUp(MAIN);
  assert.equal(status, 200);
  assert.match(json.refresh_token, /^[a-z0-9]{12}$/);
  const next = await refresh(MAIN, json.refresh_token);
  assert.match(next.json.refresh_token, /^[a-z0-9]{12}$/);
});

test("a malformed refresh token is 400 validation_failed", async () => {
  const { status, json } = await refresh(MAIN, "not-a-token!");
  assert.deepEqual([status, json.code, json.message], [400, "validation_failed", "Refresh token is not valid"]);
});

test("an unknown well-formed refresh token is refresh_token_not_found", async () => {
  const { status, json } = await refresh(MAIN, "abcdefghijkl");
  assert.deepEqual([status, json.code], [400, "refresh_token_not_found"]);
});

test("the parent of the active refresh token, after the reuse interval, is answered with the active token", async () => {
  const s0 = (await signUp(SHORT)).json;
  const s1 = (await refresh(SHORT, s0.refresh_token)).json;
  await sleep(2500); // the short gateway's reuse interval is 2 s
  const again = await refresh(SHORT, s0.refresh_token);
  assert.equal(again.status, 200);
  assert.equal(again.json.refresh_token, s1.refresh_token, "the currently active token, not a new one");
  assert.equal((await refresh(SHORT, s1.refresh_token)).status, 200, "the session goes on");
});

test("an older ancestor is refresh_token_already_used; the session and its access token survive, the newest refresh token works one more interval", async () => {
  const s0 = (await signUp(SHORT)).json;
  const s1 = (await refresh(SHORT, s0.refresh_token)).json;
  const s2 = (await refresh(SHORT, s1.refresh_token)).json;
  await sleep(2500);
  const reuse = await refresh(SHORT, s0.refresh_token);
  assert.deepEqual([reuse.status, reuse.json.code], [400, "refresh_token_already_used"]);
  const user = await call(SHORT, "/auth/v1/user", { method: "GET", token: s2.access_token });
  assert.equal(user.status, 200, "the access token still works: the session was kept");
  assert.equal((await refresh(SHORT, s2.refresh_token)).status, 200, "the newest refresh token works within one more interval");
});

test("the access token keeps amr 'password' after a refresh", async () => {
  const s0 = (await signUp(MAIN)).json;
  const s1 = (await refresh(MAIN, s0.refresh_token)).json;
  assert.equal(claims(s1.access_token).amr[0].method, "password");
});

test("user_metadata gains email, email_verified, phone_verified and sub", async () => {
  const email = unique("meta");
  const { json } = await signUp(MAIN, email, { data: { name: "Kim" } });
  const m = json.user.user_metadata;
  assert.deepEqual({ ...m }, { name: "Kim", email, email_verified: true, phone_verified: false, sub: json.user.id });
});

test("identities hold one email identity", async () => {
  const { json } = await signUp(MAIN);
  assert.equal(json.user.identities.length, 1);
  const [i] = json.user.identities;
  assert.equal(i.provider, "email");
  assert.equal(i.user_id, json.user.id);
  assert.equal(i.identity_data.email, json.user.email);
});

test("null fields are left out of the user", async () => {
  const { json } = await signUp(MAIN);
  assert.ok(!("recovery_sent_at" in json.user), "no recovery_sent_at: null");
  assert.ok(Object.values(json.user).every((v) => v !== null), "no field is null");
});

test("the signUp answer has no confirmed_at (GET /user does)", async () => {
  const { json } = await signUp(MAIN);
  assert.ok(!("confirmed_at" in json.user));
  const user = await call(MAIN, "/auth/v1/user", { method: "GET", token: json.access_token });
  assert.ok(typeof user.json.confirmed_at === "string");
});

test("anonymous users have app_metadata {}", async () => {
  const { status, json } = await call(MAIN, "/auth/v1/signup", { body: {} });
  assert.equal(status, 200);
  assert.deepEqual(json.user.app_metadata, {});
  assert.equal(json.user.is_anonymous, true);
});

test("the password grant's answer includes weak_password: null", async () => {
  const email = unique("grant");
  await signUp(MAIN, email);
  const { status, json } = await call(MAIN, "/auth/v1/token?grant_type=password", { body: { email, password: PASSWORD } });
  assert.equal(status, 200);
  assert.ok("weak_password" in json && json.weak_password === null);
});

test("/settings sends no password_min_length; a short password is 422 weak_password with reasons", async () => {
  const settings = await call(MAIN, "/auth/v1/settings", { method: "GET" });
  assert.ok(!("password_min_length" in settings.json));
  const { status, json } = await call(MAIN, "/auth/v1/signup", { body: { email: unique("short"), password: "abc" } });
  assert.deepEqual([status, json.code, json.weak_password.reasons], [422, "weak_password", ["length"]]);
});

test("GET /user after a sign-out elsewhere is 403 session_not_found", async () => {
  const email = unique("gone");
  const a = (await signUp(MAIN, email)).json;
  const b = (await call(MAIN, "/auth/v1/token?grant_type=password", { body: { email, password: PASSWORD } })).json;
  assert.equal((await call(MAIN, "/auth/v1/logout?scope=global", { token: b.access_token })).status, 204);
  const { status, json } = await call(MAIN, "/auth/v1/user", { method: "GET", token: a.access_token });
  assert.deepEqual([status, json.code], [403, "session_not_found"]);
});

test("anonymous sign-ins are off by default", async () => {
  const { status, json } = await call(STRICT, "/auth/v1/signup", { body: {} });
  assert.deepEqual([status, json.code], [422, "anonymous_provider_disabled"]);
});

test("a password over 72 bytes is refused at signup and update, never cut", async () => {
  const long = "p".repeat(73);
  const up = await call(MAIN, "/auth/v1/signup", { body: { email: unique("long"), password: long } });
  assert.deepEqual([up.status, up.json.code, up.json.message], [400, "validation_failed", "Password cannot be longer than 72 characters"]);
  const s = (await signUp(MAIN)).json;
  const put = await call(MAIN, "/auth/v1/user", { method: "PUT", token: s.access_token, body: { password: long } });
  assert.deepEqual([put.status, put.json.code], [400, "validation_failed"]);
  const ok = await call(MAIN, "/auth/v1/user", { method: "PUT", token: s.access_token, body: { password: "p".repeat(72) } });
  assert.equal(ok.status, 200, "72 bytes are fine");
});

test("NUL characters are 400, not 500", async () => {
  for (const body of [{ email: "a\u0000@example.com", password: PASSWORD }, { email: unique("nul"), password: "pass\u0000word" }, { email: unique("nul"), password: PASSWORD, data: { k: "v\u0000" } }]) {
    const { status, json } = await call(MAIN, "/auth/v1/signup", { body });
    assert.deepEqual([status, json.code], [400, "validation_failed"], JSON.stringify(body));
  }
  const grant = await call(MAIN, "/auth/v1/token?grant_type=password", { body: { email: "x\u0000@example.com", password: "x" } });
  assert.equal(grant.status, 400);
});

test("emails are validated as GoTrue does", async () => {
  for (const email of ["a@b@c.de", "a b@c.de", "@c.de", "a@c", "a@-c.de", "a@c..de", "a(b)@c.de"]) {
    const { status, json } = await call(MAIN, "/auth/v1/signup", { body: { email, password: PASSWORD } });
    assert.deepEqual([status, json.code], [400, "validation_failed"], email);
  }
  assert.equal((await signUp(MAIN, `o'neil+tag-${Date.now()}@mail.example.co`)).status, 200);
});

test("CORS answers * without credentials, whatever the Origin", async () => {
  for (const origin of ["https://evil.example", "null"]) {
    const pre = await fetch(`${MAIN}/rest/v1/companies`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "GET" } });
    assert.equal(pre.headers.get("access-control-allow-origin"), "*");
    assert.equal(pre.headers.get("access-control-allow-credentials"), null);
    const get = await fetch(`${MAIN}/rest/v1/companies?select=id`, { headers: { origin, apikey: ANON } });
    assert.equal(get.headers.get("access-control-allow-origin"), "*");
    assert.equal(get.headers.get("access-control-allow-credentials"), null);
  }
});

test("an RLS violation is 403 for a signed-in user and 401 for an anonymous one", async () => {
  const s = (await signUp(MAIN)).json;
  const row = { name: "Not mine", owner_user_id: "00000000-0000-4000-8000-000000000001" };
  const mine = await call(MAIN, "/rest/v1/companies", { token: s.access_token, body: row });
  assert.deepEqual([mine.status, mine.json.code], [403, "42501"]);
  const anon = await call(MAIN, "/rest/v1/companies", { body: row });
  assert.deepEqual([anon.status, anon.json.code], [401, "42501"]);
});

test("statement_timeout: 3 s for anon, 8 s for authenticated", async () => {
  let t = Date.now();
  const anon = await call(MAIN, "/rest/v1/rpc/slow", { body: { seconds: 4 }, headers: { "content-profile": "mc_test" } });
  assert.equal(anon.json.code, "57014", JSON.stringify(anon.json));
  assert.ok(Date.now() - t < 3900, `anon stopped after ${Date.now() - t} ms`);
  const s = (await signUp(MAIN)).json;
  t = Date.now();
  const user = await call(MAIN, "/rest/v1/rpc/slow", { body: { seconds: 3.5 }, token: s.access_token, headers: { "content-profile": "mc_test" } });
  assert.equal(user.status, 200, "3.5 s is within the authenticated role's 8 s");
  const long = await call(MAIN, "/rest/v1/rpc/slow", { body: { seconds: 9 }, token: s.access_token, headers: { "content-profile": "mc_test" } });
  assert.equal(long.json.code, "57014");
});

test("sign-ins are rate limited per client (Supabase's 30 per 5 minutes)", async () => {
  let limited = 0, sent = 0;
  for (; sent < 35 && !limited; sent++) {
    const { status, json } = await call(STRICT, "/auth/v1/token?grant_type=password", { body: { email: "nobody@example.com", password: "wrong-password" } });
    if (status === 429) { limited = sent + 1; assert.equal(json.code, "over_request_rate_limit"); }
  }
  assert.ok(limited > 0 && limited <= 31, `limited at request ${limited}`);
  const after = await call(STRICT, "/auth/v1/signup", { body: { email: unique("limited"), password: PASSWORD } });
  assert.equal(after.status, 429, "sign-ups share the sign-in limit");
});

test("refreshes (150 per 5 minutes) and mail (/otp, /recover: 30 per hour) are rate limited per client", async () => {
  const until429 = async (max, send) => {
    for (let i = 1; i <= max; i++) if ((await send()).status === 429) return i;
    return 0;
  };
  const refreshAt = await until429(160, () => refresh(STRICT, "abcdefghijkl"));
  assert.ok(refreshAt > 0 && refreshAt <= 151, `refresh limited at request ${refreshAt}`);
  const otpAt = await until429(40, () => call(STRICT, "/auth/v1/otp", { body: { email: "not-an-email" } }));
  assert.ok(otpAt > 0 && otpAt <= 31, `otp limited at request ${otpAt}`);
  const recover = await call(STRICT, "/auth/v1/recover", { body: { email: "x@example.com" } });
  assert.equal(recover.status, 429, "/recover shares the mail limit");
});

test("one-time codes: guesses are rate limited per client, and five wrong guesses end a code", async () => {
  // The per-client limit (strict gateway, Supabase's 30 per 5 minutes on /verify).
  let limited = 0;
  for (let i = 0; i < 35 && !limited; i++) {
    const { status } = await call(STRICT, "/auth/v1/verify", { body: { type: "email", email: "nobody@example.com", token: String(100000 + i) } });
    if (status === 429) limited = i + 1;
  }
  assert.ok(limited > 0 && limited <= 31, `limited at guess ${limited}`);
  // The per-code cap (main gateway, limits raised): after five wrong guesses the right code fails.
  const email = unique("otp");
  await signUp(MAIN, email);
  assert.equal((await call(MAIN, "/auth/v1/otp", { body: { email } })).status, 200);
  const box = await fetch(`${MAIN}/auth/v1/_mailbox?email=${encodeURIComponent(email)}`, { headers: { apikey: env.MC_SERVICE_KEY } });
  const code = (await box.json()).messages[0].code;
  const wrong = code === "000000" ? "111111" : "000000";
  for (let i = 0; i < 5; i++) assert.equal((await call(MAIN, "/auth/v1/verify", { body: { type: "email", email, token: wrong } })).status, 403);
  const right = await call(MAIN, "/auth/v1/verify", { body: { type: "email", email, token: code } });
  assert.deepEqual([right.status, right.json.code], [403, "otp_expired"]);
});

test("a login runs one password check, whatever plan PostgreSQL picks", () => {
  const src = readFileSync(`${ROOT}/stack/gateway/src/auth.rs`, "utf8");
  const constant = (name) => src.match(new RegExp(`const ${name}: &str =\\s*"([^"]+)"`))[1];
  const plan = (sql, arg) => psql(`SET plan_cache_mode = force_generic_plan; PREPARE q(text, text) AS ${sql.replace("$1", "$1::text").replace(/\$2/g, "$2::text")}; EXPLAIN (VERBOSE, COSTS OFF) EXECUTE q(${arg});`);
  const lookup = plan(constant("LOGIN_LOOKUP") + " AND $2 IS NOT NULL", "'a@b.co', 'x'");
  assert.ok(!/crypt\(/i.test(lookup), `the email lookup checks no password:\n${lookup}`);
  const check = plan(constant("PASSWORD_CHECK"), "'pw', '$2a$04$abcdefghijklmnopqrstuu'");
  assert.equal((check.match(/crypt\(/g) ?? []).length, 1, `one bcrypt call:\n${check}`);
  assert.ok(!/auth\.users/.test(check), "and it reads no table");
});

test("stack.env and the gateway logs are readable by their owner only; no code is logged", async () => {
  const dir = env.MC_STACK_DIR ?? "/var/tmp/mission-control-sdk/stack";
  for (const f of [`${dir}/stack.env`, `${dir}/logs/gateway-main.log`, `${dir}/logs/gateway-short.log`, `${dir}/logs/gateway-strict.log`]) {
    assert.equal((statSync(f).mode & 0o777).toString(8), "600", f);
  }
  const email = unique("nolog");
  await signUp(MAIN, email);
  await call(MAIN, "/auth/v1/otp", { body: { email } });
  const box = await fetch(`${MAIN}/auth/v1/_mailbox?email=${encodeURIComponent(email)}`, { headers: { apikey: env.MC_SERVICE_KEY } });
  const code = (await box.json()).messages[0].code;
  assert.ok(!readFileSync(`${dir}/logs/gateway-main.log`, "utf8").includes(code), "the code is not in the log");
});

// PostgREST's embedded counts (aggregates off, as on Supabase): `alias:table(count)` answers
// `[{"count": n}]`, filtered by `alias.column=…`, exact past max_rows; and max_rows (1,000)
// caps the top level and every embedded list. The cockpit's numbers rest on these facts.
test("embedded counts: exact past max_rows, filtered by alias, under RLS; max_rows caps top level and embeds", async () => {
  const owner = "00000000-0000-4000-8000-c0a7f0000001";
  const company = "10000000-0000-4000-8000-c0a7f0000001";
  const email = unique("counts");
  execFileSync("bash", [`${ROOT}/stack/stack.sh`, "psql", "-v", `owner=${owner}`, "-v", `email=${email}`, "-v", `company=${company}`, "-v", "agents=20", "-v", "tasks=2500", "-f", `${ROOT}/tests/scale/build.sql`]);
  try {
    const token = (await call(MAIN, "/auth/v1/token?grant_type=password", { body: { email, password: "scale-test-password" } })).json.access_token;
    const get = (q) => call(MAIN, `/rest/v1/${q}`, { method: "GET", token });
    const want = Number(psql(`SELECT count(*) FROM tasks WHERE company_id = '${company}' AND status = 'BLOCKED'`));
    const all = Number(psql(`SELECT count(*) FROM tasks WHERE company_id = '${company}'`));
    assert.ok(all > 1000, "more tasks than max_rows");
    const r = await get(`companies?select=id,tasks(count),b:tasks(count)&b.status=eq.BLOCKED&id=eq.${company}`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.json, [{ id: company, tasks: [{ count: all }], b: [{ count: want }] }]);
    // Nested, aliased, on a to-many of a to-many.
    const d = await get(`companies?select=departments(type,open:tasks(count))&departments.open.status=eq.BLOCKED&id=eq.${company}`);
    const perDept = JSON.parse(psql(`SELECT json_object_agg(d.type, (SELECT count(*) FROM tasks t WHERE t.department_id = d.id AND t.status = 'BLOCKED')) FROM departments d WHERE d.company_id = '${company}'`));
    assert.deepEqual(Object.fromEntries(d.json[0].departments.map((x) => [x.type, x.open[0].count])), perDept);
    // Another user counts nothing of this company (RLS applies inside the count).
    const other = (await signUp(MAIN)).json.access_token;
    const o = await call(MAIN, `/rest/v1/agents?select=id,tasks!tasks_assignee_id_fkey(count)&company_id=eq.${company}`, { method: "GET", token: other });
    assert.deepEqual(o.json, []);
    // max_rows: 1,000 at the top level and in an embed, also in a request with a count.
    assert.equal((await get(`tasks?select=id&company_id=eq.${company}`)).json.length, 1000);
    assert.equal((await get(`companies?select=tasks(id)&id=eq.${company}`)).json[0].tasks.length, 1000);
    const mixed = await get(`companies?select=n:tasks(count),list:tasks(id)&id=eq.${company}`);
    assert.deepEqual([mixed.json[0].n[0].count, mixed.json[0].list.length], [all, 1000]);
    // `count()` is an aggregate, refused while aggregates are off.
    assert.equal((await get(`companies?select=tasks(count())`)).json.code, "PGRST123");
  } finally {
    execFileSync("bash", [`${ROOT}/stack/stack.sh`, "psql", "-v", `owner=${owner}`, "-f", `${ROOT}/tests/scale/drop.sql`]);
  }
});

// --- Flows that finish in a second step (issue 20): PKCE, links, secure email change, resend,
// reauthentication. Facts from supabase/auth v2.196's source (internal/api/{pkce,token,verify,
// user,resend,reauthenticate}.go), recorded in docs/auth-stand-in.md.

const crypto = await import("node:crypto");
const verifierAndChallenge = () => {
  const verifier = crypto.randomBytes(56).toString("hex");
  return [verifier, crypto.createHash("sha256").update(verifier).digest("base64url")];
};
const HERE = "http://127.0.0.1:9/landing";
const mail = async (address, kind) =>
  (await call(MAIN, `/auth/v1/_mailbox?email=${encodeURIComponent(address)}`, { method: "GET", headers: { apikey: env.MC_SERVICE_KEY } })).json.messages.find((m) => m.kind === kind);
const open = (link) => fetch(link, { redirect: "manual" }).then((r) => ({ status: r.status, location: r.headers.get("location") }));
async function pkceLink(email, challenge, path = "/auth/v1/otp") {
  const r = await call(MAIN, `${path}?redirect_to=${encodeURIComponent(HERE)}`, { body: { email, code_challenge: challenge, code_challenge_method: "s256" } });
  assert.equal(r.status, 200);
  return mail(email, path.endsWith("recover") ? "recovery" : "magiclink");
}

test("PKCE: a link's token hash is pkce_-prefixed; /verify answers 303 to redirect_to?code=; the code and its verifier give a session once", async () => {
  const email = unique("pkce");
  await signUp(MAIN, email);
  const [verifier, challenge] = verifierAndChallenge();
  const m = await pkceLink(email, challenge);
  assert.match(m.token_hash, /^pkce_[0-9a-f]{56}$/);
  const landed = await open(m.link);
  assert.equal(landed.status, 303);
  const url = new URL(landed.location);
  assert.equal(`${url.origin}${url.pathname}`, HERE);
  const code = url.searchParams.get("code");
  assert.match(code, /^[0-9a-f-]{36}$/);
  const wrong = await call(MAIN, "/auth/v1/token?grant_type=pkce", { body: { auth_code: code, code_verifier: "not-the-verifier" } });
  assert.deepEqual([wrong.status, wrong.json.code], [400, "bad_code_verifier"]);
  const ok = await call(MAIN, "/auth/v1/token?grant_type=pkce", { body: { auth_code: code, code_verifier: verifier } });
  assert.equal(ok.status, 200);
  assert.equal(ok.json.user.email, email);
  assert.equal(claims(ok.json.access_token).amr[0].method, "magiclink", "amr: the flow's method");
  const again = await call(MAIN, "/auth/v1/token?grant_type=pkce", { body: { auth_code: code, code_verifier: verifier } });
  assert.deepEqual([again.status, again.json.code], [404, "flow_state_not_found"]);
  const empty = await call(MAIN, "/auth/v1/token?grant_type=pkce", { body: { auth_code: code } });
  assert.deepEqual([empty.status, empty.json.code, empty.json.message], [400, "validation_failed", "invalid request: both auth code and code verifier should be non-empty"]);
});

test("PKCE: a flow state expires 300 s after the request that began it (422 flow_state_expired)", async () => {
  const email = unique("pkce-exp");
  await signUp(MAIN, email);
  const [verifier, challenge] = verifierAndChallenge();
  const m = await pkceLink(email, challenge, "/auth/v1/recover");
  const code = new URL((await open(m.link)).location).searchParams.get("code");
  psql(`UPDATE auth.flow_state SET created_at = now() - interval '301 seconds' WHERE auth_code = '${code}'`);
  const r = await call(MAIN, "/auth/v1/token?grant_type=pkce", { body: { auth_code: code, code_verifier: verifier } });
  assert.deepEqual([r.status, r.json.code], [422, "flow_state_expired"]);
});

test("PKCE parameters: both or neither, a challenge of 43-128 URL-safe characters, method s256 or plain (any case; another is a 500)", async () => {
  const email = unique("pkce-params");
  const [, challenge] = verifierAndChallenge();
  const otp = (body) => call(MAIN, "/auth/v1/otp", { body: { email, ...body } });
  let r = await otp({ code_challenge: challenge });
  assert.deepEqual([r.status, r.json.message], [400, "PKCE flow requires code_challenge_method and code_challenge"]);
  r = await otp({ code_challenge: "short", code_challenge_method: "s256" });
  assert.deepEqual([r.status, r.json.message], [400, "code challenge has to be between 43 and 128 characters"]);
  r = await otp({ code_challenge: `${challenge.slice(0, 42)}!`, code_challenge_method: "s256" });
  assert.equal(r.status, 400);
  r = await otp({ code_challenge: challenge, code_challenge_method: "S256" });
  assert.equal(r.status, 200);
  r = await otp({ code_challenge: challenge, code_challenge_method: "md5" });
  assert.deepEqual([r.status, r.json.code], [500, "unexpected_failure"]);
});

test("GET /verify, implicit: 303 to redirect_to#access_token…&sb=&token_type=bearer&type=…; a used link redirects with the error in the fragment only", async () => {
  const email = unique("implicit");
  await signUp(MAIN, email);
  await call(MAIN, `/auth/v1/otp?redirect_to=${encodeURIComponent(HERE)}`, { body: { email } });
  const m = await mail(email, "magiclink");
  assert.match(m.token_hash, /^[0-9a-f]{56}$/, "no prefix in the implicit flow");
  const first = await open(m.link);
  assert.equal(first.status, 303);
  const [base, fragment] = first.location.split("#");
  assert.equal(base, HERE);
  const keys = [...new URLSearchParams(fragment).keys()];
  assert.deepEqual(keys, ["access_token", "expires_at", "expires_in", "refresh_token", "sb", "token_type", "type"]);
  assert.equal(new URLSearchParams(fragment).get("type"), "magiclink");
  const used = await open(m.link);
  assert.equal(used.status, 303);
  assert.equal(used.location, `${HERE}#error=access_denied&error_code=otp_expired&error_description=Email+link+is+invalid+or+has+expired&sb=`);
});

test("GET /verify, PKCE: an error is in the query as well as the fragment; no type is a 400 JSON error; the link needs no API key", async () => {
  const [, challenge] = verifierAndChallenge();
  const email = unique("pkce-err");
  await signUp(MAIN, email);
  const m = await pkceLink(email, challenge);
  await open(m.link);
  const used = await open(m.link);
  const url = new URL(used.location);
  assert.equal(url.searchParams.get("error_code"), "otp_expired");
  assert.match(url.hash, /error_code=otp_expired/);
  const noType = await fetch(`${MAIN}/auth/v1/verify?token=x`);
  assert.deepEqual([noType.status, (await noType.json()).message], [400, "Verify requires a verification type"]);
});

test("redirect_to: a loopback address is allowed; another host falls back to the site URL", async () => {
  const email = unique("redirect");
  await signUp(MAIN, email);
  await call(MAIN, `/auth/v1/otp?redirect_to=${encodeURIComponent("https://evil.example/steal")}`, { body: { email } });
  const landed = await open((await mail(email, "magiclink")).link);
  assert.ok(landed.location.startsWith("http://127.0.0.1:3000#access_token="), landed.location.slice(0, 40));
});

test("POST /verify by token_hash: a session; email beside it is refused; sms is not an email type", async () => {
  const email = unique("hash");
  await signUp(MAIN, email);
  await call(MAIN, "/auth/v1/otp", { body: { email } });
  const m = await mail(email, "magiclink");
  const both = await call(MAIN, "/auth/v1/verify", { body: { type: "magiclink", token_hash: m.token_hash, email } });
  assert.deepEqual([both.status, both.json.message], [400, "Only the token_hash and type should be provided"]);
  const sms = await call(MAIN, "/auth/v1/verify", { body: { type: "sms", token_hash: m.token_hash } });
  assert.deepEqual([sms.status, sms.json.message], [400, "Invalid email verification type"]);
  const ok = await call(MAIN, "/auth/v1/verify", { body: { type: "magiclink", token_hash: m.token_hash } });
  assert.equal(ok.status, 200);
  assert.equal(ok.json.user.email, email);
  const neither = await call(MAIN, "/auth/v1/verify", { body: { type: "magiclink" } });
  assert.deepEqual([neither.status, neither.json.message], [400, "Verify requires either a token or a token hash"]);
});

test("secure email change: the user shows new_email until both addresses confirm; the first confirmation answers msg and code \"200\"", async () => {
  const email = unique("old");
  const next = unique("new");
  const s = (await signUp(MAIN, email)).json;
  const put = await call(MAIN, "/auth/v1/user", { method: "PUT", token: s.access_token, body: { email: next } });
  assert.equal(put.status, 200);
  assert.deepEqual([put.json.email, put.json.new_email, typeof put.json.email_change_sent_at], [email, next, "string"]);
  const current = await mail(email, "email_change_token_current");
  const fresh = await mail(next, "email_change_token_new");
  assert.ok(current && fresh, "a code to each address");
  const first = await call(MAIN, "/auth/v1/verify", { body: { type: "email_change", email: next, token: fresh.code } });
  assert.deepEqual(first.json, { msg: "Confirmation link accepted. Please proceed to confirm link sent to the other email", code: "200" });
  assert.equal((await call(MAIN, "/auth/v1/user", { method: "GET", token: s.access_token })).json.email, email, "not yet changed");
  const second = await call(MAIN, "/auth/v1/verify", { body: { type: "email_change", email, token: current.code } });
  assert.equal(second.status, 200);
  assert.equal(second.json.user.email, next);
  assert.ok(!("new_email" in second.json.user));
});

test("/resend: the type, the address and no enumeration", async () => {
  const resend = (body) => call(MAIN, "/auth/v1/resend", { body });
  let r = await resend({ type: "magiclink", email: unique("r") });
  assert.deepEqual([r.status, r.json.message], [400, "Missing one of these types: signup, email_change, sms, phone_change"]);
  r = await resend({ type: "signup", email: unique("r"), phone: "+15550100" });
  assert.deepEqual([r.status, r.json.message], [400, "Only an email address or phone number should be provided."]);
  r = await resend({ type: "signup" });
  assert.deepEqual([r.status, r.json.message], [400, "Missing email address or phone number"]);
  r = await resend({ type: "sms", email: unique("r") });
  assert.deepEqual([r.status, r.json.message], [400, "Type provided requires a phone number"]);
  r = await resend({ type: "signup", email: unique("nobody") });
  assert.deepEqual([r.status, r.json], [200, {}]);
});

test("/reauthenticate mails a nonce; where required, a password change needs it (400 reauthentication_needed, 422 reauthentication_not_valid)", async () => {
  const email = unique("reauth");
  const s = (await signUp(SHORT, email)).json;
  const no = await call(SHORT, "/auth/v1/reauthenticate", { method: "GET" });
  assert.deepEqual([no.status, no.json.code], [401, "no_authorization"]);
  const need = await call(SHORT, "/auth/v1/user", { method: "PUT", token: s.access_token, body: { password: "battery-staple-7" } });
  assert.deepEqual([need.status, need.json.code, need.json.message], [400, "reauthentication_needed", "Password update requires reauthentication"]);
  const r = await call(SHORT, "/auth/v1/reauthenticate", { method: "GET", token: s.access_token });
  assert.deepEqual([r.status, r.json], [200, {}]);
  const nonce = await mail(email, "reauthentication");
  const wrong = await call(SHORT, "/auth/v1/user", { method: "PUT", token: s.access_token, body: { password: "battery-staple-7", nonce: nonce.code === "000000" ? "111111" : "000000" } });
  assert.deepEqual([wrong.status, wrong.json.code], [422, "reauthentication_not_valid"]);
  const ok = await call(SHORT, "/auth/v1/user", { method: "PUT", token: s.access_token, body: { password: "battery-staple-7", nonce: nonce.code } });
  assert.equal(ok.status, 200);
  // The main gateway (GoTrue's default) asks for no nonce.
  const m = (await signUp(MAIN)).json;
  assert.equal((await call(MAIN, "/auth/v1/user", { method: "PUT", token: m.access_token, body: { password: "battery-staple-7" } })).status, 200);
});

// --- MFA with TOTP (internal/api/mfa.go).
function totpNode(secret, at = Date.now()) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let acc = 0, bits = 0;
  const key = [];
  for (const c of secret) { acc = (acc << 5) | alphabet.indexOf(c); bits += 5; if (bits >= 8) { bits -= 8; key.push((acc >> bits) & 255); } }
  const msg = Buffer.alloc(8);
  msg.writeUInt32BE(Math.floor(at / 30000), 4);
  const h = crypto.createHmac("sha1", Buffer.from(key)).update(msg).digest();
  const o = h[19] & 15;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1e6).padStart(6, "0");
}

test("MFA: enroll answers the secret (32 base32), the otpauth URI and a raw SVG QR code; names are unique; bad types are 400", async () => {
  const s = (await signUp(MAIN)).json;
  const enroll = (body) => call(MAIN, "/auth/v1/factors", { token: s.access_token, body });
  const r = await enroll({ factor_type: "totp", friendly_name: "app", issuer: "mission-control" });
  assert.equal(r.status, 200);
  assert.deepEqual(Object.keys(r.json).sort(), ["friendly_name", "id", "totp", "type"]);
  assert.match(r.json.totp.secret, /^[A-Z2-7]{32}$/);
  assert.ok(r.json.totp.qr_code.includes("<svg") && !r.json.totp.qr_code.startsWith("data:"), "raw SVG, not a data URI");
  assert.equal(r.json.totp.uri, `otpauth://totp/mission-control:${s.user.email}?algorithm=SHA1&digits=6&issuer=mission-control&period=30&secret=${r.json.totp.secret}`);
  const dup = await enroll({ factor_type: "totp", friendly_name: "app" });
  assert.deepEqual([dup.status, dup.json.code], [422, "mfa_factor_name_conflict"]);
  const bad = await enroll({ factor_type: "sms" });
  assert.deepEqual([bad.status, bad.json.message], [400, "factor_type needs to be totp, phone, or webauthn"]);
  const user = await call(MAIN, "/auth/v1/user", { method: "GET", token: s.access_token });
  assert.deepEqual(user.json.factors.map((f) => [f.status, f.factor_type, f.friendly_name]), [["unverified", "totp", "app"]]);
  const anon = (await call(MAIN, "/auth/v1/signup", { body: {} })).json;
  const a = await call(MAIN, "/auth/v1/factors", { token: anon.access_token, body: { factor_type: "totp" } });
  assert.deepEqual([a.status, a.json.code], [403, "no_authorization"]);
});

test("MFA: a verified TOTP code raises the session to aal2 (amr totp first), ends the user's other aal1 sessions, and unenroll needs aal2", async () => {
  const email = unique("mfa");
  const s = (await signUp(MAIN, email)).json;
  const other = (await call(MAIN, "/auth/v1/token?grant_type=password", { body: { email, password: PASSWORD } })).json;
  const f = (await call(MAIN, "/auth/v1/factors", { token: s.access_token, body: { factor_type: "totp" } })).json;
  const ch = await call(MAIN, `/auth/v1/factors/${f.id}/challenge`, { token: s.access_token, body: {} });
  assert.equal(ch.status, 200);
  assert.deepEqual([ch.json.type, Math.abs(ch.json.expires_at - (Date.now() / 1000 + 300)) < 10], ["totp", true]);
  const code = totpNode(f.totp.secret);
  const wrong = await call(MAIN, `/auth/v1/factors/${f.id}/verify`, { token: s.access_token, body: { challenge_id: ch.json.id, code: code === "000000" ? "111111" : "000000" } });
  assert.deepEqual([wrong.status, wrong.json.code, wrong.json.message], [422, "mfa_verification_failed", "Invalid TOTP code entered"]);
  const ok = await call(MAIN, `/auth/v1/factors/${f.id}/verify`, { token: s.access_token, body: { challenge_id: ch.json.id, code } });
  assert.equal(ok.status, 200);
  const c = claims(ok.json.access_token);
  assert.equal(c.aal, "aal2");
  assert.deepEqual(c.amr.map((x) => x.method), ["totp", "password"]);
  assert.notEqual(ok.json.refresh_token, s.refresh_token, "a new refresh token");
  const used = await call(MAIN, `/auth/v1/factors/${f.id}/verify`, { token: ok.json.access_token, body: { challenge_id: ch.json.id, code } });
  assert.equal(used.status, 422, "a challenge verifies once");
  const gone = await call(MAIN, "/auth/v1/user", { method: "GET", token: other.access_token });
  assert.deepEqual([gone.status, gone.json.code], [403, "session_not_found"]);
  const rls = await call(MAIN, "/rest/v1/aal2_notes?select=id", { method: "GET", token: ok.json.access_token, headers: { "accept-profile": "mc_test" } });
  assert.deepEqual(rls.json, [{ id: 1 }], "an aal2 policy sees the token's aal");
  // A fresh aal1 session cannot enroll another factor nor remove the verified one.
  const fresh = (await call(MAIN, "/auth/v1/token?grant_type=password", { body: { email, password: PASSWORD } })).json;
  assert.equal(claims(fresh.access_token).aal, "aal1");
  const enroll = await call(MAIN, "/auth/v1/factors", { token: fresh.access_token, body: { factor_type: "totp", friendly_name: "b" } });
  assert.deepEqual([enroll.status, enroll.json.code], [403, "insufficient_aal"]);
  const low = await call(MAIN, `/auth/v1/factors/${f.id}`, { method: "DELETE", token: fresh.access_token });
  assert.deepEqual([low.status, low.json.code], [422, "insufficient_aal"]);
  const del = await call(MAIN, `/auth/v1/factors/${f.id}`, { method: "DELETE", token: ok.json.access_token });
  assert.deepEqual([del.status, del.json], [200, { id: f.id }]);
  const after = await refresh(MAIN, ok.json.refresh_token);
  assert.equal(claims(after.json.access_token).aal, "aal1", "the session falls back to aal1");
});

// --- Asymmetric signing keys (internal/api/jwks.go, internal/conf/jwk.go).
test("JWKS: public ES256 keys only (use sig, key_ops verify, no private part), cached 10 minutes, no API key needed; access tokens name their kid", async () => {
  const res = await fetch(`${MAIN}/auth/v1/.well-known/jwks.json`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("cache-control"), "public, max-age=600");
  const { keys } = await res.json();
  assert.ok(keys.length >= 1);
  for (const k of keys) {
    assert.deepEqual([k.kty, k.crv, k.alg, k.use, k.key_ops], ["EC", "P-256", "ES256", "sig", ["verify"]]);
    assert.ok(!("d" in k) && typeof k.x === "string" && typeof k.y === "string" && typeof k.kid === "string");
  }
  const s = (await signUp(MAIN)).json;
  const header = JSON.parse(Buffer.from(s.access_token.split(".")[0], "base64url").toString());
  assert.equal(header.alg, "ES256");
  assert.ok(keys.some((k) => k.kid === header.kid), "the token's kid is in the JWKS");
  const key = crypto.createPublicKey({ key: keys.find((k) => k.kid === header.kid), format: "jwk" });
  const [h, p, sig] = s.access_token.split(".");
  assert.ok(crypto.verify("sha256", Buffer.from(`${h}.${p}`), { key, dsaEncoding: "ieee-p1363" }, Buffer.from(sig, "base64url")), "the signature verifies with the published key");
});

test("a key rotation: the standby key signs, a new standby is published, tokens of the old key keep working (auth and REST), and the HS256 demo keys still do; new tokens carry the new kid, tokens of the old key keep working (auth and REST), and the HS256 demo keys still do", async () => {
  const before = (await signUp(MAIN)).json;
  const rotated = await call(MAIN, "/auth/v1/_rotate_signing_key", { headers: { apikey: env.MC_SERVICE_KEY } });
  assert.equal(rotated.status, 200);
  const after = (await signUp(MAIN)).json;
  const kid = (t) => JSON.parse(Buffer.from(t.split(".")[0], "base64url").toString()).kid;
  assert.equal(kid(after.access_token), rotated.json.kid);
  const { keys } = await (await fetch(`${MAIN}/auth/v1/.well-known/jwks.json`)).json();
  const kids = keys.map((k) => k.kid);
  assert.ok(kids.includes(kid(before.access_token)) && kids.includes(rotated.json.kid) && kids.at(-1) === rotated.json.standby_kid, "the old, the signing and the new standby key are published");
  for (const t of [before.access_token, after.access_token]) {
    assert.equal((await call(MAIN, "/auth/v1/user", { method: "GET", token: t })).status, 200);
    assert.equal((await call(MAIN, "/rest/v1/companies?select=id", { method: "GET", token: t })).status, 200);
  }
  assert.equal((await call(MAIN, "/rest/v1/companies?select=id", { method: "GET" })).status, 200, "the anon key (HS256)");
  assert.equal((await call(MAIN, "/auth/v1/_rotate_signing_key", {})).status, 403, "rotation is the service role's");
});

// --- External sign-in with the local OpenID Connect realm as the `keycloak` provider
// (internal/api/external.go, external_oauth.go, identity.go, token_oidc.go).
const REALM = `${MAIN}/oidc/realms/mc`;
const hop = (url) => fetch(url, { redirect: "manual" }).then((r) => r.headers.get("location"));

test("/authorize: an unknown provider is 400; keycloak is a 302 to the realm with the client, GoTrue's callback, code, openid scopes, the flow state as state, and the other query params", async () => {
  const unknown = await fetch(`${MAIN}/auth/v1/authorize?provider=github`, { redirect: "manual" });
  assert.deepEqual([unknown.status, (await unknown.json()).message], [400, "Unsupported provider: Provider github could not be found"]);
  const badMethod = await fetch(`${MAIN}/auth/v1/authorize?provider=keycloak&code_challenge=${"a".repeat(43)}&code_challenge_method=md5`, { redirect: "manual" });
  assert.deepEqual([badMethod.status, (await badMethod.json()).message], [400, "Invalid code_challenge_method"]);
  const res = await fetch(`${MAIN}/auth/v1/authorize?provider=keycloak&scopes=offline_access&login_hint=a%40b.co`, { redirect: "manual" });
  assert.equal(res.status, 302);
  const to = new URL(res.headers.get("location"));
  assert.equal(`${to.origin}${to.pathname}`, `${REALM}/protocol/openid-connect/auth`);
  assert.deepEqual(
    ["client_id", "redirect_uri", "response_type", "scope", "login_hint"].map((k) => to.searchParams.get(k)),
    ["mission-control", `${MAIN}/auth/v1/callback`, "code", "openid profile email offline_access", "a@b.co"],
  );
  assert.match(to.searchParams.get("state"), /^[0-9a-f-]{36}$/);
});

test("/callback: a missing or unknown state redirects to the site URL with bad_oauth_callback / bad_oauth_state; the implicit round trip lands with the session and provider tokens in the fragment", async () => {
  const missing = new URL(await hop(`${MAIN}/auth/v1/callback?code=x`));
  assert.deepEqual([missing.origin, missing.searchParams.get("error_code"), missing.searchParams.get("error_description")], ["http://127.0.0.1:3000", "bad_oauth_callback", "OAuth state parameter missing"]);
  const unknown = new URL(await hop(`${MAIN}/auth/v1/callback?code=x&state=${crypto.randomUUID()}`));
  assert.deepEqual([unknown.searchParams.get("error_code"), unknown.searchParams.get("error_description")], ["bad_oauth_state", "OAuth state not found or expired"]);
  const who = unique("oauth-node");
  const atProvider = await hop(`${MAIN}/auth/v1/authorize?provider=keycloak&redirect_to=${encodeURIComponent(HERE)}&login_hint=${encodeURIComponent(who)}`);
  const atCallback = await hop(atProvider);
  assert.ok(atCallback.startsWith(`${MAIN}/auth/v1/callback?code=`));
  const landed = await hop(atCallback);
  const [base, fragment] = landed.split("#");
  assert.equal(base, HERE);
  assert.deepEqual([...new URLSearchParams(fragment).keys()], ["access_token", "expires_at", "expires_in", "provider_refresh_token", "provider_token", "refresh_token", "sb", "token_type"]);
  const token = new URLSearchParams(fragment).get("access_token");
  assert.equal(claims(token).amr[0].method, "oauth");
  const user = (await call(MAIN, "/auth/v1/user", { method: "GET", token })).json;
  assert.deepEqual([user.email, user.app_metadata.provider, user.identities.map((i) => i.provider)], [who, "keycloak", ["keycloak"]]);
  const reused = new URL(await hop(atCallback));
  assert.equal(reused.searchParams.get("error_code"), "bad_oauth_state", "a state works once");
});

test("identities: manual linking is off by default (404 manual_linking_disabled); linking answers the provider URL with skip_http_redirect; unlinking checks the id and keeps one identity", async () => {
  // A session of the project, asked of the gateway with GoTrue's defaults (same database and keys).
  const strict = (await signUp(MAIN)).json;
  const off = await call(STRICT, "/auth/v1/user/identities/authorize?provider=keycloak&skip_http_redirect=true", { method: "GET", token: strict.access_token });
  assert.deepEqual([off.status, off.json.code], [404, "manual_linking_disabled"]);
  const s = (await signUp(MAIN)).json;
  const link = await call(MAIN, "/auth/v1/user/identities/authorize?provider=keycloak&skip_http_redirect=true", { method: "GET", token: s.access_token });
  assert.equal(link.status, 200);
  assert.ok(link.json.url.startsWith(`${REALM}/protocol/openid-connect/auth?`));
  const bad = await call(MAIN, "/auth/v1/user/identities/not-a-uuid", { method: "DELETE", token: s.access_token });
  assert.deepEqual([bad.status, bad.json.message], [404, "identity_id must be an UUID"]);
  const only = await call(MAIN, `/auth/v1/user/identities/${s.user.identities[0].identity_id}`, { method: "DELETE", token: s.access_token });
  assert.deepEqual([only.status, only.json.code], [422, "single_identity_not_deletable"]);
});

test("/token?grant_type=id_token: OAuth-style errors (400 {error, error_description}); the token's nonce is the SHA-256 hex of the raw one", async () => {
  const grant = (body) => call(MAIN, "/auth/v1/token?grant_type=id_token", { body });
  const none = await grant({ provider: "keycloak" });
  assert.deepEqual([none.status, none.json], [400, { error: "invalid request", error_description: "id_token required" }]);
  const who = unique("idt");
  const raw = "n-" + crypto.randomUUID();
  const hashed = crypto.createHash("sha256").update(raw).digest("hex");
  const token = (await (await fetch(`${REALM}/_id_token?email=${encodeURIComponent(who)}&nonce=${hashed}`)).json()).id_token;
  const wrong = await grant({ provider: "keycloak", id_token: token, nonce: "other" });
  assert.deepEqual([wrong.status, wrong.json], [400, { error: "invalid nonce", error_description: "Nonces mismatch" }]);
  const ok = await grant({ provider: "keycloak", id_token: token, nonce: raw });
  assert.equal(ok.status, 200);
  assert.equal(ok.json.user.email, who);
});
