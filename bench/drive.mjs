// Opens the benchmark page in headless Chromium (playwright-core, the system's chromium) and
// prints the figures as a table of ratios.
import { createRequire } from "node:module";

const { chromium } = createRequire(import.meta.url)(`${process.env.MC_CACHE}/node/node_modules/playwright-core`);

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--js-flags=--expose-gc", "--enable-precise-memory-info", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage();
page.on("pageerror", (e) => { console.error(e); process.exitCode = 1; });
await page.goto(process.argv[2]);
const results = await page.waitForFunction(() => window.__results, null, { timeout: 300000 }).then((h) => h.jsonValue());
const memory = await page.evaluate(() => window.__memory);
await browser.close();
for (const r of results) {
  const f = (v) => v.map((x) => x.toFixed(1)).join(" ");
  console.log(`  ${r.rows} rows, every run (µs): postgrest-js ${f(r.runs.pg)} | ours ${f(r.runs.mc)}`);
}
console.log("per query, stubbed fetch, headless Chromium (median of 7 alternating runs, µs; lower is better):");
console.log("  rows                bare fetch+JSON.parse   postgrest-js        ours   ours/postgrest-js   ours/JSON.parse   postgrest-js/JSON.parse");
for (const r of results) {
  console.log(`  ${String(r.rows).padEnd(16)}  ${r.bare_us.toFixed(1).padStart(20)}  ${r.postgrest_us.toFixed(1).padStart(13)}  ${r.ours_us.toFixed(1).padStart(10)}  ${(r.ours_us / r.postgrest_us).toFixed(2).padStart(17)}×  ${(r.ours_us / r.bare_us).toFixed(2).padStart(15)}×  ${(r.postgrest_us / r.bare_us).toFixed(2).padStart(22)}×`);
}
const kb = (b) => (b / 1024).toFixed(1);
const med = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
console.log("memory, headless Chromium (after garbage collection; median of 3 rounds):");
console.log(`  JS heap left by a new client and 2,000 different 1-row queries: postgrest-js ${kb(med(memory.pg))} KB, ours ${kb(med(memory.mc))} KB (every round: ${memory.pg.map(kb).join(" ")} | ${memory.mc.map(kb).join(" ")})`);
console.log(`  our wasm linear memory: ${kb(memory.wasmAfter)} KB after every benchmark above (${kb(memory.wasmBefore)} KB before the memory rounds; postgrest-js has none)`);
