// Shared by the fuzz targets: what every result must look like, whatever the input (CONTRACT §3).
#pragma once
#include <cstdio>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

namespace jxjy_fuzz {

[[noreturn]] inline void fail(const char* why, const std::string& out) {
  std::fprintf(stderr, "result check failed: %s\noutput (%zu bytes): %.2000s\n", why, out.size(), out.c_str());
  std::abort();
}

// The output is one non-empty, valid JSON object (valid UTF-8 included) with a boolean "ok";
// ok:false carries a non-empty errors[] of {code, path, message} whose path is a JSON Pointer;
// ok:true carries a known status and eligible == (status != "short"). input_ok must agree with ok.
inline void check_result(const std::string& out, bool input_ok) {
  if (out.empty()) fail("empty output", out);
  nlohmann::json r = nlohmann::json::parse(out, nullptr, /*allow_exceptions=*/false);
  if (r.is_discarded()) fail("not valid JSON", out);
  if (!r.is_object()) fail("not an object", out);
  auto ok = r.find("ok");
  if (ok == r.end() || !ok->is_boolean()) fail("no boolean ok", out);
  if (ok->get<bool>() != input_ok) fail("input_ok disagrees with ok", out);
  auto warnings = r.find("warnings");
  if (warnings == r.end() || !warnings->is_array()) fail("no warnings array", out);
  if (!ok->get<bool>()) {
    auto errors = r.find("errors");
    if (errors == r.end() || !errors->is_array() || errors->empty()) fail("ok:false without errors", out);
    for (const auto& e : *errors) {
      if (!e.is_object() || !e.contains("code") || !e["code"].is_string() || !e.contains("path") ||
          !e["path"].is_string() || !e.contains("message") || !e["message"].is_string() ||
          e["message"].get<std::string>().empty())
        fail("malformed error entry", out);
      const std::string& p = e["path"].get_ref<const std::string&>();
      if (!p.empty() && p[0] != '/') fail("error path is not a JSON Pointer", out);
    }
    return;
  }
  auto status = r.find("status");
  if (status == r.end() || !status->is_string()) fail("ok:true without status", out);
  const std::string& s = status->get_ref<const std::string&>();
  if (s != "met" && s != "exempt" && s != "advisory" && s != "short") fail("unknown status", out);
  auto eligible = r.find("eligible");
  if (eligible == r.end() || !eligible->is_boolean() || eligible->get<bool>() != (s != "short"))
    fail("eligible does not match status", out);
}

}  // namespace jxjy_fuzz
