# Shared settings for every script: sourced, never run.
# Caches and installed tools live outside the clone so a fresh clone (CI) reuses them.
MC_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MC_CACHE="${MC_CACHE:-$HOME/.cache/mission-control-sdk}"
export MC_ROOT MC_CACHE
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$MC_CACHE/target}"
export MC_TOOLS="$MC_CACHE/tools"
export GOPATH="$MC_CACHE/go" GOMODCACHE="$MC_CACHE/go/mod" GOCACHE="$MC_CACHE/go/build"
export PATH="$MC_TOOLS/bin:$MC_CACHE/node/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# The local stack's state (data folder, logs, the URL and keys file).
# Outside /root so the postgres user can reach its data folder.
export MC_STACK_DIR="${MC_STACK_DIR:-/var/tmp/mission-control-sdk/stack}"
export MC_STACK_ENV="$MC_STACK_DIR/stack.env"
# wasm-pack must never download anything: point it at our installed tools.
export WASM_PACK_CACHE="$MC_CACHE/wasm-pack"

log() { printf '\033[1;34m[mc]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[mc] error:\033[0m %s\n' "$*" >&2; exit 1; }
warn() { printf '\033[1;33m[mc] warning:\033[0m %s\n' "$*" >&2; }
