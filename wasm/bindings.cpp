// jxjy wasm bindings: a thin embind shell over jxjy::Checker (CONTRACT §1, the JS module web/jxjy.js).
//
// One module instance holds one Checker. JSON text in, JSON text out; no rule logic here, and no
// JSON library either (the core's parser does all the reading, so nlohmann's serializer stays out
// of the wasm).
//   add_rule_set(text)  queue one rule set (JSON text); queued sets are named rules[0], rules[1], …
//   init(builtin)       create the Checker from the built-in rule files (builtin = true) or from the
//                       queued rule sets. Returns "[]" when it is ready, else a JSON array of the
//                       problems, each {file, path, code, message} (file = "rules[i]" or "").
//   evaluate(text)      profile JSON text -> result JSON text (Checker::evaluate never throws).
//   regions()           the region catalogue as JSON text ("[]" before a successful init).
//   version()           the library version.
#include <emscripten/bind.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "jxjy/jxjy.h"

namespace {

std::unique_ptr<jxjy::Checker> g_checker;
std::vector<jxjy::RuleFile> g_pending;

void quote(std::string& out, const std::string& s) {
  out += '"';
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += ch;
    }
  }
  out += '"';
}

void add_rule_set(const std::string& text) {
  g_pending.push_back({"rules[" + std::to_string(g_pending.size()) + "]", text});
}

std::string init(bool builtin) {
  g_checker.reset();
  std::vector<jxjy::RuleFile> files = builtin ? jxjy::builtin_rule_files() : std::move(g_pending);
  g_pending.clear();
  std::vector<jxjy::RuleError> errors;
  auto checker = jxjy::Checker::create(files, errors);
  std::string out = "[";
  for (const auto& e : errors) {
    if (out.size() > 1) out += ',';
    out += "{\"file\":";
    quote(out, e.file);
    out += ",\"path\":";
    quote(out, e.path);
    out += ",\"code\":";
    quote(out, e.code);
    out += ",\"message\":";
    quote(out, e.message);
    out += '}';
  }
  if (checker && errors.empty()) g_checker = std::move(checker);
  else if (errors.empty())
    out += R"({"file":"","path":"","code":"invalid_rules","message":"the rule sets could not be loaded"})";
  return out + "]";
}

std::string evaluate(const std::string& profile_json) {
  if (!g_checker)
    return R"({"ok":false,"errors":[{"code":"no_rules","path":"","message":"no rule sets loaded"}],"warnings":[]})";
  return g_checker->evaluate(profile_json);
}

std::string regions() { return g_checker ? g_checker->regions() : std::string("[]"); }

std::string version() { return jxjy::version(); }

}  // namespace

EMSCRIPTEN_BINDINGS(jxjy) {
  emscripten::function("add_rule_set", &add_rule_set);
  emscripten::function("init", &init);
  emscripten::function("evaluate", &evaluate);
  emscripten::function("regions", &regions);
  emscripten::function("version", &version);
}
