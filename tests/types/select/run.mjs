// The select-string type suite: regenerates the tests from corpus.json (gen.mjs), type-checks
// them (any type error fails), then times our parser against postgrest-js's on the same valid
// strings (`tsc --extendedDiagnostics`, best of RUNS) and prints the check times and ratio.
// It ends with `# pass N` / `# fail N` (one check per corpus string, one for api.test-d.ts, one
// for the time), as scripts/test.sh's `node` parser counts them; a failing string is named.
//
//   node tests/types/select/run.mjs            fails (exit 1) on a type error or a ratio > 1.5
//   SELECT_TIMING=off node …/run.mjs           only the type check
//   SELECT_TIMING=warn node …/run.mjs          a ratio over the target is reported, not fatal
//   SELECT_RUNS=5 node …/run.mjs               best of 5 timing runs (default 3)
import { execFileSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"

const here = path.dirname(fileURLToPath(import.meta.url))
const cache = process.env.MC_CACHE || path.join(os.homedir(), ".cache/mission-control-sdk")
const tsc = [path.join(cache, "node/node_modules/.bin/tsc"), "tsc"].find((p) => p === "tsc" || fs.existsSync(p))
const TARGET = 1.5
const RUNS = Number(process.env.SELECT_RUNS || 3)
const timing = process.env.SELECT_TIMING || "gate"

const { counts, cases } = await import("./gen.mjs")
console.log(`select corpus: ${counts.valid} valid, ${counts.invalid} invalid, ${counts.differences} listed differences from postgrest-js, ${counts.tables} tables`)

let passed = 0, failed = 0
/** Prints the counts (scripts/test.sh reads them) and exits: 1 when a check failed. */
function end() {
  console.log(`# pass ${passed}\n# fail ${failed}`)
  process.exit(failed ? 1 : 0)
}

/** Runs tsc on a project: [output, ok]. */
function tscRun(project, extra = []) {
  try {
    return [execFileSync(tsc, ["-p", path.join(here, project), ...extra], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }), true]
  } catch (e) {
    return [String(e.stdout || "") + String(e.stderr || ""), false]
  }
}
/** Runs tsc on a project; returns its output, or ends the suite failed with it. */
function check(project, extra = []) {
  const [out, ok] = tscRun(project, extra)
  if (!ok) {
    process.stdout.write(out)
    console.error(`select types: ${project} has type errors`)
    failed++
    end()
  }
  return out
}
const stat = (out, name) => {
  const m = out.match(new RegExp(`^${name}:\\s+([\\d.]+)`, "m"))
  return m ? Number(m[1]) : NaN
}

{
  // One check per corpus string (its lines in ours.test-d.ts), one for api.test-d.ts.
  const [out, ok] = tscRun("tsconfig.test.json")
  const errors = [...out.matchAll(/^(?:.*[\\/])?([\w.-]+\.ts)\((\d+),\d+\): error/gm)].map((m) => [m[1], Number(m[2])])
  const bad = new Set(errors.filter(([f]) => f === "ours.test-d.ts").map(([, line]) => cases.findIndex((c) => line >= c.from && line <= c.to)))
  cases.forEach((c, i) => {
    if (bad.has(i)) { failed++; console.log(`not ok ${c.kind} ${c.table}: ${JSON.stringify(c.select)}`) } else passed++
  })
  const other = errors.filter(([f, line]) => f !== "ours.test-d.ts" || cases.findIndex((c) => line >= c.from && line <= c.to) < 0)
  if (other.length || (!ok && !errors.length)) failed++; else passed++
  if (!ok) {
    process.stdout.write(out)
    console.error("select types: type errors (above)")
    end()
  }
  console.log("select types: every valid string typed as postgrest-js types it (or as differences.md says), every invalid one refused with its message")
}
if (timing === "off") end()

/** Best check time of RUNS runs, with the instantiation count of the last. */
function time(project) {
  let best = Infinity, out = ""
  for (let i = 0; i < RUNS; i++) {
    out = check(project, ["--extendedDiagnostics"])
    best = Math.min(best, stat(out, "Check time"))
  }
  return { check: best, instantiations: stat(out, "Instantiations"), types: stat(out, "Types") }
}
const ours = time("tsconfig.timing-ours.json")
const theirs = time("tsconfig.timing-postgrest.json")
const ratio = ours.check / theirs.check
const row = (name, t) => `${name.padEnd(14)} check ${t.check.toFixed(2)} s  instantiations ${String(t.instantiations).padStart(9)}  types ${String(t.types).padStart(7)}`
console.log(row("ours", ours))
console.log(row("postgrest-js", theirs))
console.log(`ratio ours / postgrest-js: ${ratio.toFixed(2)} (target <= ${TARGET}; best of ${RUNS} runs each)`)
if (ratio > TARGET) {
  console.error(`select types: our check time is ${ratio.toFixed(2)}x postgrest-js's`)
  if (timing !== "warn") failed++; else passed++
} else passed++
end()
