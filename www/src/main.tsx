import { createRoot } from "react-dom/client";
import { Constants, type McClient } from "@mission-control/sdk";
import { client } from "./data/DataContext";
import { App } from "./App";
import "./style.css";

declare global {
  interface Window { mc: McClient; Constants: typeof Constants }
}

// For the browser console: the client and the enums, as the cockpit uses them.
window.mc = client;
window.Constants = Constants;

createRoot(document.getElementById("root")!).render(<App />);
