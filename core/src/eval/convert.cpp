// How a record's amount in its unit becomes hours (the rule set's rates, per-period minutes, days by
// conference level, fixed credits, exams), exactly, and the basis in words ("5 天 × 8 学时").
#include "eval/crediting.h"

namespace jxjy::eval {

Micro Crediting::convert(const Record& r, Unit unit, const UnitRule& u, std::string_view& basis) {
  const Num a = num(r.amount);
  switch (unit) {
    case Unit::none:
      basis = msg(M::basis_fixed, num(u.fixed));
      return micro(u.fixed);
    case Unit::hours: {
      Micro h = times(r.amount_micro, u.rate);
      basis = u.rate == 1 ? msg(M::basis_hours_as_stated, a)
                          : msg(M::basis_hours_rate, a, num(u.rate), hnum(h));
      return h;
    }
    case Unit::minutes: {
      Micro periods = r.amount_micro / (Micro(u.per) * kMicro);  // whole periods only
      Micro h = periods * kMicro;
      if (periods * Micro(u.per) * kMicro == r.amount_micro) {
        basis = msg(M::basis_minutes, a, std::to_string(u.per), hnum(h));
      } else {  // the quotient as it is (to the hundredth, cut), then the whole periods counted
        Micro q = r.amount_micro / Micro(u.per) / 10000 * 10000;
        basis = msg(M::basis_minutes_inexact, a, std::to_string(u.per), hnum(h), hnum(q));
      }
      return h;
    }
    case Unit::days: {
      double rate = u.by_level ? u.level_rate[int(r.level)] : u.rate;
      Micro h = times(r.amount_micro, rate);
      basis = u.by_level ? msg(M::basis_days_by_level, a, num(rate),
                               word(kConfLevelNames, unsigned(r.level), L_), hnum(h))
                         : msg(M::basis_days, a, num(rate), hnum(h));
      return h;
    }
    case Unit::months: {
      Micro h = times(r.amount_micro, u.rate);
      basis = msg(M::basis_months, a, num(u.rate), hnum(h));
      return h;
    }
    case Unit::subjects: {
      if (u.annual_requirement) {
        Micro h = r.amount >= 1 ? professional_required() : 0;
        basis = r.amount >= 1 ? msg(M::basis_exam_passed, hnum(h))
                              : msg(M::basis_exam_not_passed);
        return h;
      }
      Micro h = times(r.amount_micro, u.rate);
      basis = msg(M::basis_exam_subjects, a, num(u.rate), hnum(h));
      return h;
    }
  }
  return 0;
}

}  // namespace jxjy::eval
