// The data provider (issue 16) against the seeded stack: every method of the product's
// DataProvider contract, values checked against counts SQL makes; the request budget; a
// workflow write reaching subscribers; a second user seeing nothing; hostile ids.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";

const require = createRequire(import.meta.url);
const { createClient } = require(`${process.env.MC_CACHE}/pkg-node/mission_control_sdk.js`);
const { createDataProvider, avatarInitials } = await import(new URL("../../src/js/entry/provider.js", import.meta.url));
const ROOT = new URL("../..", import.meta.url).pathname;
const URL_BASE = process.env.MC_URL, ANON = process.env.MC_ANON_KEY;
const DEMO = "10000000-0000-4000-8000-000000000001";
const sql = (q) => execFileSync("bash", [`${ROOT}/stack/stack.sh`, "psql", "-At", "-c", q], { encoding: "utf8" }).trim();
const sqlJson = (q) => JSON.parse(sql(q));
const OPEN = "('PENDING','IN_PROGRESS','BLOCKED')";
const TASK_DEPT = "coalesce(t.department_id, (SELECT g.department_id FROM agents g WHERE g.id = t.assignee_id))";

function client() {
  const sent = [];
  const f = (url, init) => { sent.push(`${init?.method ?? "GET"} ${url}`); return fetch(url, init); };
  return { mc: createClient(URL_BASE, ANON, { global: { fetch: f }, auth: { persistSession: false } }), sent };
}

test("the demo company through every method of the contract, against SQL", async () => {
  const { mc, sent } = client();
  const { error } = await mc.auth.signInWithPassword({ email: "demo@mission-control.local", password: "mission-control-demo" });
  assert.equal(error, null);
  const p = createDataProvider(mc);
  assert.deepEqual(p.getAllRegionSummaries(), [], "empty before the first load");
  sent.length = 0;
  const t0 = performance.now();
  const { data: snap, error: loadError } = await p.load();
  const ms = performance.now() - t0;
  assert.equal(loadError, null);
  assert.ok(sent.length <= 5, `the global view in at most 5 requests (${sent.length})`);
  console.log(`# global view of the seeded company: ${sent.length} requests, ${ms.toFixed(0)} ms after sign-in`);
  assert.equal(p.getSnapshot(), snap);

  // Six regions in the contract's order, each with its data elements.
  const regions = p.getAllRegionSummaries();
  assert.deepEqual(regions.map((r) => r.sectorType), ["COMMAND", "ORGANIZATION", "OPERATIONS", "METRICS", "INTELLIGENCE", "FINANCE"]);
  for (const r of regions.filter((r) => r.sectorType !== "FINANCE")) assert.ok(r.dataElements.length >= 3, `${r.sectorType} has data`);
  const want = sqlJson(`SELECT json_build_object(
    'toCeo', (SELECT count(*) FROM escalations e JOIN companies c ON c.id = e.company_id WHERE c.id = '${DEMO}' AND e.status = 'PENDING' AND e.to_agent_id = c.ceo_id),
    'headcount', (SELECT count(*) FROM agents WHERE company_id = '${DEMO}' AND status = 'ACTIVE' AND NOT human),
    'agents', (SELECT count(*) FROM agents WHERE company_id = '${DEMO}'),
    'decisions', (SELECT count(*) FROM memory_entries WHERE company_id = '${DEMO}' AND type = 'DECISION'),
    'knowledge', (SELECT count(*) FROM memory_entries WHERE company_id = '${DEMO}' AND type = 'KNOWLEDGE'),
    'priorities', (SELECT cardinality(strategic_priorities) FROM companies WHERE id = '${DEMO}'),
    'interval', (SELECT pulse_interval_minutes FROM companies WHERE id = '${DEMO}'))`);
  const command = p.getRegionSummary("COMMAND");
  assert.equal(command.attentionCount, want.toCeo);
  assert.equal(command.dataElements.find((e) => e.label === "Pending Decisions").count, want.toCeo);
  assert.equal(command.dataElements.find((e) => e.type === "priority_list").items.length, want.priorities);
  assert.equal(p.getRegionSummary("ORGANIZATION").dataElements.find((e) => e.label === "Total Headcount").value, want.headcount);
  const intel = p.getRegionSummary("INTELLIGENCE");
  assert.equal(intel.dataElements.find((e) => e.label === "Decisions Logged").value, want.decisions);
  assert.equal(intel.dataElements.find((e) => e.label === "Knowledge Entries").value, want.knowledge);
  assert.equal(p.getRegionSummary("FINANCE").headlineKpi, `Pulse: ${want.interval}min`);
  assert.match(p.getFinanceSettingsBar().quickStats, new RegExp(`^Pulse: ${want.interval}min \\| Integrations: \\d+ active`));
  assert.equal(p.getRegionSummary("NOPE"), undefined);

  // Department tiles and details.
  const depts = sqlJson(`SELECT json_agg(json_build_object('id', d.id, 'type', d.type, 'health', lower(d.health::text),
      'headcount', (SELECT count(*) FROM agents a WHERE a.department_id = d.id AND a.status = 'ACTIVE'),
      'open', (SELECT count(*) FROM tasks t WHERE t.company_id = d.company_id AND t.status IN ${OPEN} AND ${TASK_DEPT} = d.id),
      'done', (SELECT count(*) FROM tasks t WHERE t.company_id = d.company_id AND t.status = 'COMPLETE' AND ${TASK_DEPT} = d.id),
      'risks', (SELECT count(*) FROM tasks t WHERE t.company_id = d.company_id AND t.status = 'BLOCKED' AND ${TASK_DEPT} = d.id)
             + (SELECT count(*) FROM escalations e JOIN agents a ON a.id = e.from_agent_id WHERE a.department_id = d.id AND e.status = 'PENDING' AND e.type = 'ACTION_REQUIRED')))
    FROM departments d WHERE d.company_id = '${DEMO}'`);
  const tiles = p.getDepartmentTiles();
  assert.equal(tiles.length, depts.length);
  for (const d of depts) {
    const t = tiles.find((x) => x.id === d.id);
    assert.deepEqual({ health: t.health, headcount: t.headcount, openItems: t.openItems, risks: t.risks }, { health: d.health, headcount: d.headcount, openItems: d.open, risks: d.risks }, d.type);
    const detail = p.getDepartmentDetail(d.id);
    assert.deepEqual({ type: detail.type, headcount: detail.headcount, openTasks: detail.openTasks, completedTasks: detail.completedTasks, activeBlockers: detail.activeBlockers },
      { type: d.type, headcount: d.headcount, openTasks: d.open, completedTasks: d.done, activeBlockers: d.risks });
    assert.deepEqual(detail.agents.map((a) => a.id).sort(), sql(`SELECT id FROM agents WHERE department_id = '${d.id}'`).split("\n").filter(Boolean).sort());
    const org = p.getOrganizationSectorContent().subAreas.find((s) => s.id === d.id);
    assert.equal(org.attentionCount, d.risks);
  }
  // A department's detail is in the snapshot (no request to read it); loadDepartment fetches its
  // own newest pulses (one request, once), and the refined snapshot reaches subscribers.
  const techId = depts.find((d) => d.type === "TECHNOLOGY").id;
  const p2 = createDataProvider(mc);
  await p2.load();
  sent.length = 0;
  const refined = new Promise((resolve) => p2.subscribe(resolve));
  assert.ok(p2.getDepartmentDetail(techId));
  assert.equal(sent.length, 0, "reading a detail the snapshot holds costs nothing");
  const [a, b] = await Promise.all([p2.loadDepartment(techId), p2.loadDepartment(techId)]);
  await refined;
  assert.equal(a.error, null);
  assert.equal(b.error, null);
  assert.equal(sent.length, 1, "loading a department's pulses costs one more request, once");
  const newest = sql(`SELECT p.id FROM pulses p JOIN agents a ON a.id = p.agent_id WHERE a.department_id = '${techId}' AND p.status <> 'RUNNING' ORDER BY p.started_at DESC LIMIT 5`).split("\n").filter(Boolean);
  assert.deepEqual(p2.getDepartmentDetail(techId).recentPulses.map((x) => x.id), newest);
  p2.dispose();
  assert.equal(p.getBusinessCategoryTiles().length, 4);
  assert.deepEqual(p.getBusinessCategoryTiles().map((t) => t.label), ["Customers", "Growth", "Product & Delivery", "People"]);
  assert.ok(p.getBusinessCategoryTiles().every((t) => t.summaryStat.length > 0), "no empty tile");
  assert.ok(p.getBusinessWindowKpis().length >= 2);

  // Agents.
  const all = p.getAllAgents();
  assert.equal(all.length, want.agents);
  const per = sqlJson(`SELECT json_object_agg(a.id, json_build_array(a.tier,
      (SELECT count(*) FROM tasks t WHERE t.assignee_id = a.id AND t.status IN ('PENDING','IN_PROGRESS')),
      (SELECT count(*) FROM messages m WHERE m.to_agent_id = a.id AND m.read_at IS NULL))) FROM agents a WHERE a.company_id = '${DEMO}'`);
  for (const a of all) {
    const d = p.getAgentDetail(a.id);
    assert.deepEqual([a.tier, a.activeTasks, d.inbox], per[a.id], a.name);
    assert.equal(a.avatarInitials, avatarInitials(a.name));
    assert.ok(["green", "yellow", "red"].includes(a.health));
  }
  const tech = depts.find((d) => d.type === "TECHNOLOGY").id;
  assert.ok(p.getAgentsByDepartment(tech, 2).every((a) => a.tier === 2 && a.departmentId === tech));
  assert.equal(avatarInitials("Eli Thompson"), "ET");
  assert.equal(avatarInitials("Ada"), "A");

  // Hostile ids answer the empty value, never throw.
  for (const id of [undefined, null, 42, {}, [], "x", "'; drop table agents; --", "\u0000", "a".repeat(100000), Symbol("s")]) {
    assert.equal(p.getDepartmentDetail(id), undefined);
    assert.equal(p.getAgentDetail(id), undefined);
    assert.deepEqual(p.getAgentsByDepartment(id), []);
    assert.equal(p.getRegionSummary(id), undefined);
  }
  p.dispose();
});

test("a workflow write reaches subscribers with the new value; another user sees nothing", async () => {
  const { mc } = client();
  const email = `provider-${Date.now()}@example.com`;
  assert.equal((await mc.auth.signUp({ email, password: "correct-horse-9" })).error, null);
  const { data: plan } = await mc.onboarding.plan({ company: { name: "Provider Co", mission: "m", vision: "v", values: ["a", "b", "c"], strategic_priorities: ["x", "y", "z"] }, ceo: { name: "Pat Lee" }, departments: [{ type: "TECHNOLOGY", chief: { name: "Rae Chen", role: "CTO" } }] });
  const run = await mc.onboarding.run(plan);
  assert.equal(run.error, null, run.error?.message);
  const company = plan.company.id, cto = plan.departments[0].chief.id, ceo = plan.ceo.id;
  const { data: task } = await mc.from("tasks").insert({ company_id: company, assignee_id: cto, assigned_by: ceo, title: "Ship it" }).select("id").single();
  const p = createDataProvider(mc);
  await p.load(company);
  const before = p.getAllAgents().find((a) => a.id === cto).activeTasks;
  assert.equal(before, 1);
  const seen = new Promise((resolve) => { const off = p.subscribe(() => { off(); resolve(p.getSnapshot()); }); });
  assert.equal((await mc.tasks.block(task.id, "waiting")).error, null);
  const after = await seen;
  assert.notEqual(after, undefined);
  assert.equal(after.getAllAgents().find((a) => a.id === cto).activeTasks, 0, "the blocked task is no longer active");
  assert.equal(after.getDepartmentTiles()[0].risks, 1, "and is a risk of its department");
  p.dispose();

  const other = client().mc;
  assert.equal((await other.auth.signUp({ email: `other-${Date.now()}@example.com`, password: "correct-horse-9" })).error, null);
  const q = createDataProvider(other);
  const r = await q.load(company);
  assert.equal(r.error, null);
  assert.equal(q.getSnapshot().loaded, false, "nothing of another user's company");
  assert.deepEqual([q.getAllRegionSummaries(), q.getAllAgents(), q.getDepartmentTiles()], [[], [], []]);
  assert.equal(q.getDepartmentDetail(plan.departments[0].id), undefined);
  q.dispose();
});
