#!/usr/bin/env bash
# The local Supabase-compatible stack: PostgreSQL 15 + mc-gateway (REST + auth) on 127.0.0.1.
#   stack.sh build   build the gateway
#   stack.sh start   start (idempotent), apply migrations and seed on a new database, wait until healthy
#   stack.sh stop    stop everything
#   stack.sh reset   put the data back to the seed
#   stack.sh status  print what runs
#   stack.sh psql    a psql shell as the database superuser
# The URL and keys are written to $MC_STACK_ENV; logs go to $MC_STACK_DIR/logs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"

PG_PORT="${MC_PG_PORT:-54322}"
API_PORT="${MC_API_PORT:-54321}"
PG_BIN=/usr/lib/postgresql/15/bin
PGDATA="$MC_STACK_DIR/pgdata"
LOGS="$MC_STACK_DIR/logs"
GATEWAY="$CARGO_TARGET_DIR/release/mc-gateway"
JWT_SECRET="${MC_JWT_SECRET:-super-secret-jwt-token-with-at-least-32-characters-long}"
SQL="$MC_ROOT/stack/sql"

as_pg() { runuser -u postgres -- "$@"; }
psql_su() { as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -X -q -v ON_ERROR_STOP=1 "$@"; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Everything the database was built from: a change to any of it rebuilds the database.
schema_hash() { cat "$SQL"/*.sql "$MC_ROOT"/supabase/migrations/*.sql | sha1sum | cut -c1-16; }

build() {
  if [ -x "$GATEWAY" ] && [ -z "$(find "$MC_ROOT/stack/gateway/src" "$MC_ROOT/stack/gateway/Cargo.toml" -newer "$GATEWAY" 2>/dev/null)" ]; then
    return 0
  fi
  log "building mc-gateway (first build takes several minutes)"
  cargo build --release --quiet --manifest-path "$MC_ROOT/stack/gateway/Cargo.toml"
}

pg_running() { [ -f "$PGDATA/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; }

start_pg() {
  mkdir -p "$MC_STACK_DIR" "$LOGS"
  chmod 755 "$MC_STACK_DIR" "$(dirname "$MC_STACK_DIR")"
  chown postgres "$LOGS"
  local want; want=$(schema_hash)
  if [ -f "$PGDATA/PG_VERSION" ] && [ "$(cat "$MC_STACK_DIR/schema.hash" 2>/dev/null)" != "$want" ]; then
    log "migrations changed: rebuilding the database"
    pg_running && as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" stop -m fast >/dev/null
    rm -rf "$PGDATA"
  fi
  local fresh=0
  if ! [ -f "$PGDATA/PG_VERSION" ]; then
    mkdir -p "$PGDATA"; chown postgres "$PGDATA"
    as_pg "$PG_BIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --no-locale >"$LOGS/initdb.log" 2>&1 \
      || die "initdb failed: see $LOGS/initdb.log"
    fresh=1
  fi
  if ! pg_running; then
    port_busy "$PG_PORT" && die "port $PG_PORT is taken by another program: stop it or set MC_PG_PORT"
    as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$LOGS/postgres.log" -w -t 60 start \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k /tmp -c timezone=UTC -c fsync=off" >/dev/null \
      || die "PostgreSQL did not start: see $LOGS/postgres.log"
  fi
  if [ $fresh = 1 ]; then
    log "applying roles, auth schema, migrations and seed"
    psql_su -f - < "$SQL/00_supabase_roles.sql"
    psql_su -f - < "$SQL/01_auth_standin.sql"
    psql_su -f - < "$SQL/02_test_fixtures.sql"
    for m in "$MC_ROOT"/supabase/migrations/*.sql; do
      psql_su -1 -f - < "$m" || die "migration $(basename "$m") failed"
    done
    psql_su -f - < "$SQL/03_local_server_casts.sql"
    psql_su -f - < "$SQL/04_test_fixtures_on_the_schema.sql"
    psql_su -f - < "$SQL/seed.sql"
    echo "$want" > "$MC_STACK_DIR/schema.hash"
    REBUILT=1 # the REST server's schema cache is stale now
  fi
}
REBUILT=0

# Three gateways on the same database: the main one and one whose access tokens live only
# MC_SHORT_JWT_EXP seconds (for the auth tests that watch tokens expire) are configured as a
# project that tests a lot would be: anonymous sign-ins on, auth rate limits raised. The
# "strict" one keeps Supabase's defaults (anonymous sign-ins off, hosted rate limits), for the
# tests of those defaults. All three sign users' access tokens with the same ES256 keys
# ($MC_STACK_DIR/auth-signing-keys.json, served at /auth/v1/.well-known/jwks.json), as new
# Supabase projects do; the HS256 demo keys keep working (MC_AUTH_SIGNING_KEYS= for an
# HS256-only project). The short one also asks for a reauthentication nonce before every
# password change (GoTrue's SECURITY_UPDATE_PASSWORD_REQUIRE_REAUTHENTICATION, for sessions of
# any age instead of GoTrue's 24 h), for the tests of that step.
SHORT_PORT="${MC_SHORT_API_PORT:-$((API_PORT + 10))}"
SHORT_EXP="${MC_SHORT_JWT_EXP:-8}"
STRICT_PORT="${MC_STRICT_API_PORT:-$((API_PORT + 20))}"
RAISED_LIMITS="MC_AUTH_ANONYMOUS=true MC_RATE_LIMIT_SIGN_IN=100000/60 MC_RATE_LIMIT_TOKEN_REFRESH=100000/60 MC_RATE_LIMIT_VERIFY=100000/60 MC_RATE_LIMIT_OTP=100000/60"

gateway_pid() { cat "$MC_STACK_DIR/gateway-$1.pid" 2>/dev/null || true; }
gateway_running() { local p; p=$(gateway_pid "$1"); [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }

start_gateway() { # name port jwt-exp env-file
  local name=$1 port=$2 exp=$3 envfile=$4
  local reuse; reuse=$([ "$name" = short ] && echo 2 || echo 10)
  local settings; settings=$([ "$name" = strict ] && echo "" || echo "$RAISED_LIMITS")
  [ "$name" = short ] && settings="$settings MC_AUTH_REAUTHENTICATE_AFTER=0"
  # Every gateway has the local OpenID Connect realm as its `keycloak` provider; the main and
  # short ones allow manual identity linking (GoTrue's default, off, stays on the strict one).
  settings="$settings MC_AUTH_EXTERNAL_KEYCLOAK_URL=local"
  [ "$name" = strict ] || settings="$settings MC_AUTH_MANUAL_LINKING=true"
  # A gateway built after the running one started, or started with other settings, is restarted.
  if gateway_running "$name" && [ "$REBUILT" = 0 ] && [ "$GATEWAY" -ot "$MC_STACK_DIR/gateway-$name.pid" ] \
     && [ "$(cat "$MC_STACK_DIR/gateway-$name.settings" 2>/dev/null)" = "$port $exp $reuse $settings" ]; then
    return 0
  fi
  stop_gateway "$name"
  port_busy "$port" && die "port $port is taken by another program: stop it or set MC_API_PORT / MC_SHORT_API_PORT"
  MC_PORT="$port" \
  MC_REST_DB_URL="postgres://authenticator:authenticator@127.0.0.1:$PG_PORT/postgres" \
  MC_AUTH_DB_URL="postgres://supabase_auth_admin:supabase_auth_admin@127.0.0.1:$PG_PORT/postgres" \
  MC_JWT_SECRET="$JWT_SECRET" MC_JWT_EXP="$exp" MC_STACK_ENV="$envfile" \
  MC_REFRESH_REUSE_INTERVAL="$reuse" \
  MC_AUTH_SIGNING_KEYS="${MC_AUTH_SIGNING_KEYS-$MC_STACK_DIR/auth-signing-keys.json}" \
    env $settings bash -c 'umask 077; rm -f "$1"; exec nohup "$0" >"$1" 2>&1' "$GATEWAY" "$LOGS/gateway-$name.log" &
  echo $! > "$MC_STACK_DIR/gateway-$name.pid"
  echo "$port $exp $reuse $settings" > "$MC_STACK_DIR/gateway-$name.settings"
  for _ in $(seq 1 100); do
    if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
      # shellcheck disable=SC1090
      source "$envfile"
      curl -fsS -o /dev/null -H "apikey: $MC_ANON_KEY" "http://127.0.0.1:$port/rest/v1/companies?select=id" \
        || die "the REST API on port $port does not answer: see $LOGS/gateway-$name.log"
      return 0
    fi
    gateway_running "$name" || die "mc-gateway ($name) exited: $(tail -n 5 "$LOGS/gateway-$name.log")"
    sleep 0.2
  done
  die "mc-gateway ($name) did not become healthy in 20 s: see $LOGS/gateway-$name.log"
}

stop_gateway() {
  local p; p=$(gateway_pid "$1")
  if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then
    kill "$p"; for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$MC_STACK_DIR/gateway-$1.pid"
}

reset() {
  pg_running || die "the stack is not running: run stack.sh start"
  log "resetting data to the seed"
  # TRUNCATE fires no row triggers, so the immutable tables can be emptied here (and only here).
  psql_su <<'SQL'
TRUNCATE public.companies, public.sectors, public.departments, public.agents, public.tasks,
         public.escalations, public.pulses, public.messages, public.memory_entries,
         public.chat_sessions, public.chat_messages, auth.users, auth.sessions,
         auth.refresh_tokens, auth.one_time_tokens, auth.flow_state, mc_test.checked, mc_test.defaults CASCADE;
SQL
  psql_su -f - < "$SQL/seed.sql"
}

case "${1:-}" in
  build) build ;;
  start)
    [ -x "$PG_BIN/postgres" ] || die "PostgreSQL 15 is not installed: run scripts/setup.sh"
    build; start_pg
    start_gateway short "$SHORT_PORT" "$SHORT_EXP" "$MC_STACK_DIR/stack-short.env"
    start_gateway strict "$STRICT_PORT" "${MC_JWT_EXP:-3600}" "$MC_STACK_DIR/stack-strict.env"
    start_gateway main "$API_PORT" "${MC_JWT_EXP:-3600}" "$MC_STACK_ENV"
    source "$MC_STACK_ENV"
    sed -i '/^MC_SHORT_/d; /^MC_STRICT_/d' "$MC_STACK_ENV"
    echo "MC_SHORT_URL=http://127.0.0.1:$SHORT_PORT" >> "$MC_STACK_ENV"
    echo "MC_SHORT_JWT_EXP=$SHORT_EXP" >> "$MC_STACK_ENV"
    echo "MC_STRICT_URL=http://127.0.0.1:$STRICT_PORT" >> "$MC_STACK_ENV"
    log "stack up: $MC_URL, short-lived tokens at http://127.0.0.1:$SHORT_PORT (logs in $LOGS, keys in $MC_STACK_ENV)" ;;
  pg-stop) as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" stop -m fast >/dev/null; log "postgres stopped (gateways left running)" ;;
  pg-start) start_pg; log "postgres started" ;;
  stop) stop_gateway main; stop_gateway short; stop_gateway strict; pg_running && as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" stop -m fast >/dev/null; log "stack stopped" ;;
  reset) reset ;;
  status)
    pg_running && echo "postgres: running on 127.0.0.1:$PG_PORT" || echo "postgres: stopped"
    gateway_running main && echo "gateway: running on http://127.0.0.1:$API_PORT (pid $(gateway_pid main))" || echo "gateway: stopped"
    gateway_running short && echo "gateway (short-lived tokens): running on http://127.0.0.1:$SHORT_PORT" || echo "gateway (short): stopped"
    gateway_running strict && echo "gateway (Supabase defaults): running on http://127.0.0.1:$STRICT_PORT" || echo "gateway (strict): stopped" ;;
  psql) shift; psql_su "$@" ;;
  *) echo "usage: stack.sh build|start|stop|reset|status|psql|pg-stop|pg-start" >&2; exit 2 ;;
esac
