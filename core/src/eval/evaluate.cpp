// Profile + rule set -> result. Every decision here is driven by the rule set's data and cites it.
// One evaluation runs three parts in order (eval/part.h): Reductions (what the requirement asks of this
// applicant), Crediting (what each record credits), Verdict (status and shortfall). Around it: the choice
// of the most favourable window-shaping reduction, and the checks that evaluate again without records of
// unknown filing or with their assumed dates (CONTRACT §5.1).
#include "eval/evaluate.h"

#include <algorithm>
#include <functional>
#include <optional>

#include "base/messages.h"
#include "eval/adjustments.h"
#include "eval/crediting.h"
#include "eval/reductions.h"
#include "eval/verdict.h"

namespace jxjy {
namespace {

using eval::applies;
using eval::Choice;
using eval::shapes_window;

// Education is known whenever a requirement depends on it (check_needed_inputs).
const Requirement& pick_requirement(const Profile& p, const RuleSet& rs) {
  for (const auto& q : rs.requirements)
    if (q.route == p.route && allows(q.levels, p.level) && allows(q.education, p.education)) return q;
  return rs.requirements.front();  // unreachable: the loader checks coverage
}

// One evaluation with the given choice of reduction.
void run(const Profile& p, const RuleSet& rs, Result& res, const Choice& choice) {
  check_needed_inputs(p, rs, {}, res.errors);
  if (!res.errors.empty()) return;
  const Requirement& q = pick_requirement(p, rs);
  res.ok = true;
  res.reasons.reserve(4);  // the requirement and a few unmet years, usually
  res.warnings.reserve(4);  // most results have one to three (the interpretations they rest on)
  eval::Asked asked;
  eval::Reductions(p, rs, res, asked, choice).decide(q);
  eval::Crediting(p, rs, res, asked).credit_records();
  eval::Verdict(p, rs, res, asked).decide(q);
}

// How far a result is from the applicant's goal, to choose the most favourable reduction: met (or
// exempt, advisory) first, then the fewest hours that can no longer be earned, then the fewest missing.
struct Distance {
  int short_ = 0;
  Micro lost = 0, missing = 0;
  int required_years = 0;
  bool operator<(const Distance& o) const {
    if (short_ != o.short_) return short_ < o.short_;
    if (lost != o.lost) return lost < o.lost;
    if (missing != o.missing) return missing < o.missing;
    return required_years < o.required_years;
  }
  bool operator==(const Distance& o) const { return !(*this < o) && !(o < *this); }
};
Distance distance(const Result& r) {
  Distance d;
  d.short_ = r.status == Status::short_of_hours;
  for (const auto& g : r.shortfall) (g.can_complete ? d.missing : d.lost) += g.hours;
  d.required_years = r.required_years;
  return d;
}

// The years a 视同完成 of the entries' own years could deem (青海 六（一）: 视同完成一年, the year of the
// epidemic service), latest first; fewer than two: nothing to choose.
std::vector<int> deem_candidates(const Profile& p, const RuleSet& rs) {
  std::vector<int> ys;
  for (const auto& a : rs.adjustments) {
    if (a.effect != Effect::deem_years || a.deem_any_year || !applies(a, p)) continue;
    for (const Circumstance* c : eval::entries(a, p))
      for (int y : eval::bounded_years(a, *c))
        if (std::find(ys.begin(), ys.end(), y) == ys.end()) ys.push_back(y);
  }
  std::sort(ys.begin(), ys.end(), std::greater<int>());
  if (ys.size() < 2) ys.clear();
  return ys;
}

// Evaluates with the most favourable of the window-shaping reductions that apply (each alone) and, where
// the entries name more years than a 视同完成 deems, the most favourable of those years (ties: the latest),
// so that another reduction or entry never makes the verdict stricter.
void evaluate_known(const Profile& p, const RuleSet& rs, Result& res) {
  std::vector<int> shapes;
  for (size_t i = 0; i < rs.adjustments.size(); ++i)
    if (shapes_window(rs.adjustments[i]) && applies(rs.adjustments[i], p)) shapes.push_back(int(i));
  const std::vector<int> deems = deem_candidates(p, rs);
  Choice choice;
  if (shapes.size() == 1) choice.shape = shapes.front();
  if (shapes.size() > 1 || !deems.empty()) {
    const std::vector<int> shape_options = shapes.empty() ? std::vector<int>{-1} : shapes;
    const std::vector<int> deem_options = deems.empty() ? std::vector<int>{0} : deems;
    std::optional<Distance> best;
    bool failed = false;
    for (int s : shape_options) {
      for (int y : deem_options) {
        Result trial;  // compared by its distance, never shown: no texts
        trial.texts.discard();
        trial.locale = res.locale;
        Choice one;
        one.shape = s;
        one.deem_first = y;
        run(p, rs, trial, one);
        if ((failed = !trial.errors.empty())) break;  // the errors come out below
        Distance d = distance(trial);
        if (!best || d < *best) best = d, choice.shape = s, choice.deem_first = y;
      }
      if (failed) break;
    }
    if (choice.shape < 0 && !shapes.empty()) choice.shape = shapes.front();
    if (shapes.size() > 1)
      for (int i : shapes)
        if (i != choice.shape) choice.passed_over.push_back(i);
  }
  run(p, rs, res, choice);
}

// CONTRACT §5.1: records of unknown filing that the notice's filing rule covers are counted as filed;
// where the verdict depends on them, the result says which, the clause, and the status without them.
void check_unknown_filing(const Profile& p, const RuleSet& rs, Result& res) {
  const Filing& f = rs.filing;
  if (!f.present || !res.ok) return;
  std::vector<int> unknown;
  for (size_t i = 0; i < p.training.size() && i < res.records.size(); ++i) {
    const Record& r = p.training[i];
    if (r.filed_unknown && res.records[i].counted && allows(f.activities, r.activity) && allows(f.subjects, r.subject))
      unknown.push_back(int(i));
  }
  if (unknown.empty()) return;
  Profile q = p;
  for (int i : unknown) q.training[size_t(i)].filed = false;
  Result alt;  // compared by its status and distance, never shown: no texts
  alt.texts.discard();
  alt.locale = res.locale;
  evaluate_known(q, rs, alt);
  if (!alt.ok || (alt.status == res.status && distance(alt) == distance(res))) return;
  const Locale l = res.locale;
  std::string which;
  for (int i : unknown) append_listed(which, i + 1, l);
  Finding w{"filing_unknown",
            message(res.texts, l, M::filing_unknown, which, word(kStatusNames, unsigned(res.status), l),
                    word(kStatusNames, unsigned(alt.status), l), f.text.in(l))};
  w.cite.doc = &rs.documents[size_t(f.source.doc)];
  w.cite.clause = f.source.clause;
  if (!f.source.json.empty()) w.cite.json = &f.source.json;
  w.records = std::move(unknown);
  w.status_if_unfiled = int(alt.status);
  res.conditional = res.conditional || alt.status != res.status;
  res.warnings.push_back(std::move(w));
  if (f.interpretation) {
    const std::string& text = f.interpretation->in(l);
    bool said = false;
    for (const auto& x : res.warnings) said |= x.code == "interpretation" && x.message == text;
    if (!said) res.warnings.push_back({"interpretation", text, res.warnings.back().cite});
  }
}

// Undated records of the notice year are taken as inside its study period (扎兰屯 一（三）, 青海 五（二））.
// Where that decides the verdict (without them it would differ), say which dates were assumed.
void check_assumed_period(const Profile& p, const RuleSet& rs, Result& res) {
  const SameYearDeadline& d = rs.deadlines.same_year;
  const int y = rs.notice_year;
  if (!res.ok || !d.study_period || (d.from <= 101 && (!d.until || d.until == 1231))) return;
  // Without records a verdict of short stays short (tests/node/properties.test.mjs "removing a record never
  // turns short into met"): nothing to say, and no second evaluation to make.
  if (res.status == Status::short_of_hours) return;
  Profile q = p;
  q.training.clear();
  std::string which;
  const Locale l = res.locale;
  for (size_t i = 0; i < p.training.size(); ++i) {
    const Record& r = p.training[i];
    bool assumed = !r.start && r.year == y && i < res.records.size() && res.records[i].counted;
    if (assumed) append_listed(which, long(i) + 1, l);
    else q.training.push_back(r);
  }
  if (which.empty()) return;
  Result alt;  // compared by its status, never shown: no texts
  alt.texts.discard();
  alt.locale = l;
  evaluate_known(q, rs, alt);
  if (!alt.ok || alt.status == res.status) return;
  auto day = [&](int mmdd) { return res.texts.keep(DateText(y * 10000 + mmdd)); };
  Finding w{"period_assumed", message(res.texts, l, M::period_assumed, which, std::to_string(y),
                                      day(d.from ? d.from : 101), day(d.until ? d.until : 1231))};
  w.cite = {&rs.documents[size_t(d.source.doc)], d.source.clause, d.source.json.empty() ? nullptr : &d.source.json};
  res.warnings.push_back(std::move(w));
}

}  // namespace

void evaluate(const Profile& p, const RuleSet& rs, Result& res) {
  evaluate_known(p, rs, res);
  check_unknown_filing(p, rs, res);
  check_assumed_period(p, rs, res);
}

}  // namespace jxjy
