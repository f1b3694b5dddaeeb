// The roll reader (core/src/roll/): each accepted form of the spreadsheet gives the profile that
// `evaluate` answers, and each bad input its exact error code, row and column.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>

#include "jxjy/jxjy.h"
#include "roll/csv.h"

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
  // the detail is the message's own words, without the place it starts with (views show row and column)
  CHECK(!all[0].detail.empty());
  CHECK(all[0].message.size() >= all[0].detail.size());
  CHECK(all[0].message.compare(all[0].message.size() - all[0].detail.size(), std::string::npos, all[0].detail) == 0);
  if (all[0].row >= 2 && !all[0].column.empty() && all[0].code != "missing_column")
    CHECK(all[0].detail.find("第 " + std::to_string(all[0].row) + " 行") == std::string::npos);
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
  CHECK(p == nlohmann::json::parse(R"({"region":"630000","year":2023,"route":"review","level":"senior","gender":"female","age":47,
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

TEST_CASE("roll: a cell's error says its place once, and its detail says only what is wrong") {
  // README "Roll": "第 2 行「数量」：不是数量：三十" — the detail is "不是数量：三十"
  auto r = jxjy::read_roll(kHeaderZh + "张三,630000,2023,高级,女,47,2023,公需,课程,三十,学时,,,\n");
  REQUIRE(r.people.size() == 1);
  REQUIRE(r.people[0].errors.size() == 1);
  const auto& e = r.people[0].errors[0];
  CHECK(e.message == "第 2 行「数量」：" + e.detail);
  CHECK(e.detail.rfind("不是数量", 0) == 0);
  // a whole-file error has no place to leave out: its detail is its message
  auto f = jxjy::read_roll("");
  REQUIRE(f.errors.size() == 1);
  CHECK(f.errors[0].detail == f.errors[0].message);
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
  // a number too large for any year or age (its cast was undefined behaviour, found by fuzz_roll)
  one_error(jxjy::read_roll(h + "张三,630000,2023,高级,女,1" + std::string(106, '1') + ",2023,公需,课程,30,学时,,,\n"), 2, "年龄", "bad_value");
  one_error(jxjy::read_roll(h + "张三,630000,2023,高级,女,47," + std::string(400, '9') + ",公需,课程,30,学时,,,\n"), 2, "年度", "bad_value");
  one_error(jxjy::read_roll(h + "\n,630000,2023,高级,女,47,2023,公需,课程,30,学时,,,\n"), 3, "姓名", "missing");
  one_error(jxjy::read_roll(h + "张三,630000,2023,高级,女,47,2023,公需,课程,30,学时,,,\"open\n"), 2, "", "unterminated_quote");
  // a unit needed where the file has no 单位 column, a year where it has only dates: named by the column's word
  one_error(jxjy::read_roll("姓名,地区,年度,科目,形式,数量\n张三,630000,2023,公需,课程,30\n"), 2, "单位", "missing");
  one_error(jxjy::read_roll("name;year;subject;activity;amount;unit\nAnn;2024;public;course;30;hours;yes\n", "en"), 2, "", "unknown_column");
  one_error(jxjy::read_roll("name;year;subject;activity;amount\nAnn;2024;public;course;30\n", "en"), 2, "unit", "missing");
  one_error(jxjy::read_roll("姓名,科目,形式,数量,单位,开始日期,结束日期\n张三,公需,课程,30,学时,2023-01-02,\n"), 2, "年度", "missing");
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

namespace {
// The cells of one CSV line (no quoted commas in these tests' cells except where parsed by hand).
std::vector<std::string> cells_of(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '"') {
      if (quoted && i + 1 < line.size() && line[i + 1] == '"') out.back() += line[++i];
      else quoted = !quoted;
    } else if (c == ',' && !quoted) {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}
std::vector<std::string> line_of(const std::string& csv, size_t n) {  // n = 0: the header
  size_t at = 0;
  for (size_t i = 0; i < n; ++i) at = csv.find("\r\n", at) + 2;
  return cells_of(csv.substr(at, csv.find("\r\n", at) - at));
}
}  // namespace

// The CSV is written from each person's Result; this holds it to the JSON result of the same profile
// (shortfall years, subjects and hours, the earliest deadline, can-complete, every warning's text).
TEST_CASE("roll: results CSV says the JSON result's shortfall, deadline and warnings (青海 2025, 二（一）)") {
  // an ID column (工号) makes 王五's rows 2 and 4 one person
  auto r = jxjy::read_roll("工号," + kHeaderZh +
                           "A01,王五,630000,2025,中级,男,40,2024,公需,课程,10,学时,,,\r\n"
                           "A02,张三,630000,2025,高级,女,47,2024,公需,课程,30,学时,,,\r\n"
                           "A01,王五,,,,,,2023,专业,课程,12,学时,,,\r\n");
  REQUIRE(r.people.size() == 2);
  for (const char* loc : {"zh", "en"}) {
    bool all_ok = false;
    std::string csv = jxjy::roll_results_csv(checker(), r, loc, all_ok);
    CHECK(all_ok);
    const bool en = std::string(loc) == "en";
    auto line = line_of(csv, 1);
    REQUIRE(line.size() == 9);
    CHECK(line[0] == "王五");
    CHECK(line[1] == (en ? "2, 4" : "2、4"));  // the person's rows are not next to each other
    nlohmann::json p = profile(r.people[0]);
    if (en) p["locale"] = "en";
    auto result = nlohmann::json::parse(checker().evaluate(p.dump()));
    REQUIRE(result["status"] == "short");
    CHECK(line[2] == (en ? "short" : "未达标"));
    CHECK(line[3] == result["ruleSet"]["id"]);
    std::string shortfall, deadline;
    bool can = true;
    for (const auto& s : result["shortfall"]) {
      char hours[32];
      std::snprintf(hours, sizeof hours, "%g", s["hours"].get<double>());
      const std::string id = s["subject"];
      std::string subject = id == "public" ? (en ? "public" : "公需科目")
                            : id == "professional" ? (en ? "professional" : "专业科目") : (en ? "either subject" : "任意科目");
      if (!shortfall.empty()) shortfall += en ? "; " : "；";
      shortfall += std::to_string(s["year"].get<int>()) + " " + subject + " " + hours + (en ? " hours" : " 学时");
      can = can && s.value("canComplete", true);
      if (s.contains("deadline") && s["deadline"].is_string() && (deadline.empty() || s["deadline"] < deadline))
        deadline = s["deadline"];
    }
    CHECK(!shortfall.empty());
    CHECK(line[4] == shortfall);
    CHECK(line[5] == (can ? (en ? "yes" : "是") : (en ? "no" : "否")));
    CHECK(line[6] == deadline);
    std::string warnings;
    for (const auto& w : result["warnings"]) (warnings += warnings.empty() ? "" : (en ? "; " : "；")) += w["message"].get<std::string>();
    CHECK(line[7] == warnings);
    CHECK(line[8].empty());
  }
}

TEST_CASE("roll: an input problem the engine finds is said by row and column, not by JSON Pointer") {
  // A conference without its level (the engine asks for it at /training/0/level) and an uncovered region.
  auto r = jxjy::read_roll(kHeaderZh +
                           "张三,650000,2025,高级,女,47,2024,专业,学术会议,2,天,,,\r\n"
                           "李四,110000,2025,高级,女,47,2024,专业,课程,2,学时,,,\r\n");
  REQUIRE(r.people.size() == 2);
  bool all_ok = true;
  std::string csv = jxjy::roll_results_csv(checker(), r, "zh", all_ok);
  CHECK(!all_ok);
  auto zhang = line_of(csv, 1), li = line_of(csv, 2);
  CHECK(zhang[2] == "请修正输入");
  CHECK(zhang[8].rfind("第 2 行「会议级别」：", 0) == 0);
  CHECK(zhang[8].find("/training") == std::string::npos);
  CHECK(li[2] == "请修正输入");
  CHECK(li[8].rfind("「地区」：", 0) == 0);
  csv = jxjy::roll_results_csv(checker(), jxjy::read_roll(kHeaderZh + "张三,650000,2025,高级,女,47,2024,专业,学术会议,2,天,,,\r\n", "en"), "en", all_ok);
  CHECK(line_of(csv, 1)[8].rfind("row 2, conference level: ", 0) == 0);
}

TEST_CASE("roll: roll_place maps an error's JSON Pointer to the record's row and the rollColumn whose path is its field") {
  const std::vector<size_t> rows = {5, 7, 9};  // training[0..2] on rows 5, 7 and 9
  struct Want {
    std::string_view path;
    size_t row;
    std::string_view column;
  };
  const Want wants[] = {
      // a record's field: its row; the column whose path is /training/-/<field> ({unit}: any unit is 数量)
      {"/training/2/hours", 9, "amount"}, {"/training/0/days", 5, "amount"}, {"/training/1/level", 7, "confLevel"},
      {"/training/1/end", 7, "end"}, {"/training/2", 9, ""},
      // a person's field: no row (it may stand on any of the person's rows), the column of /<field>
      {"/route", 0, "route"}, {"/year", 0, "applicationYear"}, {"/level", 0, "level"},
      // the whole profile or a field no column holds: no row, no column; a record past the rows or no
      // index: no row
      {"", 0, ""}, {"/circumstances/0", 0, ""}, {"/training/3/hours", 0, "amount"},
      {"/training/x/hours", 0, "amount"}, {"/training/99999999999999999999/hours", 0, "amount"}};
  for (const auto& w : wants) {
    INFO(w.path);
    jxjy::RollPlace at = jxjy::roll_place(w.path, rows);
    CHECK(at.row == w.row);
    CHECK(at.column == w.column);
  }
  CHECK(jxjy::roll_place("/training/0/level", {}).row == 0);
}

TEST_CASE("roll: messages list the accepted words, not ids") {
  auto r = jxjy::read_roll(kHeaderZh + "张三,630000,2023,高级,女,47,2023,必修,课程,30,斤,,也许,\n");
  REQUIRE(r.people.size() == 1);
  REQUIRE(r.people[0].errors.size() == 3);
  CHECK(r.people[0].errors[0].message == "第 2 行「科目」：不认识的值：必修（可填：公需科目、专业科目）");
  CHECK(r.people[0].errors[1].message.find("不认识的单位：斤（可填：学时、") != std::string::npos);
  CHECK(r.people[0].errors[2].message == "第 2 行「已备案」：应填是或否：也许");
  for (const auto& e : r.people[0].errors)
    for (char c : e.message) CHECK(!(c >= 'a' && c <= 'z'));
}

TEST_CASE("roll: a record without an amount is the engine's to judge (新疆 学历教育 附件3 第2条: a fixed credit per year of study)") {
  auto r = jxjy::read_roll("姓名,地区,申报年度,申报途径,申报级别,性别,年龄,任现职年份,年度,科目,形式,数量,单位\r\n"
                           "张三,650000,2025,评审,高级,女,47,2020,2023,专业,学历教育,,\r\n"
                           "李四,650000,2025,评审,高级,女,47,2020,2023,专业,课程,,\r\n"
                           "王五,650000,2025,评审,高级,女,47,2020,2023,专业,课程,,学时\r\n");
  REQUIRE(r.people.size() == 3);
  CHECK(r.people[0].errors.empty());
  auto zhang = profile(r.people[0]);
  CHECK(zhang["route"] == "review");  // 评审: an "also" word of 职称评审
  CHECK(zhang["training"][0] == nlohmann::json::parse(R"({"year":2023,"subject":"professional","activity":"degree_study","filed":null})"));
  auto result = nlohmann::json::parse(checker().evaluate(r.people[0].profile));
  REQUIRE(result["ok"] == true);
  CHECK(result["records"][0]["credited"] == 60);
  // a course without an amount: the engine's missing_amount, said at its row
  bool all_ok = true;
  std::string csv = jxjy::roll_results_csv(checker(), r, "zh", all_ok);
  CHECK(!all_ok);
  auto li = line_of(csv, 2);
  CHECK(li[2] == "请修正输入");
  CHECK(li[8].rfind("第 3 行：", 0) == 0);
  // a unit without an amount is the reader's own error
  REQUIRE(r.people[2].errors.size() == 1);
  CHECK(r.people[2].errors[0].code == "missing");
  CHECK(r.people[2].errors[0].column == "数量");
}

TEST_CASE("CSV cells: the formula guard holds after leading blanks, CR and LF; control characters are never written", "[roll]") {
  auto cell = [](std::string_view v) {
    std::string out;
    jxjy::csv::write_cell(out, v);
    return out;
  };
  for (std::string lead : {"", "\r", "\n", "\r\n", "\t", "  ", " \t\r\n"})
    for (char op : {'=', '+', '-', '@'}) {
      std::string v = lead + op + "HYPERLINK(\"x\")";
      INFO(v);
      std::string quoted;
      for (char c : v) (c == '"' ? quoted += "\"\"" : quoted += c);
      CHECK(cell(v) == "\"'" + quoted + "\"");
    }
  CHECK(cell("-2.5") == "-2.5");
  CHECK(cell("30") == "30");
  CHECK(cell("\tx") == "\"'\tx\"");
  CHECK(cell("a,b") == "\"a,b\"");
  CHECK(cell(std::string("a\0b\x1b\x7f", 6)) == "ab");
  CHECK(cell(std::string("\0=1+1", 5)) == "\"'=1+1\"");
  CHECK(cell("张三") == "张三");
}

TEST_CASE("a name with a control character is refused at its row, never copied", "[roll]") {
  const std::string header = "姓名,地区,申报年度,申报级别,性别,年龄,年度,科目,形式,数量,单位\r\n";
  for (std::string bad : {std::string("张\0三", 7), std::string("张\x1b三"), std::string("\"\r=x\"")}) {
    auto roll = jxjy::read_roll(header + bad + ",630000,2023,高级,女,47,2023,公需,网络课程,30,学时\r\n");
    INFO(bad);
    CHECK(roll.people.empty());
    REQUIRE(roll.errors.size() == 1);
    CHECK(roll.errors[0].code == "bad_value");
    CHECK(roll.errors[0].row == 2);
    CHECK(roll.errors[0].message.find("控制字符") != std::string::npos);
  }
}

// Issue #26 item 4: namesakes are two people. Two 张伟 on rows 2 and 4 (separate blocks, notes naming
// different departments), one with only public hours, one with only professional: never one 张伟 达标.
TEST_CASE("roll: the same name in separate blocks of rows is two people, flagged; an ID column is the person", "[roll]") {
  const std::string rows =
      "张伟,150783,2023,初级,男,30,2023,公需,网络课程,30,学时,,是,内科\r\n"
      "李娜,150783,2023,初级,女,31,2023,公需,网络课程,30,学时,,是,\r\n"
      "张伟,150783,2023,初级,男,30,2023,专业,培训班,60,学时,,是,财务科\r\n";
  for (const char* loc : {"zh", "en"}) {
    auto r = jxjy::read_roll(kHeaderZh + rows, loc);
    REQUIRE(r.errors.empty());
    REQUIRE(r.people.size() == 3);
    CHECK(r.people[0].name == "张伟");
    CHECK(r.people[2].name == "张伟");
    CHECK(r.people[0].all_rows == std::vector<size_t>{2});
    CHECK(r.people[2].all_rows == std::vector<size_t>{4});
    for (size_t i : {size_t(0), size_t(2)}) {
      REQUIRE(r.people[i].warnings.size() == 1);
      CHECK(r.people[i].warnings[0].code == "same_name");
      CHECK(r.people[i].warnings[0].message ==
            (std::string(loc) == "en" ? "rows 2 and 4 have the same name: one person? They are checked as two people; if they "
                                        "are one, put their rows together or add an ID column (身份证号, 工号 or 人员编号)"
                                      : "第2行与第4行同名，是否同一人？两处按两人分别核查；若是同一人，请把其记录放在相邻的行，或加一列身份证号（工号、人员编号）"));
    }
    CHECK(r.people[1].warnings.empty());
    bool all_ok = false;
    std::string csv = jxjy::roll_results_csv(checker(), r, loc, all_ok);
    auto first = line_of(csv, 1), third = line_of(csv, 3);
    const std::string short_word = std::string(loc) == "en" ? "short" : "未达标";
    CHECK(first[2] == short_word);  // only public hours
    CHECK(third[2] == short_word);  // only professional hours
    CHECK(first[7].find(r.people[0].warnings[0].message) == 0);
  }
  // adjacent rows of one name stay one person, without a flag
  auto adjacent = jxjy::read_roll(kHeaderZh + rows.substr(0, rows.find("李娜")) + rows.substr(rows.rfind("张伟")));
  REQUIRE(adjacent.people.size() == 1);
  CHECK(adjacent.people[0].warnings.empty());
  // an ID column decides: different IDs are two people (no flag), one ID is one person wherever its rows are
  for (const char* word : {"身份证号", "工号", "人员编号"}) {
    auto two = jxjy::read_roll(std::string(word) + "," + kHeaderZh + "1," + rows.substr(0, rows.find("李娜")) + "2," +
                               rows.substr(rows.find("李娜"), rows.rfind("张伟") - rows.find("李娜")) + "3," + rows.substr(rows.rfind("张伟")));
    INFO(word);
    REQUIRE(two.errors.empty());
    REQUIRE(two.people.size() == 3);
    CHECK(two.people[0].warnings.empty());
    auto one = jxjy::read_roll(std::string(word) + "," + kHeaderZh + "1," + rows.substr(0, rows.find("李娜")) + "2," +
                               rows.substr(rows.find("李娜"), rows.rfind("张伟") - rows.find("李娜")) + "1," + rows.substr(rows.rfind("张伟")));
    REQUIRE(one.people.size() == 2);
    CHECK(one.people[0].all_rows == std::vector<size_t>{2, 4});
    CHECK(one.people[0].warnings.empty());
    CHECK(one.people[0].errors.empty());
    bool all_ok = false;
    CHECK(line_of(jxjy::roll_results_csv(checker(), one, "zh", all_ok), 1)[2] == "达标");
  }
}

// Issue #27 item 1: a roll as offices write it. A title row above the header, columns jxjy does not use,
// headers that are like a column's words, a name written once for the rows under it (merged cells),
// values as people type them (full-width digits, "45学时", 公需课, 网络培训, 面授), region names.
namespace {
const std::vector<std::pair<std::string, std::string>> kCatalogue = {
    {"110000", "北京市"}, {"110105", "朝阳区"}, {"220000", "吉林省"}, {"220100", "长春市"}, {"220104", "朝阳区"},
    {"410000", "河南省"}, {"410100", "郑州市"}, {"410105", "金水区"}, {"630000", "青海省"}, {"630100", "西宁市"}};
const std::string kOffice =
    "2023年专业技术人员继续教育培训花名册,,,,,,,,,,\r\n"
    ",,,,,,,,,,\r\n"
    "序号,姓名,工作单位,地区,申报年度,申报级别,公需课/专业课,培训形式,培训学时,是否备案,联系电话\r\n"
    "1,张三,某医院,西宁市,2024,高级,公需课,网络培训,３０,是,13800000000\r\n"
    ",,,,,,专业课,面授,45学时,是,\r\n"
    ",,,,,,专业课,培训班,３天,是,\r\n"
    "2,李四,某学校,郑州市金水区,2024,中级,公需课,网络培训,30,是,\r\n";
std::vector<std::string> codes(const std::vector<jxjy::RollError>& list) {
  std::vector<std::string> out;
  for (const auto& e : list) out.push_back(e.code);
  return out;
}
}  // namespace

TEST_CASE("roll: a roster as offices write it reads on the first try (issue 27)", "[roll]") {
  jxjy::RollOptions o;
  o.regions = kCatalogue;
  auto r = jxjy::read_roll(kOffice, o);
  REQUIRE(r.errors.empty());
  CHECK(r.header_row == 3);
  CHECK(r.title == "2023年专业技术人员继续教育培训花名册");
  REQUIRE(r.people.size() == 2);
  CHECK(r.people[0].name == "张三");
  CHECK(r.people[0].all_rows == std::vector<size_t>{4, 5, 6});
  CHECK(r.people[0].errors.empty());
  CHECK(profile(r.people[0]) == nlohmann::json::parse(R"({"region":"630100","year":2024,"route":"review","level":"senior",
    "training":[{"year":2023,"subject":"public","activity":"course","hours":30,"filed":true},
                {"year":2023,"subject":"professional","activity":"training_class","hours":45,"filed":true},
                {"year":2023,"subject":"professional","activity":"training_class","days":3,"filed":true}]})"));
  CHECK(profile(r.people[1])["region"] == "410105");
  // what the reader assumed, said once each, in the order it read them
  CHECK(codes(r.notes) == std::vector<std::string>{"column_guessed", "column_guessed", "column_guessed", "column_guessed",
                                                   "unused_columns", "year_from_title", "filled_down", "route_assumed"});
  CHECK(r.notes[0].message == "「公需课/专业课」按「科目」读取");
  CHECK(r.notes[2].message == "「培训学时」按「数量」读取，未写单位的按学时计");
  CHECK(r.notes[3].message == "「是否备案」按「已备案」读取");
  CHECK(r.notes[4].message == "未用到的列（核查不需要，已略过）：序号、工作单位、联系电话");
  CHECK(r.notes[5].message == "表中没有「年度」列：记录按标题中的2023年计");
  CHECK(r.notes[6].message == "第5–6行（共2行）未写姓名，按上方最近的姓名计（合并单元格或留空）");
  CHECK(r.notes[7].message == "未给出申报途径，按职称评审核查");
  // the columns as read, for the page's mapping step
  REQUIRE(r.columns.size() == 11);
  CHECK(r.columns[0].column == "");
  CHECK(r.columns[1].column == "person");
  CHECK(!r.columns[1].guessed);
  CHECK(r.columns[8].column == "amount");
  CHECK(r.columns[8].guessed);
  CHECK(r.columns[8].unit == "hours");
  // English notes
  o.locale = "en";
  auto en = jxjy::read_roll(kOffice, o);
  CHECK(en.notes[3].message == "\"是否备案\" read as \"filed\"");
  CHECK(en.notes[6].message == "rows 5-6 (2 rows) give no name: each is taken as the person named above it (merged or blank cells)");
}

TEST_CASE("roll: the clerk's mapping decides over the reader's guess (options.columns)", "[roll]") {
  jxjy::RollOptions o;
  o.regions = kCatalogue;
  // 课时 is like no column: not used until the clerk names it; 培训形式 guessed, the clerk says not used
  const std::string csv = "姓名,地区,申报年度,申报级别,年度,科目,培训形式,课时\r\n张三,630000,2024,高级,2023,公需,网络培训,30\r\n";
  auto before = jxjy::read_roll(csv, o);
  CHECK(codes(before.notes) == std::vector<std::string>{"column_guessed", "unused_columns"});  // (no rows read)
  REQUIRE(before.errors.size() == 1);  // 数量 missing: 课时 is not used
  o.columns = {{"课时", "amount"}, {"培训形式", "activity"}};
  auto after = jxjy::read_roll(csv, o);
  REQUIRE(after.errors.empty());
  // chosen, not guessed: nothing to say of the columns; the file gives no route and no 已备案
  CHECK(codes(after.notes) == std::vector<std::string>{"route_assumed", "filing_not_given"});
  REQUIRE(after.people.size() == 1);
  // 30 without a unit: the header names it (课时 is a word of the unit hours in the vocabulary)
  CHECK(after.people[0].errors.empty());
  CHECK(after.people[0].profile.find("\"hours\":30") != std::string::npos);
  o.columns = {{"课时", ""}, {"培训形式", ""}};
  auto none = jxjy::read_roll(csv, o);
  CHECK(none.errors.size() == 2);  // 形式 and 数量 missing: neither header is used
}

TEST_CASE("roll: region names reach their code through the catalogue; an ambiguous name asks for its city", "[roll]") {
  jxjy::RollOptions o;
  o.regions = kCatalogue;
  const std::string h = "姓名,地区,申报年度,申报级别,申报途径\r\n";
  auto one = [&](const std::string& region) { return jxjy::read_roll(h + "张三," + region + ",2024,高级,评审\r\n", o); };
  CHECK(profile(one("长春市朝阳区").people[0])["region"] == "220104");
  CHECK(profile(one("北京市朝阳区").people[0])["region"] == "110105");
  CHECK(profile(one("河南省郑州市金水区").people[0])["region"] == "410105");
  CHECK(profile(one("630000").people[0])["region"] == "630000");
  auto ambiguous = one("朝阳区");
  one_error(ambiguous, 2, "地区", "bad_value");
  CHECK(ambiguous.people[0].errors[0].detail == "地区“朝阳区”不止一处（北京市朝阳区 110105、吉林省长春市朝阳区 220104），请写上上级地区或六位行政区划代码");
  one_error(one("火星市"), 2, "地区", "bad_value");
  // jxjy roll's catalogue: the rule sets' regions, by code or name
  o.regions = jxjy::rule_set_regions(checker());
  CHECK(profile(one("青海省").people[0])["region"] == "630000");
  CHECK(profile(one("扎兰屯市").people[0])["region"] == "150783");
}

TEST_CASE("roll: a route not given is title review, said once for the file or at the person (issue 27 item 2)", "[roll]") {
  auto r = jxjy::read_roll("姓名,地区,申报年度,申报级别,申报途径\r\n张三,630000,2024,高级,\r\n李四,630000,2024,高级,认定\r\n");
  REQUIRE(r.people.size() == 2);
  CHECK(r.notes.empty());
  CHECK(profile(r.people[0])["route"] == "review");
  REQUIRE(r.people[0].warnings.size() == 1);
  CHECK(r.people[0].warnings[0].code == "route_assumed");
  CHECK(r.people[0].warnings[0].message == "未给出申报途径，按职称评审核查");
  CHECK(profile(r.people[1])["route"] == "recognition");
  CHECK(r.people[1].warnings.empty());
}

TEST_CASE("roll: a name below none is still an error; an ID of another person is not filled down", "[roll]") {
  one_error(jxjy::read_roll("姓名,身份证号,年度,科目,形式,数量\r\n张三,1,2023,公需,课程,30学时\r\n,2,2023,专业,课程,30学时\r\n"), 3,
            "姓名", "missing");
  auto same = jxjy::read_roll("姓名,身份证号,年度,科目,形式,数量\r\n张三,1,2023,公需,课程,30学时\r\n,1,2023,专业,课程,30学时\r\n");
  REQUIRE(same.errors.empty());
  REQUIRE(same.people.size() == 1);
  CHECK(same.people[0].rows == std::vector<size_t>{2, 3});
}

TEST_CASE("roll: a record the engine leaves out is said at its row in the results (青海: a class counted in hours only)", "[roll]") {
  auto r = jxjy::read_roll("姓名,地区,申报年度,申报级别,申报途径,年度,科目,形式,数量,已备案\r\n"
                           "张三,630000,2024,高级,评审,2023,公需,课程,30学时,是\r\n"
                           ",,,,,2023,专业,培训班,3天,是\r\n");
  REQUIRE(r.people.size() == 1);
  bool all_ok = false;
  auto li = line_of(jxjy::roll_results_csv(checker(), r, "zh", all_ok), 1);
  CHECK(li[7].rfind("第 3 行：本地区“进修班/培训班/研修班”不按天折算，请改按学时填写", 0) == 0);
}

TEST_CASE("roll: a missing column and the rows' own problems come in one pass; nobody is checked (issue 27)", "[roll]") {
  auto r = jxjy::read_roll("姓名,年度,科目,数量,单位\r\n张三,2023,公需,很多,学时\r\n李四,2023,公需,30,学时\r\n王五,2023,公需,30,斤\r\n");
  CHECK(r.people.empty());
  REQUIRE(r.errors.size() == 3);
  CHECK(r.errors[0].code == "missing_column");
  CHECK(r.errors[0].column == "形式");
  CHECK(r.errors[1].code == "bad_value");
  CHECK(r.errors[1].row == 2);
  CHECK(r.errors[1].column == "数量");
  CHECK(r.errors[2].row == 4);
  CHECK(r.errors[2].column == "单位");
  CHECK(r.notes.empty());  // (no route said for a file nobody is checked in)
}

TEST_CASE("roll: names written once over many people are said once, the rows shortened (issue 27)", "[roll]") {
  std::string csv = "姓名,年度,科目,形式,数量\r\n";
  for (int i = 0; i < 10; ++i) csv += "人员" + std::to_string(i) + ",2023,公需,课程,30学时\r\n,2023,专业,课程,30学时\r\n";
  auto r = jxjy::read_roll(csv);
  REQUIRE(r.people.size() == 10);
  CHECK(r.people[9].rows == std::vector<size_t>{20, 21});
  REQUIRE(r.notes.size() == 3);  // filled_down, route_assumed, filing_not_given
  CHECK(codes(r.notes) == std::vector<std::string>{"filled_down", "route_assumed", "filing_not_given"});
  CHECK(r.notes[0].message == "第3、5、7、9、11、13、…行（共10行）未写姓名，按上方最近的姓名计（合并单元格或留空）");
}

TEST_CASE("roll: a title line without a separator above a semicolon header (issue 27)", "[roll]") {
  auto r = jxjy::read_roll("2023年专业技术人员继续教育培训花名册\r\n\r\n姓名;年度;科目;形式;数量\r\n张三;2023;公需;课程;30学时\r\n");
  REQUIRE(r.errors.empty());
  CHECK(r.header_row == 3);
  CHECK(r.title == "2023年专业技术人员继续教育培训花名册");
  REQUIRE(r.people.size() == 1);
  CHECK(profile(r.people[0])["training"][0]["hours"] == 30);
}

// CONTRACT §5.1 in a roll (issue #27 item 2): a 已备案 cell left blank is not known (filed: null), never
// taken as filed; where the notice refuses unfiled training (青海 五（一）) and the verdict depends on it,
// the line says so. Without a 已备案 column a record keeps v1's meaning (filed).
TEST_CASE("roll: a blank 已备案 is unknown filing, said where the verdict depends on it", "[roll]") {
  const std::string rows =
      "张三,630000,2023,初级,女,40,2023,公需,网络课程,45,学时,,,\r\n"
      "张三,,,,,,2023,专业,网络课程,90,学时,,是,\r\n";
  jxjy::Roll r = jxjy::read_roll(kHeaderZh + rows);
  REQUIRE(r.errors.empty());
  REQUIRE(r.people.size() == 1);
  nlohmann::json p = profile(r.people[0]);
  CHECK(p["training"][0]["filed"].is_null());
  CHECK(p["training"][1]["filed"] == true);
  bool ok = false;
  std::string line;
  jxjy::roll_results_line(checker(), r.people[0], "zh", line, ok);
  CHECK(ok);
  // never a bare 达标: 达标（有前提）, the condition in the line's 提示 (the result's filing_unknown warning)
  CHECK(line_of(jxjy::roll_results_header("zh") + line, 1)[2] == "达标（有前提）");
  CHECK(line_of(jxjy::roll_results_header("zh") + line, 1)[7].find("不清楚是否已备案") != std::string::npos);
  std::string en;
  jxjy::roll_results_line(checker(), r.people[0], "en", en, ok);
  CHECK(line_of(jxjy::roll_results_header("en") + en, 1)[2] == "met, on a condition");
  const std::string text = r.people[0].profile;
  CHECK(checker().evaluate(text).find("\"filing_unknown\"") != std::string::npos);
  CHECK(checker().evaluate(text).find("\"statusIfUnfiled\":\"short\"") != std::string::npos);
  // no 已备案 column: the filing of every record is unknown, said once for the file, and a verdict that
  // depends on it is 达标（有前提） as for a blank cell (a roster that does not say is never taken as filed)
  const std::string header = "姓名,地区,申报年度,申报级别,性别,年龄,年度,科目,形式,数量,单位\r\n";
  jxjy::Roll none = jxjy::read_roll(header + "张三,630000,2023,初级,女,40,2023,公需,网络课程,45,学时\r\n");
  REQUIRE(none.people.size() == 1);
  CHECK(codes(none.notes) == std::vector<std::string>{"route_assumed", "filing_not_given"});
  CHECK(none.notes[1].message == "未给出是否备案：每条培训记录按「不清楚」核查，结论取决于备案时标为「有前提」");
  CHECK(profile(none.people[0])["training"][0]["filed"].is_null());
  const std::string unknown = checker().evaluate(none.people[0].profile);
  CHECK(unknown.find("\"filing_unknown\"") != std::string::npos);
  // the same person with the column filled 是 and 否: never a better verdict without the column than with 否
  jxjy::Roll unfiled = jxjy::read_roll("姓名,地区,申报年度,申报级别,性别,年龄,年度,科目,形式,数量,单位,已备案\r\n"
                                   "张三,630000,2023,初级,女,40,2023,公需,网络课程,45,学时,否\r\n");
  REQUIRE(unfiled.people.size() == 1);
  CHECK(nlohmann::json::parse(unknown)["warnings"].dump().find(
            "\"statusIfUnfiled\":" + nlohmann::json::parse(checker().evaluate(unfiled.people[0].profile))["status"].dump()) !=
        std::string::npos);
}

TEST_CASE("roll: options.check_date is the day of the check for people whose rows give no 核查日期", "[roll]") {
  jxjy::RollOptions o;
  o.check_date = "2024-03-01";
  auto r = jxjy::read_roll("姓名,地区,申报年度,申报级别,核查日期\r\n张三,630000,2024,高级,\r\n李四,630000,2024,高级,2024-05-06\r\n", o);
  REQUIRE(r.people.size() == 2);
  CHECK(profile(r.people[0])["checkDate"] == "2024-03-01");
  CHECK(profile(r.people[1])["checkDate"] == "2024-05-06");  // the row's own day wins
  CHECK(!profile(jxjy::read_roll("姓名,地区,申报年度,申报级别\r\n张三,630000,2024,高级\r\n").people[0]).contains("checkDate"));
}

TEST_CASE("roll: an options.check_date that is no day is the roll's error, and nobody is read", "[roll]") {
  for (std::string day : {"2026-02-30", "2025-13-01", "2026-2-1", "today"}) {
    INFO(day);
    jxjy::RollOptions o;
    o.check_date = day;
    auto r = jxjy::read_roll("姓名,地区,申报年度,申报级别\r\n张三,630000,2024,高级\r\n", o);
    CHECK(r.people.empty());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].code == "bad_check_date");
    CHECK(r.errors[0].row == 0);
    CHECK(r.errors[0].column.empty());
    CHECK(r.errors[0].message == "核查日期“" + day + "”不是存在的日期（格式 YYYY-MM-DD）");
  }
  jxjy::RollOptions leap;
  leap.check_date = "2024-02-29";
  CHECK(jxjy::read_roll("姓名,地区,申报年度,申报级别\r\n张三,630000,2024,高级\r\n", leap).errors.empty());
}
