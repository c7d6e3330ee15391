#!/usr/bin/env bash
# Installs everything the stack, the build and the tests need. Idempotent: skips what is there.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
mkdir -p "$MC_CACHE" "$MC_TOOLS/bin"

# --- Debian packages -------------------------------------------------------
need_apt=()
[ -x /usr/lib/postgresql/15/bin/postgres ] || need_apt+=(postgresql-15)
[ -f /usr/share/postgresql/15/extension/pgtap.control ] || need_apt+=(postgresql-15-pgtap)
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v firefox-esr >/dev/null || need_apt+=(firefox-esr)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# --- Rust toolchain pieces -----------------------------------------------------
rustup target list --installed | grep -q wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
# The package's wasm is built by the nightly toolchain when the machine has one, with the
# standard library rebuilt for size (see build-pkg.sh); it needs nightly's library sources and
# wasm target. Without them the package is built by stable (8 % larger, same behaviour).
if rustup run nightly rustc --version >/dev/null 2>&1; then
  rustup component list --toolchain nightly --installed 2>/dev/null | grep -q '^rust-src' \
    || rustup component add rust-src --toolchain nightly >/dev/null 2>&1 || warn "nightly rust-src unavailable: stable builds the package"
  rustup target list --toolchain nightly --installed 2>/dev/null | grep -q wasm32-unknown-unknown \
    || rustup target add wasm32-unknown-unknown --toolchain nightly >/dev/null 2>&1 || warn "nightly wasm32 target unavailable: stable builds the package"
fi

wb_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' "$MC_ROOT/Cargo.lock")
if ! "$MC_TOOLS/bin/wasm-bindgen" --version 2>/dev/null | grep -q " $wb_version"; then
  log "cargo install wasm-bindgen-cli $wb_version"
  cargo install --quiet --root "$MC_TOOLS" wasm-bindgen-cli --version "$wb_version" --force
fi
# Mozilla's WebDriver for the Firefox run of the browser suites (built from crates.io).
if ! [ -x "$MC_TOOLS/bin/geckodriver" ]; then
  log "cargo install geckodriver"
  cargo install --quiet --root "$MC_TOOLS" geckodriver --locked
fi
if ! [ -x "$MC_TOOLS/bin/wasm-pack" ]; then
  log "cargo install wasm-pack"
  cargo install --quiet --root "$MC_TOOLS" wasm-pack --locked
fi

# --- Node tools (binaryen's wasm-opt, postgres-meta, supabase-js for interop) ---
if ! [ -f "$MC_CACHE/node/.installed-$(sha1sum "$MC_ROOT/tools/node/package.json" | cut -c1-12)" ]; then
  log "npm install (tools/node)"
  mkdir -p "$MC_CACHE/node"
  cp "$MC_ROOT/tools/node/package.json" "$MC_CACHE/node/package.json"
  [ -f "$MC_ROOT/tools/node/package-lock.json" ] && cp "$MC_ROOT/tools/node/package-lock.json" "$MC_CACHE/node/"
  (cd "$MC_CACHE/node" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
  rm -f "$MC_CACHE/node"/.installed-*
  touch "$MC_CACHE/node/.installed-$(sha1sum "$MC_ROOT/tools/node/package.json" | cut -c1-12)"
fi

# --- supabase-js as one ES module, for the interop browser test (generated, not committed) ---
vendor="$MC_ROOT/tests/js/vendor/supabase.js"
if ! [ -f "$vendor" ] || [ "$MC_ROOT/tools/node/package.json" -nt "$vendor" ]; then
  NODE_PATH="$MC_CACHE/node/node_modules" "$MC_CACHE/node/node_modules/.bin/esbuild" --bundle --format=esm \
    --log-level=warning --outfile="$vendor" "$MC_ROOT/tests/js/vendor/supabase-entry.js"
fi

# --- The local stack's gateway (PostgREST-compatible server + auth stand-in) ---
"$MC_ROOT/stack/stack.sh" build
log "setup complete"
