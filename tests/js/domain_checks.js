// Browser checks of the workflows (mc.tasks, mc.escalations, mc.chat, mc.agents, mc.messages,
// mc.memory, mc.onboarding, mc.cockpit) against the stack. Each scenario below receives
// ({ create, env }, check) and runs once per page; each check it names is one test of
// tests/domain_browser.rs (see tests/js/scenario.js).

// A named check (tests/js/scenario.js records it); `ok` and `fails` check one result under `id`.
function asserts(check) {
  const ok = (id, res, what) => {
    check(id, res && res.error === null, `${what}: no error`, res && res.error && { code: res.error.code, message: res.error.message, details: res.error.details });
    return res.data;
  };
  const fails = (id, res, code, what) => {
    check(id, res.error instanceof Error && res.error.code === code, `${what}: ${code}`, res.error && { code: res.error.code, message: res.error.message });
    return res.error;
  };
  return { ok, fails };
}
/** A precondition of a scenario (its setup): throws, stopping the scenario, when it fails. */
function need(res, what) {
  if (!(res && res.error === null)) throw new Error(`${what}: no error (got ${JSON.stringify(res && res.error && { code: res.error.code, message: res.error.message, details: res.error.details })})`);
  return res.data;
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
  const user = need(await mc.auth.signUp({ email, password: "correct-horse-9" }), "sign up").user.id;
  const company = async (name) => {
    const c = need(await mc.from("companies").insert({ name, owner_user_id: user }).select("id").single(), "company").id;
    const ceo = need(await mc.from("agents").insert({ company_id: c, name: "CEO", role: "CEO", tier: 1, human: true }).select("id").single(), "ceo").id;
    need(await mc.from("companies").update({ ceo_id: ceo }).eq("id", c), "ceo_id");
    const cto = need(await mc.from("agents").insert({ company_id: c, name: "CTO", role: "CTO", tier: 2, reports_to: ceo }).select("id").single(), "cto").id;
    const mgr = need(await mc.from("agents").insert({ company_id: c, name: "Manager", role: "Eng manager", tier: 3, reports_to: cto }).select("id").single(), "manager").id;
    const task = async (title) => need(await mc.from("tasks").insert({ company_id: c, assignee_id: mgr, assigned_by: cto, title }).select("id").single(), "task").id;
    return { id: c, ceo, cto, mgr, task };
  };
  return { mc, sent, hooks, user, email, company, env, create };
}

async function tasks(ctx, check) {
  const { ok, fails } = asserts(check);
  const w = await world(ctx);
  const { mc, sent, hooks } = w;
  const co = await w.company("Tasks Co");
  const t = await co.task("Ship the arm firmware");
  const started = ok("task_start_sets_in_progress_and_started_at", await mc.tasks.start(t), "start");
  check("task_start_sets_in_progress_and_started_at", started.status === "IN_PROGRESS" && typeof started.started_at === "string", "IN_PROGRESS with started_at", started);
  const blocked = ok("task_block_sets_blocked_with_a_reason", await mc.tasks.block(t, "waiting for parts"), "block");
  check("task_block_sets_blocked_with_a_reason", blocked.status === "BLOCKED" && blocked.blocked_reason === "waiting for parts", "BLOCKED with a reason", blocked);
  const unblocked = ok("task_unblock_clears_the_reason_keeps_started_at", await mc.tasks.unblock(t), "unblock");
  check("task_unblock_clears_the_reason_keeps_started_at", unblocked.status === "IN_PROGRESS" && unblocked.blocked_reason === null && unblocked.started_at === started.started_at, "unblock clears the reason, keeps started_at", unblocked);
  const done = ok("task_complete_sets_completed_at", await mc.tasks.complete(t), "complete");
  check("task_complete_sets_completed_at", done.status === "COMPLETE" && done.completed_at >= done.started_at, "COMPLETE with completed_at", done);
  // Refused before any write: an illegal step, a blank reason, a bad id.
  sent.length = 0;
  const e = fails("task_complete_is_terminal", await mc.tasks.start(t), "invalid_transition", "COMPLETE is terminal");
  check("task_illegal_step_names_from_and_to", /COMPLETE → IN_PROGRESS/.test(e && e.message), "names from → to", e && e.message);
  check("task_illegal_step_sends_no_patch", !sent.some((s) => s.startsWith("PATCH")), "no PATCH sent for an illegal step", sent);
  sent.length = 0;
  fails("task_block_with_a_blank_reason_is_refused", await mc.tasks.block(await co.task("Other"), "  "), "validation_failed", "a blank reason");
  fails("task_cancel_with_a_bad_id_is_refused", await mc.tasks.cancel("not-a-uuid"), "validation_failed", "a bad id");
  check("task_bad_input_sends_nothing", sent.filter((s) => !s.startsWith("POST /rest/v1/tasks")).length === 0, "nothing sent for bad input", sent);
  fails("task_start_of_an_unknown_task_is_not_found", await mc.tasks.start("00000000-0000-4000-8000-00000000dead"), "not_found", "an unknown task");
  // Compare-and-set: a row that changes between the read and the write is a conflict.
  const raced = await co.task("Raced");
  hooks.beforePatch = () => mc.from("tasks").update({ status: "CANCELLED" }).eq("id", raced).then((r) => need(r, "the other writer"));
  const c = fails("task_changed_meanwhile_is_a_conflict_saying_what_it_is_now", await mc.tasks.start(raced), "conflict", "changed meanwhile");
  check("task_changed_meanwhile_is_a_conflict_saying_what_it_is_now", c.details.includes("CANCELLED"), "says what it is now", c.details);
  // Two clients racing on one row: exactly one wins.
  const other = w.create(w.env.url, w.env.anon, { auth: { persistSession: false, autoRefreshToken: false } });
  need(await other.auth.signInWithPassword({ email: w.email, password: "correct-horse-9" }), "second client");
  const contested = await co.task("Contested");
  const results = await Promise.all([mc.tasks.start(contested), other.tasks.start(contested)]);
  const winners = results.filter((r) => r.error === null);
  check("task_two_clients_racing_exactly_one_start_wins", winners.length === 1, "exactly one start wins", results.map((r) => r.error?.code ?? "ok"));
  check("task_two_clients_racing_the_loser_is_told_why", ["conflict", "invalid_transition"].includes(results.find((r) => r.error).error.code), "the other is told why", results.map((r) => r.error?.code));
}

async function escalations(ctx, check) {
  const { ok, fails } = asserts(check);
  const w = await world(ctx);
  const { mc } = w;
  const co = await w.company("Escalation Co");
  const t = await co.task("Integrate the supplier API");
  need(await mc.tasks.start(t), "start");
  const esc = ok("escalation_type_from_trigger_routed_to_reports_to", await mc.escalations.raise({ from_agent_id: co.mgr, trigger: "TASK_BLOCKED", context: "The API is down", impact: "Launch slips", recommendation: "Escalate to vendor", related_task_id: t }), "raise");
  check("escalation_type_from_trigger_routed_to_reports_to", esc.type === "ACTION_REQUIRED" && esc.to_agent_id === co.cto && esc.status === "PENDING", "type from trigger, routed to reports_to", esc);
  const task = ok("escalation_action_required_blocks_its_task", await mc.from("tasks").select("status,blocked_reason").eq("id", t).single(), "task");
  check("escalation_action_required_blocks_its_task", task.status === "BLOCKED" && task.blocked_reason.includes("TASK_BLOCKED"), "ACTION_REQUIRED blocks its task", task);
  const risk = ok("escalation_material_risk_goes_to_the_ceo", await mc.escalations.raise({ from_agent_id: co.mgr, trigger: "MATERIAL_RISK", context: "c", impact: "i", recommendation: "r" }), "material risk");
  check("escalation_material_risk_goes_to_the_ceo", risk.to_agent_id === co.ceo, "MATERIAL_RISK goes to the CEO", risk);
  const note = ok("escalation_milestone_is_awareness", await mc.escalations.raise({ from_agent_id: co.mgr, trigger: "MILESTONE", context: "c", impact: "i", recommendation: "r" }), "awareness");
  check("escalation_milestone_is_awareness", note.type === "AWARENESS", "AWARENESS for MILESTONE", note);
  fails("escalation_from_the_ceo_is_refused", await mc.escalations.raise({ from_agent_id: co.ceo, trigger: "ANOMALY", context: "c", impact: "i", recommendation: "r" }), "validation_failed", "the CEO does not escalate");
  fails("escalation_unknown_trigger_is_refused", await mc.escalations.raise({ from_agent_id: co.mgr, trigger: "NOPE", context: "c", impact: "i", recommendation: "r" }), "validation_failed", "unknown trigger");
  const ack = ok("escalation_acknowledge_stamps_acknowledged_at", await mc.escalations.acknowledge(esc.id), "acknowledge");
  check("escalation_acknowledge_stamps_acknowledged_at", ack.status === "ACKNOWLEDGED" && typeof ack.acknowledged_at === "string", "ACKNOWLEDGED", ack);
  fails("escalation_resolve_needs_a_resolution", await mc.escalations.resolve(esc.id, ""), "validation_failed", "resolution needed");
  const res = ok("escalation_resolve_keeps_the_resolution", await mc.escalations.resolve(esc.id, "Vendor fixed it"), "resolve");
  check("escalation_resolve_keeps_the_resolution", res.status === "RESOLVED" && res.resolution === "Vendor fixed it" && res.acknowledged_at === ack.acknowledged_at, "RESOLVED", res);
  const after = ok("escalation_resolving_unblocks_the_task", await mc.from("tasks").select("status,blocked_reason").eq("id", t).single(), "task after");
  check("escalation_resolving_unblocks_the_task", after.status === "IN_PROGRESS" && after.blocked_reason === null, "resolving unblocks the task", after);
  fails("escalation_resolved_is_terminal", await mc.escalations.resolve(esc.id, "again"), "invalid_transition", "RESOLVED is terminal");
  const direct = ok("escalation_resolved_from_pending_stamps_acknowledged_at", await mc.escalations.resolve(risk.id, "handled"), "resolve from PENDING");
  check("escalation_resolved_from_pending_stamps_acknowledged_at", typeof direct.acknowledged_at === "string", "PENDING → RESOLVED stamps acknowledged_at", direct);
  // Tenancy: a task of the same user's other company cannot be named.
  const other = await w.company("Other Co");
  const foreign = await other.task("Not yours");
  const e = fails("escalation_naming_a_task_of_another_company_is_refused", await mc.escalations.raise({ from_agent_id: co.mgr, trigger: "SCOPE_UNCLEAR", context: "c", impact: "i", recommendation: "r", related_task_id: foreign }), "validation_failed", "a task of another company");
  check("escalation_naming_a_task_of_another_company_is_refused", e.violations[0].rule === "must belong to the same company", "says why", e.violations);
}

async function chat_agents_messages_memory(ctx, check) {
  const { ok, fails } = asserts(check);
  const w = await world(ctx);
  const { mc } = w;
  const co = await w.company("Chat Co");
  // Chat: one ACTIVE session per agent; messages only into ACTIVE sessions.
  const s = ok("chat_open_gives_an_active_session_of_this_user", await mc.chat.open(co.cto), "open");
  check("chat_open_gives_an_active_session_of_this_user", s.status === "ACTIVE" && s.user_id === w.user, "ACTIVE session of this user", s);
  fails("chat_second_active_session_is_a_conflict", await mc.chat.open(co.cto), "conflict", "a second ACTIVE session");
  const m = ok("chat_message_carries_the_sessions_company", await mc.chat.send(s.id, { role: "USER", content: "Status?" }), "send");
  check("chat_message_carries_the_sessions_company", m.company_id === co.id && m.session_id === s.id, "message carries the session's company", m);
  const closed = ok("chat_close_stamps_closed_at", await mc.chat.close(s.id), "close");
  check("chat_close_stamps_closed_at", closed.status === "CLOSED" && typeof closed.closed_at === "string", "CLOSED", closed);
  fails("chat_send_into_a_closed_session_is_refused", await mc.chat.send(s.id, { role: "USER", content: "Hello?" }), "invalid_transition", "send into a CLOSED session");
  ok("chat_open_after_closing_works", await mc.chat.open(co.cto), "a new session after closing");
  // Agents: tier and reporting rules, status steps, no deletion of a referenced agent.
  const lead = ok("agent_hire_one_tier_below_the_manager", await mc.agents.hire({ company_id: co.id, name: "Lead", role: "Tech lead", tier: 4, reports_to: co.mgr }), "hire");
  fails("agent_hire_reporting_not_one_tier_up_is_refused", await mc.agents.hire({ company_id: co.id, name: "X", role: "Lead", tier: 4, reports_to: co.ceo }), "validation_failed", "reports_to not one tier up");
  fails("agent_hire_of_a_second_ceo_is_refused", await mc.agents.hire({ company_id: co.id, name: "X", role: "CEO", tier: 1, reports_to: co.ceo }), "validation_failed", "no second CEO by hire");
  check("agent_suspend", ok("agent_suspend", await mc.agents.suspend(lead.id), "suspend").status === "SUSPENDED", "SUSPENDED");
  check("agent_reactivate", ok("agent_reactivate", await mc.agents.reactivate(lead.id), "reactivate").status === "ACTIVE", "ACTIVE again");
  check("agent_deactivate", ok("agent_deactivate", await mc.agents.deactivate(lead.id), "deactivate").status === "INACTIVE", "INACTIVE");
  // Memory: append, supersede (the old entry stays).
  const first = ok("memory_supersede_points_at_the_old_entry", await mc.memory.append({ company_id: co.id, type: "DECISION", summary: "Use vendor A", agent_id: co.cto }), "append");
  const second = ok("memory_supersede_points_at_the_old_entry", await mc.memory.supersede(first.id, { company_id: co.id, type: "DECISION", summary: "Use vendor B" }), "supersede");
  check("memory_supersede_points_at_the_old_entry", second.details.supersedes === first.id && second.related_ids.includes(first.id), "points at the old entry", second);
  const removed = fails("agent_remove_of_an_agent_the_memory_names_is_refused", await mc.agents.remove(co.cto), "immutable_record", "delete an agent the memory refers to");
  check("agent_remove_of_an_agent_the_memory_names_is_refused", /deactivate/.test(removed.hint), "hints at deactivation", removed.hint);
  // Messages: different agents of one company; read/processed set once.
  fails("message_to_oneself_is_refused", await mc.messages.send({ from_agent_id: co.cto, to_agent_id: co.cto, subject: "s", body: "b", type: "REPORT" }), "validation_failed", "from = to");
  const msg = ok("message_mark_read_sets_read_at", await mc.messages.send({ from_agent_id: co.cto, to_agent_id: co.mgr, subject: "Plan", body: "Ship it", type: "DIRECTIVE" }), "send message");
  const read = ok("message_mark_read_sets_read_at", await mc.messages.markRead(msg.id), "markRead");
  check("message_mark_read_sets_read_at", typeof read.read_at === "string", "read_at set", read);
  const again = ok("message_mark_read_twice_keeps_the_first_read_at", await mc.messages.markRead(msg.id), "markRead again");
  check("message_mark_read_twice_keeps_the_first_read_at", again.read_at === read.read_at, "read_at set once", [read.read_at, again.read_at]);
  check("message_mark_processed_sets_processed_at", typeof ok("message_mark_processed_sets_processed_at", await mc.messages.markProcessed(msg.id), "markProcessed").processed_at === "string", "processed_at set");
}

async function onboarding_and_cockpit(ctx, check) {
  const { ok, fails } = asserts(check);
  const w = await world(ctx);
  const { mc } = w;
  const input = {
    company: { name: "Orbit Labs", mission: "Make launch boring.", vision: "Weekly launches.", values: ["Candour", "Craft", "Care"], strategic_priorities: ["Ship v1", "Hire", "Raise"] },
    ceo: { name: "Rae" },
    departments: [
      { type: "TECHNOLOGY", chief: { name: "Ada", role: "CTO" } },
      { type: "FINANCE", chief: { name: "Luca", role: "CFO" } },
    ],
  };
  const plan = ok("onboarding_plan_gives_every_row_a_uuid", await mc.onboarding.plan(input), "plan");
  check("onboarding_plan_gives_every_row_a_uuid", plan.company.id && plan.ceo.id && plan.departments.every((d) => d.id && d.chief.id), "a UUID on every row", plan);
  // Validation before the network.
  fails("onboarding_blank_company_name_is_refused", await mc.onboarding.run({ ...input, company: { name: " " } }), "validation_failed", "a blank company name");
  // A failure half-way: what was created is removed.
  let failNext = (url, init) => init?.method === "POST" && String(url).includes("/rest/v1/departments");
  const realFetch = globalThis.fetch;
  const faulty = w.create(w.env.url, w.env.anon, { global: { fetch: (url, init) => failNext && failNext(url, init) ? Promise.resolve(new Response(JSON.stringify({ message: "down" }), { status: 503 })) : realFetch(url, init) }, auth: { persistSession: false, autoRefreshToken: false } });
  need(await faulty.auth.signInWithPassword({ email: w.email, password: "correct-horse-9" }), "sign in (faulty fetch)");
  const failed = fails("onboarding_failing_half_way_removes_what_it_created", await faulty.onboarding.run(plan), "rest_error", "departments refused");
  check("onboarding_failing_half_way_removes_what_it_created", /removed/.test(failed.hint), "says it removed what it created", failed.hint);
  check("onboarding_failing_half_way_leaves_no_company", ok("onboarding_failing_half_way_leaves_no_company", await mc.from("companies").select("id").eq("id", plan.company.id), "gone").length === 0, "no company left");
  // A failure whose undo fails too leaves a partial company; the same plan completes it.
  failNext = (url, init) => (init?.method === "POST" && String(url).includes("/rest/v1/departments")) || (init?.method === "DELETE" && String(url).includes("/rest/v1/companies"));
  const partial = fails("onboarding_failed_undo_says_to_rerun_the_plan", await faulty.onboarding.run(plan), "rest_error", "partial");
  check("onboarding_failed_undo_says_to_rerun_the_plan", /run it again with the same plan/.test(partial.hint), "says to rerun", partial.hint);
  const done = ok("onboarding_rerun_completes_one_active_company", await mc.onboarding.run(plan), "rerun completes");
  check("onboarding_rerun_completes_one_active_company", done.company.id === plan.company.id && done.company.status === "ACTIVE" && done.company.ceo_id === plan.ceo.id, "one company, ACTIVE, with its CEO", done.company);
  const again = ok("onboarding_third_run_changes_nothing", await mc.onboarding.run(plan), "a third run changes nothing");
  check("onboarding_third_run_changes_nothing", again.company.id === plan.company.id, "same company");
  const agents = ok("onboarding_creates_the_ceo_and_two_chiefs_once", await mc.from("agents").select("id,tier,reports_to").eq("company_id", plan.company.id), "agents");
  check("onboarding_creates_the_ceo_and_two_chiefs_once", agents.length === 3 && agents.filter((a) => a.tier === 2).every((a) => a.reports_to === plan.ceo.id), "CEO and two chiefs, nothing twice", agents);
  const sectors = ok("onboarding_creates_six_sectors", await mc.from("sectors").select("type").eq("company_id", plan.company.id), "sectors");
  check("onboarding_creates_six_sectors", sectors.length === 6, "six sectors", sectors);
  const depts = ok("onboarding_creates_departments_with_chiefs", await mc.from("departments").select("id,type,chief_id").eq("company_id", plan.company.id), "departments");
  check("onboarding_creates_departments_with_chiefs", depts.length === 2 && depts.every((d) => d.chief_id), "departments with chiefs", depts);
  // Activation needs mission, vision, 3–5 values and priorities.
  const bare = ok("onboarding_bare_company_stays_onboarding", await mc.onboarding.run({ company: { name: "Bare Co" }, ceo: { name: "Solo" }, departments: [] }), "bare onboarding");
  check("onboarding_bare_company_stays_onboarding", bare.company.status === "ONBOARDING", "stays ONBOARDING", bare.company);
  const gap = fails("onboarding_activation_refused_names_what_is_missing", await mc.onboarding.activate(bare.company.id), "invalid_transition", "activation refused");
  check("onboarding_activation_refused_names_what_is_missing", /mission/.test(gap.message) && /values/.test(gap.message), "names what is missing", gap.message);

  // The cockpit of the onboarded company.
  const tech = depts.find((d) => d.type === "TECHNOLOGY");
  const cto = agents.find((a) => a.id === tech.chief_id).id;
  const t1 = need(await mc.from("tasks").insert({ company_id: plan.company.id, assignee_id: cto, assigned_by: plan.ceo.id, title: "Build the pad" }).select("id").single(), "task").id;
  need(await mc.tasks.start(t1), "start");
  const t2 = need(await mc.from("tasks").insert({ company_id: plan.company.id, assignee_id: cto, assigned_by: plan.ceo.id, title: "Order steel" }).select("id").single(), "task 2").id;
  need(await mc.escalations.raise({ from_agent_id: cto, trigger: "BUDGET_REQUEST", context: "Steel costs more", impact: "Delay", recommendation: "Approve", related_task_id: t2 }), "escalate");
  // The SDK only reads pulses (the backend runs them): the stack's test function records one.
  const refused = await mc.from("pulses").insert({ company_id: plan.company.id, agent_id: cto });
  check("pulses_are_read_only_in_the_sdk", refused.error?.code === "immutable_record" && refused.data === null, "a pulse insert is refused before the network", refused.error);
  need(await mc.schema("mc_test").rpc("record_pulse", { company_id: plan.company.id, agent_id: cto, status: "COMPLETE", phase: "COMPLETE", completed_at: new Date().toISOString(), actions: [{ type: "TASK_PROGRESS", target_id: t1, details: "moved", logged: true }] }), "a pulse");
  need(await mc.messages.send({ from_agent_id: plan.ceo.id, to_agent_id: cto, subject: "Go", body: "Start", type: "DIRECTIVE" }), "message");
  w.sent.length = 0;
  const view = ok("cockpit_load_sends_three_requests", await mc.cockpit.load(plan.company.id), "cockpit");
  const requests = w.sent.length;
  check("cockpit_load_sends_three_requests", requests === 3, "three requests for a cockpit load: the company with its counts, then the roster and the pending escalations", w.sent);
  check("cockpit_company_counts", view.openTasks === 2 && view.taskCounts.IN_PROGRESS === 1 && view.taskCounts.BLOCKED === 1 && view.taskCounts.PENDING === 0 && view.pendingEscalationCount === 1 && view.pulses24h.COMPLETE === 1, "company counts", view);
  check("cockpit_six_regions", view.company.id === plan.company.id && view.regions.length === 6, "six regions", view.regions);
  const command = view.regions.find((r) => r.type === "COMMAND");
  check("cockpit_escalation_to_the_ceo_needs_command_attention", command.attention === 1, "the pending escalation to the CEO needs the CEO's attention", view.regions);
  const tile = view.departments.find((d) => d.type === "TECHNOLOGY");
  check("cockpit_department_tile_chief_headcount_open_items_risks", tile.chief.id === cto && tile.headcount === 1 && tile.openItems === 2 && tile.risks === 2, "TECHNOLOGY tile: chief, headcount, open items, risks (blocked task + escalation)", tile);
  check("cockpit_roster_active_tasks_and_pending_escalations", view.roster.find((a) => a.id === cto).activeTasks === 1 && view.pendingEscalations.length === 1, "roster with active tasks; pending escalations", view.roster);
  check("cockpit_load_without_an_id_takes_the_first_company", ok("cockpit_load_without_an_id_takes_the_first_company", await mc.cockpit.load(), "first company").company.id !== undefined, "load() without an id takes the user's first company");
  const dv = ok("cockpit_department_view_counts", await mc.cockpit.department(tech.id), "department view");
  check("cockpit_department_view_counts", dv.counts.openTasks === 2 && dv.counts.blockers === 2 && dv.counts.headcount === 1, "department counts", dv.counts);
  check("cockpit_department_view_chief_tasks_blockers_pulses", dv.chief.id === cto && dv.openTasks.length === 2 && dv.blockers.length === 2 && dv.recentPulses[0].agentName === "Ada" && dv.recentPulses[0].actionCount === 1, "department: chief, open tasks, blockers, recent pulses", dv);
  const av = ok("cockpit_agent_view", await mc.cockpit.agent(cto), "agent view");
  check("cockpit_agent_view", av.reportsToName === "Rae" && av.inboxCount === 1 && av.activeTasks.length === 2, "agent: reports-to name, inbox, active tasks", av);
  check("cockpit_agents_by_department_and_tier", ok("cockpit_agents_by_department_and_tier", await mc.cockpit.agentsByDepartment(tech.id, 2), "by tier").length === 1, "agents by department and tier");
  check("cockpit_agents_by_department_no_tier_3", ok("cockpit_agents_by_department_no_tier_3", await mc.cockpit.agentsByDepartment(tech.id, 3), "by tier 3").length === 0, "no tier-3 agents");
  check("cockpit_recent_pulses", ok("cockpit_recent_pulses", await mc.cockpit.pulses({ company_id: plan.company.id, limit: 5 }), "pulses").length === 1, "recent pulses");
  need(await mc.memory.append({ company_id: plan.company.id, type: "DECISION", summary: "Go" }), "memory");
  check("cockpit_memory_by_type", ok("cockpit_memory_by_type", await mc.cockpit.memory({ company_id: plan.company.id, type: "DECISION" }), "memory by type").length === 1, "memory by type");
  // A second user sees none of it.
  const other = w.create(w.env.url, w.env.anon, { auth: { persistSession: false, autoRefreshToken: false } });
  need(await other.auth.signUp({ email: `other-${Date.now()}@example.com`, password: "correct-horse-9" }), "second user");
  check("cockpit_of_a_second_user_has_no_company", ok("cockpit_of_a_second_user_has_no_company", await other.cockpit.load(), "other cockpit") === null, "no company for the second user");
  fails("cockpit_department_of_another_user_is_not_found", await other.cockpit.department(tech.id), "not_found", "another user's department");
}

const SCENARIOS = { tasks, escalations, chat_agents_messages_memory, onboarding_and_cockpit };
/** The scenarios, each run once per page by tests/js/scenario.js. */
export function scenarios() {
  return SCENARIOS;
}
