// Profile + rule set -> result. Every decision here is driven by the rule set's data and cites it.
#include "evaluate.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "format.h"

namespace jxjy {
namespace {

// Whether an adjustment's route, level and application-year conditions cover the profile.
bool in_scope(const Adjustment& a, const Profile& p) {
  if (!allows(a.routes, p.route) || !allows(a.levels, p.level)) return false;
  return a.application_years.empty() ||
         std::find(a.application_years.begin(), a.application_years.end(), p.year) != a.application_years.end();
}

class Evaluation {
 public:
  Evaluation(const Profile& p, const RuleSet& rs, Result& res) : p_(p), rs_(rs), res_(res), L_(p.locale) {}

  void run() {
    check_needed_inputs(p_, rs_, {}, res_.errors);
    if (!res_.errors.empty()) return;
    const Requirement* q = pick_requirement();
    res_.ok = true;
    res_.reasons.reserve(4);  // the requirement and a few unmet years, usually
    interpret(*q);
    window_ = q->exempt ? Window{} : q->window;
    count_ = q->count;
    set_window(window_, q);
    apply_adjustments(q);
    if (q->exempt) {
      exempt_ = true;
      add_reason("exempt",
                 fmt("{0}：不要求继续教育学时", "{0}: no continuing-education hours are required", applicant()),
                 *q);
    }
    trace_records(*q);
    fill_years(*q);
    decide(*q);
  }

 private:
  const Profile& p_;
  const RuleSet& rs_;
  Result& res_;
  Locale L_;
  Window window_;
  int count_ = kAllYears;
  int deemed_ = 0;
  bool exempt_ = false, advisory_ = false;
  std::vector<int> waived_;

  // A message in the profile's language, kept in the result's texts.
  template <class... A>
  std::string_view fmt(std::string_view zh, std::string_view en, const A&... args) {
    return res_.texts.fmt(L_, zh, en, args...);
  }

  Cite cite(const Source& s) const {
    Cite c;
    if (s.doc >= 0 && size_t(s.doc) < rs_.documents.size()) c.doc = &rs_.documents[s.doc];
    c.clause = s.clause;
    if (!s.json.empty()) c.json = &s.json;
    return c;
  }
  void add_reason(std::string_view code, std::string_view message, const Cited& c) {
    res_.reasons.push_back({code, message, cite(c.source)});
  }
  void warn(std::string_view code, std::string_view message, const Source* s = nullptr) {
    Note n{code, message, {}};
    if (s) n.cite = cite(*s);
    res_.warnings.push_back(std::move(n));
  }
  // Each interpretation is reported once, however many records it decides.
  void interpret(const Cited& c) {
    if (!c.interpretation) return;
    const std::string& text = c.interpretation->in(L_);
    for (const auto& w : res_.warnings)
      if (w.code == "interpretation" && w.message == text) return;
    warn("interpretation", text, &c.source);
  }

  std::string_view applicant() {
    return fmt("{0}·{1}", "{0}, {1}", word(kRouteNames, unsigned(p_.route), L_), word(kLevelNames, unsigned(p_.level), L_));
  }

  // Up to three parts as a list: "a、b、c" / "a, b, c".
  std::string_view list(const std::string_view (&parts)[3], size_t n) {
    std::string_view sep = L_ == Locale::en ? ", " : "、";
    static constexpr const char* kPatterns[] = {"", "{0}", "{0}{3}{1}", "{0}{3}{1}{3}{2}"};
    return res_.texts.format(kPatterns[n], {parts[0], parts[1], parts[2], sep});
  }

  // Education is known whenever a requirement depends on it (check_needed_inputs).
  const Requirement* pick_requirement() const {
    for (const auto& q : rs_.requirements)
      if (q.route == p_.route && allows(q.levels, p_.level) && allows(q.education, p_.education)) return &q;
    return &rs_.requirements.front();  // unreachable: the loader checks coverage
  }

  // The window's years, ending with the application year.
  std::vector<int> years_of(Window::Kind kind, int n, const Requirement* q, const Window& w) {
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
               fmt("未填写现职取得年份（currentTitleSince），按{0}计", "no currentTitleSince given: {0} assumed",
                   w.fallback_kind == Window::last
                       ? fmt("近{0}年", "the last {0} years", std::to_string(w.fallback_n))
                       : fmt("{0}年以来", "the years since {0}", std::to_string(w.fallback_n))),
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

  void set_window(const Window& w, const Requirement* q) { res_.window = years_of(w.kind, w.n, q, w); }

  const Circumstance* find_circumstance(int kind) const {
    for (const auto& c : p_.circumstances)
      if (int(c.kind) == kind) return &c;
    return nullptr;
  }

  bool applies(const Adjustment& a) const {
    if (!in_scope(a, p_)) return false;
    if (a.has_age) {
      int threshold = p_.gender == Gender::male ? a.age_male : a.age_female;
      if (p_.age < threshold) return false;
    }
    if (a.has_sector && p_.sector != a.sector) return false;
    if (a.has_grassroots && p_.grassroots != a.grassroots) return false;
    if (a.circumstance >= 0) {
      const Circumstance* c = find_circumstance(a.circumstance);
      if (!c) return false;
      if (c->kind == CircumstanceKind::village_first_secretary && c->full_years < a.min_full_years) return false;
    }
    return true;
  }

  void apply_adjustments(const Requirement* q) {
    std::array<bool, kCircumstanceCount> used{};
    for (const auto& a : rs_.adjustments) {
      if (!applies(a)) continue;
      if (a.circumstance >= 0) used[a.circumstance] = true;
      if (exempt_ && a.effect != Effect::exempt) continue;  // nothing else matters once exempt
      interpret(a);
      const std::string& text = a.text.in(L_);
      const Circumstance* c = a.circumstance >= 0 ? find_circumstance(a.circumstance) : nullptr;
      switch (a.effect) {
        case Effect::exempt:
          exempt_ = true;
          add_reason("exempt", text, a);
          break;
        case Effect::advisory:
          advisory_ = true;
          add_reason("advisory", text, a);
          break;
        case Effect::replace_requirement:
          window_ = a.window;
          count_ = a.count;
          set_window(window_, q);
          add_reason("requirement_replaced", text, a);
          break;
        case Effect::deem_years:
          deemed_ += a.deem_years;
          add_reason("years_deemed", text, a);
          break;
        case Effect::waive_circumstance_years: {
          std::string list;
          for (int y : c->years)
            if (in_window(y) && std::find(waived_.begin(), waived_.end(), y) == waived_.end()) {
              waived_.push_back(y);
              list += (list.empty() ? "" : "、") + std::to_string(y);
            }
          add_reason("years_waived",
                     list.empty() ? fmt("{0}（所填年度不在要求年限内）", "{0} (none of the years given is in the window)", text)
                                  : fmt("{0}：{1}年不要求学时", "{0}: no hours required for {1}", text, list),
                     a);
          break;
        }
        case Effect::years_since_circumstance:
          if (c->year >= p_.year) {
            exempt_ = true;
            add_reason("exempt",
                       fmt("{0}：{1}年转任，当年申报不要求学时", "{0}: transferred in {1}, the application year: no hours required",
                           text, std::to_string(c->year)),
                       a);
          } else {
            limit_window_from(c->year + 1);
            add_reason("years_since_circumstance",
                       fmt("{0}：{1}年转任，只要求{2}年起的年度", "{0}: transferred in {1}, only the years from {2} count",
                           text, std::to_string(c->year), std::to_string(c->year + 1)),
                       a);
          }
          break;
        case Effect::years_in_post:
          limit_window_from(p_.year - c->years_in_post + 1);
          add_reason("years_in_post",
                     fmt("{0}：实际任职{1}年", "{0}: {1} years in post", text, std::to_string(c->years_in_post)), a);
          break;
      }
    }
    for (const auto& c : p_.circumstances)
      if (!used[int(c.kind)])
        warn("circumstance_not_applicable",
             fmt("特殊情形“{0}”在本规则集中对本次申报没有减免规定，未予考虑",
                 "circumstance \"{0}\" has no provision for this application in this rule set and was not applied",
                 word(kCircumstanceNames, unsigned(c.kind), L_)));
  }

  // Fewer years required: keep only the years from `from`, never more than the rule asked.
  void limit_window_from(int from) {
    if (count_ == kAllYears) {
      res_.window.erase(std::remove_if(res_.window.begin(), res_.window.end(), [&](int y) { return y < from; }),
                        res_.window.end());
    } else {
      int span = std::max(0, p_.year - from + 1);
      count_ = std::min(count_, span);
    }
  }

  bool in_window(int y) const { return std::find(res_.window.begin(), res_.window.end(), y) != res_.window.end(); }

  void trace_records(const Requirement& q) {
    res_.records.reserve(p_.training.size());
    for (size_t i = 0; i < p_.training.size(); ++i) res_.records.push_back(trace(int(i), p_.training[i], q));
  }

  Trace trace(int index, const Record& r, const Requirement& q) {
    Trace t;
    t.index = index;
    t.year = r.year;
    t.subject = r.subject;
    t.activity = r.activity;
    const ActivityRule& rule = rs_.activities[int(r.activity)];
    t.cite = cite(rule.source);
    auto refuse = [&](const char* code, std::string_view msg, const Source& s) {
      t.has_reason = true;
      t.reason = {code, msg, cite(s)};
      return t;
    };
    std::string_view act = word(kActivityNames, unsigned(r.activity), L_);
    if (rule.excluded) return refuse("activity_excluded", rule.text.in(L_), rule.source);
    if (!allows(rule.subjects, r.subject)) {
      std::string allowed;
      for (unsigned k = 0; k < 2; ++k)
        if (rule.subjects & (Mask(1) << k))
          allowed += (allowed.empty() ? "" : L_ == Locale::en ? " or " : "或") + std::string(word(kSubjectNames, k, L_));
      return refuse("subject_not_allowed",
                    fmt("“{0}”只能计入{1}，不能计入{2}", "\"{0}\" counts only as {1} hours, not {2}", act, allowed,
                        word(kSubjectNames, unsigned(r.subject), L_)),
                    rule.source);
    }
    const Filing& f = rs_.filing;
    if (f.present && !r.filed && allows(f.activities, r.activity) && allows(f.subjects, r.subject)) {
      interpret(f);
      return refuse("not_filed", f.text.in(L_), f.source);
    }

    const UnitRule* u = &rule.units[int(Unit::none)];
    Unit unit = Unit::none;
    if (!u->accepted) {
      unit = r.unit;
      u = &rule.units[int(unit)];
    }
    if (!u->accepted) {
      std::string accepted;
      for (int k = 0; k < kUnitCount; ++k)
        if (rule.units[k].accepted && Unit(k) != Unit::none)
          accepted += (accepted.empty() ? "" : ", ") + std::string(kUnitNames[k].id) +
                      (L_ == Locale::zh ? "（" + std::string(kUnitNames[k].zh) + "）" : "");
      return refuse("unit_not_accepted",
                    fmt("本地区“{0}”不按{1}折算，请改填 {2}", "here \"{0}\" is not credited by {1}; give {2} instead", act,
                        word(kUnitNames, unsigned(r.unit), L_), accepted),
                    rule.source);
    }
    if (u->source) t.cite = cite(*u->source);
    interpret(rule);

    double hours = convert(r, unit, *u, t.basis);
    if (rule.cap_annual_multiple > 0) {
      double cap = rule.cap_annual_multiple * rs_.annual.total.hours;
      if (hours > cap) {
        t.has_reason = true;
        t.reason = {"capped",
                    fmt("一次最多认定{0}年的学时（{1}学时），折算的{2}学时按{1}学时计",
                        "one activity credits at most {0} year(s) of hours ({1}); {2} reduced to {1}",
                        std::to_string(rule.cap_annual_multiple), num(cap), num(hours)),
                    t.cite};
        t.basis = fmt("{0}，上限{1}学时", "{0}, capped at {1}", t.basis, num(cap));
        hours = cap;
      }
    }
    if (!in_window(r.year)) {
      t.has_reason = true;
      t.reason = {"outside_window",
                  fmt("{0}年不在可计入的年限（{1}）内，学时不结转", "{0} is outside the years that count ({1}); hours do not carry over",
                      std::to_string(r.year), span()),
                  cite(q.source)};
      return t;
    }
    t.counted = true;
    t.credited = round2(hours);
    return t;
  }

  std::string span() const {
    if (res_.window.empty()) return "";
    if (res_.window.size() == 1) return std::to_string(res_.window[0]);
    return std::to_string(res_.window.front()) + (L_ == Locale::en ? "–" : "—") + std::to_string(res_.window.back());
  }

  double convert(const Record& r, Unit unit, const UnitRule& u, std::string_view& basis) {
    const Num a = num(r.amount);
    switch (unit) {
      case Unit::none:
        basis = fmt("当年学习一次性认定{0}学时", "{0} hours credited once for the year of study", num(u.fixed));
        return u.fixed;
      case Unit::hours: {
        double h = r.amount * u.rate;
        basis = u.rate == 1 ? fmt("按所载{0}学时", "{0} hours as stated", a)
                            : fmt("{0}学时 × {1} = {2}学时", "{0} hours × {1} = {2} hours", a, num(u.rate), num(h));
        return h;
      }
      case Unit::minutes: {
        double h = std::floor(r.amount / u.per);
        basis = fmt("{0}分钟 ÷ {1} = {2}学时（不足{1}分钟不计）", "{0} minutes ÷ {1} = {2} hours (part periods not counted)",
                    a, std::to_string(u.per), num(h));
        return h;
      }
      case Unit::days: {
        double rate = u.by_level ? u.level_rate[int(r.level)] : u.rate;
        double h = r.amount * rate;
        basis = u.by_level ? fmt("{0}天 × {1}学时（{2}）= {3}学时", "{0} days × {1} hours ({2}) = {3} hours", a, num(rate),
                                 word(kConfLevelNames, unsigned(r.level), L_), num(h))
                           : fmt("{0}天 × {1}学时 = {2}学时", "{0} days × {1} hours = {2} hours", a, num(rate), num(h));
        return h;
      }
      case Unit::months: {
        double h = r.amount * u.rate;
        basis = fmt("{0}个月 × {1}学时 = {2}学时", "{0} months × {1} hours = {2} hours", a, num(u.rate), num(h));
        return h;
      }
      case Unit::subjects: {
        if (u.annual_requirement) {
          double h = r.amount >= 1 ? professional_required() : 0;
          basis = r.amount >= 1 ? fmt("考试合格，视同完成当年专业科目{0}学时", "exam passed: the year's {0} professional hours are deemed complete", num(h))
                                : fmt("未通过科目，不计学时", "no subject passed: no hours");
          return h;
        }
        double h = r.amount * u.rate;
        basis = fmt("{0}门 × {1}学时 = {2}学时", "{0} subjects × {1} hours = {2} hours", a, num(u.rate), num(h));
        return h;
      }
    }
    return 0;
  }

  double professional_required() const {
    const Annual& an = rs_.annual;
    double prof = an.prof.hours;
    if (an.has_share) prof = std::max(prof, std::ceil(an.total.hours * an.share_num / an.share_den - 1e-9));
    return prof;
  }

  void fill_years(const Requirement& q) {
    const Annual& an = rs_.annual;
    Mask s = q.exempt ? 0 : q.subjects;
    double req_pub = allows(s, Subject::public_) ? an.pub.hours : 0;
    double req_prof = allows(s, Subject::professional) ? professional_required() : 0;
    double req_total = allows(s, Subject::total) ? an.total.hours : 0;
    if (an.has_share && allows(s, Subject::professional)) interpret(an.share);
    if (allows(s, Subject::total)) interpret(an.total);
    res_.years.reserve(res_.window.size());
    for (int y : res_.window) {
      YearRow row;
      row.year = y;
      row.pub.required = req_pub;
      row.prof.required = req_prof;
      row.total.required = req_total;
      for (const auto& t : res_.records) {
        if (!t.counted || t.year != y) continue;
        (t.subject == Subject::public_ ? row.pub.credited : row.prof.credited) += t.credited;
      }
      row.pub.credited = round2(row.pub.credited);
      row.prof.credited = round2(row.prof.credited);
      row.total.credited = round2(row.pub.credited + row.prof.credited);
      row.met = row.pub.credited >= req_pub && row.prof.credited >= req_prof && row.total.credited >= req_total;
      row.waived = std::find(waived_.begin(), waived_.end(), y) != waived_.end();
      res_.years.push_back(row);
    }
  }

  // What a year lacks: at most one gap per subject (no vector: the sort below asks often).
  struct Gaps {
    Gap items[3];
    size_t count = 0;
    void add(const Gap& g) { items[count++] = g; }
    const Gap* begin() const { return items; }
    const Gap* end() const { return items + count; }
  };
  static Gaps gaps(const YearRow& row) {
    Gaps out;
    double pub = std::max(0.0, row.pub.required - row.pub.credited);
    double prof = std::max(0.0, row.prof.required - row.prof.credited);
    double total = std::max(0.0, row.total.required - row.total.credited - pub - prof);
    if (pub > 0) out.add({row.year, Subject::public_, round2(pub)});
    if (prof > 0) out.add({row.year, Subject::professional, round2(prof)});
    if (total > 0) out.add({row.year, Subject::total, round2(total)});
    return out;
  }

  std::string_view describe_requirement(int needed) {
    if (needed == 0)
      return fmt("{0}：视同完成的年度已满足要求，无需另行完成学时",
                 "{0}: the years deemed complete already satisfy the requirement", applicant());
    std::string years = span();
    bool all = needed >= int(res_.window.size());
    std::string_view when = res_.window.size() == 1 ? fmt("{0}年度", "the year {0}", years)
                       : all ? fmt("{0}年每一年度", "every year of {0}", years)
                           : fmt("{0}年中任意{1}个年度（可不连续）", "any {1} years of {0} (not necessarily consecutive)",
                                 years, std::to_string(needed));
    const YearRow& r = res_.years.front();
    std::string_view parts[3];
    size_t n = 0;
    auto part = [&](const char* zh, const char* en, double h) {
      if (h > 0) parts[n++] = fmt("{0}{1}学时", "{1} {0} hours", L_ == Locale::en ? en : zh, num(h));
    };
    part("公需科目", "public", r.pub.required);
    part("专业科目", "professional", r.prof.required);
    part("合计", "total", r.total.required);
    return fmt("{0}：须{1}达到{2}", "{0}: {1} must reach {2}", applicant(), when, list(parts, n));
  }

  void decide(const Requirement& q) {
    if (exempt_) {
      res_.status = Status::exempt;
      res_.required_years = 0;
      return;
    }
    int window_size = int(res_.window.size());
    int needed = count_ == kAllYears ? window_size : count_;
    needed = std::max(0, needed - deemed_);
    res_.required_years = needed;
    if (!res_.years.empty()) add_reason("requirement", describe_requirement(needed), q);

    std::vector<const YearRow*> unmet;
    unmet.reserve(res_.years.size());
    int satisfied = 0;
    for (const auto& row : res_.years) {
      if (row.met || row.waived) ++satisfied;
      else unmet.push_back(&row);
    }
    int missing = needed - satisfied;
    if (missing > int(unmet.size())) {
      add_reason("window_too_short",
                 fmt("可计入的年限只有{0}个年度，不足要求的{1}个年度", "the window holds only {0} years, fewer than the {1} required",
                     std::to_string(window_size), std::to_string(needed)),
                 q);
    }
    if (advisory_) {
      res_.status = Status::advisory;
      return;
    }
    if (missing <= 0) {
      res_.status = Status::met;
      return;
    }
    res_.status = Status::short_of_hours;
    // The cheapest years to complete; on a tie the most recent, which can still be studied.
    auto cost = [](const YearRow* r) {
      double c = 0;
      for (const auto& g : gaps(*r)) c += g.hours;
      return c;
    };
    std::stable_sort(unmet.begin(), unmet.end(), [&](const YearRow* a, const YearRow* b) {
      double ca = cost(a), cb = cost(b);
      if (std::fabs(ca - cb) > 1e-9) return ca < cb;
      return a->year > b->year;
    });
    unmet.resize(std::min(unmet.size(), size_t(missing)));
    std::sort(unmet.begin(), unmet.end(), [](const YearRow* a, const YearRow* b) { return a->year < b->year; });
    res_.shortfall.reserve(unmet.size() * 3);
    for (const YearRow* row : unmet) {
      std::string_view parts[3];
      size_t n = 0;
      const Cited* first = nullptr;
      for (const auto& g : gaps(*row)) {
        res_.shortfall.push_back(g);
        const AnnualItem& item = g.subject == Subject::public_ ? rs_.annual.pub
                                 : g.subject == Subject::professional ? rs_.annual.prof
                                                                      : rs_.annual.total;
        if (!first) first = &item;
        parts[n++] = g.subject == Subject::total
                         ? fmt("任意科目{0}学时", "{0} hours of either subject", num(g.hours))
                         : fmt("{0}{1}学时", "{1} {0} hours", word(kSubjectNames, unsigned(g.subject), L_), num(g.hours));
      }
      if (first)
        add_reason("year_not_met", fmt("{0}年还差{1}", "{0}: {1} missing", std::to_string(row->year), list(parts, n)), *first);
    }
  }
};

}  // namespace

// Some answers depend on facts the contract leaves optional; ask for them only when they matter.
void check_needed_inputs(const Profile& p, const RuleSet& rs, const std::vector<bool>& skip_record,
                         std::vector<Problem>& errors) {
  for (const auto& q : rs.requirements) {
    if (q.route != p.route || !allows(q.levels, p.level)) continue;
    if (q.education != 0 && p.education == Education::unknown)
      errors.push_back({"missing", "/education",
                        {"该地区" + std::string(kRouteNames[int(p.route)].zh) + "的学时要求取决于学历，请填写 education",
                         "in this region the requirement for " + std::string(kRouteNames[int(p.route)].en) +
                             " depends on education: give education"}});
    break;
  }
  for (const auto& a : rs.adjustments) {
    if (!a.has_age || !in_scope(a, p)) continue;
    if (p.age < 0)
      errors.push_back({"missing", "/age",
                        {"该地区按年龄减免学时，请填写 age 或 birthDate", "this region reduces hours by age: give age or birthDate"}});
    if (p.gender == Gender::unknown)
      errors.push_back({"missing", "/gender",
                        {"该地区按性别和年龄减免学时，请填写 gender", "this region's age rules depend on gender: give gender"}});
    break;
  }
  for (size_t i = 0; i < p.training.size(); ++i) {
    if (i < skip_record.size() && skip_record[i]) continue;
    const Record& r = p.training[i];
    const ActivityRule& rule = rs.activities[int(r.activity)];
    if (rule.excluded) continue;
    auto path = [i] { return "/training/" + std::to_string(i); };  // made only for an error
    bool fixed = rule.units[int(Unit::none)].accepted;
    if (r.unit == Unit::none && !fixed)
      errors.push_back({"missing_amount", path(),
                        {"请填写学习量：hours、minutes、days、months 或 subjects 之一",
                         "give the amount: one of hours, minutes, days, months, subjects"}});
    if (r.unit == Unit::days && !fixed && rule.units[int(Unit::days)].by_level && r.level == ConfLevel::unknown)
      errors.push_back({"missing", path() + "/level",
                        {"该地区会议学时按级别折算，请填写 level（international/national/provincial/prefecture）",
                         "conference days are credited by level here: give level (international/national/provincial/prefecture)"}});
  }
}

void evaluate(const Profile& p, const RuleSet& rs, Result& res) { Evaluation(p, rs, res).run(); }

}  // namespace jxjy
