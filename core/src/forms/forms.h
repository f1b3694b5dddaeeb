// The notice's own forms a profile needs (CONTRACT §5.2), filled from the profile and its result.
// Which forms, and what fills each field, is rule data (RuleSet::forms, rules/README.md "forms").
#pragma once
#include <string>
#include <vector>

#include "profile/profile.h"
#include "result/result.h"
#include "rules/rule_set.h"

namespace jxjy {

// The records of p that a per-record form asks for (their `filed` is one the form lists): a second
// check with these records filed says how the notice would count them (result.recordHours).
std::vector<size_t> records_needing_forms(const Profile& p, const RuleSet& rs);

// Appends {"ok":true,"forms":[…]} to out. res: the check of p (ok); filed: the check of p with the
// records of records_needing_forms filed (nullptr when there are none).
void write_forms(const Profile& p, const RuleSet& rs, const Result& res, const Result* filed, std::string& out);

}  // namespace jxjy
