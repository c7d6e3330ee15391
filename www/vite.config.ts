import { defineConfig } from "vite";

// The package ships wasm through the bundler target's ESM import, which Vite 8 builds without
// a plugin. Its dev server's dependency pre-bundling would move the glue away from the .wasm
// file, so the package is excluded from it (the one line of configuration the SDK needs).
export default defineConfig({
  optimizeDeps: { exclude: ["@mission-control/sdk"] },
  build: { target: "es2022" },
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1" },
});
