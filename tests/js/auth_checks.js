// Browser checks of the auth client against the stack's auth server, run by tests/auth_browser.rs.
// ctx: { make(options, url?) → our client, env: { url, shortUrl, shortExp, anon, service },
// createSupabase: supabase-js's createClient }.

function check(cond, what, got) {
  if (!cond) throw new Error(`check failed: ${what}${got === undefined ? "" : ` (got ${JSON.stringify(got)})`}`);
}
function ok(res, what) {
  check(res && res.error === null, `${what}: no error`, res && res.error && { code: res.error.code, message: res.error.message });
  return res.data;
}
function fails(res, code, what) {
  check(res.error instanceof Error && res.error.code === code, `${what}: ${code}`, res.error && { code: res.error.code, message: res.error.message });
  return res.error;
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

export async function methodsAndEvents({ make, env }) {
  const key = unique("sb-methods");
  const mc = make({ auth: { storageKey: key } });
  const events = [];
  const { data: { subscription } } = mc.auth.onAuthStateChange((event, session) => events.push([event, session && session.user.email]));
  await sleep(20);
  check(events[0] && events[0][0] === "INITIAL_SESSION" && events[0][1] === null, "INITIAL_SESSION first, signed out", events);

  // Validation before the network.
  fails(await mc.auth.signUp({ email: "not-an-email", password: "correct-horse-9" }), "validation_failed", "bad email");
  // Password strength is the server's call (GoTrue sends no minimum length in /settings).
  const short = fails(await mc.auth.signUp({ email: email("v"), password: "abc" }), "weak_password", "short password");
  check(short.status === 422 && short.reasons.includes("length"), "the server's weak_password with reasons", short);
  fails(await mc.auth.signUp({ email: email("v"), password: "" }), "validation_failed", "empty password");
  fails(await mc.auth.verifyOtp({ email: email("v"), token: "", type: "email" }), "validation_failed", "empty token");

  const address = email("methods");
  const up = ok(await mc.auth.signUp({ email: address, password: "correct-horse-9", options: { data: { name: "Kim" } } }), "signUp");
  check(up.session && up.user.user_metadata.name === "Kim", "signUp gives a session and keeps metadata", up.user);
  const stored = JSON.parse(localStorage.getItem(key));
  check(stored.access_token === up.session.access_token && stored.user.id === up.user.id && typeof stored.expires_at === "number", "the session is stored as supabase-js stores it");
  check(events.at(-1)[0] === "SIGNED_IN", "SIGNED_IN after signUp", events);
  fails(await mc.auth.signUp({ email: address, password: "correct-horse-9" }), "user_already_exists", "signUp twice");

  const got = ok(await mc.auth.getSession(), "getSession").session;
  check(got.user.email === address, "getSession", got);
  const user = ok(await mc.auth.getUser(), "getUser").user;
  check(user.id === up.user.id, "getUser", user);
  const updated = ok(await mc.auth.updateUser({ data: { theme: "dark" } }), "updateUser").user;
  check(updated.user_metadata.theme === "dark" && updated.user_metadata.name === "Kim", "metadata merged", updated.user_metadata);
  check(events.at(-1)[0] === "USER_UPDATED", "USER_UPDATED", events.at(-1));

  const before = got.refresh_token;
  const refreshed = ok(await mc.auth.refreshSession(), "refreshSession").session;
  check(refreshed.refresh_token !== before && events.at(-1)[0] === "TOKEN_REFRESHED", "refresh rotates the token and emits TOKEN_REFRESHED", events.at(-1));

  ok(await mc.auth.signOut({ scope: "local" }), "signOut local");
  check(events.at(-1)[0] === "SIGNED_OUT" && localStorage.getItem(key) === null, "SIGNED_OUT and storage cleared", events.at(-1));
  const none = ok(await mc.auth.getSession(), "getSession after signOut");
  check(none.session === null, "no session after signOut");

  const bad = fails(await mc.auth.signInWithPassword({ email: address, password: "wrong-password" }), "invalid_credentials", "wrong password");
  check(bad.retryable === false && bad.status === 400, "invalid_credentials is final", bad.status);
  const inAgain = ok(await mc.auth.signInWithPassword({ email: address, password: "correct-horse-9" }), "signInWithPassword").session;
  // The session is GoTrue's answer whole, as supabase-js keeps it: weak_password: null stays.
  check("weak_password" in inAgain && inAgain.weak_password === null, "the password grant's weak_password: null is kept in the session", Object.keys(inAgain));

  // setSession: a second client adopts the first one's tokens.
  const other = make({ auth: { storageKey: unique("sb-set") } });
  const adopted = ok(await other.auth.setSession({ access_token: inAgain.access_token, refresh_token: inAgain.refresh_token }), "setSession").session;
  check(adopted.user.id === up.user.id, "setSession signs the second client in", adopted.user);

  // OTP sign-in, then password recovery.
  ok(await mc.auth.signInWithOtp({ email: address }), "signInWithOtp");
  const code = (await mailbox(env, address)).find((m) => m.kind === "magiclink").code;
  fails(await mc.auth.verifyOtp({ email: address, token: "000000" === code ? "111111" : "000000", type: "email" }), "otp_expired", "a wrong code");
  ok(await mc.auth.verifyOtp({ email: address, token: code, type: "email" }), "verifyOtp");
  check(events.at(-1)[0] === "SIGNED_IN", "SIGNED_IN after verifyOtp", events.at(-1));
  ok(await mc.auth.resetPasswordForEmail(address), "resetPasswordForEmail");
  const rcode = (await mailbox(env, address)).find((m) => m.kind === "recovery").code;
  ok(await mc.auth.verifyOtp({ email: address, token: rcode, type: "recovery" }), "verifyOtp recovery");
  check(events.at(-1)[0] === "PASSWORD_RECOVERY", "PASSWORD_RECOVERY", events.at(-1));
  ok(await mc.auth.updateUser({ password: "new-horse-42" }), "new password");
  ok(await make({ auth: { persistSession: false } }).auth.signInWithPassword({ email: address, password: "new-horse-42" }), "sign in with the new password");

  // signOut others: the second client's session dies, ours lives.
  ok(await mc.auth.signOut({ scope: "others" }), "signOut others");
  check(ok(await mc.auth.getUser(), "still signed in").user.id === up.user.id, "others: ours survives");
  fails(await other.auth.getUser(), "session_not_found", "others: the other session is gone");

  const anon = ok(await make({ auth: { persistSession: false } }).auth.signInAnonymously(), "signInAnonymously");
  check(anon.user.is_anonymous === true && anon.session, "an anonymous user", anon.user);

  subscription.unsubscribe();
  const count = events.length;
  ok(await mc.auth.signOut(), "signOut global");
  await sleep(20);
  check(events.length === count, "no events after unsubscribe", events.slice(count));
}

export async function expiryIsInvisible({ make, env }) {
  // Tokens from the short-lived gateway expire after env.shortExp seconds; the tick refreshes
  // them before that, so a query never sees an expired token.
  const mc = make({ auth: { storageKey: unique("sb-expiry"), refreshTickMs: 500, refreshMarginTicks: 4 } }, env.shortUrl);
  const events = [];
  mc.auth.onAuthStateChange((e) => events.push(e));
  const first = ok(await mc.auth.signUp({ email: email("expiry"), password: "correct-horse-9" }), "signUp").session;
  check(first.expires_in === env.shortExp, "short-lived tokens", first.expires_in);
  await sleep((env.shortExp + 2) * 1000);
  const now = ok(await mc.auth.getSession(), "getSession").session;
  check(now.access_token !== first.access_token && now.expires_at > Date.now() / 1000, "the token was refreshed in the background", now.expires_at);
  check(events.includes("TOKEN_REFRESHED") && !events.includes("SIGNED_OUT"), "TOKEN_REFRESHED, never SIGNED_OUT", events);
  ok(await mc.from("companies").select("id"), "a query after expiry of the first token");

  // With the tick stopped, the token expires; the REST call refreshes once and retries once.
  mc.auth.stopAutoRefresh();
  const stale = ok(await mc.auth.getSession(), "session").session;
  await sleep((stale.expires_at - Date.now() / 1000 + 1.5) * 1000);
  const res = await mc.from("companies").select("id");
  check(res.error === null, "the expired token was refreshed by the REST call", res.error && res.error.code);
  check(mc.auth && (await mc.auth.getSession()).data.session.access_token !== stale.access_token, "a new token is in use");
}

export async function twoTabsOneRefresh({ make, env }) {
  // Two clients of one storage key (as two tabs): the same localStorage, BroadcastChannel and
  // Web Lock. Both refresh at the same moment: one request, one valid session, no SIGNED_OUT.
  const key = unique("sb-tabs");
  const spy = refreshSpy();
  const a = make({ global: { fetch: spy.fetch }, auth: { storageKey: key, autoRefreshToken: false } }, env.shortUrl);
  const b = make({ global: { fetch: spy.fetch }, auth: { storageKey: key, autoRefreshToken: false } }, env.shortUrl);
  const events = { a: [], b: [] };
  a.auth.onAuthStateChange((e) => events.a.push(e));
  b.auth.onAuthStateChange((e) => events.b.push(e));
  ok(await a.auth.signUp({ email: email("tabs"), password: "correct-horse-9" }), "signUp in tab a");
  await sleep(50);
  check(events.b.includes("SIGNED_IN"), "tab b heard SIGNED_IN", events.b);
  const [ra, rb] = await Promise.all([a.auth.refreshSession(), b.auth.refreshSession()]);
  const sa = ok(ra, "refresh in a").session, sb = ok(rb, "refresh in b").session;
  check(spy.refreshes === 1, "exactly one refresh request for two tabs", spy.refreshes);
  check(sa.refresh_token === sb.refresh_token, "both tabs hold the same new session");
  await sleep(50);
  check(!events.a.includes("SIGNED_OUT") && !events.b.includes("SIGNED_OUT"), "no SIGNED_OUT", events);
  ok(await b.from("companies").select("id"), "tab b can query");
  const again = ok(await a.auth.refreshSession(), "the shared refresh token still works").session;
  check(again.refresh_token !== sa.refresh_token && spy.refreshes === 2, "a later refresh works", spy.refreshes);
}

export async function faultsKeepTheSession({ make, env }) {
  const spy = refreshSpy();
  const mc = make({ global: { fetch: spy.fetch }, auth: { storageKey: unique("sb-faults"), autoRefreshToken: false, requestTimeoutMs: 300 } }, env.shortUrl);
  const events = [];
  mc.auth.onAuthStateChange((e) => events.push(e));
  const s0 = ok(await mc.auth.signUp({ email: email("faults"), password: "correct-horse-9" }), "signUp").session;
  for (const fault of ["503", "refused", "malformed", "timeout"]) {
    spy.fault = fault;
    const res = await mc.auth.refreshSession();
    check(res.error !== null && res.error.retryable === (fault !== "malformed"), `${fault}: the refresh failed (retryable unless malformed)`, res.error && { code: res.error.code, retryable: res.error.retryable });
    if (fault === "timeout") check(res.error.code === "timeout", "a hung refresh times out", res.error.code);
    const still = (await mc.auth.getSession()).data.session;
    check(still && still.refresh_token === s0.refresh_token, `${fault}: the session is kept`, still);
  }
  spy.fault = null;
  await sleep(50);
  check(!events.includes("SIGNED_OUT"), "no SIGNED_OUT from faults", events);
  ok(await mc.auth.refreshSession(), "the refresh works once the fault is gone");
}

export async function finalRefreshFailuresSignOut({ make, env }) {
  // A revoked refresh token (signed out everywhere) ends the session.
  const mc = make({ auth: { storageKey: unique("sb-revoked"), autoRefreshToken: false } }, env.shortUrl);
  const events = [];
  mc.auth.onAuthStateChange((e) => events.push(e));
  const address = email("revoked");
  ok(await mc.auth.signUp({ email: address, password: "correct-horse-9" }), "signUp");
  const other = make({ auth: { persistSession: false } }, env.shortUrl);
  ok(await other.auth.signInWithPassword({ email: address, password: "correct-horse-9" }), "second sign-in");
  ok(await other.auth.signOut({ scope: "global" }), "global sign-out elsewhere");
  fails(await mc.auth.refreshSession(), "refresh_token_not_found", "refresh after a global sign-out");
  await sleep(20);
  check(events.at(-1) === "SIGNED_OUT" && (await mc.auth.getSession()).data.session === null, "SIGNED_OUT and no session", events);

  // Reuse of an older ancestor after the reuse window (GoTrue: refresh_token_already_used, the
  // token family revoked): the SDK signs out, as supabase-js does.
  const mc2 = make({ auth: { storageKey: unique("sb-reuse"), autoRefreshToken: false } }, env.shortUrl);
  const events2 = [];
  mc2.auth.onAuthStateChange((e) => events2.push(e));
  const s1 = ok(await mc2.auth.signUp({ email: email("reuse"), password: "correct-horse-9" }), "signUp").session;
  ok(await mc2.auth.refreshSession(), "rotate once");
  ok(await mc2.auth.refreshSession(), "rotate twice");
  await sleep(2500); // past the short gateway's 2 s reuse interval
  const stolen = make({ auth: { persistSession: false, autoRefreshToken: false } }, env.shortUrl);
  fails(await stolen.auth.refreshSession({ refresh_token: s1.refresh_token }), "refresh_token_already_used", "reuse of an older ancestor");
  await sleep(2500); // past the interval in which the newest token still works
  fails(await mc2.auth.refreshSession(), "refresh_token_already_used", "the family was revoked");
  await sleep(20);
  check(events2.at(-1) === "SIGNED_OUT" && (await mc2.auth.getSession()).data.session === null, "signed out after reuse", events2);
}

export async function rlsThroughTheClient({ make }) {
  const a = make({ auth: { persistSession: false } });
  const b = make({ auth: { persistSession: false } });
  const ua = ok(await a.auth.signUp({ email: email("rls-a"), password: "correct-horse-9" }), "a").user;
  const ub = ok(await b.auth.signUp({ email: email("rls-b"), password: "correct-horse-9" }), "b").user;
  ok(await a.from("companies").insert({ name: "A Co", owner_user_id: ua.id }), "a's company");
  ok(await b.from("companies").insert({ name: "B Co", owner_user_id: ub.id }), "b's company");
  const seenA = ok(await a.from("companies").select("name"), "a reads").map((c) => c.name);
  const seenB = ok(await b.from("companies").select("name"), "b reads").map((c) => c.name);
  check(seenA.join() === "A Co" && seenB.join() === "B Co", "each user sees only their own company", { seenA, seenB });
  ok(await a.auth.signOut(), "a signs out");
  const anon = ok(await a.from("companies").select("name"), "a signed out reads");
  check(anon.length === 0, "signed out: the anon key sees nothing", anon);
}

export async function sharedLoginWithSupabaseJs({ make, env, createSupabase }) {
  // Default storage key on both sides: sb-127-auth-token.
  localStorage.clear();
  const supa = createSupabase(env.url, env.anon, { auth: { autoRefreshToken: false } });
  const ours = make({ auth: { autoRefreshToken: false } });
  const events = [];
  ours.auth.onAuthStateChange((e) => events.push(e));
  const address = email("interop");
  const { data, error } = await supa.auth.signUp({ email: address, password: "correct-horse-9" });
  check(!error && data.session, "supabase-js signed up", error);
  const seen = ok(await ours.auth.getSession(), "ours reads supabase-js's session").session;
  check(seen && seen.user.email === address && seen.access_token === data.session.access_token, "ours sees supabase-js's login", seen && seen.user.email);
  const rows = ok(await ours.from("companies").select("id"), "ours queries as that user");
  check(Array.isArray(rows), "query under the shared login");
  await supa.auth.signOut();
  await sleep(50);
  check((await ours.auth.getSession()).data.session === null && events.includes("SIGNED_OUT"), "supabase-js's sign-out signs ours out", events);

  ok(await ours.auth.signInWithPassword({ email: address, password: "correct-horse-9" }), "ours signs in");
  const theirs = await supa.auth.getSession();
  check(theirs.data.session && theirs.data.session.user.email === address, "supabase-js sees our login", theirs.data.session);
  const { data: u } = await supa.auth.getUser();
  check(u.user && u.user.email === address, "supabase-js's getUser works with our session");
  ok(await ours.auth.signOut({ scope: "local" }), "ours signs out");
  check((await supa.auth.getSession()).data.session === null, "our sign-out signs supabase-js out");
}

export async function tickPausesWhileHidden({ make, env }) {
  // A tick of 150 ms with a margin larger than the token's life: every tick refreshes. While
  // the page is hidden there is no tick; when it is visible again it catches up at once.
  const spy = refreshSpy();
  const mc = make({ global: { fetch: spy.fetch }, auth: { storageKey: unique("sb-hidden"), refreshTickMs: 150, refreshMarginTicks: 1000 } }, env.shortUrl);
  ok(await mc.auth.signUp({ email: email("hidden"), password: "correct-horse-9" }), "signUp");
  await sleep(700);
  check(spy.refreshes >= 2, "ticks refresh while visible", spy.refreshes);
  let state = "hidden";
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => state });
  try {
    document.dispatchEvent(new Event("visibilitychange"));
    await sleep(200); // a refresh already in flight may finish
    const paused = spy.refreshes;
    await sleep(800);
    check(spy.refreshes === paused, "no refresh while hidden", { before: paused, after: spy.refreshes });
    state = "visible";
    document.dispatchEvent(new Event("visibilitychange"));
    await sleep(100);
    check(spy.refreshes > paused, "caught up as soon as visible", { paused, now: spy.refreshes });
  } finally {
    delete document.visibilityState;
    mc.auth.stopAutoRefresh();
  }
  check((await mc.auth.getSession()).data.session !== null, "still signed in");
}

/** signOut revokes for real (refreshing an expired token first) and reports when it could not;
 * a session signed out elsewhere (`session_not_found`) signs this client out. */
export async function signOutRevokesForReal({ make, env }) {
  const password = "correct-horse-9";
  const urls = [];
  const spying = (u, i) => { urls.push(String(u)); return fetch(u, i); };
  // An expired access token: refreshed first, then the logout revokes the newest session.
  const mc = make({ auth: { storageKey: unique("sb-signout"), autoRefreshToken: false }, global: { fetch: spying } }, env.shortUrl);
  const events = [];
  let latest = null;
  mc.auth.onAuthStateChange((e, s) => { events.push(e); if (s) latest = s; });
  const first = ok(await mc.auth.signUp({ email: email("signout"), password }), "signUp").session;
  await sleep((Number(env.shortExp) + 1) * 1000);
  check(first.expires_at <= Date.now() / 1000, "the access token has expired", first.expires_at);
  const { error } = await mc.auth.signOut();
  check(error === null, "signOut with an expired token: no error", error);
  check(events.includes("TOKEN_REFRESHED") && events.at(-1) === "SIGNED_OUT", "refreshed, then SIGNED_OUT", events);
  check(latest.refresh_token !== first.refresh_token, "a refresh happened before the logout");
  const raw = await fetch(`${env.shortUrl}/auth/v1/token?grant_type=refresh_token`, { method: "POST", headers: { apikey: env.anon, "content-type": "application/json" }, body: JSON.stringify({ refresh_token: latest.refresh_token }) });
  const body = await raw.json();
  check(raw.status >= 400 && ["refresh_token_not_found", "session_not_found"].includes(body.code ?? body.error_code), "the server session is gone: its newest refresh token no longer refreshes", { status: raw.status, body });
  check(!urls.some((u) => u.includes("/settings")), "no /settings request", urls);

  // A logout the server could not carry out is reported, and the session is kept.
  const down = (u, i) => String(u).includes("/logout") ? Promise.resolve(new Response(JSON.stringify({ message: "down" }), { status: 503 })) : fetch(u, i);
  const failing = make({ auth: { storageKey: unique("sb-signout-503"), autoRefreshToken: false }, global: { fetch: down } });
  ok(await failing.auth.signUp({ email: email("signout503"), password }), "signUp");
  const r = await failing.auth.signOut();
  check(r.error instanceof Error && r.error.status === 503 && r.error.retryable === true, "a failed revocation is reported", r.error);
  check((await failing.auth.getSession()).data.session !== null, "and the session is kept");

  // Signed out on another device: the next getUser answers session_not_found and signs out.
  const a = make({ auth: { storageKey: unique("sb-gone"), autoRefreshToken: false } });
  const evA = [];
  a.auth.onAuthStateChange((e) => evA.push(e));
  const address = email("gone");
  ok(await a.auth.signUp({ email: address, password }), "signUp");
  const b = make({ auth: { persistSession: false, autoRefreshToken: false } });
  ok(await b.auth.signInWithPassword({ email: address, password }), "sign-in elsewhere");
  check((await b.auth.signOut({ scope: "global" })).error === null, "global sign-out elsewhere");
  fails(await a.auth.getUser(), "session_not_found", "getUser after a global sign-out elsewhere");
  await sleep(20);
  check(evA.at(-1) === "SIGNED_OUT" && (await a.auth.getSession()).data.session === null, "SIGNED_OUT and no local session", evA);
}
