#!/usr/bin/env bash
# libFuzzer campaigns for the core (tests/fuzz). Builds build/fuzz with clang
# (-fsanitize=fuzzer,address,undefined via the CMake option JXJY_FUZZ), seeds
# build/fuzz/corpus-TARGET/ from tests/cases (profiles) or rules/*.json (rule sets), runs the target
# and prints "fuzz TARGET: N runs in S s, C crashes". Crashing inputs land in build/fuzz/artifacts-TARGET/.
#
# usage: scripts/fuzz.sh TARGET SECONDS [RUNS]
#   TARGET   profile | rules | lines | roll (or fuzz_profile | …); lines = the CLI's bounded reader,
#            roll = the roll spreadsheet reader and its results CSV;
#            properties = the fast-check property tests (tests/node/properties.test.mjs) over the JS
#            module: each property for SECONDS (0 = no limit) or RUNS runs (default 100000), seed PROP_SEED
#            (default: a new one, printed, so that every campaign draws other profiles)
#   SECONDS  time limit (0 = none); RUNS: stop after that many runs (default: none)
# Extra libFuzzer flags may be given in FUZZ_FLAGS. Exit 0 when nothing was found.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh

target=${1:-}
seconds=${2:-}
runs=${3:-}
target=${target#fuzz_}
if [ "$target" = properties ]; then
  if [[ ! "$seconds" =~ ^[0-9]+$ ]] || [[ -n "$runs" && ! "$runs" =~ ^[0-9]+$ ]]; then
    echo "usage: scripts/fuzz.sh properties SECONDS [RUNS]" >&2
    exit 2
  fi
  [ -f web/lib/jxjy.wasm ] || { echo "fuzz properties: web/lib/jxjy.wasm is missing: run scripts/build.sh first" >&2; exit 2; }
  [ -d node_modules/fast-check ] || npm ci --no-audit --no-fund >/dev/null
  seed=${PROP_SEED:-$(( (RANDOM << 15 | RANDOM) ))}
  echo "fuzz properties: PROP_SEED=$seed, at most ${runs:-100000} runs and $seconds s (0: no limit) per property" >&2
  PROP_SEED=$seed PROP_RUNS=${runs:-100000} PROP_TIME=$seconds exec node --test tests/node/properties.test.mjs
fi
if [[ ! "$target" =~ ^(profile|rules|lines|roll)$ ]] || [[ ! "$seconds" =~ ^[0-9]+$ ]] || [[ -n "$runs" && ! "$runs" =~ ^[0-9]+$ ]]; then
  echo "usage: scripts/fuzz.sh profile|rules|lines|roll|properties SECONDS [RUNS]" >&2
  exit 2
fi
need_packages clang libclang-rt-14-dev cmake make nlohmann-json3-dev python3 >/dev/null

echo "== fuzz build (build/fuzz)" >&2
CC=clang CXX=clang++ cmake -S . -B build/fuzz -DJXJY_FUZZ=ON -DJXJY_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build/fuzz -j "$(nproc)" --target "fuzz_$target" >/dev/null

corpus=build/fuzz/corpus-$target
artifacts=build/fuzz/artifacts-$target/
mkdir -p "$corpus" "$artifacts"
# Seeds: every case's profile (or raw text) one file each; every rule file as it is.
python3 - "$target" "$corpus" <<'PY'
import glob, hashlib, json, os, sys
target, out = sys.argv[1], sys.argv[2]
def put(text):
    data = text.encode("utf-8") if isinstance(text, str) else text
    with open(os.path.join(out, "seed-" + hashlib.sha1(data).hexdigest()[:16]), "wb") as f:
        f.write(data)
if target == "profile":
    for path in sorted(glob.glob("tests/cases/**/*.json", recursive=True)):
        for case in json.load(open(path, encoding="utf-8")):
            put(case["raw"] if "raw" in case else json.dumps(case["profile"], ensure_ascii=False))
    # Wide and long documents, which length control alone reaches only slowly: 20,000 keys, a long note.
    wide = {"region": "630000", "year": 2023, "level": "senior", "training": []}
    wide.update({"k%05d" % i: 0 for i in range(20000)})
    put(json.dumps(wide, separators=(",", ":")))
    put(json.dumps({"region": "150783", "year": 2023, "training": [{"year": 2023, "subject": "public",
        "activity": "course", "hours": 1, "note": "注" * 300000}]}, ensure_ascii=False))
elif target == "roll":
    head = "姓名,地区,申报年度,申报级别,性别,年龄,年度,科目,形式,数量,单位,会议级别,已备案,备注,开始日期,结束日期\r\n"
    put(head + "张三,630000,2025,高级,女,47,2024年,公需,网络课程,30学时,,,是,\r\n"
               "张三,,,,,,2023,专业,学术会议,2,天,国家级,否,\"备注, 含逗号\",,\r\n"
               "李四,650000,2025,中级,男,40,,专业,培训班,20,天,,,,2022-12-20,2023-01-08\r\n")
    put("name;region;application year;level;gender;age;year;subject;activity;amount;unit\n"
        "Ann;410100;2025;senior;female;50;2024;public;course;30;hours\n")
    put("\ufeff" + head + "王五,150783,2025,初级,男,30,2024,公需,课程,\"=1+1\",学时,,,,,\n")
    rows = "".join("p%d,150404,2025,中级,女,45,%d,专业,课程,%d,学时,,是,,,\n" % (i % 50, 2021 + i % 4, 1 + i % 30)
                   for i in range(2000))
    put(head + rows)
elif target == "lines":
    # limit, read-size seed, error byte, then the stream
    for head in (b"\x10\x07\x00", b"\x03\x02\x21", b"\x00\x05\x00"):
        put(head + b'{"a":1}\n\n{"b":2}\r\nnot json\n' + b"x" * 80 + b"\nlast")
else:
    for path in sorted(glob.glob("rules/*.json")):
        if not path.endswith(".schema.json"):
            put(open(path, "rb").read())
    # A long array: the 630000 set with 20,000 application years on its first adjustment.
    rs = json.load(open("rules/630000-2023.json", encoding="utf-8"))
    if rs.get("adjustments"):
        rs["adjustments"][0].setdefault("when", {})["applicationYears"] = [2023] * 20000
        put(json.dumps(rs, ensure_ascii=False))
PY

flags=(-timeout=10 -rss_limit_mb=2048 "-artifact_prefix=$artifacts" -print_final_stats=1)
[ "$seconds" != 0 ] && flags+=("-max_total_time=$seconds")
[ -n "$runs" ] && flags+=("-runs=$runs")
[ -f "tests/fuzz/$target.dict" ] && flags+=("-dict=tests/fuzz/$target.dict")
# Inputs up to the core's limit of 1 MiB (a profile or rule file past it is refused as too_long), so
# the fuzzer reaches what only wide or long documents do.
flags+=(-max_len=1048576)
# A log per run (renamed to fuzz_TARGET.log at the end), so concurrent runs do not mix their logs.
log=build/fuzz/fuzz_$target.$$.log
before=$(find "$artifacts" -type f | wc -l)
set +e
# shellcheck disable=SC2086
build/fuzz/fuzz_$target "${flags[@]}" ${FUZZ_FLAGS:-} "$corpus" >"$log" 2>&1
rc=$?
set -e
crashes=$(( $(find "$artifacts" -type f | wc -l) - before ))
mv -f "$log" "build/fuzz/fuzz_$target.log"
log=build/fuzz/fuzz_$target.log
# -a: libFuzzer's log quotes raw input bytes (dictionary entries), so grep would call it binary.
n=$(grep -aoE '^stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -n 1 || true)
t=$(grep -aoE '^Done [0-9]+ runs in [0-9]+ second' "$log" | sed -E 's/.* in ([0-9]+) second/\1/' | tail -n 1 || true)
if [ "$rc" != 0 ]; then
  grep -aE 'ERROR|SUMMARY|result check failed|Test unit written|==[0-9]+==' "$log" | head -20 >&2 || true
  [ "$crashes" = 0 ] && crashes=1
fi
echo "fuzz $target: ${n:-0} runs in ${t:-?} s, $crashes crashes (log: $log)"
[ "$rc" = 0 ]
