// Profile JSON (CONTRACT §2) -> Profile, reporting every problem with its pointer.
#include "profile/read_profile.h"

#include "base/format.h"

#include <charconv>
#include <initializer_list>
#include <utility>

namespace jxjy {
namespace {

const Json* m(const Json& o, std::string_view k) { return Reader::member(o, k); }

void unknown_field(std::vector<Problem>& warnings, const std::string& path, std::string_view key) {
  std::string name(key);
  warnings.push_back({"unknown_field", path + "/" + escape_pointer_token(name),
                      message_text(M::unknown_field, name)});
}

void unknown_keys(const Json& obj, const std::string& path, std::initializer_list<std::string_view> known,
                  std::vector<Problem>& warnings) {
  for (const Json* x = obj.first(); x; x = x->next()) {
    std::string_view key = x->key();
    bool ok = false;
    for (std::string_view k : known) ok |= same(key, k);
    if (!ok) unknown_field(warnings, path, key);
  }
}

// The members of the profile object that read_profile knows; the others are warned about.
struct TopLevel {
  const Json *region = nullptr, *year = nullptr, *application_date = nullptr, *route = nullptr, *level = nullptr,
             *gender = nullptr, *age = nullptr, *birth_date = nullptr, *education = nullptr, *sector = nullptr,
             *grassroots = nullptr, *title_since = nullptr, *circumstances = nullptr, *training = nullptr,
             *locale = nullptr, *check_date = nullptr, *series = nullptr;
};

// One pass over the profile's members (duplicate keys never get this far): looking each field up
// by name would compare every member with every name.
TopLevel top_level(const Json& root, std::vector<Problem>& warnings) {
  TopLevel t;
  static constexpr std::pair<std::string_view, const Json* TopLevel::*> kFields[] = {
      {"region", &TopLevel::region},         {"year", &TopLevel::year},
      {"applicationDate", &TopLevel::application_date}, {"route", &TopLevel::route},
      {"level", &TopLevel::level},           {"gender", &TopLevel::gender},
      {"age", &TopLevel::age},               {"birthDate", &TopLevel::birth_date},
      {"education", &TopLevel::education},   {"sector", &TopLevel::sector},
      {"grassroots", &TopLevel::grassroots}, {"currentTitleSince", &TopLevel::title_since},
      {"circumstances", &TopLevel::circumstances}, {"training", &TopLevel::training},
      {"locale", &TopLevel::locale},         {"checkDate", &TopLevel::check_date},
      {"series", &TopLevel::series}};
  for (const Json* x = root.first(); x; x = x->next()) {
    std::string_view key = x->key();
    bool known = false;
    for (const auto& [name, field] : kFields)
      if (same(key, name)) {
        t.*field = x;
        known = true;
        break;
      }
    if (!known) unknown_field(warnings, "", key);
  }
  return t;
}

// The most a single record can claim: no more than one calendar year holds.
struct AmountLimit {
  std::string_view key;  // (a literal: its data() ends in a NUL, as PathRef's leaf needs)
  Unit unit;
  double max;
  bool whole;
};
constexpr AmountLimit kAmounts[] = {{"hours", Unit::hours, 366 * 24, false},
                                    {"minutes", Unit::minutes, 366 * 24 * 60, false},
                                    {"days", Unit::days, 366, false},
                                    {"months", Unit::months, 12, false},
                                    {"subjects", Unit::subjects, 20, true}};

// The amount a record's member gives ("hours", …), or nullptr for another member.
const AmountLimit* amount_key(std::string_view k) {
  for (const auto& a : kAmounts)
    if (same(k, a.key)) return &a;  // (the keys' lengths are known here: no strlen per record)
  return nullptr;
}

// One pass over the record's members: records are most of a profile, so no map lookups here.
// path: "/training/<i>", in parts, written out only for a problem.
void read_record(const Json& e, const Path& path, Record& rec, Reader& r, std::vector<Problem>& warnings) {
  if (!e.is_object()) {
    r.add("not_object", path, message_text(M::record_not_object));
    return;
  }
  const Json *year = nullptr, *subject = nullptr, *activity = nullptr, *start = nullptr, *end = nullptr;
  const Json* amount = nullptr;
  const AmountLimit* amount_limit = nullptr;
  int given = 0, v = 0;
  for (const Json* x = e.first(); x; x = x->next()) {
    std::string_view k = x->key();
    if (same(k, "year")) year = x;
    else if (same(k, "subject")) subject = x;
    else if (same(k, "activity")) activity = x;
    else if (const AmountLimit* a = amount_key(k)) {  // (before the rarer members: hours are in every record)
      ++given;
      amount = x;
      amount_limit = a;
    } else if (same(k, "start")) start = x;
    else if (same(k, "end")) end = x;
    else if (same(k, "occasion")) r.string(x, {path, "occasion"}, 200, rec.occasion, false);
    else if (same(k, "level")) {
      if (r.choice(x, {path, "level"}, kConfLevelNames, v, false)) rec.level = ConfLevel(v);
    } else if (same(k, "filed")) {
      if (x->is_null()) rec.filed_unknown = true;  // CONTRACT §5.1: unknown filing
      else r.boolean(x, {path, "filed"}, rec.filed, false);
    } else if (same(k, "note")) {
      if (!x->is_string() || x->string().size() > Limits::kMaxNote) {
        std::string ignored;
        r.string(x, {path, "note"}, Limits::kMaxNote, ignored, false);
      } else {
        rec.note.assign(x->string());  // the forms print it (培训科目及内容)
      }
    } else {
      unknown_field(warnings, path.str(), k);
    }
  }
  // Dates of the activity: with both, the year may be left out, and the amount may be what the span holds.
  if (start || end) {
    bool has_start = r.date(start, {path, "start"}, rec.start, true);  // both read: both reported
    bool has_end = r.date(end, {path, "end"}, rec.end, true);
    bool ok = has_start && has_end;
    if (ok && rec.end < rec.start)
      r.add("out_of_range", {path, "end"}, message_text(M::end_before_start));
    else if (ok && !year)
      rec.year = rec.start / 10000;
  }
  int span_years = rec.start && rec.end >= rec.start ? rec.end / 10000 - rec.start / 10000 + 1 : 1;
  if (amount) {
    const AmountLimit* a = amount_limit;
    PathRef p{path, a->key.data()};
    double max = a->max * span_years;
    if (rec.start && a->unit == Unit::days && rec.end >= rec.start) max = days_between(rec.start, rec.end) + 1;
    double d = 0;
    if (a->whole) {
      int n = 0;
      if (r.integer(amount, p, 0, long(max), n, true)) d = n;
    } else if (r.number(amount, p, 0, max, d, true) && !to_micro(d, rec.amount_micro)) {
      r.add("invalid_value", p,
            message_text(M::amount_decimals));
    }
    rec.unit = a->unit;
    rec.amount = d;
    if (a->whole) rec.amount_micro = Micro(d) * kMicro;
  }
  if (year || !rec.start) {
    if (r.integer(year, {path, "year"}, Limits::kMinYear, Limits::kMaxYear, rec.year, true) && rec.start &&
        rec.end >= rec.start && (rec.year < rec.start / 10000 || rec.year > rec.end / 10000))
      r.add("out_of_range", {path, "year"},
            message_text(M::year_outside_dates));
  }
  if (r.choice(subject, {path, "subject"}, kSubjectNames, v, true, 2)) rec.subject = Subject(v);
  if (r.choice(activity, {path, "activity"}, kActivityNames, v, true)) rec.activity = Activity(v);
  if (given > 1) {
    r.add("conflicting_amounts", path,
          message_text(M::conflicting_amounts));
  }
}

// The years of a circumstance: a non-empty array of years, none after the application year.
void read_years(const Json& e, const std::string& path, int app_year, Circumstance& c, Reader& r) {
  const Json* ys = m(e, "years");
  if (!ys) {
    r.missing(path + "/years");
  } else if (!ys->is_array() || ys->empty()) {
    r.add(ys->is_array() ? "invalid_value" : "wrong_type", path + "/years",
          message_text(M::years_not_array));
  } else if (ys->size() > 50) {
    r.add("too_many", path + "/years", message_text(M::too_many_years));
  } else {
    size_t i = 0;
    for (const Json* y = ys->first(); y; y = y->next(), ++i) {
      int year = 0;
      if (r.integer(y, path + "/years/" + std::to_string(i), Limits::kMinYear, app_year, year, true))
        c.years.push_back(year);
    }
  }
}

void read_circumstance(const Json& e, const std::string& path, int app_year, Circumstance& c, Reader& r,
                       std::vector<Problem>& warnings) {
  if (!e.is_object()) {
    r.add("not_object", path, message_text(M::circumstance_not_object));
    return;
  }
  unknown_keys(e, path, {"kind", "years", "year", "yearsInPost", "fullYears"}, warnings);
  int k = 0;
  if (!r.choice(m(e, "kind"), path + "/kind", kCircumstanceNames, k, true)) return;
  c.kind = CircumstanceKind(k);
  switch (c.kind) {
    case CircumstanceKind::epidemic_frontline:
      read_years(e, path, app_year, c, r);
      break;
    case CircumstanceKind::transferred_from_government:
      r.integer(m(e, "year"), path + "/year", Limits::kMinYear, app_year, c.year, true);
      break;
    case CircumstanceKind::exceptional:
      r.integer(m(e, "yearsInPost"), path + "/yearsInPost", 1, 60, c.years_in_post, true);
      break;
    case CircumstanceKind::village_first_secretary:
      r.integer(m(e, "fullYears"), path + "/fullYears", 0, 60, c.full_years, true);
      if (m(e, "years")) read_years(e, path, app_year, c, r);
      break;
    default:
      break;
  }
}

}  // namespace

void read_profile(const Json& root, Profile& p, std::vector<Problem>& errors, std::vector<Problem>& warnings) {
  Reader r(errors);
  if (!root.is_object()) {
    r.add("not_object", "", message_text(M::profile_not_object));
    return;
  }
  const TopLevel top = top_level(root, warnings);
  int v = 0;
  std::string locale;
  if (r.string(top.locale, "/locale", 8, locale, false)) {
    if (locale == "en") p.locale = Locale::en;
    else if (locale != "zh")
      r.add("invalid_value", "/locale", message_text(M::locale_value));
  }
  if (r.string(top.region, "/region", 6, p.region, true)) {
    bool digits = p.region.size() == 6;
    for (char c : p.region) digits &= c >= '0' && c <= '9';
    if (!digits)
      r.add("invalid_value", "/region", message_text(M::region_code));
  }
  bool have_year = r.integer(top.year, "/year", Limits::kMinYear, Limits::kMaxYear, p.year, true);
  p.application_date = p.year * 10000 + 1231;
  int date = 0;
  if (r.date(top.application_date, "/applicationDate", date, false)) {
    if (have_year && date / 10000 != p.year)
      r.add("invalid_value", "/applicationDate",
            message_text(M::application_date_year, std::to_string(p.year)));
    else {
      p.application_date = date;
      p.application_date_given = true;
    }
  }
  p.check_date = p.application_date;
  if (r.date(top.check_date, "/checkDate", date, false)) p.check_date = date;
  if (r.choice(top.series, "/series", kSeriesNames, v, false)) p.series = Series(v);
  if (r.choice(top.route, "/route", kRouteNames, v, false)) p.route = Route(v);
  if (r.choice(top.level, "/level", kLevelNames, v, true)) p.level = Level(v);
  if (r.choice(top.gender, "/gender", kGenderNames, v, false)) p.gender = Gender(v);
  if (r.choice(top.education, "/education", kEducationNames, v, false)) p.education = Education(v);
  if (r.choice(top.sector, "/sector", kSectorNames, v, false)) p.sector = Sector(v);
  r.boolean(top.grassroots, "/grassroots", p.grassroots, false);
  if (r.integer(top.title_since, "/currentTitleSince", 1950, Limits::kMaxYear, p.title_since, false) &&
      have_year && p.title_since > p.year) {
    r.add("out_of_range", "/currentTitleSince",
          message_text(M::title_after_year));
    p.title_since = 0;
  }

  r.integer(top.age, "/age", 16, 100, p.age, false);
  int birth = 0;
  if (r.date(top.birth_date, "/birthDate", birth, false)) {
    int on = p.application_date;
    int age = on / 10000 - birth / 10000 - ((on % 10000) < (birth % 10000) ? 1 : 0);
    if (birth > on || age < 16 || age > 100) {
      r.add("out_of_range", "/birthDate",
            message_text(M::birth_date_age));
    } else if (p.age < 0) {
      p.age = age;
      p.birth_date = birth;
    } else if (p.age != age) {
      warnings.push_back({"age_mismatch", "/age",
                          message_text(M::age_mismatch, std::to_string(age))});
    }
  }

  if (const Json* cs = top.circumstances) {
    if (!cs->is_array()) {
      r.wrong_type("/circumstances", *cs, M::kind_array);
    } else if (cs->size() > Limits::kMaxCircumstances) {
      r.add("too_many", "/circumstances",
            message_text(M::too_many_circumstances, std::to_string(Limits::kMaxCircumstances)));
    } else {
      size_t i = 0;
      for (const Json* x = cs->first(); x; x = x->next(), ++i) {
        Circumstance c;
        size_t before = errors.size();
        read_circumstance(*x, "/circumstances/" + std::to_string(i), have_year ? p.year : Limits::kMaxYear, c, r,
                          warnings);
        if (errors.size() == before) p.circumstances.push_back(std::move(c));
      }
    }
  }

  const Json* tr = top.training;
  if (!tr) {
    r.missing("/training");
  } else if (!tr->is_array()) {
    r.wrong_type("/training", *tr, M::kind_array);
  } else if (tr->size() > Limits::kMaxRecords) {
    r.add("too_many", "/training",
          message_text(M::too_many_records, std::to_string(Limits::kMaxRecords)));
  } else {
    p.training.resize(tr->size());
    const Path training("/training");
    size_t i = 0;
    for (const Json* x = tr->first(); x; x = x->next(), ++i) read_record(*x, training / i, p.training[i], r, warnings);
  }
}

}  // namespace jxjy
