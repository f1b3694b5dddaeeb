// Yearly notices as patches ("basedOn"): RFC 7386 merging, chains, cycles, missing bases, and errors
// that name the derived file and the pointer. The worked example is tests/fixtures/based-on/.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "jxjy/jxjy.h"
#include "json/read.h"
#include "json/merge_patch.h"

using nlohmann::json;

namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every shipped rule file, read from the folder (so a new notice is included without a test change).
std::vector<jxjy::RuleFile> shipped_files() {
  std::vector<jxjy::RuleFile> files;
  for (const auto& e : std::filesystem::directory_iterator(JXJY_RULES_DIR)) {
    std::string name = e.path().filename().string();
    if (e.path().extension() == ".json" && name.find(".schema.") == std::string::npos)
      files.push_back({name, slurp(e.path())});
  }
  return files;
}

jxjy::RuleFile fixture(const std::string& name) {
  return {name, slurp(std::filesystem::path(JXJY_FIXTURES_DIR) / "based-on" / name)};
}

std::string merged(const std::string& target, const std::string& patch) {
  jxjy::JsonDoc t, p;
  jxjy::Problem problem;
  REQUIRE(jxjy::parse_json(target, 16, t, problem, jxjy::Lexer::nlohmann));
  REQUIRE(jxjy::parse_json(patch, 16, p, problem, jxjy::Lexer::nlohmann));
  std::string out;
  jxjy::write_merge_patch(&t.root(), p.root(), out);
  return out;
}

std::string dump(const std::vector<jxjy::RuleError>& errors) {
  std::string s;
  for (const auto& e : errors) s += e.file + " " + e.path + " " + e.code + " " + e.message + "\n";
  return s;
}

const jxjy::RuleError* find_error(const std::vector<jxjy::RuleError>& errors, const std::string& file,
                                  const std::string& path, const std::string& code) {
  for (const auto& e : errors)
    if (e.file == file && e.path == path && e.code == code) return &e;
  return nullptr;
}

json profile_2024(int year) {
  return {{"region", "150783"}, {"year", year}, {"level", "junior"}, {"gender", "male"}, {"age", 30},
          {"training",
           {{{"year", year}, {"subject", "public"}, {"activity", "course"}, {"hours", 30}},
            {{"year", year}, {"subject", "professional"}, {"activity", "training_class"}, {"hours", 60}, {"filed", false}}}}};
}

}  // namespace

TEST_CASE("merge patch: the test vectors of RFC 7386 appendix A", "[basedOn]") {
  const char* vectors[][3] = {
      {R"({"a":"b"})", R"({"a":"c"})", R"({"a":"c"})"},
      {R"({"a":"b"})", R"({"b":"c"})", R"({"a":"b","b":"c"})"},
      {R"({"a":"b"})", R"({"a":null})", R"({})"},
      {R"({"a":"b","b":"c"})", R"({"a":null})", R"({"b":"c"})"},
      {R"({"a":["b"]})", R"({"a":"c"})", R"({"a":"c"})"},
      {R"({"a":"c"})", R"({"a":["b"]})", R"({"a":["b"]})"},
      {R"({"a":{"b":"c"}})", R"({"a":{"b":"d","c":null}})", R"({"a":{"b":"d"}})"},
      {R"({"a":[{"b":"c"}]})", R"({"a":[1]})", R"({"a":[1]})"},
      {R"(["a","b"])", R"(["c","d"])", R"(["c","d"])"},
      {R"({"a":"b"})", R"(["c"])", R"(["c"])"},
      {R"({"a":"foo"})", "null", "null"},
      {R"({"a":"foo"})", R"("bar")", R"("bar")"},
      {R"({"e":null})", R"({"a":1})", R"({"e":null,"a":1})"},
      {R"([1,2])", R"({"a":"b","c":null})", R"({"a":"b"})"},
      {R"({})", R"({"a":{"bb":{"ccc":null}}})", R"({"a":{"bb":{}}})"},
  };
  for (const auto& v : vectors) {
    INFO(v[0] << " + " << v[1]);
    CHECK(json::parse(merged(v[0], v[1])) == json::parse(v[2]));
  }
}

TEST_CASE("merge patch: text, escapes and numbers come through unchanged", "[basedOn]") {
  std::string target = R"({"t":"扎兰屯\"\\\n\u0001😀","n":[0.1,-0,-0.0,1e300,2023,-2023,5e-324,123456789.125,999999999999999,-999999999999999,1e15,1e17,12345678901234567890],"b":true,"z":null})";
  CHECK(json::parse(merged(target, "{}")) == json::parse(target));
  // Many members (the patch is looked up by name, not by a walk through a list).
  json big = json::object(), patch = json::object();
  for (int i = 0; i < 300; ++i) big["k" + std::to_string(i)] = i;
  for (int i = 0; i < 300; i += 2) patch["k" + std::to_string(i)] = nullptr;
  patch["new"] = 1;
  json want = big;
  want.merge_patch(patch);  // nlohmann's own merge_patch as the reference
  CHECK(json::parse(merged(big.dump(), patch.dump())) == want);
}

TEST_CASE("basedOn: the worked 2024 patch of 扎兰屯 loads and decides", "[basedOn]") {
  auto files = shipped_files();
  files.push_back(fixture("150783-2024.json"));
  std::vector<jxjy::RuleError> errors;
  auto checker = jxjy::Checker::create(files, errors);
  INFO(dump(errors));
  REQUIRE(checker);

  // regions: the derived rule set beside its base, saying what it is based on, with its own sources.
  json regions = json::parse(checker->regions());
  json sets;
  for (const auto& r : regions)
    if (r["region"] == "150783") sets = r["ruleSets"];
  REQUIRE(sets.size() == 2);
  CHECK(sets[1]["id"] == "150783-2024");
  CHECK(sets[1]["basedOn"] == "150783-2023");
  CHECK(sets[1]["validFrom"] == "2024-03-01");
  REQUIRE(sets[1]["sources"].size() == 2);
  CHECK(sets[1]["sources"][1]["number"] == "扎人社发〔2024〕示例号");
  CHECK_FALSE(sets[0].contains("basedOn"));

  // 2024: public 40 (from the patch, cited to it), total 100; filing removed (null), so the unfiled
  // training class counts; the total's interpretation removed, so no interpretation warning.
  json r = json::parse(checker->evaluate(profile_2024(2024).dump()));
  INFO(r.dump());
  CHECK(r["ruleSet"]["id"] == "150783-2024");
  CHECK(r["status"] == "short");
  CHECK(r["years"][0]["public"]["required"] == 40);
  CHECK(r["years"][0]["total"]["required"] == 100);
  CHECK(r["years"][0]["professional"]["required"] == 60);
  // The training period patched to start on 03-01 and cited to the 2024 notice; it still ends 12-31.
  CHECK(r["shortfall"] == json::parse(R"([{"year":2024,"subject":"public","hours":10,"canComplete":true,
    "deadline":"2024-12-31","source":{"number":"扎人社发〔2024〕示例号","clause":"一（三）"}}])"));
  CHECK(r["records"][1]["counted"] == true);
  CHECK(r["reasons"][0]["source"] == json::parse(R"({"number":"扎人社发〔2023〕45号","clause":"三（一）"})"));
  for (const auto& w : r["warnings"]) CHECK(w["code"] != "interpretation");

  // 2023 still follows the 2023 notice: 30/60/90, the unfiled class is not counted.
  json old = json::parse(checker->evaluate(profile_2024(2023).dump()));
  INFO(old.dump());
  CHECK(old["ruleSet"]["id"] == "150783-2023");
  CHECK(old["years"][0]["public"]["required"] == 30);
  CHECK(old["records"][1]["counted"] == false);
  CHECK(old["records"][1]["reason"]["code"] == "not_filed");
}

TEST_CASE("basedOn: a chain of patches, in any file order", "[basedOn]") {
  auto files = shipped_files();
  // 2025 patches the 2024 patch, and comes before it in the list.
  files.insert(files.begin(), {"150783-2025.json", R"({"basedOn":"150783-2024","id":"150783-2025","validFrom":"2025-03-01",
    "noticeYear":2025,"annual":{"professional":{"hours":70,"source":{"doc":"zl2024","clause":"一（二）"}}}})"});
  files.push_back(fixture("150783-2024.json"));
  std::vector<jxjy::RuleError> errors;
  auto checker = jxjy::Checker::create(files, errors);
  INFO(dump(errors));
  REQUIRE(checker);
  json r = json::parse(checker->evaluate(profile_2024(2025).dump()));
  INFO(r.dump());
  CHECK(r["ruleSet"]["id"] == "150783-2025");
  CHECK(r["years"][0]["public"]["required"] == 40);        // from 2024
  CHECK(r["years"][0]["professional"]["required"] == 70);  // from 2025
  CHECK(r["records"][1]["counted"] == true);               // 2024 removed filing
}

TEST_CASE("basedOn: a cycle, a missing base and bad patches are clear errors", "[basedOn]") {
  auto files = shipped_files();
  auto with = [&](std::vector<jxjy::RuleFile> extra) {
    auto all = files;
    all.insert(all.end(), extra.begin(), extra.end());
    std::vector<jxjy::RuleError> errors;
    CHECK_FALSE(jxjy::Checker::create(all, errors));
    return errors;
  };
  SECTION("a cycle names every file on it") {
    auto errors = with({{"a.json", R"({"basedOn":"b-2024","id":"a-2024"})"}, {"b.json", R"({"basedOn":"a-2024","id":"b-2024"})"}});
    INFO(dump(errors));
    const auto* a = find_error(errors, "a.json", "/basedOn", "based_on_cycle");
    const auto* b = find_error(errors, "b.json", "/basedOn", "based_on_cycle");
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->message.find("a-2024 -> b-2024 -> a-2024") != std::string::npos);
    CHECK(errors.size() == 2);
  }
  SECTION("a rule set based on itself") {
    auto errors = with({{"self.json", R"({"basedOn":"self-2024","id":"self-2024"})"}});
    INFO(dump(errors));
    CHECK(find_error(errors, "self.json", "/basedOn", "based_on_cycle"));
  }
  SECTION("a missing base") {
    auto errors = with({{"x.json", R"({"basedOn":"150783-2019","id":"150783-2020"})"}});
    INFO(dump(errors));
    REQUIRE(errors.size() == 1);
    CHECK(find_error(errors, "x.json", "/basedOn", "unknown_base"));
    CHECK(errors[0].message.find("150783-2019") != std::string::npos);
  }
  SECTION("a patch on a patch that fails fails too, naming its base") {
    auto errors = with({{"x.json", R"({"basedOn":"nowhere","id":"x-2024"})"}, {"y.json", R"({"basedOn":"x-2024","id":"y-2024"})"}});
    INFO(dump(errors));
    CHECK(find_error(errors, "x.json", "/basedOn", "unknown_base"));
    CHECK(find_error(errors, "y.json", "/basedOn", "invalid_base"));
  }
  SECTION("an error in the patch names the derived file and the pointer") {
    auto errors = with({{"150783-2024.json", R"({"basedOn":"150783-2023","id":"150783-2024","validFrom":"2024-03-01",
      "annual":{"public":{"hours":"40"}},"requirments":[]})"}});
    INFO(dump(errors));
    const auto* hours = find_error(errors, "150783-2024.json", "/annual/public/hours", "wrong_type");
    REQUIRE(hours);
    CHECK(hours->message.find("inherited") == std::string::npos);
    CHECK(find_error(errors, "150783-2024.json", "/requirments", "unknown_key"));
  }
  SECTION("a problem that comes from the base says so") {
    // The patch removes the base's sources: every inherited citation now points nowhere.
    auto errors = with({{"p.json", R"({"basedOn":"150783-2023","id":"150783-2024","validFrom":"2024-03-01",
      "sources":{"zl45":null,"zl2024":{"title":"示例"}}})"}});
    INFO(dump(errors));
    const auto* e = find_error(errors, "p.json", "/requirements/0/source/doc", "invalid_value");
    REQUIRE(e);
    CHECK(e->message.find("(inherited from 150783-2023)") != std::string::npos);
  }
  SECTION("basedOn must be a string") {
    auto errors = with({{"p.json", R"({"basedOn":2023,"id":"150783-2024"})"}});
    INFO(dump(errors));
    CHECK(find_error(errors, "p.json", "/basedOn", "wrong_type"));
  }
}

// occasions.share is rule data (rules.schema.json): the same 20-day class over New Year credits
// 2022 and 2023 by days under 新疆's by_days, and all in one year when a notice says start_year or
// end_year. Each patch is a rule set of its own region (乌鲁木齐 650100) so the selection is plain.
TEST_CASE("occasions.share: by_days, start_year and end_year place an occasion's hours", "[basedOn]") {
  const std::string profile = R"({"region":"650100","year":2023,"route":"review","level":"intermediate",
    "currentTitleSince":2021,"training":[{"subject":"professional","activity":"training_class",
    "start":"2022-12-20","end":"2023-01-08","days":20}]})";
  struct Want { const char* share; double y2022, y2023; };
  for (Want w : {Want{"by_days", 54, 36}, Want{"start_year", 90, 0}, Want{"end_year", 0, 90}}) {
    auto files = shipped_files();
    files.push_back({"650100-test.json", std::string(R"({"basedOn":"650000-2022","id":"650100-test","region":"650100",
      "regionName":{"zh":"乌鲁木齐市","en":"Urumqi"},"occasions":{"share":")") + w.share + R"("}})"});
    std::vector<jxjy::RuleError> errors;
    auto checker = jxjy::Checker::create(files, errors);
    INFO(w.share << "\n" << dump(errors));
    REQUIRE(checker);
    json r = json::parse(checker->evaluate(profile));
    REQUIRE(r["ok"] == true);
    CHECK(r["ruleSet"]["id"] == "650100-test");
    const json& rec = r["records"][0];
    CHECK(rec["credited"] == 90);  // 一次最多认定1年的学时 (附件3 第1条) applies to the whole occasion either way
    REQUIRE(rec["years"].size() == 2);
    CHECK(rec["years"][0]["credited"] == w.y2022);
    CHECK(rec["years"][1]["credited"] == w.y2023);
    for (const auto& y : r["years"]) {
      if (y["year"] == 2022) CHECK(y["professional"]["credited"] == w.y2022);
      if (y["year"] == 2023) CHECK(y["professional"]["credited"] == w.y2023);
    }
  }
}

TEST_CASE("occasions.share: a rule set must say it, with one of its words", "[basedOn]") {
  auto files = shipped_files();
  files.push_back({"650100-test.json", R"({"basedOn":"650000-2022","id":"650100-test","region":"650100",
    "regionName":{"zh":"乌鲁木齐市","en":"Urumqi"},"occasions":{"share":"by_weeks"}})"});
  std::vector<jxjy::RuleError> errors;
  CHECK_FALSE(jxjy::Checker::create(files, errors));
  CHECK(find_error(errors, "650100-test.json", "/occasions/share", "invalid_value"));
  files.back().text = R"({"basedOn":"650000-2022","id":"650100-test","region":"650100",
    "regionName":{"zh":"乌鲁木齐市","en":"Urumqi"},"occasions":{"share":null}})";
  errors.clear();
  CHECK_FALSE(jxjy::Checker::create(files, errors));
  CHECK(find_error(errors, "650100-test.json", "/occasions/share", "missing"));
  files.back().text = R"({"basedOn":"650000-2022","id":"650100-test","region":"650100",
    "regionName":{"zh":"乌鲁木齐市","en":"Urumqi"},"occasions":null})";
  errors.clear();
  CHECK_FALSE(jxjy::Checker::create(files, errors));
  CHECK(find_error(errors, "650100-test.json", "/occasions", "missing"));
}
