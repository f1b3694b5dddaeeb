// The public API: rule-set selection by region and date, then parse -> evaluate -> JSON.
#include <algorithm>
#include <cstdlib>
#include <optional>
#include <map>

#include "base/cold.h"
#include "base/sort_few.h"
#include "check.h"
#include "eval/evaluate.h"
#include "forms/forms.h"
#include "rules/explain.h"
#include "jxjy/jxjy.h"
#include "result/json_writer.h"
#include "base/messages.h"
#include "profile/read_profile.h"
#include "rules/based_on.h"
#include "rules/load.h"

namespace jxjy {

const char* version() { return "1.0.0"; }

std::string message(std::string_view key, std::string_view locale) {
  for (const MessageText& m : kMessages)
    if (m.key == key) return std::string(locale == "en" ? m.en : m.zh);
  return {};
}

struct Checker::Impl {
  // The rule sets in file order, each loaded where it stays: no RuleSet is ever moved or copied (in the
  // wasm module its move constructor was 4 KB of code, for five rule sets moved once).
  std::vector<RuleSet> loaded;
  std::vector<const RuleSet*> sets;  // them, sorted by region, then validFrom

  // Parses, validates and evaluates a profile (every problem found goes into res.errors).
  // profile: where to keep the profile read (forms fill from it), when the caller wants it.
  void check(std::string_view text, Result& res, Profile* profile = nullptr) const;

  // The rule set for a region code and day: the code itself, else its city, else its province.
  const RuleSet* select(const Profile& p, Result& res) const {
    const std::string& code = p.region;
    std::string tries[] = {code, code.substr(0, 4) + "00", code.substr(0, 2) + "0000"};
    for (const std::string& c : tries) {
      const RuleSet* in_force = nullptr;
      const RuleSet* earliest = nullptr;
      for (const RuleSet* rs : sets) {
        if (rs->region != c) continue;
        if (!earliest) earliest = rs;
        if (rs->valid_from <= p.application_date) in_force = rs;
      }
      if (!earliest) continue;
      Locale l = p.locale;
      const RuleSet* rs = in_force ? in_force : earliest;
      // Catalogue warnings cite the notice that is applied, as a whole.
      const Document& notice = rs->documents.front();
      Citation whole{&notice, kWholeNotice};
      // whose notice it is, where that is not plainly the region's own (新疆: a city's notice applied region-wide)
      if (rs->scope) res.warnings.push_back({"rule_set_scope", rs->scope->in(l), whole});
      if (c != code)
        res.warnings.push_back({"region_fallback",
                                message(res.texts, l, M::region_fallback, code,
                                    rs->region_name.in(l), notice.title),
                                whole});
      if (!in_force) {
        // The clause that sets the start date, when the notice states one (新疆 三2); else the notice's date.
        Citation start = whole;
        if (const auto& s = rs->valid_from_source) start = {&rs->documents[size_t(s->doc)], s->clause, &s->json};
        res.warnings.push_back({"rule_set_not_in_force",
                                message(res.texts, l, M::rule_set_not_in_force, notice.title), start});
      }
      else if (rs->annual_notice && rs->notice_year < p.year)
        res.warnings.push_back({"rule_set_outdated",
                                message(res.texts, l, M::rule_set_outdated,
                                    std::to_string(rs->notice_year), std::to_string(p.year)),
                                {&rs->documents.front(), kWholeNotice}});
      return rs;
    }
    res.errors.push_back({"region_not_covered", "/region",
                          message_text(M::region_not_covered, code)});
    return nullptr;
  }
};

// Which records have errors, when every error is inside a record or a circumstance; else nothing.
static std::optional<std::vector<bool>> records_with_errors(const std::vector<Problem>& errors, size_t records) {
  std::vector<bool> skip(records, false);
  for (const auto& e : errors) {
    const std::string& path = e.path;
    if (path.rfind("/circumstances/", 0) == 0) continue;
    if (path.rfind("/training/", 0) != 0) return std::nullopt;
    size_t i = std::strtoul(path.c_str() + 10, nullptr, 10);
    if (i < records) skip[i] = true;
  }
  return skip;
}

// A problem of a patch (basedOn) whose pointer the patch does not set comes from its base: say so.
// (patch: the patch's own document, parsed once per file that has problems.)
static std::string inherited(const ResolvedRuleFile& f, const JsonDoc* patch, const Problem& p) {
  if (!patch || sets_pointer(patch->root(), p.path)) return p.message.en;
  return p.message.en + " (inherited from " + f.base + ")";
}

Checker::Checker() : impl_(std::make_unique<Impl>()) {}
Checker::~Checker() = default;

static_assert(Limits::kMaxBytes == kMaxDocumentBytes, "one size limit for documents");

JXJY_COLD std::unique_ptr<Checker> Checker::create(const std::vector<RuleFile>& files, std::vector<RuleError>& errors) {
  std::unique_ptr<Checker> c(new Checker());
  size_t before = errors.size();
  if (files.size() > kMaxRuleSets) {  // README "Limits": refused before any is read
    errors.push_back({"", "", "too_many", "at most " + std::to_string(kMaxRuleSets) + " rule sets, not " + std::to_string(files.size())});
    return nullptr;
  }
  std::map<std::string, std::string> ids;
  const std::vector<ResolvedRuleFile> resolved = resolve_based_on(files, errors);
  // Each rule set is read into its place (a vector made at its size moves no element); one that fails
  // leaves its place unused, and the Checker is then not made.
  std::vector<RuleSet> loaded(resolved.size());
  for (size_t k = 0; k < resolved.size(); ++k) {
    const ResolvedRuleFile& f = resolved[k];
    std::vector<Problem> problems;
    RuleSet* rs = load_rule_set(f.name, f.text(), loaded[k], problems, f.doc.get()) ? &loaded[k] : nullptr;
    JsonDoc patch;
    Problem unused;
    bool patch_read = !problems.empty() && !f.base.empty() &&
                      parse_json(f.given, 32, patch, unused, Lexer::nlohmann);  // 32: as rule files are read
    for (auto& p : problems) errors.push_back({f.name, p.path, p.code, inherited(f, patch_read ? &patch : nullptr, p)});
    if (!rs) continue;
    if (auto it = ids.find(rs->id); it != ids.end()) {
      errors.push_back({f.name, "/id", "duplicate_id", "rule set id \"" + rs->id + "\" is also used by " + it->second});
      continue;
    }
    ids[rs->id] = f.name;
    serialise_once(*rs);
  }
  if (files.empty()) errors.push_back({"", "", "no_rules", "no rule files given"});
  if (errors.size() != before) return nullptr;
  // By region, then validFrom, sorted through pointers: no sort of whole rule sets is compiled (in the wasm
  // module that sort was 12 KB of code for five rule sets).
  c->impl_->loaded.swap(loaded);
  auto& sets = c->impl_->sets;
  for (const RuleSet& rs : c->impl_->loaded) sets.push_back(&rs);
  sort_few(sets.begin(), sets.end(), [](const RuleSet* x, const RuleSet* y) {
    return x->region != y->region ? x->region < y->region : x->valid_from < y->valid_from;
  });
  return c;
}

std::string Checker::evaluate(std::string_view text) const {
  bool ok;
  return evaluate(text, ok);
}

std::string Checker::evaluate(std::string_view text, bool& input_ok) const {
  std::string out;
  evaluate_into(text, out, input_ok);
  return out;
}

void Checker::Impl::check(std::string_view text, Result& res, Profile* profile) const {
  JsonDoc doc;
  Problem parse_problem;
  if (text.size() > Limits::kMaxBytes) {
    res.errors.push_back({"too_long", "", message_text(M::profile_too_long)});
  } else if (!parse_json(text, Limits::kMaxDepth, doc, parse_problem, Lexer::fast)) {
    res.errors.push_back(parse_problem);
  } else {
    const Json& root = doc.root();
    Profile p;
    std::vector<Problem> input_warnings;
    read_profile(root, p, res.errors, input_warnings);  // reads the locale first, even when other fields are wrong
    res.locale = p.locale;
    for (auto& w : input_warnings)
      res.warnings.push_back({res.texts.keep(w.code), res.texts.keep(w.message.in(res.locale)), {}, w.path});
    if (res.errors.empty()) {
      if (const RuleSet* rs = select(p, res)) {
        res.rule_set = rs;
        jxjy::evaluate(p, *rs, res);
      }
      if (profile) *profile = std::move(p);
    } else if (auto skip = records_with_errors(res.errors, p.training.size())) {
      // Only records or circumstances are wrong: still report what the rule set needs, so every
      // problem comes out at once.
      if (const RuleSet* rs = select(p, res)) check_needed_inputs(p, *rs, *skip, res.errors);
    }
  }
  res.ok = res.errors.empty();
}

void Checker::evaluate_into(std::string_view text, std::string& out, bool& input_ok) const {
  Result res;
  impl_->check(text, res);
  input_ok = res.ok;
  to_json(res, out);
}

JXJY_COLD std::string Checker::forms(std::string_view text, bool& input_ok) const {
  Result res;
  Profile p;
  impl_->check(text, res, &p);
  input_ok = res.ok;
  std::string out;
  if (!res.ok || !res.rule_set) {  // bad input: the same ok:false result as check
    to_json(res, out);
    return out;
  }
  // How the notice would count the records a filing form asks for: the same profile with them filed.
  std::vector<size_t> unfiled = records_needing_forms(p, *res.rule_set);
  Result filed;
  if (!unfiled.empty()) {
    Profile q = p;
    for (size_t i : unfiled) q.training[i].filed = true, q.training[i].filed_unknown = false;
    filed.locale = q.locale;
    jxjy::evaluate(q, *res.rule_set, filed);
  }
  write_forms(p, *res.rule_set, res, unfiled.empty() ? nullptr : &filed, out);
  return out;
}

JXJY_COLD std::string Checker::forms(std::string_view text) const {
  bool ok;
  return forms(text, ok);
}

struct CheckerAccess {
  static const Checker::Impl& impl(const Checker& c) { return *c.impl_; }
};

void check(const Checker& checker, std::string_view text, Result& res) { CheckerAccess::impl(checker).check(text, res); }

std::vector<std::pair<std::string, std::string>> rule_set_regions(const Checker& checker) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const RuleSet* rs : CheckerAccess::impl(checker).sets)
    if (out.empty() || out.back().first != rs->region) out.emplace_back(rs->region, std::string(rs->region_name.zh));
  return out;
}

JXJY_COLD std::string Checker::regions() const {
  JsonOut o;
  o.arr();
  const auto& sets = impl_->sets;
  for (size_t i = 0; i < sets.size(); ++i) {
    const RuleSet& first = *sets[i];
    o.obj().kv("region", first.region).kv("name", first.region_name.zh).kv("nameEn", first.region_name.en);
    o.key("ruleSets").arr();
    size_t j = i;
    for (; j < sets.size() && sets[j]->region == first.region; ++j) {
      const RuleSet& rs = *sets[j];
      // (DateText, not snprintf: in the wasm module printf's code is compiled on its first call, ~1 ms of
      // createChecker)
      o.obj().kv("id", rs.id).kv_int("year", rs.notice_year).kv("validFrom", DateText(rs.valid_from));
      if (!rs.based_on.empty()) o.kv("basedOn", rs.based_on);
      o.key("sources").arr();
      for (const auto& d : rs.documents) o.obj().kv("title", d.title).kv("number", d.citation()).kv("date", d.date).end_obj();
      o.end_arr();
      o.key("circumstances").arr();
      for (const auto& a : rs.adjustments) {
        if (a.circumstance < 0) continue;
        const Document& d = rs.documents[a.source.doc];
        o.obj().kv("kind", kCircumstanceNames[a.circumstance].id).kv("text", a.text.zh).kv("textEn", a.text.en);
        o.key("source").obj().kv("number", d.citation()).kv("title", d.title).kv("clause", a.source.clause).end_obj();
        o.end_obj();
      }
      o.end_arr();
      o.end_obj();
    }
    o.end_arr().end_obj();
    i = j - 1;
  }
  return o.end_arr().take();
}

JXJY_COLD std::string Checker::rule_set_for(std::string_view region, int application_date) const {
  Profile p;
  p.region = std::string(region);
  p.application_date = application_date;
  Result scratch;  // the choice's warnings and errors are not wanted here
  const RuleSet* rs = impl_->select(p, scratch);
  return rs ? rs->id : std::string();
}

JXJY_COLD std::string Checker::explain(std::string_view rule_set_id, std::string_view locale) const {
  for (const RuleSet* rs : impl_->sets)
    if (rs->id == rule_set_id || rs->file == rule_set_id) return jxjy::explain(*rs, locale == "en" ? Locale::en : Locale::zh);
  return "";
}

}  // namespace jxjy
