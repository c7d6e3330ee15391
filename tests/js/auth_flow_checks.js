// Browser checks of the auth flows that finish in a second step — PKCE, links followed in a
// frame as a browser follows them, the session a redirect leaves in the page's URL, secure
// email change, resend, reauthentication — against the stack's auth server. Run by
// tests/auth_flows_browser.rs, one test per function.
// ctx: { make(options, url?) → our client, env: { url, shortUrl, anon, service },
// createSupabase: supabase-js's createClient }.

function check(cond, what, got) {
  if (!cond) throw new Error(`check failed: ${what}${got === undefined ? "" : ` (got ${JSON.stringify(got)})`}`);
}
function ok(res, what) {
  check(res && res.error === null, `${what}: no error`, res && res.error && { code: res.error.code, serverCode: res.error.serverCode, message: res.error.message });
  return res.data;
}
function fails(res, code, what) {
  check(res.error instanceof Error && res.error.code === code, `${what}: ${code}`, res.error && { code: res.error.code, serverCode: res.error.serverCode, message: res.error.message });
  return res.error;
}
const PASSWORD = "correct-horse-9";
const email = (tag) => `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e9)}@example.com`;
const unique = (tag) => `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e9)}`;

/** The messages the stand-in "mailed" to `address`, newest first (service-role-only mailbox). */
async function mailbox(env, address) {
  const res = await fetch(`${env.url}/auth/v1/_mailbox?email=${encodeURIComponent(address)}`, { headers: { apikey: env.service } });
  return (await res.json()).messages;
}
async function message(env, address, kind) {
  const m = (await mailbox(env, address)).find((x) => x.kind === kind);
  check(m, `a ${kind} message to ${address}`);
  return m;
}

/** Opens `link` in a hidden frame, as a browser follows an emailed link through its redirects,
 * to the stack's callback page, which tells us where it landed (fragment included). */
let callbackBase = "";
const callback = () => callbackBase;
async function follow(link) {
  const frame = document.createElement("iframe");
  frame.style.display = "none";
  const landed = new Promise((resolve, reject) => {
    const timer = setTimeout(() => { window.removeEventListener("message", onMessage); reject(new Error(`the link did not land: ${link}`)); }, 15000);
    function onMessage(e) {
      if (e.source === frame.contentWindow && e.data && typeof e.data.mcAuthCallback === "string") {
        clearTimeout(timer);
        window.removeEventListener("message", onMessage);
        resolve(e.data.mcAuthCallback);
      }
    }
    window.addEventListener("message", onMessage);
  });
  frame.src = link;
  document.body.appendChild(frame);
  try {
    return await landed;
  } finally {
    frame.remove();
  }
}
function useStack(env) {
  callbackBase = `${env.url}/auth/v1/_callback`;
}

/** Runs `body` with the page's address set to `url`, restoring it afterwards. */
async function atUrl(url, body) {
  const before = location.href;
  history.replaceState(history.state, "", url);
  try {
    return await body();
  } finally {
    history.replaceState(history.state, "", before);
  }
}

async function signedUpUser(mc, tag) {
  const address = email(tag);
  ok(await mc.auth.signUp({ email: address, password: PASSWORD }), "signUp");
  ok(await mc.auth.signOut({ scope: "local" }), "signOut");
  return address;
}

export async function pkceMagicLinkRoundTrip({ make, env }) {
  useStack(env);
  const key = unique("sb-pkce");
  const mc = make({ auth: { storageKey: key, flowType: "pkce", detectSessionInUrl: false } });
  const events = [];
  mc.auth.onAuthStateChange((e) => events.push(e));
  const address = await signedUpUser(mc, "pkce");
  ok(await mc.auth.signInWithOtp({ email: address, options: { emailRedirectTo: callback() } }), "signInWithOtp");
  const stored = localStorage.getItem(`${key}-code-verifier`);
  check(/^"[0-9a-f]{112}"$/.test(stored), "the verifier is kept as supabase-js keeps it: a JSON string of 112 hex characters", stored);
  const m = await message(env, address, "magiclink");
  check(m.token_hash.startsWith("pkce_") && m.link.includes("type=magiclink"), "the link's token hash is pkce_-prefixed", m);
  const landed = new URL(await follow(m.link));
  const code = landed.searchParams.get("code");
  check(/^[0-9a-f-]{36}$/.test(code || "") && landed.hash === "", "the link lands with ?code= and no tokens", landed.href);
  const data = ok(await mc.auth.exchangeCodeForSession(code), "exchangeCodeForSession");
  check(data.session.user.email === address && data.user.email === address && data.redirectType === null, "the code's session", { email: data.user.email, redirectType: data.redirectType });
  check(JSON.parse(localStorage.getItem(key)).access_token === data.session.access_token, "the session is stored");
  check(localStorage.getItem(`${key}-code-verifier`) === null, "the verifier is used up");
  check(events.at(-1) === "SIGNED_IN", "SIGNED_IN", events);
  const again = fails(await mc.auth.exchangeCodeForSession(code), "pkce_code_verifier_not_found", "the same code again");
  check(again.message.startsWith("PKCE code verifier not found in storage"), "supabase-js's message", again.message);
  const empty = await mc.auth.exchangeCodeForSession(code);
  check(empty.data.session === null && empty.data.user === null && empty.data.redirectType === null, "empty data on failure", empty.data);
  fails(await mc.auth.exchangeCodeForSession(""), "validation_failed", "an empty code");
}

export async function pkceRecoveryIsAPasswordRecovery({ make, env }) {
  useStack(env);
  const key = unique("sb-pkce-rec");
  const mc = make({ auth: { storageKey: key, flowType: "pkce", detectSessionInUrl: false } });
  const events = [];
  mc.auth.onAuthStateChange((e) => events.push(e));
  const address = await signedUpUser(mc, "pkce-rec");
  ok(await mc.auth.resetPasswordForEmail(address, { redirectTo: callback() }), "resetPasswordForEmail");
  check(/^"[0-9a-f]{112}\/recovery"$/.test(localStorage.getItem(`${key}-code-verifier`)), "a recovery flow's verifier ends /recovery");
  const code = new URL(await follow((await message(env, address, "recovery")).link)).searchParams.get("code");
  const data = ok(await mc.auth.exchangeCodeForSession(code), "exchangeCodeForSession");
  check(data.redirectType === "recovery" && events.at(-1) === "PASSWORD_RECOVERY", "PASSWORD_RECOVERY, redirectType recovery", { redirectType: data.redirectType, events });
  ok(await mc.auth.updateUser({ password: "battery-staple-7" }), "the new password");
  ok(await mc.auth.signInWithPassword({ email: address, password: "battery-staple-7" }), "signs in with it");
}

export async function pkceSharedWithSupabaseJs({ make, env, createSupabase }) {
  useStack(env);
  const key = unique("sb-pkce-shared");
  const supa = createSupabase(env.url, env.anon, { auth: { storageKey: key, flowType: "pkce", autoRefreshToken: false, detectSessionInUrl: false } });
  const ours = make({ auth: { storageKey: key, flowType: "pkce", detectSessionInUrl: false } });
  const address = await signedUpUser(ours, "pkce-shared");
  // supabase-js begins, ours finishes.
  const began = await supa.auth.signInWithOtp({ email: address, options: { emailRedirectTo: callback() } });
  check(!began.error, "supabase-js began a PKCE flow", began.error);
  let code = new URL(await follow((await message(env, address, "magiclink")).link)).searchParams.get("code");
  const mine = ok(await ours.auth.exchangeCodeForSession(code), "ours finishes supabase-js's flow");
  check(mine.session.user.email === address, "ours holds the session", mine.user.email);
  ok(await ours.auth.signOut({ scope: "local" }), "signOut");
  // Ours begins, supabase-js finishes.
  ok(await ours.auth.signInWithOtp({ email: address, options: { emailRedirectTo: callback() } }), "ours begins");
  code = new URL(await follow((await message(env, address, "magiclink")).link)).searchParams.get("code");
  const theirs = await supa.auth.exchangeCodeForSession(code);
  check(!theirs.error && theirs.data.session.user.email === address, "supabase-js finishes ours", theirs.error && theirs.error.message);
}

export async function detectSessionInUrlReadsBothFlows({ make, env }) {
  useStack(env);
  // PKCE: the code in the query, the verifier in storage.
  const key = unique("sb-detect");
  const begin = make({ auth: { storageKey: key, flowType: "pkce", detectSessionInUrl: false } });
  const address = await signedUpUser(begin, "detect");
  ok(await begin.auth.signInWithOtp({ email: address, options: { emailRedirectTo: callback() } }), "signInWithOtp");
  const code = new URL(await follow((await message(env, address, "magiclink")).link)).searchParams.get("code");
  await atUrl(`${location.pathname}?keep=1&code=${code}#top`, async () => {
    const mc = make({ auth: { storageKey: key, flowType: "pkce" } });
    ok(await mc.auth.initialize(), "initialize");
    const s = ok(await mc.auth.getSession(), "getSession").session;
    check(s && s.user.email === address, "the redirect's session", s && s.user.email);
    check(location.search === "?keep=1" && location.hash === "#top", "code left the URL, the rest stayed", location.href);
  });
  // Implicit: the tokens in the fragment.
  const key2 = unique("sb-detect-implicit");
  const begin2 = make({ auth: { storageKey: key2, detectSessionInUrl: false } });
  ok(await begin2.auth.signInWithOtp({ email: address, options: { emailRedirectTo: callback() } }), "signInWithOtp (implicit)");
  const landed = new URL(await follow((await message(env, address, "magiclink")).link));
  const fragment = new URLSearchParams(landed.hash.slice(1));
  check(fragment.get("access_token") && fragment.get("refresh_token") && fragment.get("token_type") === "bearer" && fragment.get("type") === "magiclink", "the implicit link lands with the tokens", landed.hash.slice(0, 40));
  await atUrl(`${location.pathname}?keep=2${landed.hash}`, async () => {
    const mc = make({ auth: { storageKey: key2 } });
    const events = [];
    mc.auth.onAuthStateChange((e) => events.push(e));
    ok(await mc.auth.initialize(), "initialize");
    const s = ok(await mc.auth.getSession(), "getSession").session;
    check(s && s.user.email === address && s.access_token === fragment.get("access_token"), "the fragment's session, with its user", s && s.user.email);
    check(location.hash === "" && location.search === "?keep=2", "the tokens left the URL", location.href);
  });
  // An error sent back: kept for initialize(), the session untouched, the URL left alone.
  await atUrl(`${location.pathname}?error=access_denied&error_code=otp_expired&error_description=Email+link+is+invalid+or+has+expired`, async () => {
    const mc = make({ auth: { storageKey: unique("sb-detect-error") } });
    const e = fails(await mc.auth.initialize(), "auth_error", "the redirect's error");
    check(e.serverCode === "otp_expired" && e.message === "Email link is invalid or has expired", "its code and description", { serverCode: e.serverCode, message: e.message });
    check(location.search.includes("error_code=otp_expired"), "the URL is left as it is");
  });
  // A ?code= with no verifier here is somebody else's: nothing happens.
  await atUrl(`${location.pathname}?code=someone-elses`, async () => {
    const mc = make({ auth: { storageKey: unique("sb-detect-foreign"), flowType: "pkce" } });
    ok(await mc.auth.initialize(), "initialize");
    check(ok(await mc.auth.getSession(), "getSession").session === null && location.search === "?code=someone-elses", "a foreign code is left alone");
  });
}

export async function secureEmailChangeNeedsBothAddresses({ make, env }) {
  useStack(env);
  const key = unique("sb-email-change");
  const mc = make({ auth: { storageKey: key } });
  const events = [];
  mc.auth.onAuthStateChange((e) => events.push(e));
  const old = email("change-old");
  ok(await mc.auth.signUp({ email: old, password: PASSWORD }), "signUp");
  const next = email("change-new");
  const user = ok(await mc.auth.updateUser({ email: next }, { emailRedirectTo: callback() }), "updateUser").user;
  check(user.email === old && user.new_email === next && typeof user.email_change_sent_at === "string", "the change is pending", { email: user.email, new_email: user.new_email });
  check(events.at(-1) === "USER_UPDATED", "USER_UPDATED", events);
  const first = await message(env, old, "email_change_token_current");
  ok(await mc.auth.resend({ type: "email_change", email: old, options: { emailRedirectTo: callback() } }), "resend");
  const current = await message(env, old, "email_change_token_current");
  const fresh = await message(env, next, "email_change_token_new");
  check(current.code !== first.code || current.token_hash !== first.token_hash, "resend sends new codes", [first.code, current.code]);
  const one = ok(await mc.auth.verifyOtp({ email: old, token: current.code, type: "email_change" }), "the current address confirms");
  check(one.session === null && one.user === null, "no session yet: the other address must confirm", one);
  check(ok(await mc.auth.getUser(), "getUser").user.email === old, "still the old address");
  const two = ok(await mc.auth.verifyOtp({ email: next, token: fresh.code, type: "email_change" }), "the new address confirms");
  check(two.session && two.session.user.email === next && !two.session.user.new_email, "the change is applied", two.session && two.session.user.email);
  check(events.at(-1) === "SIGNED_IN", "SIGNED_IN", events);
  ok(await mc.auth.signInWithPassword({ email: next, password: PASSWORD }), "signs in at the new address");
  fails(await mc.auth.verifyOtp({ email: next, token: fresh.code, type: "email_change" }), "otp_expired", "a used code");
}

export async function verifyOtpByTokenHashAndEveryType({ make, env }) {
  useStack(env);
  const mc = make({ auth: { storageKey: unique("sb-token-hash") } });
  const address = await signedUpUser(mc, "token-hash");
  ok(await mc.auth.signInWithOtp({ email: address }), "signInWithOtp");
  const m = await message(env, address, "magiclink");
  const data = ok(await mc.auth.verifyOtp({ token_hash: m.token_hash, type: "magiclink" }), "verifyOtp by token_hash");
  check(data.session && data.session.user.email === address, "the link's session", data.session && data.session.user.email);
  fails(await mc.auth.verifyOtp({ token_hash: m.token_hash, type: "magiclink" }), "otp_expired", "a used hash");
  const v = fails(await mc.auth.verifyOtp({ token_hash: "abc", type: "sms" }), "validation_failed", "sms is not an email type");
  check(v.violations[0].field === "type", "names the field", v.violations);
  fails(await mc.auth.verifyOtp({ phone: "+15550100", token: "123456", type: "email" }), "validation_failed", "email type for a phone");
  fails(await mc.auth.verifyOtp({ email: address, token: "123456", type: "nope" }), "validation_failed", "unknown type");
  // A texted code goes to /verify as supabase-js sends it (phone sign-ins are off on the stand-in).
  const phone = await mc.auth.verifyOtp({ phone: "+15550100", token: "123456", type: "sms" });
  check(phone.error && phone.error.code === "otp_expired" && phone.data.session === null, "a phone code reaches the server", phone.error && phone.error.code);
}

export async function resendAnswersWithoutTelling({ make }) {
  const mc = make({ auth: { storageKey: unique("sb-resend") } });
  const address = await signedUpUser(mc, "resend");
  const data = ok(await mc.auth.resend({ type: "signup", email: address }), "resend signup");
  check(data.user === null && data.session === null, "{ user: null, session: null }", data);
  ok(await mc.auth.resend({ type: "signup", email: email("nobody") }), "an unknown address: the same answer");
  fails(await mc.auth.resend({ type: "nope", email: address }), "validation_failed", "unknown type");
  fails(await mc.auth.resend({ type: "signup", email: "not-an-email" }), "validation_failed", "bad email");
  const phone = await mc.auth.resend({ type: "sms", phone: "+15550100" });
  check(phone.error && phone.error.serverCode === "phone_provider_disabled", "phone resend: the server's refusal", phone.error && phone.error.serverCode);
}

export async function reauthenticationNonceGuardsThePassword({ make, env }) {
  useStack(env);
  // The short gateway asks for a nonce before every password change.
  const mc = make({ auth: { storageKey: unique("sb-reauth") } }, env.shortUrl);
  const address = email("reauth");
  ok(await mc.auth.signUp({ email: address, password: PASSWORD }), "signUp");
  const needed = fails(await mc.auth.updateUser({ password: "battery-staple-7" }), "auth_error", "no nonce");
  check(needed.serverCode === "reauthentication_needed" && needed.status === 400, "reauthentication_needed", { serverCode: needed.serverCode, status: needed.status });
  const data = ok(await mc.auth.reauthenticate(), "reauthenticate");
  check(data.user === null && data.session === null, "{ user: null, session: null }", data);
  const nonce = (await mailbox(env, address)).find((m) => m.kind === "reauthentication");
  check(nonce && /^\d{6}$/.test(nonce.code), "a nonce was mailed", nonce);
  const wrong = fails(await mc.auth.updateUser({ password: "battery-staple-7", nonce: nonce.code === "000000" ? "111111" : "000000" }), "auth_error", "a wrong nonce");
  check(wrong.serverCode === "reauthentication_not_valid" && wrong.status === 422, "reauthentication_not_valid", { serverCode: wrong.serverCode, status: wrong.status });
  ok(await mc.auth.updateUser({ password: "battery-staple-7", nonce: nonce.code }), "the right nonce");
  ok(await mc.auth.signInWithPassword({ email: address, password: "battery-staple-7" }), "the new password works");
  fails(await mc.auth.updateUser({ password: "battery-staple-8", nonce: nonce.code }), "auth_error", "a nonce works once");
  const signedOut = make({ auth: { storageKey: unique("sb-reauth-none") } }, env.shortUrl);
  fails(await signedOut.auth.reauthenticate(), "not_signed_in", "reauthenticate needs a session");
}

/** RFC 4648 base32 → bytes. */
function unbase32(text) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let acc = 0, bits = 0;
  const out = [];
  for (const c of text.replace(/=+$/, "")) {
    acc = (acc << 5) | alphabet.indexOf(c);
    bits += 5;
    if (bits >= 8) { bits -= 8; out.push((acc >> bits) & 255); }
  }
  return new Uint8Array(out);
}
/** The RFC 6238 code (HMAC-SHA-1, 6 digits, 30 s) of a base32 secret at `at` ms, by WebCrypto. */
async function totp(secret, at = Date.now()) {
  const msg = new ArrayBuffer(8);
  new DataView(msg).setUint32(4, Math.floor(at / 1000 / 30));
  const key = await crypto.subtle.importKey("raw", unbase32(secret), { name: "HMAC", hash: "SHA-1" }, false, ["sign"]);
  const h = new Uint8Array(await crypto.subtle.sign("HMAC", key, msg));
  const o = h[19] & 15;
  const n = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
  return String(n % 1e6).padStart(6, "0");
}

export async function mfaTotpRaisesTheSessionToAal2({ make, env }) {
  // The test's own TOTP against RFC 6238's SHA-1 vectors first.
  check(await totp("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 59000) === "287082" && await totp("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 1111111109000) === "081804", "RFC 6238 vectors");
  const key = unique("sb-mfa");
  const mc = make({ auth: { storageKey: key } });
  const events = [];
  mc.auth.onAuthStateChange((e) => events.push(e));
  const address = email("mfa");
  ok(await mc.auth.signUp({ email: address, password: PASSWORD }), "signUp");
  const other = make({ auth: { storageKey: unique("sb-mfa-other") } });
  ok(await other.auth.signInWithPassword({ email: address, password: PASSWORD }), "a second session (aal1)");
  const notes = (client) => client.schema("mc_test").from("aal2_notes").select("id,note");
  check(ok(await notes(mc), "aal2_notes at aal1").length === 0, "RLS hides the aal2 table at aal1");
  let level = ok(await mc.auth.mfa.getAuthenticatorAssuranceLevel(), "getAuthenticatorAssuranceLevel");
  check(level.currentLevel === "aal1" && level.nextLevel === "aal1" && level.currentAuthenticationMethods[0].method === "password", "aal1, nowhere to go", level);

  const enrolled = ok(await mc.auth.mfa.enroll({ factorType: "totp", friendlyName: "phone app" }), "enroll");
  check(enrolled.type === "totp" && enrolled.friendly_name === "phone app" && /^[A-Z2-7]{32}$/.test(enrolled.totp.secret), "a TOTP factor with a 32-character base32 secret", enrolled.totp.secret);
  check(enrolled.totp.qr_code.startsWith("data:image/svg+xml;utf-8,<") && enrolled.totp.qr_code.includes("<svg"), "the QR code as an SVG data URI", enrolled.totp.qr_code.slice(0, 40));
  check(enrolled.totp.uri.startsWith("otpauth://totp/") && enrolled.totp.uri.includes(`secret=${enrolled.totp.secret}`) && enrolled.totp.uri.includes("algorithm=SHA1&digits=6"), "the otpauth URI", enrolled.totp.uri);
  fails(await mc.auth.mfa.enroll({ factorType: "totp", friendlyName: "phone app" }), "auth_error", "the same friendly name twice");
  let factors = ok(await mc.auth.mfa.listFactors(), "listFactors");
  check(factors.all.length === 1 && factors.all[0].status === "unverified" && factors.totp.length === 0, "unverified: in all, not in totp", factors);

  const challenge = ok(await mc.auth.mfa.challenge({ factorId: enrolled.id }), "challenge");
  check(challenge.type === "totp" && Math.abs(challenge.expires_at - (Date.now() / 1000 + 300)) < 30, "a challenge expiring in 300 s", challenge);
  const code = await totp(enrolled.totp.secret);
  const wrong = fails(await mc.auth.mfa.verify({ factorId: enrolled.id, challengeId: challenge.id, code: code === "000000" ? "111111" : "000000" }), "auth_error", "a wrong code");
  check(wrong.serverCode === "mfa_verification_failed", "mfa_verification_failed", wrong.serverCode);
  const verified = ok(await mc.auth.mfa.verify({ factorId: enrolled.id, challengeId: challenge.id, code }), "verify");
  check(verified.access_token && verified.user.id, "the raised session", Object.keys(verified));
  check(events.at(-1) === "MFA_CHALLENGE_VERIFIED", "MFA_CHALLENGE_VERIFIED", events);
  level = ok(await mc.auth.mfa.getAuthenticatorAssuranceLevel(), "getAuthenticatorAssuranceLevel");
  check(level.currentLevel === "aal2" && level.nextLevel === "aal2" && level.currentAuthenticationMethods[0].method === "totp", "aal2, totp first in amr", level);
  const rows = ok(await notes(mc), "aal2_notes at aal2");
  check(rows.length === 1 && rows[0].note === "behind the second factor", "RLS shows the aal2 table", rows);
  factors = ok(await mc.auth.mfa.listFactors(), "listFactors");
  check(factors.totp.length === 1 && factors.totp[0].status === "verified", "verified", factors.totp);
  const gone = fails(await other.auth.getUser(), "session_not_found", "the other aal1 session ended");
  check(gone.status === 403 && ok(await other.auth.getSession(), "getSession").session === null, "and it signed out");
  // The level survives a refresh.
  ok(await mc.auth.refreshSession(), "refresh");
  check(ok(await mc.auth.mfa.getAuthenticatorAssuranceLevel(), "aal").currentLevel === "aal2", "still aal2 after a refresh");

  // A new sign-in is aal1 with aal2 to reach; it cannot add a factor until it gets there.
  const next = make({ auth: { storageKey: unique("sb-mfa-next") } });
  ok(await next.auth.signInWithPassword({ email: address, password: PASSWORD }), "sign in again");
  level = ok(await next.auth.mfa.getAuthenticatorAssuranceLevel(), "aal");
  check(level.currentLevel === "aal1" && level.nextLevel === "aal2", "aal1 → aal2", level);
  const insufficient = fails(await next.auth.mfa.enroll({ factorType: "totp", friendlyName: "second" }), "auth_error", "enroll at aal1");
  check(insufficient.serverCode === "insufficient_aal" && insufficient.status === 403, "insufficient_aal", insufficient.serverCode);
  const unenrollLow = fails(await next.auth.mfa.unenroll({ factorId: enrolled.id }), "auth_error", "unenroll at aal1");
  check(unenrollLow.serverCode === "insufficient_aal", "a verified factor needs aal2 to go", unenrollLow.serverCode);
  ok(await next.auth.mfa.challengeAndVerify({ factorId: enrolled.id, code: await totp(enrolled.totp.secret) }), "challengeAndVerify");
  check(ok(await next.auth.mfa.getAuthenticatorAssuranceLevel(), "aal").currentLevel === "aal2", "aal2 in one step");
  const removed = ok(await next.auth.mfa.unenroll({ factorId: enrolled.id }), "unenroll");
  check(removed.id === enrolled.id, "unenroll answers the id", removed);
  check(ok(await next.auth.mfa.listFactors(), "listFactors").all.length === 0, "no factor left");
  ok(await next.auth.refreshSession(), "refresh");
  check(ok(await next.auth.mfa.getAuthenticatorAssuranceLevel(), "aal").currentLevel === "aal1", "back to aal1 once the factor is gone");
  fails(await next.auth.mfa.challenge({ factorId: "" }), "validation_failed", "an empty factor id");
}

export async function getClaimsVerifiesAcrossARotation({ make, env }) {
  const seen = { jwks: 0, user: 0 };
  const spy = (url, init) => {
    const u = String(url);
    if (u.includes("/.well-known/jwks.json")) seen.jwks++;
    if (/\/auth\/v1\/user(\?|$)/.test(u)) seen.user++;
    return fetch(url, init);
  };
  const mc = make({ auth: { storageKey: unique("sb-claims") }, global: { fetch: spy } });
  check(ok(await mc.auth.getClaims(), "getClaims signed out") === null, "null when signed out");
  const up = ok(await mc.auth.signUp({ email: email("claims"), password: PASSWORD }), "signUp");
  const first = ok(await mc.auth.getClaims(), "getClaims");
  check(first.header.alg === "ES256" && typeof first.header.kid === "string", "an ES256 token with a kid", first.header);
  check(first.claims.sub === up.user.id && first.claims.role === "authenticated" && first.claims.aal === "aal1", "the claims", first.claims);
  check(Array.isArray(first.signature) && first.signature.length === 64, "the signature's 64 bytes", first.signature.length);
  check(seen.jwks === 1 && seen.user === 0, "verified against the JWKS, not by the server", seen);
  ok(await mc.auth.getClaims(), "getClaims again");
  check(seen.jwks === 1, "the JWKS is kept", seen);
  const oldToken = up.session.access_token;

  // Rotations: the standby key (already published, so already in our JWKS) signs; after a
  // second rotation the signing key is one published after we fetched: unknown, fetched again.
  const rotate = async () => (await fetch(`${env.url}/auth/v1/_rotate_signing_key`, { method: "POST", headers: { apikey: env.service } })).json();
  const once = await rotate();
  check(typeof once.kid === "string" && once.kid !== first.header.kid, "a new signing key", once);
  ok(await mc.auth.refreshSession(), "refresh: a token of the standby key");
  let claims = ok(await mc.auth.getClaims(), "getClaims after a rotation");
  check(claims.header.kid === once.kid && seen.jwks === 1, "the standby key was in the JWKS already", { kid: claims.header.kid, seen });
  const twice = await rotate();
  ok(await mc.auth.refreshSession(), "refresh: a token of a key published since");
  const second = ok(await mc.auth.getClaims(), "getClaims after a second rotation");
  check(second.header.kid === twice.kid && twice.kid === once.standby_kid && seen.jwks === 2 && seen.user === 0, "an unknown kid fetches the JWKS again", { kid: second.header.kid, seen });
  check(ok(await mc.auth.getClaims(oldToken), "the old key's token").claims.sub === up.user.id, "the old key still verifies");
  check(Array.isArray(ok(await mc.from("companies").select("id"), "a query with the new key's token")), "PostgREST takes the new key too");

  // Tampered, malformed, expired.
  const [h, p, sig] = second.header && (await mc.auth.getSession()).data.session.access_token.split(".");
  const payload = JSON.parse(atob(p.replace(/-/g, "+").replace(/_/g, "/")));
  const forged = btoa(JSON.stringify({ ...payload, role: "service_role" })).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  const bad = fails(await mc.auth.getClaims(`${h}.${forged}.${sig}`), "invalid_jwt", "a forged payload");
  check(bad.message === "Invalid JWT signature", "Invalid JWT signature", bad.message);
  check(fails(await mc.auth.getClaims("not.a-jwt"), "invalid_jwt", "malformed").message === "Invalid JWT structure", "Invalid JWT structure");
  // HS256 (the anon key): the server judges it.
  const before = seen.user;
  const hs = await mc.auth.getClaims(env.anon);
  check(seen.user === before + 1 && hs.error && hs.data === null, "an HS256 token goes to GET /user, which refuses a key without a user", hs.error && hs.error.serverCode);
  const short = make({ auth: { storageKey: unique("sb-claims-short"), autoRefreshToken: false } }, env.shortUrl);
  const s = ok(await short.auth.signUp({ email: email("claims-exp"), password: PASSWORD }), "signUp (8 s tokens)").session;
  await new Promise((r) => setTimeout(r, (s.expires_at - Date.now() / 1000 + 1.2) * 1000));
  check(fails(await short.auth.getClaims(s.access_token), "invalid_jwt", "expired").message === "JWT has expired", "JWT has expired");
  check(ok(await short.auth.getClaims(s.access_token, { allowExpired: true }), "allowExpired").claims.sub === s.user.id, "allowExpired verifies it anyway");
}

const sha256hex = async (text) => [...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)))].map((b) => b.toString(16).padStart(2, "0")).join("");

export async function oauthRoundTripThroughTheLocalProvider({ make, env }) {
  useStack(env);
  const who = email("oauth");
  // PKCE: our URL → GoTrue's /authorize → the provider → GoTrue's /callback → back with ?code=.
  const key = unique("sb-oauth");
  const mc = make({ auth: { storageKey: key, flowType: "pkce", detectSessionInUrl: false } });
  const data = ok(await mc.auth.signInWithOAuth({ provider: "keycloak", options: { redirectTo: callback(), scopes: "offline_access", queryParams: { login_hint: who }, skipBrowserRedirect: true } }), "signInWithOAuth");
  const url = new URL(data.url);
  check(data.provider === "keycloak" && url.origin === env.url && url.pathname === "/auth/v1/authorize", "GoTrue's /authorize", data.url);
  check(url.searchParams.get("provider") === "keycloak" && url.searchParams.get("redirect_to") === callback() && url.searchParams.get("scopes") === "offline_access" && url.searchParams.get("code_challenge_method") === "s256" && url.searchParams.get("login_hint") === who, "provider, redirect_to, scopes, the challenge, the query params", data.url);
  check(/^"[0-9a-f]{112}"$/.test(localStorage.getItem(`${key}-code-verifier`)), "the verifier is kept");
  const landed = new URL(await follow(data.url));
  const code = landed.searchParams.get("code");
  check(code && landed.hash === "", "back with a code", landed.href);
  const s = ok(await mc.auth.exchangeCodeForSession(code), "exchangeCodeForSession").session;
  check(s.user.email === who && s.user.app_metadata.provider === "keycloak" && s.user.identities.length === 1 && s.user.identities[0].provider === "keycloak", "a user of the provider", { email: s.user.email, app: s.user.app_metadata });
  check(typeof s.provider_token === "string" && s.provider_token.startsWith("oidc-at-"), "the provider's token in the session", s.provider_token);
  // Implicit: the session in the fragment, read from the page's URL.
  const key2 = unique("sb-oauth-implicit");
  const mc2 = make({ auth: { storageKey: key2, detectSessionInUrl: false } });
  const d2 = ok(await mc2.auth.signInWithOAuth({ provider: "keycloak", options: { redirectTo: callback(), queryParams: { login_hint: who }, skipBrowserRedirect: true } }), "signInWithOAuth (implicit)");
  check(!new URL(d2.url).searchParams.has("code_challenge"), "no challenge in the implicit flow");
  const landed2 = new URL(await follow(d2.url));
  const fragment = new URLSearchParams(landed2.hash.slice(1));
  check(fragment.get("access_token") && fragment.get("provider_token") && fragment.get("token_type") === "bearer", "the fragment's tokens", landed2.hash.slice(0, 30));
  await atUrl(`${location.pathname}${landed2.hash}`, async () => {
    const c = make({ auth: { storageKey: key2 } });
    ok(await c.auth.initialize(), "initialize");
    const got = ok(await c.auth.getSession(), "getSession").session;
    check(got && got.user.id === s.user.id && got.provider_token === fragment.get("provider_token"), "the same user, the provider token kept", got && got.user.email);
    check(location.hash === "", "the fragment left the URL");
  });
  // The provider refuses: the error comes back to the app.
  const d3 = ok(await mc2.auth.signInWithOAuth({ provider: "keycloak", options: { redirectTo: callback(), queryParams: { prompt: "deny" }, skipBrowserRedirect: true } }), "signInWithOAuth (refused)");
  const refused = new URL(await follow(d3.url));
  check(refused.searchParams.get("error") === "access_denied", "the provider's refusal comes back", refused.href);
}

export async function identitiesLinkAndUnlink({ make, env }) {
  useStack(env);
  const mc = make({ auth: { storageKey: unique("sb-link"), flowType: "pkce", detectSessionInUrl: false } });
  const address = email("link");
  ok(await mc.auth.signUp({ email: address, password: PASSWORD }), "signUp");
  let ids = ok(await mc.auth.getUserIdentities(), "getUserIdentities").identities;
  check(ids.length === 1 && ids[0].provider === "email", "one email identity", ids);
  const only = fails(await mc.auth.unlinkIdentity(ids[0]), "auth_error", "unlink the only identity");
  check(only.serverCode === "single_identity_not_deletable", "single_identity_not_deletable", only.serverCode);
  const other = email("idp-account");
  const link = ok(await mc.auth.linkIdentity({ provider: "keycloak", options: { redirectTo: callback(), queryParams: { login_hint: other }, skipBrowserRedirect: true } }), "linkIdentity");
  check(link.provider === "keycloak" && link.url.includes("/oidc/realms/mc/protocol/openid-connect/auth") && link.url.includes(`login_hint=${encodeURIComponent(other)}`), "the provider's URL", link.url);
  const code = new URL(await follow(link.url)).searchParams.get("code");
  const linked = ok(await mc.auth.exchangeCodeForSession(code), "exchangeCodeForSession").session;
  check(linked.user.email === address, "still the same user", linked.user.email);
  ids = ok(await mc.auth.getUserIdentities(), "getUserIdentities").identities;
  check(ids.map((i) => i.provider).sort().join() === "email,keycloak" && ids.find((i) => i.provider === "keycloak").email === other, "the provider's identity linked", ids.map((i) => [i.provider, i.email]));
  // The same identity again, to another user: refused on the way back.
  const second = make({ auth: { storageKey: unique("sb-link-2"), flowType: "pkce", detectSessionInUrl: false } });
  ok(await second.auth.signUp({ email: email("link-2"), password: PASSWORD }), "signUp (second user)");
  const again = ok(await second.auth.linkIdentity({ provider: "keycloak", options: { redirectTo: callback(), queryParams: { login_hint: other }, skipBrowserRedirect: true } }), "linkIdentity (taken)");
  const refused = new URL(await follow(again.url));
  check(refused.searchParams.get("error_code") === "identity_already_exists", "identity_already_exists", refused.href);
  ok(await mc.auth.unlinkIdentity(ids.find((i) => i.provider === "keycloak")), "unlinkIdentity");
  ids = ok(await mc.auth.getUserIdentities(), "getUserIdentities").identities;
  check(ids.length === 1 && ids[0].provider === "email", "back to the email identity", ids);
  fails(await mc.auth.unlinkIdentity({ identity_id: "" }), "validation_failed", "an empty identity id");
}

export async function signInWithIdTokenChecksTheNonce({ make, env }) {
  const mc = make({ auth: { storageKey: unique("sb-idtoken") } });
  const who = email("idtoken");
  const nonce = unique("nonce");
  const mint = async (q) => (await (await fetch(`${env.url}/oidc/realms/mc/_id_token?${new URLSearchParams(q)}`)).json()).id_token;
  const token = await mint({ email: who, nonce: await sha256hex(nonce) });
  const s = ok(await mc.auth.signInWithIdToken({ provider: "keycloak", token, nonce }), "signInWithIdToken").session;
  check(s.user.email === who && s.user.identities[0].provider === "keycloak", "the token's user", s.user.email);
  const wrong = await mc.auth.signInWithIdToken({ provider: "keycloak", token, nonce: "another" });
  check(wrong.error && wrong.error.status === 400 && wrong.error.message === "Nonces mismatch", "a nonce that does not hash to the token's", wrong.error && wrong.error.message);
  const missing = await mc.auth.signInWithIdToken({ provider: "keycloak", token });
  check(missing.error && missing.error.message === "Passed nonce and nonce in id_token should either both exist or not.", "the raw nonce is required when the token has one", missing.error && missing.error.message);
  const otherAud = await mc.auth.signInWithIdToken({ provider: "keycloak", token: await mint({ email: who, aud: "someone-else" }) });
  check(otherAud.error && otherAud.error.message.startsWith("Unacceptable audience in id_token"), "the audience is checked", otherAud.error && otherAud.error.message);
  const forged = await mc.auth.signInWithIdToken({ provider: "keycloak", token: token.slice(0, -4) + "AAAA" });
  check(forged.error && forged.error.message === "Bad ID token", "the signature is checked", forged.error && forged.error.message);
  fails(await mc.auth.signInWithIdToken({ provider: "keycloak", token: "" }), "validation_failed", "an empty token");
}
