// The requirement's window and the adjustments of the rule set, in the rule set's order: applied, or said
// not to fit (circumstance_not_applicable, cited); what each one does is in reduction_effects.cpp.
#include "eval/reductions.h"

#include <algorithm>
#include <array>
#include <functional>

#include "base/sort_few.h"
#include "eval/adjustments.h"

namespace jxjy::eval {

void Reductions::decide(const Requirement& req) {
  const Requirement* q = &req;
  own_department();
  interpret(*q);
  ask_.window = q->exempt ? Window{} : q->window;
  ask_.count = q->count;
  ask_.window_by = q;
  set_window(ask_.window, q);
  apply_adjustments(q);
  if (q->exempt) {
    ask_.exempt = true;
    add_reason("exempt",
               msg(M::exempt_by_requirement,
                   applicant(q)),
               *q);
  }
}

void Reductions::own_department() {
  const OwnDepartment& o = rs_.own_department;
  if (!o.present || !(o.series & bit(p_.series))) return;
  std::string_view series = word(kSeriesNames, unsigned(p_.series), L_);
  if (o.subjects == bit(Subject::professional))  // only the professional subjects are handed over
    warn("own_department_rules",
         msg(M::own_department_professional, o.text.in(L_), series,
             word(kSubjectNames, unsigned(Subject::professional), L_), word(kSubjectNames, unsigned(Subject::public_), L_)),
         &o.source);
  else
    warn("own_department_rules", msg(M::own_department, o.text.in(L_), series), &o.source);
  interpret(o);
}

// Age from a birth date on the default application date (YEAR-12-31): warn when another day of the
// year would fall on the other side of an age threshold.
void Reductions::warn_if_date_decides_age(const Adjustment& a) {
  if (!a.has_age || !p_.birth_date || p_.application_date_given || !in_scope(a, p_)) return;
  int threshold = p_.gender == Gender::male ? a.age_male : a.age_female;
  int age_jan1 = p_.year - p_.birth_date / 10000 - (p_.birth_date % 10000 > 101 ? 1 : 0);
  if ((p_.age >= threshold) == (age_jan1 >= threshold)) return;
  warn("application_date_assumed",
       msg(M::application_date_assumed,
           std::to_string(p_.year), std::to_string(p_.age), std::to_string(p_.age - 1)),
       &a.source);
}

void Reductions::apply_adjustments(const Requirement* q) {
  std::array<bool, kCircumstanceCount> used{};
  std::array<const Adjustment*, kCircumstanceCount> unmet{};  // a provision on the kind whose conditions fail
  for (size_t i = 0; i < rs_.adjustments.size(); ++i) {
    const Adjustment& a = rs_.adjustments[i];
    warn_if_date_decides_age(a);
    if (!applies(a, p_)) {
      if (a.circumstance >= 0 && !unmet[a.circumstance]) unmet[a.circumstance] = &a;
      continue;
    }
    if (a.circumstance >= 0) used[a.circumstance] = true;
    if (shapes_window(a) && int(i) != choice_.shape) continue;  // said once the choice is made
    apply(a, q);
  }
  for (int i : choice_.passed_over) {
    const Adjustment& a = rs_.adjustments[size_t(i)];
    add_reason("reduction_not_combined",
               msg(M::reduction_not_combined, a.text.in(L_),
                   rs_.adjustments[size_t(choice_.shape)].text.in(L_)),
               a);
  }
  // Once exempt (or, failing that, advisory), the other reductions change nothing: they are not announced.
  if (ask_.exempt || ask_.advisory) {
    const char* keep = ask_.exempt ? "exempt" : "advisory";
    res_.reasons.erase(std::remove_if(res_.reasons.begin(), res_.reasons.end(),
                                      [&](const Finding& f) { return f.code != keep; }),
                       res_.reasons.end());
  }
  for (const auto& c : p_.circumstances) {
    int k = int(c.kind);
    if (used[k]) continue;
    used[k] = true;  // once per kind
    if (const Adjustment* a = unmet[k]) {
      // The notice has the provision; its conditions do not fit this application: cite it.
      res_.warnings.push_back({"circumstance_not_applicable",
                               msg(M::circumstance_conditions_not_met,
                                   word(kCircumstanceNames, unsigned(k), L_), a->text.in(L_), applicant()),
                               cite(a->source)});
      continue;
    }
    // Cited to the notice as a whole: it has no provision on the circumstance.
    res_.warnings.push_back({"circumstance_not_applicable",
                             msg(M::circumstance_not_applicable,
                                 word(kCircumstanceNames, unsigned(k), L_), rs_.documents.front().title),
                             Citation{&rs_.documents.front(), kWholeNotice}});
  }
}

}  // namespace jxjy::eval
