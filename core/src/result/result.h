// The result of one check, as CONTRACT §3 describes it, before it becomes JSON.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/format.h"
#include "json/read.h"
#include "rules/rule_set.h"

namespace jxjy {

// Points into the rule set, which outlives every result made from it.
struct Cite {
  const Document* doc = nullptr;
  std::string_view clause;
  const std::string* json = nullptr;  // the source already serialised, when it comes from a rule
};

// A reason or warning: a code for machines, a message for people, and the clause it rests on.
// Code and message are literals, rule-set texts or texts of Result::texts.
struct Note {
  std::string_view code, message;
  Cite cite = {};  // doc == nullptr: no source (only for warnings that are not rule-driven)
  std::string path = {};  // JSON Pointer into the profile, for warnings about input
};

struct Amount {
  Micro credited = 0, required = 0;
};

struct YearRow {
  int year = 0;
  bool met = false, waived = false;
  bool required = true;  // false: the verdict does not need this year (CONTRACT §4.2)
  Amount pub, prof, total;
};

// Hours still missing in a year: exact, shown rounded up to the hundredth.
struct Gap {
  int year;
  Subject subject;
  Micro hours;
  bool can_complete = true;
  std::string_view deadline = {};  // YYYY-MM-DD in Result::texts; empty: no notice gives one
  Cite cite = {};                  // the clause deciding both
};

// The part of a record's credit that falls in one year.
struct YearShare {
  int year;
  Micro credited;
};

struct Trace {
  int index = 0, year = 0;
  Subject subject{};
  Activity activity{};
  Micro credited = 0;
  bool counted = false;
  std::string_view basis;  // in Result::texts
  Cite cite;
  bool has_reason = false;
  Note reason;
  std::vector<YearShare> years;  // the years it credits (one, or several for an occasion over years)
  bool spans = false;            // covers several years: `years` is written out
};

enum class Status { met, exempt, advisory, short_of_hours };

struct Result {
  TextStore texts;  // the messages and bases below point into it
  bool ok = false;
  Locale locale = Locale::zh;
  std::vector<Problem> errors;
  const RuleSet* rule_set = nullptr;
  Status status = Status::short_of_hours;
  int required_years = 0;
  std::vector<int> window;
  std::vector<YearRow> years;
  std::vector<Gap> shortfall;
  std::vector<Trace> records;
  std::vector<Note> reasons, warnings;
};

// Appends the result's JSON text to `out`.
void to_json(const Result& r, std::string& out);

// Parts of every result serialised once when a rule set loads (Cite::json, RuleSet::json).
std::string rule_set_json(const RuleSet& rs, Locale l);
std::string source_json(const Document& d, std::string_view clause);

}  // namespace jxjy
