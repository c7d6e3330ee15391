#!/usr/bin/env bash
# Login cost against the number of users (a report, not a test): for 1, 100 and 1,000 bench
# users (the first column counts every user in auth.users, the seed's and tests' too),
# the median time of a password login (existing email) and of a login with an unknown email,
# each after the pooled connections have switched the prepared login query to a generic plan.
# Filler users get bcrypt cost 4 (GoTrue uses 10) so that a per-user cost shows without
# making the run take hours; the user who logs in has cost 10.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
cd "$MC_ROOT"
bash stack/stack.sh start >/dev/null
set -a; source "$MC_STACK_ENV"; set +a
URL="${MC_BENCH_AUTH_URL:-$MC_URL}"
psql() { bash stack/stack.sh psql -At "$@"; }
cleanup() { psql -c "DELETE FROM auth.users WHERE email LIKE 'bench-%@bench.local'" >/dev/null; }
trap cleanup EXIT
cleanup
psql -c "INSERT INTO auth.users (email, encrypted_password, email_confirmed_at)
         VALUES ('bench-main@bench.local', extensions.crypt('bench-password-1', extensions.gen_salt('bf', 10)), now())" >/dev/null

login() { # email → milliseconds
  curl -s -o /dev/null -w '%{time_total}' -X POST "$URL/auth/v1/token?grant_type=password" \
    -H "apikey: $MC_ANON_KEY" -H 'content-type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"bench-password-1\"}" | python3 -c 'import sys; print(round(float(sys.stdin.read())*1000, 1))'
}
median() { python3 -c 'import sys, statistics; v=[float(x) for x in sys.stdin.read().split()]; print(f"{statistics.median(v):.1f}")'; }

printf '%8s  %14s  %14s\n' "users" "login ms" "unknown ms"
have=1
for n in 1 100 1000; do
  if [ $n -gt $have ]; then
    psql -c "INSERT INTO auth.users (email, encrypted_password, email_confirmed_at)
             SELECT 'bench-' || g || '@bench.local', extensions.crypt('x', extensions.gen_salt('bf', 4)), now()
               FROM generate_series($have, $((n - 1))) g" >/dev/null
    have=$n
  fi
  # Warm-up: past the ~5 executions after which PostgreSQL may pick a generic plan per connection.
  for _ in $(seq 1 24); do login bench-main@bench.local >/dev/null; done
  ok=$(for _ in $(seq 1 9); do login bench-main@bench.local; done | median)
  unknown=$(for _ in $(seq 1 9); do login nobody-$RANDOM@bench.local; done | median)
  total=$(psql -c "SELECT count(*) FROM auth.users")
  printf '%8d  %14s  %14s\n' "$total" "$ok" "$unknown"
done
