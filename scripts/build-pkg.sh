#!/usr/bin/env bash
# Builds the npm package into pkg/ (bundler target, release, wasm-opt -Oz from local binaryen)
# and, with --web, a browser-loadable copy into $MC_CACHE/pkg-web for the benchmark page.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$MC_ROOT"

WASM_OPT="$MC_CACHE/node/node_modules/.bin/wasm-opt"
[ -x "$WASM_OPT" ] || die "wasm-opt (npm binaryen) is missing: run scripts/setup.sh"
OPT_FLAGS=(-Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
           --enable-mutable-globals --enable-reference-types --enable-multivalue)

# The release wasm: with the nightly toolchain (when setup.sh could give it its library sources
# and wasm target) the standard library is rebuilt for size and panics abort at once, without
# formatting a message (the SDK never panics on input: every path answers an McError); the
# package is ~8 % smaller. Stable builds the same package otherwise (or with MC_STABLE=1).
nightly_ready() {
  [ -z "${MC_STABLE:-}" ] || return 1
  local sysroot
  sysroot=$(rustup run nightly rustc --print sysroot 2>/dev/null) || return 1
  [ -d "$sysroot/lib/rustlib/src/rust/library" ] && [ -d "$sysroot/lib/rustlib/wasm32-unknown-unknown" ]
}
if nightly_ready; then
  WASM_PACK_ENV=(RUSTUP_TOOLCHAIN=nightly CARGO_TARGET_DIR="$MC_CACHE/target-nightly"
                 RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none")
  # The allocator, memory routines and core/alloc keep the prebuilt library's opt-level 3: at
  # "z" the query path is ~30 % slower (+3 KB gzip is the price).
  CARGO_EXTRA=(-Zbuild-std=std,panic_abort)
  for p in core alloc dlmalloc compiler_builtins; do
    CARGO_EXTRA+=(--config "profile.release.package.$p.opt-level=3")
  done
  echo nightly >"$MC_CACHE/pkg-toolchain"
  log "release wasm: nightly ($(rustup run nightly rustc --version | cut -d' ' -f2-)), std rebuilt for size"
else
  WASM_PACK_ENV=() CARGO_EXTRA=()
  echo stable >"$MC_CACHE/pkg-toolchain"
  log "release wasm: stable toolchain"
fi

build() { # out-dir target
  env "${WASM_PACK_ENV[@]}" wasm-pack --quiet build --release --mode no-install --target "$2" --out-dir "$1" . -- "${CARGO_EXTRA[@]}" >/dev/null
  local wasm="$1/mission_control_sdk_bg.wasm"
  "$WASM_OPT" "${OPT_FLAGS[@]}" "$wasm" -o "$wasm.opt" && mv "$wasm.opt" "$wasm"
}

log "building pkg/ (bundler target, loaded by our own entry)"
# wasm-pack leaves snippets of JS modules that are gone from the sources: start clean.
rm -rf pkg/snippets
build pkg bundler
# The entry (src/js/entry/index.js) loads the wasm itself — streamed from the file, else from the
# inlined bytes, synchronously in Node — instead of the bundler target's ESM `.wasm` import,
# which most bundlers cannot load without configuration; the generated loader goes.
rm -f pkg/mission_control_sdk.js
facade=$(cd pkg && ls snippets/*/src/js/facade.js)
# The modules the wasm imports from besides the glue (the snippets), as the import object's keys.
node - "$facade" <<'JS'
const fs = require("fs");
const mods = [...new Set(WebAssembly.Module.imports(new WebAssembly.Module(fs.readFileSync("pkg/mission_control_sdk_bg.wasm"))).map((i) => i.module))]
  .filter((m) => m !== "./mission_control_sdk_bg.js");
let js = fs.readFileSync("src/js/entry/index.js", "utf8").replace("./__FACADE__", `./${process.argv[2]}`);
js = js.replace("/* __WASM_IMPORTS__ (build-pkg.sh: the other modules the wasm imports from, as namespaces) */",
  mods.map((m, i) => `import * as wbg${i} from ${JSON.stringify(m)};`).join("\n"));
js = js.replace(" /* __WASM_IMPORT_OBJECT__ */", mods.map((m, i) => `, ${JSON.stringify(m)}: wbg${i}`).join(""));
fs.writeFileSync("pkg/index.js", js);
JS
cp src/js/entry/index.d.ts src/js/entry/provider.d.ts \
   src/js/entry/react.js src/js/entry/react.d.ts pkg/
# The data provider is the largest JS file: shipped minified (2.5 KB gzip less); its source is
# src/js/entry/provider.js.
esbuild --minify --format=esm --log-level=warning --outfile=pkg/provider.js src/js/entry/provider.js
# The same bytes inlined, for the environments that cannot serve the .wasm file (loaded only there).
node -e 'const fs = require("fs"); fs.writeFileSync("pkg/mission_control_sdk_bg.wasm.js", "// The package wasm, base64: the fallback where the .wasm file cannot be fetched.\nexport default \"" + fs.readFileSync("pkg/mission_control_sdk_bg.wasm").toString("base64") + "\";\n")'

# The generated package.json, completed: our npm name, types, side effects, files.
node - <<'JS'
const fs = require("fs");
const p = JSON.parse(fs.readFileSync("pkg/package.json", "utf8"));
const out = {
  name: "@mission-control/sdk",
  version: p.version,
  description: p.description,
  license: p.license,
  type: "module",
  main: "index.js",
  module: "index.js",
  types: "index.d.ts",
  exports: {
    ".": { types: "./index.d.ts", default: "./index.js" },
    "./provider": { types: "./provider.d.ts", default: "./provider.js" },
    "./react": { types: "./react.d.ts", default: "./react.js" },
    "./package.json": "./package.json",
  },
  // React is needed only by "./react" (the provider component, hooks and sign-in gate).
  peerDependencies: { react: "^18.0.0 || ^19.0.0" },
  peerDependenciesMeta: { react: { optional: true } },
  sideEffects: ["./index.js", "./snippets/*"],
  files: fs.readdirSync("pkg").filter((f) => f !== "package.json" && f !== ".gitignore"),
};
fs.writeFileSync("pkg/package.json", JSON.stringify(out, null, 2) + "\n");
JS
[ -f pkg/README.md ] || cp README.md pkg/README.md

if [ "${1:-}" = "--node" ] || [ "${2:-}" = "--node" ]; then
  # A Node.js build of the same code, for the Node suites (differential test, benchmarks).
  log "building $MC_CACHE/pkg-node (nodejs target, for the Node tests)"
  env "${WASM_PACK_ENV[@]}" wasm-pack --quiet build --release --mode no-install --target nodejs --out-dir "$MC_CACHE/pkg-node" . -- "${CARGO_EXTRA[@]}" >/dev/null
fi
if [ "${1:-}" = "--web" ]; then
  log "building $MC_CACHE/pkg-web (web target, for the benchmark page)"
  build "$MC_CACHE/pkg-web" web
fi
raw=$(stat -c %s pkg/mission_control_sdk_bg.wasm); gz=$(gzip -9c pkg/mission_control_sdk_bg.wasm | wc -c)
log "pkg/mission_control_sdk_bg.wasm: $raw bytes raw, $gz bytes gzip"
