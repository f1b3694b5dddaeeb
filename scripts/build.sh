#!/usr/bin/env bash
# Builds the native CLI and tests (build/native) and, if emscripten is present or installable, the
# wasm module (web/lib/jxjy.wasm), then the production site (dist/) and the npm package's files (pkg/)
# with scripts/build-dist.mjs (esbuild from package-lock.json). Usage: scripts/build.sh [--native-only]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
need_packages g++ cmake make nlohmann-json3-dev catch2

# The JS forms of core/data: the vocabulary (web/base/vocabulary.js) and the page's words (web/base/texts.js).
node scripts/gen-vocabulary.mjs
node scripts/gen-page-texts.mjs

echo "== native build (build/native)" >&2
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j "$(nproc)" >&2

if [ "${1:-}" != "--native-only" ] && [ -x scripts/build-wasm.sh ]; then
  need_packages emscripten brotli
  echo "== wasm build (build/wasm -> web/lib/)" >&2
  scripts/build-wasm.sh
  echo "== production build (web/ -> dist/, pkg/)" >&2
  if [ ! -x node_modules/.bin/esbuild ]; then
    npm ci --no-audit --no-fund >/dev/null || { echo "build: npm ci failed (esbuild is needed for dist/)" >&2; exit 1; }
  fi
  node scripts/build-dist.mjs
fi
