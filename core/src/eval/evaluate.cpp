// Profile + rule set -> result. Every decision here is driven by the rule set's data and cites it.
#include "eval/evaluate.h"

#include <algorithm>
#include <functional>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>
#include <tuple>

#include "base/format.h"
#include "base/sort_few.h"
#include "base/messages.h"

namespace jxjy {
namespace {

// Whether an adjustment's route, level and application-year conditions cover the profile.
bool in_scope(const Adjustment& a, const Profile& p) {
  if (!allows(a.routes, p.route) || !allows(a.levels, p.level)) return false;
  return a.application_years.empty() ||
         std::find(a.application_years.begin(), a.application_years.end(), p.year) != a.application_years.end();
}

// The circumstance's years inside the adjustment's `circumstanceYears` period.
std::vector<int> bounded_years(const Adjustment& a, const Circumstance& c) {
  std::vector<int> out;
  for (int y : c.years)
    if (!a.years_from || (y >= a.years_from && y <= a.years_to)) out.push_back(y);
  return out;
}

// The profile's entries of the adjustment's circumstance that meet its conditions: an entry whose
// years all fall outside `circumstanceYears` (an epidemic year before the epidemic) does nothing.
std::vector<const Circumstance*> entries(const Adjustment& a, const Profile& p) {
  std::vector<const Circumstance*> out;
  for (const auto& c : p.circumstances) {
    if (int(c.kind) != a.circumstance) continue;
    if (c.kind == CircumstanceKind::village_first_secretary && c.full_years < a.min_full_years) continue;
    if (a.years_from && !c.years.empty() && bounded_years(a, c).empty()) continue;
    if (a.years_from && c.years.empty() && c.kind == CircumstanceKind::epidemic_frontline) continue;
    out.push_back(&c);
  }
  return out;
}

// Whether every condition of an adjustment holds for the profile.
bool applies(const Adjustment& a, const Profile& p) {
  if (!in_scope(a, p)) return false;
  if (a.has_age) {
    int threshold = p.gender == Gender::male ? a.age_male : a.age_female;
    if (p.age < threshold) return false;
  }
  if (a.has_sector && p.sector != a.sector) return false;
  if (a.has_grassroots && p.grassroots != a.grassroots) return false;
  if (a.circumstance >= 0 && entries(a, p).empty()) return false;
  return true;
}

// Reductions that change which years are required (学时减免: one of the last three years, the years
// since a transfer, the years in post). Where several apply, the applicant gets the most favourable
// one alone: they never combine into a stricter requirement than any one of them.
bool shapes_window(const Adjustment& a) {
  return a.effect == Effect::replace_requirement || a.effect == Effect::years_since_circumstance ||
         a.effect == Effect::years_in_post;
}

// Which of the window-shaping reductions an evaluation uses (an index into RuleSet::adjustments, -1:
// none), and the others that also apply (said in the result, not combined).
struct Choice {
  int shape = -1;
  std::vector<int> passed_over;
};

class Evaluation {
 public:
  Evaluation(const Profile& p, const RuleSet& rs, Result& res, const Choice& choice)
      : p_(p), rs_(rs), res_(res), L_(p.locale), choice_(choice) {}

  void run() {
    check_needed_inputs(p_, rs_, {}, res_.errors);
    if (!res_.errors.empty()) return;
    const Requirement* q = pick_requirement();
    res_.ok = true;
    res_.reasons.reserve(4);  // the requirement and a few unmet years, usually
    own_department();
    interpret(*q);
    window_ = q->exempt ? Window{} : q->window;
    count_ = q->count;
    window_by_ = q;
    set_window(window_, q);
    apply_adjustments(q);
    if (q->exempt) {
      exempt_ = true;
      add_reason("exempt",
                 msg(M::exempt_by_requirement,
                     applicant(q)),
                 *q);
    }
    trace_records();
    fill_years(*q);
    decide();
  }

 private:
  const Profile& p_;
  const RuleSet& rs_;
  Result& res_;
  Locale L_;
  const Choice& choice_;
  Window window_;
  const RuleItem* window_by_ = nullptr;  // the clause that set the window: the requirement or an adjustment
  int count_ = kAllYears;
  int deemed_ = 0;
  const Adjustment* waived_by_ = nullptr;
  bool unstated_deadline_said_ = false;  // the adjustment that waived (or deemed) years of its own
  bool exempt_ = false, advisory_ = false;
  std::vector<int> waived_;

  // A message of the catalogue (core/data/messages.json) in the profile's language.
  template <class... A>
  std::string_view msg(M m, const A&... args) {
    return message(res_.texts, L_, m, args...);
  }

  Citation cite(const Source& s) const {
    Citation c;
    if (s.doc >= 0 && size_t(s.doc) < rs_.documents.size()) c.doc = &rs_.documents[s.doc];
    c.clause = s.clause;
    if (!s.json.empty()) c.json = &s.json;
    return c;
  }
  void add_reason(std::string_view code, std::string_view message, const RuleItem& c) {
    res_.reasons.push_back({code, message, cite(c.source)});
  }
  void add_reason(std::string_view code, std::string_view message, const Citation& c) {
    res_.reasons.push_back({code, message, c});
  }
  void warn(std::string_view code, std::string_view message, const Source* s = nullptr) {
    Finding n{code, message, {}};
    if (s) n.cite = cite(*s);
    res_.warnings.push_back(std::move(n));
  }
  // Each interpretation is reported once, however many records it decides.
  void interpret(const RuleItem& c) { interpret(c.interpretation, c.source); }
  // (both live in the rule set, which outlives the result)
  void interpret(const std::optional<Text>& reading, const Source& source) {
    if (!reading) return;
    const std::string& text = reading->in(L_);
    for (const auto& w : res_.warnings)
      if (w.code == "interpretation" && w.message == text) return;
    warn("interpretation", text, &source);
  }

  // "职称评审·中级", and the education where the requirement depends on it ("考核认定·中级（博士研究生）").
  std::string_view applicant(const Requirement* q = nullptr) {
    std::string_view route = word(kRouteNames, unsigned(p_.route), L_), level = word(kLevelNames, unsigned(p_.level), L_);
    if (q && q->education && p_.education != Education::unknown)
      return msg(M::applicant_with_education, route, level, word(kEducationNames, unsigned(p_.education), L_));
    return msg(M::applicant, route, level);
  }

  // Staff whose series the notice hands to their own department: computed for reference only.
  void own_department() {
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

  // Up to three parts as a list: "a、b、c" / "a, b, c".
  std::string_view list(const std::string_view (&parts)[3], size_t n) {
    std::string_view sep = catalogue_text(M::list_sep, L_);
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

  void set_window(const Window& w, const Requirement* q) { res_.window = years_of(w.kind, w.n, q, w); }

  // The entries' years inside the window, latest first, once each.
  std::vector<int> years_in_window(const Adjustment& a) const {
    std::vector<int> out;
    for (const Circumstance* c : entries(a, p_))
      for (int y : bounded_years(a, *c))
        if (in_window(y) && std::find(out.begin(), out.end(), y) == out.end()) out.push_back(y);
    sort_few(out.begin(), out.end(), std::greater<int>());
    return out;
  }
  std::string year_list(const std::vector<int>& ys) const {
    std::string list;
    for (int y : ys) list = std::to_string(y) + std::string(list.empty() ? std::string_view() : catalogue_text(M::list_sep, L_)) + list;
    return list;
  }

  // Age from a birth date on the default application date (YEAR-12-31): warn when another day of the
  // year would fall on the other side of an age threshold.
  void warn_if_date_decides_age(const Adjustment& a) {
    if (!a.has_age || !p_.birth_date || p_.application_date_given || !in_scope(a, p_)) return;
    int threshold = p_.gender == Gender::male ? a.age_male : a.age_female;
    int age_jan1 = p_.year - p_.birth_date / 10000 - (p_.birth_date % 10000 > 101 ? 1 : 0);
    if ((p_.age >= threshold) == (age_jan1 >= threshold)) return;
    warn("application_date_assumed",
         msg(M::application_date_assumed,
             std::to_string(p_.year), std::to_string(p_.age), std::to_string(p_.age - 1)),
         &a.source);
  }

  void apply_adjustments(const Requirement* q) {
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
    if (exempt_ || advisory_) {
      const char* keep = exempt_ ? "exempt" : "advisory";
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

  // One adjustment that applies to the profile.
  void apply(const Adjustment& a, const Requirement* q) {
    if (exempt_ && a.effect != Effect::exempt) return;  // nothing else matters once exempt
    interpret(a);
    const std::string& text = a.text.in(L_);
    // For year / yearsInPost, the entry that asks most: the earliest transfer (the most years after
    // it), the most years in post, so a second entry never makes the verdict more lenient.
    const Circumstance* c = nullptr;
    if (a.circumstance >= 0)
      for (const Circumstance* e : entries(a, p_))
        if (!c || e->year < c->year || e->years_in_post > c->years_in_post) c = e;
    switch (a.effect) {
      case Effect::exempt:
        exempt_ = true;
        add_reason("exempt", text, a);
        break;
      case Effect::advisory:
        advisory_ = true;
        add_reason("advisory", text, a);
        break;
      case Effect::replace_requirement: {
        std::string_view before = describe_window(needed_years(), res_.window);
        window_ = a.window;
        count_ = a.count;
        window_by_ = &a;
        set_window(window_, q);
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
          if (std::find(waived_.begin(), waived_.end(), y) == waived_.end()) waived_.push_back(y);
        if (!ys.empty()) waived_by_ = &a;
        add_reason("years_waived",
                   ys.empty() ? msg(M::years_waived_none, text) : msg(M::years_waived, text, year_list(ys)), a);
        break;
      }
      case Effect::years_since_circumstance:
        if (c->year >= p_.year) {
          exempt_ = true;
          add_reason("exempt", msg(M::transfer_in_application_year, text, std::to_string(c->year)), a);
        } else {
          limit_window_from(c->year + 1);
          window_by_ = &a;
          add_reason("years_since_circumstance",
                     msg(M::years_since_transfer, text, std::to_string(c->year), std::to_string(c->year + 1)), a);
        }
        break;
      case Effect::years_in_post:
        limit_window_from(p_.year - c->years_in_post + 1);
        window_by_ = &a;
        add_reason("years_in_post", msg(M::years_in_post, text, std::to_string(c->years_in_post)), a);
        break;
    }
  }

  // 视同完成: the notice deems `deemYears` years however many entries the profile lists (one benefit is
  // counted once). With deemAnyYear (视同…任意一年), or entries without years, any years: the applicant
  // shows that many fewer compliant years. Otherwise the entries' own years inside the window.
  void deem(const Adjustment& a, const std::string& text) {
    bool dated = false;
    for (const Circumstance* e : entries(a, p_)) dated |= !e->years.empty();
    if (a.deem_any_year || !dated) {
      deemed_ += a.deem_years;
      add_reason("years_deemed", msg(M::years_deemed_any, text, std::to_string(a.deem_years)), a);
      return;
    }
    std::vector<int> ys = years_in_window(a);
    if (ys.size() > size_t(a.deem_years)) ys.resize(size_t(a.deem_years));
    for (int y : ys)
      if (std::find(waived_.begin(), waived_.end(), y) == waived_.end()) waived_.push_back(y);
    if (!ys.empty()) waived_by_ = &a;
    add_reason("years_deemed", ys.empty() ? msg(M::years_deemed_none, text) : msg(M::years_deemed_own, text, year_list(ys)),
               a);
  }

  // Fewer years required: keep only the years from `from`, never more than the rule asked.
  void limit_window_from(int from) {
    res_.window.erase(std::remove_if(res_.window.begin(), res_.window.end(), [&](int y) { return y < from; }),
                      res_.window.end());
    if (count_ != kAllYears) count_ = std::min(count_, int(res_.window.size()));
  }

  int needed_years() const { return count_ == kAllYears ? int(res_.window.size()) : count_; }

  // "2021—2023年每一年度" / "2023年度" / "2021—2023年中任意一个年度（可不连续）".
  std::string_view describe_window(int needed, const std::vector<int>& window) {
    std::string years = span_of(window);
    if (window.size() == 1) return msg(M::window_one_year, years);
    if (needed >= int(window.size())) return msg(M::window_every_year, years);
    if (needed == 1)
      return msg(M::window_any_one_year, years);
    return msg(M::window_any_years, years,
               std::to_string(needed));
  }

  bool in_window(int y) const { return std::find(res_.window.begin(), res_.window.end(), y) != res_.window.end(); }

  // Each record's credit, then the rules that look across records: per-occasion caps, once-per-year
  // credits, and the window, year by year of each record.
  void trace_records() {
    res_.records.reserve(p_.training.size());
    for (size_t i = 0; i < p_.training.size(); ++i) res_.records.push_back(trace(int(i), p_.training[i]));
    cap_occasions();
    once_per_year();
    keep_window_years();
  }

  // The calendar years a dated record covers, with the days of each (an undated record: its year).
  static std::vector<YearShare> days_by_year(const Record& r) {
    if (!r.start || r.end < r.start) return {{r.year, 1}};
    std::vector<YearShare> out;
    for (int y = r.start / 10000; y <= r.end / 10000; ++y) {
      int from = y == r.start / 10000 ? r.start : y * 10000 + 101;
      int to = y == r.end / 10000 ? r.end : y * 10000 + 1231;
      out.push_back({y, days_between(from, to) + 1});
    }
    return out;
  }

  // An occasion's hours shared among its years as the rule set says (occasions.share): by the days it
  // holds in each, exactly (the last year takes the remainder of the division), or all in its first
  // or its last year.
  void share(Micro hours, std::vector<YearShare>& years) const {
    const OccasionShare how = rs_.occasions ? rs_.occasions->share : OccasionShare::by_days;
    if (how != OccasionShare::by_days && years.size() > 1) {
      for (auto& y : years) y.credited = 0;
      (how == OccasionShare::start_year ? years.front() : years.back()).credited = hours;
      return;
    }
    Micro days = 0, given = 0;
    for (const auto& y : years) days += y.credited;
    for (size_t i = 0; i < years.size(); ++i) {
      Micro part = i + 1 == years.size() ? hours - given : hours * years[i].credited / days;
      years[i].credited = part;
      given += part;
    }
  }

  void note_sharing() {
    if (!rs_.occasions) return;
    interpret(*rs_.occasions);
  }

  // 一次最多认定N年的学时: the records of one occasion (the same `occasion`, else the record itself)
  // and activity together credit at most the cap; a reduction is shared like the credit.
  void cap_occasions() {
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
  void once_per_year() {
    std::vector<size_t> order(res_.records.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto key = [&](size_t i) {
      const Record& r = p_.training[i];
      return std::make_tuple(r.start ? r.start : r.year * 10000 + 101, r.end ? r.end : r.year * 10000 + 1231, r.year,
                             r.amount_micro, int(r.unit), int(r.subject), r.occasion, i);
    };
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key(a) < key(b); });
    std::vector<std::tuple<int, int, size_t>> given;  // (activity, year, the record that took it)
    for (size_t i : order) {
      RecordResult& t = res_.records[i];
      if (!t.counted || !rs_.activities[int(t.activity)].units[int(Unit::none)].accepted) continue;
      Micro kept = 0;
      std::string dropped;
      size_t by = 0;
      for (auto& y : t.years) {
        auto found = std::find_if(given.begin(), given.end(), [&](const auto& g) {
          return std::get<0>(g) == int(t.activity) && std::get<1>(g) == y.year;
        });
        if (found != given.end()) {
          dropped += std::string(dropped.empty() ? std::string_view() : catalogue_text(M::list_sep, L_)) + std::to_string(y.year);
          by = std::get<2>(*found);
          y.credited = 0;
        } else {
          given.emplace_back(int(t.activity), y.year, i);
        }
        kept += y.credited;
      }
      if (dropped.empty()) continue;
      t.years.erase(std::remove_if(t.years.begin(), t.years.end(), [](const YearShare& y) { return y.credited == 0; }),
                    t.years.end());
      t.credited = kept;
      t.counted = kept > 0;
      t.has_reason = true;
      t.reason = {"already_credited",
                  msg(M::already_credited, dropped, word(kActivityNames, unsigned(t.activity), L_), std::to_string(by + 1)),
                  t.cite};
    }
  }

  // Hours never carry over: each year's share counts only when that year is in the window.
  void keep_window_years() {
    for (auto& t : res_.records) {
      if (!t.counted) continue;
      std::string outside;
      Micro kept = 0;
      for (const auto& y : t.years)
        if (in_window(y.year)) kept += y.credited;
        else outside += std::string(outside.empty() ? std::string_view() : catalogue_text(M::list_sep, L_)) + std::to_string(y.year);
      if (outside.empty()) continue;
      t.years.erase(std::remove_if(t.years.begin(), t.years.end(), [&](const YearShare& y) { return !in_window(y.year); }),
                    t.years.end());
      std::string_view why = msg(M::outside_window, outside,
                                 span_of(res_.window));
      if (t.has_reason) {
        t.reason.message = msg(M::reasons_joined, t.reason.message, why);  // the first reason's code stays
      } else {
        t.has_reason = true;
        t.reason = {"outside_window", why, cite(window_by_->source)};
      }
      t.credited = kept;
      t.counted = !t.years.empty();
    }
  }

  RecordResult trace(int index, const Record& r) {
    RecordResult t;
    t.index = index;
    t.year = r.year;
    t.subject = r.subject;
    t.activity = r.activity;
    const ActivityRule& rule = rs_.activities[int(r.activity)];
    t.cite = cite(r.subject == Subject::public_ && rule.public_source ? *rule.public_source : rule.source);
    auto refuse = [&](const char* code, std::string_view msg, const Source& s) {
      t.has_reason = true;
      t.reason = {code, msg, cite(s)};
      return t;
    };
    std::string_view act = word(kActivityNames, unsigned(r.activity), L_);
    if (rule.excluded) return refuse("activity_excluded", rule.text.in(L_), rule.source);
    if (!allows(rule.routes, p_.route))  // e.g. skill training of high-skill talents: title review only
      return refuse("activity_excluded",
                    msg(M::activity_route_only, act, words_of(kRouteNames, rule.routes), word(kRouteNames, unsigned(p_.route), L_)),
                    rule.source);
    if (!allows(rule.subjects, r.subject)) {
      std::string allowed;
      for (unsigned k = 0; k < 2; ++k)
        if (rule.subjects & (Mask(1) << k))
          allowed += std::string(allowed.empty() ? std::string_view() : catalogue_text(M::list_or, L_)) + std::string(word(kSubjectNames, k, L_));
      return refuse("subject_not_allowed",
                    msg(M::subject_not_allowed, act, allowed,
                        word(kSubjectNames, unsigned(r.subject), L_)),
                    rule.source);
    }
    const Filing& f = rs_.filing;
    if (f.present && !r.filed) {
      // Which records need filing is read from the notice: the reading decides this record either way.
      interpret(f);
      if (allows(f.activities, r.activity) && allows(f.subjects, r.subject))
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
          accepted += std::string(accepted.empty() ? std::string_view() : catalogue_text(M::list_or, L_)) + std::string(word(kUnitNames, unsigned(k), L_));
      return refuse("unit_not_accepted",
                    msg(M::unit_not_accepted, act,
                        word(kUnitNames, unsigned(r.unit), L_), accepted),
                    rule.source);
    }
    if (u->source) t.cite = cite(*u->source);
    interpret(rule);

    Micro hours = convert(r, unit, *u, t.basis);
    // a part period left out is a reading of "按45分钟计1学时": said where it changes the hours
    if (unit == Unit::minutes && hours * Micro(u->per) != r.amount_micro)
      interpret(u->interpretation, u->source ? *u->source : rule.source);
    t.years = days_by_year(r);
    t.spans = t.years.size() > 1;
    if (unit == Unit::none) {
      // Credited once for each year of study the record covers.
      for (auto& y : t.years) y.credited = hours;
      hours *= Micro(t.years.size());
      if (t.spans)
        t.basis = msg(M::basis_years_of_study, t.basis, std::to_string(t.years.size()));
    } else {
      share(hours, t.years);
      if (t.spans) note_sharing();
    }
    t.counted = true;
    t.credited = hours;
    keep_study_period(r, t);
    return t;
  }

  // The notice year's study period (sameYear with studyPeriod: 扎兰屯 一（三）, 青海 五（二）): the days of a
  // dated record outside it earn nothing for that year. Other years' periods are not this notice's to say.
  void keep_study_period(const Record& r, RecordResult& t) {
    const SameYearDeadline& d = rs_.deadlines.same_year;
    const int y = rs_.notice_year;
    if (!d.study_period || !r.start || r.end < r.start || !t.counted) return;
    const int from = y * 10000 + (d.from ? d.from : 101), until = y * 10000 + (d.until ? d.until : 1231);
    for (auto& share : t.years) {
      if (share.year != y) continue;
      const int s = std::max(r.start, y * 10000 + 101), e = std::min(r.end, y * 10000 + 1231);
      const int lo = std::max(s, from), hi = std::min(e, until);
      const Micro all = days_between(s, e) + 1, in = hi >= lo ? days_between(lo, hi) + 1 : 0;
      if (in == all) return;
      share.credited = share.credited * in / all;
      t.has_reason = true;
      t.reason = {"outside_period",
                  msg(M::outside_period, std::to_string(all - in), std::to_string(y), date_text(from), date_text(until)),
                  cite(d.source)};
      t.credited = 0;
      for (const auto& x : t.years) t.credited += x.credited;
      t.basis = msg(M::basis_in_period, t.basis, std::to_string(in), std::to_string(all), hnum(t.credited));
    }
    t.years.erase(std::remove_if(t.years.begin(), t.years.end(), [](const YearShare& x) { return x.credited == 0; }),
                  t.years.end());
    t.counted = !t.years.empty();
  }

  // The words of a mask's names, joined: "职称评审或考核认定".
  template <size_t N>
  std::string words_of(const Name (&names)[N], Mask mask) const {
    std::string out;
    for (unsigned k = 0; k < N; ++k)
      if (mask & (Mask(1) << k))
        out += std::string(out.empty() ? std::string_view() : catalogue_text(M::list_or, L_)) + std::string(word(names, k, L_));
    return out;
  }

  static std::string span_of(const std::vector<int>& w) {
    if (w.empty()) return "";
    if (w.size() == 1) return std::to_string(w[0]);
    return fill(kMessages[int(M::year_span)].zh, {std::to_string(w.front()), std::to_string(w.back())});
  }

  static Num hnum(Micro m) { return num(hours_of(m)); }

  // An amount × a rate, exactly: the rate is a rule value (validated to six decimals).
  static Micro times(Micro amount, double rate) { return amount * micro(rate) / kMicro; }

  Micro convert(const Record& r, Unit unit, const UnitRule& u, std::string_view& basis) {
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

  Micro professional_required() const {
    const Annual& an = rs_.annual;
    Micro prof = micro(an.prof.hours);
    if (an.has_share) {
      Micro share = (micro(an.total.hours) * an.share_num + an.share_den - 1) / an.share_den;  // rounded up
      prof = std::max(prof, share);
    }
    return prof;
  }

  void fill_years(const Requirement& q) {
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
      row.waived = std::find(waived_.begin(), waived_.end(), y) != waived_.end();
      res_.years.push_back(row);
    }
  }

  // What a year lacks, exactly: at most one gap per subject (no vector: the sort below asks often).
  struct Gaps {
    Shortfall items[3];
    size_t count = 0;
    void add(const Shortfall& g) { items[count++] = g; }
    const Shortfall* begin() const { return items; }
    const Shortfall* end() const { return items + count; }
    Micro sum() const {
      Micro c = 0;
      for (const auto& g : *this) c += g.hours;
      return c;
    }
  };
  static Gaps gaps(const YearResult& row) {
    Gaps out;
    Micro pub = std::max<Micro>(0, row.pub.required - row.pub.credited);
    Micro prof = std::max<Micro>(0, row.prof.required - row.prof.credited);
    Micro total = std::max<Micro>(0, row.total.required - row.total.credited - pub - prof);
    if (pub > 0) out.add({row.year, Subject::public_, pub});
    if (prof > 0) out.add({row.year, Subject::professional, prof});
    if (total > 0) out.add({row.year, Subject::total, total});
    return out;
  }

  // Whether a year's missing hours can still be earned as of the check date, by when, and why.
  struct Completion {
    bool can = true;
    int deadline = 0;  // yyyymmdd, 0: no notice gives one
    const RuleItem* by = nullptr;
  };
  // Only dates the notice states: the notice year's own deadline (sameYear.until) and the make-up
  // period of past years (pastYears). Another year's deadline is null: no notice gave it.
  Completion completion(int year) const {
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

  std::string_view date_text(int ymd) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", ymd / 10000, ymd / 100 % 100, ymd % 100);
    return res_.texts.keep(std::string_view(buf, 10));
  }

  std::string_view describe_requirement(int needed) {
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

  // The clause of a year's gaps: one item's, or both subjects' joined ("一（一）、一（二）").
  Citation gaps_cite(const Gaps& gs) {
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

  void decide() {
    if (exempt_) {
      res_.status = Status::exempt;
      res_.required_years = 0;
      for (auto& row : res_.years) row.required = false;
      return;
    }
    // Hours are only a reference factor: no requirement is stated, no year is required.
    if (advisory_) {
      res_.status = Status::advisory;
      res_.required_years = 0;
      for (auto& row : res_.years) row.required = false;
      return;
    }
    int window_size = int(res_.window.size());
    int needed = std::max(0, needed_years() - deemed_);
    if (!res_.years.empty()) add_reason("requirement", describe_requirement(needed), *window_by_);

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
                 *window_by_);
    }
    // Under "any N", a waived year taking the place of a compliant one is a reading (松山区: an epidemic
    // year as the one year of the age rule): say so where it decides.
    if (waived_by_ && count_ != kAllYears && waived > 0 && int(done.size()) < needed && missing <= 0)
      warn("interpretation", msg(M::waived_year_counts, waived_by_->text.in(L_)), &waived_by_->source);
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
        lost += std::string(lost.empty() ? std::string_view() : catalogue_text(M::list_sep, L_)) + std::to_string(row->year);
        lost_by = c.by;
      }
    }
    if (lost_by)
      add_reason("cannot_complete",
                 msg(M::cannot_complete,
                     lost, date_text(p_.check_date)),
                 *lost_by);
  }
};

}  // namespace

// Some answers depend on facts the contract leaves optional; ask for them only when they matter.
void check_needed_inputs(const Profile& p, const RuleSet& rs, const std::vector<bool>& skip_record,
                         std::vector<Problem>& errors) {
  for (const auto& q : rs.requirements) {
    if (q.route != p.route || !allows(q.levels, p.level)) continue;
    if (q.education != 0 && p.education == Education::unknown) {
      errors.push_back({"missing", "/education",
                        message_text(M::missing_education, Text{std::string(kRouteNames[int(p.route)].zh),
                                                                  std::string(kRouteNames[int(p.route)].en)})});
      break;
    }
    if (!allows(q.education, p.education)) continue;
    // Years counted from the current title: without its year, any default could be more lenient.
    if (!q.exempt && q.window.kind == Window::since_title && !q.window.has_fallback && p.title_since == 0)
      errors.push_back({"missing", "/currentTitleSince",
                        message_text(M::missing_title_year)});
    break;
  }
  for (const auto& a : rs.adjustments) {
    if (!a.has_age || !in_scope(a, p)) continue;
    if (p.age < 0)
      errors.push_back({"missing", "/age",
                        message_text(M::missing_age)});
    if (p.gender == Gender::unknown)
      errors.push_back({"missing", "/gender",
                        message_text(M::missing_gender)});
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
                        message_text(M::missing_amount)});
    if (r.unit == Unit::days && !fixed && rule.units[int(Unit::days)].by_level && r.level == ConfLevel::unknown)
      errors.push_back({"missing", path() + "/level",
                        message_text(M::missing_conference_level)});
  }
}

namespace {

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

// Evaluates with the most favourable of the window-shaping reductions that apply (each alone).
void evaluate_known(const Profile& p, const RuleSet& rs, Result& res) {
  std::vector<int> shapes;
  for (size_t i = 0; i < rs.adjustments.size(); ++i)
    if (shapes_window(rs.adjustments[i]) && applies(rs.adjustments[i], p)) shapes.push_back(int(i));
  Choice choice;
  if (shapes.size() == 1) choice.shape = shapes.front();
  if (shapes.size() > 1) {
    std::optional<Distance> best;
    for (int i : shapes) {
      Result trial;
      trial.locale = res.locale;
      Choice one;
      one.shape = i;
      Evaluation(p, rs, trial, one).run();
      if (!trial.errors.empty()) break;  // the errors come out below
      Distance d = distance(trial);
      if (!best || d < *best) best = d, choice.shape = i;
    }
    if (choice.shape < 0) choice.shape = shapes.front();
    for (int i : shapes)
      if (i != choice.shape) choice.passed_over.push_back(i);
  }
  Evaluation(p, rs, res, choice).run();
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
  Result alt;
  alt.locale = res.locale;
  evaluate_known(q, rs, alt);
  if (!alt.ok || (alt.status == res.status && distance(alt) == distance(res))) return;
  const Locale l = res.locale;
  std::string which;
  for (int i : unknown) which += std::string(which.empty() ? std::string_view() : catalogue_text(M::list_sep, l)) + std::to_string(i + 1);
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
  Profile q = p;
  q.training.clear();
  std::string which;
  const Locale l = res.locale;
  for (size_t i = 0; i < p.training.size(); ++i) {
    const Record& r = p.training[i];
    bool assumed = !r.start && r.year == y && i < res.records.size() && res.records[i].counted;
    if (assumed) which += std::string(which.empty() ? std::string_view() : catalogue_text(M::list_sep, l)) + std::to_string(i + 1);
    else q.training.push_back(r);
  }
  if (which.empty()) return;
  Result alt;
  alt.locale = l;
  evaluate_known(q, rs, alt);
  if (!alt.ok || alt.status == res.status) return;
  auto day = [&](int mmdd) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mmdd / 100, mmdd % 100);
    return res.texts.keep(std::string_view(buf, 10));
  };
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
