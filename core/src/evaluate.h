#pragma once
#include "model.h"
#include "result.h"

namespace jxjy {

// Checks a valid profile against the rule set chosen for it. Inputs the rule set needs but the
// profile lacks (education for recognition, age where age rules apply, …) become errors in `res`.
void evaluate(const Profile& p, const RuleSet& rs, Result& res);

}  // namespace jxjy
