#!/usr/bin/env bash
# Mutation testing of the rules (issue 25) with cargo-mutants (crates.io, installed into the
# cached tools): breaks the code under src/schema, src/domain, src/rest/encode.rs,
# src/rest/filter.rs and src/auth/session.rs one change at a time and runs the native tests
# against each mutant. A report, not part of the test command (a whole run takes hours).
#   scripts/mutants.sh                 every mutant of those files
#   scripts/mutants.sh --diff [REV]    only the mutants in lines changed since REV (default HEAD~1)
#   scripts/mutants.sh --file F ...    only the given files
#   scripts/mutants.sh --missed [FILE] only the mutants a report listed as missed (default: the last
#                                      run's missed.txt), matched by name with any line number
# MC_MUTANTS_TIMEOUT (seconds, 300 by default) ends a mutant that hangs the tests (a parser loop).
# Survivors judged equivalent are listed, with the reason, in tests/mutants-equivalent.txt
# (passed to cargo-mutants as --exclude-re patterns); the output goes to $MC_CACHE/mutants.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$MC_ROOT"
if ! [ -x "$MC_TOOLS/bin/cargo-mutants" ]; then
  log "cargo install cargo-mutants"
  cargo install --quiet --root "$MC_TOOLS" cargo-mutants --locked
fi
files=(src/schema src/domain src/rest/encode.rs src/rest/filter.rs src/auth/session.rs)
args=()
case "${1:-}" in
  --diff) git diff "${2:-HEAD~1}" -- "${files[@]}" > "$MC_CACHE/mutants.diff"; args+=(--in-diff "$MC_CACHE/mutants.diff") ;;
  --file) shift; files=("$@") ;;
  --missed)
    list="${2:-$MC_CACHE/mutants/mutants.out/missed.txt}"
    [ -s "$list" ] || die "no missed mutants listed in $list"
    cp "$list" "$MC_CACHE/mutants.missed"
    while IFS= read -r name; do
      args+=(--re "$(python3 -c 'import re,sys; f,_,_,rest=sys.argv[1].split(":",3); print("^"+re.escape(f)+r":\d+:\d+:"+re.escape(rest)+"$")' "$name")")
    done < "$MC_CACHE/mutants.missed" ;;
esac
for f in "${files[@]}"; do args+=(--file "$f/**/*.rs" --file "$f"); done
# Equivalent mutants: one regular expression per line (after the reason, behind "#").
if [ -f tests/mutants-equivalent.txt ]; then
  while IFS= read -r line; do
    re="${line%%#*}"; re="$(echo "$re" | sed 's/[[:space:]]*$//')"
    [ -n "$re" ] && args+=(--exclude-re "$re")
  done < tests/mutants-equivalent.txt
fi
# The stack's URL at build time, so that the native stack tests (cockpit numbers, typed queries)
# run against each mutant too (start the stack first: stack/stack.sh start).
if [ -f "$MC_STACK_ENV" ]; then set -a; source "$MC_STACK_ENV"; set +a; fi
# A target folder of its own: mutated builds written into the shared one would be taken as fresh
# by the next build of the unchanged tree (seen: a mutant's library run by a later test).
export CARGO_TARGET_DIR="$MC_CACHE/target-mutants"
mkdir -p "$MC_CACHE/mutants"
cargo mutants --no-shuffle --output "$MC_CACHE/mutants" --timeout "${MC_MUTANTS_TIMEOUT:-300}" "${args[@]}" -- --lib --tests || true
log "report: $MC_CACHE/mutants/mutants.out/{caught,missed,timeout,unviable}.txt"
for k in caught missed timeout unviable; do
  printf '  %-9s %s\n' "$k" "$(wc -l < "$MC_CACHE/mutants/mutants.out/$k.txt" 2>/dev/null || echo 0)"
done
