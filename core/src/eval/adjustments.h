// Which of a rule set's adjustments (reductions, exemptions) apply to a profile. Read by the window's
// reductions (eval/reductions.cpp), the inputs they need (eval/needed_inputs.cpp) and the choice of the
// most favourable reduction (eval/evaluate.cpp).
#pragma once
#include <vector>

#include "profile/profile.h"
#include "rules/rule_set.h"

namespace jxjy::eval {

// Whether an adjustment's route, level and application-year conditions cover the profile.
bool in_scope(const Adjustment& a, const Profile& p);
// The circumstance's years inside the adjustment's `circumstanceYears` period.
std::vector<int> bounded_years(const Adjustment& a, const Circumstance& c);
// The profile's entries of the adjustment's circumstance that meet its conditions.
std::vector<const Circumstance*> entries(const Adjustment& a, const Profile& p);
// Whether every condition of an adjustment holds for the profile.
bool applies(const Adjustment& a, const Profile& p);
// Whether it is one of the reductions that change which years are required (only one of them is used).
bool shapes_window(const Adjustment& a);

}  // namespace jxjy::eval
