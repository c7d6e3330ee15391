#!/usr/bin/env bash
# The cockpit app in www/: packs pkg/ into a tarball and installs it as the app's npm
# dependency (as an app outside this repo would), installs the app's packages, and — with
# --build — type-checks and builds it with Vite into www/dist. Expects pkg/ to be built.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$MC_ROOT"
[ -f pkg/package.json ] || die "pkg/ is not built: run scripts/build-pkg.sh"
mkdir -p www/vendor
tarball=$(cd pkg && npm pack --silent --pack-destination "$MC_ROOT/www/vendor" 2>/dev/null | tail -1)
mv -f "www/vendor/$tarball" www/vendor/mission-control-sdk.tgz
# A changed tarball under the same version is not reinstalled by npm: drop the old copy first.
rm -rf www/node_modules/@mission-control
(cd www && npm install --no-package-lock --no-audit --no-fund --loglevel=error >/dev/null)
if [ "${1:-}" = "--build" ]; then
  (cd www && npx --no-install tsc -p tsconfig.json && npx --no-install vite build --logLevel warn)
  log "www/dist built ($(du -sh www/dist | cut -f1))"
fi
