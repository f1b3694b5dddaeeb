// A result written through a writer: JsonOut (result/json_writer.h), the JSON text of the CLI, the C++ API
// and the JS module (web/lib/jxjy.js parses it: bench/README.md "The checker's boundary: tape or JSON").
//
// A writer has obj/end_obj, arr/end_arr, key(Key), str, integer, number, boolean, and
// cached(json, write): a value serialised once as JSON at load, or written by `write`.
#pragma once
#include "base/names.h"
#include "result/result.h"
#include "result/keys.h"

namespace jxjy {

inline std::string_view status_name(Status s) {
  switch (s) {
    case Status::met: return "met";
    case Status::exempt: return "exempt";
    case Status::advisory: return "advisory";
    default: return "short";
  }
}

template <class Out>
void write_source_value(Out& o, const Citation& c) {
  o.cached(c.json, [&] {
    // The title is in ruleSet.sources; repeating it on every record would double the result's size.
    o.obj();
    o.key(Key::number).str(c.doc->citation());
    o.key(Key::clause).str(c.clause);
    o.end_obj();
  });
}

template <class Out>
void write_source(Out& o, const Citation& c) {
  o.key(Key::source);
  write_source_value(o, c);
}

template <class Out>
void write_notes(Out& o, Key k, const std::vector<Finding>& notes) {
  o.key(k).arr();
  for (const auto& n : notes) {
    o.obj();
    o.key(Key::code).str(n.code);
    o.key(Key::message).str(n.message);
    if (!n.path.empty()) o.key(Key::path).str(n.path);
    if (n.cite.doc) write_source(o, n.cite);
    if (!n.records.empty()) {
      o.key(Key::records).arr();
      for (int i : n.records) o.integer(i);
      o.end_arr();
    }
    if (n.status_if_unfiled >= 0) o.key(Key::statusIfUnfiled).str(status_name(Status(n.status_if_unfiled)));
    o.end_obj();
  }
  o.end_arr();
}

template <class Out>
void write_amount(Out& o, Key k, const Amount& a) {
  o.key(k).obj();
  o.key(Key::credited).number(hours_of(a.credited));
  o.key(Key::required).number(hours_of(a.required));
  o.end_obj();
}

// The "ruleSet" object of a result (JsonOut serialises it once per rule set and locale at load).
template <class Out>
void write_rule_set(Out& o, const RuleSet& rs, Locale l) {
  o.obj();
  o.key(Key::id).str(rs.id);
  o.key(Key::region).str(rs.region);
  o.key(Key::regionName).str(rs.region_name.in(l));
  o.key(Key::year).integer(rs.notice_year);
  o.key(Key::file).str(rs.file);
  if (rs.scope) o.key(Key::scope).str(rs.scope->in(l));
  o.key(Key::sources).arr();
  for (const auto& d : rs.documents) {
    o.obj();
    o.key(Key::title).str(d.title);
    o.key(Key::number).str(d.citation());
    if (!d.date.empty()) o.key(Key::date).str(d.date);
    if (!d.issuer.empty()) o.key(Key::issuer).str(d.issuer);
    if (!d.note.empty()) o.key(Key::note).str(d.note);
    o.end_obj();
  }
  o.end_arr().end_obj();
}

template <class Out>
void write_result(Out& o, const Result& r) {
  o.obj();
  o.key(Key::ok).boolean(r.ok);
  if (!r.ok) {
    o.key(Key::errors).arr();
    for (const auto& p : r.errors) {
      o.obj();
      o.key(Key::code).str(p.code);
      o.key(Key::path).str(p.path);
      o.key(Key::message).str(p.message.in(r.locale));
      o.end_obj();
    }
    o.end_arr();
    write_notes(o, Key::warnings, r.warnings);
    o.end_obj();
    return;
  }
  o.key(Key::eligible).boolean(r.status != Status::short_of_hours);
  o.key(Key::status).str(status_name(r.status));
  if (r.conditional) o.key(Key::conditional).boolean(true);
  o.key(Key::ruleSet).cached(&r.rule_set->json[int(r.locale)], [&] { write_rule_set(o, *r.rule_set, r.locale); });
  o.key(Key::requiredYears).integer(r.required_years);
  o.key(Key::window).arr();
  for (int y : r.window) o.integer(y);
  o.end_arr();
  o.key(Key::years).arr();
  for (const auto& y : r.years) {
    o.obj();
    o.key(Key::year).integer(y.year);
    o.key(Key::met).boolean(y.met);
    o.key(Key::waived).boolean(y.waived);
    o.key(Key::required).boolean(y.required);
    write_amount(o, Key::public_, y.pub);
    write_amount(o, Key::professional, y.prof);
    write_amount(o, Key::total, y.total);
    o.end_obj();
  }
  o.end_arr();
  o.key(Key::shortfall).arr();
  for (const auto& g : r.shortfall) {
    o.obj();
    o.key(Key::year).integer(g.year);
    o.key(Key::subject).str(kSubjectNames[int(g.subject)].id);
    o.key(Key::hours).number(hours_of(g.hours));
    o.key(Key::canComplete).boolean(g.can_complete);
    o.key(Key::deadline);
    if (g.deadline.empty()) o.null();
    else o.str(g.deadline);
    if (g.cite.doc) write_source(o, g.cite);
    o.end_obj();
  }
  o.end_arr();
  o.key(Key::records).arr();
  for (const auto& t : r.records) {
    o.obj();
    o.key(Key::index).integer(t.index);
    o.key(Key::year).integer(t.year);
    o.key(Key::subject).str(kSubjectNames[int(t.subject)].id);
    o.key(Key::activity).str(kActivityNames[int(t.activity)].id);
    o.key(Key::credited).number(hours_of(t.credited));
    o.key(Key::counted).boolean(t.counted);
    o.key(Key::basis).str(t.basis);
    if (t.cite.doc) write_source(o, t.cite);
    if (t.spans) {
      o.key(Key::years).arr();
      for (const auto& y : t.years) {
        o.obj();
        o.key(Key::year).integer(y.year);
        o.key(Key::credited).number(hours_of(y.credited));
        o.end_obj();
      }
      o.end_arr();
    }
    if (t.has_reason) {
      o.key(Key::reason).obj();
      o.key(Key::code).str(t.reason.code);
      o.key(Key::message).str(t.reason.message);
      if (t.reason.cite.doc) write_source(o, t.reason.cite);
      o.end_obj();
    }
    o.end_obj();
  }
  o.end_arr();
  write_notes(o, Key::reasons, r.reasons);
  write_notes(o, Key::warnings, r.warnings);
  o.end_obj();
}

}  // namespace jxjy
