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
# A folder past the limit (README "Limits") is refused before any file is read: 10,000 sparse files of
# 2 MiB (20 GiB to read) under a 1 GB memory limit; a 2 MiB file is too_long unread.
mkdir "$tmp/many"
(cd "$tmp/many" && seq -w 1 10000 | sed 's/$/.json/' | xargs truncate -s 2M)
memlimit() { [ -z "${ASAN_OPTIONS:-}" ] && ulimit -v "$1"; shift; timeout 60 "$@"; }
out=$(memlimit 1000000 "$bin" validate-rules "$tmp/many" 2>/dev/null)
expect "validate-rules: 10,000 files are too_many, none read" 2 $? "$out" '"files":10000,"errors":\[{"file":"","path":"","code":"too_many"'
out=$(memlimit 1000000 "$bin" --rules "$tmp/many" regions 2>&1)
expect "--rules: 10,000 files are refused, not an abort" 1 $? "$out" 'at most 1000 rule sets, not 10000'
rm -rf "$tmp/many"
# Within the limits but past the memory: 1000 sparse files of 1 MiB under a 600 MB limit. Any
# allocation failure is exit 1 with a message, never an abort.
if [ -z "${ASAN_OPTIONS:-}" ]; then
  mkdir "$tmp/big"
  (cd "$tmp/big" && seq -w 1 1000 | sed 's/$/.json/' | xargs truncate -s 1M)
  out=$(memlimit 600000 "$bin" --rules "$tmp/big" regions 2>&1)
  expect "out of memory is exit 1 with a message" 1 $? "$out" 'jxjy: out of memory'
  rm -rf "$tmp/big"
fi
rm "$tmp/odd/big.json"; cp "$root/rules/410100-2023.json" "$tmp/odd/$(printf 'bad\xff').json"
out=$(timeout 20 "$bin" validate-rules "$tmp/odd" 2>"$tmp/err"); expect "validate-rules: a file name that is not UTF-8" 2 $? "$out" 'duplicate_id'
iconv -f UTF-8 -t UTF-8 <<<"$out" >/dev/null 2>&1 && iconv -f UTF-8 -t UTF-8 "$tmp/err" >/dev/null 2>&1 && ok || bad "validate-rules output is not valid UTF-8: $out"
rm "$tmp/odd/410100-2023.json"
out=$(echo "$short" | timeout 20 "$bin" --rules "$tmp/odd" check -); expect "--rules: a rule file name that is not UTF-8 reaches the result" 0 $? "$out" '"file":"bad'
iconv -f UTF-8 -t UTF-8 <<<"$out" >/dev/null 2>&1 && ok || bad "check output with a non-UTF-8 rule file name is not valid UTF-8"
out=$(timeout 20 "$bin" check "$tmp/$(printf 'no\xfe')" ); expect "check: an unreadable name that is not UTF-8" 2 $? "$out" 'unreadable'
iconv -f UTF-8 -t UTF-8 <<<"$out" >/dev/null 2>&1 && ok || bad "check output is not valid UTF-8: $out"
# Writes that fail are exit 1 with a message, never a silent 0.
for c in "check $tmp/good.json" "regions" "validate-rules $root/rules" "--help"; do
  err=$("$bin" $c 2>&1 >/dev/full); expect "$c > /dev/full" 1 $? "$err" 'cannot write'
done
err=$(echo "$good" | "$bin" batch 2>&1 >/dev/full); expect "batch > /dev/full" 1 $? "$err" 'cannot write'
# A valid profile of 87,000 distinct keys (under 1 MiB): linear time, each key warned about.
awk 'BEGIN { printf "{\"region\":\"630000\",\"year\":2023,\"level\":\"senior\",\"training\":[]"; for (i = 0; i < 87000; i++) printf ",\"k%05d\":0", i; print "}" }' >"$tmp/wide.json"
limit=5; [ -n "${ASAN_OPTIONS:-}" ] && limit=20  # the sanitizer build is several times slower (quadratic: 45 s)
out=$(timeout $limit "$bin" check "$tmp/wide.json"); code=$?
expect "a profile of 87,000 keys answers within $limit s" 0 $code "${out:0:300}" '"ok":true'
[ "$(grep -o '"code":"unknown_field"' <<<"$out" | wc -l)" = 87000 ] && ok || bad "wide profile: not 87000 unknown_field warnings"

# jxjy roll: a CSV of many people, one result line per person (README "Roll"); each person's verdict is
# the one `check` gives for the same profile.
roll_csv='姓名,地区,申报年度,申报级别,性别,年龄,年度,科目,形式,数量,单位,已备案
张三,630000,2023,高级,女,47,2023年,公需,网络课程,30学时,,是
张三,,,,,,2023,专业,培训班,5,天,是
李四,630000,2023,中级,男,40,2022,专业科目,课程,20,学时,否'
zhang='{"region":"630000","year":2023,"level":"senior","gender":"female","age":47,"training":[{"year":2023,"subject":"public","activity":"course","hours":30,"filed":true},{"year":2023,"subject":"professional","activity":"training_class","days":5,"filed":true}]}'
want=$(echo "$zhang" | "$bin" check - | grep -o '"status":"[a-z]*"' | head -1 | sed 's/.*:"\(.*\)"/\1/')
case "$want" in met) want=达标 ;; short) want=未达标 ;; exempt) want=免于要求 ;; advisory) want=仅作参考 ;; esac
printf '%s\n' "$roll_csv" >"$tmp/roll.csv"
out=$("$bin" roll "$tmp/roll.csv"); expect "roll: UTF-8, LF" 0 $? "$out" "^姓名,行号,结论,适用规则,缺口,能否补足,截止日期,提示,错误"
grep -q "^张三,2-3,$want," <<<"$out" && ok || bad "roll: 张三's verdict is not check's ($want): $out"
[ "$(wc -l <<<"$out")" = 3 ] && ok || bad "roll: not one line per person: $out"
{ printf '\xEF\xBB\xBF'; sed 's/$/\r/' "$tmp/roll.csv"; } >"$tmp/roll-bom.csv"
out2=$("$bin" roll "$tmp/roll-bom.csv"); expect "roll: BOM and CRLF" 0 $? "$out2" "^张三,2-3,$want,"
[ "$out2" = "$out" ] && ok || bad "roll: BOM/CRLF output differs"
iconv -f UTF-8 -t GB18030 "$tmp/roll.csv" >"$tmp/roll-gb.csv"
out2=$("$bin" roll - <"$tmp/roll-gb.csv"); expect "roll: GB18030 on stdin" 0 $? "$out2" "^张三,2-3,$want,"
[ "$out2" = "$out" ] && ok || bad "roll: GB18030 output differs"
tr ',' ';' <"$tmp/roll.csv" >"$tmp/roll-semi.csv"
out2=$("$bin" roll "$tmp/roll-semi.csv"); [ "$out2" = "$out" ] && ok || bad "roll: semicolon output differs: $out2"
out=$("$bin" roll "$tmp/roll.csv" --locale en); expect "roll --locale en" 0 $? "$out" '^name,rows,verdict,rule set,shortfall,can complete,deadline,warnings,errors'
printf '%s\n' "$roll_csv" | sed '3s/5,天/5,斤/' >"$tmp/roll-bad.csv"
out=$("$bin" roll "$tmp/roll-bad.csv" 2>"$tmp/err"); expect "roll: a bad unit is exit 2, the others still written" 2 $? "$out" '^李四,4,'
grep -q 'row 3, column 单位: .*(bad_value)' "$tmp/err" && ok || bad "roll: bad unit not on stderr with row and column: $(cat "$tmp/err")"
grep -q "^张三,2-3,请修正输入,.*第 3 行「单位」" <<<"$out" && ok || bad "roll: a person with a bad row is not marked: $out"
# a roll as offices write it (issue 27): a title row, columns not used, a name written once for its rows,
# 青海省 by name; what the reader assumed is said once on stderr, never as an error
printf '2023年继续教育培训花名册\n序号,姓名,工作单位,地区,申报年度,申报级别,公需课/专业课,培训形式,培训学时,是否备案\n1,张三,某院,青海省,2024,高级,公需课,网络培训,30,是\n,,,,,,专业课,面授,60,是\n' >"$tmp/office.csv"
out=$("$bin" roll "$tmp/office.csv" 2>"$tmp/err"); expect "roll: an office's roster reads" 0 $? "$out" '^张三,3-4,'
grep -q 'note: 未用到的列（核查不需要，已略过）：序号、工作单位 (unused_columns)' "$tmp/err" && ok || bad "roll: unused columns not noted: $(cat "$tmp/err")"
grep -q 'note: 第4行（共1行）未写姓名' "$tmp/err" && ok || bad "roll: fill-down not noted: $(cat "$tmp/err")"
grep -q 'note: 未给出申报途径，按职称评审核查 (route_assumed)' "$tmp/err" && ok || bad "roll: route assumption not said: $(cat "$tmp/err")"
grep -q '(unknown_column)' "$tmp/err" && bad "roll: an unused column is an error: $(cat "$tmp/err")" || ok
out=$(printf '姓名,地区,申报年度,申报级别\n张三,西宁市,2024,高级\n' | "$bin" roll - 2>&1); expect "roll: a region name outside the rule sets" 2 $? "$out" 'row 2, column 地区: .*不认识的地区：西宁市.*(bad_value)'
out=$(printf '姓名,备注\n张三,"open\n' | "$bin" roll - 2>&1); expect "roll: unterminated quote" 2 $? "$out" 'row 2: .*(unterminated_quote)'
out=$(printf '\xff\xfe\x00' | "$bin" roll - 2>&1); expect "roll: neither UTF-8 nor GB18030" 2 $? "$out" 'not_utf8'
out=$(head -c 17000000 /dev/zero | tr '\0' 'x' | "$bin" roll - 2>&1); expect "roll: longer than 16 MiB" 2 $? "$out" 'too_long'
out=$("$bin" roll "$tmp/nothing.csv" 2>&1); expect "roll: a missing file" 2 $? "$out" 'unreadable'
out=$("$bin" --help); expect "--help documents roll" 0 $? "$out" 'roll FILE'

# The notice's own forms (CONTRACT §5.2): jxjy forms PROFILE.json|-, exit codes as check.
unfiled='{"region":"150783","year":2023,"level":"junior","gender":"female","age":30,"training":[{"year":2023,"subject":"professional","activity":"training_class","hours":40,"filed":false,"note":"研修班"}]}'
echo "$unfiled" >"$tmp/unfiled.json"
out=$("$bin" forms "$tmp/unfiled.json"); expect "forms: 扎兰屯 附表 for an unfiled record" 0 $? "$out" '"ok":true,"forms":\[{"id":"filing_approval","title":"专业技术人员外出培训专业课学时备案审批表"'
grep -q '"label":"培训学时","labelEn":"Hours","value":"40","from":"result.recordHours"' <<<"$out" && ok || bad "forms: 培训学时 not filled: ${out:0:300}"
grep -q '"label":"姓名","labelEn":"Name","value":null,"from":null' <<<"$out" && ok || bad "forms: 姓名 is not blank: ${out:0:300}"
out=$(echo "${unfiled/\"filed\":false/\"filed\":true}" | "$bin" forms -); expect "forms: a filed record needs none" 0 $? "$out" '^{"ok":true,"forms":\[\]}$'
out=$(echo "$short" | "$bin" forms -); expect "forms: 郑州 has none" 0 $? "$out" '^{"ok":true,"forms":\[\]}$'
out=$(echo '{"region":"650102","year":2023,"level":"senior","circumstances":[{"kind":"fanghuiju"}],"training":[]}' | "$bin" forms -)
expect "forms: 新疆 附件2 for fanghuiju" 0 $? "$out" '"attachment":"附件2"'
out=$(echo '{"region":"650102","year":2023,"level":"senior","currentTitleSince":2022,"training":[{"year":2023,"subject":"professional","activity":"conference","days":2,"level":"national"}]}' | "$bin" forms -)
expect "forms: 新疆 附件1 with the check's figures" 0 $? "$out" '经审验，2023年符合专业课继续教育共计24学时，还需完成66学时的继续教育。'
bad_profile='{"region":"150783","year":"2023","level":"x","training":{}}'
out=$(echo "$bad_profile" | "$bin" forms -); code=$?
expect "forms: bad input is exit 2" 2 $code "$out" '"ok":false'
[ "$out" = "$(echo "$bad_profile" | "$bin" check -)" ] && ok || bad "forms: bad input differs from check's: $out"
out=$("$bin" forms "$tmp/missing.json"); expect "forms: unreadable file" 2 $? "$out" '"code":"unreadable"'
out=$("$bin" forms 2>&1); expect "forms: needs a profile" 2 $? "$out" 'wrong arguments'
out=$("$bin" --help); expect "--help documents forms" 0 $? "$out" 'forms FILE|-'
out=$("$bin" explain 650000-2022); expect "explain lists the forms" 0 $? "$out" '### 附件1 专技继续教育学时认定登记表'

echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
