// The data layer: the SDK client (URL and anon key from /stack.json), the session, and the
// SDK's data provider through `McProvider`. Screens read the DataProvider contract with
// `useData()` (the snapshot, a new object after each refresh) and the shell state with
// `useCockpit()`. One provider per signed-in user: it is rebuilt when the user changes.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { createClient, type DataProvider, type McClient, type McError } from "@mission-control/sdk";
import { McProvider, useDataProvider, useDataSource } from "@mission-control/sdk/react";

/** The stack's URL and anon key: written to public/stack.json by scripts/dev.sh. */
const config: { url: string; anonKey: string } = await fetch("/stack.json").then((r) => r.json());
export const client: McClient = createClient(config.url, config.anonKey);

export interface User { id: string; email: string }
export interface Company { id: string; name: string; status: string; ceo_id: string | null }
/** "loading" until the first load answers; "none" when the user has no company yet. */
export type LoadStatus = "loading" | "none" | "ready" | "error";

interface CockpitState {
  client: McClient;
  user: User;
  status: LoadStatus;
  error: McError | null;
  company: Company | null;
  /** Loads the user's (first) company again, e.g. after onboarding. */
  reload(): Promise<void>;
}
const CockpitContext = createContext<CockpitState | null>(null);

/** `undefined` while unknown, then the signed-in user or `null`. */
function useUser(mc: McClient): User | null | undefined {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  useEffect(() => {
    const { data } = mc.auth.onAuthStateChange((_event, session) => {
      const next = session ? { id: session.user.id, email: session.user.email ?? "" } : null;
      setUser((prev) => (prev && next && prev.id === next.id && prev.email === next.email ? prev : next));
    });
    return () => data.subscription.unsubscribe();
  }, [mc]);
  return user;
}

/** Renders `signIn` while signed out, else its children inside a provider for this user. */
export function DataRoot({ signIn, loading, children }: { signIn: ReactNode; loading: ReactNode; children: ReactNode }) {
  const user = useUser(client);
  if (user === undefined) return <>{loading}</>;
  if (user === null) return <>{signIn}</>;
  return (
    <McProvider client={client} key={user.id}>
      <Loader user={user}>{children}</Loader>
    </McProvider>
  );
}

function Loader({ user, children }: { user: User; children: ReactNode }) {
  const source = useDataSource();
  const [state, setState] = useState<{ status: LoadStatus; error: McError | null; company: Company | null }>({ status: "loading", error: null, company: null });
  const reload = useCallback(async () => {
    // The snapshot (three requests) holds the company row too.
    const loaded = await source.load();
    if (loaded.error) return setState((s) => ({ ...s, status: s.status === "ready" ? "ready" : "error", error: loaded.error }));
    const snapshot = loaded.data;
    if (!snapshot.loaded || !snapshot.company) return setState({ status: "none", error: null, company: null });
    setState({ status: "ready", error: null, company: snapshot.company });
  }, [source]);
  useEffect(() => { void reload(); }, [reload]);
  return <CockpitContext.Provider value={{ client, user, ...state, reload }}>{children}</CockpitContext.Provider>;
}

/** The shell's state: the client, the user, the load status and the company. */
export function useCockpit(): CockpitState {
  const ctx = useContext(CockpitContext);
  if (!ctx) throw new Error("useCockpit must be used inside <DataRoot>");
  return ctx;
}

/** The DataProvider contract over the current snapshot (re-renders after each refresh). */
export function useData(): DataProvider {
  const provider = useDataProvider();
  return provider;
}

/** The provider itself: refresh, and the department refinement (its newest pulses). */
export { useDataSource };
