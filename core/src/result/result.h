// The result of one check, as CONTRACT §3 describes it, before it becomes JSON.
#pragma once
#include <algorithm>
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

// The years one record credits, in order: nearly always one or two, held in place (a vector for each
// record was ~2 % of `jxjy batch`); an occasion over more years has them all on the heap.
class YearShares {
 public:
  YearShare* begin() { return data(); }
  YearShare* end() { return data() + n_; }
  const YearShare* begin() const { return data(); }
  const YearShare* end() const { return data() + n_; }
  size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  YearShare& operator[](size_t i) { return data()[i]; }
  YearShare& front() { return data()[0]; }
  YearShare& back() { return data()[n_ - 1]; }

  void push_back(YearShare y) {
    if (n_ < kInline) {
      inline_[n_++] = y;
      return;
    }
    if (n_ == kInline) heap_.assign(inline_, inline_ + kInline);
    heap_.push_back(y);
    ++n_;
  }
  // Keeps the shares for which keep(share) is true, in their order.
  template <class Keep>
  void keep_if(Keep keep) {
    size_t kept = 0;
    for (YearShare& y : *this)
      if (keep(static_cast<const YearShare&>(y))) data()[kept++] = y;
    if (n_ > kInline && kept <= kInline) {
      std::copy(heap_.begin(), heap_.begin() + std::ptrdiff_t(kept), inline_);
      heap_.clear();
    } else if (n_ > kInline) {
      heap_.resize(kept);
    }
    n_ = kept;
  }

 private:
  static constexpr size_t kInline = 2;
  YearShare inline_[kInline] = {};
  std::vector<YearShare> heap_;  // all of them, once there are more than kInline
  size_t n_ = 0;
  YearShare* data() { return n_ > kInline ? heap_.data() : inline_; }
  const YearShare* data() const { return n_ > kInline ? heap_.data() : inline_; }
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
  YearShares years;  // the years it credits (one, or several for an occasion over years)
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
