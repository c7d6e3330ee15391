// The app shell: sign-in while signed out, onboarding while the user has no company, else the
// cockpit (header, navigation, and the screen of the current route).
import type { ReactNode } from "react";
import { DataRoot, useCockpit, useDataSource } from "./data/DataContext";
import { useRoute, type Route } from "./route";
import { ErrorLine } from "./components/Common";
import { SignIn } from "./screens/SignIn";
import { Onboarding } from "./screens/Onboarding";
import { GlobalView } from "./screens/GlobalView";
import { OrganizationView } from "./screens/OrganizationView";
import { DepartmentView } from "./screens/DepartmentView";
import { AgentView } from "./screens/AgentView";
import { TaskBoard } from "./screens/TaskBoard";
import { Escalations } from "./screens/Escalations";
import { Chat } from "./screens/Chat";

export function App() {
  return (
    <DataRoot signIn={<SignIn />} loading={<main className="muted">Loading…</main>}>
      <Cockpit />
    </DataRoot>
  );
}

const NAV: { key: string; label: string; to: Route; on: Route["screen"][] }[] = [
  { key: "global", label: "Global", to: { screen: "global" }, on: ["global"] },
  { key: "org", label: "Organization", to: { screen: "org" }, on: ["org", "department", "agent"] },
  { key: "tasks", label: "Tasks", to: { screen: "tasks" }, on: ["tasks"] },
  { key: "escalations", label: "Escalations", to: { screen: "escalations" }, on: ["escalations"] },
  { key: "chat", label: "Chat", to: { screen: "chat" }, on: ["chat"] },
];

function Cockpit() {
  const { client, user, status, error, company } = useCockpit();
  const source = useDataSource();
  const [route, go] = useRoute();
  const signOut = () => { history.replaceState(null, "", location.pathname); void client.auth.signOut(); };
  const header = (nav: ReactNode) => (
    <header>
      <h1>Mission Control{company ? ` · ${company.name}` : ""}</h1>
      {nav}
      <span className="who">{user.email} · <a className="link" onClick={signOut} data-testid="sign-out">sign out</a></span>
    </header>
  );
  if (status === "loading") return <>{header(null)}<main className="muted" data-testid="loading">Loading the cockpit…</main></>;
  if (status === "error") return <>{header(null)}<main><ErrorLine error={error} /></main></>;
  if (status === "none") return <>{header(null)}<Onboarding /></>;
  const nav = (
    <nav>
      {NAV.map((n) => (
        <button key={n.key} className={n.on.includes(route.screen) ? "on" : ""} data-testid={`nav-${n.key}`}
          onClick={() => { go(n.to); void source.refresh(); }}>{n.label}</button>
      ))}
    </nav>
  );
  return (
    <>
      {header(nav)}
      <main className={route.screen === "global" ? "full" : ""}>
        <ErrorLine error={error} />
        {route.screen === "global" && <GlobalView go={go} />}
        {route.screen === "org" && <OrganizationView go={go} />}
        {route.screen === "department" && <DepartmentView id={route.id} go={go} />}
        {route.screen === "agent" && <AgentView id={route.id} go={go} />}
        {route.screen === "tasks" && <TaskBoard />}
        {route.screen === "escalations" && <Escalations />}
        {route.screen === "chat" && <Chat key={route.agentId ?? ""} agentId={route.agentId} />}
      </main>
    </>
  );
}
