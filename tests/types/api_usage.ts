// The client's types: valid calls compile, and every misuse below is a compile error.
import { createClient } from "../../pkg/index"
import type { McResponse, TaskRow, AgentRow } from "../../pkg/index"

const mc = createClient("http://127.0.0.1:54321", "anon")

export async function valid(signal: AbortSignal) {
  const all: McResponse<TaskRow[]> = await mc.from("tasks").select()
  const some = await mc.from("tasks").select("id, title").eq("status", "BLOCKED").in("priority", ["HIGH", "URGENT"]).order("created_at", { ascending: false }).limit(5)
  if (some.data) { const t: string = some.data[0].title; void t }
  const one = await mc.from("agents").select("*").eq("tier", 1).single()
  if (one.data) { const a: AgentRow = one.data; void a }
  const maybe = await mc.from("companies").select("name").maybeSingle()
  if (maybe.data) { const n: string = maybe.data.name; void n }
  await mc.from("memory_entries").insert({ company_id: "c", type: "AUDIT", summary: "s", tags: ["a"] })
  await mc.from("memory_entries").select().contains("tags", ["a,b"]).overlaps("tags", ["x"])
  await mc.from("chat_sessions").update({ status: "CLOSED", closed_at: new Date().toISOString() }).eq("id", "x")
  await mc.from("tasks").update({ blocked_reason: null }).eq("id", "x").select("id").single()
  await mc.from("sectors").upsert([{ company_id: "c", type: "FINANCE" }], { onConflict: "company_id,type" })
  await mc.from("tasks").delete({ count: "exact" }).eq("id", "x")
  await mc.from("agents").select("id, department:departments!agents_department_id_fkey(type)").eq("departments.type", "PRODUCT").abortSignal(signal).timeout(1000)
  const csv: McResponse<string> = await mc.from("agents").select("name").csv()
  await mc.schema("mc_test").rpc("echo", { a: 1 }, { get: true })
  const r = await mc.from("tasks").select().throwOnError()
  return [all, csv, r]
}

export async function misuse() {
  // @ts-expect-error memory entries are append-only: no update
  mc.from("memory_entries").update({ summary: "x" })
  // @ts-expect-error memory entries are append-only: no upsert
  mc.from("memory_entries").upsert({ company_id: "c", type: "AUDIT", summary: "s" })
  // @ts-expect-error chat messages are immutable: no delete
  mc.from("chat_messages").delete()
  // @ts-expect-error chat sessions have no delete
  mc.from("chat_sessions").delete()
  // @ts-expect-error pulses are the backend's: no insert from the SDK
  mc.from("pulses").insert({ company_id: "c", agent_id: "a" })
  // @ts-expect-error pulses are the backend's: no update
  mc.from("pulses").update({ phase: "ASSESS" })
  // @ts-expect-error pulses are the backend's: no upsert
  mc.from("pulses").upsert({ company_id: "c", agent_id: "a" })
  // @ts-expect-error pulses are the backend's: no delete
  mc.from("pulses").delete()
  const pulses: { id: string; phase: "SCAN" | "ASSESS" | "DECIDE" | "EXECUTE" | "LOG" | "COMPLETE" }[] | null =
    (await mc.from("pulses").select("id, phase").eq("status", "COMPLETE")).data
  // @ts-expect-error unknown table
  mc.from("projects")
  // @ts-expect-error unknown column
  mc.from("tasks").select().eq("titel", "x")
  // @ts-expect-error wrong value type for tier
  mc.from("agents").select().eq("tier", "one")
  // @ts-expect-error not a task status
  mc.from("tasks").select().in("status", ["DONE"])
  // @ts-expect-error tier is required on insert
  mc.from("agents").insert({ company_id: "c", name: "x", role: "y" })
  // @ts-expect-error unknown column on update
  mc.from("tasks").update({ titel: "x" })
  // @ts-expect-error a selected column list narrows the row
  const r = await mc.from("tasks").select("id"); if (r.data) { r.data[0].title }
}

export async function auth() {
  const m = createClient("u", "k", { auth: { storage: localStorage, storageKey: "sb-x", autoRefreshToken: false } })
  const { data: { subscription } } = m.auth.onAuthStateChange((event, session) => { if (event === "TOKEN_REFRESHED" && session) { const t: string = session.access_token; void t } })
  subscription.unsubscribe()
  const r = await m.auth.signInWithPassword({ email: "a@b.co", password: "x" })
  if (r.error) { const c: "invalid_credentials" | string = r.error.code; const reasons: string[] = r.error.reasons; void c; void reasons }
  await m.auth.verifyOtp({ email: "a@b.co", token: "1", type: "recovery" })
  // @ts-expect-error an email code has an email type
  await m.auth.verifyOtp({ email: "a@b.co", token: "1", type: "sms" })
  await m.auth.verifyOtp({ phone: "+15550100", token: "1", type: "sms" })
  await m.auth.verifyOtp({ token_hash: "h", type: "email_change" })
  // @ts-expect-error not an OTP type
  await m.auth.verifyOtp({ token_hash: "h", type: "text" })
  const pkce = createClient("u", "k", { auth: { flowType: "pkce", detectSessionInUrl: false } })
  const ex = await pkce.auth.exchangeCodeForSession("code")
  if (ex.data.session) { const r: string | null = ex.data.redirectType; const u: string = ex.data.user.id; void r; void u }
  // @ts-expect-error not a flow type
  createClient("u", "k", { auth: { flowType: "hybrid" } })
  const o = await m.auth.signInWithOAuth({ provider: "keycloak", options: { redirectTo: "http://x", queryParams: { login_hint: "a" }, skipBrowserRedirect: true } })
  if (o.data) { const url: string = o.data.url; void url }
  const f = await m.auth.mfa.enroll({ factorType: "totp", friendlyName: "app" })
  if (f.data) { const secret: string = f.data.totp.secret; void secret }
  // @ts-expect-error mfa.verify needs the challenge
  await m.auth.mfa.verify({ factorId: "f", code: "123456" })
  const aal = await m.auth.mfa.getAuthenticatorAssuranceLevel()
  if (aal.data) { const l: "aal1" | "aal2" | null = aal.data.currentLevel; void l }
  const c = await m.auth.getClaims()
  if (c.data) { const level: "aal1" | "aal2" = c.data.claims.aal; const kid: string | undefined = c.data.header.kid; void level; void kid }
  const ids = await m.auth.getUserIdentities()
  if (ids.data) { const first = ids.data.identities[0]; await m.auth.unlinkIdentity(first) }
  await m.auth.resend({ type: "signup", email: "a@b.co" })
  // @ts-expect-error a phone type needs a phone
  await m.auth.resend({ type: "sms", email: "a@b.co" })
  await m.auth.reauthenticate()
  await m.auth.updateUser({ password: "p", nonce: "123456" }, { emailRedirectTo: "http://x" })
  // @ts-expect-error not a sign-out scope
  await m.auth.signOut({ scope: "everyone" })
}

export async function workflows() {
  const m = createClient("u", "k")
  const started = await m.tasks.start("t")
  if (started.data) { const s: "PENDING" | "IN_PROGRESS" | "BLOCKED" | "COMPLETE" | "CANCELLED" = started.data.status; void s }
  await m.tasks.block("t", "waiting")
  const esc = await m.escalations.raise({ from_agent_id: "a", trigger: "MATERIAL_RISK", context: "c", impact: "i", recommendation: "r" })
  if (esc.error) { const code: string = esc.error.code; void code }
  await m.chat.send("s", { content: "hi" })
  // @ts-expect-error block needs a reason
  await m.tasks.block("t")
  // @ts-expect-error not an escalation trigger
  await m.escalations.raise({ from_agent_id: "a", trigger: "PANIC", context: "c", impact: "i", recommendation: "r" })
}
