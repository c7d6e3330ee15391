#!/usr/bin/env bash
# The package's size as an app loads it (the wasm and every JS file of pkg/), gzip -9 and
# brotli, against supabase-js 2.119.1's 59,004 B gzip (issue 11's goal) — and a check that it
# does not grow past the ceiling in bench/size-budget (lowered as the size comes down).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$MC_ROOT"
[ -f pkg/mission_control_sdk_bg.wasm ] || die "pkg/ is not built: run scripts/build-pkg.sh"
toolchain=$(cat "$MC_CACHE/pkg-toolchain" 2>/dev/null || echo stable)
ceiling=$(awk -v t="$toolchain" '$1 == t {print $2}' bench/size-budget)
[ -n "$ceiling" ] || die "bench/size-budget has no ceiling for the $toolchain toolchain"
log "the wasm was built by the $toolchain toolchain"
node - "$ceiling" <<'JS'
const fs = require("fs"), zlib = require("zlib"), path = require("path");
const files = ["pkg/mission_control_sdk_bg.wasm", "pkg/index.js", "pkg/provider.js", "pkg/mission_control_sdk_bg.js"];
const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);
if (fs.existsSync("pkg/snippets")) files.push(...walk("pkg/snippets").filter((f) => f.endsWith(".js")));
const sizes = (buf) => [zlib.gzipSync(buf, { level: 9 }).length, zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length];
let gz = 0, br = 0;
for (const f of files) { if (!fs.existsSync(f)) continue; const [g, b] = sizes(fs.readFileSync(f)); gz += g; br += b; console.log(`  ${f.padEnd(60)} ${String(g).padStart(7)} B gzip ${String(b).padStart(7)} B brotli`); }
const goal = 59004, ceiling = Number(process.argv[2]);
console.log(`package: ${gz} B gzip -9, ${br} B brotli; goal ≤ ${goal} B gzip (supabase-js whole): ${(gz / goal).toFixed(2)}×; ceiling ${ceiling} B`);
if (gz > ceiling) { console.log(`the package grew past the ceiling (${gz} > ${ceiling} B gzip)`); process.exit(1); }
JS
