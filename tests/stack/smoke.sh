#!/usr/bin/env bash
# HTTP-level checks of the local stack (TAP): the gateway's API key and CORS handling and the
# two request normalisations it adds in front of the REST server.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/env.sh"
source "$MC_STACK_ENV"
n=0
check() { # description, expected, actual
  n=$((n + 1))
  if [ "$2" = "$3" ]; then echo "ok $n - $1"; else echo "not ok $n - $1"; echo "#   expected: $2"; echo "#   got:      $3"; fi
}
A=(-H "apikey: $MC_ANON_KEY")
S=(-H "apikey: $MC_SERVICE_KEY" -H "Authorization: Bearer $MC_SERVICE_KEY")
R="$MC_URL/rest/v1"

check "no apikey: 401" 401 "$(curl -s -o /dev/null -w '%{http_code}' "$R/companies")"
check "wrong apikey: 401" 401 "$(curl -s -o /dev/null -w '%{http_code}' -H 'apikey: nope' "$R/companies")"
check "apikey as a query parameter is accepted" 200 "$(curl -s -o /dev/null -w '%{http_code}' "$R/companies?apikey=$MC_ANON_KEY")"
pre=$(curl -s -D - -o /dev/null -X OPTIONS "$R/companies" -H 'Origin: http://localhost:9999' \
      -H 'Access-Control-Request-Method: PATCH' -H 'Access-Control-Request-Headers: apikey,authorization,prefer' | tr -d '\r')
check "preflight: 204" 1 "$(grep -c '^HTTP/1.1 204' <<<"$pre")"
check "preflight: any origin, no credentials" "access-control-allow-origin: *" "$(grep -i '^access-control-allow-origin' <<<"$pre")"
check "preflight: requested headers allowed" "access-control-allow-headers: apikey,authorization,prefer" "$(grep -i '^access-control-allow-headers' <<<"$pre")"
cr=$(curl -s -D - -o /dev/null "${A[@]}" -H 'Origin: http://localhost:9999' "$R/companies" | tr -d '\r')
check "responses expose Content-Range" 1 "$(grep -ci '^access-control-expose-headers:.*content-range' <<<"$cr")"

# '+' in a query string is a space (PostgREST reads it so; postgrest-js relies on it).
check "'+' means a space in a filter" '[{"name":"Acme Robotics"}]' "$(curl -s "${S[@]}" "$R/companies?select=name&name=eq.Acme+Robotics")"
check "'%2B' stays a plus" '[]' "$(curl -s "${S[@]}" "$R/companies?select=name&name=eq.Acme%2BRobotics")"
# Quoted names in ?columns= (postgrest-js quotes them for bulk insert/upsert) are unquoted.
# (In schema mc_test, so that nothing lands in the demo company.)
curl -s -o /dev/null "${S[@]}" -X DELETE -H 'Content-Profile: mc_test' "$R/defaults?id=in.(1,2)"
body='[{"id":1,"label":"smoke a"},{"id":2,"label":"smoke b","kind":"LOW"}]'
out=$(curl -s "${S[@]}" -H 'Content-Type: application/json' -H 'Content-Profile: mc_test' -H 'Prefer: return=representation,missing=default' \
      "$R/defaults?columns=%22id%22,%22label%22,%22kind%22&select=label,kind" -d "$body")
check "bulk insert with quoted ?columns= and missing=default" '[{"label":"smoke a","kind":"MEDIUM"},{"label":"smoke b","kind":"LOW"}]' "$out"
check "auth settings answer" true "$(curl -s "${A[@]}" "$MC_URL/auth/v1/settings" | python3 -c 'import json,sys; print(str(json.load(sys.stdin)["mailer_autoconfirm"]).lower())')"
echo "1..$n"
