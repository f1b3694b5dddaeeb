// What a short result lacks: per year and subject the fewest hours missing, whether they can still be
// earned as of the check date, by when, and the clause that decides either.
#include "eval/verdict.h"

#include <algorithm>

namespace jxjy::eval {

Verdict::Gaps Verdict::gaps(const YearResult& row) {
  Gaps out;
  Micro pub = std::max<Micro>(0, row.pub.required - row.pub.credited);
  Micro prof = std::max<Micro>(0, row.prof.required - row.prof.credited);
  Micro total = std::max<Micro>(0, row.total.required - row.total.credited - pub - prof);
  if (pub > 0) out.add({row.year, Subject::public_, pub});
  if (prof > 0) out.add({row.year, Subject::professional, prof});
  if (total > 0) out.add({row.year, Subject::total, total});
  return out;
}

Verdict::Completion Verdict::completion(int year) const {
  const Deadlines& d = rs_.deadlines;
  const SameYearDeadline& own = d.same_year;
  const PastYears& past = d.past_years;
  const int notice = rs_.notice_year;
  const int due = year == notice && own.until ? year * 10000 + own.until : 0;
  if (due && p_.check_date <= due) return {true, due, &own};
  if (!due && p_.check_date / 10000 <= year) return {true, 0, &own};  // the year still runs; no date stated
  // The year's own time is over: only a make-up the notice provides can still take it.
  if (!past.make_up) return {false, due, &past};
  if (!past.until) return {true, 0, &past};
  // A make-up period of the notice serves years before the notice year, and the notice year only if
  // it closes after that year's own deadline (郑州: 补学 to 11-30, the year itself to 12-20).
  bool serves = year < notice || (year == notice && due && past.until > due);
  if (!serves) return {false, due, due ? static_cast<const RuleItem*>(&own) : &past};
  return {p_.check_date <= past.until, past.until, &past};
}

Citation Verdict::gaps_cite(const Gaps& gs) {
  const AnnualItem* items[3] = {&rs_.annual.pub, &rs_.annual.prof, &rs_.annual.total};
  Citation c = cite(items[int(gs.items[0].subject)]->source);
  for (size_t i = 1; i < gs.count; ++i) {
    const Source& other = items[int(gs.items[i].subject)]->source;
    if (other.clause == c.clause || other.doc != items[int(gs.items[0].subject)]->source.doc) continue;
    c.clause = msg(M::clauses_joined, c.clause, other.clause);
    c.json = nullptr;  // a joined clause is not one of the rule file's sources
  }
  return c;
}

void Verdict::report_shortfall(const std::vector<YearResult*>& unmet) {
  res_.shortfall.reserve(unmet.size() * 3);
  std::string lost;  // the years that can no longer be completed
  const RuleItem* lost_by = nullptr;
  for (const YearResult* row : unmet) {
    Gaps gs = gaps(*row);
    if (gs.count == 0) continue;
    Completion c = completion(row->year);
    interpret(*c.by);
    if (c.can && !c.deadline && c.by == &rs_.deadlines.same_year && !unstated_deadline_said_) {
      unstated_deadline_said_ = true;
      warn("deadline_not_stated",
           msg(M::deadline_not_stated, std::to_string(rs_.notice_year), std::to_string(row->year)), &c.by->source);
    }
    std::string_view deadline = c.deadline ? date_text(c.deadline) : std::string_view{};
    std::string_view parts[3];
    size_t n = 0;
    for (Shortfall g : gs) {
      g.hours = up_to_cents(g.hours);
      g.can_complete = c.can;
      g.deadline = deadline;
      g.cite = cite(c.by->source);
      res_.shortfall.push_back(g);
      parts[n++] = g.subject == Subject::total
                       ? msg(M::hours_of_either_subject, hnum(g.hours))
                       : msg(M::hours_of_subject, word(kSubjectNames, unsigned(g.subject), L_), hnum(g.hours));
    }
    add_reason("year_not_met", msg(M::year_not_met, std::to_string(row->year), list(parts, n)),
               gaps_cite(gs));
    if (!c.can) {
      append_listed(lost, row->year, L_);
      lost_by = c.by;
    }
  }
  if (lost_by)
    add_reason("cannot_complete",
               msg(M::cannot_complete,
                   lost, date_text(p_.check_date)),
               *lost_by);
}

}  // namespace jxjy::eval
