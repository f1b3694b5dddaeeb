#!/usr/bin/env bash
# Serves the calculator page (web/) on http://127.0.0.1:PORT/ (default 8080); builds the wasm first
# if web/jxjy.wasm is missing. Usage: scripts/serve.sh [PORT]
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-8080}"
case "$port" in
  ''|*[!0-9]*) echo "usage: scripts/serve.sh [PORT]" >&2; exit 2 ;;
esac
if [ ! -f web/jxjy.wasm ] || [ ! -f web/jxjy-core.mjs ]; then
  echo "== the wasm module is not built yet: running scripts/build.sh" >&2
  scripts/build.sh
fi
if ! command -v node >/dev/null 2>&1; then
  . scripts/deps.sh
  need_packages nodejs
fi
exec node scripts/serve.mjs "$port" web
