// libFuzzer target: arbitrary profile text -> Checker::evaluate against the built-in rule sets.
// Whatever the bytes, the result must be one valid JSON object as check_result() describes, and
// nothing may crash, leak or trip ASan/UBSan. Profiles are read by the core's own lexer
// (core/src/json/lexer.h): it must accept exactly the texts nlohmann::json::accept accepts.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <cstring>

#include <nlohmann/json.hpp>

#include "check_result.h"
#include "jxjy/jxjy.h"

static const jxjy::Checker& checker() {
  static const auto c = [] {
    std::vector<jxjy::RuleError> errors;
    auto made = jxjy::Checker::create(jxjy::builtin_rule_files(), errors);
    if (!made) {
      std::fprintf(stderr, "the built-in rule files do not load\n");
      std::abort();
    }
    return made;
  }();
  return *c;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  bool input_ok = false;
  std::string out = checker().evaluate(text, input_ok);
  jxjy_fuzz::check_result(out, input_ok);

  // The lexer oracle. Texts refused before lexing (NUL bytes, too deep, too long) are left out.
  const auto result = nlohmann::json::parse(out);
  const std::string code = input_ok ? "" : result["errors"][0]["code"].get<std::string>();
  bool before_lexing = std::memchr(data, 0, size) != nullptr || code == "too_deep" || code == "too_long";
  if (!before_lexing && nlohmann::json::accept(text) == (code == "invalid_json")) {
    std::fprintf(stderr, "lexer disagrees with nlohmann::json::accept (core says %s)\n",
                 code.empty() ? "ok" : code.c_str());
    std::abort();
  }
  return 0;
}
