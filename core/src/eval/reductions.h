// What the requirement asks of this applicant: its window, then the reductions and exemptions of the
// rule set that apply (学时减免, 视同, 免于), each cited; where several window-shaping reductions apply, the
// one the Choice names (the most favourable, found by eval/evaluate.cpp) and the others said, not combined.
#pragma once
#include "eval/part.h"

namespace jxjy::eval {

// Which of the window-shaping reductions an evaluation uses (an index into RuleSet::adjustments, -1:
// none), and the others that also apply (said in the result, not combined).
struct Choice {
  int shape = -1;
  std::vector<int> passed_over;
  // 视同完成 of the entries' own years (青海 六（一）) when they name more years than it deems: the year
  // deemed first (0: the latest first), the most favourable one found by eval/evaluate.cpp.
  int deem_first = 0;
};

class Reductions : Part {
 public:
  Reductions(const Profile& p, const RuleSet& rs, Result& res, Asked& ask, const Choice& choice)
      : Part(p, rs, res, ask), choice_(choice) {}
  // Writes ask_ and res_.window, and the reasons and warnings of what applies.
  void decide(const Requirement& q);

 private:
  const Choice& choice_;
  // Staff whose series the notice hands to their own department: computed for reference only.
  void own_department();
  // Every adjustment in turn: applied, or said not to fit; then the circumstances the notice has no provision for.
  void apply_adjustments(const Requirement* q);
  // What one adjustment that applies does (reduction_effects.cpp, with the three below).
  void apply(const Adjustment& a, const Requirement* q);
  // The profile's entry a one-value provision (years since a transfer, years in post) reads: the one
  // that asks most, with a warning when the entries differ.
  const Circumstance* decisive_entry(const Adjustment& a);
  // 视同完成: years deemed complete.
  void deem(const Adjustment& a, const std::string& text);
  // The entries' years inside the window, latest first, once each.
  std::vector<int> years_in_window(const Adjustment& a) const;
  std::string year_list(const std::vector<int>& ys) const;
  // Age from a birth date on the default application date: warn when another day would decide it.
  void warn_if_date_decides_age(const Adjustment& a);
};

}  // namespace jxjy::eval
