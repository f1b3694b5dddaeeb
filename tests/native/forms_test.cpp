// The notice's own forms (CONTRACT §5.2): which forms a profile needs and how each field is filled
// (a profile field, a record field, a figure of the result, a blank), and the rule data's validation.
#include <catch2/catch.hpp>

#include <cstdio>
#include <functional>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "jxjy/jxjy.h"

using nlohmann::json;

namespace {

const jxjy::Checker& checker() {
  static std::unique_ptr<jxjy::Checker> c = [] {
    std::vector<jxjy::RuleError> errors;
    auto made = jxjy::Checker::create(jxjy::builtin_rule_files(), errors);
    REQUIRE(made);
    return made;
  }();
  return *c;
}

json forms(const json& profile, bool* ok = nullptr) {
  bool input_ok = false;
  json out = json::parse(checker().forms(profile.dump(), input_ok));
  if (ok) *ok = input_ok;
  return out;
}
json check(const json& profile) { return json::parse(checker().evaluate(profile.dump())); }

const json& field(const json& form, const std::string& label) {
  for (const auto& f : form["fields"])
    if (f["label"] == label) return f;
  FAIL("no field " << label << " in " << form["title"]);
  static json none;
  return none;
}

json zalantun(json training) {
  return {{"region", "150783"}, {"year", 2023}, {"level", "intermediate"}, {"gender", "female"},
          {"birthDate", "1980-05-03"}, {"education", "bachelor"}, {"training", std::move(training)}};
}

json xinjiang(json training) {
  return {{"region", "650102"}, {"year", 2023}, {"level", "intermediate"}, {"currentTitleSince", 2021},
          {"gender", "male"}, {"training", std::move(training)}};
}

std::vector<jxjy::RuleError> load_with(const std::string& file, const std::function<void(json&)>& change) {
  std::vector<jxjy::RuleFile> files;
  for (auto f : jxjy::builtin_rule_files()) {
    if (f.name == file) {
      json j = json::parse(f.text);
      change(j);
      f.text = j.dump();
    }
    files.push_back(f);
  }
  std::vector<jxjy::RuleError> errors;
  auto c = jxjy::Checker::create(files, errors);
  CHECK((c == nullptr) == !errors.empty());
  return errors;
}

bool refused_at(const std::vector<jxjy::RuleError>& errors, const std::string& path, const std::string& code) {
  for (const auto& e : errors)
    if (e.path == path && e.code == code) return true;
  return false;
}

}  // namespace

TEST_CASE("扎兰屯 附表: one 备案审批表 per offline professional record unfiled or of unknown filing", "[forms]") {
  json p = zalantun(json::array({
      {{"year", 2023}, {"subject", "professional"}, {"activity", "training_class"}, {"hours", 40}, {"filed", false},
       {"note", "呼伦贝尔学院骨干教师研修班"}, {"start", "2023-03-01"}, {"end", "2023-03-05"}},
      {{"year", 2023}, {"subject", "professional"}, {"activity", "conference"}, {"hours", 12}, {"filed", nullptr}},
      {{"year", 2023}, {"subject", "professional"}, {"activity", "conference"}, {"hours", 12}},                    // filed (absent)
      {{"year", 2023}, {"subject", "professional"}, {"activity", "study_visit"}, {"hours", 8}, {"filed", true}},   // filed
      {{"year", 2023}, {"subject", "public"}, {"activity", "course"}, {"hours", 30}, {"filed", false}},            // online public
      {{"year", 2023}, {"subject", "professional"}, {"activity", "course"}, {"hours", 20}, {"filed", false}},      // online
  }));
  bool ok = false;
  json out = forms(p, &ok);
  CHECK(ok);
  CHECK(out["ok"] == true);
  REQUIRE(out["forms"].size() == 2);
  const json& a = out["forms"][0];
  const json& b = out["forms"][1];
  CHECK(a["for"]["record"] == 0);
  CHECK(b["for"]["record"] == 1);
  CHECK(a["title"] == "专业技术人员外出培训专业课学时备案审批表");
  CHECK(a["attachment"] == "附表");
  CHECK(a["source"]["number"] == "扎人社发〔2023〕45号");
  CHECK(a["source"]["clause"] == "一（二）、附表");
  CHECK(a["purpose"].get<std::string>().find("一式一份报送至人社局专技股") != std::string::npos);
  CHECK(a["note"].get<std::string>().find("一式一份报送至人社局专技股") != std::string::npos);

  SECTION("profile fields") {
    CHECK(field(a, "性别")["value"] == "女");
    CHECK(field(a, "性别")["from"] == "profile.gender");
    CHECK(field(a, "出生年月")["value"] == "1980年5月");
    CHECK(field(a, "学历")["value"] == "大学本科");
  }
  SECTION("record fields: the note, else the activity; the dates, else the year") {
    CHECK(field(a, "培训科目及内容")["value"] == "呼伦贝尔学院骨干教师研修班");
    CHECK(field(a, "培训科目及内容")["from"] == "record.content");
    CHECK(field(b, "培训科目及内容")["value"] == "学术会议/讲座/论坛");
    CHECK(field(a, "培训时间")["value"] == "2023-03-01至2023-03-05");
    CHECK(field(b, "培训时间")["value"] == "2023年");
  }
  SECTION("result figure: the hours the notice credits the record once filed") {
    CHECK(field(a, "培训学时")["value"] == "40");
    CHECK(field(a, "培训学时")["from"] == "result.recordHours");
    CHECK(field(b, "培训学时")["value"] == "12");
  }
  SECTION("blanks: the name (the page fills it), signatures, what jxjy cannot know") {
    for (const char* label : {"姓名", "工作单位", "所在科室", "职称", "职务", "外出培训地点", "个人意见", "单位意见", "人社局备案意见"}) {
      CHECK(field(a, label)["value"].is_null());
      CHECK(field(a, label)["from"].is_null());
    }
    CHECK(field(a, "人社局备案意见")["printed"].get<std::string>().find("确认其专业课课时为") != std::string::npos);
  }
  SECTION("English labels beside the form's own") { CHECK(field(a, "培训学时")["labelEn"] == "Hours"); }
}

TEST_CASE("扎兰屯: a filed record gives no 备案审批表; a record outside the period still gets one, its hours as credited", "[forms]") {
  CHECK(forms(zalantun(json::array({{{"year", 2023}, {"subject", "professional"}, {"activity", "training_class"},
                                      {"hours", 40}, {"filed", true}}})))["forms"].empty());
  CHECK(forms(zalantun(json::array({{{"year", 2023}, {"subject", "professional"}, {"activity", "training_class"},
                                      {"hours", 40}}})))["forms"].empty());
  // A unit the notice does not take (days): the hours are left blank for the bureau.
  json out = forms(zalantun(json::array({{{"year", 2023}, {"subject", "professional"}, {"activity", "training_class"},
                                          {"days", 3}, {"filed", false}}})));
  REQUIRE(out["forms"].size() == 1);
  CHECK(field(out["forms"][0], "培训学时")["value"].is_null());
  // The profile's missing birth date and education are blanks.
  json p = zalantun(json::array({{{"year", 2023}, {"subject", "professional"}, {"activity", "training_class"},
                                  {"hours", 40}, {"filed", false}}}));
  p.erase("birthDate");
  p.erase("education");
  p["age"] = 40;
  json f = forms(p)["forms"][0];
  CHECK(field(f, "出生年月")["value"].is_null());
  CHECK(field(f, "学历")["value"].is_null());
}

TEST_CASE("新疆 附件1: one 学时认定登记表 per needed year with 附件3 activities, its numbers the check's", "[forms]") {
  json p = xinjiang(json::array({
      {{"year", 2023}, {"subject", "professional"}, {"activity", "conference"}, {"days", 3}, {"level", "provincial"},
       {"note", "自治区医学年会"}},
      {{"year", 2022}, {"subject", "professional"}, {"activity", "training_class"}, {"days", 4},
       {"start", "2022-12-30"}, {"end", "2023-01-02"}},
      {{"year", 2023}, {"subject", "public"}, {"activity", "course"}, {"hours", 30}},
      {{"year", 2022}, {"subject", "professional"}, {"activity", "qualification_exam"}, {"subjects", 2}},
  }));
  json result = check(p);
  REQUIRE(result["ok"] == true);
  json out = forms(p);
  REQUIRE(out["forms"].size() == 2);
  for (const json& f : out["forms"]) {
    CHECK(f["attachment"] == "附件1");
    CHECK(f["title"] == "专技继续教育学时认定登记表");
    CHECK(f["source"]["clause"] == "二2、附件1");
    int year = f["for"]["year"];
    double prof = -1, missing = 0;
    for (const auto& y : result["years"])
      if (y["year"] == year) prof = y["professional"]["credited"];
    for (const auto& g : result["shortfall"])
      if (g["year"] == year) missing += g["hours"].get<double>();
    auto text = [](double x) {  // as results print hours: 46, 2.5
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.6g", x);
      return std::string(buf);
    };
    const json& line = field(f, "所在地同级人事(职称)部门审批意见");
    CHECK(line["from"] == "template");
    CHECK(line["fills"] == json::array({"result.year", "result.professional", "result.missing"}));
    CHECK(line["value"] == "经审验，" + std::to_string(year) + "年符合专业课继续教育共计" + text(prof) + "学时，还需完成" +
                               text(missing) + "学时的继续教育。");
    // 累计学时: the listed activities' hours, which here are all the year's professional hours.
    double rows = 0;
    for (const auto& r : f["rows"]["values"]) rows += std::stod(r[3].get<std::string>());
    CHECK(field(f, "累计学时")["value"] == text(rows));
    CHECK(rows == prof);
    CHECK(field(f, "性别")["value"] == "男");
    CHECK(field(f, "身份证号")["value"].is_null());
  }
  const json& y2022 = out["forms"][0];
  const json& y2023 = out["forms"][1];
  CHECK(y2022["for"]["year"] == 2022);
  CHECK(y2022["rows"]["columns"] == json::array({"继续教育时间", "继续教育方式", "认定标准", "学时"}));
  CHECK(y2022["rows"]["field"] == "继续教育时间及方式");
  CHECK(y2022["rows"]["values"] == json::array({json::array({"2022-12-30至2023-01-02", "进修班/培训班/研修班", "附件3 第1条", "16"}),
                                                json::array({"2022年", "职业资格考试", "附件3 第7条", "60"})}));
  CHECK(y2023["rows"]["values"][0] == json::array({"2023年", "学术会议/讲座/论坛：自治区医学年会", "附件3 第4条", "30"}));
  CHECK(field(y2023, "继续教育时间及方式")["from"] == "result.activities");
  CHECK(field(y2023, "累计学时")["from"] == "result.yearHours");
  // Public hours are not 附件3 activities: no row for them.
  CHECK(y2023["rows"]["values"].size() == 2);
}

TEST_CASE("新疆 附件1: a met year says 0 still missing; no record of 附件3, no form", "[forms]") {
  json p = xinjiang(json::array({
      {{"year", 2022}, {"subject", "professional"}, {"activity", "study_visit"}, {"months", 2}},
      {{"year", 2022}, {"subject", "public"}, {"activity", "course"}, {"hours", 30}},
      {{"year", 2023}, {"subject", "public"}, {"activity", "course"}, {"hours", 30}},
  }));
  json out = forms(p);
  REQUIRE(out["forms"].size() == 1);
  CHECK(out["forms"][0]["for"]["year"] == 2022);
  CHECK(field(out["forms"][0], "所在地同级人事(职称)部门审批意见")["value"] ==
        "经审验，2022年符合专业课继续教育共计120学时，还需完成0学时的继续教育。");
}

TEST_CASE("新疆 附件2: the 免除继续教育学习申请表 when fanghuiju (or a first secretary) is given, in review", "[forms]") {
  json p = xinjiang(json::array({{{"year", 2023}, {"subject", "professional"}, {"activity", "conference"}, {"days", 3},
                                  {"level", "provincial"}}}));
  p["circumstances"] = json::array({{{"kind", "fanghuiju"}}});
  json out = forms(p);
  // Exempt: no year needs proving, so no 附件1.
  REQUIRE(out["forms"].size() == 1);
  const json& f = out["forms"][0];
  CHECK(f["attachment"] == "附件2");
  CHECK(f["title"] == "自治区“访惠聚”驻村等专业技术人员职称评审免除继续教育学习申请表");
  CHECK(f["source"]["clause"] == "二3、附件2");
  CHECK(f["for"]["circumstance"] == "fanghuiju");
  CHECK(field(f, "拟申报专业技术职务")["value"] == "中级");
  CHECK(field(f, "拟申报专业技术职务")["from"] == "profile.level");
  CHECK(field(f, "免学理由")["value"].get<std::string>().find("访惠聚") != std::string::npos);
  CHECK(field(f, "审核意见")["value"].is_null());

  p["circumstances"] = json::array({{{"kind", "village_first_secretary"}, {"fullYears", 2}}});
  CHECK(forms(p)["forms"][0]["attachment"] == "附件2");
  p["circumstances"] = json::array({{{"kind", "fanghuiju"}}});
  p["route"] = "appointment";
  const json appointment = forms(p);  // (a member of a temporary does not outlive the loop's first line)
  for (const auto& x : appointment["forms"]) CHECK(x["attachment"] != "附件2");
}

TEST_CASE("notices without forms give forms: []", "[forms]") {
  json training = json::array({{{"year", 2023}, {"subject", "professional"}, {"activity", "training_class"},
                                {"hours", 40}, {"filed", false}}});
  for (const char* region : {"630000", "410100", "150404"}) {
    json p = {{"region", region}, {"year", region == std::string("150404") ? 2025 : 2023}, {"level", "intermediate"},
              {"gender", "female"}, {"age", 40}, {"currentTitleSince", 2020}, {"training", training}};
    bool ok = false;
    json out = forms(p, &ok);
    INFO(region << " " << out.dump());
    CHECK(ok);
    CHECK(out == json({{"ok", true}, {"forms", json::array()}}));
  }
}

TEST_CASE("bad input: forms gives exactly check's ok:false result", "[forms]") {
  for (std::string text : {std::string("{"), std::string("[]"), std::string(R"({"region":"150783"})"),
                           std::string(R"({"region":"999999","year":2023,"level":"senior","training":[]})"),
                           std::string(R"({"region":"150783","year":2023,"level":"senior","training":[{"year":2023,"subject":"x","activity":"course","hours":-1}]})"),
                           std::string(R"({"locale":"en","region":"150783","year":"2023","level":"senior","training":[]})")}) {
    bool ok_forms = true, ok_check = true;
    std::string f = checker().forms(text, ok_forms);
    std::string c = checker().evaluate(text, ok_check);
    INFO(text);
    CHECK_FALSE(ok_forms);
    CHECK_FALSE(ok_check);
    CHECK(f == c);
  }
}

TEST_CASE("forms in rule files are validated like every rule", "[forms][rules]") {
  const std::string zl = "150783-2023.json", xj = "650000-2022.json";
  CHECK(refused_at(load_with(zl, [](json& j) { j["forms"][0]["colour"] = "red"; }), "/forms/0/colour", "unknown_key"));
  CHECK(refused_at(load_with(zl, [](json& j) { j["forms"][0]["fields"][0]["lable"] = "x"; }), "/forms/0/fields/0/lable", "unknown_key"));
  CHECK(refused_at(load_with(zl, [](json& j) { j["forms"][0].erase("source"); }), "/forms/0/source", "missing"));
  CHECK(refused_at(load_with(zl, [](json& j) { j["forms"][0]["source"]["clause"] = "一（二）"; }), "/forms/0/source/clause", "invalid_value"));
  CHECK(refused_at(load_with(zl, [](json& j) { j["forms"][0]["source"]["doc"] = "nope"; }), "/forms/0/source/doc", "invalid_value"));
  CHECK(refused_at(load_with(zl, [](json& j) { j["forms"][0]["fields"][1]["from"] = "profile.shoeSize"; }), "/forms/0/fields/1/from", "invalid_value"));
  // A figure of a year in a per-record form.
  CHECK(refused_at(load_with(zl, [](json& j) { j["forms"][0]["fields"][1]["from"] = "result.missing"; }), "/forms/0/fields/1/from", "invalid_value"));
  CHECK(refused_at(load_with(xj, [](json& j) { j["forms"][0]["fields"][13]["template"] = "经审验，{result.year年"; }), "/forms/0/fields/13/template", "invalid_value"));
  CHECK(refused_at(load_with(xj, [](json& j) { j["forms"][0]["rows"]["field"] = "不存在"; }), "/forms/0/rows/field", "invalid_value"));
  CHECK(refused_at(load_with(xj, [](json& j) { j["forms"][1]["when"].erase("circumstances"); }), "/forms/1/when/circumstances", "missing"));
  CHECK(refused_at(load_with(xj, [](json& j) { j["forms"][1]["when"]["circumstances"] = json::array({"holiday"}); }), "/forms/1/when/circumstances/0", "invalid_value"));
  CHECK(refused_at(load_with(zl, [](json& j) { j["forms"][0]["when"]["filed"] = json::array({"no"}); }), "/forms/0/when/filed", "invalid_value"));
  CHECK(refused_at(load_with(zl, [](json& j) { j["forms"][0].erase("purpose"); }), "/forms/0/purpose", "missing"));
  CHECK(refused_at(load_with(zl, [](json& j) { j["formsNote"] = {{"text", {{"zh", "x"}, {"en", "x"}}}}; }), "/formsNote/source", "missing"));
}

TEST_CASE("explain lists the forms, or says why there are none", "[forms]") {
  std::string zl = checker().explain("150783-2023");
  CHECK(zl.find("### 附表 专业技术人员外出培训专业课学时备案审批表") != std::string::npos);
  CHECK(zl.find("一（二）、附表") != std::string::npos);
  std::string xj = checker().explain("650000-2022", "en");
  CHECK(xj.find("附件1 专技继续教育学时认定登记表") != std::string::npos);
  CHECK(xj.find("附件2") != std::string::npos);
  CHECK(checker().explain("150404-2025").find("二（六）1、附件") != std::string::npos);
  CHECK(checker().explain("630000-2023").find("通知没有须本人填写的表格") != std::string::npos);
}
