// Runs every case of tests/cases/ through the C++ core: the same corpus the JS and browser runners use.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "jxjy/jxjy.h"
#include "match.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<fs::path> case_files() {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(JXJY_CASES_DIR))
    if (e.path().extension() == ".json") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

const jxjy::Checker& shipped_checker() {
  static std::unique_ptr<jxjy::Checker> checker = [] {
    std::vector<jxjy::RuleError> errors;
    auto c = jxjy::Checker::create(jxjy::builtin_rule_files(), errors);
    REQUIRE(errors.empty());
    return c;
  }();
  return *checker;
}

// The engine's input of every case: `raw` text as it is, else the profile as JSON.
std::vector<std::string> corpus_inputs() {
  std::vector<std::string> out;
  for (const auto& file : case_files()) {
    json cases = json::parse(slurp(file), nullptr, false);
    if (!cases.is_array()) continue;
    for (const auto& c : cases) out.push_back(c.contains("raw") ? c["raw"].get<std::string>() : c["profile"].dump());
  }
  return out;
}

TEST_CASE("case corpus", "[cases]") {
  const auto& checker = shipped_checker();
  auto files = case_files();
  REQUIRE(files.size() >= 10);
  size_t total = 0;
  for (const auto& file : files) {
    json cases = json::parse(slurp(file), nullptr, false);
    REQUIRE_FALSE(cases.is_discarded());
    REQUIRE(cases.is_array());
    for (const auto& c : cases) {
      std::string name = fs::relative(file, JXJY_CASES_DIR).string() + " :: " + c.value("name", "?");
      DYNAMIC_SECTION(name) {
        INFO("clause: " << c.value("clause", ""));
        REQUIRE(c.contains("clause"));
        REQUIRE(c.contains("expect"));
        std::string input = c.contains("raw") ? c["raw"].get<std::string>() : c["profile"].dump();
        json result = json::parse(checker.evaluate(input), nullptr, false);
        REQUIRE_FALSE(result.is_discarded());
        auto mismatches = jxjy_test::match_expect(c["expect"], result);
        std::string report;
        for (const auto& m : mismatches) report += m + "\n";
        INFO(report);
        CHECK(mismatches.empty());
      }
      ++total;
    }
  }
  CHECK(total >= 75);
}
