// A roll's results as CSV for people (jxjy roll): one line per person, the verdict and what is still
// missing by when, in the vocabulary's words.
#include <nlohmann/json.hpp>
#include <string>

#include "jxjy/jxjy.h"
#include "base/names.h"

namespace jxjy {
namespace {

void csv_cell(std::string& out, std::string_view v) {
  bool quote = v.find_first_of(",;\"\r\n") != std::string_view::npos;
  // A cell a spreadsheet would run as a formula is written as text (CSV injection).
  bool formula = !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@');
  if (!quote && !formula) {
    out += v;
    return;
  }
  out += '"';
  if (formula) out += '\'';
  for (char c : v) (c == '"' ? out += "\"\"" : out += c);
  out += '"';
}

std::string number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

}  // namespace

std::string roll_results_csv(const Checker& checker, const Roll& roll, std::string_view locale, bool& all_ok) {
  const Locale l = locale == "en" ? Locale::en : Locale::zh;
  const std::string_view sep = l == Locale::en ? "; " : "；";
  all_ok = roll.errors.empty();
  std::string out;
  for (size_t i = 0; i < std::size(kRollResultColumnNames); ++i) {
    if (i) out += ',';
    csv_cell(out, word(kRollResultColumnNames, unsigned(i), l));
  }
  out += "\r\n";
  for (const auto& p : roll.people) {
    std::string status = "error", rule_set, shortfall, can, deadline, warnings, errors;
    std::string rows;
    rows = std::to_string(p.first_row);
    if (!p.rows.empty() && p.rows.back() != p.first_row) rows += "-" + std::to_string(p.rows.back());
    for (const auto& e : p.errors) (errors += errors.empty() ? "" : std::string(sep)) += e.message;
    if (p.errors.empty()) {
      bool ok = false;
      auto r = nlohmann::json::parse(checker.evaluate(p.profile, ok));
      if (!ok) {
        for (const auto& e : r["errors"]) {
          std::string where = e.value("path", "");
          // /training/N points at a record: say its row.
          if (where.rfind("/training/", 0) == 0) {
            size_t k = std::strtoul(where.c_str() + 10, nullptr, 10);
            if (k < p.rows.size())
              where = (l == Locale::en ? "row " : "第 ") + std::to_string(p.rows[k]) + (l == Locale::en ? "" : " 行");
          }
          (errors += errors.empty() ? "" : std::string(sep)) += e.value("message", "") + (where.empty() ? "" : " (" + where + ")");
        }
      } else {
        status = r.value("status", "error");
        rule_set = r["ruleSet"].value("id", "");
        bool all_can = true;
        std::string first_deadline;
        for (const auto& s : r["shortfall"]) {
          int subj = find_name(kSubjectNames, s.value("subject", ""));
          (shortfall += shortfall.empty() ? "" : std::string(sep)) +=
              std::to_string(s.value("year", 0)) + " " +
              std::string(subj >= 0 ? word(kSubjectNames, unsigned(subj), l) : s.value("subject", "")) + " " +
              number_text(s.value("hours", 0.0)) + (l == Locale::en ? " h" : " 学时");
          all_can = all_can && s.value("canComplete", true);
          if (s.contains("deadline") && s["deadline"].is_string()) {
            std::string d = s["deadline"];
            if (first_deadline.empty() || d < first_deadline) first_deadline = d;
          }
        }
        if (!r["shortfall"].empty()) {
          can = std::string(word(kYesNoNames, all_can ? 0 : 1, l));
          deadline = first_deadline;
        }
        for (const auto& w : r["warnings"])
          (warnings += warnings.empty() ? "" : std::string(sep)) += w.value("code", "") + ": " + w.value("message", "");
      }
    }
    if (status == "error") all_ok = false;
    int st = find_name(kStatusNames, status);
    std::string cells[] = {p.name, rows, std::string(word(kStatusNames, unsigned(st < 0 ? 4 : st), l)), rule_set,
                           shortfall, can, deadline, warnings, errors};
    for (size_t i = 0; i < std::size(cells); ++i) {
      if (i) out += ',';
      csv_cell(out, cells[i]);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace jxjy
