// Rule file -> RuleSet, validating as it goes. The rules of the format are in rules/README.md.
#include "rules/load.h"
#include "base/cold.h"


#include <initializer_list>
#include <map>
#include <set>

namespace jxjy {
namespace {

constexpr size_t kMaxRuleFileBytes = 1 << 20, kMaxSources = 100;  // == kMaxDocumentBytes (jxjy.h)

// The Reader's calls with a Path: the pointer's PathRef is made here, once, not at each of the ~80 calls.
struct PathReader {
  Reader& r;
  JXJY_APART void missing(const Path& at) { r.missing(at); }
  JXJY_APART void wrong_type(const Path& at, const Json& v, M want) { r.wrong_type(at, v, want); }
  JXJY_APART bool integer(const Json* v, const Path& at, long lo, long hi, int& out, bool required) {
    return r.integer(v, at, lo, hi, out, required);
  }
  JXJY_APART bool number(const Json* v, const Path& at, double lo, double hi, double& out, bool required) {
    return r.number(v, at, lo, hi, out, required);
  }
  JXJY_APART bool boolean(const Json* v, const Path& at, bool& out, bool required) { return r.boolean(v, at, out, required); }
  JXJY_APART bool string(const Json* v, const Path& at, size_t max_len, std::string& out, bool required) {
    return r.string(v, at, max_len, out, required);
  }
  JXJY_APART bool date(const Json* v, const Path& at, int& out, bool required) { return r.date(v, at, out, required); }
  JXJY_APART bool choice(const Json* v, const Path& at, Names table, int& out, bool required, size_t limit = size_t(-1)) {
    return r.choice(v, at, table, out, required, limit);
  }
  // A problem at a pointer (written out only here).
  JXJY_APART void add(const char* code, const Path& at, Text message) { r.add(code, at, std::move(message)); }
};

class RuleReader {
 public:
  RuleReader(RuleSet& rs, Reader& r) : rs_(rs), r_{r} {}

  void read(const Json& root) {
    if (!root.is_object()) {
      r_.add("not_object", "", message_text(M::rule_not_object));
      return;
    }
    known(root, "", {"$schema", "schemaVersion", "id", "basedOn", "region", "regionName", "validFrom", "noticeYear",
                     "validFromSource", "scope", "annualNotice", "sources", "interpretations", "annual", "filing", "requirements",
                     "activities", "adjustments", "deadlines", "ownDepartment", "occasions", "forms", "formsNote"});
    int version = 0;
    r_.integer(m(root, "schemaVersion"), "/schemaVersion", 1, 1, version, true);
    r_.string(m(root, "id"), "/id", 64, rs_.id, true);
    r_.string(m(root, "basedOn"), "/basedOn", 64, rs_.based_on, false);  // resolved before (rules/based_on.cpp)
    if (r_.string(m(root, "region"), "/region", 6, rs_.region, true) && !is_region_code(rs_.region))
      r_.add("invalid_value", "/region", message_text(M::rule_region_code));
    rs_.region_name = text(m(root, "regionName"), "/regionName", true);
    if (m(root, "scope")) rs_.scope = text(m(root, "scope"), "/scope", true);
    r_.date(m(root, "validFrom"), "/validFrom", rs_.valid_from, true);
    r_.integer(m(root, "noticeYear"), "/noticeYear", 1990, 2100, rs_.notice_year, true);
    r_.boolean(m(root, "annualNotice"), "/annualNotice", rs_.annual_notice, true);
    documents(m(root, "sources"));
    if (const Json* v = m(root, "validFromSource")) rs_.valid_from_source = source(v, "/validFromSource");
    shared_interpretations(m(root, "interpretations"));
    annual(m(root, "annual"));
    filing(m(root, "filing"));
    requirements(m(root, "requirements"));
    activities(m(root, "activities"));
    adjustments(m(root, "adjustments"));
    deadlines(m(root, "deadlines"));
    own_department(m(root, "ownDepartment"));
    if (const Json* o = m(root, "occasions"); object(o, "/occasions", true)) {
      known(*o, "/occasions", {"source", "interpretation", "share"});
      rs_.occasions.emplace();
      int share = 0;
      if (r_.choice(m(*o, "share"), "/occasions/share", kOccasionShareNames, share, true))
        rs_.occasions->share = OccasionShare(share);
      cited(*o, "/occasions", *rs_.occasions);
    }
    forms(m(root, "forms"));
    if (const Json* n = m(root, "formsNote"); object(n, "/formsNote", false)) {
      known(*n, "/formsNote", {"text", "source", "interpretation"});
      rs_.forms_note.present = true;
      rs_.forms_note.text = text(m(*n, "text"), "/formsNote/text", true);
      cited(*n, "/formsNote", rs_.forms_note);
    }
    const Path interpretations = "/interpretations";
    for (const auto& [key, shared] : shared_)
      if (!shared.used) r_.add("unused", interpretations / key, message_text(M::rule_interpretation_unused));
  }

 private:
  RuleSet& rs_;
  PathReader r_;
  struct Shared {
    Text text;
    bool used = false;
  };
  std::map<std::string, Shared> shared_;  // top-level interpretations, by key

  static const Json* m(const Json& o, std::string_view k) { return Reader::member(o, k); }

  // A key the format does not know is an error: a typo must not silently drop a rule.
  void known(const Json& o, const Path& path, std::initializer_list<const char*> keys) {
    for (auto it = o.begin(); it != o.end(); ++it) {
      bool ok = false;
      for (const char* k : keys) ok |= it.key() == k;
      if (!ok)
        r_.add("unknown_key", path / it.key(),
               message_text(M::rule_unknown_field, it.key()));
    }
  }

  static bool is_region_code(const std::string& s) {
    if (s.size() != 6) return false;
    for (char c : s)
      if (c < '0' || c > '9') return false;
    return true;
  }

  bool object(const Json* v, const Path& path, bool required) {
    if (!v) {
      if (required) r_.missing(path);
      return false;
    }
    if (!v->is_object()) {
      r_.wrong_type(path, *v, M::kind_object);
      return false;
    }
    return true;
  }

  bool array(const Json* v, const Path& path, bool required) {
    if (!v) {
      if (required) r_.missing(path);
      return false;
    }
    if (!v->is_array()) {
      r_.wrong_type(path, *v, M::kind_array);
      return false;
    }
    return true;
  }

  Text text(const Json* v, const Path& path, bool required) {
    Text t;
    if (!object(v, path, required)) return t;
    known(*v, path, {"zh", "en"});
    r_.string(m(*v, "zh"), path / "zh", 2000, t.zh, true);
    r_.string(m(*v, "en"), path / "en", 2000, t.en, true);
    return t;
  }

  void documents(const Json* v) {
    if (!object(v, "/sources", true)) return;
    const Path base = "/sources";
    if (v->size() > kMaxSources) {  // each citation looks its document up among these
      r_.add("too_many", "/sources",
             message_text(M::rule_too_many_sources, std::to_string(kMaxSources)));
      return;
    }
    for (auto it = v->begin(); it != v->end(); ++it) {
      const Path path = base / it.key();
      Document d;
      d.key = it.key();
      if (!object(&it.value(), path, true)) continue;
      known(*it, path, {"title", "number", "issuer", "date", "note"});
      r_.string(m(*it, "title"), path / "title", 500, d.title, true);
      r_.string(m(*it, "number"), path / "number", 200, d.number, false);
      r_.string(m(*it, "issuer"), path / "issuer", 500, d.issuer, false);
      r_.string(m(*it, "date"), path / "date", 10, d.date, false);
      r_.string(m(*it, "note"), path / "note", 2000, d.note, false);
      rs_.documents.push_back(std::move(d));
    }
    if (rs_.documents.empty())
      r_.add("missing", "/sources", message_text(M::rule_at_least_one_source));
  }

  // A rule without its document and clause is invalid (CONTRACT §3).
  Source source(const Json* v, const Path& path) {
    Source s;
    if (!object(v, path, true)) {
      return s;
    }
    known(*v, path, {"doc", "clause"});
    std::string doc;
    if (r_.string(m(*v, "doc"), path / "doc", 64, doc, true)) {
      for (size_t i = 0; i < rs_.documents.size(); ++i)
        if (rs_.documents[i].key == doc) s.doc = int(i);
      if (s.doc < 0)
        r_.add("invalid_value", path / "doc",
               message_text(M::rule_doc_not_in_sources, doc));
    }
    if (r_.string(m(*v, "clause"), path / "clause", 200, s.clause, true) && s.clause.empty())
      r_.add("missing", path / "clause", message_text(M::rule_clause_not_empty));
    return s;
  }

  // Interpretations several items share (松山区's recognition years): {KEY: {zh, en}}.
  void shared_interpretations(const Json* v) {
    if (!object(v, "/interpretations", false)) return;
    const Path base = "/interpretations";
    for (auto it = v->begin(); it != v->end(); ++it) {
      const Path path = base / it.key();
      Text t = text(&it.value(), path, true);
      shared_[std::string(it.key())] = {std::move(t), false};
    }
  }

  void cited(const Json& item, const Path& path, RuleItem& c) {
    c.source = source(m(item, "source"), path / "source");
    c.interpretation = interpretation(item, path);
  }

  // An item's interpretation: inline {zh, en}, or the key of a shared one.
  std::optional<Text> interpretation(const Json& item, const Path& path) {
    const Json* i = m(item, "interpretation");
    if (!i) return std::nullopt;
    if (!i->is_string()) return text(i, path / "interpretation", true);  // inline {zh, en}
    std::string key(i->string());
    auto found = shared_.find(key);
    if (found == shared_.end()) {
      r_.add("invalid_value", path / "interpretation",
             message_text(M::rule_no_such_interpretation, key));
      return std::nullopt;
    }
    found->second.used = true;
    return found->second.text;
  }

  void annual_item(const Json& a, const char* key, AnnualItem& item) {
    const Path base = "/annual", path = base / key;
    const Json* v = m(a, key);
    if (!object(v, path, true)) return;
    known(*v, path, {"hours", "source", "interpretation"});
    r_.number(m(*v, "hours"), path / "hours", 0, 2000, item.hours, true);
    cited(*v, path, item);
  }

  void annual(const Json* v) {
    if (!object(v, "/annual", true)) return;
    known(*v, "/annual", {"public", "professional", "total", "professionalShare"});
    annual_item(*v, "public", rs_.annual.pub);
    annual_item(*v, "professional", rs_.annual.prof);
    annual_item(*v, "total", rs_.annual.total);
    if (const Json* s = m(*v, "professionalShare"); object(s, "/annual/professionalShare", false)) {
      auto& a = rs_.annual;
      a.has_share = true;
      known(*s, "/annual/professionalShare", {"numerator", "denominator", "source", "interpretation"});
      r_.integer(m(*s, "numerator"), "/annual/professionalShare/numerator", 1, 100, a.share_num, true);
      r_.integer(m(*s, "denominator"), "/annual/professionalShare/denominator", 1, 100, a.share_den, true);
      if (a.share_num > a.share_den)
        r_.add("out_of_range", "/annual/professionalShare", message_text(M::rule_share_above_one));
      cited(*s, "/annual/professionalShare", a.share);
    }
  }

  Mask mask(const Json* v, const Path& path, Names table, size_t limit = size_t(-1)) {
    Mask out = 0;
    if (!array(v, path, false)) return out;
    if (v->empty()) r_.add("invalid_value", path, message_text(M::rule_list_not_empty));
    size_t i = 0;
    for (const Json* x = v->first(); x; x = x->next(), ++i) {
      int e = -1;
      if (r_.choice(x, path / i, table, e, true, limit)) out |= Mask(1) << e;
    }
    return out;
  }

  Mask activity_mask(const Json* v, const Path& path) {
    if (v && v->is_string() && v->string() == "all") return 0;
    return mask(v, path, kActivityNames);
  }

  void window(const Json* v, const Path& path, Window& w, bool allow_title) {
    if (!object(v, path, true)) return;
    known(*v, path, {"last", "since", "sinceTitle", "notBefore", "ifUnknown"});
    if (!m(*v, "sinceTitle"))
      for (const char* k : {"notBefore", "ifUnknown"})
        if (m(*v, k))
          r_.add("invalid_value", path / k, message_text(M::rule_only_allowed_with_sincetitle));
    int kinds = 0;
    if (const Json* x = m(*v, "last")) {
      ++kinds;
      w.kind = Window::last;
      r_.integer(x, path / "last", 1, 30, w.n, true);
    }
    if (const Json* x = m(*v, "since")) {
      ++kinds;
      w.kind = Window::since;
      r_.integer(x, path / "since", 1990, 2100, w.n, true);
    }
    if (const Json* x = m(*v, "sinceTitle")) {
      ++kinds;
      w.kind = Window::since_title;
      bool on = false;
      if (!allow_title)
        r_.add("invalid_value", path / "sinceTitle", message_text(M::rule_sincetitle_not_allowed_here));
      else if (r_.boolean(x, path / "sinceTitle", on, true) && !on)
        r_.add("invalid_value", path / "sinceTitle", message_text(M::rule_must_be_true));
      r_.integer(m(*v, "notBefore"), path / "notBefore", 1990, 2100, w.not_before, false);
      Window fb;
      if (const Json* f = m(*v, "ifUnknown")) {
        window(f, path / "ifUnknown", fb, false);
        w.has_fallback = true;
        w.fallback_kind = fb.kind;
        w.fallback_n = fb.n;
      }
    }
    if (kinds != 1)
      r_.add("invalid_value", path,
             message_text(M::rule_window_kind));
  }

  int count(const Json* v, const Path& path) {
    if (v && v->is_string() && v->string() == "all") return kAllYears;
    int n = 0;
    if (!r_.integer(v, path, 1, 30, n, true)) return kAllYears;
    return n;
  }

  void requirements(const Json* v) {
    if (!array(v, "/requirements", true)) return;
    const Path base = "/requirements";
    size_t i = 0;
    for (const Json* x = v->first(); x; x = x->next(), ++i) {  // walked, not indexed: (*v)[i] walks the list each time
      const Path path = base / i;
      const Json& e = *x;
      if (!object(&e, path, true)) continue;
      known(e, path, {"route", "levels", "education", "exempt", "window", "count", "subjects", "source", "interpretation"});
      Requirement q;
      int route = 0;
      if (r_.choice(m(e, "route"), path / "route", kRouteNames, route, true)) q.route = Route(route);
      q.levels = mask(m(e, "levels"), path / "levels", kLevelNames);
      q.education = mask(m(e, "education"), path / "education", kEducationNames);
      r_.boolean(m(e, "exempt"), path / "exempt", q.exempt, false);
      if (!q.exempt) {
        window(m(e, "window"), path / "window", q.window, true);
        q.count = count(m(e, "count"), path / "count");
        q.subjects = mask(m(e, "subjects"), path / "subjects", kSubjectNames);
      }
      cited(e, path, q);
      rs_.requirements.push_back(std::move(q));
    }
    coverage();
  }

  // Every route × level × education must find a requirement, so no profile is left undecided.
  void coverage() {
    for (int route = 0; route < 3; ++route)
      for (int level = 0; level < 3; ++level)
        for (int edu = 0; edu < 4; ++edu) {
          bool found = false;
          for (const auto& q : rs_.requirements)
            if (int(q.route) == route && allows(q.levels, Level(level)) && allows(q.education, Education(edu)))
              found = true;
          if (!found) {
            std::string what = std::string(kRouteNames[route].id) + "/" + std::string(kLevelNames[level].id) + "/" +
                               std::string(kEducationNames[edu].id);
            r_.add("incomplete", "/requirements",
                   message_text(M::rule_incomplete, what));
            return;
          }
        }
  }

  void unit_rule(const Json& conv, const Path& path, Unit unit, UnitRule& u) {
    const Json* v = m(conv, std::string(kUnitNames[int(unit)].id).c_str());
    if (!v) return;
    const Path p = path / kUnitNames[int(unit)].id;
    if (!object(v, p, true)) return;
    u.accepted = true;
    switch (unit) {  // the members each unit may have
      case Unit::minutes: known(*v, p, {"per", "source", "interpretation"}); break;
      case Unit::none: known(*v, p, {"fixed", "source"}); break;
      case Unit::days: known(*v, p, {"rate", "rateByLevel", "source"}); break;
      case Unit::subjects: known(*v, p, {"rate", "annualRequirement", "source"}); break;
      default: known(*v, p, {"rate", "source"});
    }
    for (const char* alt : {"rateByLevel", "annualRequirement"})
      if (m(*v, "rate") && m(*v, alt))
        r_.add("invalid_value", p, message_text(M::rule_rate_or_alternative, alt));
    switch (unit) {
      case Unit::minutes:
        r_.integer(m(*v, "per"), p / "per", 1, 600, u.per, true);
        break;
      case Unit::none:
        r_.number(m(*v, "fixed"), p / "fixed", 0, 2000, u.fixed, true);
        break;
      case Unit::days:
        if (const Json* lv = m(*v, "rateByLevel")) {
          u.by_level = true;
          if (object(lv, p / "rateByLevel", true)) known(*lv, p / "rateByLevel", {"international", "national", "provincial", "prefecture"});
          if (lv->is_object())
            for (int l = 0; l < 4; ++l)
              r_.number(m(*lv, std::string(kConfLevelNames[l].id).c_str()),
                        p / "rateByLevel" / kConfLevelNames[l].id, 0, 24, u.level_rate[l], true);
        } else {
          r_.number(m(*v, "rate"), p / "rate", 0, 24, u.rate, true);
        }
        break;
      case Unit::subjects:
        if (const Json* a = m(*v, "annualRequirement")) {
          std::string which;
          if (r_.string(a, p / "annualRequirement", 20, which, true) && which != "professional")
            r_.add("invalid_value", p / "annualRequirement", message_text(M::rule_annual_requirement_professional));
          u.annual_requirement = true;
        } else {
          r_.number(m(*v, "rate"), p / "rate", 0, 2000, u.rate, true);
        }
        break;
      default:
        r_.number(m(*v, "rate"), p / "rate", 0, 1000, u.rate, true);
    }
    if (const Json* s = m(*v, "source")) u.source = source(s, p / "source");
    u.interpretation = interpretation(*v, p);
  }

  void activities(const Json* v) {
    if (!object(v, "/activities", true)) return;
    const Path base = "/activities";
    for (auto it = v->begin(); it != v->end(); ++it)
      if (find_name(kActivityNames, it.key()) < 0)
        r_.add("invalid_value", base / it.key(),
               message_text(M::rule_unknown_activity_kind));
    for (int a = 0; a < kActivityCount; ++a) {
      std::string key(kActivityNames[a].id);
      const Path path = base / key;
      const Json* e = m(*v, key.c_str());
      if (!object(e, path, true)) continue;
      ActivityRule& rule = rs_.activities[a];
      known(*e, path, {"excluded", "subjects", "routes", "text", "convert", "capAnnualMultiple", "source", "publicSource",
                       "interpretation"});
      r_.boolean(m(*e, "excluded"), path / "excluded", rule.excluded, false);
      rule.subjects = mask(m(*e, "subjects"), path / "subjects", kSubjectNames, 2);
      rule.routes = mask(m(*e, "routes"), path / "routes", kRouteNames);
      if (const Json* t = m(*e, "text")) rule.text = text(t, path / "text", true);
      if (!rule.excluded) {
        const Json* conv = m(*e, "convert");
        if (object(conv, path / "convert", true)) {
          for (auto ci = conv->begin(); ci != conv->end(); ++ci)
            if (find_name(kUnitNames, ci.key()) < 0)
              r_.add("invalid_value", path / "convert" / ci.key(),
                     message_text(M::rule_unknown_unit));
          for (int u = 0; u < kUnitCount; ++u) unit_rule(*conv, path / "convert", Unit(u), rule.units[u]);
        }
        r_.integer(m(*e, "capAnnualMultiple"), path / "capAnnualMultiple", 1, 10, rule.cap_annual_multiple, false);
      } else if (rule.text.empty()) {
        r_.missing(path / "text");
      }
      cited(*e, path, rule);
      if (const Json* ps = m(*e, "publicSource")) rule.public_source = source(ps, path / "publicSource");
    }
  }

  static constexpr std::string_view kFormEachNames[] = {"record", "year", "once"};

  // A field's fill: one of kFormFills, allowed in a form of this kind.
  bool form_fill(const Json* v, const Path& path, FormEach each, FormFill& out) {
    std::string id;
    return r_.string(v, path, 64, id, true) && form_fill(id, path, each, out);
  }
  bool form_fill(const std::string& id, const Path& path, FormEach each, FormFill& out) {
    for (size_t i = 1; i < std::size(kFormFills); ++i) {
      if (kFormFills[i].id != id) continue;
      if (!kFormFills[i].any && kFormFills[i].only != each) {
        r_.add("invalid_value", path, message_text(M::rule_form_fill_wrong_form, id, std::string(kFormEachNames[int(each)])));
        return false;
      }
      out = FormFill(i);
      return true;
    }
    r_.add("invalid_value", path, message_text(M::rule_form_fill_unknown, id));
    return false;
  }

  void forms(const Json* v) {
    if (!array(v, "/forms", false)) return;
    const Path base = "/forms";
    std::set<std::string> ids;
    size_t i = 0;
    for (const Json* x = v->first(); x; x = x->next(), ++i) {
      const Path path = base / i;
      if (!object(x, path, true)) continue;
      const Json& e = *x;
      known(e, path, {"id", "title", "attachment", "source", "interpretation", "purpose", "when", "fields", "rows", "note"});
      Form f;
      if (r_.string(m(e, "id"), path / "id", 64, f.id, true) && !ids.insert(f.id).second)
        r_.add("invalid_value", path / "id", message_text(M::rule_duplicate_id));
      r_.string(m(e, "title"), path / "title", 500, f.title, true);
      r_.string(m(e, "attachment"), path / "attachment", 64, f.attachment, true);
      r_.string(m(e, "note"), path / "note", 2000, f.note, false);
      f.purpose = text(m(e, "purpose"), path / "purpose", true);
      cited(e, path, f);
      // Every form cites the clause that calls for it, and names its attachment there.
      if (!f.attachment.empty() && f.source.clause.find(f.attachment) == std::string::npos)
        r_.add("invalid_value", path / "source" / "clause", message_text(M::rule_form_attachment_not_cited, f.attachment));
      if (const Json* w = m(e, "when"); object(w, path / "when", true)) {
        const Path wp = path / "when";
        known(*w, wp, {"each", "routes", "activities", "subjects", "filed", "circumstances"});
        std::string each;
        if (r_.string(m(*w, "each"), wp / "each", 16, each, true)) {
          bool found = false;
          for (int k = 0; k < 3; ++k)
            if (kFormEachNames[k] == each) f.each = FormEach(k), found = true;
          if (!found) r_.add("invalid_value", wp / "each", message_text(M::input_not_a_choice, each, Text{"record, year, once", "record, year, once"}));
        }
        f.routes = mask(m(*w, "routes"), wp / "routes", kRouteNames);
        f.activities = mask(m(*w, "activities"), wp / "activities", kActivityNames);
        f.subjects = mask(m(*w, "subjects"), wp / "subjects", kSubjectNames, 2);
        if (const Json* fl = m(*w, "filed"); array(fl, wp / "filed", false)) {
          for (const Json* y = fl->first(); y; y = y->next()) {
            if (y->is_null()) f.filed_null = true;
            else if (y->is_boolean()) (y->boolean() ? f.filed_true : f.filed_false) = true;
            else r_.add("invalid_value", wp / "filed", message_text(M::rule_form_when_filed));
          }
        } else {
          f.filed_true = f.filed_false = f.filed_null = true;  // any record
        }
        if (const Json* cs = m(*w, "circumstances"); array(cs, wp / "circumstances", false)) {
          size_t k = 0;
          for (const Json* y = cs->first(); y; y = y->next(), ++k) {
            int c = -1;
            if (r_.choice(y, wp / "circumstances" / k, kCircumstanceNames, c, true)) f.circumstances.push_back(c);
          }
        }
        if (f.each == FormEach::once && f.circumstances.empty())
          r_.add("missing", wp / "circumstances", message_text(M::rule_form_when_circumstances));
      }
      if (const Json* fs = m(e, "fields"); array(fs, path / "fields", true)) {
        size_t k = 0;
        for (const Json* y = fs->first(); y; y = y->next(), ++k) {
          const Path fields = path / "fields", fp = fields / k;
          if (!object(y, fp, true)) continue;
          known(*y, fp, {"label", "en", "from", "template", "printed", "sameLine"});
          FormField fd;
          r_.string(m(*y, "label"), fp / "label", 200, fd.label, true);
          r_.string(m(*y, "en"), fp / "en", 200, fd.label_en, true);
          r_.string(m(*y, "printed"), fp / "printed", 500, fd.printed, false);
          r_.boolean(m(*y, "sameLine"), fp / "sameLine", fd.same_line, false);
          const Json* from = m(*y, "from");
          const Json* tpl = m(*y, "template");
          if (from && tpl) r_.add("invalid_value", fp, message_text(M::rule_form_fill_or_template));
          if (from && !from->is_null()) form_fill(from, fp / "from", f.each, fd.fill);
          if (tpl) template_parts(tpl, fp / "template", f.each, fd.parts);
          f.fields.push_back(std::move(fd));
        }
      }
      if (const Json* rw = m(e, "rows"); object(rw, path / "rows", false)) {
        const Path rp = path / "rows";
        known(*rw, rp, {"field", "from", "columns"});
        f.has_rows = true;
        FormFill fill = FormFill::blank;
        if (form_fill(m(*rw, "from"), rp / "from", f.each, fill) && fill != FormFill::result_activities)
          r_.add("invalid_value", rp / "from", message_text(M::rule_form_fill_unknown, std::string(kFormFills[int(fill)].id)));
        if (r_.string(m(*rw, "field"), rp / "field", 200, f.rows_field, true)) {
          bool found = false;
          for (const auto& fd : f.fields) found |= fd.label == f.rows_field;
          if (!found) r_.add("invalid_value", rp / "field", message_text(M::rule_form_rows_field, f.rows_field));
        }
        if (const Json* cs = m(*rw, "columns"); array(cs, rp / "columns", true)) {
          size_t k = 0;
          for (const Json* y = cs->first(); y; y = y->next(), ++k) {
            const Path columns = rp / "columns", cp = columns / k;
            if (!object(y, cp, true)) continue;
            known(*y, cp, {"label", "en", "from"});
            FormColumnSpec c;
            r_.string(m(*y, "label"), cp / "label", 200, c.label, true);
            r_.string(m(*y, "en"), cp / "en", 200, c.label_en, true);
            std::string from;
            if (r_.string(m(*y, "from"), cp / "from", 16, from, true)) {
              bool found = false;
              for (size_t n = 0; n < std::size(kFormColumns); ++n)
                if (kFormColumns[n] == from) c.from = FormColumn(n), found = true;
              if (!found)
                r_.add("invalid_value", cp / "from", message_text(M::input_not_a_choice, from, Text{"period, activity, clause, hours", "period, activity, clause, hours"}));
            }
            f.columns.push_back(std::move(c));
          }
        }
      }
      rs_.forms.push_back(std::move(f));
    }
  }

  // "经审验，{result.year}年…": literal texts and fills in braces.
  void template_parts(const Json* v, const Path& path, FormEach each, std::vector<FormPart>& parts) {
    std::string t;
    if (!r_.string(v, path, 500, t, true)) return;
    size_t at = 0;
    while (at < t.size()) {
      size_t open = t.find('{', at), close = t.find('}', at);
      if (open == std::string::npos) {
        if (close != std::string::npos) return r_.add("invalid_value", path, message_text(M::rule_form_template));
        parts.push_back({t.substr(at), FormFill::blank});
        break;
      }
      close = t.find('}', open);
      if (close == std::string::npos || t.find('}', at) < open) return r_.add("invalid_value", path, message_text(M::rule_form_template));
      if (open > at) parts.push_back({t.substr(at, open - at), FormFill::blank});
      std::string name = t.substr(open + 1, close - open - 1);
      FormPart part;
      if (form_fill(name, path, each, part.fill)) parts.push_back(std::move(part));
      at = close + 1;
    }
  }

  void filing(const Json* v) {
    if (!object(v, "/filing", false)) return;
    Filing& f = rs_.filing;
    f.present = true;
    known(*v, "/filing", {"activities", "subjects", "source", "text", "interpretation"});
    f.activities = activity_mask(m(*v, "activities"), "/filing/activities");
    if (!m(*v, "activities")) r_.missing("/filing/activities");
    f.subjects = mask(m(*v, "subjects"), "/filing/subjects", kSubjectNames, 2);
    cited(*v, "/filing", f);
    f.text = text(m(*v, "text"), "/filing/text", true);
  }

  static bool carries(CircumstanceKind k, std::string_view field) {
    std::string_view fields = kCircumstanceFields[int(k)];
    for (size_t at = 0; at <= fields.size();) {
      size_t end = fields.find(',', at);
      if (end == std::string_view::npos) end = fields.size();
      if (fields.substr(at, end - at) == field) return true;
      at = end + 1;
    }
    return false;
  }

  // "MM-DD": a day of every year.
  bool month_day(const Json* v, const Path& path, int& out, bool required) {
    std::string s;
    if (!r_.string(v, path, 5, s, required)) return false;
    bool shape = s.size() == 5 && s[2] == '-';
    for (size_t i : {0, 1, 3, 4}) shape = shape && s[i] >= '0' && s[i] <= '9';
    int md = shape ? std::stoi(s.substr(0, 2)) * 100 + std::stoi(s.substr(3, 2)) : 0;
    if (!shape || !valid_date(20240000 + md)) {
      r_.add("invalid_date", path, message_text(M::rule_day_mmdd));
      return false;
    }
    out = md;
    return true;
  }

  // When the hours of a year can still be earned: the year's own period, and whether past years
  // may be made up (CONTRACT §4.2 canComplete / deadline).
  void deadlines(const Json* v) {
    if (!object(v, "/deadlines", true)) return;
    Deadlines& d = rs_.deadlines;
    known(*v, "/deadlines", {"sameYear", "pastYears", "notes"});
    if (const Json* y = m(*v, "sameYear"); object(y, "/deadlines/sameYear", true)) {
      known(*y, "/deadlines/sameYear", {"from", "until", "studyPeriod", "source", "interpretation"});
      month_day(m(*y, "from"), "/deadlines/sameYear/from", d.same_year.from, false);
      month_day(m(*y, "until"), "/deadlines/sameYear/until", d.same_year.until, false);
      r_.boolean(m(*y, "studyPeriod"), "/deadlines/sameYear/studyPeriod", d.same_year.study_period, false);
      cited(*y, "/deadlines/sameYear", d.same_year);
    }
    if (const Json* y = m(*v, "pastYears"); object(y, "/deadlines/pastYears", true)) {
      known(*y, "/deadlines/pastYears", {"makeUp", "from", "until", "source", "interpretation"});
      r_.boolean(m(*y, "makeUp"), "/deadlines/pastYears/makeUp", d.past_years.make_up, true);
      r_.date(m(*y, "from"), "/deadlines/pastYears/from", d.past_years.from, false);
      r_.date(m(*y, "until"), "/deadlines/pastYears/until", d.past_years.until, false);
      if ((d.past_years.from || d.past_years.until) && !d.past_years.make_up)
        r_.add("invalid_value", "/deadlines/pastYears", message_text(M::rule_make_up_period_without_make_up));
      cited(*y, "/deadlines/pastYears", d.past_years);
    }
    if (const Json* ns = m(*v, "notes"); array(ns, "/deadlines/notes", false)) {
      const Path base = "/deadlines/notes";
      size_t i = 0;
      for (const Json* x = ns->first(); x; x = x->next(), ++i) {
        const Path path = base / i;
        const Json& e = *x;
        if (!object(&e, path, true)) continue;
        known(e, path, {"date", "text", "source", "interpretation"});
        DeadlineNote n;
        r_.date(m(e, "date"), path / "date", n.date, true);
        n.text = text(m(e, "text"), path / "text", true);
        cited(e, path, n);
        d.notes.push_back(std::move(n));
      }
    }
  }

  void own_department(const Json* v) {
    if (!object(v, "/ownDepartment", false)) return;
    OwnDepartment& o = rs_.own_department;
    o.present = true;
    known(*v, "/ownDepartment", {"series", "subjects", "source", "text", "interpretation"});
    o.series = mask(m(*v, "series"), "/ownDepartment/series", kSeriesNames);
    o.subjects = mask(m(*v, "subjects"), "/ownDepartment/subjects", kSubjectNames, 2);
    if (!m(*v, "series")) r_.missing("/ownDepartment/series");
    o.text = text(m(*v, "text"), "/ownDepartment/text", true);
    cited(*v, "/ownDepartment", o);
  }

  void adjustments(const Json* v) {
    if (!array(v, "/adjustments", true)) return;
    const Path base = "/adjustments";
    std::set<std::string> ids;
    size_t i = 0;
    for (const Json* x = v->first(); x; x = x->next(), ++i) {
      const Path path = base / i;
      const Json& e = *x;
      if (!object(&e, path, true)) continue;
      Adjustment a;
      known(e, path, {"id", "when", "effect", "window", "count", "deemYears", "deemAnyYear", "source", "text",
                      "interpretation"});
      if (r_.string(m(e, "id"), path / "id", 64, a.id, true) && !ids.insert(a.id).second)
        r_.add("invalid_value", path / "id", message_text(M::rule_duplicate_id));
      when(m(e, "when"), path / "when", a);
      int effect = 0;
      if (r_.choice(m(e, "effect"), path / "effect", kEffectNames, effect, true)) a.effect = Effect(effect);
      if (a.effect == Effect::replace_requirement) {
        window(m(e, "window"), path / "window", a.window, false);
        a.count = count(m(e, "count"), path / "count");
      }
      if (a.effect == Effect::deem_years) r_.integer(m(e, "deemYears"), path / "deemYears", 1, 10, a.deem_years, true);
      if (a.effect == Effect::deem_years) r_.boolean(m(e, "deemAnyYear"), path / "deemAnyYear", a.deem_any_year, false);
      bool needs_circumstance = a.effect == Effect::waive_circumstance_years ||
                                a.effect == Effect::years_since_circumstance || a.effect == Effect::years_in_post;
      if (needs_circumstance && a.circumstance < 0)
        r_.add("missing", path / "when" / "circumstance",
               message_text(M::rule_effect_needs_circumstance));
      // An effect reads a field of its circumstance: the circumstance must carry it (vocabulary).
      const char* field = a.effect == Effect::waive_circumstance_years ? "years"
                          : a.effect == Effect::years_since_circumstance ? "year"
                          : a.effect == Effect::years_in_post ? "yearsInPost" : nullptr;
      if (field && a.circumstance >= 0 && !carries(CircumstanceKind(a.circumstance), field))
        r_.add("invalid_value", path / "effect",
               message_text(M::rule_effect_needs_field, Text{std::string(kCircumstanceNames[a.circumstance].zh), std::string(kCircumstanceNames[a.circumstance].id)}, field));
      a.text = text(m(e, "text"), path / "text", true);
      cited(e, path, a);
      rs_.adjustments.push_back(std::move(a));
    }
  }

  void when(const Json* v, const Path& path, Adjustment& a) {
    if (!object(v, path, true)) return;
    static const char* kKeys[] = {"routes", "levels", "applicationYears", "ageAtLeast", "sector",
                                  "grassroots", "circumstance", "minFullYears", "circumstanceYears"};
    for (auto it = v->begin(); it != v->end(); ++it) {
      bool known = false;
      for (const char* k : kKeys) known |= it.key() == k;
      if (!known)
        r_.add("invalid_value", path / it.key(), message_text(M::rule_unknown_condition));
    }
    a.routes = mask(m(*v, "routes"), path / "routes", kRouteNames);
    a.levels = mask(m(*v, "levels"), path / "levels", kLevelNames);
    if (const Json* ys = m(*v, "applicationYears"); array(ys, path / "applicationYears", false)) {
      size_t i = 0;
      for (const Json* x = ys->first(); x; x = x->next(), ++i) {
        int y = 0;
        if (r_.integer(x, path / "applicationYears" / i, 1990, 2100, y, true))
          a.application_years.push_back(y);
      }
    }
    if (const Json* age = m(*v, "ageAtLeast"); object(age, path / "ageAtLeast", false)) {
      a.has_age = true;
      known(*age, path / "ageAtLeast", {"male", "female"});
      r_.integer(m(*age, "male"), path / "ageAtLeast" / "male", 16, 100, a.age_male, true);
      r_.integer(m(*age, "female"), path / "ageAtLeast" / "female", 16, 100, a.age_female, true);
    }
    int sector = 0;
    if (r_.choice(m(*v, "sector"), path / "sector", kSectorNames, sector, false)) {
      a.has_sector = true;
      a.sector = Sector(sector);
    }
    if (r_.boolean(m(*v, "grassroots"), path / "grassroots", a.grassroots, false)) a.has_grassroots = true;
    int c = -1;
    if (r_.choice(m(*v, "circumstance"), path / "circumstance", kCircumstanceNames, c, false)) a.circumstance = c;
    r_.integer(m(*v, "minFullYears"), path / "minFullYears", 0, 50, a.min_full_years, false);
    if (const Json* cy = m(*v, "circumstanceYears"); object(cy, path / "circumstanceYears", false)) {
      known(*cy, path / "circumstanceYears", {"from", "to"});
      r_.integer(m(*cy, "from"), path / "circumstanceYears" / "from", 1990, 2100, a.years_from, true);
      a.years_to = 2100;
      r_.integer(m(*cy, "to"), path / "circumstanceYears" / "to", 1990, 2100, a.years_to, false);
      if (a.years_to < a.years_from)
        r_.add("out_of_range", path / "circumstanceYears", message_text(M::rule_from_after_to));
      if (a.circumstance < 0 || !carries(CircumstanceKind(a.circumstance), "years"))
        r_.add("invalid_value", path / "circumstanceYears",
               message_text(M::rule_circumstance_without_years));
    }
  }
};

}  // namespace

bool load_rule_set(const std::string& file, std::string_view text, RuleSet& rs, std::vector<Problem>& problems,
                   const JsonDoc* parsed) {
  // Absurd sizes are refused before parsing (README "Limits"); the shipped files are about 10 KB.
  if (text.size() > kMaxRuleFileBytes) {
    problems.push_back({"too_long", "", message_text(M::rule_too_long)});
    return false;
  }
  JsonDoc doc;
  if (!parsed) {
    Problem p;
    if (!parse_json(text, 32, doc, p, Lexer::nlohmann)) {
      problems.push_back(p);
      return false;
    }
    parsed = &doc;
  }
  rs.file = file;
  size_t before = problems.size();
  Reader r(problems);
  RuleReader(rs, r).read(parsed->root());
  return problems.size() == before;
}

}  // namespace jxjy
