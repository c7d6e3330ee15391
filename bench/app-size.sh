#!/usr/bin/env bash
# What the client adds to a Vite + React app (a report): the same minimal app built three times
# with Vite 8 — with no client, with this package, with supabase-js 2.119.1 — and the gzip -9
# size of everything in dist/ for each. Packs the current pkg/ (scripts/build-pkg.sh) itself.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
cd "$MC_ROOT"
[ -f pkg/package.json ] || die "pkg/ is not built: run scripts/build-pkg.sh"
APP="$MC_CACHE/app-size"; mkdir -p "$APP"
tarball=$(cd pkg && npm pack --silent --pack-destination "$APP" 2>/dev/null | tail -1)
mv -f "$APP/$tarball" "$APP/mission-control-sdk.tgz"
cat > "$APP/package.json" <<JSON
{ "name": "app-size", "private": true, "type": "module",
  "dependencies": { "@mission-control/sdk": "file:$APP/mission-control-sdk.tgz", "@supabase/supabase-js": "2.119.1",
                    "react": "19.1.1", "react-dom": "19.1.1", "vite": "8.4.0" } }
JSON
rm -rf "$APP/node_modules/@mission-control"
(cd "$APP" && npm install --no-package-lock --no-audit --no-fund --loglevel=error >/dev/null)
app() { # name import-line use-line
  mkdir -p "$APP/$1"
  cat > "$APP/$1/index.html" <<HTML
<!doctype html><html><body><div id="root"></div><script type="module" src="./main.js"></script></body></html>
HTML
  cat > "$APP/$1/main.js" <<JS
import { createElement } from "react";
import { createRoot } from "react-dom/client";
$2
function App() { $3 return createElement("p", null, "hello"); }
createRoot(document.getElementById("root")).render(createElement(App));
JS
  (cd "$APP" && npx --no-install vite build "$1" --outDir "$APP/dist-$1" --emptyOutDir --logLevel error >/dev/null)
  find "$APP/dist-$1" -type f \( -name '*.js' -o -name '*.wasm' -o -name '*.css' -o -name '*.html' \) -exec cat {} + | gzip -9c | wc -c
}
none=$(app none "" "")
ours=$(app ours 'import { createClient } from "@mission-control/sdk";' 'globalThis.mc = createClient("http://127.0.0.1:54321", "anon");')
supa=$(app supa 'import { createClient } from "@supabase/supabase-js";' 'globalThis.sb = createClient("http://127.0.0.1:54321", "anon");')
echo "a Vite 8 + React 19 app, everything in dist/ (gzip -9):"
printf '  no client      %8d B\n  this package   %8d B  (adds %d B)\n  supabase-js    %8d B  (adds %d B)\n' \
  "$none" "$ours" $((ours - none)) "$supa" $((supa - none))
python3 -c "print(f'  the app with this package is {$ours / $supa:.2f}× the app with supabase-js')"
