#!/usr/bin/env bash
# Builds the native CLI and tests (build/native) and, if emscripten is present or installable, the
# wasm module (web/jxjy.wasm). Usage: scripts/build.sh [--native-only]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
need_packages g++ cmake make nlohmann-json3-dev catch2

# The vocabulary's JS form (web/vocabulary.js) from core/data/vocabulary.json.
node scripts/gen-vocabulary.mjs

echo "== native build (build/native)" >&2
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j "$(nproc)" >&2

if [ "${1:-}" != "--native-only" ] && [ -x scripts/build-wasm.sh ]; then
  need_packages emscripten brotli
  echo "== wasm build (build/wasm -> web/)" >&2
  scripts/build-wasm.sh
fi
