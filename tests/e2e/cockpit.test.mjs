// End to end: the cockpit app (www/, built by Vite on the package tarball) in headless
// Chromium (playwright-core driving the system's chromium) against the stack. A new user
// onboards a company, drills down, drives a task through its states, raises, acknowledges and
// resolves an escalation (its task blocked, then unblocked), chats with an agent; a second user
// sees none of it. Screenshots of each screen go to $MC_STACK_DIR/logs/tests/e2e/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const env = process.env;
const ROOT = new URL("../..", import.meta.url).pathname;
const { chromium } = createRequire(import.meta.url)(`${env.MC_CACHE}/node/node_modules/playwright-core`);
const SHOTS = `${env.MC_STACK_DIR ?? "/var/tmp/mission-control-sdk/stack"}/logs/tests/e2e`;
const PORT = Number(env.MC_E2E_PORT ?? 4173);
const APP = `http://127.0.0.1:${PORT}/`;
let server, browser, page, shot = 0;
const errors = [];

async function screenshot(name) {
  shot += 1;
  await page.screenshot({ path: `${SHOTS}/${String(shot).padStart(2, "0")}-${name}.png`, fullPage: true });
}
const byTest = (id) => page.locator(`[data-testid="${id}"]`);
const email = (tag) => `e2e-${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

async function signUp(address) {
  await page.goto(APP);
  await byTest("switch-auth").click();
  await page.fill('input[name="email"]', address);
  await page.fill('input[name="password"]', "correct-horse-9");
  await page.click('button[type="submit"]');
}

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(`${ROOT}/www/dist/stack.json`, JSON.stringify({ url: env.MC_URL, anonKey: env.MC_ANON_KEY }));
  server = spawn("npx", ["--no-install", "vite", "preview", "--port", String(PORT), "--strictPort"], { cwd: `${ROOT}/www`, stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(APP)).ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"] });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("dialog", (d) => d.accept(d.message().startsWith("Why") ? "waiting for steel" : "approved by the CEO"));
});

after(async () => {
  await browser?.close();
  server?.kill();
});

test("a new user onboards a company and drills down to a department and an agent", async () => {
  await signUp(email("owner"));
  await byTest("onboarding-form").waitFor();
  await screenshot("onboarding");
  await page.fill('input[name="name"]', "Orbit Labs");
  await page.fill('input[name="mission"]', "Make launch boring.");
  await page.fill('input[name="vision"]', "A launch every week.");
  await page.fill('input[name="values"]', "Candour, Craft, Care");
  await page.fill('input[name="priorities"]', "Ship v1, Hire, Raise");
  await page.fill('input[name="ceo"]', "Rae");
  await page.fill('input[name="chief-TECHNOLOGY"]', "Ada");
  await page.fill('input[name="chief-FINANCE"]', "Luca");
  await byTest("onboard").click();
  await byTest("regions").waitFor();
  assert.equal(await page.locator('[data-testid^="region-"]').count(), 6, "six sector regions");
  assert.match(await byTest("dept-TECHNOLOGY").innerText(), /chief: Ada/);
  assert.match(await page.locator("header h1").innerText(), /Orbit Labs/);
  assert.equal(await page.evaluate(() => window.Constants.public.Enums.sector_type.length), 6, "window.Constants");
  assert.equal(await page.evaluate(async () => (await window.mc.from("companies").select("status").single()).data.status), "ACTIVE", "window.mc; the company is ACTIVE");
  await screenshot("global");
  await byTest("dept-TECHNOLOGY").locator("a").click();
  await byTest("department-view").waitFor();
  assert.match(await byTest("department-view").innerText(), /chief: Ada/);
  await screenshot("department");
  await byTest("department-view").locator("a", { hasText: "Ada" }).click();
  await byTest("agent-view").waitFor();
  assert.match(await byTest("agent-view").innerText(), /Reports to: Rae/);
  await screenshot("agent");
});

async function moveTask(title, button, column) {
  await byTest(`task-${title}`).locator("button", { hasText: button }).click();
  await byTest(`column-${column}`).locator(`[data-testid="task-${title}"]`).waitFor();
}

test("a task goes through its states on the board", async () => {
  await byTest("nav-tasks").click();
  await byTest("new-task").locator('input[name="title"]').fill("Build the pad");
  await byTest("new-task").locator("select").selectOption({ label: "Ada" });
  await byTest("new-task").locator("button").click();
  await byTest("column-PENDING").locator('[data-testid="task-Build the pad"]').waitFor();
  await moveTask("Build the pad", "start", "IN_PROGRESS");
  await moveTask("Build the pad", "block", "BLOCKED");
  assert.match(await byTest("task-Build the pad").innerText(), /waiting for steel/);
  await screenshot("task-blocked");
  await moveTask("Build the pad", "unblock", "IN_PROGRESS");
  await moveTask("Build the pad", "complete", "COMPLETE");
  await screenshot("task-board");
});

test("an escalation is raised, acknowledged and resolved, and its task unblocked", async () => {
  await byTest("new-task").locator('input[name="title"]').fill("Order steel");
  await byTest("new-task").locator("select").selectOption({ label: "Ada" });
  await byTest("new-task").locator("button").click();
  await byTest("column-PENDING").locator('[data-testid="task-Order steel"]').waitFor();
  await byTest("nav-escalations").click();
  const form = byTest("raise-form");
  await form.locator('select[name="from"]').selectOption({ label: "Ada" });
  await form.locator('select[name="trigger"]').selectOption("BUDGET_REQUEST");
  await form.locator('select[name="task"]').selectOption({ label: "Order steel" });
  await form.locator('input[name="context"]').fill("Steel costs 20% more");
  await form.locator('input[name="impact"]').fill("The pad slips a week");
  await form.locator('input[name="recommendation"]').fill("Approve the budget");
  await form.locator('button[type="submit"]').click();
  const card = byTest("escalation-BUDGET_REQUEST");
  await card.waitFor();
  assert.match(await card.innerText(), /ACTION_REQUIRED · Ada → Rae/);
  const status = () => page.evaluate(async () => (await window.mc.from("tasks").select("status").eq("title", "Order steel").single()).data.status);
  assert.equal(await status(), "BLOCKED", "the related task is blocked");
  await card.locator("button", { hasText: "acknowledge" }).click();
  await card.locator('[data-testid="escalation-status"]', { hasText: "ACKNOWLEDGED" }).waitFor();
  await card.locator("button", { hasText: "resolve" }).click();
  await card.locator('[data-testid="escalation-status"]', { hasText: "RESOLVED" }).waitFor();
  assert.match(await card.innerText(), /Resolution: approved by the CEO/);
  assert.equal(await status(), "IN_PROGRESS", "resolving unblocked the task");
  await screenshot("escalations");
});

test("a chat is opened, used and closed", async () => {
  await byTest("nav-chat").click();
  await byTest("chat-agent").selectOption({ label: "Ada" });
  await byTest("chat-open").click();
  await byTest("chat-session").waitFor();
  await byTest("chat-session").locator('input[name="content"]').fill("How is the pad?");
  await byTest("chat-session").locator("button").click();
  await byTest("chat-session").locator(".bubble", { hasText: "How is the pad?" }).waitFor();
  await screenshot("chat");
  await byTest("chat-close").click();
  await byTest("chat-none").waitFor();
  assert.equal(await page.evaluate(async () => (await window.mc.from("chat_sessions").select("status").single()).data.status), "CLOSED");
});

test("a second user sees none of it", async () => {
  await byTest("sign-out").click();
  await byTest("auth-form").waitFor();
  await signUp(email("other"));
  await byTest("onboarding-form").waitFor();
  const seen = await page.evaluate(async () => {
    const tables = ["companies", "agents", "tasks", "escalations", "chat_sessions", "chat_messages"];
    const counts = {};
    for (const t of tables) counts[t] = (await window.mc.from(t).select("id")).data.length;
    return counts;
  });
  assert.deepEqual(seen, { companies: 0, agents: 0, tasks: 0, escalations: 0, chat_sessions: 0, chat_messages: 0 });
  await screenshot("second-user");
  assert.deepEqual(errors, [], "no page errors");
});

test("what a cockpit load costs against the seeded stack (a report)", async () => {
  await byTest("sign-out").click();
  await byTest("auth-form").waitFor();
  await page.fill('input[name="email"]', "demo@mission-control.local");
  await page.fill('input[name="password"]', "mission-control-demo");
  await page.click('button[type="submit"]');
  await byTest("regions").waitFor();
  await screenshot("demo-global");
  const report = await page.evaluate(async () => {
    const times = [];
    let requests = 0;
    const observer = new PerformanceObserver((l) => { requests += l.getEntries().filter((e) => e.name.includes("/rest/v1/")).length; });
    observer.observe({ type: "resource", buffered: false });
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      const r = await window.mc.cockpit.load();
      if (r.error || !r.data) throw new Error("cockpit load failed");
      times.push(performance.now() - t);
    }
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    times.sort((a, b) => a - b);
    return { median_ms: Number(times[3].toFixed(1)), min_ms: Number(times[0].toFixed(1)), requests_per_load: requests / 7 };
  });
  console.log(`cockpit load against the seeded stack: ${JSON.stringify(report)}`);
  assert.equal(report.requests_per_load, 3, "three requests per load");
});
