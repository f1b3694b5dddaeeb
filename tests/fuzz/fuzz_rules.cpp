// libFuzzer target: arbitrary rule-set text -> Checker::create. A rejected file must come with at
// least one error naming the file; a file that loads must answer a few fixed profiles (in its own
// region, each route and level) and the region catalogue with valid JSON, never crashing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "check_result.h"
#include "jxjy/jxjy.h"

namespace {

std::string profile(const std::string& region, int year, const char* route, const char* level, const char* extra) {
  return std::string("{\"region\":\"") + region + "\",\"year\":" + std::to_string(year) + ",\"route\":\"" + route +
         "\",\"level\":\"" + level + "\",\"gender\":\"female\",\"age\":52,\"education\":\"bachelor\"," + extra +
         "\"training\":["
         "{\"year\":" + std::to_string(year) + ",\"subject\":\"public\",\"activity\":\"course\",\"hours\":30},"
         "{\"year\":" + std::to_string(year - 1) + ",\"subject\":\"professional\",\"activity\":\"training_class\",\"days\":5},"
         "{\"year\":" + std::to_string(year - 2) + ",\"subject\":\"professional\",\"activity\":\"conference\",\"level\":\"national\",\"days\":2},"
         "{\"year\":" + std::to_string(year) + ",\"subject\":\"professional\",\"activity\":\"qualification_exam\",\"subjects\":2},"
         "{\"year\":" + std::to_string(year - 1) + ",\"subject\":\"professional\",\"activity\":\"degree_study\",\"months\":12,\"filed\":false},"
         "{\"year\":" + std::to_string(year) + ",\"subject\":\"public\",\"activity\":\"fa_xuan_online\",\"minutes\":600}]}";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<jxjy::RuleFile> files{{"fuzz.json", std::string(reinterpret_cast<const char*>(data), size)}};
  std::vector<jxjy::RuleError> errors;
  auto checker = jxjy::Checker::create(files, errors);
  if (!checker) {
    if (errors.empty()) jxjy_fuzz::fail("create failed without errors", files[0].text);
    for (const auto& e : errors)
      if (e.code.empty() || e.message.empty()) jxjy_fuzz::fail("rule error without code or message", files[0].text);
    return 0;
  }
  if (!errors.empty()) jxjy_fuzz::fail("create succeeded but reported errors", files[0].text);

  // The region and year the file declares, so the profiles reach its rules.
  nlohmann::json rs = nlohmann::json::parse(files[0].text, nullptr, false);
  std::string region = "150783";
  int year = 2023;
  if (rs.is_object()) {
    if (rs.contains("region") && rs["region"].is_string()) region = rs["region"].get<std::string>();
    if (rs.contains("noticeYear") && rs["noticeYear"].is_number_integer()) {
      long y = rs["noticeYear"].get<long>();
      if (y >= 1992 && y <= 2100) year = int(y);
    }
  }
  std::string catalogue = checker->regions();
  nlohmann::json cat = nlohmann::json::parse(catalogue, nullptr, false);
  if (cat.is_discarded() || !cat.is_array() || cat.empty()) jxjy_fuzz::fail("bad region catalogue", catalogue);

  static const char* const kRoutes[] = {"review", "recognition", "appointment"};
  static const char* const kLevels[] = {"junior", "intermediate", "senior"};
  static const char* const kExtras[] = {
      "",
      "\"grassroots\":true,\"sector\":\"non_public\",\"currentTitleSince\":2015,",
      "\"circumstances\":[{\"kind\":\"postdoc\"},{\"kind\":\"fanghuiju\"},{\"kind\":\"high_skill_leader\"}],",
      "\"circumstances\":[{\"kind\":\"epidemic_frontline\",\"years\":[2020,2021,2022]},"
      "{\"kind\":\"exceptional\",\"yearsInPost\":3},{\"kind\":\"village_first_secretary\",\"fullYears\":2},"
      "{\"kind\":\"transferred_from_government\",\"year\":2021}],\"locale\":\"en\","};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) {
      std::string p = profile(region, year, kRoutes[i], kLevels[j], kExtras[(i + j) % 4]);
      bool ok = false;
      std::string out = checker->evaluate(p, ok);
      jxjy_fuzz::check_result(out, ok);
    }
  return 0;
}
