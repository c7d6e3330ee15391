// Runs the JS scenarios of a browser suite, each once per page, and answers for one named check
// at a time: every check is its own #[wasm_bindgen_test] (declared by `scenario_checks!` in
// tests/common/mod.rs), and a failure names the check and the value it saw.
//
// A scenario is `async (ctx, check) => result`. `check(id, cond, what, got)` records a verdict
// under `id` and returns `cond`; a failed check does not stop the scenario, so the checks after it
// still get their own verdicts. A check run more than once (in a loop) passes when every run
// passed and reports its first failure. A scenario that throws stops: the checks it did not
// reach fail as "not reached", naming the last check it ran and what it threw.

const runs = new WeakMap();

function show(v) {
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 600 ? `${s.slice(0, 600)}…` : s;
  } catch {
    return String(v);
  }
}

function recorder() {
  const r = { verdicts: new Map(), last: null, stopped: null };
  r.check = (id, cond, what, got) => {
    if (typeof id !== "string" || !id) throw new Error(`a check without a name: ${what}`);
    r.last = id;
    const prev = r.verdicts.get(id);
    if (cond) {
      if (!prev) r.verdicts.set(id, { pass: true });
    } else if (!prev || prev.pass) {
      r.verdicts.set(id, { pass: false, message: `${what}${got === undefined ? "" : ` (got ${show(got)})`}` });
    }
    return Boolean(cond);
  };
  // `check.each({ id: async () => … })`: independent parts, one check each; a part that throws
  // fails its own check and the next part still runs.
  r.check.each = async (parts) => {
    for (const [id, part] of Object.entries(parts)) {
      try {
        await part(id);
      } catch (e) {
        r.check(id, false, `${id} threw: ${e?.message ?? show(e)}`);
      }
      if (!r.verdicts.has(id)) r.check(id, false, `${id} checked nothing`);
    }
  };
  return r;
}

function run(scenarios, name, ctx) {
  let byName = runs.get(scenarios);
  if (!byName) runs.set(scenarios, (byName = new Map()));
  let r = byName.get(name);
  if (!r) {
    const body = scenarios[name];
    if (typeof body !== "function") throw new Error(`no scenario ${name}`);
    const rec = recorder();
    r = (async () => {
      try {
        rec.result = await body(ctx, rec.check);
      } catch (e) {
        rec.stopped = e;
      }
      return rec;
    })();
    byName.set(name, r);
  }
  return r;
}

/** Runs (once) the scenario `name` of `scenarios`, then throws unless its check `id` passed. */
export async function verdict(scenarios, name, ctx, id) {
  const r = await run(scenarios, name, ctx);
  const v = r.verdicts.get(id);
  if (v && v.pass) return;
  if (v) throw new Error(`check failed: ${v.message}`);
  if (r.stopped) {
    throw new Error(`not reached: the scenario ${name} stopped after ${r.last ?? "its setup"}: ${r.stopped?.message ?? show(r.stopped)}`);
  }
  throw new Error(`the scenario ${name} has no check ${id}`);
}

/**
 * Runs (once) every scenario and lists what does not match the declared checks: a scenario not
 * declared, a check the scenario ran that has no test, a declared check it never ran.
 */
export async function undeclared(scenarios, declared, ctx) {
  const out = [];
  for (const name of Object.keys(scenarios)) {
    if (!(name in declared)) out.push(`scenario ${name} has no tests`);
  }
  for (const [name, ids] of Object.entries(declared)) {
    if (typeof scenarios[name] !== "function") { out.push(`no scenario ${name}`); continue; }
    const r = await run(scenarios, name, ctx);
    if (r.stopped) continue; // its unreached checks fail on their own
    for (const id of r.verdicts.keys()) if (!ids.includes(id)) out.push(`${name}: check ${id} has no test`);
    for (const id of ids) if (!r.verdicts.has(id)) out.push(`${name}: test ${id} names no check`);
  }
  return out;
}
