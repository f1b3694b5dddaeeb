// The result of one check, as CONTRACT §3 describes it, before it becomes JSON.
#pragma once
#include <string>
#include <string_view>
#include <vector>


#include "base/format.h"
#include "json/read.h"
#include "rules/rule_set.h"

namespace jxjy {

// Where a part of the result comes from: a document of the rule set and its clause. Points into
// the rule set, which outlives every result made from it.
struct Citation {
  const Document* doc = nullptr;
  std::string_view clause;
  const std::string* json = nullptr;  // the source already serialised, when it comes from a rule
};

// A reason or warning (CONTRACT §3 reasons[], warnings[], records[].reason): a code for machines, a message for people, and the clause it rests on.
// Code and message are literals, rule-set texts or texts of Result::texts.
struct Finding {
  std::string_view code, message;
  Citation cite = {};  // doc == nullptr: no source (only for warnings that are not rule-driven)
  std::string path = {};  // JSON Pointer into the profile, for warnings about input
  std::vector<int> records = {};  // filing_unknown: the indexes of the records it names
  int status_if_unfiled = -1;     // filing_unknown: the Status were those records unfiled
};

struct Amount {
  Micro credited = 0, required = 0;
};

// One year of the window (CONTRACT §3 years[]).
struct YearResult {
  int year = 0;
  bool met = false, waived = false;
  bool required = true;  // false: the verdict does not need this year (CONTRACT §4.2)
  Amount pub, prof, total;
};

// Hours still missing in a year (CONTRACT §3 shortfall[]): exact, shown rounded up to the hundredth.
struct Shortfall {
  int year;
  Subject subject;
  Micro hours;
  bool can_complete = true;
  std::string_view deadline = {};  // YYYY-MM-DD in Result::texts; empty: no notice gives one
  Citation cite = {};                  // the clause deciding both
};

// The part of a record's credit that falls in one year.
struct YearShare {
  int year;
  Micro credited;
};

// What one training record credited, and why (CONTRACT §3 records[]).
struct RecordResult {
  int index = 0, year = 0;
  Subject subject{};
  Activity activity{};
  Micro credited = 0;
  bool counted = false;
  std::string_view basis;  // in Result::texts
  Citation cite;
  bool has_reason = false;
  Finding reason;
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
  // the status holds only on a condition the person has not confirmed: records of unknown filing that, were
  // they unfiled, would give another status (CONTRACT §5.1, filing_unknown). Every front end reads this.
  bool conditional = false;
  int required_years = 0;
  std::vector<int> window;
  std::vector<YearResult> years;
  std::vector<Shortfall> shortfall;
  std::vector<RecordResult> records;
  std::vector<Finding> reasons, warnings;
};

// Appends the result's JSON text to `out`.
void to_json(const Result& r, std::string& out);

// Serialises once the parts of a loaded rule set every result repeats (Source::json, RuleSet::json),
// so a result copies them instead of writing them again.
void serialise_once(RuleSet& rs);

}  // namespace jxjy
