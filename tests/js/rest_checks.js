// Browser checks of the REST client against the local stack. Each scenario below receives
// ({ make, env, quote }, check) and runs once per page; each check it names is one test of
// tests/rest_browser.rs (see tests/js/scenario.js). Most scenarios set up a fresh user with a
// company of their own (`setup`).

// A named check (tests/js/scenario.js records it); `ok` and `fails` check one result under `id`.
function asserts(check) {
  const ok = (id, res, what) => {
    check(id, res && res.error === null, `${what}: no error`, res && res.error && { code: res.error.code, message: res.error.message });
    return res.data;
  };
  const fails = (id, res, code, what) => {
    check(id, res.error !== null, `${what}: an error`, res.data);
    check(id, res.error instanceof Error, `${what}: error is an Error`);
    check(id, res.error.code === code, `${what}: code ${code}`, { code: res.error.code, message: res.error.message, server: res.error.serverCode });
    check(id, res.success === false && res.data === null, `${what}: success false, data null`);
    return res.error;
  };
  return { ok, fails };
}
/** A precondition of a scenario (its setup): throws, stopping the scenario, when it fails. */
function need(res, what) {
  if (!(res && res.error === null)) throw new Error(`${what}: no error (got ${JSON.stringify(res && res.error && { code: res.error.code, message: res.error.message })})`);
  return res.data;
}

async function selects(ctx, check) {
  const { ok, fails } = asserts(check);
  const { mc, company, ceo, cto } = await setup(ctx);
  await check.each({
    select_columns_and_order: async (id) => {
      const agents = ok(id, await mc.from("agents").select("id, name, tier").eq("company_id", company).order("tier"), "select list");
      check(id, agents.length === 3 && agents[0].id === ceo && Object.keys(agents[0]).join() === "id,name,tier", "columns and order", agents);
    },
    select_alias_and_cast: async (id) => {
      const aliased = ok(id, await mc.from("agents").select("who:name, level:tier::text").eq("id", cto).single(), "alias and cast");
      check(id, aliased.who === "CTO Bot" && aliased.level === "2", "alias and cast values", aliased);
    },
    select_embeds_with_fk_hints: async (id) => {
      const embedded = ok(id, await mc.from("departments").select("type, chief:agents!fk_departments_chief(name), staff:agents!agents_department_id_fkey(name)").eq("company_id", company).single(), "embed with FK hints");
      check(id, embedded.chief.name === "CTO Bot" && embedded.staff.length === 1, "embedded rows", embedded);
    },
    select_inner_embed_filters_parents: async (id) => {
      const inner = ok(id, await mc.from("agents").select("name, departments!agents_department_id_fkey!inner(type)").eq("departments.type", "TECHNOLOGY"), "!inner");
      check(id, inner.length === 1 && inner[0].name === "CTO Bot", "!inner filters parents", inner);
    },
    select_count_exact_with_head: async (id) => {
      const counted = await mc.from("agents").select("*", { count: "exact", head: true }).eq("company_id", company);
      check(id, counted.error === null && counted.count === 3 && counted.data === null && counted.status === 200, "count exact + head", counted);
    },
    select_range_with_count_is_206: async (id) => {
      const paged = await mc.from("agents").select("tier", { count: "exact" }).eq("company_id", company).order("tier").range(1, 2);
      check(id, paged.count === 3 && paged.data.length === 2 && paged.data[0].tier === 2 && paged.status === 206, "range with count", paged);
    },
    select_count_planned: async (id) => {
      const planned = await mc.from("agents").select("id", { count: "planned" }).eq("company_id", company);
      check(id, planned.error === null && typeof planned.count === "number", "count planned", planned.count);
    },
    select_count_estimated_with_limit: async (id) => {
      const est = await mc.from("agents").select("id", { count: "estimated" }).eq("company_id", company).limit(1);
      check(id, est.error === null && typeof est.count === "number" && est.data.length === 1, "count estimated + limit", est.count);
    },
    maybe_single_of_no_rows_is_null: async (id) => {
      const none = ok(id, await mc.from("agents").select().eq("name", "nobody").maybeSingle(), "maybeSingle none");
      check(id, none === null, "maybeSingle → null");
    },
    maybe_single_of_many_rows_is_a_mismatch: async (id) => {
      fails(id, await mc.from("agents").select().eq("company_id", company).maybeSingle(), "single_row_mismatch", "maybeSingle many");
    },
    single_of_many_rows_is_406_pgrst116: async (id) => {
      const e = fails(id, await mc.from("agents").select().eq("company_id", company).single(), "single_row_mismatch", "single many");
      check(id, e.status === 406 && e.serverCode === "PGRST116", "single: 406 PGRST116", e.status);
    },
    csv_answers_text: async (id) => {
      const csv = ok(id, await mc.from("agents").select("name,tier").eq("company_id", company).order("tier").csv(), "csv");
      check(id, typeof csv === "string" && csv.split("\n")[0] === "name,tier" && csv.includes("CEO Bot,1"), "csv text", csv);
    },
    order_and_limit_on_a_referenced_table: async (id) => {
      const nested = ok(id, await mc.from("companies").select("name, agents!agents_company_id_fkey(name)").eq("id", company).order("name", { referencedTable: "agents", ascending: false }).limit(1, { referencedTable: "agents" }).single(), "referenced order/limit");
      check(id, nested.agents.length === 1 && nested.agents[0].name === "Worker Bot", "referenced order + limit", nested);
    },
  });
}

async function filters(ctx, check) {
  const { ok } = asserts(check);
  const { mc, company } = await setup(ctx);
  const t = () => mc.from("tasks").select("title").eq("company_id", company);
  const m = () => mc.from("memory_entries").select("summary").eq("company_id", company);
  // Each filter is its own check: the titles (or summaries) it finds, sorted and joined by "|".
  const titles = (id, q, want, what) => async () => {
    const got = ok(id, await q, what).map((t) => t.title).sort().join("|");
    check(id, got === want, what, got);
  };
  const sums = (id, q, want, what) => async () => {
    const got = ok(id, await q, what).map((r) => r.summary).sort().join("|");
    check(id, got === want, what, got);
  };
  await check.each({
    filter_eq: titles("filter_eq", t().eq("priority", "HIGH"), "Alpha launch", "eq"),
    filter_neq: titles("filter_neq", t().neq("priority", "HIGH"), "Beta, (draft)|Gamma \"quoted\"", "neq"),
    filter_gt: titles("filter_gt", t().gt("created_at", "2000-01-01T00:00:00Z"), "Alpha launch|Beta, (draft)|Gamma \"quoted\"", "gt"),
    filter_gte_on_enum_declared_order: titles("filter_gte_on_enum_declared_order", t().gte("priority", "NORMAL"), "Beta, (draft)|Gamma \"quoted\"", "gte on an enum (declared order)"),
    filter_lt: titles("filter_lt", t().lt("priority", "NORMAL"), "Alpha launch", "lt"),
    filter_lte: titles("filter_lte", t().lte("priority", "HIGH"), "Alpha launch", "lte"),
    filter_like: titles("filter_like", t().like("title", "%launch"), "Alpha launch", "like"),
    filter_ilike: titles("filter_ilike", t().ilike("title", "ALPHA%"), "Alpha launch", "ilike"),
    filter_regex_match: titles("filter_regex_match", t().regexMatch("title", "^Al.*ch$"), "Alpha launch", "regexMatch"),
    filter_regex_imatch: titles("filter_regex_imatch", t().regexIMatch("title", "^(al|be)"), "Alpha launch|Beta, (draft)", "regexIMatch"),
    filter_like_all_of: titles("filter_like_all_of", t().likeAllOf("title", ["%a%", "%launch%"]), "Alpha launch", "likeAllOf"),
    filter_like_any_of: titles("filter_like_any_of", t().likeAnyOf("title", ["Beta%", "Gamma%"]), "Beta, (draft)|Gamma \"quoted\"", "likeAnyOf"),
    filter_ilike_all_of: titles("filter_ilike_all_of", t().ilikeAllOf("title", ["%ALPHA%", "%LAUNCH"]), "Alpha launch", "ilikeAllOf"),
    filter_ilike_any_of: titles("filter_ilike_any_of", t().ilikeAnyOf("title", ["beta%", "%QUOTED%"]), "Beta, (draft)|Gamma \"quoted\"", "ilikeAnyOf"),
    filter_is_null: titles("filter_is_null", t().is("description", null), "Beta, (draft)|Gamma \"quoted\"", "is null"),
    filter_is_distinct: titles("filter_is_distinct", t().isDistinct("priority", "HIGH"), "Beta, (draft)|Gamma \"quoted\"", "isDistinct"),
    filter_in_with_quoting: titles("filter_in_with_quoting", t().in("title", ["Beta, (draft)", "Gamma \"quoted\""]), "Beta, (draft)|Gamma \"quoted\"", "in with quoting"),
    filter_not_in: titles("filter_not_in", t().notIn("status", ["PENDING"]), "Alpha launch", "notIn"),
    filter_match: titles("filter_match", t().match({ status: "PENDING", priority: "LOW" }), "Gamma \"quoted\"", "match"),
    filter_not: titles("filter_not", t().not("status", "eq", "PENDING"), "Alpha launch", "not"),
    filter_or: titles("filter_or", t().or('title.eq."Beta, (draft)",priority.eq.HIGH'), "Alpha launch|Beta, (draft)", "or"),
    filter_raw_filter: titles("filter_raw_filter", t().filter("title", "ilike", "*gamma*"), "Gamma \"quoted\"", "filter"),
    filter_text_search: titles("filter_text_search", t().textSearch("title", "launch"), "Alpha launch", "textSearch"),
    filter_text_search_plain_with_config: titles("filter_text_search_plain_with_config", t().textSearch("title", "alpha launch", { type: "plain", config: "english" }), "Alpha launch", "textSearch plain+config"),
    filter_text_search_websearch: titles("filter_text_search_websearch", t().textSearch("title", "\"alpha launch\"", { type: "websearch" }), "Alpha launch", "textSearch websearch"),
    filter_text_search_phrase: titles("filter_text_search_phrase", t().textSearch("title", "alpha launch", { type: "phrase" }), "Alpha launch", "textSearch phrase"),
    filter_contains_an_element_with_a_comma: sums("filter_contains_an_element_with_a_comma", m().contains("tags", ["a,b"]), "first", "contains with a comma element"),
    filter_contained_by: sums("filter_contained_by", m().containedBy("tags", ["a,b", "c", "NULL", "x y"]), "first|second", "containedBy"),
    filter_overlaps: sums("filter_overlaps", m().overlaps("tags", ["x y"]), "second", "overlaps"),
    filter_contains_on_jsonb: sums("filter_contains_on_jsonb", m().contains("details", { level: 2 }), "second", "contains on jsonb"),
    filter_or_on_a_referenced_table: async (id) => {
      const orRef = ok(id, await mc.from("companies").select("name, agents!agents_company_id_fkey(name)").eq("id", company).or("tier.eq.1,tier.eq.5", { referencedTable: "agents" }).single(), "or on a referenced table");
      check(id, orRef.agents.map((a) => a.name).sort().join() === "CEO Bot,Worker Bot", "or on a referenced table", orRef);
    },
  });
}

async function ranges(ctx, check) {
  const { ok } = asserts(check);
  const anon = ctx.make({});
  const s = () => anon.schema("mc_test").from("slots").select("id").order("id");
  const ids = (id, q, want, what) => async () => {
    const got = ok(id, await q, what).map((r) => r.id).join();
    check(id, got === want, what, got);
  };
  await check.each({
    range_gt_strictly_right: ids("range_gt_strictly_right", s().rangeGt("during", "[1,5)"), "2,3", "rangeGt (sr)"),
    range_gte_not_extending_left: ids("range_gte_not_extending_left", s().rangeGte("during", "[5,6)"), "2,3", "rangeGte (nxl)"),
    range_lt_strictly_left: ids("range_lt_strictly_left", s().rangeLt("during", "[10,12)"), "1,2", "rangeLt (sl)"),
    range_lte_not_extending_right: ids("range_lte_not_extending_right", s().rangeLte("during", "[1,10)"), "1,2", "rangeLte (nxr)"),
    range_adjacent: ids("range_adjacent", s().rangeAdjacent("during", "[10,20)"), "2,3", "rangeAdjacent"),
  });
}

// One story: the rows written by one step are what the next reads.
async function mutations(ctx, check) {
  const { ok } = asserts(check);
  const { mc, make, env, company, ceo, cto } = await setup(ctx);
  const one = ok("insert_one_takes_column_defaults", await mc.from("messages").insert({ company_id: company, from_agent_id: ceo, to_agent_id: cto, subject: "s", body: "b", type: "REPORT" }).select("priority, read_at").single(), "insert one");
  check("insert_one_takes_column_defaults", one.priority === "ASYNC" && one.read_at === null, "defaults on insert", one);
  const many = ok("insert_many_missing_key_takes_the_default", await mc.from("memory_entries").insert([{ company_id: company, type: "AUDIT", summary: "m1", tags: ["t"] }, { company_id: company, type: "AUDIT", summary: "m2" }], { defaultToNull: false }).select("summary, tags"), "insert many, missing=default");
  check("insert_many_missing_key_takes_the_default", many.length === 2 && Array.isArray(many[1].tags) && many[1].tags.length === 0, "missing key takes the default", many);
  const nulls = ok("insert_many_missing_key_is_null_by_default", await mc.from("memory_entries").insert([{ company_id: company, type: "AUDIT", summary: "m3", tags: ["t"] }, { company_id: company, type: "AUDIT", summary: "m4" }]).select("summary, tags"), "insert many, defaultToNull");
  check("insert_many_missing_key_is_null_by_default", nulls[1].tags === null, "missing key becomes null by default", nulls);
  const bare = await mc.from("memory_entries").insert({ company_id: company, type: "AUDIT", summary: "m5" });
  check("insert_without_select_returns_no_data", bare.error === null && bare.data === null && bare.status === 201, "insert without select: no data", bare);
  // Counting mutations: the local server answers Content-Range */* (PostgREST gives */1), so
  // the request is checked here and the count only where the server reports one.
  const sent = [];
  const rec = make({ global: { fetch: (url, init) => { sent.push(init.headers.get("Prefer")); return fetch(url, init); } } });
  await rec.auth.signInWithPassword({ email: env.email, password: "correct-horse-9" });
  const counted = await rec.from("memory_entries").insert([{ company_id: company, type: "AUDIT", summary: "m6" }], { count: "exact" });
  check("insert_with_count_sends_count_exact", counted.error === null && sent.at(-1).split(",").includes("count=exact"), "insert with count sends count=exact", sent.at(-1));
  check("insert_count_where_reported_is_one", counted.count === null || counted.count === 1, "insert count, where reported", counted.count);

  const up = ok("upsert_merges_into_the_existing_row", await mc.from("sectors").upsert({ company_id: company, type: "FINANCE", health: "RED" }, { onConflict: "company_id,type" }).select("type, health"), "upsert merge");
  check("upsert_merges_into_the_existing_row", up.length === 1 && up[0].health === "RED", "upsert updated the existing row", up);
  const ign = ok("upsert_ignore_duplicates_skips_the_duplicate", await mc.from("sectors").upsert([{ company_id: company, type: "FINANCE", health: "GREEN" }, { company_id: company, type: "METRICS" }], { onConflict: "company_id,type", ignoreDuplicates: true, defaultToNull: false }).select("type, health"), "upsert ignoreDuplicates");
  check("upsert_ignore_duplicates_skips_the_duplicate", ign.length === 1 && ign[0].type === "METRICS", "ignoreDuplicates skipped the duplicate", ign);
  const fin = ok("upsert_ignored_duplicate_leaves_the_row_unchanged", await mc.from("sectors").select("health").eq("company_id", company).eq("type", "FINANCE").single(), "after upserts");
  check("upsert_ignored_duplicate_leaves_the_row_unchanged", fin.health === "RED", "the ignored duplicate did not change the row", fin);

  // (The local server cannot compare an enum in an UPDATE's WHERE — "task_priority = text" —
  // so these updates filter on text columns.)
  const upd = ok("update_with_select_returns_the_updated_row", await mc.from("tasks").update({ status: "IN_PROGRESS", started_at: "2026-01-01T00:00:00Z" }).eq("company_id", company).eq("title", "Alpha launch").select("status, started_at"), "update + select");
  check("update_with_select_returns_the_updated_row", upd.length === 1 && upd[0].status === "IN_PROGRESS" && upd[0].started_at.startsWith("2026-01-01T00:00:00"), "updated row returned", upd);
  const cleared = ok("update_to_null_clears_the_column", await mc.from("tasks").update({ description: null }, { count: "exact" }).eq("company_id", company).eq("title", "Alpha launch").select("description").single(), "update to null");
  check("update_to_null_clears_the_column", cleared.description === null, "column cleared", cleared);
  const del = await rec.from("messages").delete({ count: "exact" }).eq("company_id", company);
  check("delete_with_count_sends_count_exact", del.error === null && sent.at(-1).split(",").includes("count=exact") && (del.count === null || del.count === 1), "delete with count", del);
  const gone = ok("delete_removes_the_rows", await mc.from("messages").select("id").eq("company_id", company), "after delete");
  check("delete_removes_the_rows", gone.length === 0, "deleted", gone);
}

async function rpcs(ctx, check) {
  const { ok, fails } = asserts(check);
  const { anon, mc } = await setup(ctx);
  const t = anon.schema("mc_test");
  await check.each({
    rpc_post_sends_the_arguments: async (id) => {
      const post = ok(id, await t.rpc("echo", { a: 1, b: "x, (y)", tags: ["p", "q,r"] }), "rpc POST");
      check(id, post.a === 1 && post.b === "x, (y)" && post.tags.join("|") === "p|q,r", "rpc POST arguments", post);
    },
    rpc_get_sends_the_arguments: async (id) => {
      const get = ok(id, await t.rpc("echo", { a: 2, b: "a+b c", tags: ["p", "q,r"] }, { get: true }), "rpc GET");
      check(id, get.a === 2 && get.b === "a+b c" && get.tags.join("|") === "p|q,r", "rpc GET arguments", get);
    },
    // (Filters on a scalar set-returning function are PostgREST's; the local server ignores them.)
    rpc_set_returning_function: async (id) => {
      const rows = await t.rpc("series", { n: 5 }, { count: "exact" });
      check(id, rows.error === null && rows.data.join() === "1,2,3,4,5", "rpc set-returning", rows.data);
    },
    rpc_head_with_count: async (id) => {
      const head = await t.rpc("series", { n: 7 }, { head: true, count: "exact" });
      check(id, head.error === null && head.count === 7 && head.data === null, "rpc HEAD count", head);
    },
    rpc_sees_the_signed_in_user: async (id) => {
      const me = ok(id, await mc.schema("mc_test").rpc("whoami"), "rpc sees the signed-in user");
      check(id, typeof me === "string" && me.length === 36, "auth.uid() inside rpc", me);
    },
    rpc_unknown_function_is_unknown_name: async (id) => {
      fails(id, await mc.rpc("no_such_function", {}), "unknown_name", "rpc unknown function");
    },
  });
}

async function errors(ctx, check) {
  const { fails } = asserts(check);
  const { mc, anon, service, make, env, company, ceo } = await setup(ctx);
  const chk = anon.schema("mc_test");
  // JWTs: a forged one and an expired one.
  const withToken = (token) => make({ global: { fetch: (url, init) => { init.headers.set("Authorization", `Bearer ${token}`); return fetch(url, init); } } });
  const hang = make({ global: { fetch: (url, init) => new Promise((_, reject) => init.signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")))) } });
  await check.each({
    error_duplicate_is_unique_violation: async (id) => {
      fails(id, await mc.from("sectors").insert({ company_id: company, type: "COMMAND" }), "unique_violation", "duplicate sector");
    },
    // A bulk insert whose rows differ in keys sends NULL for the gaps (defaultToNull): caught here.
    error_bulk_insert_gap_in_not_null_column_is_named: async (id) => {
      const gap = fails(id, await mc.from("sectors").insert([{ company_id: company, type: "OPERATIONS", health: "RED" }, { company_id: company, type: "METRICS" }]), "validation_failed", "bulk insert gap in a NOT NULL column");
      check(id, gap.violations.length === 1 && gap.violations[0].field === "health" && /defaultToNull/.test(gap.violations[0].rule), "the gap is named", gap.violations);
    },
    error_unknown_assignee_is_foreign_key_violation: async (id) => {
      fails(id, await mc.from("tasks").insert({ company_id: company, assignee_id: "00000000-0000-4000-8000-0000000000ff", assigned_by: ceo, title: "x" }), "foreign_key_violation", "unknown assignee");
    },
    error_check_constraint_is_check_violation: async (id) => {
      fails(id, await chk.from("checked").insert({ id: 1, n: -1, label: "x" }), "check_violation", "check constraint");
    },
    error_missing_not_null_is_not_null_violation: async (id) => {
      fails(id, await chk.from("checked").insert({ id: 2, n: 1 }), "not_null_violation", "not null");
    },
    error_bad_integer_is_invalid_value: async (id) => {
      fails(id, await chk.from("checked").insert({ id: "three", n: 1, label: "x" }), "invalid_value", "invalid integer");
    },
    error_rls_with_check_is_permission_denied: async (id) => {
      const rls = fails(id, await mc.from("companies").insert({ name: "Theft", owner_user_id: env.demoUser }), "permission_denied", "RLS WITH CHECK");
      check(id, rls.status === 401 || rls.status === 403, "RLS status", rls.status);
    },
    error_unknown_column_in_select_caught_before_sending: async (id) => {
      const caught = fails(id, await mc.from("agents").select("nope"), "validation_failed", "unknown column in select, caught before sending");
      const v = caught.violations[0];
      check(id, v.table === "agents" && v.field === "select" && v.value === "nope" && v.rule.includes("'nope'"), "names the table, the select and the column", caught.violations);
    },
    error_unknown_column_the_server_reports_is_unknown_name: async (id) => {
      fails(id, await mc.schema("mc_test").from("slots").select("nope"), "unknown_name", "unknown column the server reports");
    },
    error_unknown_embedded_relation_is_refused_before_sending: async (id) => {
      const caught = fails(id, await mc.from("agents").select("*, nope(*)"), "validation_failed", "unknown embedded relation");
      check(id, caught.violations[0].field === "select" && caught.violations[0].rule.includes("nope"), "names the relation", caught.violations);
    },
    // The trigger, reached through a cascade: a company with memory entries cannot be deleted.
    error_cascade_into_memory_entries_is_immutable_record: async (id) => {
      const imm = fails(id, await mc.from("companies").delete().eq("id", company), "immutable_record", "cascade into memory_entries");
      check(id, imm.serverCode === "P0001" && /immutable/.test(imm.message), "immutable_record keeps the trigger's message", imm.message);
    },
    // No update or delete is even sent for the append-only tables.
    error_update_of_memory_entries_is_immutable_record: async (id) => {
      fails(id, await service.from("memory_entries").update({ summary: "x" }).eq("company_id", company), "immutable_record", "update memory_entries");
    },
    error_delete_of_chat_messages_is_immutable_record: async (id) => {
      fails(id, await service.from("chat_messages").delete().eq("company_id", company), "immutable_record", "delete chat_messages");
    },
    error_forged_jwt_is_jwt_invalid: async (id) => {
      fails(id, await withToken("not.a.jwt").from("companies").select(), "jwt_invalid", "forged JWT");
    },
    error_expired_jwt_is_jwt_expired: async (id) => {
      const expired = await signJwt(env.secret, { sub: env.demoUser, role: "authenticated", aud: "authenticated", exp: Math.floor(Date.now() / 1000) - 60 });
      fails(id, await withToken(expired).from("companies").select(), "jwt_expired", "expired JWT");
    },
    error_wrong_api_key_is_invalid_api_key: async (id) => {
      fails(id, await make({ key: "wrong-key" }).from("companies").select(), "invalid_api_key", "wrong API key");
    },
    // Network, timeout, abort, undecodable.
    error_connection_refused_is_network: async (id) => {
      fails(id, await make({ url: "http://127.0.0.1:9", retry: false }).from("companies").select(), "network", "connection refused");
    },
    error_timeout_is_retryable_timeout: async (id) => {
      const to = fails(id, await hang.from("companies").select().timeout(50), "timeout", "timeout");
      check(id, to.retryable === true, "a timeout is retryable", to.retryable);
    },
    error_abort_signal_is_aborted: async (id) => {
      const ctrl = new AbortController();
      const pending = hang.from("companies").select().abortSignal(ctrl.signal);
      setTimeout(() => ctrl.abort(), 20);
      fails(id, await pending, "aborted", "abort");
    },
    error_malformed_body_is_undecodable: async (id) => {
      const html = make({ global: { fetch: async () => new Response("<html>oops</html>", { status: 200, headers: { "content-type": "text/html" } }) } });
      fails(id, await html.from("companies").select(), "undecodable", "malformed body");
    },
    // throwOnError rejects with the same McError.
    throw_on_error_rejects_with_an_mc_error: async (id) => {
      let thrown = null;
      try { await mc.from("sectors").insert({ company_id: company, type: "COMMAND" }).throwOnError(); } catch (e) { thrown = e; }
      check(id, thrown instanceof Error && thrown.code === "unique_violation" && typeof thrown.stack === "string", "throwOnError rejects with an McError", thrown);
    },
  });
}

async function retries({ make }, check) {
  const calls = [];
  const flaky = (statuses) => async (url, init) => {
    calls.push(init.method);
    const s = statuses.shift();
    if (s === "net") throw new TypeError("Failed to fetch");
    if (s) return new Response(JSON.stringify({ message: "busy" }), { status: s, headers: { "retry-after": "0" } });
    return fetch(url, init);
  };
  await check.each({
    retry_get_after_503_network_error_and_520: async (id) => {
      calls.length = 0;
      const c = make({ global: { fetch: flaky([503, "net", 520]) }, retry: { attempts: 3, baseDelayMs: 5 } });
      const res = await c.from("companies").select("id");
      check(id, res.error === null && calls.length === 4, "GET retried after 503, network error and 520", { calls: calls.length, error: res.error && res.error.code });
    },
    retry_gives_up_after_the_configured_attempts: async (id) => {
      calls.length = 0;
      const c = make({ global: { fetch: flaky([503, 503, 503, 503]) }, retry: { attempts: 2, baseDelayMs: 5 } });
      const gave = await c.from("companies").select("id");
      check(id, gave.error && gave.error.status === 503 && calls.length === 3, "gives up after the configured attempts", { calls: calls.length });
    },
    retry_never_for_a_mutation: async (id) => {
      calls.length = 0;
      const c = make({ global: { fetch: flaky([503]) }, retry: { attempts: 3, baseDelayMs: 5 } });
      const post = await c.from("companies").insert({ name: "x", owner_user_id: "00000000-0000-4000-8000-000000000001" });
      check(id, post.error && post.error.status === 503 && calls.length === 1, "a mutation is never retried", { calls: calls.length });
    },
    retry_not_after_a_500: async (id) => {
      calls.length = 0;
      const c = make({ global: { fetch: flaky([500]) }, retry: { attempts: 3, baseDelayMs: 5 } });
      await c.from("companies").select("id");
      check(id, calls.length === 1, "a 500 is not retried", calls.length);
    },
    retry_false_sends_once: async (id) => {
      calls.length = 0;
      const c = make({ global: { fetch: flaky([503]) }, retry: false });
      await c.from("companies").select("id");
      check(id, calls.length === 1, "retry: false", calls.length);
    },
    // An abort during the wait before a retry ends the query at once, without another request.
    retry_wait_for_retry_after_ends_on_abort: async (id) => {
      calls.length = 0;
      const slow = async (url, init) => {
        calls.push(init.method);
        return new Response("{}", { status: 503, headers: { "retry-after": "30" } });
      };
      const c = make({ global: { fetch: slow }, retry: { attempts: 3, baseDelayMs: 5 } });
      const ctrl = new AbortController();
      const started = Date.now();
      setTimeout(() => ctrl.abort(), 50);
      const stopped = await c.from("companies").select("id").abortSignal(ctrl.signal);
      const took = Date.now() - started;
      check(id, stopped.error?.code === "aborted" && calls.length === 1 && took < 5000, "an abort ends the wait for Retry-After", { code: stopped.error?.code, calls: calls.length, took });
    },
  });
}

async function signJwt(secret, claims) {
  const b64 = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  const enc = (obj) => b64(new TextEncoder().encode(JSON.stringify(obj)));
  const input = `${enc({ alg: "HS256", typ: "JWT" })}.${enc(claims)}`;
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return `${input}.${b64(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(input)))}`;
}

/** A fresh user with a company: CEO, CTO (chief of TECHNOLOGY), a worker, sectors, tasks, memory. */
async function setup({ make, env }) {
  const mc = make({});
  const email = `rest-${Date.now()}-${Math.floor(Math.random() * 1e9)}@example.com`;
  const signed = await mc.auth.signUp({ email, password: "correct-horse-9" });
  const user = need(signed, "sign up").user.id;
  const company = need(await mc.from("companies").insert({ name: "REST Co", owner_user_id: user }).select("id").single(), "company").id;
  const ceo = need(await mc.from("agents").insert({ company_id: company, name: "CEO Bot", role: "CEO", tier: 1, human: true }).select("id").single(), "ceo").id;
  const dept = need(await mc.from("departments").insert({ company_id: company, type: "TECHNOLOGY" }).select("id").single(), "dept").id;
  const cto = need(await mc.from("agents").insert({ company_id: company, name: "CTO Bot", role: "CTO", tier: 2, reports_to: ceo, department_id: dept }).select("id").single(), "cto").id;
  need(await mc.from("agents").insert({ company_id: company, name: "Worker Bot", role: "Engineer", tier: 5, reports_to: cto }), "worker");
  need(await mc.from("departments").update({ chief_id: cto }).eq("id", dept), "chief");
  need(await mc.from("sectors").insert([{ company_id: company, type: "COMMAND" }, { company_id: company, type: "FINANCE" }]), "sectors");
  need(await mc.from("tasks").insert([
    { company_id: company, assignee_id: cto, assigned_by: ceo, title: "Alpha launch", description: "d", priority: "HIGH", status: "IN_PROGRESS" },
    { company_id: company, assignee_id: cto, assigned_by: ceo, title: "Beta, (draft)", priority: "NORMAL" },
    { company_id: company, assignee_id: cto, assigned_by: ceo, title: "Gamma \"quoted\"", priority: "LOW" },
  ], { defaultToNull: false }), "tasks");
  need(await mc.from("memory_entries").insert([
    { company_id: company, type: "KNOWLEDGE", summary: "first", tags: ["a,b", "c"] },
    { company_id: company, type: "KNOWLEDGE", summary: "second", tags: ["NULL", "x y"], details: { level: 2 } },
  ]), "memory");
  return { mc, anon: make({}), service: make({ key: env.service, dangerouslyAllowServiceRoleKey: true }), make, env: { ...env, email }, company, ceo, cto, user };
}

/**
 * Property test of the filter encoding: for generated strings full of PostgREST's special
 * characters, a task titled with the string and a memory entry tagged with it are found —
 * exactly, and without an error — by eq, in, or and cs.
 */
async function encoding(ctx, check, seed = 20261125, count = 80) {
  const { ok } = asserts(check);
  const { mc, company, ceo, cto } = await setup(ctx);
  const quoteValue = ctx.quote;
  let state = seed >>> 0;
  const rand = () => { state = (state + 0x6d2b79f5) >>> 0; let t = state; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  const alphabet = ["a", "Z", "0", " ", "\"", "\\", ",", "(", ")", ".", ":", "*", "+", "%", "é", "日", "🚀", "'", "{", "}", "-", "&", "=", "?", "#", "/", ";", "|", "[", "]", "\t"];
  const fixed = ["NULL", "null", " lead", "trail ", "a,b", "(x)", "\"q\"", "back\\slash", "100%", "1+1", "*", "a.b.c", "k:v", "eq.x", "in.(a,b)", "%2B", "a%20b", "{x,y}", "", "   "];
  const strings = new Set(fixed);
  while (strings.size < count) {
    let s = "";
    const n = 1 + Math.floor(rand() * 12);
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
    strings.add(s);
  }
  const all = [...strings];
  const titled = all.filter((s) => s.trim() !== ""); // titles must not be blank
  const tasks = ok("encoding_every_title_stored_distinctly", await mc.from("tasks").insert(titled.map((title) => ({ company_id: company, assignee_id: cto, assigned_by: ceo, title })), { defaultToNull: false }).select("id, title"), "insert generated tasks");
  const taskId = new Map(tasks.map((t) => [t.title, t.id]));
  check("encoding_every_title_stored_distinctly", taskId.size === titled.length, "every title stored distinctly", taskId.size);
  const entries = ok("encoding_every_tag_stored_as_sent", await mc.from("memory_entries").insert(all.map((s, i) => ({ company_id: company, type: "KNOWLEDGE", summary: `entry ${i}`, tags: [s] }))).select("id, tags"), "insert generated entries");
  check("encoding_every_tag_stored_as_sent", entries.every((e, i) => e.tags.length === 1 && e.tags[0] === all[i]), "every tag stored as sent");
  // One check per filter, run for every string: it passes when each string was found exactly.
  const one = (check_id, res, id, what) => {
    const rows = ok(check_id, res, what);
    check(check_id, rows !== null && rows.length === 1 && rows[0].id === id, what, rows && rows.map((r) => r.id));
  };
  const t = () => mc.from("tasks").select("id").eq("company_id", company);
  for (const s of titled) {
    const id = taskId.get(s);
    const label = JSON.stringify(s);
    one("encoding_eq_finds_each_generated_string", await t().eq("title", s), id, `eq ${label}`);
    one("encoding_in_finds_each_generated_string", await t().in("title", [s, "~never~"]), id, `in ${label}`);
    one("encoding_or_finds_each_generated_string", await t().or(`title.eq.${quoteValue(s)},title.eq.${quoteValue("~never~")}`), id, `or ${label}`);
  }
  const m = () => mc.from("memory_entries").select("id").eq("company_id", company).neq("summary", "first").neq("summary", "second");
  for (const [i, s] of all.entries()) {
    one("encoding_cs_finds_each_generated_string", await m().contains("tags", [s]), entries[i].id, `cs ${JSON.stringify(s)}`);
  }
  check("encoding_tries_80_strings", all.length === 80, "strings tried", all.length);
}

const SCENARIOS = { selects, filters, ranges, mutations, rpcs, errors, retries, encoding };
/** The scenarios, each run once per page by tests/js/scenario.js. */
export function scenarios() {
  return SCENARIOS;
}
