#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json/read.h"
#include "rules/rule_set.h"

namespace jxjy {

// Parses and validates one rule file. On any problem returns nullopt; every problem found is
// appended with its JSON Pointer inside the file.
std::optional<RuleSet> load_rule_set(const std::string& file, std::string_view text, std::vector<Problem>& problems);

}  // namespace jxjy
