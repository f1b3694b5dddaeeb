// The forms a profile needs, filled (CONTRACT §5.2). Values are the form's own language (Chinese: the
// forms are the notice's); purpose and interpretation follow the profile's locale.
#include "forms/forms.h"

#include <optional>

#include "base/messages.h"
#include "base/names.h"
#include "result/json_writer.h"

namespace jxjy {
namespace {

using Value = std::optional<std::string>;

std::string date_text(int ymd) { return DateText(ymd).str(); }

std::string hours_text(Micro m) { return num(hours_of(m)).str(); }

bool record_matches(const Form& f, const Record& r) {
  if (!allows(f.activities, r.activity) || !allows(f.subjects, r.subject)) return false;
  if (r.filed_unknown) return f.filed_null;
  return r.filed ? f.filed_true : f.filed_false;
}

bool route_matches(const Form& f, const Profile& p) { return allows(f.routes, p.route); }

// The activity in the form's words: the person's note when there is one, else the activity's name.
std::string activity_word(const Record& r) { return std::string(word(kActivityNames, unsigned(r.activity), Locale::zh)); }

std::string period(const Record& r) {
  if (r.start && r.end)
    return r.start == r.end ? date_text(r.start) : jxjy::fill(catalogue_text(M::form_period, Locale::zh), {date_text(r.start), date_text(r.end)});
  return jxjy::fill(catalogue_text(M::form_year, Locale::zh), {std::to_string(r.year)});
}

// What one per-year form lists: the records of its kinds credited in that year.
struct Row {
  size_t index;
  Micro hours;
};

struct Context {
  const Profile& p;
  const RuleSet& rs;
  const Result& res;
  const Result* filed;
  const Form& form;
  long record = -1;                 // per-record forms
  const YearResult* year = nullptr;  // per-year forms
  std::vector<Row> rows;
  int circumstance = -1;            // once: the kind that calls for it

  Value value(FormFill fill) const {
    switch (fill) {
      case FormFill::blank: return std::nullopt;
      case FormFill::profile_gender:
        if (p.gender == Gender::unknown) return std::nullopt;
        return std::string(word(kGenderNames, unsigned(p.gender), Locale::zh));
      case FormFill::profile_birth_month:
        if (!p.birth_date) return std::nullopt;
        return jxjy::fill(catalogue_text(M::form_month, Locale::zh),
                    {std::to_string(p.birth_date / 10000), std::to_string(p.birth_date / 100 % 100)});
      case FormFill::profile_education:
        if (p.education == Education::unknown) return std::nullopt;
        return std::string(word(kEducationNames, unsigned(p.education), Locale::zh));
      case FormFill::profile_level: return std::string(word(kLevelNames, unsigned(p.level), Locale::zh));
      case FormFill::profile_circumstance:
        if (circumstance < 0) return std::nullopt;
        return std::string(word(kCircumstanceNames, unsigned(circumstance), Locale::zh));
      case FormFill::record_content: {
        if (record < 0) return std::nullopt;
        const Record& r = p.training[size_t(record)];
        if (r.note.empty()) return activity_word(r);
        return r.note;
      }
      case FormFill::record_period:
        if (record < 0) return std::nullopt;
        return period(p.training[size_t(record)]);
      case FormFill::record_activity:
        if (record < 0) return std::nullopt;
        return activity_word(p.training[size_t(record)]);
      case FormFill::result_record_hours: {
        // As the notice counts the record were it filed; blank when it would not count even then.
        if (record < 0 || !filed || size_t(record) >= filed->records.size()) return std::nullopt;
        const RecordResult& t = filed->records[size_t(record)];
        if (!t.counted || t.credited <= 0) return std::nullopt;
        return hours_text(t.credited);
      }
      case FormFill::result_year:
        if (!year) return std::nullopt;
        return std::to_string(year->year);
      case FormFill::result_professional:
        if (!year) return std::nullopt;
        return hours_text(year->prof.credited);
      case FormFill::result_missing: {
        // The hours the result says are still missing in the year; 0 when the year is met; blank when
        // the result names none although the year is not met (a year the verdict does not need).
        if (!year) return std::nullopt;
        Micro sum = 0;
        bool any = false;
        for (const auto& g : res.shortfall)
          if (g.year == year->year) sum += g.hours, any = true;
        if (any) return hours_text(sum);
        if (year->met) return std::string("0");
        return std::nullopt;
      }
      case FormFill::result_year_hours: {
        if (!year) return std::nullopt;
        Micro sum = 0;
        for (const auto& r : rows) sum += r.hours;
        return hours_text(sum);
      }
      case FormFill::result_activities: {
        if (!year) return std::nullopt;
        std::string out;
        for (const auto& r : rows) {
          if (!out.empty()) out += "\n";
          out += jxjy::fill(catalogue_text(M::form_activity_line, Locale::zh),
                      {column(r, FormColumn::period), column(r, FormColumn::activity), column(r, FormColumn::hours),
                       column(r, FormColumn::clause)});
        }
        return out;
      }
    }
    return std::nullopt;
  }

  std::string column(const Row& row, FormColumn c) const {
    const Record& r = p.training[row.index];
    switch (c) {
      case FormColumn::period: return period(r);
      case FormColumn::activity:
        return r.note.empty() ? activity_word(r) : jxjy::fill(catalogue_text(M::form_activity_note, Locale::zh), {activity_word(r), r.note});
      case FormColumn::clause: return std::string(res.records[row.index].cite.clause);
      case FormColumn::hours: return hours_text(row.hours);
    }
    return {};
  }
};

void write_form(JsonOut& o, const Context& c) {
  const Form& f = c.form;
  const Locale l = c.res.locale;
  o.obj();
  o.kv("id", f.id).kv("title", f.title).kv("attachment", f.attachment);
  const Document& d = c.rs.documents[size_t(f.source.doc)];
  o.key("source").obj().kv("number", d.citation()).kv("title", d.title).kv("clause", f.source.clause).end_obj();
  o.kv("purpose", f.purpose.in(l));
  if (f.interpretation) o.kv("interpretation", f.interpretation->in(l));
  o.key("for").obj();
  if (c.record >= 0) o.kv_int("record", c.record);
  if (c.year) o.kv_int("year", c.year->year);
  if (c.circumstance >= 0) o.kv("circumstance", kCircumstanceNames[c.circumstance].id);
  o.end_obj();
  o.key("fields").arr();
  for (const auto& fd : f.fields) {
    o.obj().kv("label", fd.label).kv("labelEn", fd.label_en);
    Value v;
    if (!fd.parts.empty()) {
      std::string text;
      for (const auto& part : fd.parts) {
        if (part.fill == FormFill::blank) text += part.text;
        else text += c.value(part.fill).value_or("____");
      }
      v = text;
    } else {
      v = c.value(fd.fill);
    }
    o.key("value");
    if (v) o.str(*v);
    else o.null();
    if (!fd.parts.empty()) {
      o.kv("from", "template");
      o.key("fills").arr();
      for (const auto& part : fd.parts)
        if (part.fill != FormFill::blank) o.str(kFormFills[int(part.fill)].id);
      o.end_arr();
    } else if (fd.fill != FormFill::blank) {
      o.kv("from", kFormFills[int(fd.fill)].id);
    } else {
      o.key("from").null();
    }
    if (!fd.printed.empty()) o.kv("printed", fd.printed);
    if (fd.same_line) o.kv("sameLine", true);
    o.end_obj();
  }
  o.end_arr();
  if (f.has_rows) {
    o.key("rows").obj().kv("field", f.rows_field);
    o.key("columns").arr();
    for (const auto& col : f.columns) o.str(col.label);
    o.end_arr();
    o.key("columnsEn").arr();
    for (const auto& col : f.columns) o.str(col.label_en);
    o.end_arr();
    o.key("values").arr();
    for (const auto& r : c.rows) {
      o.arr();
      for (const auto& col : f.columns) o.str(c.column(r, col.from));
      o.end_arr();
    }
    o.end_arr().end_obj();
  }
  if (!f.note.empty()) o.kv("note", f.note);
  o.end_obj();
}

}  // namespace

std::vector<size_t> records_needing_forms(const Profile& p, const RuleSet& rs) {
  std::vector<size_t> out;
  for (size_t i = 0; i < p.training.size(); ++i)
    for (const auto& f : rs.forms)
      if (f.each == FormEach::record && route_matches(f, p) && record_matches(f, p.training[i]) &&
          (p.training[i].filed_unknown || !p.training[i].filed)) {
        out.push_back(i);
        break;
      }
  return out;
}

void write_forms(const Profile& p, const RuleSet& rs, const Result& res, const Result* filed, std::string& out) {
  JsonOut o(out);
  o.obj().kv("ok", true).key("forms").arr();
  for (const auto& f : rs.forms) {
    if (!route_matches(f, p)) continue;
    Context base{p, rs, res, filed, f, -1, nullptr, {}, -1};
    switch (f.each) {
      case FormEach::record:
        for (size_t i = 0; i < p.training.size(); ++i) {
          if (!record_matches(f, p.training[i])) continue;
          Context c = base;
          c.record = long(i);
          write_form(o, c);
        }
        break;
      case FormEach::year:
        // The years the verdict needs (none when exempt): a year form proves that year's hours.
        if (res.status == Status::exempt) break;
        for (const auto& y : res.years) {
          if (!y.required) continue;
          Context c = base;
          c.year = &y;
          for (size_t i = 0; i < p.training.size() && i < res.records.size(); ++i) {
            const Record& r = p.training[i];
            if (!allows(f.activities, r.activity) || !allows(f.subjects, r.subject)) continue;
            if (!f.filed_true && !r.filed_unknown && r.filed) continue;
            const RecordResult& t = res.records[i];
            if (!t.counted) continue;
            Micro h = 0;
            for (const auto& share : t.years)
              if (share.year == y.year) h += share.credited;
            if (t.years.empty() && t.year == y.year) h = t.credited;
            if (h > 0) c.rows.push_back({i, h});
          }
          if (!c.rows.empty()) write_form(o, c);
        }
        break;
      case FormEach::once:
        for (int kind : f.circumstances) {
          bool given = false;
          for (const auto& pc : p.circumstances) given |= int(pc.kind) == kind;
          if (!given) continue;
          Context c = base;
          c.circumstance = kind;
          write_form(o, c);
          break;  // one form, whichever of its circumstances the profile names first in the rule
        }
        break;
    }
  }
  o.end_arr().end_obj();
  o.finish();
}

}  // namespace jxjy
