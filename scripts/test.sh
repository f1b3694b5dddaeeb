#!/usr/bin/env bash
# Runs every test: installs what it needs (Debian packages), builds, then runs the Catch2 corpus and
# rule tests, the CLI contract tests and the JS-module tests. Ends with "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
need_packages g++ cmake make nlohmann-json3-dev catch2 emscripten brotli chromium fonts-noto-cjk || { echo "0 passed, 1 failed"; exit 1; }

passed=0
failed=0
add() { passed=$((passed + $1)); failed=$((failed + $2)); }

if ! scripts/build.sh; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

echo "== Catch2: case corpus and rule files"
log=$(mktemp)
build/native/tests/jxjy_tests | tee "$log" | tail -n 4
# Catch2 prints "All tests passed (A assertions in N test cases)" or "test cases: N | P passed | F failed".
if line=$(grep -E '^test cases:' "$log"); then
  p=$(sed -E 's/.*\| *([0-9]+) passed.*/\1/' <<<"$line"); f=$(sed -E 's/.*\| *([0-9]+) failed.*/\1/' <<<"$line")
  [[ "$p" =~ ^[0-9]+$ ]] || p=0
  [[ "$f" =~ ^[0-9]+$ ]] || f=1
  add "$p" "$f"
elif line=$(grep -E '^All tests passed' "$log"); then
  add "$(sed -E 's/.* in ([0-9]+) test case.*/\1/' <<<"$line")" 0
else
  add 0 1
fi
rm -f "$log"

echo "== CLI contract"
out=$(bash tests/cli/cli_test.sh build/native/jxjy .)
echo "$out"
line=$(tail -n 1 <<<"$out")
add "$(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$line")" "$(sed -E 's/.*, ([0-9]+) failed.*/\1/' <<<"$line")"

if [ -d tests/node ] && [ -f web/jxjy.wasm ]; then
  echo "== JS module (node --test)"
  log=$(mktemp)
  node --test tests/node/ >"$log" 2>&1
  grep -E '^# (tests|pass|fail|skipped)' "$log"
  grep -E '^not ok' "$log" | head -20
  p=$(grep -E '^# pass' "$log" | awk '{print $3}'); f=$(grep -E '^# fail' "$log" | awk '{print $3}')
  add "${p:-0}" "${f:-1}"
  rm -f "$log"
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
