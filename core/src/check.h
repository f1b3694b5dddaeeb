// One profile checked into a Result, for the core's own writers beside the JSON text (the roll's CSV):
// they read the Result directly instead of parsing the JSON back.
#pragma once
#include <string_view>

#include "jxjy/jxjy.h"
#include "result/result.h"

namespace jxjy {

void check(const Checker& checker, std::string_view profile_json, Result& res);

}  // namespace jxjy
