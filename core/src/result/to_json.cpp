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

void serialise_once(RuleSet& rs) {
  for_each_source(rs, [&](Source& s) {
    if (s.doc < 0) return;  // an item the file does not have
    JsonOut o;
    write_source_value(o, Citation{&rs.documents[size_t(s.doc)], s.clause, nullptr});
    s.json = o.take();
  });
  for (Locale l : {Locale::zh, Locale::en}) {
    JsonOut o;
    write_rule_set(o, rs, l);
    rs.json[int(l)] = o.take();
  }
}

}  // namespace jxjy
