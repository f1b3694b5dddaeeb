// The helpers every part of an evaluation words and cites with (eval/part.h).
#include "eval/part.h"

#include <algorithm>

namespace jxjy::eval {

void Part::interpret(const std::optional<Text>& reading, const Source& source) {
  if (!reading) return;
  const std::string& text = reading->in(L_);
  for (const auto& w : res_.warnings)
    if (w.code == "interpretation" && w.message == text) return;
  warn("interpretation", text, &source);
}

std::string_view Part::applicant(const Requirement* q) {
  std::string_view route = word(kRouteNames, unsigned(p_.route), L_), level = word(kLevelNames, unsigned(p_.level), L_);
  if (q && q->education && p_.education != Education::unknown)
    return msg(M::applicant_with_education, route, level, word(kEducationNames, unsigned(p_.education), L_));
  return msg(M::applicant, route, level);
}

Micro Part::professional_required() const {
  const Annual& an = rs_.annual;
  Micro prof = micro(an.prof.hours);
  if (an.has_share) {
    Micro share = (micro(an.total.hours) * an.share_num + an.share_den - 1) / an.share_den;  // rounded up
    prof = std::max(prof, share);
  }
  return prof;
}

std::string_view Part::date_text(int ymd) {
  return res_.texts.keep(DateText(ymd));
}

std::string_view Part::span_of(const std::vector<int>& w) {
  if (w.empty()) return {};
  if (w.size() == 1) return res_.texts.keep(std::to_string(w[0]));
  return res_.texts.format(kMessages[int(M::year_span)].zh, {std::to_string(w.front()), std::to_string(w.back())});
}

}  // namespace jxjy::eval
