// PostgreSQL goes away and comes back: REST answers 503 (PostgREST's PGRST000) at once, auth
// fails fast with 503, both with Retry-After, and both recover when the database is back.
// Run alone, last (scripts/test.sh), because it stops the database for everyone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";

const env = process.env;
const ROOT = new URL("../..", import.meta.url).pathname;
const stack = (cmd) => execFileSync("bash", [`${ROOT}/stack/stack.sh`, cmd], { stdio: "ignore" });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const rest = () => fetch(`${env.MC_URL}/rest/v1/companies?select=id`, { headers: { apikey: env.MC_ANON_KEY } });
const login = () => fetch(`${env.MC_URL}/auth/v1/token?grant_type=password`, {
  method: "POST", headers: { apikey: env.MC_ANON_KEY, "content-type": "application/json" },
  body: JSON.stringify({ email: "demo@mission-control.local", password: "mission-control-demo" }),
});

test("an outage is 503 at once, and the stack recovers", async () => {
  assert.equal((await rest()).status, 200);
  stack("pg-stop");
  try {
    await sleep(1200); // the gateway looks every 500 ms
    let t = Date.now();
    const r = await rest();
    assert.equal(r.status, 503);
    assert.equal((await r.json()).code, "PGRST000");
    assert.equal(r.headers.get("retry-after"), "1");
    assert.ok(Date.now() - t < 1000, `REST answered in ${Date.now() - t} ms`);
    t = Date.now();
    const a = await login();
    assert.equal(a.status, 503);
    assert.ok(Date.now() - t < 1000, `auth answered in ${Date.now() - t} ms`);
  } finally {
    stack("pg-start");
  }
  let status = 0;
  for (let i = 0; i < 40 && status !== 200; i++) {
    await sleep(500);
    status = (await rest()).status;
  }
  assert.equal(status, 200, "REST recovered");
  assert.equal((await login()).status, 200, "auth recovered");
});
