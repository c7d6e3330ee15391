// The package's entry point. It starts compiling the WebAssembly module as soon as it is
// imported — streamed while it downloads where the environment serves the `.wasm` file (Vite,
// webpack, a page without a bundler), from the inlined bytes where it cannot (esbuild, Rollup
// without an asset plugin), synchronously from the file in Node — and never asks the app for
// top-level await or an init call: `createClient` answers at once, and a client created before
// the module is ready runs its calls when it is (see facade.js, PendingCore).
import * as bg from "./mission_control_sdk_bg.js";
/* __WASM_IMPORTS__ (build-pkg.sh: the other modules the wasm imports from, as namespaces) */
import { pendingClient, McError, Constants } from "./__FACADE__";

export { Constants };
export { McAuth, McCore } from "./mission_control_sdk_bg.js";
export { createDataProvider, CockpitSnapshot, avatarInitials, SECTOR_DISPLAY_LABELS, SECTOR_SIZES } from "./provider.js";

// The literal `new URL("…", import.meta.url)` is what bundlers recognise to ship the file; in a
// script without `import.meta` (an IIFE bundle) it throws, and the inlined bytes serve.
let WASM = null;
try {
  WASM = new URL("./mission_control_sdk_bg.wasm", import.meta.url);
} catch {
  WASM = null;
}
const imports = { "./mission_control_sdk_bg.js": bg /* __WASM_IMPORT_OBJECT__ */ };
let done = false, failure = null;

function start(instance) {
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  done = true;
}

const refusedByCsp = (e) => /Content.Security.Policy|CSP|unsafe-eval/i.test(String(e?.message ?? e));

function loadError(e) {
  if (refusedByCsp(e)) {
    return new McError(
      "the browser refused to compile the SDK's WebAssembly: the page's Content Security Policy must allow 'wasm-unsafe-eval' in script-src",
      "wasm_blocked", 0, String(e?.message ?? e),
      "Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' <your project URL>",
      [], false, null, []);
  }
  return new McError(`the SDK's WebAssembly module could not be loaded: ${String(e?.message ?? e)}`, "wasm_unavailable", 0, null, null, [], true, null, []);
}

async function streamed() {
  if (!WASM) throw new Error("no URL for the .wasm file here");
  const res = await fetch(WASM);
  if (!res.ok) throw new Error(`${WASM.href}: HTTP ${res.status}`);
  if (typeof WebAssembly.instantiateStreaming === "function" && (res.headers.get("content-type") ?? "").startsWith("application/wasm")) {
    return (await WebAssembly.instantiateStreaming(res, imports)).instance;
  }
  return (await WebAssembly.instantiate(await res.arrayBuffer(), imports)).instance;
}

async function inlined(first) {
  if (refusedByCsp(first)) throw first;
  const { default: text } = await import("./mission_control_sdk_bg.wasm.js");
  const bin = atob(text), bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return (await WebAssembly.instantiate(bytes, imports)).instance;
}

const loading = (() => {
  try {
    const fs = WASM?.protocol === "file:" ? globalThis.process?.getBuiltinModule?.("node:fs") : null;
    if (fs) {
      start(new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(WASM)), imports));
      return Promise.resolve();
    }
    return streamed().catch(inlined).then(start).catch((e) => { failure = loadError(e); });
  } catch (e) {
    failure = loadError(e);
    return Promise.resolve();
  }
})();

/** Resolves once the module is ready (rejects with its McError if it cannot load). */
export function ready() {
  return loading.then(() => {
    if (failure) throw failure;
  });
}

const notReady = () => failure ?? new McError("the SDK's WebAssembly module is still loading: await ready() first", "not_ready", 0, null, null, [], true, null, []);

/** A client (see README). Never waits: before the module is ready its calls wait for it. */
export function createClient(url, key, options) {
  if (done) return bg.createClient(url, key, options);
  return pendingClient(loading.then(() => {
    if (failure) throw failure;
    return bg.createClient(url, key, options);
  }));
}

/** Quotes a value for a PostgREST logic tree or `in` list (needs the module: see `ready`). */
export function quoteValue(value) {
  if (!done) throw notReady();
  return bg.quoteValue(value);
}
