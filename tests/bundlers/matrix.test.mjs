// The bundler matrix (issue 17): one minimal app (app/index.js) per environment, built with
// zero lines of configuration and the bundler's default target, loaded in headless Chromium
// against the stack: it signs in, runs a query and shows a validation error. Node 20 imports and
// requires the package. Installs are cached in $MC_CACHE/bundlers (keyed by their package.json).
// Prints per entry the configuration lines (must be 0), build time, the gzip bytes shipped and
// how the wasm arrived (streamed from its file, or the inlined fallback).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import path from "node:path";

const env = process.env;
const ROOT = new URL("../..", import.meta.url).pathname;
const HERE = new URL(".", import.meta.url).pathname;
const CACHE = `${env.MC_CACHE}/bundlers`;
const TARBALL = `${CACHE}/mission-control-sdk.tgz`;
const { chromium } = createRequire(import.meta.url)(`${env.MC_CACHE}/node/node_modules/playwright-core`);
// (not `?url=`: Vite reads that as its own asset suffix)
const QUERY = `?api=${encodeURIComponent(env.MC_URL)}&anon=${encodeURIComponent(env.MC_ANON_KEY)}`;
const report = [];
let browser, port = 4300;

const ENTRIES = {
  vite5: { deps: { vite: "5.4.21" } },
  vite6: { deps: { vite: "6.4.6" } },
  vite7: { deps: { vite: "7.3.8" } },
  vite8: { deps: { vite: "8.4.0" } },
  webpack5: { deps: { webpack: "5.113.0", "webpack-cli": "6.0.0" } },
  esbuild: { deps: { esbuild: "0.28.2" } },
  rollup4: { deps: { rollup: "4.68.9", "@rollup/plugin-node-resolve": "16.0.2" } },
  "no-bundler": { deps: {} },
  node20: { deps: {} },
  // Node 22 from the npm registry (the `node` package carries the binary).
  node22: { deps: { node: "22.23.3" } },
  typescript: { deps: { typescript: "5.9.3", "@types/react": "19.1.12" } },
};

function sh(cwd, cmd, args, extra = {}) {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 26, ...extra });
}

/** The entry's folder: its packages installed once (per package.json), the package tarball fresh. */
function project(name) {
  const dir = `${CACHE}/${name}`;
  const pkg = JSON.stringify({ name: `matrix-${name}`, private: true, type: "module", dependencies: ENTRIES[name].deps }, null, 2);
  const stamp = createHash("sha1").update(pkg).digest("hex").slice(0, 12);
  mkdirSync(dir, { recursive: true });
  if (!existsSync(`${dir}/.installed-${stamp}`)) {
    rmSync(`${dir}/node_modules`, { recursive: true, force: true });
    writeFileSync(`${dir}/package.json`, pkg);
    sh(dir, "npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", "--no-package-lock"]);
    for (const f of readdirSync(dir)) if (f.startsWith(".installed-")) rmSync(`${dir}/${f}`);
    writeFileSync(`${dir}/.installed-${stamp}`, "");
  }
  writeFileSync(`${dir}/package.json`, pkg);
  rmSync(`${dir}/node_modules/@mission-control`, { recursive: true, force: true });
  mkdirSync(`${dir}/node_modules/@mission-control/sdk`, { recursive: true });
  sh(`${dir}/node_modules/@mission-control/sdk`, "tar", ["-xzf", TARBALL, "--strip-components=1"]);
  for (const d of ["src", "dist", "node_modules/.vite"]) rmSync(`${dir}/${d}`, { recursive: true, force: true });
  mkdirSync(`${dir}/src`);
  cpSync(`${HERE}/app/index.js`, `${dir}/src/index.js`);
  writeFileSync(`${dir}/index.html`, readFileSync(`${HERE}/app/index.html`, "utf8").replace("./index.js", "./src/index.js"));
  return dir;
}

/** Configuration lines the entry needed: every bundler config file it has (none is written). */
function configLines(dir) {
  return readdirSync(dir).filter((f) => /^(vite|webpack|rollup|esbuild)\.config\./.test(f)).reduce((n, f) => n + readFileSync(`${dir}/${f}`, "utf8").split("\n").length, 0);
}

function gzipOf(dir) {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const f = path.join(e.parentPath ?? e.path, e.name);
    if (e.isFile() && /\.(js|mjs|wasm)$/.test(e.name)) n += gzipSync(readFileSync(f), { level: 9 }).length;
  }
  return n;
}

function serve(cmd, args, cwd, url) {
  const child = spawn(cmd, args, { cwd, stdio: "ignore", detached: true });
  return { child, url, stop: () => { try { process.kill(-child.pid); } catch {} } };
}

async function waitUp(url) {
  for (let i = 0; i < 150; i++) {
    try { if ((await fetch(url)).ok) return; } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

/** Loads the page and waits for the app's result; how the wasm arrived is read off the network. */
async function run(url) {
  const page = await browser.newPage();
  const errors = [];
  let wasm = "inlined";
  const bodies = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("response", (r) => {
    if (r.url().endsWith(".wasm") && r.status() === 200 && (r.headers()["content-type"] ?? "").startsWith("application/wasm")) wasm = "streamed";
    if (r.url().startsWith(url) && r.status() === 200 && /\.(m?js|wasm)(\?|$)/.test(new URL(r.url()).pathname)) bodies.push(r.body().then((b) => gzipSync(b, { level: 9 }).length, () => 0));
  });
  await page.goto(url + QUERY);
  const result = await page.waitForFunction(() => window.__result, null, { timeout: 60000 }).then((h) => h.jsonValue());
  const loaded = (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
  await page.close();
  return { result, errors, wasm, loaded };
}

function check({ result, errors }) {
  assert.deepEqual(errors, [], "no uncaught error");
  assert.deepEqual(result, { stage: "created", signIn: "ok", rows: [{ name: "Acme Robotics" }], queryError: null, validation: "validation_failed" });
}

before(async () => {
  mkdirSync(CACHE, { recursive: true });
  const name = sh(`${ROOT}/pkg`, "npm", ["pack", "--silent", "--pack-destination", CACHE]).trim().split("\n").pop();
  cpSync(`${CACHE}/${name}`, TARBALL);
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
});
after(async () => {
  await browser?.close();
  console.log("\nbundler matrix (zero configuration, default targets):");
  console.log("  entry                    config lines   build ms   gzip B shipped   gzip B the page loaded   wasm");
  for (const r of report) console.log(`  ${r.entry.padEnd(25)} ${String(r.config).padStart(12)} ${String(r.buildMs ?? "-").padStart(10)} ${String(r.bytes ?? "-").padStart(16)} ${String(r.loaded ?? "-").padStart(24)}   ${r.wasm ?? "-"}`);
  console.log("  (shipped: every .js and .wasm of the output, the inlined-wasm fallback chunk included where the bundler emits it; loaded: what the page fetched, the app's own code included)");
});

async function built(entry, name, build, serveDist) {
  const dir = project(name);
  const t0 = Date.now();
  build(dir);
  const buildMs = Date.now() - t0;
  const p = port++;
  const s = serveDist(dir, p);
  try {
    await waitUp(s.url);
    const out = await run(s.url);
    check(out);
    report.push({ entry, config: configLines(dir), buildMs, bytes: gzipOf(`${dir}/dist`), loaded: out.loaded, wasm: out.wasm });
  } finally {
    s.stop();
  }
  assert.equal(configLines(dir), 0);
}

const python = (dir, p) => serve("python3", ["-m", "http.server", String(p), "--bind", "127.0.0.1", "--directory", dir], dir, `http://127.0.0.1:${p}/`);
const pythonDist = (dir, p) => python(`${dir}/dist`, p);

for (const v of ["vite5", "vite6", "vite7", "vite8"]) {
  test(`${v}: production build and preview`, { timeout: 300000 }, () =>
    built(`${v} build`, v, (dir) => sh(dir, "npx", ["--no-install", "vite", "build", "--logLevel", "error"]),
      (dir, p) => serve("npx", ["--no-install", "vite", "preview", "--port", String(p), "--strictPort", "--host", "127.0.0.1"], dir, `http://127.0.0.1:${p}/`)));
  test(`${v}: dev server`, { timeout: 300000 }, async () => {
    const dir = project(v);
    const p = port++;
    const s = serve("npx", ["--no-install", "vite", "--port", String(p), "--strictPort", "--host", "127.0.0.1"], dir, `http://127.0.0.1:${p}/`);
    try {
      await waitUp(s.url);
      const out = await run(s.url);
      check(out);
      report.push({ entry: `${v} dev`, config: configLines(dir), loaded: out.loaded, wasm: out.wasm });
    } finally {
      s.stop();
    }
  });
}

test("webpack 5: production build", { timeout: 300000 }, () =>
  built("webpack5 build", "webpack5", (dir) => {
    sh(dir, "npx", ["--no-install", "webpack", "--mode", "production"]);
    writeFileSync(`${dir}/dist/index.html`, '<!doctype html><meta charset="utf-8"><script src="./main.js"></script>');
  }, pythonDist));

test("esbuild --bundle", { timeout: 300000 }, () =>
  built("esbuild --bundle", "esbuild", (dir) => {
    sh(dir, "npx", ["--no-install", "esbuild", "src/index.js", "--bundle", "--outfile=dist/main.js", "--log-level=error"]);
    writeFileSync(`${dir}/dist/index.html`, '<!doctype html><meta charset="utf-8"><script src="./main.js"></script>');
  }, pythonDist));

test("Rollup 4 with @rollup/plugin-node-resolve", { timeout: 300000 }, () =>
  built("rollup4 + node-resolve", "rollup4", (dir) => {
    sh(dir, "npx", ["--no-install", "rollup", "src/index.js", "-p", "node-resolve", "-d", "dist", "--silent"]);
    writeFileSync(`${dir}/dist/index.html`, '<!doctype html><meta charset="utf-8"><script type="module" src="./index.js"></script>');
  }, pythonDist));

test("a page without a bundler (an import map)", { timeout: 300000 }, async () => {
  const dir = project("no-bundler");
  writeFileSync(`${dir}/index.html`, `<!doctype html><meta charset="utf-8">
<script type="importmap">{ "imports": { "@mission-control/sdk": "./node_modules/@mission-control/sdk/index.js" } }</script>
<script type="module" src="./src/index.js"></script>`);
  const p = port++;
  const s = python(dir, p);
  try {
    await waitUp(s.url);
    const out = await run(s.url);
    check(out);
    const sdk = `${dir}/node_modules/@mission-control/sdk`;
    const shipped = ["index.js", "provider.js", "mission_control_sdk_bg.js", "mission_control_sdk_bg.wasm"].reduce((n, f) => n + gzipSync(readFileSync(`${sdk}/${f}`), { level: 9 }).length, 0) + gzipOf(`${sdk}/snippets`);
    report.push({ entry: "no bundler (import map)", config: 0, bytes: shipped, loaded: out.loaded, wasm: out.wasm });
  } finally {
    s.stop();
  }
});

const NODES = [["node20", () => process.execPath], ["node22", (dir) => `${dir}/node_modules/node/bin/node`]];
for (const [project_, bin] of NODES) {
  for (const [kind, file, body] of [
    ["import", "check.mjs", `import { createClient } from "@mission-control/sdk";\nconst mc = createClient(process.env.MC_URL, process.env.MC_ANON_KEY, { auth: { persistSession: false } });\n`],
    ["require", "check.cjs", `const { createClient } = require("@mission-control/sdk");\nconst mc = createClient(process.env.MC_URL, process.env.MC_ANON_KEY, { auth: { persistSession: false } });\n`],
  ]) {
    test(`${project_}: ${kind}`, { timeout: 120000 }, () => {
      const dir = project(project_);
      writeFileSync(`${dir}/${file}`, `${body}let validation; try { mc.validate("agents", "insert", { tier: 9 }); } catch (e) { validation = e.code; }
mc.auth.signInWithPassword({ email: "demo@mission-control.local", password: "mission-control-demo" })
  .then(({ error }) => mc.from("companies").select("name").limit(1).then(({ data, error: e }) => console.log(JSON.stringify({ signIn: error ? error.code : "ok", rows: data, queryError: e ? e.code : null, validation, node: process.version }))));\n`);
      const out = JSON.parse(sh(dir, bin(dir), [file], { env }).trim());
      const { node, ...rest } = out;
      assert.deepEqual(rest, { signIn: "ok", rows: [{ name: "Acme Robotics" }], queryError: null, validation: "validation_failed" });
      report.push({ entry: `node ${node} ${kind}`, config: 0, wasm: "file, synchronous" });
    });
  }
}

for (const resolution of ["bundler", "node16"]) {
  test(`TypeScript ${resolution} resolution, default lib`, { timeout: 120000 }, () => {
    const dir = project("typescript");
    const module = resolution === "node16" ? "node16" : "esnext";
    writeFileSync(`${dir}/tsconfig.json`, JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: "ES2020", module, moduleResolution: resolution, lib: ["ES2020", "DOM"], skipLibCheck: false, jsx: "react-jsx" }, files: ["check.ts"] }));
    writeFileSync(`${dir}/check.ts`, `import { createClient, createDataProvider, ready, type TaskRow } from "@mission-control/sdk";
import type { HealthStatus, RegionSummary } from "@mission-control/sdk/provider";
import { McProvider, useDataProvider } from "@mission-control/sdk/react";
const mc = createClient("http://127.0.0.1:54321", "anon");
const provider = createDataProvider(mc);
const h: HealthStatus = "green";
const r: RegionSummary[] = provider.getAllRegionSummaries();
export async function rows(): Promise<TaskRow[]> { await ready(); const { data } = await mc.from("tasks").select("*"); return data ?? []; }
export { McProvider, useDataProvider, h, r };
`);
    const out = (() => { try { return sh(dir, process.execPath, [`${dir}/node_modules/typescript/bin/tsc`, "-p", "tsconfig.json"]); } catch (e) { return String(e.stdout ?? e); } })();
    assert.equal(out.trim(), "", out);
    report.push({ entry: `tsc (${resolution})`, config: 0, wasm: "-" });
  });
}

// Under a Content Security Policy (issue 23): the Vite 8 build served with each policy. With
// 'wasm-unsafe-eval' the app signs in and queries; without it, every call answers the McError
// `wasm_blocked` (naming the directive), nothing is thrown uncaught and no promise hangs.
const POLICIES = {
  working: (api) => `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' ${api}; style-src 'self' 'unsafe-inline'`,
  strict: (api) => `default-src 'self'; script-src 'self'; connect-src 'self' ${api}; style-src 'self' 'unsafe-inline'`,
};
for (const [name, policy] of Object.entries(POLICIES)) {
  test(`CSP ${name}: ${policy("<api>")}`, { timeout: 300000 }, async () => {
    const dir = project("vite8");
    sh(dir, "npx", ["--no-install", "vite", "build", "--logLevel", "error"]);
    const { createServer } = await import("node:http");
    const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };
    const header = policy(new URL(env.MC_URL).origin);
    const server = createServer((req, res) => {
      const file = path.join(`${dir}/dist`, decodeURIComponent(new URL(req.url, "http://x").pathname).replace(/\/$/, "/index.html"));
      if (!file.startsWith(`${dir}/dist`) || !existsSync(file) || !statSync(file).isFile()) { res.writeHead(404); return res.end(); }
      res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream", "content-security-policy": header });
      res.end(readFileSync(file));
    });
    await new Promise((r) => server.listen(0, "127.0.0.1", r));
    try {
      const out = await run(`http://127.0.0.1:${server.address().port}/`);
      assert.deepEqual(out.errors, [], "nothing uncaught");
      if (name === "working") {
        check(out);
        assert.equal(out.wasm, "streamed");
      } else {
        assert.deepEqual(out.result, { stage: "created", signIn: "wasm_blocked", rows: null, queryError: "wasm_blocked", validation: "wasm_blocked" });
      }
      report.push({ entry: `CSP ${name}`, config: 0, loaded: out.loaded, wasm: name === "working" ? out.wasm : "refused: wasm_blocked" });
    } finally {
      server.close();
    }
  });
}
