// What each record credits, year by year: first each record alone (credit_record.cpp: is the activity
// counted here, in which unit, how many hours (convert.cpp), in which years), then the rules that look across records
// (across_records.cpp: per-occasion caps, once-per-year credits, the window).
#pragma once
#include "eval/part.h"

namespace jxjy::eval {

class Crediting : Part {
 public:
  Crediting(const Profile& p, const RuleSet& rs, Result& res, Asked& ask) : Part(p, rs, res, ask) {}
  // Writes res_.records, one per training record, in input order.
  void credit_records();

 private:
  // One record alone (credit_record.cpp), into its result `t` (made in place: a RecordResult is ~300 bytes).
  void credit(int index, const Record& r, RecordResult& t);
  // An amount in its unit -> hours, and the basis in words (convert.cpp).
  Micro convert(const Record& r, Unit unit, const UnitRule& u, std::string_view& basis);
  // The notice year's study period: the days of a dated record outside it earn nothing.
  void keep_study_period(const Record& r, RecordResult& t);
  std::string words_of(Names names, Mask mask) const;
  // The calendar years a dated record covers, with the days of each (an undated record: its year).
  static YearShares days_by_year(const Record& r);
  // An occasion's hours shared among its years as the rule set says.
  void share(Micro hours, YearShares& years) const;
  void note_sharing();
  // An amount × a rate, exactly: the rate is a rule value (validated to six decimals).
  static Micro times(Micro amount, double rate) { return amount * micro(rate) / kMicro; }

  // Across records (across_records.cpp).
  void cap_occasions();
  void once_per_year();
  void keep_window_years();
};

}  // namespace jxjy::eval
