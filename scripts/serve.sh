#!/usr/bin/env bash
# Serves the calculator on http://127.0.0.1:PORT/ (default 8080; 0 picks a free port) and prints its address.
#   scripts/serve.sh [PORT]        the production build (dist/, as a bureau deploys it: minified, hashed,
#                                  precompressed; see README "Deploying"), rebuilt from web/ first
#   scripts/serve.sh --dev [PORT]  the sources in web/ as they are (edit and reload)
# Builds the wasm first if web/lib/jxjy.wasm is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=dist
if [ "${1:-}" = --dev ]; then dir=web; shift; fi
port="${1:-8080}"
case "$port" in
  ''|*[!0-9]*) echo "usage: scripts/serve.sh [--dev] [PORT]" >&2; exit 2 ;;
esac
if [ ! -f web/lib/jxjy.wasm ] || [ ! -f web/lib/jxjy-core.mjs ]; then
  echo "== the wasm module is not built yet: running scripts/build.sh" >&2
  scripts/build.sh
fi
if ! command -v node >/dev/null 2>&1; then
  . scripts/deps.sh
  need_packages nodejs
fi
if [ "$dir" = dist ]; then
  [ -d node_modules/esbuild ] || npm ci --no-audit --no-fund >/dev/null
  node scripts/build-dist.mjs >&2
fi
exec node scripts/serve.mjs "$port" "$dir"
