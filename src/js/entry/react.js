// React glue for the data provider (optional: React 18 or 19 as a peer). A provider component
// holding the client and the cockpit snapshot, hooks, and a sign-in gate, so that an app built
// on the DataProvider contract swaps its mock for the SDK in one line.
import { createContext, createElement, useContext, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { createDataProvider } from "./provider.js";

const McContext = createContext(null);

function useMc(hook) {
  const ctx = useContext(McContext);
  if (!ctx) throw new Error(`${hook} must be used inside <McProvider>`);
  return ctx;
}

/** Holds `client` and its data provider for the components below (`options`: see createDataProvider). */
export function McProvider({ client, options, children }) {
  const provider = useMemo(() => createDataProvider(client, options), [client]);
  useEffect(() => () => provider.dispose(), [provider]);
  const value = useMemo(() => ({ client, provider }), [client, provider]);
  return createElement(McContext.Provider, { value }, children);
}

/** The client given to <McProvider>. */
export function useClient() {
  return useMc("useClient").client;
}

/**
 * The current cockpit snapshot: an object with the DataProvider contract's 11 methods, a new
 * one after each refresh (so a context holding it re-renders its readers).
 */
export function useDataProvider() {
  const { provider } = useMc("useDataProvider");
  return useSyncExternalStore(provider.subscribe, provider.getSnapshot, provider.getSnapshot);
}

/** The provider itself (load, refresh, error). */
export function useDataSource() {
  return useMc("useDataSource").provider;
}

/** The session: `undefined` while unknown, then the session or `null`. */
export function useSession() {
  const { client } = useMc("useSession");
  const [session, setSession] = useState(undefined);
  useEffect(() => {
    let live = true;
    const { data } = client.auth.onAuthStateChange((_event, s) => { if (live) setSession(s ?? null); });
    return () => { live = false; data?.subscription?.unsubscribe?.(); };
  }, [client]);
  return session;
}

function SignInForm({ client }) {
  const [state, setState] = useState({ busy: false, message: null });
  const submit = async (e) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setState({ busy: true, message: null });
    const { error: err } = await client.auth.signInWithPassword({ email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") });
    setState({ busy: false, message: err ? err.message : null });
  };
  const message = state.message;
  return createElement("form", { onSubmit: submit, "data-mc-sign-in": "", style: { maxWidth: "22rem", margin: "4rem auto", display: "grid", gap: "0.5rem" } },
    createElement("h2", null, "Sign in"),
    createElement("input", { name: "email", type: "email", placeholder: "Email", autoComplete: "username", required: true }),
    createElement("input", { name: "password", type: "password", placeholder: "Password", autoComplete: "current-password", required: true }),
    createElement("button", { type: "submit", disabled: state.busy }, state.busy ? "Signing in…" : "Sign in"),
    message ? createElement("p", { role: "alert" }, message) : null);
}

/**
 * Renders its children once a user is signed in and the snapshot is loaded; until then a
 * sign-in form (or `signIn`), `loading` while the data loads, and `empty` when the user has no
 * company yet (an onboarding screen, say; it can call `useDataSource().load()` when done).
 */
export function McSignInGate({ children, signIn, loading, empty }) {
  const { client, provider } = useMc("McSignInGate");
  const session = useSession();
  const snapshot = useDataProvider();
  const userId = session?.user?.id;
  useEffect(() => {
    if (userId && !provider.getSnapshot().loaded) provider.load();
  }, [userId, provider]);
  if (session === undefined) return loading ?? null;
  if (!session) return signIn ?? createElement(SignInForm, { client });
  if (snapshot.loaded) return children;
  if (provider.status === "empty") return empty ?? createElement("p", null, "No company yet.");
  if (provider.status === "error") return createElement("p", { role: "alert" }, provider.error?.message ?? "The cockpit could not be loaded.");
  return loading ?? createElement("p", { "aria-busy": "true" }, "Loading…");
}
