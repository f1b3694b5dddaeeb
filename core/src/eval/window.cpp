// The window's years: which years may count, as the requirement or a reduction states them.
#include "eval/part.h"

#include <algorithm>

namespace jxjy::eval {

std::vector<int> Part::years_of(Window::Kind kind, int n, const Requirement* q, const Window& w) {
  int y = p_.year, from = y;
  switch (kind) {
    case Window::last: from = y - n + 1; break;
    case Window::since: from = std::min(n, y); break;
    case Window::since_title:
      if (p_.title_since > 0) {
        from = std::max(p_.title_since + 1, w.not_before);
        from = std::min(from, y);
      } else {
        warn("title_year_assumed",
             msg(M::title_year_assumed,
                 w.fallback_kind == Window::last
                     ? msg(M::window_last_years, std::to_string(w.fallback_n))
                     : msg(M::window_since_year, std::to_string(w.fallback_n))),
             q ? &q->source : nullptr);
        return years_of(w.fallback_kind, w.fallback_n, q, w);
      }
      break;
  }
  std::vector<int> out;
  out.reserve(size_t(std::max(0, y - from + 1)));
  for (int i = from; i <= y; ++i) out.push_back(i);
  return out;
}

void Part::limit_window_from(int from) {
  res_.window.erase(std::remove_if(res_.window.begin(), res_.window.end(), [&](int y) { return y < from; }),
                    res_.window.end());
  if (ask_.count != kAllYears) ask_.count = std::min(ask_.count, int(res_.window.size()));
}

std::string_view Part::describe_window(int needed, const std::vector<int>& window) {
  std::string_view years = span_of(window);
  if (window.size() == 1) return msg(M::window_one_year, years);
  if (needed >= int(window.size())) return msg(M::window_every_year, years);
  if (needed == 1)
    return msg(M::window_any_one_year, years);
  return msg(M::window_any_years, years,
             std::to_string(needed));
}

}  // namespace jxjy::eval
