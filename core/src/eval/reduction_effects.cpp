// What one reduction that applies does (exempt, advisory, another window, years deemed or waived, the
// years since a transfer or in post), each said with its clause.
#include "eval/reductions.h"

#include <algorithm>
#include <functional>

#include "base/sort_few.h"
#include "eval/adjustments.h"

namespace jxjy::eval {

// One adjustment that applies to the profile.
void Reductions::apply(const Adjustment& a, const Requirement* q) {
  if (ask_.exempt && a.effect != Effect::exempt) return;  // nothing else matters once exempt
  interpret(a);
  const std::string& text = a.text.in(L_);
  const Circumstance* c = a.circumstance >= 0 ? decisive_entry(a) : nullptr;
  switch (a.effect) {
    case Effect::exempt:
      ask_.exempt = true;
      add_reason("exempt", text, a);
      break;
    case Effect::advisory:
      ask_.advisory = true;
      add_reason("advisory", text, a);
      break;
    case Effect::replace_requirement: {
      std::string_view before = describe_window(needed_years(), res_.window);
      ask_.window = a.window;
      ask_.count = a.count;
      ask_.window_by = &a;
      set_window(ask_.window, q);
      add_reason("requirement_replaced",
                 msg(M::requirement_replaced, text, before, describe_window(needed_years(), res_.window)), a);
      break;
    }
    case Effect::deem_years:
      deem(a, text);
      break;
    case Effect::waive_circumstance_years: {
      std::vector<int> ys = years_in_window(a);
      for (int y : ys)
        if (std::find(ask_.waived.begin(), ask_.waived.end(), y) == ask_.waived.end()) ask_.waived.push_back(y);
      if (!ys.empty()) ask_.waived_by = &a;
      add_reason("years_waived",
                 ys.empty() ? msg(M::years_waived_none, text) : msg(M::years_waived, text, year_list(ys)), a);
      break;
    }
    case Effect::years_since_circumstance:
      if (c->year >= p_.year) {
        ask_.exempt = true;
        add_reason("exempt", msg(M::transfer_in_application_year, text, std::to_string(c->year)), a);
      } else {
        limit_window_from(c->year + 1);
        ask_.window_by = &a;
        add_reason("years_since_circumstance",
                   msg(M::years_since_transfer, text, std::to_string(c->year), std::to_string(c->year + 1)), a);
      }
      break;
    case Effect::years_in_post:
      limit_window_from(p_.year - c->years_in_post + 1);
      ask_.window_by = &a;
      add_reason("years_in_post", msg(M::years_in_post, text, std::to_string(c->years_in_post)), a);
      break;
  }
}

// For year / yearsInPost, the entry that asks most: the earliest transfer (the most years after it),
// the most years in post, so a second entry never makes the verdict more lenient. Entries that give
// different values are said (circumstance_entries_differ, cited to the provision): one may be mistyped,
// and the verdict is then the strictest reading of them.
const Circumstance* Reductions::decisive_entry(const Adjustment& a) {
  const std::vector<const Circumstance*> all = entries(a, p_);
  const Circumstance* c = nullptr;
  for (const Circumstance* e : all)
    if (!c || e->year < c->year || e->years_in_post > c->years_in_post) c = e;
  const bool by_year = a.effect == Effect::years_since_circumstance;
  if (!c || (!by_year && a.effect != Effect::years_in_post)) return c;
  const auto value = [&](const Circumstance* e) { return by_year ? e->year : e->years_in_post; };
  std::vector<int> values;
  for (const Circumstance* e : all)
    if (std::find(values.begin(), values.end(), value(e)) == values.end()) values.push_back(value(e));
  if (values.size() < 2) return c;
  std::sort(values.begin(), values.end());
  std::string list;
  for (int v : values) append_listed(list, v, L_);
  warn("circumstance_entries_differ",
       msg(by_year ? M::circumstance_years_differ : M::circumstance_posts_differ,
           word(kCircumstanceNames, unsigned(a.circumstance), L_), list, std::to_string(value(c))),
       &a.source);
  return c;
}

// 视同完成: the notice deems `deemYears` years however many entries the profile lists (one benefit is
// counted once). With deemAnyYear (视同…任意一年), or entries without years, any years: the applicant
// shows that many fewer compliant years. Otherwise the entries' own years inside the window: where they
// name more, the Choice's year first (the most favourable), then the latest.
void Reductions::deem(const Adjustment& a, const std::string& text) {
  bool dated = false;
  for (const Circumstance* e : entries(a, p_)) dated |= !e->years.empty();
  if (a.deem_any_year || !dated) {
    ask_.deemed += a.deem_years;
    add_reason("years_deemed", msg(M::years_deemed_any, text, std::to_string(a.deem_years)), a);
    return;
  }
  std::vector<int> ys = years_in_window(a);
  auto first = std::find(ys.begin(), ys.end(), choice_.deem_first);
  if (first != ys.end()) std::rotate(ys.begin(), first, first + 1);  // the chosen year, then the latest
  if (ys.size() > size_t(a.deem_years)) ys.resize(size_t(a.deem_years));
  sort_few(ys.begin(), ys.end(), std::greater<int>());  // (year_list takes them latest first)
  for (int y : ys)
    if (std::find(ask_.waived.begin(), ask_.waived.end(), y) == ask_.waived.end()) ask_.waived.push_back(y);
  if (!ys.empty()) ask_.waived_by = &a;
  add_reason("years_deemed", ys.empty() ? msg(M::years_deemed_none, text) : msg(M::years_deemed_own, text, year_list(ys)),
             a);
}

std::vector<int> Reductions::years_in_window(const Adjustment& a) const {
  std::vector<int> out;
  for (const Circumstance* c : entries(a, p_))
    for (int y : bounded_years(a, *c))
      if (in_window(y) && std::find(out.begin(), out.end(), y) == out.end()) out.push_back(y);
  sort_few(out.begin(), out.end(), std::greater<int>());
  return out;
}

std::string Reductions::year_list(const std::vector<int>& ys) const {
  std::string list;
  for (auto y = ys.rbegin(); y != ys.rend(); ++y) append_listed(list, *y, L_);  // (ys come latest first)
  return list;
}

}  // namespace jxjy::eval
