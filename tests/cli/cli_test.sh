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

# Hostile input and faults (issue 11). timeout: a hang is a failure, not a stuck suite.
out=$(timeout 20 "$bin" check /dev/zero); expect "check /dev/zero stops at the limit" 2 $? "$out" '"code":"too_long"'
out=$(timeout 20 "$bin" check "$tmp"); expect "check a directory" 2 $? "$out" '"code":"unreadable"'
out=$(timeout 20 "$bin" check - <"$tmp"); expect "check - with a directory on stdin" 2 $? "$out" '"code":"unreadable"'
out=$(timeout 20 "$bin" batch <"$tmp" 2>/dev/null); expect "batch with a directory on stdin" 2 $? "$out" '"code":"unreadable"'
# A 1 GiB line between two good ones: bounded memory (ulimit, except under ASan, which needs its
# address space), a too_long line, and the run goes on.
out=$( (echo "$good"; head -c 1073741824 /dev/zero; echo; echo "$short") |
  ( [ -z "${ASAN_OPTIONS:-}" ] && ulimit -v 400000; timeout 60 "$bin" batch ) | cut -c1-200)
expect "batch: a 1 GiB line" 0 $? "$out" '"code":"too_long"'
[ "$(wc -l <<<"$out")" = 3 ] && [ "$(sed -n 3p <<<"$out" | grep -c '"status":"short"')" = 1 ] && ok || bad "batch: the line after a 1 GiB line is lost: $out"
# A line of 2 MiB that starts blank is still too long, not a blank line to skip.
out=$( (head -c 2097152 /dev/zero | tr '\0' ' '; echo '{}'; echo "$short") | timeout 20 "$bin" batch)
expect "batch: a long line with a blank head" 0 $? "$out" '"code":"too_long"'
[ "$(wc -l <<<"$out")" = 2 ] && ok || bad "batch: a long line with a blank head was skipped"
mkdir "$tmp/odd"
cp "$root"/rules/*.json "$tmp/odd/"
ln -s /dev/zero "$tmp/odd/zero.json"
out=$(timeout 20 "$bin" --rules "$tmp/odd" regions 2>&1); expect "--rules with a link to /dev/zero" 1 $? "$out" 'zero.json.*not a regular file'
rm "$tmp/odd/zero.json"; mkfifo "$tmp/odd/fifo.json"
out=$(timeout 20 "$bin" --rules "$tmp/odd" regions 2>&1); expect "--rules with a FIFO does not hang" 1 $? "$out" 'fifo.json.*not a regular file'
out=$(timeout 20 "$bin" validate-rules "$tmp/odd" 2>/dev/null); expect "validate-rules prints JSON for an unreadable file" 2 $? "$out" '"file":"fifo.json","path":"","code":"unreadable"'
rm "$tmp/odd/fifo.json"; ln -s "$tmp/nothing" "$tmp/odd/gone.json"
out=$(timeout 20 "$bin" validate-rules "$tmp/odd" 2>/dev/null); expect "validate-rules: a dangling link" 2 $? "$out" '"files":6,"errors":\[{"file":"gone.json","path":"","code":"unreadable"'
out=$(timeout 20 "$bin" validate-rules "$tmp/good.json" 2>/dev/null); expect "validate-rules prints JSON for an unusable folder" 2 $? "$out" '"ok":false,"files":0,"errors":\[{"file":"","path":"","code":"unreadable"'
rm "$tmp/odd/gone.json"; { printf '{"a":"'; head -c 2097152 /dev/zero | tr '\0' 'x'; printf '"}'; } >"$tmp/odd/big.json"
out=$(timeout 20 "$bin" validate-rules "$tmp/odd" 2>/dev/null); expect "validate-rules: a 2 MiB rule file" 2 $? "$out" '"file":"big.json","path":"","code":"too_long"'
rm "$tmp/odd/big.json"; cp "$root/rules/410100-2023.json" "$tmp/odd/$(printf 'bad\xff').json"
out=$(timeout 20 "$bin" validate-rules "$tmp/odd" 2>"$tmp/err"); expect "validate-rules: a file name that is not UTF-8" 2 $? "$out" 'duplicate_id'
iconv -f UTF-8 -t UTF-8 <<<"$out" >/dev/null 2>&1 && iconv -f UTF-8 -t UTF-8 "$tmp/err" >/dev/null 2>&1 && ok || bad "validate-rules output is not valid UTF-8: $out"
out=$(timeout 20 "$bin" check "$tmp/$(printf 'no\xfe')" ); expect "check: an unreadable name that is not UTF-8" 2 $? "$out" 'unreadable'
iconv -f UTF-8 -t UTF-8 <<<"$out" >/dev/null 2>&1 && ok || bad "check output is not valid UTF-8: $out"
# Writes that fail are exit 1 with a message, never a silent 0.
for c in "check $tmp/good.json" "regions" "validate-rules $root/rules" "--help"; do
  err=$("$bin" $c 2>&1 >/dev/full); expect "$c > /dev/full" 1 $? "$err" 'cannot write'
done
err=$(echo "$good" | "$bin" batch 2>&1 >/dev/full); expect "batch > /dev/full" 1 $? "$err" 'cannot write'
# A valid profile of 87,000 distinct keys (under 1 MiB): linear time, each key warned about.
awk 'BEGIN { printf "{\"region\":\"630000\",\"year\":2023,\"level\":\"senior\",\"training\":[]"; for (i = 0; i < 87000; i++) printf ",\"k%05d\":0", i; print "}" }' >"$tmp/wide.json"
out=$(timeout 5 "$bin" check "$tmp/wide.json"); code=$?
expect "a profile of 87,000 keys answers within 5 s" 0 $code "${out:0:300}" '"ok":true'
[ "$(grep -o '"code":"unknown_field"' <<<"$out" | wc -l)" = 87000 ] && ok || bad "wide profile: not 87000 unknown_field warnings"

echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
