#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json/read.h"
#include "rules/rule_set.h"

namespace jxjy {

// Parses and validates one rule file into rs (a RuleSet as default-constructed). On any problem returns
// false (rs then holds part of the file: do not use it); every problem found is appended with its JSON
// Pointer inside the file.
// parsed: `text` already parsed by the caller (the basedOn resolver reads every file), else null.
bool load_rule_set(const std::string& file, std::string_view text, RuleSet& rs, std::vector<Problem>& problems,
                   const JsonDoc* parsed = nullptr);

}  // namespace jxjy
