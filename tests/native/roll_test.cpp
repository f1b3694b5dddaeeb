// The roll reader (core/src/roll/): each accepted form of the spreadsheet gives the profile that
// `evaluate` answers, and each bad input its exact error code, row and column.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>

#include "jxjy/jxjy.h"

namespace {

const jxjy::Checker& checker() {
  static std::unique_ptr<jxjy::Checker> c = [] {
    std::vector<jxjy::RuleError> errors;
    return jxjy::Checker::create(jxjy::builtin_rule_files(), errors);
  }();
  return *c;
}

const std::string kHeaderZh = "姓名,地区,申报年度,申报级别,性别,年龄,年度,科目,形式,数量,单位,会议级别,已备案,备注\r\n";

nlohmann::json profile(const jxjy::RollPerson& p) { return nlohmann::json::parse(p.profile); }

void one_error(const jxjy::Roll& r, size_t row, const std::string& column, const std::string& code) {
  std::vector<jxjy::RollError> all = r.errors;
  for (const auto& p : r.people) all.insert(all.end(), p.errors.begin(), p.errors.end());
  REQUIRE(all.size() == 1);
  CHECK(all[0].code == code);
  CHECK(all[0].row == row);
  CHECK(all[0].column == column);
  CHECK(!all[0].message.empty());
}

}  // namespace

TEST_CASE("roll: Chinese headers and values become the contract's profile") {
  auto r = jxjy::read_roll("\xEF\xBB\xBF" + kHeaderZh +
                           "张三,630000,2023,高级,女,47,2023年,公需,网络课程,30学时,,,是,\r\n"
                           "张三,,,,,,2023,专业,培训班,5,天,国家级,否,\"备注,有逗号\"\r\n"
                           "李四,630000,2023,中级,男,40,2022,专业科目,学术会议,2,天,国家级,是,\r\n");
  REQUIRE(r.errors.empty());
  REQUIRE(r.people.size() == 2);
  CHECK(r.people[0].name == "张三");
  CHECK(r.people[0].rows == std::vector<size_t>{2, 3});
  auto p = profile(r.people[0]);
  CHECK(p == nlohmann::json::parse(R"({"region":"630000","year":2023,"level":"senior","gender":"female","age":47,
    "training":[{"year":2023,"subject":"public","activity":"course","hours":30,"filed":true},
                {"year":2023,"subject":"professional","activity":"training_class","level":"national","days":5,"filed":false,"note":"备注,有逗号"}]})"));
  CHECK(profile(r.people[1])["training"][0]["activity"] == "conference");
  // The roll's profile is answered exactly as the same profile given to evaluate.
  bool ok = false;
  auto direct = nlohmann::json::parse(checker().evaluate(p.dump(), ok));
  CHECK(ok);
  CHECK(direct == nlohmann::json::parse(checker().evaluate(r.people[0].profile)));
}

TEST_CASE("roll: semicolons, LF, English headers and ids, a quoted line break") {
  auto r = jxjy::read_roll("name;region;application year;level;gender;age;year;subject;activity;amount;unit;note\n"
                           "Ann;150783;2023;senior;female;47;2023;public;course;30;hours;\"two\nlines\"\n");
  REQUIRE(r.errors.empty());
  REQUIRE(r.people.size() == 1);
  REQUIRE(r.people[0].errors.empty());
  auto p = profile(r.people[0]);
  CHECK(p["training"][0]["hours"] == 30);
  CHECK(p["training"][0]["note"] == "two\nlines");
  CHECK(p["region"] == "150783");
}

TEST_CASE("roll: a person's fields may be given once, a different value is conflicting_value") {
  auto r = jxjy::read_roll(kHeaderZh + "张三,630000,2023,高级,女,47,2023,公需,课程,30,学时,,,\n"
                                       "张三,630000,2023,中级,,,2023,专业,课程,30,学时,,,\n");
  one_error(r, 3, "申报级别", "conflicting_value");
}

TEST_CASE("roll: each bad input names its code, row and column") {
  const std::string h = kHeaderZh;
  one_error(jxjy::read_roll(h + "张三,630000,2023,高级,女,47,2023,公需,课程,30,斤,,,\n"), 2, "单位", "bad_value");
  one_error(jxjy::read_roll(h + "张三,630000,2023,高级,女,47,2023,公需,课程,30,,,,\n"), 2, "单位", "missing");
  one_error(jxjy::read_roll(h + "张三,630000,2023,高级,女,47,2023,公需,课程,三十,学时,,,\n"), 2, "数量", "bad_value");
  one_error(jxjy::read_roll(h + "张三,630000,2023,高级,女,47,2023,公需,课程,30学时,天,,,\n"), 2, "单位", "conflicting_value");
  one_error(jxjy::read_roll(h + "张三,630000,2023,高级,女,47,二〇二三,公需,课程,30,学时,,,\n"), 2, "年度", "bad_value");
  one_error(jxjy::read_roll(h + "张三,630000,2023,高级,女,47,2023,必修,课程,30,学时,,,\n"), 2, "科目", "bad_value");
  one_error(jxjy::read_roll(h + "张三,630000,2023,高级,女,47,2023,公需,课程,30,学时,,也许,\n"), 2, "已备案", "bad_value");
  one_error(jxjy::read_roll(h + "张三,630000,2023,高级,女,47,2023,公需,,30,学时,,,\n"), 2, "形式", "missing");
  one_error(jxjy::read_roll(h + "张三,630000,2023,高级,女,47,2023,公需,课程,30,学时,省部级,,\n"), 2, "会议级别", "bad_value");
  one_error(jxjy::read_roll(h + "张三,630000,2023,特级,女,47,2023,公需,课程,30,学时,,,\n"), 2, "申报级别", "bad_value");
  one_error(jxjy::read_roll(h + "张三,630000,2023,高级,女,四十,2023,公需,课程,30,学时,,,\n"), 2, "年龄", "bad_value");
  one_error(jxjy::read_roll(h + "\n,630000,2023,高级,女,47,2023,公需,课程,30,学时,,,\n"), 3, "姓名", "missing");
  one_error(jxjy::read_roll(h + "张三,630000,2023,高级,女,47,2023,公需,课程,30,学时,,,\"open\n"), 2, "", "unterminated_quote");
  one_error(jxjy::read_roll("姓名,年度,科目,形式,数量,单位,序号\n"), 1, "序号", "unknown_column");
  one_error(jxjy::read_roll("姓名,年度,科目,形式,数量,单位,人员\n"), 1, "人员", "duplicate_column");
  one_error(jxjy::read_roll("姓名,年度,科目,数量,单位\n"), 1, "形式", "missing_column");
  one_error(jxjy::read_roll("地区,申报年度\n"), 1, "姓名", "missing_column");
  one_error(jxjy::read_roll(""), 0, "", "empty");
  one_error(jxjy::read_roll("\xB0\xA1,x\n"), 0, "", "not_utf8");
  one_error(jxjy::read_roll(std::string(jxjy::kMaxRollBytes + 1, 'x')), 0, "", "too_long");
}

TEST_CASE("roll: English messages with locale en") {
  auto r = jxjy::read_roll("name,year,subject,activity,amount,unit\nAnn,2023,public,course,30,pounds\n", "en");
  REQUIRE(r.people.size() == 1);
  REQUIRE(r.people[0].errors.size() == 1);
  CHECK(r.people[0].errors[0].message.find("unknown unit") != std::string::npos);
}

TEST_CASE("roll: results CSV has one line per person with the engine's verdict") {
  auto r = jxjy::read_roll(kHeaderZh + "张三,630000,2023,高级,女,47,2023,公需,课程,30,学时,,,\n");
  bool all_ok = false;
  std::string csv = jxjy::roll_results_csv(checker(), r, "zh", all_ok);
  CHECK(all_ok);
  auto result = nlohmann::json::parse(checker().evaluate(r.people[0].profile));
  std::string want = result["status"] == "met" ? "达标" : result["status"] == "short" ? "未达标" : "?";
  CHECK(csv.rfind("姓名,行号,结论,适用规则,缺口,能否补足,截止日期,提示,错误\r\n张三,2," + want + "," +
                      result["ruleSet"]["id"].get<std::string>() + ",", 0) == 0);
}
