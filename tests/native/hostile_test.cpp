// Hostile input: every malformed or extreme profile text gets a defined answer — ok:false with the
// exact error code and JSON Pointer and a message, or a documented ok:true — and never a crash.
// The same inputs go through `jxjy batch` (one line each): a bad line never stops the run.
//
// Documented behaviour:
//   duplicate key            -> duplicate_key at the pointer of the second occurrence (first one only)
//   invalid UTF-8            -> invalid_json ""   (also escaped lone surrogates, NUL bytes)
//   UTF-8 BOM at the start   -> accepted; a BOM anywhere else -> invalid_json
//   comments, trailing comma -> invalid_json ""
//   integers beyond 64 bits  -> out_of_range at the field (the parser reads them as doubles)
//   1e308 hours              -> out_of_range; 1e309 (overflows a double) -> invalid_json
//   -0 / -0.0 hours          -> accepted as 0 hours; year -0 -> out_of_range
//   nesting deeper than 16   -> too_deep ""; more than 1 MiB -> too_long ""
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "jxjy/jxjy.h"

using nlohmann::json;

namespace {

const jxjy::Checker& checker() {
  static const auto c = [] {
    std::vector<jxjy::RuleError> errors;
    auto made = jxjy::Checker::create(jxjy::builtin_rule_files(), errors);
    REQUIRE(made);
    return made;
  }();
  return *c;
}

const std::string kHead = R"({"region":"150783","year":2023,"level":"junior","gender":"male","age":30)";
const std::string kTraining =
    R"("training":[{"year":2023,"subject":"public","activity":"course","hours":30},)"
    R"({"year":2023,"subject":"professional","activity":"course","hours":60}])";
// A valid profile that meets the rule: {HEAD,TRAINING}.
const std::string kGood = kHead + "," + kTraining + "}";

std::string record(const std::string& amount) {
  return kHead + R"(,"training":[{"year":2023,"subject":"public","activity":"course",)" + amount + "}]}";
}

json run(const std::string& text, bool* input_ok = nullptr) {
  bool ok = false;
  std::string out = checker().evaluate(text, ok);
  REQUIRE(!out.empty());
  json r = json::parse(out, nullptr, false);
  REQUIRE(!r.is_discarded());
  REQUIRE(r.is_object());
  REQUIRE(r["ok"].is_boolean());
  CHECK(r["ok"].get<bool>() == ok);
  if (input_ok) *input_ok = ok;
  return r;
}

// ok:false with exactly one error: that code at that pointer, with a message.
void expect_error(const std::string& text, const std::string& code, const std::string& path) {
  json r = run(text);
  INFO("input (first 200 bytes): " << text.substr(0, 200));
  INFO("result: " << r.dump().substr(0, 600));
  REQUIRE(r["ok"] == false);
  REQUIRE(r["errors"].is_array());
  REQUIRE(r["errors"].size() == 1);
  CHECK(r["errors"][0]["code"] == code);
  CHECK(r["errors"][0]["path"] == path);
  CHECK(!r["errors"][0]["message"].get<std::string>().empty());
}

json expect_ok(const std::string& text) {
  json r = run(text);
  INFO("input (first 200 bytes): " << text.substr(0, 200));
  INFO("result: " << r.dump().substr(0, 600));
  REQUIRE(r["ok"] == true);
  return r;
}

struct Hostile {
  std::string name, text, code, path;  // code empty: ok:true expected
};

// Single-line inputs (no CR/LF), used both directly and through `jxjy batch`.
std::vector<Hostile> hostile_lines() {
  std::string deep(17, '['), deep_close(17, ']');
  std::string big = kHead + R"(,"pad":")" + std::string(2 << 20, 'x') + "\"," + kTraining + "}";
  return {
      {"duplicate top-level key", kHead + R"(,"year":2024,)" + kTraining + "}", "duplicate_key", "/year"},
      {"duplicate key in a record", record(R"("hours":10,"hours":-5)"), "duplicate_key", "/training/0/hours"},
      {"duplicate key needing pointer escapes",
       kHead + R"(,"circumstances":[{"kind":"postdoc"},{"kind":"fanghuiju","a/b~":1,"a/b~":2}],)" + kTraining + "}",
       "duplicate_key", "/circumstances/1/a~1b~0"},
      {"invalid UTF-8 byte in a value", kHead + ",\"note\":\"\xff\xfe\"," + kTraining + "}", "invalid_json", ""},
      {"invalid UTF-8 in a key", kHead + ",\"n\xc3\":1," + kTraining + "}", "invalid_json", ""},
      {"overlong UTF-8", kHead + ",\"n\":\"\xc0\xaf\"," + kTraining + "}", "invalid_json", ""},
      {"UTF-8 encoded surrogate", kHead + ",\"n\":\"\xed\xa0\x80\"," + kTraining + "}", "invalid_json", ""},
      {"escaped lone surrogate", kHead + R"(,"n":"\ud800",)" + kTraining + "}", "invalid_json", ""},
      {"truncated UTF-8 at the end", kGood + "\xe4\xb8", "invalid_json", ""},
      {"UTF-8 BOM at the start", "\xef\xbb\xbf" + kGood, "", ""},
      {"UTF-8 BOM after a space", " \xef\xbb\xbf" + kGood, "invalid_json", ""},
      {"two BOMs", "\xef\xbb\xbf\xef\xbb\xbf" + kGood, "invalid_json", ""},
      {"block comment", kHead + ", /* note */ " + kTraining + "}", "invalid_json", ""},
      {"trailing comma in object", kHead + "," + kTraining + ",}", "invalid_json", ""},
      {"trailing comma in array",
       kHead + R"(,"training":[{"year":2023,"subject":"public","activity":"course","hours":30},]})", "invalid_json", ""},
      {"year 2^64", R"({"region":"150783","year":18446744073709551616,"level":"junior","gender":"male","age":30,)" + kTraining + "}",
       "out_of_range", "/year"},
      {"year 2^64-1", R"({"region":"150783","year":18446744073709551615,"level":"junior","gender":"male","age":30,)" + kTraining + "}",
       "out_of_range", "/year"},
      {"year below -2^63", R"({"region":"150783","year":-9223372036854775809,"level":"junior","gender":"male","age":30,)" + kTraining + "}",
       "out_of_range", "/year"},
      {"year with 40 digits", R"({"region":"150783","year":1234567890123456789012345678901234567890,"level":"junior","gender":"male","age":30,)" + kTraining + "}",
       "out_of_range", "/year"},
      {"year -0", R"({"region":"150783","year":-0,"level":"junior","gender":"male","age":30,)" + kTraining + "}", "out_of_range", "/year"},
      {"hours beyond 64 bits", record(R"("hours":123456789012345678901234567890)"), "out_of_range", "/training/0/hours"},
      {"subjects 2^64", record(R"("subjects":18446744073709551616)"), "out_of_range", "/training/0/subjects"},
      {"hours 1e308", record(R"("hours":1e308)"), "out_of_range", "/training/0/hours"},
      {"hours -1e308", record(R"("hours":-1e308)"), "out_of_range", "/training/0/hours"},
      {"hours 1e309 (not a double)", record(R"("hours":1e309)"), "invalid_json", ""},
      {"hours -0", record(R"("hours":-0)"), "", ""},
      {"hours -0.0", record(R"("hours":-0.0)"), "", ""},
      {"hours 5e-324", record(R"("hours":5e-324)"), "", ""},
      {"nesting 17 deep", kHead + ",\"x\":" + deep + deep_close + "," + kTraining + "}", "too_deep", ""},
      {"unclosed nesting 100000 deep", std::string(100000, '['), "too_deep", ""},
      {"brackets inside a string do not count", kHead + ",\"note\":\"" + std::string(200, '[') + "\"," + kTraining + "}", "", ""},
      {"2 MiB profile", big, "too_long", ""},
      {"NUL byte then garbage", kGood + std::string(1, '\0') + "garbage", "invalid_json", ""},
      {"raw control character in a string", kHead + ",\"note\":\"a\tb\"," + kTraining + "}", "invalid_json", ""},
      {"empty object: every missing field", "{}", "missing", "/region"},
      {"a good profile", kGood, "", ""},
  };
}

}  // namespace

TEST_CASE("hostile profiles: duplicate keys are an error at the repeated key", "[hostile]") {
  for (const auto& h : hostile_lines()) {
    if (h.code != "duplicate_key") continue;
    SECTION(h.name) { expect_error(h.text, h.code, h.path); }
  }
  // The same key in different objects is fine.
  expect_ok(kHead + R"(,"training":[{"year":2023,"subject":"public","activity":"course","hours":30},)"
                    R"({"year":2023,"subject":"public","activity":"course","hours":30}]})");
  // Many members, one duplicate deep down: still found, pointer exact.
  expect_error(kHead + R"(,"x":[[1,[2,3],{"k":1}],{"q":{"z":1,"y":[],"z":2}}],)" + kTraining + "}", "duplicate_key", "/x/1/q/z");
  // The message names the key (in Chinese: the text is not read, so its locale is not known).
  json r = run(kHead + R"(,"locale":"en","year":2024,)" + kTraining + "}");
  REQUIRE(r["errors"].size() == 1);
  CHECK(r["errors"][0]["message"].get<std::string>().find("year") != std::string::npos);
}

TEST_CASE("hostile profiles: every input gets its defined answer", "[hostile]") {
  for (const auto& h : hostile_lines()) {
    if (h.name.rfind("empty object", 0) == 0) continue;
    SECTION(h.name) {
      if (h.code.empty()) expect_ok(h.text);
      else expect_error(h.text, h.code, h.path);
    }
  }
}

TEST_CASE("hostile profiles: documented ok:true answers", "[hostile]") {
  SECTION("a BOM at the start changes nothing") {
    CHECK(expect_ok("\xef\xbb\xbf" + kGood) == expect_ok(kGood));
  }
  SECTION("-0 hours is 0 hours") {
    json r = expect_ok(record(R"("hours":-0.0)"));
    REQUIRE(r["records"].size() == 1);
    CHECK(r["records"][0]["credited"] == 0);
    CHECK(r["status"] == "short");
  }
  SECTION("exactly 1 MiB is still read") {
    std::string text = kGood;
    text.insert(1, (1 << 20) - text.size(), ' ');
    REQUIRE(text.size() == size_t(1) << 20);
    CHECK(expect_ok(text)["status"] == "met");
    expect_error(" " + text, "too_long", "");
  }
  SECTION("16 levels deep is still parsed") {
    // profile object (1) + x (15 arrays) = 16
    expect_ok(kHead + ",\"x\":" + std::string(15, '[') + std::string(15, ']') + "," + kTraining + "}");
    expect_error(kHead + ",\"x\":" + std::string(16, '[') + std::string(16, ']') + "," + kTraining + "}", "too_deep", "");
  }
}

TEST_CASE("hostile profiles: comments and multi-line input", "[hostile]") {
  expect_error(kHead + ", // note\n" + kTraining + "}", "invalid_json", "");
  // Line breaks between tokens are plain JSON whitespace (jxjy check reads the whole text).
  CHECK(expect_ok("{\n" + kHead.substr(1) + ",\n" + kTraining + "\n}\n")["status"] == "met");
}

#ifdef JXJY_CLI
TEST_CASE("hostile profiles through jxjy batch: a bad line never stops the run", "[hostile][cli]") {
  auto lines = hostile_lines();
  std::string in_path =
      (std::filesystem::temp_directory_path() / ("jxjy-hostile-" + std::to_string(getpid()) + ".jsonl")).string();
  {
    std::ofstream in(in_path, std::ios::binary);
    for (const auto& h : lines) in << h.text << '\n';
  }
  std::string cmd = std::string("'") + JXJY_CLI + "' batch < '" + in_path + "'";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::string out;
  char buf[1 << 16];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  int status = pclose(p);
  std::remove(in_path.c_str());
  CHECK(status == 0);

  std::vector<std::string> results;
  for (size_t start = 0, nl; (nl = out.find('\n', start)) != std::string::npos; start = nl + 1)
    results.push_back(out.substr(start, nl - start));
  // "unclosed nesting" and the rest are one line each; every line answered, in order.
  REQUIRE(results.size() == lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    const auto& h = lines[i];
    INFO("line " << i << ": " << h.name);
    json r = json::parse(results[i], nullptr, false);
    REQUIRE(!r.is_discarded());
    if (h.name.rfind("empty object", 0) == 0) {
      CHECK(r["ok"] == false);
      CHECK(r["errors"].size() >= 3);  // region, year, level, training: every problem at once
    } else if (h.code.empty()) {
      CHECK(r["ok"] == true);
    } else {
      REQUIRE(r["ok"] == false);
      CHECK(r["errors"][0]["code"] == h.code);
      CHECK(r["errors"][0]["path"] == h.path);
    }
  }
  CHECK(json::parse(results.back())["status"] == "met");
}
#endif
