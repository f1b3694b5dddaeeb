// The rules that look across records, after each record's own credit: per-occasion caps, once-per-year
// credits, and the window, year by year of each record.
#include "eval/crediting.h"

#include <algorithm>
#include <tuple>

namespace jxjy::eval {

// Each record's credit, then the rules across records, in this order.
void Crediting::credit_records() {
  res_.records.reserve(p_.training.size());
  for (size_t i = 0; i < p_.training.size(); ++i) credit(int(i), p_.training[i], res_.records.emplace_back());
  cap_occasions();
  once_per_year();
  keep_window_years();
}

// 一次最多认定N年的学时: the records of one occasion (the same `occasion`, else the record itself)
// and activity together credit at most the cap; a reduction is shared like the credit.
void Crediting::cap_occasions() {
  std::vector<bool> done(res_.records.size(), false);
  for (size_t i = 0; i < res_.records.size(); ++i) {
    const RecordResult& first = res_.records[i];
    const ActivityRule& rule = rs_.activities[int(first.activity)];
    if (done[i] || !first.counted || rule.cap_annual_multiple <= 0) continue;
    std::vector<size_t> group;
    for (size_t j = i; j < res_.records.size(); ++j)
      if (!done[j] && res_.records[j].counted && res_.records[j].activity == first.activity &&
          (j == i || (!p_.training[i].occasion.empty() && p_.training[j].occasion == p_.training[i].occasion)))
        group.push_back(j);
    Micro total = 0;
    for (size_t j : group) total += res_.records[j].credited, done[j] = true;
    Micro cap = rule.cap_annual_multiple * micro(rs_.annual.total.hours);
    if (total <= cap) continue;
    Micro left = cap;
    for (size_t k = 0; k < group.size(); ++k) {
      RecordResult& t = res_.records[group[k]];
      Micro mine = k + 1 == group.size() ? left : t.credited * cap / total;
      left -= mine;
      t.has_reason = true;
      t.reason = {"capped",
                  group.size() > 1
                      ? msg(M::capped_occasion,
                            std::to_string(rule.cap_annual_multiple), hnum(cap), hnum(total), hnum(mine))
                      : msg(M::capped_record,
                            std::to_string(rule.cap_annual_multiple), hnum(cap), hnum(total)),
                  t.cite};
      t.basis = group.size() > 1 ? msg(M::basis_capped_occasion, t.basis,
                                       hnum(cap), hnum(mine))
                                 : msg(M::basis_capped, t.basis, hnum(cap));
      t.credited = mine;
      share(mine, t.years = days_by_year(p_.training[size_t(t.index)]));
      if (t.spans) note_sharing();
    }
  }
}

// A fixed credit (学历教育 60 per year of study) is given once per year, however many records say so.
// The record that takes a year's once-only credit does not depend on the order records are listed in:
// the earliest study first (its start, else its year), then the rest of what it says.
void Crediting::once_per_year() {
  std::vector<size_t> order;  // the records that take a once-only credit (most profiles: none)
  for (size_t i = 0; i < res_.records.size(); ++i) {
    const RecordResult& t = res_.records[i];
    if (t.counted && rs_.activities[int(t.activity)].units[int(Unit::none)].accepted) order.push_back(i);
  }
  if (order.size() < 2) return;  // one record alone takes each of its years
  auto key = [&](size_t i) {
    const Record& r = p_.training[i];
    return std::make_tuple(r.start ? r.start : r.year * 10000 + 101, r.end ? r.end : r.year * 10000 + 1231, r.year,
                           r.amount_micro, int(r.unit), int(r.subject), std::string_view(r.occasion), i);
  };
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key(a) < key(b); });
  std::vector<std::tuple<int, int, size_t>> given;  // (activity, year, the record that took it)
  for (size_t i : order) {
    RecordResult& t = res_.records[i];
    Micro kept = 0;
    std::string dropped;
    size_t by = 0;
    for (auto& y : t.years) {
      auto found = std::find_if(given.begin(), given.end(), [&](const auto& g) {
        return std::get<0>(g) == int(t.activity) && std::get<1>(g) == y.year;
      });
      if (found != given.end()) {
        append_listed(dropped, y.year, L_);
        by = std::get<2>(*found);
        y.credited = 0;
      } else {
        given.emplace_back(int(t.activity), y.year, i);
      }
      kept += y.credited;
    }
    if (dropped.empty()) continue;
    t.years.keep_if([](const YearShare& y) { return y.credited != 0; });
    t.credited = kept;
    t.counted = kept > 0;
    t.has_reason = true;
    t.reason = {"already_credited",
                msg(M::already_credited, dropped, word(kActivityNames, unsigned(t.activity), L_), std::to_string(by + 1)),
                t.cite};
  }
}

// Hours never carry over: each year's share counts only when that year is in the window.
void Crediting::keep_window_years() {
  std::string_view window_years;  // "2021—2023", written once, for the first record outside it
  for (auto& t : res_.records) {
    if (!t.counted) continue;
    std::string outside;
    Micro kept = 0;
    for (const auto& y : t.years)
      if (in_window(y.year)) kept += y.credited;
      else append_listed(outside, y.year, L_);
    if (outside.empty()) continue;
    t.years.keep_if([&](const YearShare& y) { return in_window(y.year); });
    if (window_years.empty()) window_years = span_of(res_.window);
    std::string_view why = msg(M::outside_window, outside, window_years);
    if (t.has_reason) {
      t.reason.message = msg(M::reasons_joined, t.reason.message, why);  // the first reason's code stays
    } else {
      t.has_reason = true;
      t.reason = {"outside_window", why, cite(ask_.window_by->source)};
    }
    t.credited = kept;
    t.counted = !t.years.empty();
  }
}

}  // namespace jxjy::eval
