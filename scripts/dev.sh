#!/usr/bin/env bash
# The main job: install what is missing, start the local stack, build pkg/ and serve www/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$MC_ROOT"
bash scripts/setup.sh
bash stack/stack.sh start
bash scripts/build-pkg.sh --web
source "$MC_STACK_ENV"
cat > www/stack.json <<JSON
{ "url": "$MC_URL", "anonKey": "$MC_ANON_KEY",
  "demo": { "email": "demo@mission-control.local", "password": "mission-control-demo" } }
JSON
PORT="${MC_WWW_PORT:-8000}"
log "playground: http://127.0.0.1:$PORT/  (Ctrl-C stops the page server; 'stack/stack.sh stop' stops the stack)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory www
