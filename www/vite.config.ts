import { defineConfig } from "vite";

// The package needs no configuration. The app itself awaits its stack settings at the top level
// of a module (src/data/DataContext.tsx), which needs an ES2022 build target.
export default defineConfig({
  build: { target: "es2022" },
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1" },
});
