// The verdict: each year's hours against what it asks (fill_years), the status and the years required
// (verdict.cpp), and, when short, what each year lacks, whether it can still be completed and by when
// (shortfall.cpp).
#pragma once
#include "eval/part.h"

namespace jxjy::eval {

class Verdict : Part {
 public:
  Verdict(const Profile& p, const RuleSet& rs, Result& res, Asked& ask) : Part(p, rs, res, ask) {}
  // Writes res_.years, res_.status, res_.required_years, res_.shortfall and their reasons.
  void decide(const Requirement& q);

 private:
  // Each year of the window: the hours credited per subject against the hours it asks.
  void fill_years(const Requirement& q);
  // The status and the years required; a short result's years to complete go to report_shortfall.
  void decide_status();
  // The requirement in words: "职称评审·中级：2021—2023年每一年度公需科目30学时、专业科目60学时".
  std::string_view describe_requirement(int needed);
  // Up to three parts as a list: "a、b、c" / "a, b, c".
  std::string_view list(const std::string_view (&parts)[3], size_t n);

  // What is short (shortfall.cpp).
  // What a year lacks, exactly: at most one gap per subject (no vector: the sort below asks often).
  struct Gaps {
    Shortfall items[3];
    size_t count = 0;
    void add(const Shortfall& g) { items[count++] = g; }
    const Shortfall* begin() const { return items; }
    const Shortfall* end() const { return items + count; }
    Micro sum() const {
      Micro c = 0;
      for (const auto& g : *this) c += g.hours;
      return c;
    }
  };
  static Gaps gaps(const YearResult& row);
  // Whether a year's missing hours can still be earned as of the check date, by when, and why.
  struct Completion {
    bool can = true;
    int deadline = 0;  // yyyymmdd, 0: no notice gives one
    const RuleItem* by = nullptr;
  };
  // Only dates the notice states: the notice year's own deadline (sameYear.until) and the make-up
  // period of past years (pastYears). Another year's deadline is null: no notice gave it.
  Completion completion(int year) const;
  // The clause of a year's gaps: one item's, or both subjects' joined ("一（一）、一（二）").
  Citation gaps_cite(const Gaps& gs);
  // The shortfall items and reasons of the years to complete (in year order).
  void report_shortfall(const std::vector<YearResult*>& unmet);
  bool unstated_deadline_said_ = false;
};

}  // namespace jxjy::eval
