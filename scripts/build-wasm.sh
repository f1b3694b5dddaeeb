#!/usr/bin/env bash
# Builds the wasm module of jxjy with the system emscripten (Debian emcc 3.1.6) and copies it to web/:
#   web/jxjy-core.mjs  the emscripten ES module factory (embind)
#   web/jxjy.wasm      the module's code
# Both are build outputs (.gitignore). web/jxjy.js loads them. Idempotent: re-running rebuilds what changed.
#
#   scripts/build-wasm.sh                  # -Oz build
#   JXJY_WASM_OPT=-O2 scripts/build-wasm.sh  # another optimisation level (to measure size vs speed)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# Debian's emcc runs its JS tools with the system node modules (acorn, ...).
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

command -v emcmake >/dev/null || { echo "build-wasm: emcmake not found (apt-get install emscripten)" >&2; exit 1; }

# nlohmann_json is header-only; give emcc a folder holding only nlohmann/ (never /usr/include itself,
# which would pull glibc headers into the wasm build).
deps="$root/build/deps/include"
src=""
for d in "${JXJY_NLOHMANN_DIR:-}" /usr/include/nlohmann /usr/local/include/nlohmann; do
  if [ -n "$d" ] && [ -f "$d/json.hpp" ]; then src=$d; break; fi
done
[ -n "$src" ] || { echo "build-wasm: nlohmann/json.hpp not found (apt-get install nlohmann-json3-dev)" >&2; exit 1; }
mkdir -p "$deps"
if ! diff -rq "$src" "$deps/nlohmann" >/dev/null 2>&1; then
  rm -rf "$deps/nlohmann"
  cp -R "$src" "$deps/nlohmann"
fi

opt=${JXJY_WASM_OPT:--Oz}
emcmake cmake -S . -B build/wasm -DJXJY_TESTS=OFF -DCMAKE_BUILD_TYPE=Release \
  -DJXJY_JSON_INCLUDE="$deps" -DJXJY_WASM_OPT="$opt" >/dev/null
cmake --build build/wasm --target jxjy_wasm -j "$(nproc 2>/dev/null || echo 2)"

out=build/wasm/wasm
cp "$out/jxjy_wasm.mjs" web/jxjy-core.mjs
cp "$out/jxjy_wasm.wasm" web/jxjy.wasm
echo "build-wasm: web/jxjy-core.mjs ($(wc -c <web/jxjy-core.mjs) B), web/jxjy.wasm ($(wc -c <web/jxjy.wasm) B), $opt"
