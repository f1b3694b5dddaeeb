#include "json_out.h"
#include "names.h"
#include "result.h"

namespace jxjy {
namespace {

const char* status_name(Status s) {
  switch (s) {
    case Status::met: return "met";
    case Status::exempt: return "exempt";
    case Status::advisory: return "advisory";
    default: return "short";
  }
}

void write_source(JsonOut& o, const Cite& c) {
  if (c.json) {
    o.key("source").raw(*c.json);
    return;
  }
  o.key("source").obj();
  // The title is in ruleSet.sources; repeating it on every record would double the result's size.
  o.kv("number", c.doc->citation()).kv("clause", c.clause);
  o.end_obj();
}

void write_notes(JsonOut& o, const char* key, const std::vector<Note>& notes) {
  o.key(key).arr();
  for (const auto& n : notes) {
    o.obj().kv("code", n.code).kv("message", n.message);
    if (!n.path.empty()) o.kv("path", n.path);
    if (n.cite.doc) write_source(o, n.cite);
    o.end_obj();
  }
  o.end_arr();
}

void write_problems(JsonOut& o, const char* key, const std::vector<Problem>& ps, Locale l) {
  o.key(key).arr();
  for (const auto& p : ps) o.obj().kv("code", p.code).kv("path", p.path).kv("message", p.message.in(l)).end_obj();
  o.end_arr();
}

void write_amount(JsonOut& o, const char* key, const Amount& a) {
  o.key(key).obj().kv_num("credited", a.credited).kv_num("required", a.required).end_obj();
}

}  // namespace

void write_rule_set(JsonOut& o, const RuleSet& rs, Locale l) {
  o.obj();
  o.kv("id", rs.id).kv("region", rs.region).kv("regionName", rs.region_name.in(l));
  o.kv_int("year", rs.notice_year).kv("file", rs.file);
  o.key("sources").arr();
  for (const auto& d : rs.documents) {
    o.obj().kv("title", d.title).kv("number", d.citation());
    if (!d.date.empty()) o.kv("date", d.date);
    if (!d.issuer.empty()) o.kv("issuer", d.issuer);
    if (!d.note.empty()) o.kv("note", d.note);
    o.end_obj();
  }
  o.end_arr().end_obj();
}

void to_json(const Result& r, std::string& out) {
  JsonOut o(out);
  o.obj().kv("ok", r.ok);
  if (!r.ok) {
    write_problems(o, "errors", r.errors, r.locale);
    write_notes(o, "warnings", r.warnings);
    o.end_obj().finish();
    return;
  }
  o.kv("eligible", r.status != Status::short_of_hours).kv("status", status_name(r.status));
  o.key("ruleSet").raw(r.rule_set->json[int(r.locale)]);
  o.kv_int("requiredYears", r.required_years);
  o.key("window").arr();
  for (int y : r.window) o.integer(y);
  o.end_arr();
  o.key("years").arr();
  for (const auto& y : r.years) {
    o.obj().kv_int("year", y.year).kv("met", y.met).kv("waived", y.waived);
    write_amount(o, "public", y.pub);
    write_amount(o, "professional", y.prof);
    write_amount(o, "total", y.total);
    o.end_obj();
  }
  o.end_arr();
  o.key("shortfall").arr();
  for (const auto& g : r.shortfall)
    o.obj().kv_int("year", g.year).kv("subject", kSubjectNames[int(g.subject)].id).kv_num("hours", g.hours).end_obj();
  o.end_arr();
  o.key("records").arr();
  for (const auto& t : r.records) {
    o.obj().kv_int("index", t.index).kv_int("year", t.year);
    o.kv("subject", kSubjectNames[int(t.subject)].id).kv("activity", kActivityNames[int(t.activity)].id);
    o.kv_num("credited", t.credited).kv("counted", t.counted).kv("basis", t.basis);
    if (t.cite.doc) write_source(o, t.cite);
    if (t.has_reason) {
      o.key("reason").obj().kv("code", t.reason.code).kv("message", t.reason.message);
      if (t.reason.cite.doc) write_source(o, t.reason.cite);
      o.end_obj();
    }
    o.end_obj();
  }
  o.end_arr();
  write_notes(o, "reasons", r.reasons);
  write_notes(o, "warnings", r.warnings);
  o.end_obj().finish();
}

}  // namespace jxjy
