#!/usr/bin/env bash
# The oracle: Supabase's own type generator (npm @supabase/postgres-meta, pinned in
# tools/node/package.json with prettier 3.5.3) run one-shot against the migrated local database.
#   gen-types.sh          write docs/database.types.ts
#   gen-types.sh --check  fail if regenerating would change the committed file
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$MC_ROOT"
out=$(mktemp)
PG_META_DB_URL="postgresql://postgres@127.0.0.1:${MC_PG_PORT:-54322}/postgres" \
PG_META_GENERATE_TYPES=typescript \
PG_META_GENERATE_TYPES_INCLUDED_SCHEMAS=public \
PG_META_GENERATE_TYPES_DETECT_ONE_TO_ONE_RELATIONSHIPS=true \
PG_META_POSTGREST_VERSION=14.1 \
  node "$MC_CACHE/node/node_modules/@supabase/postgres-meta/dist/server/server.js" > "$out"
# One-shot mode prints one extra trailing newline; the file ends with exactly one.
python3 - "$out" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read().rstrip("\n") + "\n"
open(p, "w").write(s)
PY
if [ "${1:-}" = "--check" ]; then
  if diff -u docs/database.types.ts "$out"; then echo "ok 1 - docs/database.types.ts matches the generator"; else echo "not ok 1 - docs/database.types.ts differs from the generator (run scripts/gen-types.sh)"; fi
  echo "1..1"
else
  mkdir -p docs && mv "$out" docs/database.types.ts && log "wrote docs/database.types.ts"
fi
rm -f "$out"
