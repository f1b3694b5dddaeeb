// Rule set -> Markdown, in the words of a notice, so that an officer can hold the file against the
// notice clause by clause. Words come from base/names.h (the vocabulary) and the rule file's own texts;
// only the sentences that join them live here. Every cited item ends with its document and clause.
#include "rules/explain.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

#include "base/format.h"
#include "base/names.h"

namespace jxjy {
namespace {

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
  const char* t(const char* zh, const char* e) const { return en() ? e : zh; }
  template <size_t N>
  std::string w(const Name (&table)[N], unsigned i) const { return std::string(word(table, i, L_)); }
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
    return s + t("。", ".");
  }
  static std::string date(int ymd) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", ymd / 10000, ymd / 100 % 100, ymd % 100);
    return buf;
  }

  // The words of a mask's members ("高级、中级" / "senior, intermediate"), in the enum's order.
  template <size_t N>
  std::string words(const Name (&table)[N], Mask m, size_t limit = N) const {
    std::string s;
    for (size_t i = 0; i < N && i < limit; ++i)
      if (m & (Mask(1) << i)) s += (s.empty() ? "" : t("、", ", ")) + w(table, unsigned(i));
    return s;
  }

  // "扎人社发〔2023〕45号 三（一）": the document as results cite it (number, or title), and the clause.
  std::string cite(const Source& s) const {
    if (s.doc < 0 || size_t(s.doc) >= rs_.documents.size()) return "";
    const Document& d = rs_.documents[size_t(s.doc)];
    std::string doc = !d.number.empty() ? d.number : en() ? "“" + d.title + "”" : "《" + d.title + "》";
    return std::string(t("依据：", "Source: ")) + doc + " " + s.clause;
  }
  // The same without "依据：" / "Source: ", after words of one's own.
  std::string cite_after(const Source& s, const char* zh, const char* e) const {
    std::string c = cite(s);
    return c.empty() ? c : t(zh, e) + c.substr(std::strlen(t("依据：", "Source: ")));
  }

  // The end of a cited item: its source, then how we read the notice where it is silent.
  void cited(const RuleItem& c, const std::string& indent = "  ") {
    out_ += indent + "- " + cite(c.source) + "\n";
    if (c.interpretation)
      out_ += indent + "- " + t("解释（通知未写明之处，结果会提示）：", "Interpretation (the notice is silent; results say so): ") +
              c.interpretation->in(L_) + "\n";
  }

  void header() {
    out_ += t("# ", "# ") + rs_.region_name.in(L_) + t("：继续教育学时规则", ": continuing-education rules") + "\n\n";
    out_ += std::string(t("规则集 ", "Rule set ")) + rs_.id + t("，地区代码 ", ", region code ") + rs_.region +
            t("（其下属地区没有自己的规则集时也适用）。", " (also used for its counties and districts that have no rule set of their own).") +
            "\n";
    out_ += std::string(t("适用于申报日期在 ", "Applies to applications dated from ")) + date(rs_.valid_from) +
            t(" 及以后的申报，直到本地区有更新的规则集；为 ", " until a newer rule set of the region; written for ") +
            std::to_string(rs_.notice_year) + t(" 年度的通知。", ".") + "\n";
    if (rs_.valid_from_source) out_ += "  - " + cite(*rs_.valid_from_source) + "\n";
    if (rs_.annual_notice)
      out_ += std::string(t("这是年度工作通知：用于以后年度的申报时，结果会提示要求可能已有变化。",
                            "It is a one-year notice: used for a later year, results warn that the requirements may have changed.")) +
              "\n";
    if (!rs_.based_on.empty())
      out_ += std::string(t("本规则集以规则集 ", "This rule set is rule set ")) + rs_.based_on +
              t(" 为基础，只写出了变化之处（basedOn）；以下是合并后的完整规则。",
                " with only its changes written out (basedOn); below is the whole merged rule set.") +
              "\n";
    out_ += "\n";
  }

  void documents() {
    out_ += t("## 依据的文件\n\n", "## Documents\n\n");
    for (const auto& d : rs_.documents) {
      out_ += "- " + (en() ? "“" + d.title + "”" : "《" + d.title + "》");
      if (!d.number.empty()) out_ += " " + d.number;
      if (!d.issuer.empty()) out_ += t("，", ", ") + d.issuer;
      if (!d.date.empty()) out_ += t("，", ", ") + d.date;
      out_ += t("。", ".");
      if (!d.note.empty()) out_ += t("（", " (") + d.note + t("）", ")");
      out_ += "\n";
    }
    out_ += "\n";
  }

  void annual_item(const char* zh, const char* e, const AnnualItem& a) {
    out_ += std::string("- ") + t(zh, e);
    if (a.hours == 0) out_ += t("：不单设下限。", ": no minimum of its own.");
    else out_ += t("：每年不少于 ", ": at least ") + n(a.hours) + t(" 学时。", " hours a year.");
    out_ += "\n";
    cited(a);
  }

  void annual() {
    const Annual& a = rs_.annual;
    out_ += t("## 每年的学时\n\n", "## Hours each year\n\n");
    annual_item("公需科目", "Public subjects", a.pub);
    annual_item("专业科目", "Professional subjects", a.prof);
    annual_item("合计（两类科目之和）", "Total (both subjects)", a.total);
    if (a.has_share) {
      double prof = std::ceil(a.total.hours * a.share_num / a.share_den - 1e-9);
      out_ += std::string("- ") + t("专业科目不少于合计的 ", "Professional hours are at least ") + std::to_string(a.share_num) +
              "/" + std::to_string(a.share_den) + t("（向上取整），即每年专业科目至少 ", " of the total (rounded up): at least ") +
              n(std::max(prof, a.prof.hours)) + t(" 学时。", " professional hours a year.") + "\n";
      cited(a.share);
    }
    out_ += t("\n一个年度以上各项都达到才算达标。学时不结转：每条记录只计入它所属的年度。\n\n",
              "\nA year complies when each of these is reached. Hours do not carry over: each record counts only in its own year.\n\n");
  }

  std::string window(Window::Kind kind, int n) const {
    switch (kind) {
      case Window::last:
        if (n == 1) return t("申报当年", "the application year");
        return std::string(t("近 ", "the last ")) + std::to_string(n) + t(" 年（含申报当年）", " years (the application year included)");
      case Window::since:
        return std::string(t("自 ", "every year from ")) + std::to_string(n) + t(" 年起至申报当年", " to the application year");
      case Window::since_title:
        break;
    }
    return "";
  }

  // Which years must comply, as a sentence: "近 3 年（含申报当年）每年都须达标".
  std::string years(const Window& wd, int count) const {
    std::string s;
    if (wd.kind == Window::since_title) {
      s = t("取得现职称之后的各年度（至少包括申报当年", "the years after the current title was obtained (at least the application year");
      if (wd.not_before) s += std::string(t("，不早于 ", ", never before ")) + std::to_string(wd.not_before) + t(" 年", "");
      s += t("）", ")");
    } else {
      s = window(wd.kind, wd.n);
    }
    if (count == kAllYears)
      s += (wd.kind == Window::last && wd.n == 1) ? t("须达标", " must comply")
                                                  : t("每年都须达标", ": every year must comply");
    else
      s += std::string(t("中任意 ", ": any ")) + std::to_string(count) +
           t(" 个年度达标即可（不必连续）", count == 1 ? " year must comply (not necessarily consecutive)"
                                                       : " years must comply (not necessarily consecutive)");
    if (wd.kind == Window::since_title && wd.has_fallback)
      s += std::string(t("；档案未填取得现职称年份时，按", "; when the profile gives no year of the current title, ")) +
           window(wd.fallback_kind, wd.fallback_n) + t("计，结果会提示", " is used, with a warning");
    else if (wd.kind == Window::since_title)
      s += t("；须填写取得现职称的年份", "; the year of the current title must be given");
    return s;
  }

  void requirements() {
    out_ += t("## 哪些年度须达标\n\n", "## Which years must comply\n\n");
    out_ += t("按申报方式、级别和学历，取下列第一条适用的规定：\n\n",
              "By route, level and education; the first entry that fits the applicant decides:\n\n");
    for (const auto& q : rs_.requirements) {
      out_ += "- " + capital(w(kRouteNames, unsigned(q.route)));
      if (q.levels) out_ += t("，", ", ") + words(kLevelNames, q.levels);
      if (q.education) out_ += std::string(t("，学历", ", education: ")) + words(kEducationNames, q.education);
      out_ += t("：", ": ");
      if (q.exempt) {
        out_ += t("不要求继续教育学时。", "no continuing-education hours are required.");
      } else {
        out_ += years(q.window, q.count) + t("。", ".");
        if (q.subjects)
          out_ += std::string(t("只看", " Only the ")) + words(kSubjectNames, q.subjects) +
                  t("的要求。", q.subjects == bit(Subject::professional) || q.subjects == bit(Subject::public_)
                                    ? " requirement applies."
                                    : " requirements apply.");
      }
      out_ += "\n";
      cited(q);
    }
    out_ += "\n";
  }

  std::string unit(Unit u, const UnitRule& r) const {
    switch (u) {
      case Unit::hours:
        if (r.rate == 1) return t("按证明所载学时计", "by the hours stated");
        return std::string(t("按学时计，每 1 学时计 ", "by hours, each hour credited as ")) + n(r.rate) + t(" 学时", " hours");
      case Unit::minutes:
        return std::string(t("按分钟计，每满 ", "by minutes, one hour for each full ")) + std::to_string(r.per) +
               t(" 分钟计 1 学时（不足不计）", " minutes (part periods not counted)");
      case Unit::days:
        if (r.by_level) {
          std::string s = t("按天计，每天：", "by days, per day: ");
          for (unsigned l = 0; l < 4; ++l)
            s += (l ? t("，", ", ") : "") + w(kConfLevelNames, l) + " " + n(r.level_rate[l]) + t(" 学时", " hours");
          return s + t("（按会议级别）", " (by the level of the conference)");
        }
        return std::string(t("按天计，每天 ", "by days, ")) + n(r.rate) + t(" 学时", " hours a day");
      case Unit::months:
        return std::string(t("按月计，每月 ", "by months, ")) + n(r.rate) + t(" 学时", " hours a month");
      case Unit::subjects:
        if (r.annual_requirement)
          return t("考试合格即视同完成当年专业科目学时要求", "a pass completes that year's professional hours");
        return std::string(t("按通过的考试科目计，每科 ", "by exam subjects passed, ")) + n(r.rate) + t(" 学时", " hours each");
      case Unit::none:
        return std::string(t("每条记录计 ", "each record credits ")) + n(r.fixed) + t(" 学时（无需填写数量）", " hours (no amount needed)");
    }
    return "";
  }

  void activities() {
    out_ += t("## 各类学习如何计入\n\n", "## How each kind of activity counts\n\n");
    for (int a = 0; a < kActivityCount; ++a) {
      const ActivityRule& r = rs_.activities[size_t(a)];
      out_ += "- **" + capital(w(kActivityNames, unsigned(a))) + "**" + t("：", ": ");
      if (r.excluded) {
        out_ += std::string(t("不计入。", "Not credited. ")) + sentence(capital(r.text.in(L_))) + "\n";
        cited(r);
        continue;
      }
      if (r.subjects)
        out_ += std::string(t("只计入", "counts only as ")) + words(kSubjectNames, r.subjects, 2) +
                t("。", " hours. ");
      bool first = true;
      out_ += t("", "Credited ");
      for (int u = 0; u < kUnitCount; ++u) {
        const UnitRule& ur = r.units[size_t(u)];
        if (!ur.accepted) continue;
        out_ += (first ? "" : t("；", "; ")) + unit(Unit(u), ur);
        if (ur.source) out_ += std::string(t("（", " (")) + cite(*ur.source) + t("）", ")");
        first = false;
      }
      out_ += t("。", ".");
      if (!r.units[size_t(Unit::none)].accepted)
        out_ += t("以其他计量单位（如天、月）填写的记录不计入。", " A record given in any other unit of measure (days, months, …) is not credited.");
      if (r.cap_annual_multiple > 0)
        out_ += std::string(t("一次最多计入 ", " One activity credits at most ")) + std::to_string(r.cap_annual_multiple) +
                t(" 个年度的合计学时（", r.cap_annual_multiple == 1 ? " year's total hours (" : " years' total hours (") +
                n(r.cap_annual_multiple * rs_.annual.total.hours) + t(" 学时）。", " hours).");
      if (!r.text.empty()) out_ += " " + sentence(capital(r.text.in(L_)));
      out_ += "\n";
      cited(r);
      if (r.public_source)
        out_ += "  - " + cite_after(*r.public_source, "公需科目记录的依据：", "Source for records of public subjects: ") + "\n";
      for (const auto& ur : r.units)
        if (ur.interpretation)
          out_ += std::string("  - ") + t("解释（通知未写明之处，结果会提示）：", "Interpretation (the notice is silent; results say so): ") +
                  ur.interpretation->in(L_) + "\n";
    }
    out_ += "\n";
  }

  void filing() {
    const Filing& f = rs_.filing;
    out_ += t("## 备案\n\n", "## Filing\n\n");
    if (!f.present) {
      out_ += t("本规则集没有备案要求：所有记录都按已备案计。\n\n", "This rule set has no filing rule: every record is taken as filed.\n\n");
      return;
    }
    std::string what = f.activities ? words(kActivityNames, f.activities) : t("所有学习形式", "every kind of activity");
    out_ += std::string("- ") + t("须事先备案的：", "Must be filed beforehand: ") + what;
    if (f.subjects) out_ += std::string(t("（仅", " (") + words(kSubjectNames, f.subjects, 2)) + t("）", " only)");
    out_ += std::string(t("。档案中标明未备案的这些记录不计入。", ". Such records marked as not filed are not credited. ")) +
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
    out_ += t("## 期限\n\n", "## Deadlines\n\n");
    const SameYearDeadline& y = d.same_year;
    const std::string year = std::to_string(rs_.notice_year);
    if (y.until)
      out_ += std::string("- ") + year + t("年的学时须在 ", ": the hours must be earned from ") +
              (y.from ? month_day(y.from) : std::string("01-01")) + t(" 至 ", " to ") + month_day(y.until) +
              t(" 之间完成并登记", " and registered by then") +
              (y.study_period ? t("；所填日期在此期间以外的学习不计入该年度", "; study dated outside this period earns nothing for the year")
                              : "") +
              t("。其他年度的截止日期本通知未作规定。", ". The notice states no date for other years.") + "\n";
    else
      out_ += std::string("- ") + t("通知未规定年度学习的截止日期。", "The notice states no closing date for a year's study.") + "\n";
    cited(y);
    const PastYears& p = d.past_years;
    if (!p.make_up) {
      out_ += std::string("- ") + t("往年缺少的学时不能补学。", "Hours missing in a past year cannot be made up.") + "\n";
    } else {
      out_ += std::string("- ") + t("往年缺少的学时可以补学", "Hours missing in a past year may be made up");
      if (p.from || p.until)
        out_ += std::string(t("，补学时间 ", ", from ")) + (p.from ? date(p.from) : t("（不限）", "(any day)")) +
                t(" 至 ", " to ") + (p.until ? date(p.until) : t("（不限）", "(any day)"));
      out_ += t("。", ".") + std::string("\n");
    }
    cited(p);
    for (const auto& n : d.notes) {
      out_ += "- " + date(n.date) + t("：", ": ") + sentence(n.text.in(L_)) + "\n";
      cited(n);
    }
    out_ += "\n";
  }

  void own_department() {
    const OwnDepartment& o = rs_.own_department;
    if (!o.present) return;
    out_ += t("## 由本行业主管部门管理的系列\n\n", "## Series handed to their own department\n\n");
    out_ += std::string("- ") + capital(words(kSeriesNames, o.series)) +
            t("系列：按本行业主管部门的规定执行；按本规则集算出的学时只供参考，结果会提示。",
              ": their own department's rules apply; hours computed against this rule set are for reference only, and results say so.") +
            " " + sentence(capital(o.text.in(L_))) + "\n";
    cited(o);
    out_ += "\n";
  }

  void occasions() {
    if (!rs_.occasions) return;
    out_ += t("## 跨年度的一次学习\n\n", "## One occasion over several years\n\n");
    const OccasionShare how = rs_.occasions->share;
    out_ += t("- 一条带起止日期的记录，或标为同一次学习的几条记录，是一次学习：",
              "- A record with start and end dates, or records marked as the same occasion, are one occasion: ");
    out_ += how == OccasionShare::by_days    ? t("按其在各年度的天数分摊学时；", "its hours are shared among its years by its days in each; ")
            : how == OccasionShare::start_year ? t("学时全部计入开始的年度；", "all its hours count in the year it starts; ")
                                               : t("学时全部计入结束的年度；", "all its hours count in the year it ends; ");
    bool capped = false, once = false;
    for (const auto& r : rs_.activities) {
      capped |= r.cap_annual_multiple > 0;
      once |= r.units[size_t(Unit::none)].accepted;
    }
    // only what this rule set has: a cap of so many years' hours (新疆 附件3), a credit once per year of study
    if (capped)
      out_ += t("本规则集的“一次最多认定”上限对整次学习合计适用；", "a cap on one activity applies to the whole occasion; ");
    if (once)
      out_ += t("一次性认定的学时每个学习年度只认定一次。", "a credit given once per year of study counts once for each year.");
    if (!capped && !once) {  // the sharing phrase ends the sentence
      const std::string semi = t("；", "; ");
      if (out_.size() >= semi.size() && out_.compare(out_.size() - semi.size(), semi.size(), semi) == 0)
        out_.replace(out_.size() - semi.size(), semi.size(), t("。", "."));
    }
    out_ += "\n";
    cited(*rs_.occasions);
    out_ += "\n";
  }

  std::string conditions(const Adjustment& a) const {
    std::vector<std::string> c;
    if (a.routes) c.push_back(std::string(t("申报方式为", "route: ")) + words(kRouteNames, a.routes));
    if (a.levels) c.push_back(std::string(t("级别为", "level: ")) + words(kLevelNames, a.levels));
    if (!a.application_years.empty()) {
      std::string ys;
      for (int y : a.application_years) ys += (ys.empty() ? "" : t("、", ", ")) + std::to_string(y);
      c.push_back(std::string(t("申报年度为 ", "application year ")) + ys);
    }
    if (a.has_age)
      c.push_back(std::string(t("男满 ", "men aged ")) + std::to_string(a.age_male) + t(" 周岁、女满 ", ", women aged ") +
                  std::to_string(a.age_female) + t(" 周岁（按申报日计）", " or over (on the application date)"));
    if (a.has_sector) c.push_back(std::string(t("单位属于", "sector: ")) + w(kSectorNames, unsigned(a.sector)));
    if (a.has_grassroots)
      c.push_back(a.grassroots ? t("在苏木、乡镇等基层一线工作", "working at the grassroots (苏木, townships)")
                               : t("不在基层一线工作", "not working at the grassroots"));
    if (a.circumstance >= 0) {
      std::string s = std::string(t("属于特殊情形“", "the applicant's circumstances include “")) +
                      w(kCircumstanceNames, unsigned(a.circumstance)) + t("”", "”");
      if (a.min_full_years > 0)
        s += std::string(t("，且满 ", ", for at least ")) + std::to_string(a.min_full_years) + t(" 个完整年度", " full years");
      if (a.years_from) {
        s += std::string(t("，所填年度在 ", ", in years from ")) + std::to_string(a.years_from);
        if (a.years_to < 2100) s += std::string(t(" 至 ", " to ")) + std::to_string(a.years_to);
        s += a.years_to < 2100 ? t(" 年之间", "") : t(" 年以后", " on");
      }
      c.push_back(s);
    }
    if (c.empty()) return t("所有申报", "every application");
    std::string s;
    for (const auto& x : c) s += (s.empty() ? "" : t("；", "; ")) + x;
    return s;
  }

  std::string effect(const Adjustment& a) const {
    switch (a.effect) {
      case Effect::exempt: return t("不要求学时（免除）", "no hours are required (exempt)");
      case Effect::advisory: return t("学时只作参考，不作为条件", "hours are only a reference factor, not a condition");
      case Effect::replace_requirement: return std::string(t("年限改为：", "the years become: ")) + years(a.window, a.count);
      case Effect::deem_years:
        return std::string(t("每一项该情形视同完成 ", "each entry of the circumstance deems ")) + std::to_string(a.deem_years) +
               t(" 个年度：填写了年度的，视同完成的就是这些年度（须在可计入年限内）；未填年度的，须达标的年度相应减少",
                 a.deem_years == 1 ? " year complete: its own year when it gives years (inside the window), else one compliant year fewer is needed"
                                   : " years complete: its own years when it gives years (inside the window), else that many fewer compliant years are needed");
      case Effect::waive_circumstance_years:
        return t("该情形所填的年度不要求学时", "the years given for the circumstance need no hours");
      case Effect::years_since_circumstance:
        return t("该情形发生当年申报不要求学时；以后只要求其后的年度，且不超过一般要求",
                 "no hours in the year it happened; afterwards only the years after it, never more than the normal requirement");
      case Effect::years_in_post:
        return t("只要求实际任职年限内的年度（最近的几年）", "only the years actually in post are required (the most recent ones)");
    }
    return "";
  }

  void adjustments() {
    out_ += t("## 减免和特殊情形\n\n", "## Reductions and exemptions\n\n");
    if (rs_.adjustments.empty()) {
      out_ += t("没有减免规定。\n", "None.\n");
      return;
    }
    out_ += t("按顺序检查，条件满足的每一条都适用（免除优先于其他各条）：\n\n",
              "Checked in order; each one whose condition holds applies (an exemption outweighs the rest):\n\n");
    int i = 0;
    for (const auto& a : rs_.adjustments) {
      out_ += std::to_string(++i) + ". " + sentence(capital(a.text.in(L_))) + "\n";
      out_ += std::string("   - ") + t("条件：", "When: ") + conditions(a) + t("。", ".") + "\n";
      out_ += std::string("   - ") + t("效果：", "Effect: ") + effect(a) + t("。", ".") + "\n";
      cited(a, "   ");
    }
  }

  // What fills a field, in words (the fills of rules/README.md "forms").
  std::string fill_words(FormFill f) const {
    switch (f) {
      case FormFill::blank: return t("留空，手填", "blank, filled in by hand");
      case FormFill::profile_gender: return t("性别（个人信息）", "gender (profile)");
      case FormFill::profile_birth_month: return t("出生年月（个人信息的出生日期）", "year and month of birth (profile)");
      case FormFill::profile_education: return t("学历（个人信息）", "education (profile)");
      case FormFill::profile_level: return t("申报级别（个人信息）", "level applied for (profile)");
      case FormFill::profile_circumstance: return t("所填的特殊情形", "the circumstance given");
      case FormFill::record_content: return t("该记录的备注，无备注时为学习形式", "the record's note, else its activity");
      case FormFill::record_period: return t("该记录的起止日期，无日期时为年度", "the record's dates, else its year");
      case FormFill::record_activity: return t("该记录的学习形式", "the record's activity");
      case FormFill::result_record_hours: return t("该记录备案后按本规则认定的学时", "the hours this rule set credits the record once filed");
      case FormFill::result_year: return t("年度", "the year");
      case FormFill::result_professional: return t("核查结果中该年度的专业科目学时", "the year's professional hours in the result");
      case FormFill::result_missing: return t("核查结果中该年度仍缺的学时", "the hours the result still misses in the year");
      case FormFill::result_year_hours: return t("所列活动的学时合计", "the sum of the listed activities' hours");
      case FormFill::result_activities: return t("该年度各项活动（时间、方式、认定条款、学时）", "the year's activities (dates, form, clause, hours)");
    }
    return "";
  }

  void forms() {
    out_ += t("\n## 通知所附表格\n\n", "\n## The notice's forms\n\n");
    if (rs_.forms.empty()) {
      if (rs_.forms_note.present) {
        out_ += "- " + sentence(capital(rs_.forms_note.text.in(L_))) + "\n";
        cited(rs_.forms_note);
      } else {
        out_ += t("通知没有须本人填写的表格。\n", "The notice has no form for the applicant to fill in.\n");
      }
      return;
    }
    for (const auto& f : rs_.forms) {
      out_ += "### " + f.attachment + " " + f.title + "\n\n";
      out_ += std::string("- ") + t("用途：", "Purpose: ") + f.purpose.in(L_) + "\n";
      std::string when;
      switch (f.each) {
        case FormEach::record:
          when = std::string(t("每条", "one for each ")) + (f.subjects ? words(kSubjectNames, f.subjects) : std::string()) +
                 t("记录，学习形式为", " record of ") + words(kActivityNames, f.activities);
          if (!(f.filed_true && f.filed_false && f.filed_null)) {
            std::vector<std::string> v;
            if (f.filed_true) v.push_back(t("已备案", "filed"));
            if (f.filed_false) v.push_back(t("未备案", "not filed"));
            if (f.filed_null) v.push_back(t("不清楚是否备案", "filing unknown"));
            std::string list;
            for (const auto& x : v) list += (list.empty() ? "" : t("或", " or ")) + x;
            when += std::string(t("，且", ", ")) + list;
          }
          break;
        case FormEach::year:
          when = std::string(t("结论所需的每个年度（免除时不需要），该年度有", "one for each year the verdict needs (none when exempt) with credited ")) +
                 (f.subjects ? words(kSubjectNames, f.subjects) : std::string()) + t("学时的以下活动：", " hours from ") +
                 words(kActivityNames, f.activities);
          break;
        case FormEach::once: {
          std::string list;
          for (int c : f.circumstances) list += (list.empty() ? "" : t("或", " or ")) + w(kCircumstanceNames, unsigned(c));
          when = std::string(t("所填特殊情形有", "one when the circumstances include ")) + list;
          break;
        }
      }
      if (f.routes) when += std::string(t("；申报方式为", "; route: ")) + words(kRouteNames, f.routes);
      out_ += std::string("- ") + t("何时需要：", "When: ") + when + t("。", ".") + "\n";
      out_ += std::string("- ") + t("栏目：", "Fields: ");
      bool first = true;
      for (const auto& fd : f.fields) {
        out_ += (first ? "" : t("；", "; ")) + fd.label + (en() ? " (" + fd.label_en + ")" : std::string()) + t("——", " — ");
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
