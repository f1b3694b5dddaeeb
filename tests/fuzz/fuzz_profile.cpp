// libFuzzer target: arbitrary profile text -> Checker::evaluate against the built-in rule sets.
// Whatever the bytes, the result must be one valid JSON object as check_result() describes, and
// nothing may crash, leak or trip ASan/UBSan.
#include <cstddef>
#include <cstdint>
#include <string_view>

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
  return 0;
}
