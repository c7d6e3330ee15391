// The same minimal app for every bundler: sign in, run a query, show a validation error. No
// top-level await, no configuration. The stack's URL and key come from the page's query string.
import { createClient } from "@mission-control/sdk";

const q = new URLSearchParams(location.search);
const mc = createClient(q.get("api"), q.get("anon"), { auth: { persistSession: false } });
const result = { stage: "created" };
window.__result = null;
mc.auth
  .signInWithPassword({ email: "demo@mission-control.local", password: "mission-control-demo" })
  .then(({ error }) => {
    result.signIn = error ? error.code : "ok";
    return mc.from("companies").select("name").limit(1);
  })
  .then(({ data, error }) => {
    result.rows = data;
    result.queryError = error ? error.code : null;
    try {
      mc.validate("agents", "insert", { tier: 9 });
      result.validation = "accepted";
    } catch (e) {
      result.validation = e.code;
    }
    document.body.textContent = JSON.stringify(result);
    window.__result = result;
  })
  .catch((e) => {
    window.__result = { thrown: String(e) };
  });
