// Browser checks of the workflows (mc.tasks, mc.escalations, mc.chat, mc.agents, mc.messages,
// mc.memory) against the stack, run by tests/domain_browser.rs. ctx: { create, env }.

function check(cond, what, got) {
  if (!cond) throw new Error(`check failed: ${what}${got === undefined ? "" : ` (got ${JSON.stringify(got)})`}`);
}
function ok(res, what) {
  check(res && res.error === null, `${what}: no error`, res && res.error && { code: res.error.code, message: res.error.message, details: res.error.details });
  return res.data;
}
function fails(res, code, what) {
  check(res.error instanceof Error && res.error.code === code, `${what}: ${code}`, res.error && { code: res.error.code, message: res.error.message });
  return res.error;
}

/** A signed-in client whose fetch is recorded (and can be intercepted), with a company. */
async function world({ create, env }) {
  const sent = [];
  const hooks = { beforePatch: null };
  const fetchSpy = async (url, init) => {
    sent.push(`${init?.method ?? "GET"} ${String(url).replace(env.url, "")}`);
    if (init?.method === "PATCH" && hooks.beforePatch) { const h = hooks.beforePatch; hooks.beforePatch = null; await h(); }
    return fetch(url, init);
  };
  const mc = create(env.url, env.anon, { global: { fetch: fetchSpy }, auth: { persistSession: false, autoRefreshToken: false } });
  const email = `domain-${Date.now()}-${Math.floor(Math.random() * 1e9)}@example.com`;
  const user = ok(await mc.auth.signUp({ email, password: "correct-horse-9" }), "sign up").user.id;
  const company = async (name) => {
    const c = ok(await mc.from("companies").insert({ name, owner_user_id: user }).select("id").single(), "company").id;
    const ceo = ok(await mc.from("agents").insert({ company_id: c, name: "CEO", role: "CEO", tier: 1, human: true }).select("id").single(), "ceo").id;
    ok(await mc.from("companies").update({ ceo_id: ceo }).eq("id", c), "ceo_id");
    const cto = ok(await mc.from("agents").insert({ company_id: c, name: "CTO", role: "CTO", tier: 2, reports_to: ceo }).select("id").single(), "cto").id;
    const mgr = ok(await mc.from("agents").insert({ company_id: c, name: "Manager", role: "Eng manager", tier: 3, reports_to: cto }).select("id").single(), "manager").id;
    const task = async (title) => ok(await mc.from("tasks").insert({ company_id: c, assignee_id: mgr, assigned_by: cto, title }).select("id").single(), "task").id;
    return { id: c, ceo, cto, mgr, task };
  };
  return { mc, sent, hooks, user, email, company, env, create };
}

export async function tasks(ctx) {
  const w = await world(ctx);
  const { mc, sent, hooks } = w;
  const co = await w.company("Tasks Co");
  const t = await co.task("Ship the arm firmware");
  const started = ok(await mc.tasks.start(t), "start");
  check(started.status === "IN_PROGRESS" && typeof started.started_at === "string", "IN_PROGRESS with started_at", started);
  const blocked = ok(await mc.tasks.block(t, "waiting for parts"), "block");
  check(blocked.status === "BLOCKED" && blocked.blocked_reason === "waiting for parts", "BLOCKED with a reason", blocked);
  const unblocked = ok(await mc.tasks.unblock(t), "unblock");
  check(unblocked.status === "IN_PROGRESS" && unblocked.blocked_reason === null && unblocked.started_at === started.started_at, "unblock clears the reason, keeps started_at", unblocked);
  const done = ok(await mc.tasks.complete(t), "complete");
  check(done.status === "COMPLETE" && done.completed_at >= done.started_at, "COMPLETE with completed_at", done);
  // Refused before any write: an illegal step, a blank reason, a bad id.
  sent.length = 0;
  const e = fails(await mc.tasks.start(t), "invalid_transition", "COMPLETE is terminal");
  check(/COMPLETE → IN_PROGRESS/.test(e.message), "names from → to", e.message);
  check(!sent.some((s) => s.startsWith("PATCH")), "no PATCH sent for an illegal step", sent);
  sent.length = 0;
  fails(await mc.tasks.block(await co.task("Other"), "  "), "validation_failed", "a blank reason");
  fails(await mc.tasks.cancel("not-a-uuid"), "validation_failed", "a bad id");
  check(sent.filter((s) => !s.startsWith("POST /rest/v1/tasks")).length === 0, "nothing sent for bad input", sent);
  fails(await mc.tasks.start("00000000-0000-4000-8000-00000000dead"), "not_found", "an unknown task");
  // Compare-and-set: a row that changes between the read and the write is a conflict.
  const raced = await co.task("Raced");
  hooks.beforePatch = () => mc.from("tasks").update({ status: "CANCELLED" }).eq("id", raced).then((r) => ok(r, "the other writer"));
  const c = fails(await mc.tasks.start(raced), "conflict", "changed meanwhile");
  check(c.details.includes("CANCELLED"), "says what it is now", c.details);
  // Two clients racing on one row: exactly one wins.
  const other = w.create(w.env.url, w.env.anon, { auth: { persistSession: false, autoRefreshToken: false } });
  ok(await other.auth.signInWithPassword({ email: w.email, password: "correct-horse-9" }), "second client");
  const contested = await co.task("Contested");
  const results = await Promise.all([mc.tasks.start(contested), other.tasks.start(contested)]);
  const winners = results.filter((r) => r.error === null);
  check(winners.length === 1, "exactly one start wins", results.map((r) => r.error?.code ?? "ok"));
  check(["conflict", "invalid_transition"].includes(results.find((r) => r.error).error.code), "the other is told why", results.map((r) => r.error?.code));
  return true;
}

export async function escalations(ctx) {
  const w = await world(ctx);
  const { mc } = w;
  const co = await w.company("Escalation Co");
  const t = await co.task("Integrate the supplier API");
  ok(await mc.tasks.start(t), "start");
  const esc = ok(await mc.escalations.raise({ from_agent_id: co.mgr, trigger: "TASK_BLOCKED", context: "The API is down", impact: "Launch slips", recommendation: "Escalate to vendor", related_task_id: t }), "raise");
  check(esc.type === "ACTION_REQUIRED" && esc.to_agent_id === co.cto && esc.status === "PENDING", "type from trigger, routed to reports_to", esc);
  const task = ok(await mc.from("tasks").select("status,blocked_reason").eq("id", t).single(), "task");
  check(task.status === "BLOCKED" && task.blocked_reason.includes("TASK_BLOCKED"), "ACTION_REQUIRED blocks its task", task);
  const risk = ok(await mc.escalations.raise({ from_agent_id: co.mgr, trigger: "MATERIAL_RISK", context: "c", impact: "i", recommendation: "r" }), "material risk");
  check(risk.to_agent_id === co.ceo, "MATERIAL_RISK goes to the CEO", risk);
  const note = ok(await mc.escalations.raise({ from_agent_id: co.mgr, trigger: "MILESTONE", context: "c", impact: "i", recommendation: "r" }), "awareness");
  check(note.type === "AWARENESS", "AWARENESS for MILESTONE", note);
  fails(await mc.escalations.raise({ from_agent_id: co.ceo, trigger: "ANOMALY", context: "c", impact: "i", recommendation: "r" }), "validation_failed", "the CEO does not escalate");
  fails(await mc.escalations.raise({ from_agent_id: co.mgr, trigger: "NOPE", context: "c", impact: "i", recommendation: "r" }), "validation_failed", "unknown trigger");
  const ack = ok(await mc.escalations.acknowledge(esc.id), "acknowledge");
  check(ack.status === "ACKNOWLEDGED" && typeof ack.acknowledged_at === "string", "ACKNOWLEDGED", ack);
  fails(await mc.escalations.resolve(esc.id, ""), "validation_failed", "resolution needed");
  const res = ok(await mc.escalations.resolve(esc.id, "Vendor fixed it"), "resolve");
  check(res.status === "RESOLVED" && res.resolution === "Vendor fixed it" && res.acknowledged_at === ack.acknowledged_at, "RESOLVED", res);
  const after = ok(await mc.from("tasks").select("status,blocked_reason").eq("id", t).single(), "task after");
  check(after.status === "IN_PROGRESS" && after.blocked_reason === null, "resolving unblocks the task", after);
  fails(await mc.escalations.resolve(esc.id, "again"), "invalid_transition", "RESOLVED is terminal");
  const direct = ok(await mc.escalations.resolve(risk.id, "handled"), "resolve from PENDING");
  check(typeof direct.acknowledged_at === "string", "PENDING → RESOLVED stamps acknowledged_at", direct);
  // Tenancy: a task of the same user's other company cannot be named.
  const other = await w.company("Other Co");
  const foreign = await other.task("Not yours");
  const e = fails(await mc.escalations.raise({ from_agent_id: co.mgr, trigger: "SCOPE_UNCLEAR", context: "c", impact: "i", recommendation: "r", related_task_id: foreign }), "validation_failed", "a task of another company");
  check(e.violations[0].rule === "must belong to the same company", "says why", e.violations);
  return true;
}

export async function chatAgentsMessagesMemory(ctx) {
  const w = await world(ctx);
  const { mc } = w;
  const co = await w.company("Chat Co");
  // Chat: one ACTIVE session per agent; messages only into ACTIVE sessions.
  const s = ok(await mc.chat.open(co.cto), "open");
  check(s.status === "ACTIVE" && s.user_id === w.user, "ACTIVE session of this user", s);
  fails(await mc.chat.open(co.cto), "conflict", "a second ACTIVE session");
  const m = ok(await mc.chat.send(s.id, { role: "USER", content: "Status?" }), "send");
  check(m.company_id === co.id && m.session_id === s.id, "message carries the session's company", m);
  const closed = ok(await mc.chat.close(s.id), "close");
  check(closed.status === "CLOSED" && typeof closed.closed_at === "string", "CLOSED", closed);
  fails(await mc.chat.send(s.id, { role: "USER", content: "Hello?" }), "invalid_transition", "send into a CLOSED session");
  ok(await mc.chat.open(co.cto), "a new session after closing");
  // Agents: tier and reporting rules, status steps, no deletion of a referenced agent.
  const lead = ok(await mc.agents.hire({ company_id: co.id, name: "Lead", role: "Tech lead", tier: 4, reports_to: co.mgr }), "hire");
  fails(await mc.agents.hire({ company_id: co.id, name: "X", role: "Lead", tier: 4, reports_to: co.ceo }), "validation_failed", "reports_to not one tier up");
  fails(await mc.agents.hire({ company_id: co.id, name: "X", role: "CEO", tier: 1, reports_to: co.ceo }), "validation_failed", "no second CEO by hire");
  check(ok(await mc.agents.suspend(lead.id), "suspend").status === "SUSPENDED", "SUSPENDED");
  check(ok(await mc.agents.reactivate(lead.id), "reactivate").status === "ACTIVE", "ACTIVE again");
  check(ok(await mc.agents.deactivate(lead.id), "deactivate").status === "INACTIVE", "INACTIVE");
  // Memory: append, supersede (the old entry stays).
  const first = ok(await mc.memory.append({ company_id: co.id, type: "DECISION", summary: "Use vendor A", agent_id: co.cto }), "append");
  const second = ok(await mc.memory.supersede(first.id, { company_id: co.id, type: "DECISION", summary: "Use vendor B" }), "supersede");
  check(second.details.supersedes === first.id && second.related_ids.includes(first.id), "points at the old entry", second);
  const removed = fails(await mc.agents.remove(co.cto), "immutable_record", "delete an agent the memory refers to");
  check(/deactivate/.test(removed.hint), "hints at deactivation", removed.hint);
  // Messages: different agents of one company; read/processed set once.
  fails(await mc.messages.send({ from_agent_id: co.cto, to_agent_id: co.cto, subject: "s", body: "b", type: "REPORT" }), "validation_failed", "from = to");
  const msg = ok(await mc.messages.send({ from_agent_id: co.cto, to_agent_id: co.mgr, subject: "Plan", body: "Ship it", type: "DIRECTIVE" }), "send message");
  const read = ok(await mc.messages.markRead(msg.id), "markRead");
  check(typeof read.read_at === "string", "read_at set", read);
  const again = ok(await mc.messages.markRead(msg.id), "markRead again");
  check(again.read_at === read.read_at, "read_at set once", [read.read_at, again.read_at]);
  check(typeof ok(await mc.messages.markProcessed(msg.id), "markProcessed").processed_at === "string", "processed_at set");
  return true;
}

export async function onboardingAndCockpit(ctx) {
  const w = await world(ctx);
  const { mc, hooks } = w;
  const input = {
    company: { name: "Orbit Labs", mission: "Make launch boring.", vision: "Weekly launches.", values: ["Candour", "Craft", "Care"], strategic_priorities: ["Ship v1", "Hire", "Raise"] },
    ceo: { name: "Rae" },
    departments: [
      { type: "TECHNOLOGY", chief: { name: "Ada", role: "CTO" } },
      { type: "FINANCE", chief: { name: "Luca", role: "CFO" } },
    ],
  };
  const plan = ok(await mc.onboarding.plan(input), "plan");
  check(plan.company.id && plan.ceo.id && plan.departments.every((d) => d.id && d.chief.id), "a UUID on every row", plan);
  // Validation before the network.
  fails(await mc.onboarding.run({ ...input, company: { name: " " } }), "validation_failed", "a blank company name");
  // A failure half-way: what was created is removed.
  let failNext = (url, init) => init?.method === "POST" && String(url).includes("/rest/v1/departments");
  const realFetch = globalThis.fetch;
  const faulty = w.create(w.env.url, w.env.anon, { global: { fetch: (url, init) => failNext && failNext(url, init) ? Promise.resolve(new Response(JSON.stringify({ message: "down" }), { status: 503 })) : realFetch(url, init) }, auth: { persistSession: false, autoRefreshToken: false } });
  ok(await faulty.auth.signInWithPassword({ email: w.email, password: "correct-horse-9" }), "sign in (faulty fetch)");
  const failed = fails(await faulty.onboarding.run(plan), "rest_error", "departments refused");
  check(/removed/.test(failed.hint), "says it removed what it created", failed.hint);
  check(ok(await mc.from("companies").select("id").eq("id", plan.company.id), "gone").length === 0, "no company left");
  // A failure whose undo fails too leaves a partial company; the same plan completes it.
  failNext = (url, init) => (init?.method === "POST" && String(url).includes("/rest/v1/departments")) || (init?.method === "DELETE" && String(url).includes("/rest/v1/companies"));
  const partial = fails(await faulty.onboarding.run(plan), "rest_error", "partial");
  check(/run it again with the same plan/.test(partial.hint), "says to rerun", partial.hint);
  const done = ok(await mc.onboarding.run(plan), "rerun completes");
  check(done.company.id === plan.company.id && done.company.status === "ACTIVE" && done.company.ceo_id === plan.ceo.id, "one company, ACTIVE, with its CEO", done.company);
  const again = ok(await mc.onboarding.run(plan), "a third run changes nothing");
  check(again.company.id === plan.company.id, "same company");
  const agents = ok(await mc.from("agents").select("id,tier,reports_to").eq("company_id", plan.company.id), "agents");
  check(agents.length === 3 && agents.filter((a) => a.tier === 2).every((a) => a.reports_to === plan.ceo.id), "CEO and two chiefs, nothing twice", agents);
  const sectors = ok(await mc.from("sectors").select("type").eq("company_id", plan.company.id), "sectors");
  check(sectors.length === 6, "six sectors", sectors);
  const depts = ok(await mc.from("departments").select("id,type,chief_id").eq("company_id", plan.company.id), "departments");
  check(depts.length === 2 && depts.every((d) => d.chief_id), "departments with chiefs", depts);
  // Activation needs mission, vision, 3–5 values and priorities.
  const bare = ok(await mc.onboarding.run({ company: { name: "Bare Co" }, ceo: { name: "Solo" }, departments: [] }), "bare onboarding");
  check(bare.company.status === "ONBOARDING", "stays ONBOARDING", bare.company);
  const gap = fails(await mc.onboarding.activate(bare.company.id), "invalid_transition", "activation refused");
  check(/mission/.test(gap.message) && /values/.test(gap.message), "names what is missing", gap.message);

  // The cockpit of the onboarded company.
  const tech = depts.find((d) => d.type === "TECHNOLOGY");
  const cto = agents.find((a) => a.id === tech.chief_id).id;
  const t1 = ok(await mc.from("tasks").insert({ company_id: plan.company.id, assignee_id: cto, assigned_by: plan.ceo.id, title: "Build the pad" }).select("id").single(), "task").id;
  ok(await mc.tasks.start(t1), "start");
  const t2 = ok(await mc.from("tasks").insert({ company_id: plan.company.id, assignee_id: cto, assigned_by: plan.ceo.id, title: "Order steel" }).select("id").single(), "task 2").id;
  ok(await mc.escalations.raise({ from_agent_id: cto, trigger: "BUDGET_REQUEST", context: "Steel costs more", impact: "Delay", recommendation: "Approve", related_task_id: t2 }), "escalate");
  ok(await mc.from("pulses").insert({ company_id: plan.company.id, agent_id: cto, status: "COMPLETE", phase: "COMPLETE", completed_at: new Date().toISOString(), actions: [{ type: "TASK_PROGRESS", target_id: t1, details: "moved", logged: true }] }), "a pulse");
  ok(await mc.messages.send({ from_agent_id: plan.ceo.id, to_agent_id: cto, subject: "Go", body: "Start", type: "DIRECTIVE" }), "message");
  w.sent.length = 0;
  const view = ok(await mc.cockpit.load(plan.company.id), "cockpit");
  const requests = w.sent.length;
  check(requests === 3, "three requests for a cockpit load: the company with its counts, then the roster and the pending escalations", w.sent);
  check(view.openTasks === 2 && view.taskCounts.IN_PROGRESS === 1 && view.taskCounts.BLOCKED === 1 && view.taskCounts.PENDING === 0 && view.pendingEscalationCount === 1 && view.pulses24h.COMPLETE === 1, "company counts", view);
  check(view.company.id === plan.company.id && view.regions.length === 6, "six regions", view.regions);
  const command = view.regions.find((r) => r.type === "COMMAND");
  check(command.attention === 1, "the pending escalation to the CEO needs the CEO's attention", view.regions);
  const tile = view.departments.find((d) => d.type === "TECHNOLOGY");
  check(tile.chief.id === cto && tile.headcount === 1 && tile.openItems === 2 && tile.risks === 2, "TECHNOLOGY tile: chief, headcount, open items, risks (blocked task + escalation)", tile);
  check(view.roster.find((a) => a.id === cto).activeTasks === 1 && view.pendingEscalations.length === 1, "roster with active tasks; pending escalations", view.roster);
  check(ok(await mc.cockpit.load(), "first company").company.id !== undefined, "load() without an id takes the user's first company");
  const dv = ok(await mc.cockpit.department(tech.id), "department view");
  check(dv.counts.openTasks === 2 && dv.counts.blockers === 2 && dv.counts.headcount === 1, "department counts", dv.counts);
  check(dv.chief.id === cto && dv.openTasks.length === 2 && dv.blockers.length === 2 && dv.recentPulses[0].agentName === "Ada" && dv.recentPulses[0].actionCount === 1, "department: chief, open tasks, blockers, recent pulses", dv);
  const av = ok(await mc.cockpit.agent(cto), "agent view");
  check(av.reportsToName === "Rae" && av.inboxCount === 1 && av.activeTasks.length === 2, "agent: reports-to name, inbox, active tasks", av);
  check(ok(await mc.cockpit.agentsByDepartment(tech.id, 2), "by tier").length === 1, "agents by department and tier");
  check(ok(await mc.cockpit.agentsByDepartment(tech.id, 3), "by tier 3").length === 0, "no tier-3 agents");
  check(ok(await mc.cockpit.pulses({ company_id: plan.company.id, limit: 5 }), "pulses").length === 1, "recent pulses");
  ok(await mc.memory.append({ company_id: plan.company.id, type: "DECISION", summary: "Go" }), "memory");
  check(ok(await mc.cockpit.memory({ company_id: plan.company.id, type: "DECISION" }), "memory by type").length === 1, "memory by type");
  // A second user sees none of it.
  const other = w.create(w.env.url, w.env.anon, { auth: { persistSession: false, autoRefreshToken: false } });
  ok(await other.auth.signUp({ email: `other-${Date.now()}@example.com`, password: "correct-horse-9" }), "second user");
  check(ok(await other.cockpit.load(), "other cockpit") === null, "no company for the second user");
  fails(await other.cockpit.department(tech.id), "not_found", "another user's department");
  return requests;
}
