// The roll spreadsheet (one row per training record of many people) read into profiles: the one
// reader for `jxjy roll` and the page. Headers and values are the vocabulary's words (zh, en, id or
// an "also" word of core/data/vocabulary.json), so no second table of Chinese words exists.
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "jxjy/jxjy.h"
#include "base/messages.h"
#include "base/names.h"
#include "roll/csv.h"

namespace jxjy {
namespace {

enum Col {
  person, personId, region, applicationYear, applicationDate, checkDate, route, level, gender, age, birthDate, education,
  sector, series, currentTitleSince, year, subject, activity, amount, unit, start, end, confLevel, filed, note,
  kColCount
};
static_assert(std::size(kRollColumnNames) == kColCount, "rollColumn of vocabulary.json follows enum Col");
constexpr Col kFirstRecordCol = year;

std::string_view trim(std::string_view s) {
  auto sp = [](std::string_view t, size_t i) { return t[i] == ' ' || t[i] == '\t'; };
  while (!s.empty() && sp(s, 0)) s.remove_prefix(1);
  while (!s.empty() && sp(s, s.size() - 1)) s.remove_suffix(1);
  // a full-width space (U+3000) at either end, as typed with a Chinese input method
  while (s.size() >= 3 && s.substr(0, 3) == "\xE3\x80\x80") s.remove_prefix(3);
  while (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") s.remove_suffix(3);
  return s;
}

bool ieq(std::string_view a, std::string_view b) {  // ASCII case-insensitive
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = char(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = char(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool in_list(std::string_view list, std::string_view w) {  // comma-joined "also" words
  while (!list.empty()) {
    size_t c = list.find(',');
    if (ieq(list.substr(0, c), w)) return true;
    if (c == std::string_view::npos) break;
    list.remove_prefix(c + 1);
  }
  return false;
}

// Index of the entry whose id, zh, en or "also" word is `w`, or -1.
// limit: only the first entries are values of this column (a record's subject is never "total").
template <size_t N>
int lookup(const Name (&table)[N], const std::string_view (&also)[N], std::string_view w, size_t limit = N) {
  for (size_t i = 0; i < N && i < limit; ++i)
    if (ieq(table[i].id, w) || table[i].zh == w || ieq(table[i].en, w) || in_list(also[i], w)) return int(i);
  return -1;
}

// "30", "30.5", "30学时", "2023年": the number (digits and at most one point, as JSON writes it)
// and what follows it.
bool number(std::string_view s, double& v, std::string_view& rest, std::string* json = nullptr) {
  size_t i = 0, dots = 0, digits = 0;
  for (; i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.'); ++i) (s[i] == '.' ? dots : digits)++;
  if (digits == 0 || dots > 1) return false;
  std::string n(s.substr(0, i));
  if (n.front() == '.') n.insert(0, "0");
  if (n.back() == '.') n += '0';
  while (n.size() > 1 && n[0] == '0' && n[1] != '.') n.erase(0, 1);
  v = std::strtod(n.c_str(), nullptr);
  rest = trim(s.substr(i));
  if (json) *json = n;
  return true;
}

bool integer(std::string_view s, long& v) {  // "2023", "2023年", "47岁"
  double d;
  std::string_view rest;
  // the range first: a cast of 1e106 to long is undefined (found by fuzz_roll)
  if (!number(s, d, rest) || !(d <= 1e6) || d != std::floor(d)) return false;
  if (!rest.empty() && rest != "年" && rest != "岁" && rest != "年度") return false;
  v = long(d);
  return true;
}

bool is_date(std::string_view s) {  // YYYY-MM-DD (the core checks the calendar)
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

// A message of the catalogue (core/data/messages.json) in the roll's language.
struct Texts {
  Locale l;
  template <class... A>
  std::string operator()(M m, const A&... args) const {
    const MessageText& t = kMessages[int(m)];
    return fill(l == Locale::en ? t.en : t.zh, {std::string_view(args)...});
  }
};

struct Person {
  std::string name;
  std::string id;  // the ID column's value (身份证号, 工号, 人员编号), "" without one
  size_t first_row = 0;
  std::string fields[kFirstRecordCol];  // profile fields as written (trimmed), "" when not given
  size_t field_row[kFirstRecordCol] = {};
  std::vector<std::string> records;  // JSON objects
  std::vector<size_t> rows, all_rows;
  std::vector<RollError> errors;
};

// "detail": the message without its place; "" when the message names none
void fail(std::vector<RollError>& to, size_t row, std::string column, std::string code, std::string msg,
          std::string detail = "") {
  if (detail.empty()) detail = msg;
  to.push_back({row, std::move(column), std::move(code), std::move(msg), std::move(detail)});
}

}  // namespace

// The reader in two passes, so a roll of 700,000 rows never holds more than its text and an index:
// the first pass (the constructor) reads the header and finds who each row is (its person), the file's
// errors and the namesake warnings; person(i) then reads that person's rows again from where they
// start in the text, into their profile. Row numbers are the record's, 1 = the header.
struct RollReader::Impl {
  std::string_view text;  // after the BOM; the caller's (must outlive the reader)
  Texts t;
  char sep = ',';
  std::vector<std::string> header;
  std::vector<int> col_of;  // per header cell: its column, -1 none
  int at[kColCount];        // per column: its header cell, -1 none
  std::vector<RollError> errors;
  std::vector<size_t> row_start;        // per record (index = row number - 1): where it starts in text
  std::vector<uint32_t> person_begin;   // person i's rows: person_rows[person_begin[i] .. person_begin[i+1])
  std::vector<uint32_t> person_rows;    // record indexes, person by person, each in the file's order
  std::unordered_map<size_t, std::vector<RollError>> warnings;  // person index -> same_name warnings

  std::string col_word(int c) const { return std::string(word(kRollColumnNames, unsigned(c), t.l)); }
  std::string_view cell(const std::vector<std::string>& cells, int c) const {
    return at[c] >= 0 && size_t(at[c]) < cells.size() ? trim(cells[size_t(at[c])]) : std::string_view{};
  }
  bool read_header();
  void index_rows();
  void read_row(Person& p, size_t row, const std::vector<std::string>& cells) const;
  RollPerson read_person(size_t i) const;
};

// The header: each cell a column of the vocabulary. False (with errors) when the file cannot be read.
bool RollReader::Impl::read_header() {
  if (text.size() > kMaxRollBytes) {
    fail(errors, 0, "", "too_long", t(M::roll_too_long));
    return false;
  }
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (!csv::valid_utf8(text)) {
    fail(errors, 0, "", "not_utf8", t(M::roll_not_utf8));
    return false;
  }
  sep = csv::detect_separator(text);
  size_t pos = 0;
  bool unterminated = false;
  if (!csv::next_row(text, sep, pos, header, unterminated)) {
    fail(errors, 0, "", "empty", t(M::roll_empty));
    return false;
  }
  if (unterminated) {
    fail(errors, 1, "", "unterminated_quote", t(M::roll_unterminated_quote));
    return false;
  }
  row_start.push_back(0);
  col_of.assign(header.size(), -1);
  for (int& a : at) a = -1;
  for (size_t i = 0; i < header.size(); ++i) {
    std::string_view h = trim(header[i]);
    if (h.empty()) continue;
    int c = lookup(kRollColumnNames, kRollColumnAlso, h);
    if (c < 0) {
      fail(errors, 1, std::string(h), "unknown_column", t(M::roll_unknown_column, h));
    } else if (at[c] >= 0) {
      fail(errors, 1, std::string(h), "duplicate_column", t(M::roll_duplicate_column, h));
    } else {
      at[c] = int(i);
      col_of[i] = c;
    }
  }
  if (at[Col::person] < 0) fail(errors, 1, col_word(Col::person), "missing_column", t(M::roll_missing_column, col_word(Col::person)));
  bool has_records = false;
  for (int c = kFirstRecordCol; c < kColCount; ++c) has_records = has_records || at[c] >= 0;
  if (has_records)
    for (int c : {int(subject), int(activity), int(amount)})
      if (at[c] < 0) fail(errors, 1, col_word(c), "missing_column", t(M::roll_missing_column, col_word(c)));
  if (has_records && at[year] < 0 && (at[start] < 0 || at[end] < 0))
    fail(errors, 1, col_word(year), "missing_column", t(M::roll_missing_column, col_word(year)));
  return errors.empty();
}

// Who a row is: with an ID column (身份证号, 工号, 人员编号) its value is the person, wherever their rows
// stand. Without one (or with the cell empty) a name is one person only over adjacent rows: the same
// name in a separate block of rows is another person, checked on their own, and both are flagged
// ("第2行与第4行同名，是否同一人？") — two 张伟 of different departments never add up to one 达标.
void RollReader::Impl::index_rows() {
  constexpr uint32_t kNone = UINT32_MAX;
  std::vector<uint32_t> person_of;  // per record: its person, kNone (the header, a blank or refused row)
  person_of.push_back(kNone);
  std::vector<size_t> first_row;    // per person
  std::unordered_map<std::string, uint32_t> person_at;  // key -> its latest block's person
  std::string last_key;                                 // the key of the previous non-blank row
  std::vector<std::string> cells;
  size_t pos = row_start[0];
  bool unterminated = false;
  csv::next_row(text, sep, pos, cells, unterminated);  // (the header, read already)
  for (size_t number = 2;; ++number) {
    size_t at_pos = pos;
    if (!csv::next_row(text, sep, pos, cells, unterminated)) break;
    if (unterminated) {  // the file cannot be read: nothing of it is checked
      errors.clear();
      warnings.clear();
      fail(errors, number, "", "unterminated_quote", t(M::roll_unterminated_quote));
      row_start.clear();
      return;
    }
    row_start.push_back(at_pos);
    person_of.push_back(kNone);
    bool blank = true;
    for (const auto& x : cells) blank = blank && trim(x).empty();
    if (blank) continue;
    std::string_view who = cell(cells, Col::person);
    if (who.empty()) {
      fail(errors, number, col_word(Col::person), "missing", t(M::roll_row_without_name));
      continue;
    }
    // A control character (NUL, ESC, …) in a name is refused, never copied into results or CSV.
    size_t ctl = 0;
    while (ctl < who.size() && !(static_cast<unsigned char>(who[ctl]) < 0x20 || who[ctl] == 0x7F)) ++ctl;
    if (ctl < who.size()) {
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", unsigned(static_cast<unsigned char>(who[ctl])));
      fail(errors, number, col_word(Col::person), "bad_value", t(M::roll_name_control, code));
      continue;
    }
    std::string_view id = cell(cells, personId);
    std::string who_key = id.empty() ? "n:" + std::string(who) : "i:" + std::string(id);
    auto found = person_at.find(who_key);
    if (found == person_at.end() || (id.empty() && last_key != who_key)) {
      uint32_t fresh = uint32_t(first_row.size());
      first_row.push_back(number);
      if (found != person_at.end()) {  // the same name, a block of rows before: flagged on both
        uint32_t earlier = found->second;
        std::string msg = t(M::roll_same_name, std::to_string(first_row[earlier]), std::to_string(number));
        warnings[earlier].push_back({first_row[earlier], col_word(Col::person), "same_name", msg, msg});
        warnings[fresh].push_back({number, col_word(Col::person), "same_name", msg, msg});
        found->second = fresh;
      } else {
        person_at.emplace(who_key, fresh);
      }
    }
    last_key = std::move(who_key);
    person_of.back() = person_at[last_key];
  }
  // person by person, each person's rows in the file's order (a counting sort)
  person_begin.assign(first_row.size() + 1, 0);
  for (uint32_t p : person_of)
    if (p != kNone) ++person_begin[p + 1];
  for (size_t i = 1; i < person_begin.size(); ++i) person_begin[i] += person_begin[i - 1];
  person_rows.resize(person_begin.back());
  std::vector<uint32_t> fill(person_begin.begin(), person_begin.end() - 1);
  for (uint32_t r = 0; r < person_of.size(); ++r)
    if (person_of[r] != kNone) person_rows[fill[person_of[r]]++] = r;
}

// One row of person p: their fields and the training record it holds.
void RollReader::Impl::read_row(Person& p, size_t row, const std::vector<std::string>& cells) const {
  auto cell = [&](int c) { return this->cell(cells, c); };
  const std::string units = word_list(kUnitNames, t.l, std::size(kUnitNames) - 1);  // the last is "none"
  std::string_view who = cell(Col::person), id = cell(personId);
  if (!p.first_row) {
    p.first_row = row;
    p.name = std::string(who);
    p.id = std::string(id);
  }
  p.all_rows.push_back(row);
  auto bad = [&](int c, std::string code, std::string_view what) {
    // a column the file does not have (a unit needed, no 单位 column): named by its word (found by fuzz_roll)
    const std::string h = at[c] >= 0 ? std::string(trim(header[size_t(at[c])])) : col_word(c);
    fail(p.errors, row, std::string(h), std::move(code),
         t(M::roll_at_cell, std::to_string(row), h, what), std::string(what));
  };
  // A cell under no header is never dropped silently: it may be the unit or the 已备案 that decides.
  for (size_t i = 0; i < cells.size(); ++i)
    if ((i >= col_of.size() || col_of[i] < 0) && !trim(cells[i]).empty())
      fail(p.errors, row, "", "unknown_column",
           t(M::roll_cell_without_header, std::to_string(row), std::to_string(i + 1), trim(cells[i])));
  // The person's fields: the first row that gives one decides, a different value later is an error.
  if (!id.empty() && p.name != who)
    bad(Col::person, "conflicting_value", t(M::roll_conflicting_value, std::to_string(p.first_row), p.name, who));
  for (int c = personId + 1; c < kFirstRecordCol; ++c) {
    std::string_view v = cell(c);
    if (v.empty()) continue;
    if (p.fields[c].empty()) {
      p.fields[c] = std::string(v);
      p.field_row[c] = row;
    } else if (p.fields[c] != v) {
      bad(c, "conflicting_value", t(M::roll_conflicting_value, std::to_string(p.field_row[c]), p.fields[c], v));
    }
  }
    // The training record of this row, if it has one.
    bool any = false;
    for (int c = kFirstRecordCol; c < kColCount; ++c) any = any || !cell(c).empty();
    if (!any) return;
    std::string rec = "{";
    bool ok = true;
    auto key = [&](std::string_view k) {
      if (rec.size() > 1) rec += ',';
      append_json_string(rec, k);
      rec += ':';
    };
    auto need = [&](int c) {
      if (!cell(c).empty()) return true;
      bad(c, "missing", t(M::roll_empty_cell));
      ok = false;
      return false;
    };
    auto enum_cell = [&](int c, std::string_view k, auto& names, auto& also, size_t limit = 99) {
      std::string_view v = cell(c);
      if (v.empty()) return;
      int i = lookup(names, also, v, limit);
      if (i < 0) {
        bad(c, "bad_value", t(M::roll_unknown_value, v, word_list(names, t.l, limit)));
        ok = false;
        return;
      }
      key(k);
      append_json_string(rec, names[i].id);
    };
    if (!cell(year).empty()) {
      long y;
      if (integer(cell(year), y)) {
        key("year");
        rec += std::to_string(y);
      } else {
        bad(year, "bad_value", t(M::roll_not_a_year, cell(year)));
        ok = false;
      }
    } else if (cell(start).empty() || cell(end).empty()) {
      need(year);
    }
    for (int c : {int(start), int(end)}) {
      if (cell(c).empty()) continue;
      if (!is_date(cell(c))) {
        bad(c, "bad_value", t(M::roll_not_a_date, cell(c)));
        ok = false;
      } else {
        key(c == start ? "start" : "end");
        append_json_string(rec, cell(c));
      }
    }
    if (need(subject)) enum_cell(subject, "subject", kSubjectNames, kSubjectAlso, 2);  // public, professional
    if (need(activity)) enum_cell(activity, "activity", kActivityNames, kActivityAlso);
    enum_cell(confLevel, "level", kConfLevelNames, kConfLevelAlso);
    // No amount at all: the record is written without one and the engine decides (a degree's fixed
    // credit needs none; any other activity is missing_amount at its row). A unit alone is an error.
    if (cell(amount).empty() && !cell(unit).empty()) {
      need(amount);
    } else if (!cell(amount).empty()) {
      double v;
      std::string_view suffix;
      if (!number(cell(amount), v, suffix)) {
        bad(amount, "bad_value", t(M::roll_not_an_amount, cell(amount)));
        ok = false;
      } else {
        int u = -1;
        if (!suffix.empty()) u = lookup(kUnitNames, kUnitAlso, suffix);
        int given = cell(unit).empty() ? -1 : lookup(kUnitNames, kUnitAlso, cell(unit));
        if (!suffix.empty() && u < 0) {
          bad(amount, "bad_value", t(M::roll_unknown_unit, suffix, units));
          ok = false;
        } else if (!cell(unit).empty() && given < 0) {
          bad(unit, "bad_value", t(M::roll_unknown_unit, cell(unit), units));
          ok = false;
        } else if (u >= 0 && given >= 0 && u != given) {
          bad(unit, "conflicting_value", t(M::roll_unit_conflict));
          ok = false;
        } else if (u < 0 && given < 0) {
          bad(unit, "missing", t(M::roll_unit_missing, units));
          ok = false;
        } else if (kUnitNames[u >= 0 ? u : given].id == "none") {
          bad(unit, "bad_value", t(M::roll_unknown_unit, cell(unit), units));
          ok = false;
        } else {
          key(kUnitNames[u >= 0 ? u : given].id);
          std::string n;
          number(cell(amount), v, suffix, &n);
          rec += n;
        }
      }
    }
    if (!cell(filed).empty()) {
      int i = lookup(kYesNoNames, kYesNoAlso, cell(filed));
      if (i < 0) {
        bad(filed, "bad_value", t(M::roll_not_yes_no, word(kYesNoNames, 0, t.l), word(kYesNoNames, 1, t.l), cell(filed)));
        ok = false;
      } else {
        key("filed");
        rec += i == 0 ? "true" : "false";
      }
    }
    if (!cell(note).empty()) {
      key("note");
      append_json_string(rec, cell(note));
    }
    rec += '}';
    if (ok) {
      p.records.push_back(std::move(rec));
      p.rows.push_back(row);
    }
}

RollPerson RollReader::Impl::read_person(size_t i) const {
  Person p;
  std::vector<std::string> cells;
  bool unterminated = false;
  for (uint32_t k = person_begin[i]; k < person_begin[i + 1]; ++k) {
    uint32_t r = person_rows[k];
    size_t pos = row_start[r];
    csv::next_row(text, sep, pos, cells, unterminated);
    read_row(p, size_t(r) + 1, cells);
  }
  RollPerson result;
  auto w = warnings.find(i);
  if (w != warnings.end()) result.warnings = w->second;
  // The person's profile JSON (the contract's profile).
  {
    RollPerson& out = result;
    out.name = p.name;
    out.first_row = p.first_row;
    out.rows = std::move(p.rows);
    out.all_rows = std::move(p.all_rows);
    out.errors = std::move(p.errors);
    std::string& j = out.profile;
    j = "{";
    auto key = [&](std::string_view k) {
      if (j.size() > 1) j += ',';
      append_json_string(j, k);
      j += ':';
    };
    auto bad = [&](int c, const std::string& what) {
      std::string h(trim(header[size_t(at[c])]));
      out.errors.push_back(
          {p.field_row[c], h, "bad_value", t(M::roll_at_cell, std::to_string(p.field_row[c]), h, what), what});
    };
    auto enum_field = [&](int c, std::string_view k, auto& names, auto& also) {
      if (p.fields[c].empty()) return;
      int i = lookup(names, also, p.fields[c]);
      if (i < 0) return bad(c, t(M::roll_unknown_value, p.fields[c], word_list(names, t.l)));
      key(k);
      append_json_string(j, names[i].id);
    };
    auto int_field = [&](int c, std::string_view k) {
      if (p.fields[c].empty()) return;
      long v;
      if (!integer(p.fields[c], v)) return bad(c, t(M::roll_not_a_whole_number, p.fields[c]));
      key(k);
      j += std::to_string(v);
    };
    auto date_field = [&](int c, std::string_view k) {
      if (p.fields[c].empty()) return;
      if (!is_date(p.fields[c])) return bad(c, t(M::roll_not_a_date, p.fields[c]));
      key(k);
      append_json_string(j, p.fields[c]);
    };
    if (!p.fields[region].empty()) {
      key("region");
      append_json_string(j, p.fields[region]);
    }
    int_field(applicationYear, "year");
    date_field(applicationDate, "applicationDate");
    date_field(checkDate, "checkDate");
    enum_field(route, "route", kRouteNames, kRouteAlso);
    enum_field(level, "level", kLevelNames, kLevelAlso);
    enum_field(gender, "gender", kGenderNames, kGenderAlso);
    int_field(age, "age");
    date_field(birthDate, "birthDate");
    enum_field(education, "education", kEducationNames, kEducationAlso);
    enum_field(sector, "sector", kSectorNames, kSectorAlso);
    enum_field(series, "series", kSeriesNames, kSeriesAlso);
    int_field(currentTitleSince, "currentTitleSince");
    key("training");
    j += '[';
    for (size_t i = 0; i < p.records.size(); ++i) (j += i ? "," : "") += p.records[i];
    j += "]}";
  }
  return result;
}

RollReader::RollReader(std::string_view text, std::string_view locale) : impl_(std::make_unique<Impl>()) {
  impl_->text = text;
  impl_->t = Texts{locale == "en" ? Locale::en : Locale::zh};
  if (impl_->read_header()) {
    impl_->index_rows();
  } else if (!impl_->row_start.empty()) {
    // a header that names unknown columns: an unclosed quote further down is still the file's error
    std::vector<std::string> cells;
    size_t pos = 0;
    bool unterminated = false;
    for (size_t number = 1; csv::next_row(impl_->text, impl_->sep, pos, cells, unterminated); ++number)
      if (unterminated) {
        impl_->errors.clear();
        fail(impl_->errors, number, "", "unterminated_quote", impl_->t(M::roll_unterminated_quote));
        break;
      }
    impl_->row_start.clear();
  }
}
RollReader::~RollReader() = default;
size_t RollReader::size() const { return impl_->person_begin.empty() ? 0 : impl_->person_begin.size() - 1; }
const std::vector<RollError>& RollReader::errors() const { return impl_->errors; }
RollPerson RollReader::person(size_t i) const { return impl_->read_person(i); }

Roll read_roll(std::string_view text, std::string_view locale) {
  RollReader reader(text, locale);
  Roll roll;
  roll.errors = reader.errors();
  roll.people.reserve(reader.size());
  for (size_t i = 0; i < reader.size(); ++i) roll.people.push_back(reader.person(i));
  return roll;
}

}  // namespace jxjy
