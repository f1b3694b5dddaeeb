#!/usr/bin/env bash
# Runs every test: installs what it needs (Debian packages), builds, then runs the Catch2 corpus and
# rule tests, the CLI contract tests, the JS-module tests and the browser tests (Debian Chromium driven by
# playwright-core from package-lock.json). Ends with "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
need_packages g++ cmake make nlohmann-json3-dev catch2 emscripten brotli chromium fonts-noto-cjk poppler-utils nginx libnginx-mod-http-brotli-static caddy || { echo "0 passed, 1 failed"; exit 1; }

passed=0
failed=0
skipped=0
skipped_names=""
add() { passed=$((passed + $1)); failed=$((failed + $2)); }
# A suite's tests skipped (outside CI, for a prerequisite missing here): counted and named in the last line.
add_skipped() { [ "$1" -gt 0 ] 2>/dev/null || return 0; skipped=$((skipped + $1)); skipped_names="${skipped_names:+$skipped_names, }$2"; }

if ! scripts/build.sh; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# Runs a Catch2 binary and counts its test cases into the totals.
# Catch2 prints "All tests passed (A assertions in N test cases)" or "test cases: N | P passed | F failed".
run_catch2() {
  local log line p f
  log=$(mktemp)
  "$@" | tee "$log" | tail -n 4
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
}
# Runs tests/cli/cli_test.sh against a binary and counts its "cli: P passed, F failed" line.
run_cli() {
  local out line p f
  out=$(bash tests/cli/cli_test.sh "$1" .)
  echo "$out"
  line=$(tail -n 1 <<<"$out")
  p=$(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$line"); f=$(sed -E 's/.*, ([0-9]+) failed.*/\1/' <<<"$line")
  [[ "$p" =~ ^[0-9]+$ ]] || p=0
  [[ "$f" =~ ^[0-9]+$ ]] || f=1
  add "$p" "$f"
}

echo "== Catch2: case corpus and rule files"
run_catch2 build/native/tests/jxjy_tests

# The same tests again under the sanitizers: one check (it finds memory and undefined-behaviour errors in
# tests already counted), passed only when every test passes there too.
echo "== ASan + UBSan: Catch2 and CLI tests again (build/asan), counted as one check"
if cmake -S . -B build/asan -DJXJY_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null &&
   cmake --build build/asan -j "$(nproc)" --target jxjy_tests jxjy >/dev/null; then
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  before_failed=$failed before_passed=$passed
  run_catch2 build/asan/tests/jxjy_tests
  run_cli build/asan/jxjy
  if [ "$failed" = "$before_failed" ]; then passed=$((before_passed + 1)); else passed=$before_passed failed=$((before_failed + 1)); fi
  unset ASAN_OPTIONS UBSAN_OPTIONS
else
  echo "sanitizer build failed"
  add 0 1
fi

echo "== CLI contract"
run_cli build/native/jxjy

# node --test DIR, counted from its "# pass N" / "# fail M" lines (a run that prints none counts as a failure).
run_node_tests() {
  local log p f
  log=$(mktemp)
  node --test "$1" >"$log" 2>&1
  grep -E '^# (tests|pass|fail|skipped)' "$log"
  grep -m1 -E '# SKIP browser tests skipped' "$log" | sed -E 's/.*# SKIP //'
  grep -A9 -E '^not ok' "$log" | grep -vE '^ *(---$|duration_ms:|location:|failureType:)' | head -40
  p=$(grep -E '^# pass' "$log" | awk '{print $3}'); f=$(grep -E '^# fail' "$log" | awk '{print $3}')
  add "${p:-0}" "${f:-1}"
  add_skipped "$(grep -E '^# skipped' "$log" | awk '{print $3}')" "$1"
  rm -f "$log"
}

# The pinned npm dev dependencies (package-lock.json): ajv for the schema test, playwright-core and
# axe-core for the browser tests. Installed when any of them is missing.
missing_npm=0
for d in $(node -p "Object.keys(require('./package.json').devDependencies).join(' ')"); do
  [ -d "node_modules/$d" ] || missing_npm=1
done
if [ "$missing_npm" = 1 ] && [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund >/dev/null 2>&1 || echo "npm ci failed: the schema and browser tests will fail"
fi

echo "== JS module (node --test tests/node)"
run_node_tests tests/node/

echo "== Browser (node --test tests/browser, Chromium via playwright-core)"
run_node_tests tests/browser/

echo "== Differential: native CLI vs JS module on random profiles (node --test tests/diff)"
run_node_tests tests/diff/

echo "== Fuzz smoke: libFuzzer, 20000 runs per target (scripts/fuzz.sh)"
for t in profile rules lines roll; do
  if scripts/fuzz.sh "$t" 120 20000; then add 1 0; else add 0 1; fi
done

echo "took $(( SECONDS / 60 )) min"
if [ "$skipped" -gt 0 ]; then
  echo "$skipped skipped ($skipped_names: a prerequisite missing here; under CI they fail), $passed passed, $failed failed"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" = 0 ]
