// Browser checks of the auth client against the stack's auth server. Each scenario below
// receives (ctx, check) and runs once per page; each check it names is one test of
// tests/auth_browser.rs (see tests/js/scenario.js). A scenario is a story: its checks run in
// order on one client, and a failed check does not stop the ones after it.
// ctx: { make(options, url?) → our client, env: { url, shortUrl, shortExp, anon, service },
// createSupabase: supabase-js's createClient }.

// A named check (tests/js/scenario.js records it); `ok` and `fails` check one result under `id`.
function asserts(check) {
  const ok = (id, res, what) => {
    check(id, res && res.error === null, `${what}: no error`, res && res.error && { code: res.error.code, message: res.error.message });
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
  if (!(res && res.error === null)) throw new Error(`${what}: no error (got ${JSON.stringify(res && res.error && { code: res.error.code, message: res.error.message })})`);
  return res.data;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const email = (tag) => `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e9)}@example.com`;
const unique = (tag) => `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e9)}`;
/** A fetch that counts refresh-token requests and can inject faults into them. */
function refreshSpy() {
  const spy = { refreshes: 0, fault: null };
  spy.fetch = async (url, init) => {
    if (String(url).includes("grant_type=refresh_token")) {
      spy.refreshes++;
      const f = spy.fault;
      if (f === "503") return new Response(JSON.stringify({ message: "unavailable" }), { status: 503 });
      if (f === "refused") throw new TypeError("Failed to fetch");
      if (f === "malformed") return new Response("{not json", { status: 200, headers: { "content-type": "application/json" } });
      if (f === "timeout") return new Promise((_, reject) => init.signal.addEventListener("abort", () => reject(new DOMException("timeout", "TimeoutError"))));
    }
    return fetch(url, init);
  };
  return spy;
}
async function mailbox(env, address) {
  const res = await fetch(`${env.url}/auth/v1/_mailbox?email=${encodeURIComponent(address)}`, { headers: { apikey: env.service } });
  return (await res.json()).messages;
}

async function methods_and_events({ make, env }, check) {
  const { ok, fails } = asserts(check);
  const key = unique("sb-methods");
  const mc = make({ auth: { storageKey: key } });
  const events = [];
  const { data: { subscription } } = mc.auth.onAuthStateChange((event, session) => events.push([event, session && session.user.email]));
  await sleep(20);
  check("initial_session_first_and_signed_out", events[0] && events[0][0] === "INITIAL_SESSION" && events[0][1] === null, "INITIAL_SESSION first, signed out", events);

  // Validation before the network.
  fails("sign_up_with_a_bad_email_is_refused", await mc.auth.signUp({ email: "not-an-email", password: "correct-horse-9" }), "validation_failed", "bad email");
  // Password strength is the server's call (GoTrue sends no minimum length in /settings).
  const short = fails("sign_up_with_a_short_password_is_the_servers_weak_password", await mc.auth.signUp({ email: email("v"), password: "abc" }), "weak_password", "short password");
  check("sign_up_with_a_short_password_is_the_servers_weak_password", short && short.status === 422 && short.reasons.includes("length"), "the server's weak_password with reasons", short);
  fails("sign_up_with_an_empty_password_is_refused", await mc.auth.signUp({ email: email("v"), password: "" }), "validation_failed", "empty password");
  fails("verify_otp_with_an_empty_token_is_refused", await mc.auth.verifyOtp({ email: email("v"), token: "", type: "email" }), "validation_failed", "empty token");

  const address = email("methods");
  const up = ok("sign_up_gives_a_session_and_keeps_metadata", await mc.auth.signUp({ email: address, password: "correct-horse-9", options: { data: { name: "Kim" } } }), "signUp");
  check("sign_up_gives_a_session_and_keeps_metadata", up.session && up.user.user_metadata.name === "Kim", "signUp gives a session and keeps metadata", up.user);
  const stored = JSON.parse(localStorage.getItem(key));
  check("session_is_stored_as_supabase_js_stores_it", stored.access_token === up.session.access_token && stored.user.id === up.user.id && typeof stored.expires_at === "number", "the session is stored as supabase-js stores it");
  check("signed_in_event_after_sign_up", events.at(-1)[0] === "SIGNED_IN", "SIGNED_IN after signUp", events);
  fails("sign_up_twice_is_user_already_exists", await mc.auth.signUp({ email: address, password: "correct-horse-9" }), "user_already_exists", "signUp twice");

  const got = ok("get_session_returns_the_session", await mc.auth.getSession(), "getSession").session;
  check("get_session_returns_the_session", got.user.email === address, "getSession", got);
  const user = ok("get_user_returns_the_user", await mc.auth.getUser(), "getUser").user;
  check("get_user_returns_the_user", user.id === up.user.id, "getUser", user);
  const updated = ok("update_user_merges_metadata", await mc.auth.updateUser({ data: { theme: "dark" } }), "updateUser").user;
  check("update_user_merges_metadata", updated.user_metadata.theme === "dark" && updated.user_metadata.name === "Kim", "metadata merged", updated.user_metadata);
  check("user_updated_event_after_update_user", events.at(-1)[0] === "USER_UPDATED", "USER_UPDATED", events.at(-1));

  const before = got.refresh_token;
  const refreshed = ok("refresh_session_rotates_the_token_and_emits_token_refreshed", await mc.auth.refreshSession(), "refreshSession").session;
  check("refresh_session_rotates_the_token_and_emits_token_refreshed", refreshed.refresh_token !== before && events.at(-1)[0] === "TOKEN_REFRESHED", "refresh rotates the token and emits TOKEN_REFRESHED", events.at(-1));

  ok("sign_out_local_emits_signed_out_and_clears_storage", await mc.auth.signOut({ scope: "local" }), "signOut local");
  check("sign_out_local_emits_signed_out_and_clears_storage", events.at(-1)[0] === "SIGNED_OUT" && localStorage.getItem(key) === null, "SIGNED_OUT and storage cleared", events.at(-1));
  const none = ok("no_session_after_sign_out", await mc.auth.getSession(), "getSession after signOut");
  check("no_session_after_sign_out", none.session === null, "no session after signOut");

  const bad = fails("wrong_password_is_a_final_invalid_credentials", await mc.auth.signInWithPassword({ email: address, password: "wrong-password" }), "invalid_credentials", "wrong password");
  check("wrong_password_is_a_final_invalid_credentials", bad && bad.retryable === false && bad.status === 400, "invalid_credentials is final", bad && bad.status);
  const inAgain = ok("sign_in_with_password_after_sign_out", await mc.auth.signInWithPassword({ email: address, password: "correct-horse-9" }), "signInWithPassword").session;

  // setSession: a second client adopts the first one's tokens.
  const other = make({ auth: { storageKey: unique("sb-set") } });
  const adopted = ok("set_session_signs_a_second_client_in", await other.auth.setSession({ access_token: inAgain.access_token, refresh_token: inAgain.refresh_token }), "setSession").session;
  check("set_session_signs_a_second_client_in", adopted.user.id === up.user.id, "setSession signs the second client in", adopted.user);

  // OTP sign-in, then password recovery.
  ok("sign_in_with_otp_mails_a_code", await mc.auth.signInWithOtp({ email: address }), "signInWithOtp");
  const code = (await mailbox(env, address)).find((m) => m.kind === "magiclink").code;
  fails("verify_otp_with_a_wrong_code_is_otp_expired", await mc.auth.verifyOtp({ email: address, token: "000000" === code ? "111111" : "000000", type: "email" }), "otp_expired", "a wrong code");
  ok("verify_otp_signs_in", await mc.auth.verifyOtp({ email: address, token: code, type: "email" }), "verifyOtp");
  check("verify_otp_signs_in", events.at(-1)[0] === "SIGNED_IN", "SIGNED_IN after verifyOtp", events.at(-1));
  ok("reset_password_for_email_mails_a_recovery_code", await mc.auth.resetPasswordForEmail(address), "resetPasswordForEmail");
  const rcode = (await mailbox(env, address)).find((m) => m.kind === "recovery").code;
  ok("verify_otp_recovery_emits_password_recovery", await mc.auth.verifyOtp({ email: address, token: rcode, type: "recovery" }), "verifyOtp recovery");
  check("verify_otp_recovery_emits_password_recovery", events.at(-1)[0] === "PASSWORD_RECOVERY", "PASSWORD_RECOVERY", events.at(-1));
  ok("update_user_sets_a_new_password_that_signs_in", await mc.auth.updateUser({ password: "new-horse-42" }), "new password");
  ok("update_user_sets_a_new_password_that_signs_in", await make({ auth: { persistSession: false } }).auth.signInWithPassword({ email: address, password: "new-horse-42" }), "sign in with the new password");

  // signOut others: the second client's session dies, ours lives.
  ok("sign_out_others_keeps_our_session", await mc.auth.signOut({ scope: "others" }), "signOut others");
  check("sign_out_others_keeps_our_session", ok("sign_out_others_keeps_our_session", await mc.auth.getUser(), "still signed in").user.id === up.user.id, "others: ours survives");
  fails("sign_out_others_ends_the_other_session", await other.auth.getUser(), "session_not_found", "others: the other session is gone");

  const anon = ok("sign_in_anonymously_gives_an_anonymous_user", await make({ auth: { persistSession: false } }).auth.signInAnonymously(), "signInAnonymously");
  check("sign_in_anonymously_gives_an_anonymous_user", anon.user.is_anonymous === true && anon.session, "an anonymous user", anon.user);

  subscription.unsubscribe();
  const count = events.length;
  ok("sign_out_global_after_unsubscribe_emits_nothing", await mc.auth.signOut(), "signOut global");
  await sleep(20);
  check("sign_out_global_after_unsubscribe_emits_nothing", events.length === count, "no events after unsubscribe", events.slice(count));
}

async function expiry_is_invisible({ make, env }, check) {
  const { ok } = asserts(check);
  // Tokens from the short-lived gateway expire after env.shortExp seconds; the tick refreshes
  // them before that, so a query never sees an expired token.
  const mc = make({ auth: { storageKey: unique("sb-expiry"), refreshTickMs: 500, refreshMarginTicks: 4 } }, env.shortUrl);
  const events = [];
  mc.auth.onAuthStateChange((e) => events.push(e));
  const first = ok("short_gateway_gives_short_lived_tokens", await mc.auth.signUp({ email: email("expiry"), password: "correct-horse-9" }), "signUp").session;
  check("short_gateway_gives_short_lived_tokens", first.expires_in === env.shortExp, "short-lived tokens", first.expires_in);
  await sleep((env.shortExp + 2) * 1000);
  const now = ok("tick_refreshes_the_token_in_the_background", await mc.auth.getSession(), "getSession").session;
  check("tick_refreshes_the_token_in_the_background", now.access_token !== first.access_token && now.expires_at > Date.now() / 1000, "the token was refreshed in the background", now.expires_at);
  check("tick_emits_token_refreshed_never_signed_out", events.includes("TOKEN_REFRESHED") && !events.includes("SIGNED_OUT"), "TOKEN_REFRESHED, never SIGNED_OUT", events);
  ok("query_after_the_first_token_expired_works", await mc.from("companies").select("id"), "a query after expiry of the first token");

  // With the tick stopped, the token expires; the REST call refreshes once and retries once.
  mc.auth.stopAutoRefresh();
  const stale = need(await mc.auth.getSession(), "session").session;
  await sleep((stale.expires_at - Date.now() / 1000 + 1.5) * 1000);
  const res = await mc.from("companies").select("id");
  check("rest_call_refreshes_an_expired_token", res.error === null, "the expired token was refreshed by the REST call", res.error && res.error.code);
  check("rest_call_leaves_the_new_token_in_use", mc.auth && (await mc.auth.getSession()).data.session.access_token !== stale.access_token, "a new token is in use");
}

async function two_tabs_one_refresh({ make, env }, check) {
  const { ok } = asserts(check);
  // Two clients of one storage key (as two tabs): the same localStorage, BroadcastChannel and
  // Web Lock. Both refresh at the same moment: one request, one valid session, no SIGNED_OUT.
  const key = unique("sb-tabs");
  const spy = refreshSpy();
  const a = make({ global: { fetch: spy.fetch }, auth: { storageKey: key, autoRefreshToken: false } }, env.shortUrl);
  const b = make({ global: { fetch: spy.fetch }, auth: { storageKey: key, autoRefreshToken: false } }, env.shortUrl);
  const events = { a: [], b: [] };
  a.auth.onAuthStateChange((e) => events.a.push(e));
  b.auth.onAuthStateChange((e) => events.b.push(e));
  need(await a.auth.signUp({ email: email("tabs"), password: "correct-horse-9" }), "signUp in tab a");
  await sleep(50);
  check("tab_b_hears_signed_in_from_tab_a", events.b.includes("SIGNED_IN"), "tab b heard SIGNED_IN", events.b);
  const [ra, rb] = await Promise.all([a.auth.refreshSession(), b.auth.refreshSession()]);
  const sa = ok("two_tabs_refreshing_at_once_send_one_request", ra, "refresh in a").session, sb = ok("two_tabs_refreshing_at_once_send_one_request", rb, "refresh in b").session;
  check("two_tabs_refreshing_at_once_send_one_request", spy.refreshes === 1, "exactly one refresh request for two tabs", spy.refreshes);
  check("two_tabs_hold_the_same_new_session", sa.refresh_token === sb.refresh_token, "both tabs hold the same new session");
  await sleep(50);
  check("two_tabs_refreshing_sign_neither_out", !events.a.includes("SIGNED_OUT") && !events.b.includes("SIGNED_OUT"), "no SIGNED_OUT", events);
  ok("tab_b_queries_after_the_shared_refresh", await b.from("companies").select("id"), "tab b can query");
  const again = ok("later_refresh_with_the_shared_token_works", await a.auth.refreshSession(), "the shared refresh token still works").session;
  check("later_refresh_with_the_shared_token_works", again.refresh_token !== sa.refresh_token && spy.refreshes === 2, "a later refresh works", spy.refreshes);
}

async function faults_keep_the_session({ make, env }, check) {
  const { ok } = asserts(check);
  const spy = refreshSpy();
  const mc = make({ global: { fetch: spy.fetch }, auth: { storageKey: unique("sb-faults"), autoRefreshToken: false, requestTimeoutMs: 300 } }, env.shortUrl);
  const events = [];
  mc.auth.onAuthStateChange((e) => events.push(e));
  const s0 = need(await mc.auth.signUp({ email: email("faults"), password: "correct-horse-9" }), "signUp").session;
  // For each fault: [the refresh fails (retryable unless malformed), the session is kept].
  const named = {
    "503": ["refresh_answered_503_fails_retryable", "refresh_answered_503_keeps_the_session"],
    refused: ["refresh_refused_fails_retryable", "refresh_refused_keeps_the_session"],
    malformed: ["refresh_answered_malformed_fails_final", "refresh_answered_malformed_keeps_the_session"],
    timeout: ["refresh_hung_fails_retryable", "refresh_hung_keeps_the_session"],
  };
  for (const fault of ["503", "refused", "malformed", "timeout"]) {
    const [failsId, keptId] = named[fault];
    spy.fault = fault;
    const res = await mc.auth.refreshSession();
    check(failsId, res.error !== null && res.error.retryable === (fault !== "malformed"), `${fault}: the refresh failed (retryable unless malformed)`, res.error && { code: res.error.code, retryable: res.error.retryable });
    if (fault === "timeout") check("refresh_hung_times_out", res.error.code === "timeout", "a hung refresh times out", res.error.code);
    const still = (await mc.auth.getSession()).data.session;
    check(keptId, still && still.refresh_token === s0.refresh_token, `${fault}: the session is kept`, still);
  }
  spy.fault = null;
  await sleep(50);
  check("refresh_faults_never_sign_out", !events.includes("SIGNED_OUT"), "no SIGNED_OUT from faults", events);
  ok("refresh_works_once_the_fault_is_gone", await mc.auth.refreshSession(), "the refresh works once the fault is gone");
}

async function final_refresh_failures_sign_out({ make, env }, check) {
  const { fails } = asserts(check);
  // A revoked refresh token (signed out everywhere) ends the session.
  const mc = make({ auth: { storageKey: unique("sb-revoked"), autoRefreshToken: false } }, env.shortUrl);
  const events = [];
  mc.auth.onAuthStateChange((e) => events.push(e));
  const address = email("revoked");
  need(await mc.auth.signUp({ email: address, password: "correct-horse-9" }), "signUp");
  const other = make({ auth: { persistSession: false } }, env.shortUrl);
  need(await other.auth.signInWithPassword({ email: address, password: "correct-horse-9" }), "second sign-in");
  need(await other.auth.signOut({ scope: "global" }), "global sign-out elsewhere");
  fails("refresh_after_a_global_sign_out_is_refresh_token_not_found", await mc.auth.refreshSession(), "refresh_token_not_found", "refresh after a global sign-out");
  await sleep(20);
  check("revoked_refresh_token_signs_out", events.at(-1) === "SIGNED_OUT" && (await mc.auth.getSession()).data.session === null, "SIGNED_OUT and no session", events);

  // Reuse of an older ancestor after the reuse window (GoTrue: refresh_token_already_used, the
  // token family revoked): the SDK signs out, as supabase-js does.
  const mc2 = make({ auth: { storageKey: unique("sb-reuse"), autoRefreshToken: false } }, env.shortUrl);
  const events2 = [];
  mc2.auth.onAuthStateChange((e) => events2.push(e));
  const s1 = need(await mc2.auth.signUp({ email: email("reuse"), password: "correct-horse-9" }), "signUp").session;
  need(await mc2.auth.refreshSession(), "rotate once");
  need(await mc2.auth.refreshSession(), "rotate twice");
  await sleep(2500); // past the short gateway's 2 s reuse interval
  const stolen = make({ auth: { persistSession: false, autoRefreshToken: false } }, env.shortUrl);
  fails("reuse_of_an_older_refresh_token_is_refresh_token_already_used", await stolen.auth.refreshSession({ refresh_token: s1.refresh_token }), "refresh_token_already_used", "reuse of an older ancestor");
  await sleep(2500); // past the interval in which the newest token still works
  fails("reuse_revokes_the_whole_token_family", await mc2.auth.refreshSession(), "refresh_token_already_used", "the family was revoked");
  await sleep(20);
  check("revoked_token_family_signs_out", events2.at(-1) === "SIGNED_OUT" && (await mc2.auth.getSession()).data.session === null, "signed out after reuse", events2);
}

async function rls_through_the_client({ make }, check) {
  const { ok } = asserts(check);
  const a = make({ auth: { persistSession: false } });
  const b = make({ auth: { persistSession: false } });
  const ua = need(await a.auth.signUp({ email: email("rls-a"), password: "correct-horse-9" }), "a").user;
  const ub = need(await b.auth.signUp({ email: email("rls-b"), password: "correct-horse-9" }), "b").user;
  need(await a.from("companies").insert({ name: "A Co", owner_user_id: ua.id }), "a's company");
  need(await b.from("companies").insert({ name: "B Co", owner_user_id: ub.id }), "b's company");
  const seenA = ok("rls_each_user_sees_only_their_own_company", await a.from("companies").select("name"), "a reads").map((c) => c.name);
  const seenB = ok("rls_each_user_sees_only_their_own_company", await b.from("companies").select("name"), "b reads").map((c) => c.name);
  check("rls_each_user_sees_only_their_own_company", seenA.join() === "A Co" && seenB.join() === "B Co", "each user sees only their own company", { seenA, seenB });
  ok("rls_signed_out_the_anon_key_sees_nothing", await a.auth.signOut(), "a signs out");
  const anon = ok("rls_signed_out_the_anon_key_sees_nothing", await a.from("companies").select("name"), "a signed out reads");
  check("rls_signed_out_the_anon_key_sees_nothing", anon.length === 0, "signed out: the anon key sees nothing", anon);
}

async function shared_login_with_supabase_js({ make, env, createSupabase }, check) {
  const { ok } = asserts(check);
  // Default storage key on both sides: sb-127-auth-token.
  localStorage.clear();
  const supa = createSupabase(env.url, env.anon, { auth: { autoRefreshToken: false } });
  const ours = make({ auth: { autoRefreshToken: false } });
  const events = [];
  ours.auth.onAuthStateChange((e) => events.push(e));
  const address = email("interop");
  const { data, error } = await supa.auth.signUp({ email: address, password: "correct-horse-9" });
  check("supabase_js_signs_up_beside_ours", !error && data.session, "supabase-js signed up", error);
  const seen = ok("ours_sees_the_login_of_supabase_js", await ours.auth.getSession(), "ours reads supabase-js's session").session;
  check("ours_sees_the_login_of_supabase_js", seen && seen.user.email === address && seen.access_token === data.session.access_token, "ours sees supabase-js's login", seen && seen.user.email);
  const rows = ok("ours_queries_under_the_shared_login", await ours.from("companies").select("id"), "ours queries as that user");
  check("ours_queries_under_the_shared_login", Array.isArray(rows), "query under the shared login");
  await supa.auth.signOut();
  await sleep(50);
  check("sign_out_in_supabase_js_signs_ours_out", (await ours.auth.getSession()).data.session === null && events.includes("SIGNED_OUT"), "supabase-js's sign-out signs ours out", events);

  ok("supabase_js_sees_our_login", await ours.auth.signInWithPassword({ email: address, password: "correct-horse-9" }), "ours signs in");
  const theirs = await supa.auth.getSession();
  check("supabase_js_sees_our_login", theirs.data.session && theirs.data.session.user.email === address, "supabase-js sees our login", theirs.data.session);
  const { data: u } = await supa.auth.getUser();
  check("supabase_js_get_user_works_with_our_session", u.user && u.user.email === address, "supabase-js's getUser works with our session");
  ok("our_sign_out_signs_supabase_js_out", await ours.auth.signOut({ scope: "local" }), "ours signs out");
  check("our_sign_out_signs_supabase_js_out", (await supa.auth.getSession()).data.session === null, "our sign-out signs supabase-js out");
}

async function tick_pauses_while_hidden({ make, env }, check) {
  // A tick of 150 ms with a margin larger than the token's life: every tick refreshes. While
  // the page is hidden there is no tick; when it is visible again it catches up at once.
  const spy = refreshSpy();
  const mc = make({ global: { fetch: spy.fetch }, auth: { storageKey: unique("sb-hidden"), refreshTickMs: 150, refreshMarginTicks: 1000 } }, env.shortUrl);
  need(await mc.auth.signUp({ email: email("hidden"), password: "correct-horse-9" }), "signUp");
  await sleep(700);
  check("tick_refreshes_while_the_page_is_visible", spy.refreshes >= 2, "ticks refresh while visible", spy.refreshes);
  let state = "hidden";
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => state });
  try {
    document.dispatchEvent(new Event("visibilitychange"));
    await sleep(200); // a refresh already in flight may finish
    const paused = spy.refreshes;
    await sleep(800);
    check("tick_does_not_refresh_while_the_page_is_hidden", spy.refreshes === paused, "no refresh while hidden", { before: paused, after: spy.refreshes });
    state = "visible";
    document.dispatchEvent(new Event("visibilitychange"));
    await sleep(100);
    check("tick_catches_up_as_soon_as_the_page_is_visible", spy.refreshes > paused, "caught up as soon as visible", { paused, now: spy.refreshes });
  } finally {
    delete document.visibilityState;
    mc.auth.stopAutoRefresh();
  }
  check("still_signed_in_after_the_hidden_pause", (await mc.auth.getSession()).data.session !== null, "still signed in");
}

/** signOut revokes for real (refreshing an expired token first) and reports when it could not;
 * a session signed out elsewhere (`session_not_found`) signs this client out. */
async function sign_out_revokes_for_real({ make, env }, check) {
  const { fails } = asserts(check);
  const password = "correct-horse-9";
  const urls = [];
  const spying = (u, i) => { urls.push(String(u)); return fetch(u, i); };
  // An expired access token: refreshed first, then the logout revokes the newest session.
  const mc = make({ auth: { storageKey: unique("sb-signout"), autoRefreshToken: false }, global: { fetch: spying } }, env.shortUrl);
  const events = [];
  let latest = null;
  mc.auth.onAuthStateChange((e, s) => { events.push(e); if (s) latest = s; });
  const first = need(await mc.auth.signUp({ email: email("signout"), password }), "signUp").session;
  await sleep((Number(env.shortExp) + 1) * 1000);
  check("sign_out_test_waits_until_the_access_token_expired", first.expires_at <= Date.now() / 1000, "the access token has expired", first.expires_at);
  const { error } = await mc.auth.signOut();
  check("sign_out_with_an_expired_token_has_no_error", error === null, "signOut with an expired token: no error", error);
  check("sign_out_with_an_expired_token_refreshes_then_signs_out", events.includes("TOKEN_REFRESHED") && events.at(-1) === "SIGNED_OUT", "refreshed, then SIGNED_OUT", events);
  check("sign_out_refreshes_before_the_logout", latest.refresh_token !== first.refresh_token, "a refresh happened before the logout");
  const raw = await fetch(`${env.shortUrl}/auth/v1/token?grant_type=refresh_token`, { method: "POST", headers: { apikey: env.anon, "content-type": "application/json" }, body: JSON.stringify({ refresh_token: latest.refresh_token }) });
  const body = await raw.json();
  check("sign_out_revokes_the_server_session", raw.status >= 400 && ["refresh_token_not_found", "session_not_found"].includes(body.code ?? body.error_code), "the server session is gone: its newest refresh token no longer refreshes", { status: raw.status, body });
  check("sign_out_sends_no_settings_request", !urls.some((u) => u.includes("/settings")), "no /settings request", urls);

  // A logout the server could not carry out is reported, and the session is kept.
  const down = (u, i) => String(u).includes("/logout") ? Promise.resolve(new Response(JSON.stringify({ message: "down" }), { status: 503 })) : fetch(u, i);
  const failing = make({ auth: { storageKey: unique("sb-signout-503"), autoRefreshToken: false }, global: { fetch: down } });
  need(await failing.auth.signUp({ email: email("signout503"), password }), "signUp");
  const r = await failing.auth.signOut();
  check("failed_revocation_is_reported", r.error instanceof Error && r.error.status === 503 && r.error.retryable === true, "a failed revocation is reported", r.error);
  check("failed_revocation_keeps_the_session", (await failing.auth.getSession()).data.session !== null, "and the session is kept");

  // Signed out on another device: the next getUser answers session_not_found and signs out.
  const a = make({ auth: { storageKey: unique("sb-gone"), autoRefreshToken: false } });
  const evA = [];
  a.auth.onAuthStateChange((e) => evA.push(e));
  const address = email("gone");
  need(await a.auth.signUp({ email: address, password }), "signUp");
  const b = make({ auth: { persistSession: false, autoRefreshToken: false } });
  need(await b.auth.signInWithPassword({ email: address, password }), "sign-in elsewhere");
  check("global_sign_out_elsewhere_has_no_error", (await b.auth.signOut({ scope: "global" })).error === null, "global sign-out elsewhere");
  fails("get_user_after_a_global_sign_out_elsewhere_is_session_not_found", await a.auth.getUser(), "session_not_found", "getUser after a global sign-out elsewhere");
  await sleep(20);
  check("session_not_found_signs_out_locally", evA.at(-1) === "SIGNED_OUT" && (await a.auth.getSession()).data.session === null, "SIGNED_OUT and no local session", evA);
}

const SCENARIOS = {
  methods_and_events,
  expiry_is_invisible,
  two_tabs_one_refresh,
  faults_keep_the_session,
  final_refresh_failures_sign_out,
  rls_through_the_client,
  shared_login_with_supabase_js,
  tick_pauses_while_hidden,
  sign_out_revokes_for_real,
};
/** The scenarios, each run once per page by tests/js/scenario.js. */
export function scenarios() {
  return SCENARIOS;
}
