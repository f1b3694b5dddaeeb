#!/usr/bin/env bash
# Builds the wasm module of jxjy with the system emscripten (Debian emcc 3.1.6) and copies it beside the library's module (web/lib/):
#   web/lib/jxjy-core.mjs  the emscripten ES module factory (embind glue)
#   web/lib/jxjy.wasm  the module's code (core + built-in rules/*.json + wasm/bindings.cpp)
# Both are build outputs (.gitignore); web/lib/jxjy.js loads them. Idempotent: a re-run rebuilds only what
# changed and leaves web/lib/ untouched when the outputs are the same.
#
#   scripts/build-wasm.sh                         # -O3 + LTO (the shipped configuration)
#   JXJY_WASM_OPT=-Oz scripts/build-wasm.sh       # smaller, slower (see wasm/CMakeLists.txt)
#   JXJY_WASM_LTO=OFF scripts/build-wasm.sh       # without link-time optimisation
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# Debian's emcc runs its JS tools with the system node modules (acorn, terser, ...).
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

# The Closure Compiler minifies the JS glue (npm google-closure-compiler, pinned in package.json; Debian's
# emscripten ships without it): installed with the other pinned dev dependencies when missing.
closure="$root/node_modules/.bin/google-closure-compiler"
if [ ! -x "$closure" ]; then
  npm ci --no-audit --no-fund >/dev/null || { echo "build-wasm: npm ci failed (google-closure-compiler is needed)" >&2; exit 1; }
fi
export EM_CLOSURE_COMPILER="$closure"

emcmake cmake -S . -B build/wasm --no-warn-unused-cli -DJXJY_TESTS=OFF -DCMAKE_BUILD_TYPE=Release \
  -DJXJY_JSON_INCLUDE="$deps" -DJXJY_WASM_OPT="${JXJY_WASM_OPT:--O3}" -DJXJY_WASM_LTO="${JXJY_WASM_LTO:-ON}" \
  -DJXJY_WASM_CLOSURE=ON >/dev/null
cmake --build build/wasm --target jxjy_wasm -j "$(nproc 2>/dev/null || echo 2)"

copy() { cmp -s "$1" "$2" || cp "$1" "$2"; }
copy build/wasm/wasm/jxjy_wasm.mjs web/lib/jxjy-core.mjs
copy build/wasm/wasm/jxjy_wasm.wasm web/lib/jxjy.wasm

for f in web/lib/jxjy.js web/lib/jxjy-core.mjs web/lib/jxjy.wasm; do
  line="$f: $(wc -c <"$f") B"
  command -v gzip >/dev/null && line+=", gzip -9 $(gzip -9c "$f" | wc -c) B"
  command -v brotli >/dev/null && line+=", brotli $(brotli -c -q 11 "$f" | wc -c) B"
  echo "build-wasm: $line"
done
