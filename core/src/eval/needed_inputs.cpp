// The inputs a rule set needs that the contract leaves optional (eval/evaluate.h).
#include "eval/evaluate.h"

#include "base/messages.h"
#include "eval/adjustments.h"

namespace jxjy {

using eval::in_scope;

// Some answers depend on facts the contract leaves optional; ask for them only when they matter.
void check_needed_inputs(const Profile& p, const RuleSet& rs, const std::vector<bool>& skip_record,
                         std::vector<Problem>& errors) {
  for (const auto& q : rs.requirements) {
    if (q.route != p.route || !allows(q.levels, p.level)) continue;
    if (q.education != 0 && p.education == Education::unknown) {
      errors.push_back({"missing", "/education",
                        message_text(M::missing_education, Text{std::string(kRouteNames[int(p.route)].zh),
                                                                  std::string(kRouteNames[int(p.route)].en)})});
      break;
    }
    if (!allows(q.education, p.education)) continue;
    // Years counted from the current title: without its year, any default could be more lenient.
    if (!q.exempt && q.window.kind == Window::since_title && !q.window.has_fallback && p.title_since == 0)
      errors.push_back({"missing", "/currentTitleSince",
                        message_text(M::missing_title_year)});
    break;
  }
  for (const auto& a : rs.adjustments) {
    if (!a.has_age || !in_scope(a, p)) continue;
    if (p.age < 0)
      errors.push_back({"missing", "/age",
                        message_text(M::missing_age)});
    if (p.gender == Gender::unknown)
      errors.push_back({"missing", "/gender",
                        message_text(M::missing_gender)});
    break;
  }
  for (size_t i = 0; i < p.training.size(); ++i) {
    if (i < skip_record.size() && skip_record[i]) continue;
    const Record& r = p.training[i];
    const ActivityRule& rule = rs.activities[int(r.activity)];
    if (rule.excluded) continue;
    auto path = [i] { return "/training/" + std::to_string(i); };  // made only for an error
    bool fixed = rule.units[int(Unit::none)].accepted;
    if (r.unit == Unit::none && !fixed)
      errors.push_back({"missing_amount", path(),
                        message_text(M::missing_amount)});
    if (r.unit == Unit::days && !fixed && rule.units[int(Unit::days)].by_level && r.level == ConfLevel::unknown)
      errors.push_back({"missing", path() + "/level",
                        message_text(M::missing_conference_level)});
  }
}

}  // namespace jxjy
