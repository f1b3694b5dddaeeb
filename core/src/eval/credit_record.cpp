// One record's credit: whether its activity counts for this application (excluded, route, subject,
// filing, unit), its hours and the basis in words, its years and the notice year's study period.
#include "eval/crediting.h"

#include <algorithm>

namespace jxjy::eval {

void Crediting::credit(int index, const Record& r, RecordResult& t) {
  t.index = index;
  t.year = r.year;
  t.subject = r.subject;
  t.activity = r.activity;
  const ActivityRule& rule = rs_.activities[int(r.activity)];
  t.cite = cite(r.subject == Subject::public_ && rule.public_source ? *rule.public_source : rule.source);
  auto refuse = [&](const char* code, std::string_view msg, const Source& s) {
    t.has_reason = true;
    t.reason = {code, msg, cite(s)};
  };
  std::string_view act = word(kActivityNames, unsigned(r.activity), L_);
  if (rule.excluded) return refuse("activity_excluded", rule.text.in(L_), rule.source);
  if (!allows(rule.routes, p_.route))  // e.g. skill training of high-skill talents: title review only
    return refuse("activity_excluded",
                  msg(M::activity_route_only, act, words_of(kRouteNames, rule.routes), word(kRouteNames, unsigned(p_.route), L_)),
                  rule.source);
  if (!allows(rule.subjects, r.subject)) {
    const std::string allowed = words_of(kSubjectNames, rule.subjects & Mask(3));  // public, professional
    return refuse("subject_not_allowed",
                  msg(M::subject_not_allowed, act, allowed,
                      word(kSubjectNames, unsigned(r.subject), L_)),
                  rule.source);
  }
  const Filing& f = rs_.filing;
  if (f.present && !r.filed) {
    // Which records need filing is read from the notice: the reading decides this record either way.
    interpret(f);
    if (allows(f.activities, r.activity) && allows(f.subjects, r.subject))
      return refuse("not_filed", f.text.in(L_), f.source);
  }

  const UnitRule* u = &rule.units[int(Unit::none)];
  Unit unit = Unit::none;
  if (!u->accepted) {
    unit = r.unit;
    u = &rule.units[int(unit)];
  }
  if (!u->accepted) {
    Mask units = 0;
    for (int k = 0; k < kUnitCount; ++k)
      if (rule.units[k].accepted && Unit(k) != Unit::none) units |= Mask(1) << k;
    const std::string accepted = words_of(kUnitNames, units);
    return refuse("unit_not_accepted",
                  msg(M::unit_not_accepted, act,
                      word(kUnitNames, unsigned(r.unit), L_), accepted),
                  rule.source);
  }
  if (u->source) t.cite = cite(*u->source);
  interpret(rule);

  Micro hours = convert(r, unit, *u, t.basis);
  // a part period left out is a reading of "按45分钟计1学时": said where it changes the hours
  if (unit == Unit::minutes && hours * Micro(u->per) != r.amount_micro)
    interpret(u->interpretation, u->source ? *u->source : rule.source);
  t.years = days_by_year(r);
  t.spans = t.years.size() > 1;
  if (unit == Unit::none) {
    // Credited once for each year of study the record covers.
    for (auto& y : t.years) y.credited = hours;
    hours *= Micro(t.years.size());
    if (t.spans)
      t.basis = msg(M::basis_years_of_study, t.basis, std::to_string(t.years.size()));
  } else {
    share(hours, t.years);
    if (t.spans) note_sharing();
  }
  t.counted = true;
  t.credited = hours;
  keep_study_period(r, t);
}

// The notice year's study period (sameYear with studyPeriod: 扎兰屯 一（三）, 青海 五（二）): the days of a
// dated record outside it earn nothing for that year. Other years' periods are not this notice's to say.
void Crediting::keep_study_period(const Record& r, RecordResult& t) {
  const SameYearDeadline& d = rs_.deadlines.same_year;
  const int y = rs_.notice_year;
  if (!d.study_period || !r.start || r.end < r.start || !t.counted) return;
  const int from = y * 10000 + (d.from ? d.from : 101), until = y * 10000 + (d.until ? d.until : 1231);
  for (auto& share : t.years) {
    if (share.year != y) continue;
    const int s = std::max(r.start, y * 10000 + 101), e = std::min(r.end, y * 10000 + 1231);
    const int lo = std::max(s, from), hi = std::min(e, until);
    const Micro all = days_between(s, e) + 1, in = hi >= lo ? days_between(lo, hi) + 1 : 0;
    if (in == all) return;
    share.credited = share.credited * in / all;
    t.has_reason = true;
    t.reason = {"outside_period",
                msg(M::outside_period, std::to_string(all - in), std::to_string(y), date_text(from), date_text(until)),
                cite(d.source)};
    t.credited = 0;
    for (const auto& x : t.years) t.credited += x.credited;
    t.basis = msg(M::basis_in_period, t.basis, std::to_string(in), std::to_string(all), hnum(t.credited));
  }
  t.years.keep_if([](const YearShare& x) { return x.credited != 0; });
  t.counted = !t.years.empty();
}

// The words of a mask's names, joined: "职称评审或考核认定".
std::string Crediting::words_of(Names names, Mask mask) const {
  std::string out;
  for (unsigned k = 0; k < names.size; ++k)
    if (mask & (Mask(1) << k))
      out += std::string(out.empty() ? std::string_view() : catalogue_text(M::list_or, L_)) + std::string(word(names, k, L_));
  return out;
}

// The calendar years a dated record covers, with the days of each (an undated record: its year).
YearShares Crediting::days_by_year(const Record& r) {
  YearShares out;
  if (!r.start || r.end < r.start) {
    out.push_back({r.year, 1});
    return out;
  }
  for (int y = r.start / 10000; y <= r.end / 10000; ++y) {
    int from = y == r.start / 10000 ? r.start : y * 10000 + 101;
    int to = y == r.end / 10000 ? r.end : y * 10000 + 1231;
    out.push_back({y, days_between(from, to) + 1});
  }
  return out;
}

// An occasion's hours shared among its years as the rule set says (occasions.share): by the days it
// holds in each, exactly (the last year takes the remainder of the division), or all in its first
// or its last year.
void Crediting::share(Micro hours, YearShares& years) const {
  const OccasionShare how = rs_.occasions ? rs_.occasions->share : OccasionShare::by_days;
  if (how != OccasionShare::by_days && years.size() > 1) {
    for (auto& y : years) y.credited = 0;
    (how == OccasionShare::start_year ? years.front() : years.back()).credited = hours;
    return;
  }
  Micro days = 0, given = 0;
  for (const auto& y : years) days += y.credited;
  for (size_t i = 0; i < years.size(); ++i) {
    Micro part = i + 1 == years.size() ? hours - given : hours * years[i].credited / days;
    years[i].credited = part;
    given += part;
  }
}

void Crediting::note_sharing() {
  if (!rs_.occasions) return;
  interpret(*rs_.occasions);
}

}  // namespace jxjy::eval
