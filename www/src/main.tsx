import { createRoot } from "react-dom/client";
import { createClient, Constants, type McClient } from "@mission-control/sdk";
import { App } from "./App";
import "./style.css";

declare global {
  interface Window { mc: McClient; Constants: typeof Constants }
}

/** The stack's URL and anon key: written to public/stack.json by scripts/dev.sh. */
const config: { url: string; anonKey: string } = await fetch("/stack.json").then((r) => r.json());
const mc = createClient(config.url, config.anonKey);
// For the browser console: the client and the enums, as the cockpit uses them.
window.mc = mc;
window.Constants = Constants;

createRoot(document.getElementById("root")!).render(<App mc={mc} />);
