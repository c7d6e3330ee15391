// Scale test (issue 24): companies of 10, 1,000 and 5,000 agents with 100, 20,000 and 100,000
// open tasks, built in SQL for owners of their own; every number the cockpit shows is checked
// against counts SQL makes, at every size, through the real stack (whose max_rows is 1,000, as
// on Supabase). Requests, bytes and milliseconds per size are printed as a report, never asserted.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { createClient } = require(`${process.env.MC_CACHE}/pkg-node/mission_control_sdk.js`);
const root = fileURLToPath(new URL("../..", import.meta.url));
const URL_BASE = process.env.MC_URL;
const ANON = process.env.MC_ANON_KEY;

const SIZES = (process.env.MC_SCALE_SIZES ?? "10:100,1000:20000,5000:100000").split(",").map((s) => s.split(":").map(Number));

function psql(args, input) {
  return execFileSync("bash", [`${root}/stack/stack.sh`, "psql", "-At", ...args], { input, encoding: "utf8", maxBuffer: 1 << 28 });
}
const sql = (q) => psql(["-c", q]).trim();
const sqlJson = (q) => JSON.parse(sql(q) || "null");

/** A fetch that counts the requests and the bytes of the answers. */
function recording() {
  const log = [];
  const f = async (url, init) => {
    const res = await fetch(url, init);
    const body = await res.arrayBuffer();
    log.push({ url: String(url), bytes: body.byteLength });
    return new Response(res.status === 204 || res.status === 304 || (init?.method ?? "GET") === "HEAD" ? null : body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
  return { fetch: f, log };
}

const report = [];
after(() => {
  console.log("\nscale report (cockpit.load after sign-in; medians of 3 loads; not asserted):");
  console.log("  agents  open tasks  requests   bytes (body)   ms    | department view: requests  bytes    ms");
  for (const r of report) console.log(`  ${String(r.agents).padStart(6)}  ${String(r.tasks).padStart(10)}  ${String(r.requests).padStart(8)}  ${String(r.bytes).padStart(12)}  ${String(r.ms).padStart(6)}  | ${String(r.dRequests).padStart(26)}  ${String(r.dBytes).padStart(7)}  ${String(r.dMs).padStart(5)}`);
});

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const OPEN = "('PENDING','IN_PROGRESS','BLOCKED')";
// The department a task counts for: its own, else its assignee's.
const TASK_DEPT = "coalesce(t.department_id, (SELECT g.department_id FROM agents g WHERE g.id = t.assignee_id))";

for (const [agents, tasks] of SIZES) {
  test(`a company of ${agents} agents and ${tasks} open tasks: every number is the database's`, { timeout: 600_000 }, async () => {
    const n = String(agents).padStart(5, "0");
    const owner = `00000000-0000-4000-8000-5ca1e${n.padStart(7, "0")}`;
    const company = `10000000-0000-4000-8000-5ca1e${n.padStart(7, "0")}`;
    const email = `scale-${agents}@mission-control.local`;
    psql(["-v", `owner=${owner}`, "-v", `email=${email}`, "-v", `company=${company}`, "-v", `agents=${agents}`, "-v", `tasks=${tasks}`, "-f", `${root}/tests/scale/build.sql`]);
    try {
      const rec = recording();
      const mc = createClient(URL_BASE, ANON, { global: { fetch: rec.fetch }, auth: { persistSession: false } });
      const { error: signInError } = await mc.auth.signInWithPassword({ email, password: "scale-test-password" });
      assert.equal(signInError, null);

      const runs = [];
      let view;
      for (let i = 0; i < 3; i++) {
        const from = rec.log.length;
        const t0 = performance.now();
        const { data, error } = await mc.cockpit.load(company);
        const ms = performance.now() - t0;
        assert.equal(error, null, error?.message);
        view = data;
        const reqs = rec.log.slice(from);
        runs.push({ ms, requests: reqs.length, bytes: reqs.reduce((s, r) => s + r.bytes, 0) });
      }

      // The company's own numbers.
      const want = sqlJson(`SELECT json_build_object(
        'open', (SELECT count(*) FROM tasks WHERE company_id = '${company}' AND status IN ${OPEN}),
        'PENDING', (SELECT count(*) FROM tasks WHERE company_id = '${company}' AND status = 'PENDING'),
        'IN_PROGRESS', (SELECT count(*) FROM tasks WHERE company_id = '${company}' AND status = 'IN_PROGRESS'),
        'BLOCKED', (SELECT count(*) FROM tasks WHERE company_id = '${company}' AND status = 'BLOCKED'),
        'COMPLETE', (SELECT count(*) FROM tasks WHERE company_id = '${company}' AND status = 'COMPLETE'),
        'agents', (SELECT count(*) FROM agents WHERE company_id = '${company}'),
        'pending', (SELECT count(*) FROM escalations WHERE company_id = '${company}' AND status = 'PENDING'),
        'toCeo', (SELECT count(*) FROM escalations e JOIN companies c ON c.id = e.company_id WHERE e.company_id = '${company}' AND e.status = 'PENDING' AND e.to_agent_id = c.ceo_id),
        'decisions', (SELECT count(*) FROM memory_entries WHERE company_id = '${company}' AND type = 'DECISION'),
        'knowledge', (SELECT count(*) FROM memory_entries WHERE company_id = '${company}' AND type = 'KNOWLEDGE'),
        'failed24', (SELECT count(*) FROM pulses WHERE company_id = '${company}' AND status = 'FAILED' AND completed_at >= now() - interval '1 day'),
        'ok24', (SELECT count(*) FROM pulses WHERE company_id = '${company}' AND status = 'COMPLETE' AND completed_at >= now() - interval '1 day'))`);
      assert.equal(view.openTasks, want.open, "open tasks");
      assert.deepEqual(view.taskCounts, { PENDING: want.PENDING, IN_PROGRESS: want.IN_PROGRESS, BLOCKED: want.BLOCKED, COMPLETE: want.COMPLETE }, "tasks by status");
      assert.equal(view.roster.length, want.agents, "every agent is in the roster");
      assert.equal(new Set(view.roster.map((a) => a.id)).size, want.agents, "no agent twice");
      assert.equal(view.pendingEscalationCount, want.pending, "pending escalations");
      assert.equal(view.pendingEscalations.length, Math.min(want.pending, 100), "newest 100 listed");
      assert.deepEqual(view.memoryCounts, { DECISION: want.decisions, KNOWLEDGE: want.knowledge }, "memory counts");
      assert.deepEqual(view.pulses24h, { COMPLETE: want.ok24, FAILED: want.failed24 }, "pulses of the last 24 h");
      const command = view.regions.find((r) => r.type === "COMMAND");
      assert.equal(command.attention, want.toCeo, "COMMAND attention: pending escalations to the CEO");

      // Every department tile.
      const depts = sqlJson(`SELECT json_agg(json_build_object('id', d.id,
          'headcount', (SELECT count(*) FROM agents a WHERE a.department_id = d.id AND a.status = 'ACTIVE'),
          'open', (SELECT count(*) FROM tasks t WHERE t.company_id = d.company_id AND t.status IN ${OPEN} AND ${TASK_DEPT} = d.id),
          'blocked', (SELECT count(*) FROM tasks t WHERE t.company_id = d.company_id AND t.status = 'BLOCKED' AND ${TASK_DEPT} = d.id),
          'done', (SELECT count(*) FROM tasks t WHERE t.company_id = d.company_id AND t.status = 'COMPLETE' AND ${TASK_DEPT} = d.id),
          'raised', (SELECT count(*) FROM escalations e JOIN agents a ON a.id = e.from_agent_id WHERE a.department_id = d.id AND e.status = 'PENDING' AND e.type = 'ACTION_REQUIRED')))
        FROM departments d WHERE d.company_id = '${company}'`);
      assert.equal(view.departments.length, depts.length);
      for (const d of depts) {
        const tile = view.departments.find((t) => t.id === d.id);
        assert.deepEqual(
          { headcount: tile.headcount, openItems: tile.openItems, blocked: tile.blocked, completedTasks: tile.completedTasks, risks: tile.risks },
          { headcount: d.headcount, openItems: d.open, blocked: d.blocked, completedTasks: d.done, risks: d.blocked + d.raised },
          `department ${d.id}`,
        );
      }
      const atRisk = view.departments.filter((d) => d.risks > 0 || d.health !== "GREEN").length;
      const org = view.regions.find((r) => r.type === "ORGANIZATION");
      assert.equal(org.attention, atRisk + (org.health === "GREEN" ? 0 : 1));

      // Every agent's counts.
      const perAgent = sqlJson(`SELECT json_object_agg(a.id, json_build_array(
          (SELECT count(*) FROM tasks t WHERE t.assignee_id = a.id AND t.status IN ('PENDING','IN_PROGRESS')),
          (SELECT count(*) FROM tasks t WHERE t.assignee_id = a.id AND t.status = 'BLOCKED'),
          (SELECT count(*) FROM tasks t WHERE t.assignee_id = a.id AND t.status = 'COMPLETE'),
          (SELECT count(*) FROM messages m WHERE m.to_agent_id = a.id AND m.read_at IS NULL),
          (SELECT count(*) FROM escalations e WHERE e.to_agent_id = a.id AND e.status = 'PENDING')))
        FROM agents a WHERE a.company_id = '${company}'`);
      let checked = 0;
      for (const a of view.roster) {
        assert.deepEqual([a.activeTasks, a.blockedTasks, a.completedTasks, a.inbox, a.pendingEscalations], perAgent[a.id], `agent ${a.name}`);
        checked++;
      }
      assert.equal(checked, want.agents);

      // The largest department's view: exact counts, bounded lists.
      const big = depts.reduce((m, d) => (d.open > m.open ? d : m));
      const from = rec.log.length;
      const t0 = performance.now();
      const { data: dv, error: dError } = await mc.cockpit.department(big.id);
      const dMs = performance.now() - t0;
      assert.equal(dError, null, dError?.message);
      assert.deepEqual(
        { open: dv.counts.openTasks, done: dv.counts.completedTasks, blocked: dv.counts.blockedTasks, blockers: dv.counts.blockers, headcount: dv.counts.headcount },
        { open: big.open, done: big.done, blocked: big.blocked, blockers: big.blocked + big.raised, headcount: big.headcount },
      );
      assert.equal(dv.agents.length, Number(sql(`SELECT count(*) FROM agents WHERE department_id = '${big.id}'`)), "every agent of the department");
      assert.equal(dv.openTasks.length, Math.min(big.open, 50));
      const dReqs = rec.log.slice(from);

      // One agent's view: the inbox and active tasks counted, not listed.
      const busy = view.roster.reduce((m, a) => (a.activeTasks + a.blockedTasks > m.activeTasks + m.blockedTasks ? a : m));
      const { data: av } = await mc.cockpit.agent(busy.id);
      assert.equal(av.activeTaskCount, busy.activeTasks + busy.blockedTasks);
      assert.equal(av.inboxCount, busy.inbox);

      report.push({
        agents, tasks, requests: median(runs.map((r) => r.requests)), bytes: median(runs.map((r) => r.bytes)), ms: Math.round(median(runs.map((r) => r.ms))),
        dRequests: dReqs.length, dBytes: dReqs.reduce((s, r) => s + r.bytes, 0), dMs: Math.round(dMs),
      });
    } finally {
      psql(["-v", `owner=${owner}`, "-f", `${root}/tests/scale/drop.sql`]);
    }
  });
}
