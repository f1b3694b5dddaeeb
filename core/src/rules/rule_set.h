// The in-memory shape of a rule set (one file of rules/). Plain data: rules/load.cpp reads it,
// eval/evaluate.cpp decides with it, rules/explain.cpp puts it in words.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "base/vocabulary.h"

namespace jxjy {

struct Document {
  std::string key, title, number, issuer, date, note;
  const std::string& citation() const { return number.empty() ? title : number; }
};

struct Source {
  int doc = -1;  // index into RuleSet::documents
  std::string clause;
  std::string json;  // {"number":…,"clause":…} for results, filled by result/ (serialise_once)
};

// An item of a rule file that can decide a result: where it comes from, and how we read it where
// the notice is silent.
struct RuleItem {
  Source source;
  std::optional<Text> interpretation;
};

struct Window {
  enum Kind : uint8_t { last, since, since_title } kind = last;
  int n = 1;           // last: number of years; since: first year
  int not_before = 0;  // since_title: earliest year (0 = none)
  bool has_fallback = false;
  Kind fallback_kind = last;  // since_title without currentTitleSince
  int fallback_n = 1;
};

constexpr int kAllYears = -1;

struct Requirement : RuleItem {
  Route route = Route::review;
  Mask levels = 0, education = 0;
  bool exempt = false;
  Window window;
  int count = kAllYears;
  Mask subjects = 0;  // which of public/professional/total apply; 0 = all
};

struct UnitRule {
  bool accepted = false;
  double rate = 1;     // hours, days, months, subjects
  int per = 0;         // minutes per credited hour
  double fixed = 0;    // none
  bool by_level = false;
  std::array<double, 4> level_rate{};  // indexed by ConfLevel
  bool annual_requirement = false;     // subjects: a pass completes the year's professional hours
  std::optional<Source> source;
  std::optional<Text> interpretation;  // minutes: how part periods are read, shown where it decides
};

struct ActivityRule : RuleItem {
  bool excluded = false;
  Mask subjects = 0;
  Mask routes = 0;  // credited only on these routes (高技能人才 … 申报职称评审时); 0 = every route
  std::array<UnitRule, kUnitCount> units{};
  int cap_annual_multiple = 0;
  Text text;
  std::optional<Source> public_source;  // the clause for records of public hours, when it differs
};

struct Filing : RuleItem {
  bool present = false;
  Mask activities = 0;  // 0 with present = all
  Mask subjects = 0;
  Text text;
};

struct AnnualItem : RuleItem {
  double hours = 0;
};

struct Annual {
  AnnualItem pub, prof, total;
  bool has_share = false;
  int share_num = 0, share_den = 1;
  RuleItem share;
};

enum class Effect : uint8_t {
  exempt, advisory, replace_requirement, deem_years, waive_circumstance_years,
  years_since_circumstance, years_in_post
};

struct Adjustment : RuleItem {
  std::string id;
  Mask routes = 0, levels = 0;
  std::vector<int> application_years;
  bool has_age = false;
  int age_male = 0, age_female = 0;
  bool has_sector = false;
  Sector sector = Sector::public_sector;
  bool has_grassroots = false;
  bool grassroots = false;
  int circumstance = -1;  // CircumstanceKind or -1
  int min_full_years = 0;
  int years_from = 0, years_to = 0;  // circumstanceYears: the circumstance's years must fall in this period
  Effect effect = Effect::exempt;
  Window window;
  int count = kAllYears;
  int deem_years = 0;
  bool deem_any_year = false;  // deemAnyYear: the deemed years are any years (任意一年), whatever years the entry names
  Text text;
};

// When a year's hours can still be earned (CONTRACT §4.2 canComplete / deadline).
// The notice's own year (noticeYear): by when its hours must be earned. Other years' dates are not
// this notice's to state (no invented facts): their deadline is null.
struct SameYearDeadline : RuleItem {
  int from = 0, until = 0;  // mmdd: e.g. 0220–1231; until 0: the notice states no date
  bool study_period = false;  // from–until is the study period: dated records outside it earn nothing that year
};
struct PastYears : RuleItem {
  bool make_up = false;        // hours of a past year may still be made up (补学)
  int from = 0, until = 0;     // yyyymmdd, 0: not bounded by the notice
};
struct DeadlineNote : RuleItem {
  int date = 0;  // yyyymmdd
  Text text;
};
struct Deadlines {
  SameYearDeadline same_year;
  PastYears past_years;
  std::vector<DeadlineNote> notes;  // other dates of the notice, for people (explain, the page)
};

// Series handed to their own department (青海 一, 扎兰屯 一（三）).
struct OwnDepartment : RuleItem {
  bool present = false;
  Mask series = 0;
  Mask subjects = 0;  // the subjects handed over (扎兰屯 一（三）: 专业科目); 0: all of continuing education
  Text text;
};

// How an occasion that spans several years shares its credit among them (the clause and the reading):
// by its days in each year, or all in the year it starts or ends.
enum class OccasionShare : uint8_t { by_days, start_year, end_year };
struct Occasions : RuleItem {
  OccasionShare share = OccasionShare::by_days;
};

// The notice's own forms (附表, 附件1 …) as data (rules/README.md "forms"): which profiles need one,
// and what fills each of its fields. What may fill a field is a fixed list (FormFill): a profile
// field, a record field, a figure of the result, or nothing (a blank written by hand).
enum class FormEach : uint8_t { record, year, once };
enum class FormFill : uint8_t {
  blank,
  profile_gender, profile_birth_month, profile_education, profile_level, profile_circumstance,
  record_content, record_period, record_activity,
  result_record_hours, result_year, result_professional, result_missing, result_year_hours, result_activities,
};
struct FormFillName {
  std::string_view id;
  FormEach only;   // the forms it belongs to (a record field in a per-record form …)
  bool any;        // true: any form
};
inline constexpr FormFillName kFormFills[] = {
    {"", FormEach::once, true},
    {"profile.gender", FormEach::once, true},
    {"profile.birthMonth", FormEach::once, true},
    {"profile.education", FormEach::once, true},
    {"profile.level", FormEach::once, true},
    {"profile.circumstance", FormEach::once, false},
    {"record.content", FormEach::record, false},
    {"record.period", FormEach::record, false},
    {"record.activity", FormEach::record, false},
    {"result.recordHours", FormEach::record, false},
    {"result.year", FormEach::year, false},
    {"result.professional", FormEach::year, false},
    {"result.missing", FormEach::year, false},
    {"result.yearHours", FormEach::year, false},
    {"result.activities", FormEach::year, false},
};
// The columns a table of activities (rows, from result.activities) may have.
enum class FormColumn : uint8_t { period, activity, clause, hours };
inline constexpr std::string_view kFormColumns[] = {"period", "activity", "clause", "hours"};

struct FormPart {  // a piece of a template: literal text, or a fill
  std::string text;
  FormFill fill = FormFill::blank;
};
struct FormField {
  std::string label, label_en;
  FormFill fill = FormFill::blank;
  std::vector<FormPart> parts;  // a template ("经审验，{result.year}年…"): literal texts and fills
  std::string printed;          // the form's own printed words in the cell (signatures, 年 月 日)
  bool same_line = false;       // printed on the line of the field before it
};
struct FormColumnSpec {
  std::string label, label_en;
  FormColumn from = FormColumn::period;
};
struct Form : RuleItem {
  std::string id, title, attachment, note;
  Text purpose;
  FormEach each = FormEach::once;
  Mask routes = 0, activities = 0, subjects = 0;
  bool filed_false = false, filed_null = false, filed_true = false;  // each record: which filed values
  std::vector<int> circumstances;  // once: any of these circumstance kinds in the profile
  std::vector<FormField> fields;
  bool has_rows = false;
  std::string rows_field;  // the label of the field whose cell the table fills
  std::vector<FormColumnSpec> columns;
};
// A note on the forms of a notice that has none for the person (松山区: its attachments are for departments).
struct FormsNote : RuleItem {
  bool present = false;
  Text text;
};

struct RuleSet {
  std::string id, file, region;
  std::string based_on;  // the rule set this one patches ("basedOn"), if any
  Text region_name;
  std::optional<Text> scope;  // whose notice it is and where it is applied, when not plainly the region's own
  int valid_from = 0;  // yyyymmdd
  std::optional<Source> valid_from_source;  // the clause that sets validFrom, when the notice states it
  int notice_year = 0;
  bool annual_notice = true;
  std::vector<Document> documents;
  Annual annual;
  Filing filing;
  std::vector<Requirement> requirements;
  std::array<ActivityRule, kActivityCount> activities{};
  std::vector<Adjustment> adjustments;
  Deadlines deadlines;
  OwnDepartment own_department;
  std::optional<Occasions> occasions;
  std::vector<Form> forms;
  FormsNote forms_note;
  std::string json[2];  // the result's "ruleSet" object per Locale, filled by result/ (serialise_once)
};

// Calls f(source) for every source a rule set holds (result/ serialises each once). RS is RuleSet
// or const RuleSet.
template <class RS, class F>
void for_each_source(RS& rs, F&& f) {
  auto item = [&](auto& i) { f(i.source); };
  item(rs.annual.pub), item(rs.annual.prof), item(rs.annual.total), item(rs.annual.share);
  item(rs.filing);
  for (auto& r : rs.requirements) item(r);
  for (auto& a : rs.activities) {
    item(a);
    if (a.public_source) f(*a.public_source);
    for (auto& u : a.units)
      if (u.source) f(*u.source);
  }
  for (auto& a : rs.adjustments) item(a);
  item(rs.deadlines.same_year), item(rs.deadlines.past_years);
  for (auto& n : rs.deadlines.notes) item(n);
  item(rs.own_department);
  if (rs.occasions) item(*rs.occasions);
  for (auto& f : rs.forms) item(f);
  item(rs.forms_note);
  if (rs.valid_from_source) f(*rs.valid_from_source);
}

}  // namespace jxjy
