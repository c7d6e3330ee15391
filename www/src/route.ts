// Hash routing: the cockpit's zoom levels and the workflow screens, one URL each.
import { useCallback, useEffect, useState } from "react";

export type Route =
  | { screen: "global" }
  | { screen: "org" }
  | { screen: "department"; id: string }
  | { screen: "agent"; id: string }
  | { screen: "tasks" }
  | { screen: "escalations" }
  | { screen: "chat"; agentId?: string };

export function parse(hash: string): Route {
  const [a, b] = hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
  if (a === "org" && b) return { screen: "department", id: b };
  if (a === "org") return { screen: "org" };
  if (a === "agent" && b) return { screen: "agent", id: b };
  if (a === "tasks" || a === "escalations") return { screen: a };
  if (a === "chat") return b ? { screen: "chat", agentId: b } : { screen: "chat" };
  return { screen: "global" };
}

export function href(r: Route): string {
  switch (r.screen) {
    case "global": return "#/";
    case "org": return "#/org";
    case "department": return `#/org/${encodeURIComponent(r.id)}`;
    case "agent": return `#/agent/${encodeURIComponent(r.id)}`;
    case "chat": return r.agentId ? `#/chat/${encodeURIComponent(r.agentId)}` : "#/chat";
    default: return `#/${r.screen}`;
  }
}

export type Go = (r: Route) => void;

/** The current route and a function to move to another one. */
export function useRoute(): [Route, Go] {
  const [route, setRoute] = useState(() => parse(location.hash));
  useEffect(() => {
    const on = () => setRoute(parse(location.hash));
    window.addEventListener("hashchange", on);
    return () => window.removeEventListener("hashchange", on);
  }, []);
  const go = useCallback<Go>((r) => {
    location.hash = href(r);
    setRoute(r);
    window.scrollTo(0, 0);
  }, []);
  return [route, go];
}
