// Sign in, or sign up (the toggle): a new user then onboards a company.
import { useState, type FormEvent } from "react";
import type { McError } from "@mission-control/sdk";
import { client } from "../data/DataContext";
import { ErrorLine } from "../components/Common";

export function SignIn() {
  const [error, setError] = useState<McError | null>(null);
  const [mode, setMode] = useState<"in" | "up">("in");
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const creds = { email: String(f.get("email")), password: String(f.get("password")) };
    setBusy(true);
    const r = mode === "in" ? await client.auth.signInWithPassword(creds) : await client.auth.signUp(creds);
    setBusy(false);
    setError(r.error);
  };
  return (
    <main className="auth">
      <div className="brand">Mission Control</div>
      <h2>{mode === "in" ? "Sign in" : "Create an account"}</h2>
      <form className="stack panel" onSubmit={submit} data-testid="auth-form">
        <label>Email <input name="email" type="email" autoComplete="username" required /></label>
        <label>Password <input name="password" type="password" autoComplete={mode === "in" ? "current-password" : "new-password"} required /></label>
        <div className="row">
          <button className="primary" type="submit" disabled={busy}>{mode === "in" ? "Sign in" : "Sign up"}</button>
          <a className="link" onClick={() => setMode(mode === "in" ? "up" : "in")} data-testid="switch-auth">{mode === "in" ? "New here? Sign up" : "Have an account? Sign in"}</a>
        </div>
      </form>
      <ErrorLine error={error} />
    </main>
  );
}
