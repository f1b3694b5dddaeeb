// Rule set -> Markdown, in the words of a notice, so that an officer can hold the file against the
// notice clause by clause. Words come from base/names.h (the vocabulary), the rule file's own texts and
// the sentence parts of core/data/explain.json (X ids, explain.inc); this file only joins them. Every
// cited item ends with its document and clause.
#include "rules/explain.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

#include "base/format.h"
#include "base/messages.h"
#include "base/names.h"

namespace jxjy {
namespace {

#include "explain.inc"

class Explainer {
 public:
  Explainer(const RuleSet& rs, Locale l) : rs_(rs), L_(l) {}

  std::string run() {
    header();
    documents();
    annual();
    requirements();
    activities();
    filing();
    deadlines();
    own_department();
    occasions();
    adjustments();
    forms();
    return std::move(out_);
  }

 private:
  const RuleSet& rs_;
  Locale L_;
  std::string out_;

  bool en() const { return L_ == Locale::en; }
  // A sentence part of core/data/explain.json in the locale.
  const char* t(X k) const { return (en() ? kExplainTexts[int(k)].en : kExplainTexts[int(k)].zh).data(); }
  // A document's title as a reader quotes it: 《…》 / “…”.
  std::string title(const Document& d) const { return t(X::title_open) + d.title + t(X::title_close); }
  std::string w(Names table, unsigned i) const { return std::string(word(table, i, L_)); }
  static std::string n(double x) { return num(x).str(); }
  // An English line starts with a capital ("Title review: …"); Chinese has none.
  static std::string capital(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = char(s[0] - 'a' + 'A');
    return s;
  }
  // A rule file's text as a sentence of its own: ended with a full stop if it has none.
  std::string sentence(std::string s) const {
    static const char* kEnds[] = {"。", "；", "！", "）", ".", ")", "!"};
    for (const char* e : kEnds)
      if (s.size() >= std::strlen(e) && s.compare(s.size() - std::strlen(e), std::string::npos, e) == 0) return s;
    return s + t(X::full_stop);
  }
  static std::string date(int ymd) { return DateText(ymd).str(); }

  // The words of a mask's members ("高级、中级" / "senior, intermediate"), in the enum's order.
  std::string words(Names table, Mask m, size_t limit = size_t(-1)) const {
    std::string s;
    for (size_t i = 0; i < table.size && i < limit; ++i)
      if (m & (Mask(1) << i)) s += (s.empty() ? "" : t(X::list_sep)) + w(table, unsigned(i));
    return s;
  }

  // "扎人社发〔2023〕45号 三（一）": the document as results cite it (number, or title), and the clause.
  std::string cite(const Source& s) const {
    if (s.doc < 0 || size_t(s.doc) >= rs_.documents.size()) return "";
    const Document& d = rs_.documents[size_t(s.doc)];
    std::string doc = !d.number.empty() ? d.number : title(d);
    return std::string(t(X::source_prefix)) + doc + " " + s.clause;
  }
  // The same without "依据：" / "Source: ", after words of one's own.
  std::string cite_after(const Source& s, X words) const {
    std::string c = cite(s);
    return c.empty() ? c : t(words) + c.substr(std::strlen(t(X::source_prefix)));
  }

  // The end of a cited item: its source, then how we read the notice where it is silent.
  void cited(const RuleItem& c, const std::string& indent = "  ") {
    out_ += indent + "- " + cite(c.source) + "\n";
    if (c.interpretation)
      out_ += indent + "- " + t(X::interpretation_the_notice_is_silent) +
              c.interpretation->in(L_) + "\n";
  }

  void header() {
    out_ += t(X::h1) + rs_.region_name.in(L_) + t(X::continuing_education_rules) + "\n\n";
    out_ += std::string(t(X::rule_set)) + rs_.id + t(X::region_code) + rs_.region +
            t(X::also_used_for_its_counties) +
            "\n";
    out_ += std::string(t(X::applies_to_applications_dated_from)) + date(rs_.valid_from) +
            t(X::until_a_newer_rule_set) +
            std::to_string(rs_.notice_year) + t(X::notice_year_end) + "\n";
    if (rs_.valid_from_source) out_ += "  - " + cite(*rs_.valid_from_source) + "\n";
    if (rs_.annual_notice)
      out_ += std::string(t(X::it_is_a_one_year)) +
              "\n";
    if (!rs_.based_on.empty())
      out_ += std::string(t(X::this_rule_set_is_rule)) + rs_.based_on +
              t(X::with_only_its_changes_written) +
              "\n";
    out_ += "\n";
  }

  void documents() {
    out_ += t(X::documents);
    for (const auto& d : rs_.documents) {
      out_ += "- " + title(d);
      if (!d.number.empty()) out_ += " " + d.number;
      if (!d.issuer.empty()) out_ += t(X::comma) + d.issuer;
      if (!d.date.empty()) out_ += t(X::comma) + d.date;
      out_ += t(X::full_stop);
      if (!d.note.empty()) out_ += t(X::paren_open) + d.note + t(X::paren_close);
      out_ += "\n";
    }
    out_ += "\n";
  }

  void annual_item(X what, const AnnualItem& a) {
    out_ += std::string("- ") + t(what);
    if (a.hours == 0) out_ += t(X::no_minimum_of_its_own);
    else out_ += t(X::at_least) + n(a.hours) + t(X::hours_a_year);
    out_ += "\n";
    cited(a);
  }

  void annual() {
    const Annual& a = rs_.annual;
    out_ += t(X::hours_each_year);
    annual_item(X::public_subjects, a.pub);
    annual_item(X::professional_subjects, a.prof);
    annual_item(X::total_both_subjects, a.total);
    if (a.has_share) {
      double prof = std::ceil(a.total.hours * a.share_num / a.share_den - 1e-9);
      out_ += std::string("- ") + t(X::professional_hours_are_at_least) + std::to_string(a.share_num) +
              "/" + std::to_string(a.share_den) + t(X::of_the_total_rounded_up) +
              n(std::max(prof, a.prof.hours)) + t(X::professional_hours_a_year) + "\n";
      cited(a.share);
    }
    out_ += t(X::a_year_complies_when_each);
  }

  std::string window(Window::Kind kind, int n) const {
    switch (kind) {
      case Window::last:
        if (n == 1) return t(X::the_application_year);
        return std::string(t(X::last_n)) + std::to_string(n) + t(X::years_the_application_year_included);
      case Window::since:
        return std::string(t(X::every_year_from)) + std::to_string(n) + t(X::to_the_application_year);
      case Window::since_title:
        break;
    }
    return "";
  }

  // Which years must comply, as a sentence: "近 3 年（含申报当年）每年都须达标".
  std::string years(const Window& wd, int count) const {
    std::string s;
    if (wd.kind == Window::since_title) {
      s = t(X::the_years_after_the_current);
      if (wd.not_before) s += std::string(t(X::never_before)) + std::to_string(wd.not_before) + t(X::year_suffix);
      s += t(X::paren_close);
    } else {
      s = window(wd.kind, wd.n);
    }
    if (count == kAllYears)
      s += (wd.kind == Window::last && wd.n == 1) ? t(X::must_comply)
                                                  : t(X::every_year_must_comply);
    else
      s += std::string(t(X::any_n)) + std::to_string(count) +
           t(count == 1 ? X::one_year_must_comply : X::n_years_must_comply);
    if (wd.kind == Window::since_title && wd.has_fallback)
      s += std::string(t(X::when_the_profile_gives_no)) +
           window(wd.fallback_kind, wd.fallback_n) + t(X::is_used_with_a_warning);
    else if (wd.kind == Window::since_title)
      s += t(X::the_year_of_the_current);
    return s;
  }

  void requirements() {
    out_ += t(X::which_years_must_comply);
    out_ += t(X::by_route_level_and_education);
    for (const auto& q : rs_.requirements) {
      out_ += "- " + capital(w(kRouteNames, unsigned(q.route)));
      if (q.levels) out_ += t(X::comma) + words(kLevelNames, q.levels);
      if (q.education) out_ += std::string(t(X::with_education)) + words(kEducationNames, q.education);
      out_ += t(X::colon);
      if (q.exempt) {
        out_ += t(X::no_continuing_education_hours_are);
      } else {
        out_ += years(q.window, q.count) + t(X::full_stop);
        if (q.subjects)
          out_ += std::string(t(X::only_the)) + words(kSubjectNames, q.subjects) +
                  t(q.subjects == bit(Subject::professional) || q.subjects == bit(Subject::public_) ? X::requirement_applies
                                                                                                    : X::requirements_apply);
      }
      out_ += "\n";
      cited(q);
    }
    out_ += "\n";
  }

  std::string unit(Unit u, const UnitRule& r) const {
    switch (u) {
      case Unit::hours:
        if (r.rate == 1) return t(X::by_the_hours_stated);
        return std::string(t(X::by_hours_each_hour_credited)) + n(r.rate) + t(X::hours_suffix);
      case Unit::minutes:
        return std::string(t(X::by_minutes_one_hour_for)) + std::to_string(r.per) +
               t(X::minutes_part_periods_not_counted);
      case Unit::days:
        if (r.by_level) {
          std::string s = t(X::by_days_per_day);
          for (unsigned l = 0; l < 4; ++l)
            s += (l ? t(X::comma) : "") + w(kConfLevelNames, l) + " " + n(r.level_rate[l]) + t(X::hours_suffix);
          return s + t(X::by_the_level_of_the);
        }
        return std::string(t(X::by_days)) + n(r.rate) + t(X::hours_a_day);
      case Unit::months:
        return std::string(t(X::by_months)) + n(r.rate) + t(X::hours_a_month);
      case Unit::subjects:
        if (r.annual_requirement)
          return t(X::a_pass_completes_that_year);
        return std::string(t(X::by_exam_subjects_passed)) + n(r.rate) + t(X::hours_each);
      case Unit::none:
        return std::string(t(X::each_record_credits)) + n(r.fixed) + t(X::hours_no_amount_needed);
    }
    return "";
  }

  void activities() {
    out_ += t(X::how_each_kind_of_activity);
    for (int a = 0; a < kActivityCount; ++a) {
      const ActivityRule& r = rs_.activities[size_t(a)];
      out_ += "- **" + capital(w(kActivityNames, unsigned(a))) + "**" + t(X::colon);
      if (r.excluded) {
        out_ += std::string(t(X::not_credited)) + sentence(capital(r.text.in(L_))) + "\n";
        cited(r);
        continue;
      }
      if (r.subjects)
        out_ += std::string(t(X::counts_only_as)) + words(kSubjectNames, r.subjects, 2) +
                t(X::only_subjects_end);
      bool first = true;
      out_ += t(X::credited);
      for (int u = 0; u < kUnitCount; ++u) {
        const UnitRule& ur = r.units[size_t(u)];
        if (!ur.accepted) continue;
        out_ += (first ? "" : t(X::semicolon)) + unit(Unit(u), ur);
        if (ur.source) out_ += std::string(t(X::paren_open)) + cite(*ur.source) + t(X::paren_close);
        first = false;
      }
      out_ += t(X::full_stop);
      if (!r.units[size_t(Unit::none)].accepted)
        out_ += t(X::a_record_given_in_any);
      if (r.cap_annual_multiple > 0)
        out_ += std::string(t(X::one_activity_credits_at_most)) + std::to_string(r.cap_annual_multiple) +
                t(r.cap_annual_multiple == 1 ? X::one_year_total_hours : X::n_years_total_hours) +
                n(r.cap_annual_multiple * rs_.annual.total.hours) + t(X::cap_hours_end);
      if (!r.text.empty()) out_ += " " + sentence(capital(r.text.in(L_)));
      out_ += "\n";
      cited(r);
      if (r.public_source)
        out_ += "  - " + cite_after(*r.public_source, X::source_for_public_records) + "\n";
      for (const auto& ur : r.units)
        if (ur.interpretation)
          out_ += std::string("  - ") + t(X::interpretation_the_notice_is_silent) +
                  ur.interpretation->in(L_) + "\n";
    }
    out_ += "\n";
  }

  void filing() {
    const Filing& f = rs_.filing;
    out_ += t(X::filing);
    if (!f.present) {
      out_ += t(X::this_rule_set_has_no);
      return;
    }
    std::string what = f.activities ? words(kActivityNames, f.activities) : t(X::every_kind_of_activity);
    out_ += std::string("- ") + t(X::must_be_filed_beforehand) + what;
    if (f.subjects) out_ += std::string(t(X::subjects_only_open) + words(kSubjectNames, f.subjects, 2)) + t(X::subjects_only_close);
    out_ += std::string(t(X::such_records_marked_as_not)) +
            sentence(capital(f.text.in(L_))) + "\n";
    cited(f);
    out_ += "\n";
  }

  static std::string month_day(int md) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d-%02d", md / 100, md % 100);
    return buf;
  }

  void deadlines() {
    const Deadlines& d = rs_.deadlines;
    out_ += t(X::deadlines);
    const SameYearDeadline& y = d.same_year;
    const std::string year = std::to_string(rs_.notice_year);
    if (y.until)
      out_ += std::string("- ") + year + t(X::the_hours_must_be_earned) +
              (y.from ? month_day(y.from) : std::string("01-01")) + t(X::to) + month_day(y.until) +
              t(X::and_registered_by_then) +
              (y.study_period ? t(X::study_dated_outside_this_period)
                              : "") +
              t(X::no_date_other_years) + "\n";
    else
      out_ += std::string("- ") + t(X::no_closing_date) + "\n";
    cited(y);
    const PastYears& p = d.past_years;
    if (!p.make_up) {
      out_ += std::string("- ") + t(X::no_make_up) + "\n";
    } else {
      out_ += std::string("- ") + t(X::make_up);
      if (p.from || p.until)
        out_ += std::string(t(X::make_up_period)) + (p.from ? date(p.from) : t(X::any_day)) +
                t(X::to) + (p.until ? date(p.until) : t(X::any_day));
      out_ += t(X::full_stop) + std::string("\n");
    }
    cited(p);
    for (const auto& n : d.notes) {
      out_ += "- " + date(n.date) + t(X::colon) + sentence(n.text.in(L_)) + "\n";
      cited(n);
    }
    out_ += "\n";
  }

  void own_department() {
    const OwnDepartment& o = rs_.own_department;
    if (!o.present) return;
    out_ += t(X::series_handed_to_their_own);
    out_ += std::string("- ") + capital(words(kSeriesNames, o.series)) +
            t(X::their_own_department_s_rules) +
            " " + sentence(capital(o.text.in(L_))) + "\n";
    cited(o);
    out_ += "\n";
  }

  void occasions() {
    if (!rs_.occasions) return;
    out_ += t(X::one_occasion_over_several_years);
    const OccasionShare how = rs_.occasions->share;
    out_ += t(X::a_record_with_start_and);
    out_ += how == OccasionShare::by_days    ? t(X::its_hours_are_shared_among)
            : how == OccasionShare::start_year ? t(X::share_start_year)
                                               : t(X::share_end_year);
    bool capped = false, once = false;
    for (const auto& r : rs_.activities) {
      capped |= r.cap_annual_multiple > 0;
      once |= r.units[size_t(Unit::none)].accepted;
    }
    // only what this rule set has: a cap of so many years' hours (新疆 附件3), a credit once per year of study
    if (capped)
      out_ += t(X::a_cap_on_one_activity);
    if (once)
      out_ += t(X::a_credit_given_once_per);
    if (!capped && !once) {  // the sharing phrase ends the sentence
      const std::string semi = t(X::semicolon);
      if (out_.size() >= semi.size() && out_.compare(out_.size() - semi.size(), semi.size(), semi) == 0)
        out_.replace(out_.size() - semi.size(), semi.size(), t(X::full_stop));
    }
    out_ += "\n";
    cited(*rs_.occasions);
    out_ += "\n";
  }

  std::string conditions(const Adjustment& a) const {
    std::vector<std::string> c;
    if (a.routes) c.push_back(std::string(t(X::route_is)) + words(kRouteNames, a.routes));
    if (a.levels) c.push_back(std::string(t(X::level_is)) + words(kLevelNames, a.levels));
    if (!a.application_years.empty()) {
      std::string ys;
      for (int y : a.application_years) ys += (ys.empty() ? "" : t(X::list_sep)) + std::to_string(y);
      c.push_back(std::string(t(X::application_year)) + ys);
    }
    if (a.has_age)
      c.push_back(std::string(t(X::men_aged)) + std::to_string(a.age_male) + t(X::women_aged) +
                  std::to_string(a.age_female) + t(X::or_over_on_the_application));
    if (a.has_sector) c.push_back(std::string(t(X::sector_is)) + w(kSectorNames, unsigned(a.sector)));
    if (a.has_grassroots)
      c.push_back(a.grassroots ? t(X::working_at_the_grassroots_townships)
                               : t(X::not_working_at_the_grassroots));
    if (a.circumstance >= 0) {
      std::string s = std::string(t(X::the_applicant_s_circumstances_include)) +
                      w(kCircumstanceNames, unsigned(a.circumstance)) + t(X::circumstance_close);
      if (a.min_full_years > 0)
        s += std::string(t(X::for_at_least)) + std::to_string(a.min_full_years) + t(X::full_years);
      if (a.years_from) {
        s += std::string(t(X::in_years_from)) + std::to_string(a.years_from);
        if (a.years_to < 2100) s += std::string(t(X::to)) + std::to_string(a.years_to);
        s += a.years_to < 2100 ? t(X::years_between_end) : t(X::years_after_end);
      }
      c.push_back(s);
    }
    if (c.empty()) return t(X::every_application);
    std::string s;
    for (const auto& x : c) s += (s.empty() ? "" : t(X::semicolon)) + x;
    return s;
  }

  std::string effect(const Adjustment& a) const {
    switch (a.effect) {
      case Effect::exempt: return t(X::no_hours_are_required_exempt);
      case Effect::advisory: return t(X::hours_are_only_a_reference);
      case Effect::replace_requirement: return std::string(t(X::the_years_become)) + years(a.window, a.count);
      case Effect::deem_years:
        return std::string(t(X::each_entry_of_the_circumstance)) + std::to_string(a.deem_years) +
               t(a.deem_years == 1 ? X::one_year_deemed : X::n_years_deemed);
      case Effect::waive_circumstance_years:
        return t(X::the_years_given_for_the);
      case Effect::years_since_circumstance:
        return t(X::no_hours_in_the_year);
      case Effect::years_in_post:
        return t(X::only_the_years_actually_in);
    }
    return "";
  }

  void adjustments() {
    out_ += t(X::reductions_and_exemptions);
    if (rs_.adjustments.empty()) {
      out_ += t(X::no_adjustments);
      return;
    }
    out_ += t(X::checked_in_order_each_one);
    int i = 0;
    for (const auto& a : rs_.adjustments) {
      out_ += std::to_string(++i) + ". " + sentence(capital(a.text.in(L_))) + "\n";
      out_ += std::string("   - ") + t(X::condition) + conditions(a) + t(X::full_stop) + "\n";
      out_ += std::string("   - ") + t(X::effect) + effect(a) + t(X::full_stop) + "\n";
      cited(a, "   ");
    }
  }

  // What fills a field, in words (the fills of rules/README.md "forms").
  std::string fill_words(FormFill f) const {
    switch (f) {
      case FormFill::blank: return t(X::blank_filled_in_by_hand);
      case FormFill::profile_gender: return t(X::gender_profile);
      case FormFill::profile_birth_month: return t(X::year_and_month_of_birth);
      case FormFill::profile_education: return t(X::education_profile);
      case FormFill::profile_level: return t(X::level_applied_for_profile);
      case FormFill::profile_circumstance: return t(X::the_circumstance_given);
      case FormFill::record_content: return t(X::the_record_s_note_else);
      case FormFill::record_period: return t(X::the_record_s_dates_else);
      case FormFill::record_activity: return t(X::the_record_s_activity);
      case FormFill::result_record_hours: return t(X::the_hours_this_rule_set);
      case FormFill::result_year: return t(X::the_year);
      case FormFill::result_professional: return t(X::the_year_s_professional_hours);
      case FormFill::result_missing: return t(X::the_hours_the_result_still);
      case FormFill::result_year_hours: return t(X::the_sum_of_the_listed);
      case FormFill::result_activities: return t(X::the_year_s_activities_dates);
    }
    return "";
  }

  void forms() {
    out_ += t(X::the_notice_s_forms);
    if (rs_.forms.empty()) {
      if (rs_.forms_note.present) {
        out_ += "- " + sentence(capital(rs_.forms_note.text.in(L_))) + "\n";
        cited(rs_.forms_note);
      } else {
        out_ += t(X::the_notice_has_no_form);
      }
      return;
    }
    for (const auto& f : rs_.forms) {
      out_ += "### " + f.attachment + " " + f.title + "\n\n";
      out_ += std::string("- ") + t(X::purpose) + f.purpose.in(L_) + "\n";
      std::string when;
      switch (f.each) {
        case FormEach::record:
          when = std::string(t(X::one_for_each)) + (f.subjects ? words(kSubjectNames, f.subjects) : std::string()) +
                 t(X::record_of) + words(kActivityNames, f.activities);
          if (!(f.filed_true && f.filed_false && f.filed_null)) {
            std::vector<std::string> v;
            if (f.filed_true) v.push_back(t(X::filed));
            if (f.filed_false) v.push_back(t(X::not_filed));
            if (f.filed_null) v.push_back(t(X::filing_unknown));
            std::string list;
            for (const auto& x : v) list += (list.empty() ? "" : t(X::or_word)) + x;
            when += std::string(t(X::and_filed)) + list;
          }
          break;
        case FormEach::year:
          when = std::string(t(X::one_for_each_year_the)) +
                 (f.subjects ? words(kSubjectNames, f.subjects) : std::string()) + t(X::hours_from) +
                 words(kActivityNames, f.activities);
          break;
        case FormEach::once: {
          std::string list;
          for (int c : f.circumstances) list += (list.empty() ? "" : t(X::or_word)) + w(kCircumstanceNames, unsigned(c));
          when = std::string(t(X::one_when_the_circumstances_include)) + list;
          break;
        }
      }
      if (f.routes) when += std::string(t(X::form_route)) + words(kRouteNames, f.routes);
      out_ += std::string("- ") + t(X::form_when) + when + t(X::full_stop) + "\n";
      out_ += std::string("- ") + t(X::fields);
      bool first = true;
      for (const auto& fd : f.fields) {
        out_ += (first ? "" : t(X::semicolon)) + fd.label + (en() ? " (" + fd.label_en + ")" : std::string()) + t(X::dash);
        first = false;
        if (fd.parts.empty()) {
          out_ += fill_words(fd.fill);
          continue;
        }
        for (const auto& part : fd.parts) out_ += part.fill == FormFill::blank ? part.text : "[" + fill_words(part.fill) + "]";
      }
      out_ = sentence(std::move(out_)) + "\n";
      cited(f);
      out_ += "\n";
    }
  }
};

}  // namespace

std::string explain(const RuleSet& rs, Locale locale) { return Explainer(rs, locale).run(); }

}  // namespace jxjy
