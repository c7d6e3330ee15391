#!/usr/bin/env bash
# The main job: install what is missing, start the local stack, build pkg/, install it into the
# cockpit app (www/) and serve the app with Vite's dev server.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$MC_ROOT"
bash scripts/setup.sh
bash stack/stack.sh start
bash scripts/build-pkg.sh
bash scripts/build-www.sh
source "$MC_STACK_ENV"
mkdir -p www/public
printf '{ "url": "%s", "anonKey": "%s" }\n' "$MC_URL" "$MC_ANON_KEY" > www/public/stack.json
PORT="${MC_WWW_PORT:-8000}"
log "cockpit: http://127.0.0.1:$PORT/  (demo login: demo@mission-control.local / mission-control-demo; Ctrl-C stops the app server; 'stack/stack.sh stop' stops the stack)"
cd www && exec npx --no-install vite --port "$PORT" --strictPort
