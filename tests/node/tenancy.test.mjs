// Same-company references through the SDK (issue 21): a task that points at another company's
// agent is refused exactly as one that points at no agent at all — foreign_key_violation, 409,
// the same message and details — and a user's delete can no longer reach another company's rows.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";

const require = createRequire(import.meta.url);
const { createClient } = require(`${process.env.MC_CACHE}/pkg-node/mission_control_sdk.js`);

async function owner(tag) {
  const mc = createClient(process.env.MC_URL, process.env.MC_ANON_KEY, { auth: { persistSession: false } });
  assert.equal((await mc.auth.signUp({ email: `tenancy-${tag}-${Date.now()}@example.com`, password: "correct-horse-9" })).error, null);
  const { data: plan } = await mc.onboarding.plan({ company: { name: `Tenant ${tag}` }, ceo: { name: "Pat Lee" }, departments: [{ type: "TECHNOLOGY", chief: { name: "Rae Chen", role: "CTO" } }] });
  assert.equal((await mc.onboarding.run(plan)).error, null);
  return { mc, company: plan.company.id, ceo: plan.ceo.id, cto: plan.departments[0].chief.id };
}

test("another company's agent is refused as a missing one would be; no cross-company cascade", async () => {
  const a = await owner("a"), b = await owner("b");
  const task = (assignee) => b.mc.from("tasks").insert({ company_id: b.company, assignee_id: assignee, assigned_by: b.ceo, title: "Borrowed hands" }).select("id");
  const foreign = await task(a.cto);
  const missing = await task(randomUUID());
  assert.equal(foreign.error?.code, "foreign_key_violation");
  const shape = (r) => ({ code: r.error.code, status: r.status, serverCode: r.error.serverCode, message: r.error.message, details: r.error.details });
  assert.deepEqual(shape(foreign), shape(missing), "indistinguishable from a reference to nothing");
  assert.equal(foreign.status, 409);
  // B's own agent works, and A deleting its agent leaves B's rows alone.
  const own = await task(b.cto);
  assert.equal(own.error, null);
  assert.equal((await a.mc.from("agents").delete().eq("id", a.cto)).error, null);
  const { data: still } = await b.mc.from("tasks").select("id").eq("company_id", b.company);
  assert.equal(still.length, 1);
  // A row cannot move to another company.
  const moved = await b.mc.from("tasks").update({ company_id: a.company }).eq("id", own.data[0].id).select("id");
  assert.equal(moved.error?.code, "immutable_record");
});
