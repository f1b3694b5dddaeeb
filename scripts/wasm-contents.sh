#!/usr/bin/env bash
# Lists what is in the wasm module (bench/README.md "The wasm's contents"): builds it as
# scripts/build-wasm.sh does (same flags, so the same code) but keeping function names (emcc
# --profiling-funcs) into build/wasm-prof, then prints its code by part of the program, the largest
# functions and the data (bench/wasm_contents.mjs over wasm-objdump, Debian package wabt).
# usage: scripts/wasm-contents.sh [TOP]   (run scripts/build-wasm.sh once before: it prepares build/deps)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
need_packages emscripten wabt
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
[ -x node_modules/.bin/google-closure-compiler ] || npm ci --no-audit --no-fund >/dev/null
export EM_CLOSURE_COMPILER="$PWD/node_modules/.bin/google-closure-compiler"
[ -f build/deps/include/nlohmann/json.hpp ] || scripts/build-wasm.sh >&2
emcmake cmake -S . -B build/wasm-prof --no-warn-unused-cli -DJXJY_TESTS=OFF -DCMAKE_BUILD_TYPE=Release \
  -DJXJY_JSON_INCLUDE="$PWD/build/deps/include" -DJXJY_WASM_OPT="${JXJY_WASM_OPT:--O3}" \
  -DJXJY_WASM_LTO="${JXJY_WASM_LTO:-ON}" -DJXJY_WASM_CLOSURE=ON -DCMAKE_EXE_LINKER_FLAGS=--profiling-funcs >/dev/null
cmake --build build/wasm-prof --target jxjy_wasm -j "$(nproc 2>/dev/null || echo 2)" >&2
node bench/wasm_contents.mjs build/wasm-prof/wasm/jxjy_wasm.wasm "${1:-25}"
