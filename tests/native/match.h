// The corpus matcher (tests/README.md): `expect` is a subset of the result, with the special keys
// reasonCodes / warningCodes / noWarningCodes / errorPaths. tests/node/match.mjs is its twin.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace jxjy_test {

// Empty when the result matches; otherwise one line per mismatch, each naming its pointer.
std::vector<std::string> match_expect(const nlohmann::json& expect, const nlohmann::json& result);

}  // namespace jxjy_test
