// What the parts of one evaluation share. eval/evaluate.cpp runs them in order on one Result:
//   Reductions (reductions.cpp, reduction_effects.cpp)  what the requirement asks of this applicant: the window, the reductions
//                                and exemptions that apply (Asked)
//   Crediting (credit_record.cpp, convert.cpp, across_records.cpp)  what each record credits, year by year
//   Verdict (verdict.cpp, shortfall.cpp)  the years' sums, the status, and what is short and until when
// (and the rule set's adjustments that apply to a profile: adjustments.h)
// Each part reads the profile and the rule set, writes into the result and words and cites through the
// helpers of Part; the window's years are Part's (window.cpp), as every part asks about them.
#pragma once
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/format.h"
#include "base/messages.h"
#include "profile/profile.h"
#include "result/result.h"
#include "rules/rule_set.h"

namespace jxjy::eval {

// What the requirement, once reductions apply, asks of this applicant (decided by Reductions, read by
// the other parts). The window's years themselves are in Result::window.
struct Asked {
  Window window;
  const RuleItem* window_by = nullptr;  // the clause that set the window: the requirement or an adjustment
  int count = kAllYears;                // compliant years needed (kAllYears: every year of the window)
  int deemed = 0;                       // years deemed complete without naming them (视同…任意一年)
  std::vector<int> waived;              // years that need no hours
  const Adjustment* waived_by = nullptr;  // the adjustment that waived (or deemed) years of its own
  bool exempt = false, advisory = false;
};

class Part {
 protected:
  Part(const Profile& p, const RuleSet& rs, Result& res, Asked& ask)
      : p_(p), rs_(rs), res_(res), L_(p.locale), ask_(ask) {}

  const Profile& p_;
  const RuleSet& rs_;
  Result& res_;
  Locale L_;
  Asked& ask_;

  // A message of the catalogue (core/data/messages.json) in the profile's language.
  template <class... A>
  std::string_view msg(M m, const A&... args) {
    return message(res_.texts, L_, m, args...);
  }

  Citation cite(const Source& s) const {
    Citation c;
    if (s.doc >= 0 && size_t(s.doc) < rs_.documents.size()) c.doc = &rs_.documents[s.doc];
    c.clause = s.clause;
    if (!s.json.empty()) c.json = &s.json;
    return c;
  }
  void add_reason(std::string_view code, std::string_view message, const RuleItem& c) {
    res_.reasons.push_back({code, message, cite(c.source)});
  }
  void add_reason(std::string_view code, std::string_view message, const Citation& c) {
    res_.reasons.push_back({code, message, c});
  }
  void warn(std::string_view code, std::string_view message, const Source* s = nullptr) {
    Finding n{code, message, {}};
    if (s) n.cite = cite(*s);
    res_.warnings.push_back(std::move(n));
  }
  // Each interpretation is reported once, however many records it decides.
  void interpret(const RuleItem& c) { interpret(c.interpretation, c.source); }
  // (the reading and its source live in the rule set, which outlives the result)
  void interpret(const std::optional<Text>& reading, const Source& source);

  // "职称评审·中级", and the education where the requirement depends on it ("考核认定·中级（博士研究生）").
  std::string_view applicant(const Requirement* q = nullptr);
  // The hours of professional subjects a year asks (the share of the total, rounded up, where one is set).
  Micro professional_required() const;
  // "2023-12-31", kept in the result's texts.
  std::string_view date_text(int ymd);
  // "2021—2023" (one year: "2023").
  std::string_view span_of(const std::vector<int>& w);
  static Num hnum(Micro m) { return num(hours_of(m)); }

  // The window's years (window.cpp), ending with the application year.
  std::vector<int> years_of(Window::Kind kind, int n, const Requirement* q, const Window& w);
  void set_window(const Window& w, const Requirement* q) { res_.window = years_of(w.kind, w.n, q, w); }
  // Fewer years required: keep only the years from `from`, never more than the rule asked.
  void limit_window_from(int from);
  int needed_years() const { return ask_.count == kAllYears ? int(res_.window.size()) : ask_.count; }
  // "2021—2023年每一年度" / "2023年度" / "2021—2023年中任意一个年度（可不连续）".
  std::string_view describe_window(int needed, const std::vector<int>& window);
  bool in_window(int y) const { return std::find(res_.window.begin(), res_.window.end(), y) != res_.window.end(); }
};

}  // namespace jxjy::eval
