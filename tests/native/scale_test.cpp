// Input that is large but within the limits is read in linear time, and input past them is refused
// up front with its documented error (README "Limits"). Linearity is shown by size ratios, not by
// absolute times: eight times the input must take less than 24 times as long (a quadratic read takes
// 64), the best of a few runs each in user CPU time, so a busy machine does not decide.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sys/resource.h>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "jxjy/jxjy.h"
#include "json/read.h"

using nlohmann::json;

namespace {

// User CPU time of this process: other work on a shared machine and the kernel's page faults for
// large results count less.
double cpu_seconds() {
  rusage u;
  getrusage(RUSAGE_SELF, &u);
  return double(u.ru_utime.tv_sec) + double(u.ru_utime.tv_usec) * 1e-6;
}

double best_seconds(int runs, const std::function<void()>& f) {
  double best = 1e9;
  for (int i = 0; i < runs; ++i) {
    double t0 = cpu_seconds();
    f();
    best = std::min(best, cpu_seconds() - t0);
  }
  return best;
}

const jxjy::Checker& checker() {
  static const auto c = [] {
    std::vector<jxjy::RuleError> errors;
    return jxjy::Checker::create(jxjy::builtin_rule_files(), errors);
  }();
  return *c;
}

// A valid senior profile for 630000 with `keys` more members k0000000… at the top level, or inside
// its one training record; `repeat` makes the last extra key the same as the first.
std::string wide_profile(size_t keys, bool in_record, bool repeat) {
  std::string extra;
  for (size_t i = 0; i < keys; ++i) {
    char k[16];
    std::snprintf(k, sizeof k, "k%07zu", repeat && i + 1 == keys ? size_t(0) : i);
    extra += std::string(",\"") + k + "\":0";
  }
  std::string record = R"({"year":2023,"subject":"professional","activity":"course","hours":10)" +
                       (in_record ? extra : "") + "}";
  return R"({"region":"630000","year":2023,"level":"senior","training":[)" + record + "]" +
         (in_record ? "" : extra) + "}";
}

json evaluate(const std::string& text) { return json::parse(checker().evaluate(text)); }

size_t count_code(const json& list, const std::string& code) {
  return size_t(std::count_if(list.begin(), list.end(), [&](const json& w) { return w["code"] == code; }));
}

}  // namespace

TEST_CASE("a wide object is read in linear time, each unknown key warned about", "[scale]") {
  std::string small = wide_profile(10000, false, false), large = wide_profile(80000, false, false);
  REQUIRE(large.size() < jxjy::kMaxDocumentBytes);
  json r = evaluate(large);
  REQUIRE(r["ok"] == true);
  CHECK(count_code(r["warnings"], "unknown_field") == 80000);
  json last_unknown;
  for (const auto& w : r["warnings"])
    if (w["code"] == "unknown_field") last_unknown = w;
  CHECK(last_unknown["path"] == "/k0079999");
  json in_record = evaluate(wide_profile(80000, true, false));
  REQUIRE(in_record["ok"] == true);
  CHECK(count_code(in_record["warnings"], "unknown_field") == 80000);

  // The parse alone (where the duplicate check is): the result's 7 MB of warnings would time the memory.
  auto parse = [](const std::string& text) {
    jxjy::JsonDoc doc;
    jxjy::Problem problem;
    REQUIRE(jxjy::parse_json(text, 16, doc, problem, jxjy::Lexer::fast));
  };
  double t_small = best_seconds(5, [&] { parse(small); });
  double t_large = best_seconds(5, [&] { parse(large); });
  INFO("10,000 keys: " << t_small << " s, 80,000 keys: " << t_large << " s");
  CHECK(t_large < 24 * t_small + 0.1);  // a quadratic check takes seconds here (45 s for 87,000 keys)
}

TEST_CASE("a repeated key is still found in a wide object", "[scale]") {
  for (bool in_record : {false, true}) {
    json r = evaluate(wide_profile(80000, in_record, true));
    REQUIRE(r["ok"] == false);
    REQUIRE(r["errors"].size() == 1);
    CHECK(r["errors"][0]["code"] == "duplicate_key");
    CHECK(r["errors"][0]["path"] == (in_record ? "/training/0/k0000000" : "/k0000000"));
  }
  // Just past the point where the check changes method (32 members) and just before it.
  for (size_t keys : {30, 31, 32, 33, 34, 40}) {
    json r = evaluate(wide_profile(keys, false, true));
    INFO(keys << " keys");
    REQUIRE(r["ok"] == false);
    CHECK(r["errors"][0]["code"] == "duplicate_key");
  }
}

namespace {

// The shipped 630000 rule set with `n` more adjustments; the last one's effect is `last_effect`.
std::string with_adjustments(size_t n, const std::string& last_effect = "exempt") {
  json rs;
  for (const auto& f : jxjy::builtin_rule_files())
    if (f.name == "630000-2023.json") rs = json::parse(f.text);
  for (size_t i = 0; i < n; ++i)
    rs["adjustments"].push_back({{"id", "x" + std::to_string(i)},
                                 {"when", {{"circumstance", "postdoc"}}},
                                 {"effect", i + 1 == n ? last_effect : "exempt"},
                                 {"source", {{"doc", "qh2023"}, {"clause", "c"}}},
                                 {"text", {{"zh", "z"}, {"en", "e"}}}});
  return rs.dump();
}

// The shipped 630000 rule set whose first adjustment applies in `n` application years (all 2023
// but the last, `last`): the longest array a rule file of 1 MiB can hold.
std::string with_years(size_t n, int last = 2023) {
  json rs;
  for (const auto& f : jxjy::builtin_rule_files())
    if (f.name == "630000-2023.json") rs = json::parse(f.text);
  json years = json::array();
  for (size_t i = 0; i + 1 < n; ++i) years.push_back(2023);
  years.push_back(last);
  rs["adjustments"][0]["when"]["applicationYears"] = years;
  return rs.dump();
}

std::vector<jxjy::RuleError> load(const std::string& text, size_t copies = 1) {
  std::vector<jxjy::RuleFile> files;
  for (size_t i = 0; i < copies; ++i) files.push_back({"r" + std::to_string(i) + ".json", text});
  std::vector<jxjy::RuleError> errors;
  auto c = jxjy::Checker::create(files, errors);
  CHECK((c == nullptr) == !errors.empty());
  return errors;
}

}  // namespace

TEST_CASE("rule files load in linear time; absurd sizes are refused up front", "[scale][rules]") {
  const size_t shipped = json::parse(with_adjustments(0))["adjustments"].size();
  std::string large = with_adjustments(7000);
  REQUIRE(large.size() < jxjy::kMaxDocumentBytes);
  CHECK(load(large).empty());
  auto errors = load(with_adjustments(7000, "frobnicate"));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path == "/adjustments/" + std::to_string(shipped + 6999) + "/effect");


  // Arrays were indexed into their linked list (quadratic: 200,000 years took minutes).
  std::string few = with_years(25000), many = with_years(200000);
  REQUIRE(many.size() < jxjy::kMaxDocumentBytes);
  CHECK(load(many).empty());
  errors = load(with_years(200000, 1900));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path == "/adjustments/0/when/applicationYears/199999");
  double t_small = best_seconds(5, [&] { load(few); });
  double t_large = best_seconds(5, [&] { load(many); });
  INFO("25,000 years: " << t_small << " s, 200,000: " << t_large << " s");
  CHECK(t_large < 24 * t_small + 0.1);

  // Past the limits: one error each, before anything is read.
  errors = load(with_adjustments(12000));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == "too_long");
  CHECK(errors[0].path == "");
  errors = load(with_adjustments(0), 1001);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == "too_many");
  CHECK(load(with_adjustments(0), 1000).size() == 999);  // 1000 copies: only duplicate ids
  json sourced = json::parse(with_adjustments(0));
  for (int i = 0; i < 101; ++i) sourced["sources"]["d" + std::to_string(i)] = {{"title", "t"}};
  errors = load(sourced.dump());
  REQUIRE(!errors.empty());
  CHECK(errors[0].code == "too_many");
  CHECK(errors[0].path == "/sources");
}
