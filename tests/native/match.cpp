#include "match.h"

#include <cmath>

namespace jxjy_test {
namespace {

using nlohmann::json;

void subset(const json& want, const json& got, const std::string& path, std::vector<std::string>& out) {
  if (want.is_object()) {
    if (!got.is_object()) {
      out.push_back(path + ": expected an object, got " + got.dump());
      return;
    }
    for (auto it = want.begin(); it != want.end(); ++it) {
      auto g = got.find(it.key());
      if (g == got.end()) out.push_back(path + "/" + it.key() + ": missing in result");
      else subset(it.value(), *g, path + "/" + it.key(), out);
    }
  } else if (want.is_array()) {
    if (!got.is_array() || got.size() != want.size()) {
      out.push_back(path + ": expected " + want.dump() + ", got " + got.dump());
      return;
    }
    for (size_t i = 0; i < want.size(); ++i) subset(want[i], got[i], path + "/" + std::to_string(i), out);
  } else if (want.is_number()) {
    if (!got.is_number() || std::fabs(want.get<double>() - got.get<double>()) >= 1e-9)
      out.push_back(path + ": expected " + want.dump() + ", got " + got.dump());
  } else if (want != got) {
    out.push_back(path + ": expected " + want.dump() + ", got " + got.dump());
  }
}

bool has(const json& list, const char* field, const json& value) {
  if (!list.is_array()) return false;
  for (const auto& e : list)
    if (e.is_object() && e.contains(field) && e[field] == value) return true;
  return false;
}

}  // namespace

std::vector<std::string> match_expect(const json& expect, const json& result) {
  std::vector<std::string> out;
  json plain = json::object();
  for (auto it = expect.begin(); it != expect.end(); ++it) {
    const std::string& k = it.key();
    const json empty = json::array();
    const json& reasons = result.contains("reasons") ? result["reasons"] : empty;
    const json& warnings = result.contains("warnings") ? result["warnings"] : empty;
    const json& errors = result.contains("errors") ? result["errors"] : empty;
    if (k == "reasonCodes") {
      for (const auto& c : it.value())
        if (!has(reasons, "code", c)) out.push_back("reasons: no code " + c.dump());
    } else if (k == "warningCodes") {
      for (const auto& c : it.value())
        if (!has(warnings, "code", c)) out.push_back("warnings: no code " + c.dump());
    } else if (k == "noWarningCodes") {
      for (const auto& c : it.value())
        if (has(warnings, "code", c)) out.push_back("warnings: unexpected code " + c.dump());
    } else if (k == "noReasonCodes") {
      for (const auto& c : it.value())
        if (has(reasons, "code", c)) out.push_back("reasons: unexpected code " + c.dump());
    } else if (k == "warningsInclude" || k == "reasonsInclude") {
      const json& list = k == "warningsInclude" ? warnings : reasons;
      for (const auto& want : it.value()) {
        bool found = false;
        for (const auto& got : list) {
          std::vector<std::string> miss;
          subset(want, got, "", miss);
          found = found || miss.empty();
        }
        if (!found) out.push_back(k + ": none matches " + want.dump() + " in " + list.dump());
      }
    } else if (k == "errorPaths") {
      if (result.value("ok", true)) out.push_back("ok: expected false");
      for (const auto& p : it.value())
        if (!has(errors, "path", p)) out.push_back("errors: no path " + p.dump() + " in " + errors.dump());
    } else {
      plain[k] = it.value();
    }
  }
  subset(plain, result, "", out);
  return out;
}

}  // namespace jxjy_test
