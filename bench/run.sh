#!/usr/bin/env bash
# The benchmark (run on demand, not a test): per-query overhead and decode time for 1, 100 and
# 10,000 task rows, ours vs @supabase/postgrest-js in one headless Chromium page with the same
# stubbed fetch; and package sizes (gzip) vs postgrest-js and supabase-js bundled with esbuild.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
cd "$MC_ROOT"
bash scripts/setup.sh >/dev/null
bash scripts/build-pkg.sh --web >/dev/null
OUT="$MC_CACHE/bench"; rm -rf "$OUT"; mkdir -p "$OUT"
cp -r "$MC_CACHE/pkg-web" "$OUT/ours"
cp bench/bench.html bench/bench.js "$OUT/"
NODE_PATH="$MC_CACHE/node/node_modules" esbuild --bundle --format=esm --minify --log-level=warning \
  --outfile="$OUT/postgrest.js" bench/entry-postgrest.js
NODE_PATH="$MC_CACHE/node/node_modules" esbuild --bundle --format=esm --minify --log-level=warning \
  --outfile="$OUT/supabase.js" bench/entry-supabase.js
PORT="${MC_BENCH_PORT:-8731}"
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$OUT" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
sleep 0.5
node bench/drive.mjs "http://127.0.0.1:$PORT/bench.html"

gz() { gzip -9c "$@" | wc -c; }
ours_wasm=$(gz pkg/mission_control_sdk_bg.wasm)
ours_js=$(cat pkg/index.js pkg/mission_control_sdk_bg.js $(find pkg/snippets -name '*.js') | gzip -9c | wc -c)
pg=$(gz "$OUT/postgrest.js"); sb=$(gz "$OUT/supabase.js")
echo
echo "package size (gzip -9):"
printf '  ours (wasm + JS)        %8d bytes  (wasm %d, JS %d)\n' $((ours_wasm + ours_js)) "$ours_wasm" "$ours_js"
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
printf '  postgrest-js (esbuild) %8d bytes  → ours / postgrest-js = %s×\n' "$pg" "$(ratio $((ours_wasm + ours_js)) "$pg")"
printf '  supabase-js (esbuild)  %8d bytes  → ours / supabase-js  = %s×\n' "$sb" "$(ratio $((ours_wasm + ours_js)) "$sb")"

echo
bash bench/app-size.sh
