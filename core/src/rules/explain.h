// A rule set in words, for proofreading against its notice (`jxjy explain`, checker.explain in JS).
#pragma once
#include <string>

#include "rules/rule_set.h"

namespace jxjy {

// The rule set as Markdown, in Chinese or English: every annual requirement, requirement, activity
// conversion, cap, exclusion, filing rule and adjustment in words, each with its document and
// clause, and the interpretation where the notice is silent. Pure: the same rule set gives the same text.
std::string explain(const RuleSet& rs, Locale locale);

}  // namespace jxjy
