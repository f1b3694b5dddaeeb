// A roll's results as CSV for people (jxjy roll): one line per person, the verdict and what is still
// missing by when, in the vocabulary's words. Reads each person's Result directly (no JSON round trip).
#include <string>

#include "check.h"
#include "jxjy/jxjy.h"
#include "base/messages.h"
#include "base/names.h"
#include "result/write.h"
#include "roll/csv.h"

namespace jxjy {
namespace {

// A plain number (30, -2.5): a spreadsheet reads it as the number it is, never as a formula.
bool plain_number(std::string_view v) {
  size_t i = !v.empty() && v[0] == '-' ? 1 : 0, digits = 0, dots = 0;
  for (; i < v.size(); ++i) {
    if (v[i] >= '0' && v[i] <= '9') ++digits;
    else if (v[i] == '.' && digits && !dots) ++dots;
    else return false;
  }
  return digits && v.back() != '.';
}

}  // namespace

// csv.h: the formula guard of every cell written.
void csv::write_cell(std::string& out, std::string_view raw) {
  std::string v;
  v.reserve(raw.size());
  for (char c : raw)
    if ((static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) || c == '\t' || c == '\r' || c == '\n') v += c;
  size_t first = v.find_first_not_of(" \t\r\n");
  bool formula = !v.empty() && !plain_number(v) &&
                 (v[0] == '\t' || v[0] == '\r' || v[0] == '\n' ||
                  (first != std::string::npos && std::string_view("=+-@").find(v[first]) != std::string_view::npos));
  bool quote = formula || v.find_first_of(",;\"\r\n") != std::string::npos;
  if (quote) out += '"';
  if (formula) out += '\'';
  for (char c : v) (c == '"' ? out += "\"\"" : out += c);
  if (quote) out += '"';
}

namespace {

void csv_cell(std::string& out, std::string_view v) { csv::write_cell(out, v); }

template <class... A>
std::string say(Locale l, M m, const A&... args) {
  const MessageText& t = kMessages[int(m)];
  return fill(l == Locale::en ? t.en : t.zh, {std::string_view(args)...});
}

// The spreadsheet column of a profile field, from the vocabulary's rollColumn paths: "/region" is 地区,
// a record's "level" is 会议级别, its "days" (any unit: "{unit}") is 数量. -1: none (no column for it).
int column_of(std::string_view field, bool in_record) {
  constexpr std::string_view kRecord = "/training/-/";
  for (size_t c = 0; c < std::size(kRollColumnPaths); ++c) {
    std::string_view path = kRollColumnPaths[c];
    if (path.empty() || (path.rfind(kRecord, 0) == 0) != in_record) continue;
    std::string_view f = path.substr(in_record ? kRecord.size() : 1);
    if (f == field || (f == "{unit}" && find_name(kUnitNames, field) >= 0)) return int(c);
  }
  return -1;
}

// An input problem of a person's profile said where the clerk finds it: the row and column, not a
// JSON Pointer.
std::string in_sheet(const Problem& e, const RollPerson& p, Locale l) {
  const std::string& msg = e.message.in(l);
  const RollPlace at = roll_place(e.path, p.rows);
  int c = find_name(kRollColumnNames, at.column);
  std::string col = c >= 0 ? std::string(word(kRollColumnNames, unsigned(c), l)) : "";
  if (at.row && c >= 0) return say(l, M::roll_at_cell, std::to_string(at.row), col, msg);
  if (at.row) return say(l, M::roll_at_row, std::to_string(at.row), msg);
  if (c >= 0) return say(l, M::roll_in_column, col, msg);
  return msg;
}

}  // namespace

RollPlace roll_place(std::string_view path, const std::vector<size_t>& rows) {
  RollPlace at;
  std::string_view rest;
  bool in_record = path.rfind("/training/", 0) == 0;
  if (in_record) {
    path.remove_prefix(10);
    // the record's index: digits only ("/training/x" names no record, nor does an index past rows)
    std::string_view index = path.substr(0, path.find('/'));
    size_t k = index.empty() ? rows.size() : 0;
    for (char d : index) k = d >= '0' && d <= '9' && k < rows.size() ? k * 10 + size_t(d - '0') : rows.size();
    if (k < rows.size()) at.row = rows[k];
    rest = path.find('/') == std::string_view::npos ? "" : path.substr(path.find('/') + 1);
  } else if (!path.empty()) {
    rest = path.substr(1);
  }
  int c = rest.empty() ? -1 : column_of(rest.substr(0, rest.find('/')), in_record);
  if (c >= 0) at.column = kRollColumnNames[c].id;
  return at;
}

std::string roll_results_header(std::string_view locale) {
  const Locale l = locale == "en" ? Locale::en : Locale::zh;
  std::string out;
  for (size_t i = 0; i < std::size(kRollResultColumnNames); ++i) {
    if (i) out += ',';
    csv_cell(out, word(kRollResultColumnNames, unsigned(i), l));
  }
  out += "\r\n";
  return out;
}

void roll_results_line(const Checker& checker, const RollPerson& p, std::string_view locale, std::string& out,
                       bool& ok) {
  const Locale l = locale == "en" ? Locale::en : Locale::zh;
  const std::string_view sep = catalogue_text(M::list_semicolon, l);
  auto add = [&](std::string& list, std::string_view item) { (list += list.empty() ? "" : std::string(sep)) += item; };
  std::string_view status = "error";
  bool conditional = false;  // the verdict depends on records of unknown filing (Result::conditional)
  std::string rule_set, shortfall, can, deadline, warnings, errors;
  for (const auto& e : p.errors) add(errors, e.message);
  for (const auto& w : p.warnings) add(warnings, w.message);
  if (p.errors.empty()) {
    Result r;
    // The profile is language-neutral; its result speaks the CSV's language.
    check(checker, l == Locale::en ? "{\"locale\":\"en\"," + p.profile.substr(1) : p.profile, r);
    if (!r.ok) {
      for (const auto& e : r.errors) add(errors, in_sheet(e, p, l));
    } else {
      status = status_name(r.status);
      if (r.rule_set) rule_set = r.rule_set->id;
      bool all_can = true;
      std::string_view first_deadline;
      for (const auto& s : r.shortfall) {
        add(shortfall, std::to_string(s.year) + " " + std::string(word(kSubjectNames, unsigned(s.subject), l)) + " " +
                           Num(hours_of(up_to_cents(s.hours))).str() + " " +
                           std::string(word(kUnitNames, unsigned(Unit::hours), l)));
        all_can = all_can && s.can_complete;
        if (!s.deadline.empty() && (first_deadline.empty() || s.deadline < first_deadline)) first_deadline = s.deadline;
      }
      if (!r.shortfall.empty()) {
        can = std::string(word(kYesNoNames, all_can ? 0 : 1, l));
        deadline = std::string(first_deadline);
      }
      // a record the engine leaves out (or credits in part) is said at its row, with the reason
      for (const auto& rec : r.records)
        if (rec.has_reason && size_t(rec.index) < p.rows.size())
          add(warnings, say(l, M::roll_at_row, std::to_string(p.rows[size_t(rec.index)]), rec.reason.message));
      for (const auto& w : r.warnings) add(warnings, w.message);
      conditional = r.conditional;
    }
  }
  ok = status != "error";
  int st = find_name(kStatusNames, status);
  std::string verdict(word(kStatusNames, unsigned(st < 0 ? 4 : st), l));
  // a verdict that holds only if records of unknown filing were filed is never a bare 达标 (CONTRACT §5.1)
  if (conditional) verdict = say(l, M::roll_status_conditional, verdict);
  std::string cells[] = {p.name, csv::row_ranges(p.all_rows, catalogue_text(M::list_sep, l), "-"), verdict, rule_set,
                         shortfall, can, deadline, warnings, errors};
  for (size_t i = 0; i < std::size(cells); ++i) {
    if (i) out += ',';
    csv_cell(out, cells[i]);
  }
  out += "\r\n";
}

std::string roll_results_csv(const Checker& checker, const Roll& roll, std::string_view locale, bool& all_ok) {
  all_ok = roll.errors.empty();
  std::string out = roll_results_header(locale);
  for (const auto& p : roll.people) {
    bool ok = true;
    roll_results_line(checker, p, locale, out, ok);
    all_ok = all_ok && ok;
  }
  return out;
}

}  // namespace jxjy
