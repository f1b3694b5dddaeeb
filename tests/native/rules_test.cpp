// Rule files: the shipped ones load; broken ones are refused with the file and the exact pointer.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "jxjy/jxjy.h"

using nlohmann::json;

namespace {

json shipped(const std::string& name) {
  for (const auto& f : jxjy::builtin_rule_files())
    if (f.name == name) return json::parse(f.text);
  FAIL("no built-in rule file " << name);
  return {};
}

std::vector<jxjy::RuleError> load(const json& rules, const std::string& name = "broken.json") {
  std::vector<jxjy::RuleError> errors;
  auto c = jxjy::Checker::create({{name, rules.dump()}}, errors);
  CHECK((c == nullptr) == !errors.empty());
  return errors;
}

bool has_error(const std::vector<jxjy::RuleError>& errors, const std::string& path) {
  for (const auto& e : errors)
    if (e.file == "broken.json" && e.path == path) return true;
  return false;
}

std::string dump(const std::vector<jxjy::RuleError>& errors) {
  std::string s;
  for (const auto& e : errors) s += e.file + " " + e.path + " " + e.code + " " + e.message + "\n";
  return s;
}

}  // namespace

// The rule folder itself, not a list kept here: a new notice is checked without a test change.
std::vector<std::string> rule_file_names() {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(JXJY_RULES_DIR)) {
    std::string name = e.path().filename().string();
    if (e.path().extension() == ".json" && name.find(".schema.") == std::string::npos) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST_CASE("every shipped rule set is built in, loads, and is in the region catalogue", "[rules]") {
  std::vector<jxjy::RuleError> errors;
  auto files = jxjy::builtin_rule_files();
  std::vector<std::string> built_in;
  for (const auto& f : files) built_in.push_back(f.name);
  std::sort(built_in.begin(), built_in.end());
  REQUIRE_FALSE(built_in.empty());
  CHECK(built_in == rule_file_names());
  auto c = jxjy::Checker::create(files, errors);
  INFO(dump(errors));
  REQUIRE(c);
  json regions = json::parse(c->regions());
  std::set<std::string> listed, wanted;
  for (const auto& r : regions)
    for (const auto& s : r["ruleSets"]) listed.insert(r["region"].get<std::string>() + " " + s["id"].get<std::string>());
  for (const auto& f : files) {
    json rs = json::parse(f.text);
    wanted.insert(rs["region"].get<std::string>() + " " + rs["id"].get<std::string>());
    // Each region has its own folder of cases.
    std::string region = rs["region"];
    CHECK(std::filesystem::is_directory(std::filesystem::path(JXJY_CASES_DIR) / region));
  }
  CHECK(listed == wanted);
}

TEST_CASE("a rule without its document and clause is refused", "[rules]") {
  json base = shipped("150783-2023.json");
  struct Case {
    const char* what;
    json::json_pointer where;
    bool erase;
    json value;
    const char* path;
  };
  const std::vector<Case> cases = {
      {"requirement without source", json::json_pointer("/requirements/0/source"), true, nullptr, "/requirements/0/source"},
      {"adjustment without clause", json::json_pointer("/adjustments/1/source/clause"), true, nullptr,
       "/adjustments/1/source/clause"},
      {"empty clause", json::json_pointer("/annual/public/source/clause"), false, "", "/annual/public/source/clause"},
      {"unknown document", json::json_pointer("/activities/course/source/doc"), false, "nope", "/activities/course/source/doc"},
      {"activity missing", json::json_pointer("/activities/teaching"), true, nullptr, "/activities/teaching"},
      {"unknown unit", json::json_pointer("/activities/course/convert/weeks"), false, json{{"rate", 1}},
       "/activities/course/convert/weeks"},
      {"negative hours", json::json_pointer("/annual/professional/hours"), false, -5, "/annual/professional/hours"},
      {"bad window", json::json_pointer("/requirements/0/window"), false, json{{"last", 3}, {"since", 2019}},
       "/requirements/0/window"},
      {"unknown effect", json::json_pointer("/adjustments/0/effect"), false, "vanish", "/adjustments/0/effect"},
      {"bad region", json::json_pointer("/region"), false, "15078", "/region"},
      {"date that does not exist", json::json_pointer("/validFrom"), false, "2023-02-30", "/validFrom"},
      {"misspelt field", json::json_pointer("/requirements/0/levle"), false, json::array({"senior"}),
       "/requirements/0/levle"},
      {"uncovered route", json::json_pointer("/requirements/5"), true, nullptr, "/requirements"},
  };
  for (const auto& c : cases) {
    DYNAMIC_SECTION(c.what) {
      json broken = base;
      if (c.erase) {
        auto parent = c.where.parent_pointer();
        std::string key = c.where.back();
        if (broken[parent].is_array()) broken[parent].erase(std::stoul(key));
        else broken[parent].erase(key);
      } else {
        broken[c.where] = c.value;
      }
      auto errors = load(broken);
      INFO(dump(errors));
      CHECK(has_error(errors, c.path));
    }
  }
}

TEST_CASE("every problem of a rule file is reported at once", "[rules]") {
  json broken = shipped("630000-2023.json");
  broken["requirements"][0].erase("source");
  broken["activities"].erase("other");
  broken["annual"]["total"]["hours"] = "135";
  auto errors = load(broken);
  INFO(dump(errors));
  CHECK(has_error(errors, "/requirements/0/source"));
  CHECK(has_error(errors, "/activities/other"));
  CHECK(has_error(errors, "/annual/total/hours"));
}

TEST_CASE("malformed rule text and duplicate ids are refused", "[rules]") {
  std::vector<jxjy::RuleError> errors;
  CHECK_FALSE(jxjy::Checker::create({{"bad.json", "{\"id\": "}}, errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].file == "bad.json");
  CHECK(errors[0].code == "invalid_json");
  errors.clear();
  std::string text = shipped("410100-2023.json").dump();
  CHECK_FALSE(jxjy::Checker::create({{"a.json", text}, {"b.json", text}}, errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].file == "b.json");
  CHECK(errors[0].path == "/id");
}

// The loader writes a problem's pointer only when it reports one (rules/load.cpp's Path): every depth and
// kind of part (a literal, a member's key, an array index), with the keys escaped as RFC 6901 says.
TEST_CASE("a rule file's problems point at the exact member, keys escaped (~0, ~1)", "[rules]") {
  json r = shipped("410100-2023.json");
  r["a/b~c"] = 1;
  r["sources"]["x/y"] = {{"title", 5}};
  r["requirements"][0]["window"]["od~d"] = 1;
  r["adjustments"][0]["when"]["ne/w"] = true;
  r["activities"]["course"]["convert"]["hou~rs"] = {{"rate", 1}};
  r["deadlines"]["notes"] = json::array({{{"date", "2023-13-01"}, {"text", {{"zh", "z"}, {"en", "e"}}}}});
  const auto errors = load(r);
  INFO(dump(errors));
  CHECK(has_error(errors, "/a~1b~0c"));
  CHECK(has_error(errors, "/sources/x~1y/title"));
  CHECK(has_error(errors, "/requirements/0/window/od~0d"));
  CHECK(has_error(errors, "/adjustments/0/when/ne~1w"));
  CHECK(has_error(errors, "/activities/course/convert/hou~0rs"));
  CHECK(has_error(errors, "/deadlines/notes/0/date"));
  CHECK(has_error(errors, "/deadlines/notes/0/source"));
}
