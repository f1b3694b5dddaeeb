// libFuzzer target: arbitrary bytes as a roll spreadsheet (core/src/roll/) -> read_roll, then
// roll_results_csv against the built-in rule sets. Whatever the bytes: nothing crashes, leaks or trips
// ASan/UBSan; every error names a row inside the file; every person's profile is one JSON object the
// checker answers without internal_error; the results CSV is UTF-8 with one header and a line per person.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "jxjy/jxjy.h"

namespace {

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "fuzz_roll: %s\n", what);
  std::abort();
}

const jxjy::Checker& checker() {
  static const auto c = [] {
    std::vector<jxjy::RuleError> errors;
    auto made = jxjy::Checker::create(jxjy::builtin_rule_files(), errors);
    if (!made) fail("the built-in rule files do not load");
    return made;
  }();
  return *c;
}

size_t lines_outside_quotes(std::string_view csv) {  // CRLF line ends not inside a quoted cell
  size_t n = 0;
  bool quoted = false;
  for (size_t i = 0; i < csv.size(); ++i) {
    if (csv[i] == '"') quoted = !quoted;
    else if (!quoted && csv[i] == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') ++n;
  }
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  // At most this many rows: a line ends at LF, CRLF or a lone CR (core/src/roll/csv.h).
  const size_t rows = size_t(std::count(text.begin(), text.end(), '\n') + std::count(text.begin(), text.end(), '\r')) + 2;
  for (const char* locale : {"zh", "en"}) {
    jxjy::Roll roll = jxjy::read_roll(text, locale);
    // Every person is read and checked; the first kEvaluated are also evaluated, alone and in the results
    // CSV (a 1 MiB input of one-line people evaluated whole ran at ~11 inputs a second; the engine has
    // its own target, fuzz_profile).
    constexpr size_t kEvaluated = 32;
    size_t evaluated = 0;
    for (const auto& e : roll.errors)
      if (e.row > rows || e.code.empty() || e.message.empty()) fail("a file error without code, message or a row in the file");
    for (const auto& p : roll.people) {
      if (p.name.empty() || p.first_row == 0 || p.first_row > rows) fail("a person without a name or first row");
      for (const auto& e : p.errors)
        if (e.row == 0 || e.row > rows || e.code.empty() || e.message.empty()) fail("a row error without code, message or row");
      if (!p.errors.empty() || ++evaluated > kEvaluated) continue;
      if (!nlohmann::json::accept(p.profile)) fail("a profile that is not JSON");
      bool ok = false;
      auto r = nlohmann::json::parse(checker().evaluate(p.profile, ok));
      if (!ok && r["errors"][0]["code"] == "internal_error") fail("internal_error on a roll profile");
    }
    if (roll.people.size() > kEvaluated) roll.people.resize(kEvaluated);
    bool all_ok = false;
    std::string csv = jxjy::roll_results_csv(checker(), roll, locale, all_ok);
    try {
      (void)nlohmann::json(csv).dump();  // throws on text that is not UTF-8
    } catch (const nlohmann::json::exception&) {
      fail("results CSV is not UTF-8");
    }
    if (lines_outside_quotes(csv) != roll.people.size() + 1) fail("results CSV is not one line per person");
  }
  return 0;
}
