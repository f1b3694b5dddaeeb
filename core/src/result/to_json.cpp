#include "jxjy/jxjy.h"
#include "result/json_writer.h"
#include "result/write.h"

namespace jxjy {

void append_json_string(std::string& out, std::string_view text) {
  JsonOut o(out);
  o.str(text);
  o.finish();
}

void to_json(const Result& r, std::string& out) {
  JsonOut o(out);
  write_result(o, r);
  o.finish();
}

std::string rule_set_json(const RuleSet& rs, Locale l) {
  JsonOut o;
  write_rule_set(o, rs, l);
  return o.take();
}

std::string source_json(const Document& d, std::string_view clause) {
  JsonOut o;
  write_source_value(o, Cite{&d, clause, nullptr});
  return o.take();
}

}  // namespace jxjy
