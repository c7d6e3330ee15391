// Runs in headless Chromium: the same stubbed fetch feeds our client and postgrest-js; each
// query is timed end to end (build, send, decode). A bare fetch + JSON.parse is the baseline.
import init, { createClient } from "./ours/mission_control_sdk.js";
import { PostgrestClient } from "./postgrest.js";

const URL_BASE = "http://bench.invalid";
function row(i) {
  return {
    id: `40000000-0000-4000-8000-${String(i).padStart(12, "0")}`, company_id: "10000000-0000-4000-8000-000000000001",
    assignee_id: "20000000-0000-4000-8000-000000000002", assigned_by: "20000000-0000-4000-8000-000000000001",
    department_id: null, project_id: null, title: `Task number ${i}: ship the thing`, description: i % 3 ? null : "Longer description text for the task",
    parameters: { milestone: "v2", weight: i % 7 }, status: "PENDING", priority: "NORMAL", created_at: "2026-11-25T10:44:56.281012+00:00",
    started_at: null, completed_at: null, blocked_reason: null, parent_task_id: null,
  };
}
const bodies = {};
for (const n of [1, 100, 10000]) bodies[n] = JSON.stringify(Array.from({ length: n }, (_, i) => row(i)));
let current = bodies[1];
const stubFetch = async () => new Response(current, { status: 200, headers: { "content-type": "application/json", "content-range": "0-0/*" } });

async function time(fn, iterations) {
  for (let i = 0; i < Math.min(20, iterations); i++) await fn(); // warm up
  if (window.gc) window.gc(); // each run starts from a collected heap: less noise from the last one
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await fn();
  return ((performance.now() - start) / iterations) * 1000; // µs per query
}

const wasm = await init();
const ours = createClient(URL_BASE, "key", { global: { fetch: stubFetch }, retry: false });
const theirs = new PostgrestClient(`${URL_BASE}/rest/v1`, { headers: { apikey: "key" }, fetch: stubFetch });
const results = [];
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
// The same query each time (as a page polling its data does), and — the last case — a query
// that differs every time (a new filter value), which our prepared-request cache cannot serve.
const same = (c) => c.from("tasks").select("*").eq("status", "PENDING");
let k = 0;
const distinct = (c) => c.from("tasks").select("*").eq("title", `task ${k++}`);
const cases = [[1, 2000, same, "1"], [100, 1000, same, "100"], [10000, 30, same, "10000"], [1, 2000, distinct, "1 (new filter)"]];
for (const [n, iterations, query, label] of cases) {
  current = bodies[n];
  const check = async (c) => { const r = await query(c); if (r.error || r.data.length !== n) throw new Error(`bad result for ${n}`); };
  await check(ours); await check(theirs);
  const runs = { bare: [], pg: [], mc: [] };
  // Seven rounds, alternating which client goes first, so that neither always pays the other's
  // garbage collection; the medians are reported, with every run.
  for (let round = 0; round < 7; round++) {
    runs.bare.push(await time(async () => JSON.parse(await (await stubFetch()).text()), iterations));
    const pg = () => time(() => query(theirs), iterations);
    const mc = () => time(() => query(ours), iterations);
    if (round % 2) { runs.mc.push(await mc()); runs.pg.push(await pg()); } else { runs.pg.push(await pg()); runs.mc.push(await mc()); }
  }
  results.push({ rows: label, bare_us: median(runs.bare), postgrest_us: median(runs.pg), ours_us: median(runs.mc), runs });
}
// Memory (Chromium started with --expose-gc and precise memory info): what a new client and
// 2,000 different 1-row queries through it leave on the JS heap once collected (ours keeps up to
// 256 prepared requests), and the wasm module's linear memory (ours only: postgrest-js has none).
const gc = () => { for (let i = 0; i < 3; i++) window.gc(); };
const heap = () => performance.memory.usedJSHeapSize;
async function retained(make) {
  current = bodies[1];
  gc();
  const before = heap();
  const c = make();
  for (let i = 0; i < 2000; i++) await distinct(c);
  gc();
  const after = heap();
  window.__keep = c; // the client itself stays alive, as an app's does
  return after - before;
}
const memory = { pg: [], mc: [], wasmBefore: wasm.memory.buffer.byteLength };
for (let round = 0; round < 3; round++) {
  memory.pg.push(await retained(() => new PostgrestClient(`${URL_BASE}/rest/v1`, { headers: { apikey: "key" }, fetch: stubFetch })));
  memory.mc.push(await retained(() => createClient(URL_BASE, "key", { global: { fetch: stubFetch }, retry: false })));
}
memory.wasmAfter = wasm.memory.buffer.byteLength;
window.__memory = memory;
window.__results = results;
