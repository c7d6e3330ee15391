// The cockpit's data provider: the product front end's synchronous DataProvider contract
// (11 methods) over a snapshot the SDK fills from the real tables in three requests
// (`mc.cockpit.load`). Every number comes from a count the database made; where the schema has
// no source, a value derived from what the tables hold (the README lists each rule) or the
// contract's empty value, never an invented number.

/** The sectors' L1 labels and size classes, as the product's front end names them. */
export const SECTOR_DISPLAY_LABELS = Object.freeze({ COMMAND: "Command", ORGANIZATION: "Organization", OPERATIONS: "Operations", METRICS: "Metrics & Health", INTELLIGENCE: "Intelligence", FINANCE: "Finance Settings" });
export const SECTOR_SIZES = Object.freeze({ COMMAND: "medium", ORGANIZATION: "medium", OPERATIONS: "small", METRICS: "large", INTELLIGENCE: "small", FINANCE: "collapsed" });
const SECTORS = ["COMMAND", "ORGANIZATION", "OPERATIONS", "METRICS", "INTELLIGENCE", "FINANCE"];
const LABELS = SECTOR_DISPLAY_LABELS;
const DEPARTMENT_NAMES = { FINANCE: "Finance", OPERATIONS: "Operations", PRODUCT: "Product", TECHNOLOGY: "Engineering", MARKETING: "Marketing", SALES: "Sales", LEGAL: "Legal", EXTERNAL: "External Affairs", PEOPLE: "People" };
const RANK = { green: 0, yellow: 1, red: 2 };
const BUSINESS_TILES = [
  ["Customers", ["SALES", "EXTERNAL"]],
  ["Growth", ["MARKETING"]],
  ["Product & Delivery", ["PRODUCT", "TECHNOLOGY"]],
  ["People", ["PEOPLE"]],
];
const OPEN_SESSION = ["PENDING", "IN_PROGRESS", "OUTPUTS_PENDING"];
const DAY = 86_400_000;

const health = (h) => (h === "RED" ? "red" : h === "YELLOW" ? "yellow" : "green");
const worst = (list, fallback = "green") => list.reduce((w, h) => (RANK[h] > RANK[w] ? h : w), list.length ? "green" : fallback);
const arr = (v) => (Array.isArray(v) ? v : []);
const obj = (v) => (v && typeof v === "object" && !Array.isArray(v) ? v : {});
const num = (v) => (typeof v === "number" && Number.isFinite(v) ? v : null);
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const severity = (n, warn, crit) => (n > crit ? "critical" : n >= warn ? "warning" : "normal");
const time = (iso) => (typeof iso === "string" ? Date.parse(iso) : NaN);

/** "$42K", "$1.2M", "$850" from a number of US dollars. */
function usd(v) {
  const a = Math.abs(v);
  const [d, s] = a >= 1e6 ? [1e6, "M"] : a >= 1e3 ? [1e3, "K"] : [1, ""];
  const x = v / d;
  return `$${Number.isInteger(x) ? x : x.toFixed(1)}${s}`;
}

/** The first letter of the first and of the last word of a name, upper case. */
export function avatarInitials(name) {
  const words = String(name ?? "").trim().split(/\s+/).filter(Boolean);
  if (!words.length) return "";
  const first = [...words[0]][0] ?? "";
  const last = words.length > 1 ? [...words[words.length - 1]][0] ?? "" : "";
  return (first + last).toUpperCase();
}

/** Tiers as the contract types them (1–5); anything else the schema could not hold is 5. */
const tier = (t) => (t >= 1 && t <= 5 ? t : 5);

function agentHealth(a, now, pulseMinutes) {
  if (a.status === "SUSPENDED" || a.failedPulses24h > 0) return "red";
  if (a.status === "INACTIVE" || a.blockedTasks > 0 || a.pendingEscalations > 0) return "yellow";
  if (!a.human && a.status === "ACTIVE" && pulseMinutes > 0) {
    const last = time(a.last_pulse);
    if (!(now - last <= 2 * pulseMinutes * 60_000)) return "yellow";
  }
  return "green";
}

function summary(a, now, pulseMinutes) {
  return {
    id: a.id, name: a.name, role: a.role, tier: tier(a.tier), status: a.status,
    departmentId: a.department_id ?? null, lastPulse: a.last_pulse ?? null,
    health: agentHealth(a, now, pulseMinutes), activeTasks: a.activeTasks, avatarInitials: avatarInitials(a.name),
  };
}

function pulseSummary(p) {
  return { id: p.id, agentId: p.agent_id, agentName: p.agentName ?? "", completedAt: p.completed_at ?? p.started_at, status: p.status === "FAILED" ? "FAILED" : "COMPLETE", actionCount: p.actionCount };
}

/** A department's key metrics from `key_metric` ({label|name, value, display?, trend?, more?}). */
function keyMetrics(km) {
  const one = (m) => {
    m = obj(m);
    const label = m.label ?? m.name;
    if (typeof label !== "string" || m.value === undefined || m.value === null) return null;
    const out = { label, value: typeof m.display === "string" ? m.display : typeof m.value === "number" || typeof m.value === "string" ? m.value : String(m.value) };
    if (m.trend === "up" || m.trend === "down" || m.trend === "flat") out.trend = m.trend;
    return out;
  };
  return [one(km), ...arr(obj(km).more).map(one)].filter(Boolean);
}

/** The contract's view of one `mc.cockpit.load` answer: immutable, every getter synchronous. */
export class CockpitSnapshot {
  constructor(view, extra = {}) {
    const now = extra.now ?? Date.now();
    this.loaded = !!view;
    this.companyId = view?.company?.id ?? null;
    /** The company row (name, status, mission, …), or null. */
    this.company = view?.company ?? null;

    this.loadedAt = view ? new Date(now).toISOString() : null;
    const v = view ?? { company: {}, regions: [], departments: [], roster: [], recentPulses: [], recentMemory: [], taskCounts: {}, memoryCounts: {}, pulses24h: {} };
    const company = obj(v.company);
    const pulseMinutes = num(company.pulse_interval_minutes) ?? 0;
    const sector = Object.fromEntries(arr(v.regions).map((r) => [r.type, r]));
    const data = (t) => obj(sector[t]?.data);
    const roster = arr(v.roster);
    const byId = new Map(roster.map((a) => [a.id, a]));
    const agents = roster.map((a) => summary(a, now, pulseMinutes));
    const departments = arr(v.departments);
    const blockers = departments.reduce((s, d) => s + d.risks, 0);
    const activeDepts = departments.filter((d) => d.headcount > 0).length;
    const headcount = roster.filter((a) => !a.human && a.status === "ACTIVE").length;
    const pulses = arr(v.recentPulses).filter((p) => p.status !== "RUNNING").map(pulseSummary);
    const deptOf = (agentId) => byId.get(agentId)?.department_id ?? null;
    const refined = extra.departmentPulses ?? {};

    // Departments (tiles, L2 sub-areas, L3 detail).
    this._tiles = departments.map((d) => ({ id: d.id, name: DEPARTMENT_NAMES[d.type] ?? d.type, health: health(d.health), openItems: d.openItems, risks: d.risks, headcount: d.headcount }));
    this._details = new Map(departments.map((d) => {
      const failed = pulses.filter((p) => p.status === "FAILED" && deptOf(p.agentId) === d.id && now - time(p.completedAt) <= DAY).length;
      const parts = [d.risks ? plural(d.risks, "blocker") : "No blockers", failed ? `${plural(failed, "failed pulse")} in 24h` : null].filter(Boolean);
      return [d.id, {
        id: d.id, name: DEPARTMENT_NAMES[d.type] ?? d.type, type: d.type, health: health(d.health), healthDetail: `${parts.join(", ")}.`,
        chiefId: d.chief?.id ?? null, chiefName: d.chief ? `${d.chief.name} (${d.chief.role})` : null,
        headcount: d.headcount, activeBlockers: d.risks, openTasks: d.openItems, completedTasks: d.completedTasks,
        recentPulses: refined[d.id] ?? pulses.filter((p) => deptOf(p.agentId) === d.id).slice(0, 5),
        agents: agents.filter((a) => a.departmentId === d.id), keyMetrics: keyMetrics(d.key_metric),
      }];
    }));

    // Agents.
    this._agents = agents;
    this._agentDetails = new Map(roster.map((a, i) => {
      const boss = byId.get(a.reports_to);
      return [a.id, {
        ...agents[i], mandate: a.mandate ?? "", autonomyLevel: a.autonomy_level, reportsTo: a.reports_to ?? null,
        reportsToName: boss ? `${boss.name} (${boss.role})` : null, inbox: a.inbox,
        performanceSignals: [
          { label: "Tasks Completed", value: a.completedTasks, trend: "flat" },
          { label: "Blocked Tasks", value: a.blockedTasks, trend: "flat" },
          { label: "Failed Pulses (24h)", value: a.failedPulses24h, trend: "flat" },
        ],
      }];
    }));

    // The six regions.
    const status = (a) => (a.status !== "ACTIVE" ? a.status.toLowerCase() : now - time(a.last_pulse) <= 2 * pulseMinutes * 60_000 || a.human ? "active" : "idle");
    const avatars = (ids) => ids.map((id) => byId.get(id)).filter(Boolean).map((a) => ({ id: a.id, name: a.name, status: status(a) }));
    const attention = (t) => (sector[t]?.attention ?? 0) - (sector[t] && sector[t].health !== "GREEN" ? 1 : 0);
    const regions = {};
    const region = (t, headlineKpi, stats, dataElements, attentionCount) => {
      regions[t] = { sectorType: t, displayLabel: LABELS[t], health: health(sector[t]?.health), attentionCount, headlineKpi, stats, dataElements: dataElements.filter(Boolean) };
    };
    // COMMAND.
    const priorities = arr(company.strategic_priorities).filter((p) => typeof p === "string");
    const decisions = attention("COMMAND");
    const overrides = arr(data("COMMAND").global_overrides).filter((o) => obj(o).active === true).length;
    const ops = data("OPERATIONS");
    const sessions = arr(ops.active_sessions).map(obj);
    const advisories = arr(ops.advisory_history).map(obj);
    const openSessions = sessions.filter((s) => OPEN_SESSION.includes(s.status)).length;
    const newAdvisories = advisories.filter((a) => a.status === "PENDING").length;
    region("COMMAND", plural(priorities.length, "Active Priority", "Active Priorities"),
      [{ label: "Pending Decisions", value: decisions }, { label: "Active Overrides", value: overrides }],
      [
        { type: "priority_list", label: "Active Priorities", items: priorities.map((text, i) => ({ rank: i + 1, text })) },
        { type: "count_badge", label: "Pending Decisions", count: decisions, severity: severity(decisions, 3, 5) },
        (sessions.length || advisories.length) && { type: "metric", label: "Board Status", value: `${plural(openSessions, "session")} / ${plural(newAdvisories, "advisory", "advisories")}` },
        { type: "count_badge", label: "Active Overrides", count: overrides, severity: overrides ? "warning" : "normal" },
      ], decisions);
    // ORGANIZATION.
    const chiefs = departments.map((d) => d.chief?.id).filter(Boolean);
    const months = [4, 3, 2, 1, 0].map((k) => {
      const end = new Date(now); end.setUTCDate(1); end.setUTCHours(0, 0, 0, 0); end.setUTCMonth(end.getUTCMonth() - k + 1);
      return roster.filter((a) => !a.human && a.status === "ACTIVE" && time(a.created_at) < end.getTime()).length;
    });
    const deptsText = `${activeDepts} active / ${departments.length} total`;
    region("ORGANIZATION", `${plural(headcount, "agent")} across ${plural(activeDepts, "dept")}`,
      [{ label: "Active Blockers", value: blockers }, { label: "Departments", value: deptsText }],
      [
        { type: "avatar_row", label: "C-Suite", avatars: avatars(chiefs) },
        { type: "metric", label: "Total Headcount", value: headcount },
        { type: "count_badge", label: "Active Blockers", count: blockers, severity: severity(blockers, 1, 3) },
        { type: "chart_mini", label: "Staffing Trend", data: months, chart_type: "sparkline" },
        { type: "metric", label: "Departments", value: deptsText },
      ], attention("ORGANIZATION"));
    // OPERATIONS (the Board's records live in the sector's data).
    const openAdvisories = advisories.filter((a) => a.status === "PENDING" || a.status === "READ").length;
    const board = arr(ops.board_members).filter((id) => typeof id === "string");
    const opsLabel = { green: "Stable", yellow: "Watch", red: "At Risk" }[health(sector.OPERATIONS?.health)];
    const recentSessions = [...sessions].sort((a, b) => (time(b.created_at) || 0) - (time(a.created_at) || 0)).slice(0, 2)
      .map((s) => ({ text: String(s.title ?? ""), status: s.status === "COMPLETE" ? "completed" : s.status === "ABANDONED" ? "red" : "in_progress" }));
    region("OPERATIONS", plural(openAdvisories, "Open Advisory", "Open Advisories"),
      [{ label: "Board Members", value: board.length }, { label: "Operations Health", value: opsLabel }],
      [
        board.length > 0 && { type: "avatar_row", label: "Board", avatars: avatars(board) },
        { type: "metric", label: "Open Advisories", value: openAdvisories },
        recentSessions.length > 0 && { type: "status_list", label: "Recent Sessions", items: recentSessions },
        { type: "metric", label: "Operations Health", value: opsLabel, trend: ["up", "down", "flat"].includes(ops.health_trend) ? ops.health_trend : "flat" },
      ], newAdvisories);
    // METRICS (goals, signals and finances live in the sector's data; health from the tables).
    const m = data("METRICS");
    const trendOf = (t) => (["up", "down", "flat"].includes(t) ? t : undefined);
    const north = obj(m.north_star);
    const northText = num(north.value) !== null ? `${north.unit === "USD" ? usd(north.value) : north.value}${north.label ? ` ${north.label}` : ""}` : null;
    const items = arr(m.attention_items).map(obj);
    const overall = worst([...departments.map((d) => health(d.health)), ...arr(v.regions).map((r) => health(r.health))]);
    const signals = arr(m.health_signals).map(obj).filter((s) => typeof s.label === "string").map((s) => ({ text: `${s.label} ${s.value ?? ""}`.trim(), status: ["green", "yellow", "red"].includes(s.status) ? s.status : "neutral" }));
    const fallbackSignals = departments.map((d) => ({ d, k: keyMetrics(d.key_metric)[0] })).filter((x) => x.k)
      .sort((a, b) => RANK[health(b.d.health)] - RANK[health(a.d.health)]).map(({ d, k }) => ({ text: `${k.label} ${k.value}`, status: health(d.health) }));
    const burn = num(m.burn_rate_usd_month), runway = num(m.runway_months);
    const metricsStats = [
      northText && { label: "North Star", value: northText },
      burn !== null && { label: "Burn Rate", value: `${usd(burn)}/mo` },
      runway !== null && { label: "Runway", value: plural(runway, "month") },
    ].filter(Boolean);
    const itemSeverity = items.reduce((w, i) => (i.severity === "critical" || (i.severity === "warning" && w !== "critical") ? i.severity : w), "normal");
    region("METRICS", northText ?? `${{ green: "Good", yellow: "Moderate", red: "Poor" }[overall]} health`, metricsStats, [
      northText && { type: "metric", label: "North Star", value: northText, trend: trendOf(north.trend) },
      arr(m.company_goals).length > 0 && { type: "chart_mini", label: "Goal Progress", data: arr(m.company_goals).map((g) => num(obj(g).progress) ?? 0), chart_type: "bar" },
      { type: "count_badge", label: "Attention Items", count: items.length, severity: itemSeverity },
      { type: "metric", label: "Health", value: { green: "Good", yellow: "Moderate", red: "Poor" }[overall] },
      (signals.length || fallbackSignals.length) > 0 && { type: "status_list", label: "Key Metrics", items: signals.length ? signals : fallbackSignals },
      burn !== null && { type: "metric", label: "Burn Rate", value: `${usd(burn)}/mo`, trend: trendOf(m.burn_trend) },
      runway !== null && { type: "metric", label: "Runway", value: plural(runway, "month"), trend: trendOf(m.runway_trend) },
      arr(m.spend_history_usd).length > 1 && { type: "chart_mini", label: "Spend", data: arr(m.spend_history_usd).map((x) => num(x) ?? 0), chart_type: "line" },
    ].map((e) => (e && e.trend === undefined && "trend" in e ? (delete e.trend, e) : e)), items.length);
    // INTELLIGENCE.
    const mc = obj(v.memoryCounts);
    const activity = arr(v.recentMemory).map((e) => ({ text: String(e.summary ?? ""), status: typeof obj(e.details).status === "string" ? e.details.status : "completed" }));
    region("INTELLIGENCE", `${mc.DECISION ?? 0} Decisions Logged`, [{ label: "Knowledge Entries", value: mc.KNOWLEDGE ?? 0 }], [
      { type: "metric", label: "Decisions Logged", value: mc.DECISION ?? 0 },
      { type: "metric", label: "Knowledge Entries", value: mc.KNOWLEDGE ?? 0 },
      activity.length > 0 && { type: "status_list", label: "Recent Activity", items: activity },
    ], 0);
    // FINANCE (settings: the pulse interval, integrations and the budget in the sector's data).
    const fin = data("FINANCE");
    const integrations = arr(fin.integrations).map(obj).filter((i) => i.active === true).length;
    const budget = obj(fin.budget);
    const used = num(budget.monthly_usd) > 0 && num(budget.spent_usd) !== null ? Math.round((100 * budget.spent_usd) / budget.monthly_usd) : null;
    region("FINANCE", `Pulse: ${pulseMinutes}min`, [
      { label: "Integrations", value: `${integrations} active` },
      used !== null && { label: "Budget Utilization", value: `${used}%` },
    ].filter(Boolean), [], 0);
    this._regions = view ? SECTORS.filter((t) => sector[t]).map((t) => regions[t]) : [];
    this._finance = { label: "Finance Settings", quickStats: view ? [`Pulse: ${pulseMinutes}min`, `Integrations: ${integrations} active`, used !== null ? `Budget: ${used}%` : null].filter(Boolean).join(" | ") : "" };

    // The four business tiles.
    const tiles = new Map(departments.map((d) => [d.type, d]));
    const orgHealth = health(sector.ORGANIZATION?.health);
    const nps = obj(m.nps);
    const openRoles = departments.filter((d) => !d.chief).length;
    this._business = view ? BUSINESS_TILES.map(([label, types]) => {
      const feed = types.map((t) => tiles.get(t)).filter(Boolean);
      const open = feed.reduce((s, d) => s + d.openItems, 0), blocked = feed.reduce((s, d) => s + d.blocked, 0);
      const parts = {
        Customers: [num(nps.value) !== null && `NPS ${nps.value}`, num(m.active_customers) !== null && `${m.active_customers.toLocaleString("en-US")} active`],
        Growth: [num(m.growth_mom_pct) !== null && `${m.growth_mom_pct > 0 ? "+" : ""}${m.growth_mom_pct}% MoM`, feed.length > 0 && `${plural(open, "open task")}`],
        "Product & Delivery": [open > 0 && `${Math.round((100 * (open - blocked)) / open)}% on-track`, feed.length > 0 && `${plural(open, "open task")}`],
        People: [`${plural(headcount, "agent")}`, `${plural(openRoles, "open role")}`],
      }[label].filter(Boolean);
      return { label, health: worst(feed.map((d) => health(d.health)), orgHealth), summaryStat: parts.join(" | ") };
    }) : [];

    // The business window's headline KPIs.
    const joined30 = roster.filter((a) => !a.human && now - time(a.created_at) <= 30 * DAY).length;
    this._kpis = view ? [
      north.unit === "USD" && num(north.value) !== null && { label: north.label || "MRR", value: usd(north.value), trend: String(north.change ?? "") },
      { label: "Headcount", value: String(headcount), trend: `+${joined30}` },
      runway !== null && { label: "Runway", value: `${runway}mo`, trend: { up: "Improving", down: "Falling" }[m.runway_trend] ?? "Stable" },
      num(nps.value) !== null && { label: "NPS", value: String(nps.value), trend: String(nps.change ?? "") },
    ].filter(Boolean) : [];

    // L2: the Organization sector.
    const byHealth = (h) => departments.filter((d) => health(d.health) === h).length;
    const thisMonth = roster.filter((a) => { const t = new Date(time(a.created_at)), n = new Date(now); return !a.human && t.getUTCFullYear() === n.getUTCFullYear() && t.getUTCMonth() === n.getUTCMonth(); }).length;
    const p24 = obj(v.pulses24h), finished = (p24.COMPLETE ?? 0) + (p24.FAILED ?? 0);
    this._organization = {
      header: { label: "Organization", subtitle: "Workforce structure and department health", health: orgHealth,
        healthDetail: `${plural(byHealth("green"), "department")} healthy, ${byHealth("yellow")} need${byHealth("yellow") === 1 ? "s" : ""} attention, ${byHealth("red")} at risk` },
      summaryCards: [
        { label: "Total Headcount", value: headcount, detail: `+${thisMonth} this month` },
        { label: "Departments", value: `${activeDepts} active`, detail: `${departments.length - activeDepts} inactive` },
        { label: "Active Blockers", value: blockers, detail: "Across all departments" },
        finished > 0 && { label: "Pulse Compliance", value: `${Math.round((100 * (p24.COMPLETE ?? 0)) / finished)}%`, detail: "Last 24h" },
      ].filter(Boolean),
      subAreas: departments.map((d) => ({ id: d.id, type: "department", label: DEPARTMENT_NAMES[d.type] ?? d.type, health: health(d.health),
        summary: `${plural(d.headcount, "agent")} • ${plural(d.risks, "blocker")} • ${plural(d.openItems, "open task")}`, attentionCount: d.risks })),
      sectorActions: decisions > 0 ? [{ id: "acknowledge-all", label: "Acknowledge All Alerts", actionType: "acknowledge", targetId: null, requiresConfirmation: false }] : [],
    };
    Object.freeze(this);
  }

  getAllRegionSummaries() { return this._regions; }
  getRegionSummary(sector) { return this._regions.find((r) => r.sectorType === sector); }
  getDepartmentTiles() { return this._tiles; }
  getBusinessCategoryTiles() { return this._business; }
  getFinanceSettingsBar() { return this._finance; }
  getBusinessWindowKpis() { return this._kpis; }
  getOrganizationSectorContent() { return this._organization; }
  getDepartmentDetail(id) { return typeof id === "string" ? this._details.get(id) : undefined; }
  getAgentsByDepartment(id, tierFilter) {
    if (typeof id !== "string") return [];
    return this._agents.filter((a) => a.departmentId === id && (tierFilter === undefined || tierFilter === null || a.tier === tierFilter));
  }
  getAgentDetail(id) { return typeof id === "string" ? this._agentDetails.get(id) : undefined; }
  getAllAgents() { return this._agents; }
}

const EMPTY = new CockpitSnapshot(null);

/**
 * A data provider for the product's front end: the DataProvider contract's 11 synchronous
 * methods over a snapshot, `load`/`refresh` to fill it, and `subscribe`/`getSnapshot` for
 * React's `useSyncExternalStore`. It refreshes itself after the client's workflow writes, when
 * the page becomes visible again, and every `refreshInterval` ms if one is set (off by default).
 */
export function createDataProvider(mc, options = {}) {
  const fixed = options.companyId ?? null;
  let snapshot = EMPTY, companyId = fixed, running = null, again = false, lastError = null, status = "idle", user = undefined;
  const listeners = new Set();
  const refining = new Set();
  const publish = (s) => { snapshot = s; for (const l of [...listeners]) { try { l(); } catch { /* a listener's error is its own */ } } };
  async function run() {
    const { data, error } = await mc.cockpit.load(companyId ?? undefined);
    if (error) { lastError = error; status = "error"; publish(snapshot); return { data: null, error }; }
    lastError = null;
    refining.clear();
    status = data ? "ready" : "empty";
    publish(data ? new CockpitSnapshot(data) : EMPTY);
    companyId = snapshot.companyId ?? fixed;
    return { data: snapshot, error: null };
  }
  function refresh() {
    if (running) { again = true; return running; }
    status = status === "ready" ? "ready" : "loading";
    running = (async () => {
      let out;
      try {
        do { again = false; out = await run(); } while (again);
      } finally { running = null; }
      return out;
    })();
    return running;
  }
  // A department's five newest finished pulses (one request: through its agents, each with its
  // newest). The snapshot's detail holds those among the company's 50 newest already.
  async function refine(id) {
    const { data, error } = await mc.from("agents")
      .select("id,name,recent:pulses(id,agent_id,status,started_at,completed_at,actions)")
      .eq("department_id", id).neq("recent.status", "RUNNING")
      .order("started_at", { ascending: false, referencedTable: "recent" }).limit(5, { referencedTable: "recent" });
    const base = snapshot;
    if (error) return { data: null, error };
    if (!Array.isArray(data) || !base._details.has(id)) return { data: base.getDepartmentDetail(id), error: null };
    const pulses = data.flatMap((a) => (Array.isArray(a.recent) ? a.recent : []).map((p) => pulseSummary({ ...p, agentName: a.name, actionCount: Array.isArray(p.actions) ? p.actions.length : 0 })))
      .sort((a, b) => (time(b.completedAt) || 0) - (time(a.completedAt) || 0)).slice(0, 5);
    const details = new Map(base._details);
    details.set(id, { ...details.get(id), recentPulses: pulses });
    publish(Object.freeze(Object.assign(Object.create(CockpitSnapshot.prototype), base, { _details: details })));
    return { data: details.get(id), error: null };
  }

  // Another user (or none) empties the snapshot; the next load reads the new user's company.
  const auth = mc.auth?.onAuthStateChange?.((_event, session) => {
    const next = session?.user?.id ?? null;
    if (user !== undefined && next !== user) {
      companyId = fixed;
      refining.clear();
      status = "idle";
      publish(EMPTY);
      if (next && options.autoLoad !== false && listeners.size) refresh();
    }
    user = next;
  });
  const unsubscribeWrites = typeof mc.onWrite === "function" ? mc.onWrite(() => { if (snapshot.loaded) refresh(); }) : () => {};
  const onVisible = () => { if (globalThis.document?.visibilityState === "visible" && snapshot.loaded) refresh(); };
  globalThis.document?.addEventListener?.("visibilitychange", onVisible);
  const every = Number(options.refreshInterval);
  const timer = every > 0 ? setInterval(() => { if (snapshot.loaded) refresh(); }, Math.max(every, 1000)) : null;

  const safe = (f, empty) => (...args) => { try { return f(...args); } catch { return empty; } };
  const provider = {
    /** Fills the snapshot (the signed-in user's first company, or `companyId`): `{ data, error }`. */
    load(id) { if (id !== undefined) companyId = id; return refresh(); },
    /** Reads the same company again. */
    refresh,
    /** Reads one department's newest pulses (one request; once per snapshot) for its L3 detail: `{ data, error }`. */
    loadDepartment(id) {
      if (typeof id !== "string" || !snapshot._details?.has(id)) return Promise.resolve({ data: undefined, error: null });
      if (refining.has(id)) return Promise.resolve({ data: snapshot.getDepartmentDetail(id), error: null });
      refining.add(id);
      return refine(id).catch((e) => ({ data: null, error: e }));
    },
    /** Calls `listener` after every change of the snapshot; returns the unsubscribe function. */
    subscribe(listener) { if (typeof listener === "function") listeners.add(listener); return () => listeners.delete(listener); },
    /** The current snapshot: immutable, a new object after each change, itself a DataProvider. */
    getSnapshot() { return snapshot; },
    /** "idle" | "loading" | "ready" | "empty" (the user has no company) | "error". */
    get status() { return status; },
    /** The last load's error, or null. */
    get error() { return lastError; },
    /** Stops the automatic refreshes. */
    dispose() { unsubscribeWrites(); auth?.data?.subscription?.unsubscribe?.(); globalThis.document?.removeEventListener?.("visibilitychange", onVisible); if (timer) clearInterval(timer); listeners.clear(); },
    getAllRegionSummaries: safe(() => snapshot.getAllRegionSummaries(), []),
    getRegionSummary: safe((s) => snapshot.getRegionSummary(s), undefined),
    getDepartmentTiles: safe(() => snapshot.getDepartmentTiles(), []),
    getBusinessCategoryTiles: safe(() => snapshot.getBusinessCategoryTiles(), []),
    getFinanceSettingsBar: safe(() => snapshot.getFinanceSettingsBar(), { label: "Finance Settings", quickStats: "" }),
    getBusinessWindowKpis: safe(() => snapshot.getBusinessWindowKpis(), []),
    getOrganizationSectorContent: safe(() => snapshot.getOrganizationSectorContent(), EMPTY.getOrganizationSectorContent()),
    getDepartmentDetail: safe((id) => snapshot.getDepartmentDetail(id), undefined),
    getAgentsByDepartment: safe((id, t) => snapshot.getAgentsByDepartment(id, t), []),
    getAgentDetail: safe((id) => snapshot.getAgentDetail(id), undefined),
    getAllAgents: safe(() => snapshot.getAllAgents(), []),
  };
  return provider;
}
