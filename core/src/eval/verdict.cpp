// The verdict: each year of the window against what it asks, then met / short / exempt / advisory and
// which years the verdict needs.
#include "eval/verdict.h"

#include <algorithm>

#include "base/sort_few.h"

namespace jxjy::eval {

void Verdict::decide(const Requirement& q) {
  fill_years(q);
  decide_status();
}

void Verdict::fill_years(const Requirement& q) {
  const Annual& an = rs_.annual;
  Mask s = q.exempt ? 0 : q.subjects;
  Micro req_pub = allows(s, Subject::public_) ? micro(an.pub.hours) : 0;
  Micro req_prof = allows(s, Subject::professional) ? professional_required() : 0;
  Micro req_total = allows(s, Subject::total) ? micro(an.total.hours) : 0;
  if (an.has_share && allows(s, Subject::professional)) interpret(an.share);
  if (allows(s, Subject::total)) interpret(an.total);
  res_.years.reserve(res_.window.size());
  for (int y : res_.window) {
    YearResult row;
    row.year = y;
    row.pub.required = req_pub;
    row.prof.required = req_prof;
    row.total.required = req_total;
    for (const auto& t : res_.records) {
      if (!t.counted) continue;
      for (const auto& share : t.years)
        if (share.year == y) (t.subject == Subject::public_ ? row.pub.credited : row.prof.credited) += share.credited;
    }
    row.total.credited = row.pub.credited + row.prof.credited;
    row.met = row.pub.credited >= req_pub && row.prof.credited >= req_prof && row.total.credited >= req_total;
    row.waived = std::find(ask_.waived.begin(), ask_.waived.end(), y) != ask_.waived.end();
    res_.years.push_back(row);
  }
}

void Verdict::decide_status() {
  if (ask_.exempt) {
    res_.status = Status::exempt;
    res_.required_years = 0;
    for (auto& row : res_.years) row.required = false;
    return;
  }
  // Hours are only a reference factor: no requirement is stated, no year is required.
  if (ask_.advisory) {
    res_.status = Status::advisory;
    res_.required_years = 0;
    for (auto& row : res_.years) row.required = false;
    return;
  }
  int window_size = int(res_.window.size());
  int needed = std::max(0, needed_years() - ask_.deemed);
  if (!res_.years.empty()) add_reason("requirement", describe_requirement(needed), *ask_.window_by);

  // A waived year needs no hours and is never required; it stands for one of the years needed.
  std::vector<YearResult*> unmet, done;
  unmet.reserve(res_.years.size());
  int waived = 0;
  for (auto& row : res_.years) {
    row.required = !row.waived;
    if (row.waived) ++waived;
    else (row.met ? done : unmet).push_back(&row);
  }
  const int by_hours = std::max(0, needed - waived);  // compliant years the applicant must show by hours
  res_.required_years = by_hours;
  int missing = by_hours - int(done.size());
  if (missing > int(unmet.size())) {
    add_reason("window_too_short",
               msg(M::window_too_short,
                   std::to_string(window_size), std::to_string(needed)),
               *ask_.window_by);
  }
  // Under "any N", a waived year taking the place of a compliant one is a reading (松山区: an epidemic
  // year as the one year of the age rule): say so where it decides.
  if (ask_.waived_by && ask_.count != kAllYears && waived > 0 && int(done.size()) < needed && missing <= 0)
    warn("interpretation", msg(M::waived_year_counts, ask_.waived_by->text.in(L_)), &ask_.waived_by->source);
  if (missing <= 0) {
    res_.status = Status::met;
    // Under "any N", the most recent N compliant years carry the verdict; the others are not needed.
    for (auto& row : res_.years) row.required = false;
    sort_few(done.begin(), done.end(), [](const YearResult* a, const YearResult* b) { return a->year > b->year; });
    for (int i = 0; i < by_hours && i < int(done.size()); ++i) done[size_t(i)]->required = true;
    return;
  }
  res_.status = Status::short_of_hours;
  // The years to complete: those that can still be completed first, then the cheapest; on a tie
  // the most recent.
  auto can = [&](const YearResult* r) { return completion(r->year).can; };
  sort_few(unmet.begin(), unmet.end(), [&](const YearResult* a, const YearResult* b) {
    bool ca = can(a), cb = can(b);
    if (ca != cb) return ca;
    Micro xa = gaps(*a).sum(), xb = gaps(*b).sum();
    if (xa != xb) return xa < xb;
    return a->year > b->year;
  });
  for (size_t i = size_t(missing); i < unmet.size(); ++i) unmet[i]->required = false;
  unmet.resize(std::min(unmet.size(), size_t(missing)));
  sort_few(unmet.begin(), unmet.end(), [](const YearResult* a, const YearResult* b) { return a->year < b->year; });
  report_shortfall(unmet);
}

std::string_view Verdict::describe_requirement(int needed) {
  if (needed == 0)
    return msg(M::requirement_met_by_deemed_years, applicant());
  std::string_view when = describe_window(needed, res_.window);
  const YearResult& r = res_.years.front();
  std::string_view parts[3];
  size_t n = 0;
  // the subjects' words come from the vocabulary; a total is "合计N学时", not "任意科目"
  auto part = [&](Subject s, Micro h) {
    if (h > 0) parts[n++] = msg(M::hours_of_subject, word(kSubjectNames, unsigned(s), L_), hnum(h));
  };
  part(Subject::public_, r.pub.required);
  part(Subject::professional, r.prof.required);
  if (r.total.required > 0) parts[n++] = msg(M::hours_in_total, hnum(r.total.required));
  return msg(M::requirement, applicant(), when, list(parts, n));
}

// Up to three parts as a list: "a、b、c" / "a, b, c".
std::string_view Verdict::list(const std::string_view (&parts)[3], size_t n) {
  std::string_view sep = catalogue_text(M::list_sep, L_);
  static constexpr const char* kPatterns[] = {"", "{0}", "{0}{3}{1}", "{0}{3}{1}{3}{2}"};
  return res_.texts.format(kPatterns[n], {parts[0], parts[1], parts[2], sep});
}

}  // namespace jxjy::eval
