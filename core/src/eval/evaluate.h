#pragma once
#include <vector>

#include "json/read.h"
#include "profile/profile.h"
#include "rules/rule_set.h"
#include "result/result.h"

namespace jxjy {

// Checks a valid profile against the rule set chosen for it. Inputs the rule set needs but the
// profile lacks (education for recognition, age where age rules apply, …) become errors in `res`.
void evaluate(const Profile& p, const RuleSet& rs, Result& res);

// The inputs the rule set needs that the profile lacks (education where the requirement depends on it,
// age and gender where age rules apply, an amount, a conference level). Records marked in skip_record
// already have errors of their own and are left alone.
void check_needed_inputs(const Profile& p, const RuleSet& rs, const std::vector<bool>& skip_record,
                         std::vector<Problem>& errors);

}  // namespace jxjy
