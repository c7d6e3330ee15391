// The wasm–JS wire formats round-trip (issue 18): what the Rust core encodes as a plan
// (`surface::wire::Plan`) and the JS driver decodes is the request the Rust builder builds
// (`builder.request`, made without the plan); and every kind of `mcFetch` answer the driver
// hands back (`[kind, status, statusText, contentRange, retryAfter, text]`) is read by the core
// as that answer. No server: a recording `fetch` answers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { createClient } = require(`${process.env.MC_CACHE}/pkg-node/mission_control_sdk.js`);
const ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

function recording(answer) {
  const sent = [];
  const fetch = async (url, init) => {
    sent.push({ url: String(url), method: init?.method ?? "GET", headers: Object.fromEntries(new Headers(init?.headers).entries()), body: init?.body ?? null });
    return answer();
  };
  const mc = createClient("http://127.0.0.1:1", "anon-key", { global: { fetch }, auth: { persistSession: false }, retry: false });
  return { mc, sent };
}

const json = (status, body, headers = {}) => () => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

test("the plan the driver decodes is the request the builder builds", async () => {
  const { mc, sent } = recording(json(200, [{ id: ID }]));
  const builders = [
    mc.from("tasks").select("id, title").eq("status", "PENDING").order("created_at", { ascending: false }).limit(5),
    mc.from("tasks").select("*", { count: "exact", head: true }).in("priority", ["HIGH", "a,b"]),
    mc.from("agents").update({ name: "line\nbreak \"quoted\"" }).eq("id", ID).select("id").single(),
    mc.from("tasks").insert({ company_id: ID, title: "T", assignee_id: ID, assigned_by: ID }).select().maybeSingle(),
    mc.from("messages").delete().eq("id", ID),
    mc.rpc("now_plus", { n: 1 }, { get: true }),
    mc.from("tasks").select("title").csv().setHeader("x-trace", "abc").timeout(2500),
  ];
  for (const b of builders) {
    const want = b.request;
    assert.ok(!want.error, `${b.table}: ${want.error?.message}`);
    sent.length = 0;
    await b;
    assert.equal(sent.length, 1, b.table);
    const got = sent[0];
    assert.equal(got.method, want.method, b.table);
    assert.equal(got.url, want.url, b.table);
    assert.equal(got.body, want.body, b.table);
    for (const [k, v] of Object.entries(want.headers)) assert.equal(got.headers[k.toLowerCase()], v, `${b.table} ${k}`);
  }
});

test("every kind of answer reaches the core as that answer", async (t) => {
  const cases = [
    ["ok with a count", json(206, [{ id: ID }], { "content-range": "0-0/7" }), (r) => r.error === null && r.count === 7 && r.status === 206 && r.data[0].id === ID],
    ["a server error with its code", json(409, { code: "23505", message: "duplicate key", details: null, hint: null }), (r) => r.error?.code === "unique_violation" && r.error.status === 409],
    ["not a Response", () => 42, (r) => r.error?.code === "undecodable"],
    ["a network failure", () => Promise.reject(new TypeError("connection refused")), (r) => r.error?.code === "network" && r.error.message.includes("connection refused")],
    ["invalid JSON", () => new Response("{nope", { status: 200 }), (r) => r.error?.code === "undecodable"],
    ["a 503 with retries off", json(503, { message: "busy" }), (r) => r.error?.status === 503],
  ];
  for (const [name, answer, ok] of cases) {
    await t.test(name, async () => {
      const { mc } = recording(answer);
      const res = await mc.from("tasks").select("id", { count: "exact" });
      assert.ok(ok(res), JSON.stringify({ res, error: res.error && { code: res.error.code, message: res.error.message } }));
    });
  }
});

test("an aborted request and a timeout come back as those answers", async () => {
  {
    const fetch = (url, init) => new Promise((_, reject) => init.signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
    const mc = createClient("http://127.0.0.1:1", "anon-key", { global: { fetch }, auth: { persistSession: false } });
    const c = new AbortController();
    const p = mc.from("tasks").select("id").abortSignal(c.signal);
    c.abort();
    assert.equal((await p).error?.code, "aborted");
    const t = await mc.from("tasks").select("id").timeout(20);
    assert.equal(t.error?.code, "timeout");
  }
});
