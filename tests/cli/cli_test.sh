#!/usr/bin/env bash
# The CLI's contract (CONTRACT §1): outputs and exit codes. Usage: cli_test.sh JXJY_BINARY REPO_ROOT
set -u
bin=$1
root=$2
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
expect() {  # expect NAME WANT_EXIT GOT_EXIT OUTPUT PATTERN
  if [ "$2" != "$3" ]; then bad "$1: exit $3, wanted $2; output: ${4:0:300}"; return; fi
  if ! grep -q -- "$5" <<<"$4"; then bad "$1: output lacks '$5': ${4:0:300}"; return; fi
  ok
}

good='{"region":"150783","year":2023,"route":"review","level":"junior","gender":"male","age":30,"training":[{"year":2023,"subject":"public","activity":"course","hours":30},{"year":2023,"subject":"professional","activity":"course","hours":60}]}'
short='{"region":"410100","year":2023,"level":"junior","training":[{"year":2023,"subject":"public","activity":"course","hours":10}]}'
echo "$good" >"$tmp/good.json"

out=$("$bin" check "$tmp/good.json"); expect "check file" 0 $? "$out" '"status":"met"'
out=$(echo "$short" | "$bin" check -); expect "check stdin, short is still exit 0" 0 $? "$out" '"status":"short"'
out=$(echo '{"region":' | "$bin" check -); expect "malformed JSON" 2 $? "$out" '"code":"invalid_json"'
out=$(echo '{"region":"150783","year":"2023","level":"x","training":{}}' | "$bin" check -)
expect "every problem at once" 2 $? "$out" '"path":"/year".*"path":"/level".*"path":"/training"'
out=$("$bin" check "$tmp/missing.json"); expect "unreadable file" 2 $? "$out" '"ok":false'
out=$(echo "${good/\"age\":30/\"age\":30,\"locale\":\"en\"}" | "$bin" check -); expect "english" 0 $? "$out" 'title review'

printf '%s\n%s\n\n%s\n' "$good" 'not json' "$short" >"$tmp/batch.jsonl"
out=$("$bin" batch <"$tmp/batch.jsonl"); code=$?
expect "batch runs on after a bad line" 0 $code "$out" '"ok":false'
lines=$(wc -l <<<"$out")
[ "$lines" = 3 ] && ok || bad "batch: $lines result lines, wanted 3"
[ "$(sed -n 1p <<<"$out" | grep -c '"status":"met"')" = 1 ] && [ "$(sed -n 3p <<<"$out" | grep -c '"status":"short"')" = 1 ] \
  && ok || bad "batch: results out of order"

out=$("$bin" regions); expect "regions" 0 $? "$out" '"region":"650000"'
out=$("$bin" validate-rules "$root/rules"); expect "shipped rules valid" 0 $? "$out" '"ok":true'
mkdir "$tmp/rules"
sed 's/"clause": "三（一）"/"clause": ""/' "$root/rules/150783-2023.json" >"$tmp/rules/150783-2023.json"
out=$("$bin" validate-rules "$tmp/rules" 2>/dev/null); expect "rule without clause" 2 $? "$out" '"file":"150783-2023.json","path":"/requirements/0/source/clause"'
out=$("$bin" --rules "$tmp/rules" check "$tmp/good.json" 2>&1); expect "--rules with invalid rules" 1 $? "$out" 'invalid'
cp "$root/rules/410100-2023.json" "$tmp/rules/150783-2023.json"
out=$("$bin" --rules "$tmp/rules" check "$tmp/good.json"); expect "--rules replaces the rule folder" 2 $? "$out" 'region_not_covered'
out=$("$bin" --rules "$tmp/nowhere" regions 2>&1); expect "--rules missing folder" 1 $? "$out" 'not a folder'
# Yearly patches (basedOn) and the proofreading view (explain).
fixture="$root/tests/fixtures/based-on/150783-2024.json"
mkdir "$tmp/patched"
cp "$root"/rules/*.json "$fixture" "$tmp/patched/"
out=$("$bin" validate-rules "$tmp/patched"); expect "validate-rules resolves basedOn" 0 $? "$out" '"ok":true'
out=$("$bin" --rules "$tmp/patched" regions); expect "regions show the patch" 0 $? "$out" '"id":"150783-2024","year":2024,"validFrom":"2024-03-01","basedOn":"150783-2023"'
echo '{"basedOn":"150783-2019","id":"150783-2020"}' >"$tmp/patched/orphan.json"
out=$("$bin" validate-rules "$tmp/patched" 2>/dev/null); expect "missing base" 2 $? "$out" '"file":"orphan.json","path":"/basedOn","code":"unknown_base"'
rm "$tmp/patched/orphan.json"
out=$("$bin" explain 150783-2023); expect "explain by id" 0 $? "$out" '^# 扎兰屯市'
out=$("$bin" explain "$root/rules/150783-2023.json" --locale en); expect "explain a file in English" 0 $? "$out" 'Source: 扎人社发〔2023〕45号 三（一）'
out=$("$bin" explain "$fixture"); expect "explain a patch" 0 $? "$out" '公需科目：每年不少于 40 学时'
out=$("$bin" explain nowhere-2023 2>&1); expect "explain an unknown id" 2 $? "$out" "no rule file or rule-set id"
echo '{"basedOn":"150783-2023","id":"150783-2024","anual":{}}' >"$tmp/typo.json"
out=$("$bin" explain "$tmp/typo.json" 2>&1); expect "explain an invalid patch" 2 $? "$out" 'typo.json: /anual'
out=$("$bin" --help); expect "help" 0 $? "$out" 'validate-rules'
out=$("$bin" frobnicate 2>&1); expect "unknown command" 2 $? "$out" 'unknown command'

echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
