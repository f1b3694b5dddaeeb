// The roll spreadsheet (one row per training record of many people) read into profiles: the one
// reader for `jxjy roll` and the page. Headers and values are the vocabulary's words (zh, en, id or
// an "also" word of core/data/vocabulary.json), so no second table of Chinese words exists.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "jxjy/jxjy.h"
#include "base/messages.h"
#include "json/read.h"
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

// Full-width digits, letters, points and hyphens as typed with a Chinese input method (４５, ３天,
// ２０２３－０３－０１) as ASCII; the other text as it is. Every cell but a name is read through it.
std::string narrow(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    // U+FF01..U+FF5E: EF BC 81..BF, EF BD 80..9E -> 0x21..0x7E
    if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xEF) {
      unsigned b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
      unsigned cp = ((0xFu) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
      const char a = char(cp - 0xFF01 + 0x21);
      // digits, letters and the marks of numbers and dates only: the vocabulary's own words hold
      // full-width brackets (课程学习（含网络课程）)
      const bool numeric = (a >= '0' && a <= '9') || (a >= 'A' && a <= 'Z') || (a >= 'a' && a <= 'z') || a == '.' || a == '-';
      if ((b1 == 0xBC || b1 == 0xBD) && cp >= 0xFF01 && cp <= 0xFF5E && numeric) {
        out += a;
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

bool contains(std::string_view list, std::string_view h, size_t& longest) {  // a comma-joined word within h
  bool any = false;
  while (!list.empty()) {
    size_t c = list.find(',');
    std::string_view w = list.substr(0, c);
    if (!w.empty() && h.find(w) != std::string_view::npos && w.size() > longest) longest = w.size(), any = true;
    if (c == std::string_view::npos) break;
    list.remove_prefix(c + 1);
  }
  return any;
}

// The column a header names: its exact words (zh, en, id, "also"), else the column whose "like" word
// is the longest part of it (guessed: said to the clerk); -1 when none or two columns tie.
struct HeaderMatch {
  int col = -1;
  bool guessed = false;
  bool chosen = false;  // the options (the clerk) decided, a column or none
};
HeaderMatch match_header(std::string_view h, const RollOptions& o) {
  for (const auto& [header, id] : o.columns)
    if (header == h) {
      HeaderMatch m;
      m.chosen = true;
      if (!id.empty()) m.col = find_name(kRollColumnNames, id);
      return m;
    }
  HeaderMatch m;
  m.col = lookup(kRollColumnNames, kRollColumnAlso, h);
  if (m.col >= 0) return m;
  size_t best = 0;
  bool tie = false;
  for (size_t c = 0; c < std::size(kRollColumnLike); ++c) {
    size_t len = 0;
    if (!contains(kRollColumnLike[c], h, len)) continue;
    if (len > best) best = len, m.col = int(c), tie = false;
    else if (len == best) tie = true;
  }
  if (tie) m.col = -1;  // two columns equally likely: the clerk chooses
  m.guessed = m.col >= 0;
  return m;
}

// The unit a header names ("培训学时", "天数"): the amounts written without one count in it; -1 when none.
int unit_of_header(std::string_view h) {
  for (size_t u = 0; u + 1 < std::size(kUnitNames); ++u) {  // the last is "none"
    if (h.find(kUnitNames[u].zh) != std::string_view::npos) return int(u);
    std::string_view list = kUnitAlso[u];
    size_t longest = 0;
    if (contains(list, h, longest)) return int(u);
  }
  return -1;
}

// The header row: the first of the first rows that names the person column and at least one other
// (the rows above it are the title, "2023年专业技术人员继续教育培训花名册"); the first row when none does.
size_t find_header(const std::vector<std::vector<std::string>>& rows, const RollOptions& o) {
  const size_t limit = std::min<size_t>(rows.size(), 30);
  for (size_t r = 0; r < limit; ++r) {
    bool person = false;
    size_t known = 0;
    for (const auto& cell : rows[r]) {
      std::string_view h = trim(cell);
      if (h.empty()) continue;
      HeaderMatch m = match_header(h, o);
      if (m.col < 0) continue;
      ++known;
      person = person || m.col == 0;
    }
    if (person && known >= 2) return r;
  }
  return 0;
}

// The year a title names: "2023年专业技术人员……" -> "2023" (a year 1990..2099 before 年); "" when none or two.
std::string year_of_title(std::string_view title) {
  std::string found;
  for (size_t i = 0; i + 4 < title.size(); ++i) {
    bool digits = (i == 0 || title[i - 1] < '0' || title[i - 1] > '9');
    for (size_t k = 0; k < 4 && digits; ++k) digits = title[i + k] >= '0' && title[i + k] <= '9';
    if (!digits || title.substr(i + 4, 3) != "\xE5\xB9\xB4") continue;  // 年
    std::string y(title.substr(i, 4));
    if (y < "1990" || y > "2099") continue;
    if (!found.empty() && found != y) return "";
    found = y;
  }
  return found;
}

// Rows 3, 4, 5 and 9 as "3–5、9" (zh) or "3-5, 9" (en).
// After `most` ranges the rest is "…" (the count is said beside it).
std::string row_list(const std::vector<size_t>& rows, Locale l, size_t most = 6) {
  const bool en = l == Locale::en;  // 、 – 、… (zh) or , - , … (en)
  return csv::row_ranges(rows, en ? ", " : "\xE3\x80\x81", en ? "-" : "\xE2\x80\x93", most,
                         en ? ", \xE2\x80\xA6" : "\xE3\x80\x81\xE2\x80\xA6");
}

// A region as written (630000, 西宁市, 郑州市金水区) as its code, through the catalogue's names: a name is
// a region's own, or it after the names of its province and/or city. "" when none (candidates empty) or
// several match (candidates: their full names).
std::string region_code(std::string_view v, const std::vector<std::pair<std::string, std::string>>& catalogue,
                        const std::unordered_map<std::string, std::string>& name_of, std::string& candidates) {
  candidates.clear();
  if (v.size() == 6 && v.find_first_not_of("0123456789") == std::string_view::npos) return std::string(v);
  std::vector<const std::pair<std::string, std::string>*> found;
  for (const auto& entry : catalogue) {
    const std::string& code = entry.first;
    const std::string& name = entry.second;
    if (code.size() != 6 || name.empty() || v.size() < name.size() || v.substr(v.size() - name.size()) != name) continue;
    std::string_view head = v.substr(0, v.size() - name.size());
    // the ancestors' names that may stand before it: province, then city
    auto ancestor = [&](std::string c) {
      auto it = name_of.find(c);
      return it == name_of.end() || c == code ? std::string() : it->second;
    };
    std::string province = ancestor(code.substr(0, 2) + "0000"), city = ancestor(code.substr(0, 4) + "00");
    auto strip = [&](const std::string& a) {
      if (!a.empty() && head.substr(0, a.size()) == a) head.remove_prefix(a.size());
    };
    strip(province);
    strip(city);
    if (!head.empty()) continue;
    bool dup = false;
    for (auto* f : found) dup = dup || f->first == code;
    if (!dup) found.push_back(&entry);
  }
  if (found.size() == 1) return found[0]->first;
  for (auto* f : found) {
    if (!candidates.empty()) candidates += "\xE3\x80\x81";  // 、
    std::string full;
    for (std::string c : {f->first.substr(0, 2) + "0000", f->first.substr(0, 4) + "00"}) {
      auto it = name_of.find(c);
      if (it != name_of.end() && c != f->first) full += it->second;
    }
    candidates += full + f->second + " " + f->first;
  }
  return "";
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
// errors, notes and the namesake warnings; person(i) then reads that person's rows again from where
// they start in the text, into their profile. Row numbers are the record's, 1 = the first row.
struct RollReader::Impl {
  std::string_view text;  // after the BOM; the caller's (must outlive the reader)
  RollOptions options;
  Texts t;
  char sep = ',';
  Roll roll;  // everything but the people: errors, header_row, title, columns, notes
  std::vector<std::string> header;
  size_t header_start = 0;  // where the header row starts in text
  std::vector<int> col_of;  // per header cell: its column, -1 none
  int at[kColCount];        // per column: its header cell, -1 none
  int header_unit = -1;     // the unit the amount's header names ("培训学时"), -1 none
  std::string title_year;   // no 年度 column: the year the title names, "" none
  bool header_bad = false;  // a column the file cannot do without is missing: nobody is checked
  std::vector<size_t> row_start;       // per record (index = row number - 1): where it starts in text
  std::vector<uint32_t> person_begin;  // person i's rows: person_rows[person_begin[i] .. person_begin[i+1])
  std::vector<uint32_t> person_rows;   // record indexes, person by person, each in the file's order
  std::unordered_map<size_t, std::vector<RollError>> warnings;  // person index -> same_name warnings
  // region names through the catalogue (options.regions), each distinct value once
  std::unordered_map<std::string, std::string> region_name_of;
  mutable std::unordered_map<std::string, std::pair<std::string, std::string>> region_seen;  // value -> code, candidates

  std::string col_word(int c) const { return std::string(word(kRollColumnNames, unsigned(c), t.l)); }
  // the first pass (the constructor)
  bool read_header();
  void match_columns();
  void require_columns();
  void index_rows();
  // person(i): one row at a time, then the profile
  struct Row;
  void read_row(Person& p, size_t row, const std::vector<std::string>& cells) const;
  void read_person_fields(Row& r) const;
  void read_record(Row& r) const;
  void read_period(Row& r) const;
  void read_amount(Row& r) const;
  void read_filed(Row& r) const;
  RollPerson read_person(size_t i) const;
  void write_profile(const Person& p, RollPerson& out) const;
  std::string region_code_of(const std::string& value, std::string& why_not) const;
};

// The file's encoding and the header: the row that names the columns (rows above it are the title), then
// which column each header cell is (match_columns) and whether the file has those it cannot do without
// (require_columns). False when no row can be read, or no 姓名 column: the rows are not read.
bool RollReader::Impl::read_header() {
  if (text.size() > kMaxRollBytes) {
    fail(roll.errors, 0, "", "too_long", t(M::roll_too_long));
    return false;
  }
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (!csv::valid_utf8(text)) {
    fail(roll.errors, 0, "", "not_utf8", t(M::roll_not_utf8));
    return false;
  }
  sep = csv::detect_separator(text);
  // the first rows, where the header is looked for (an unclosed quote anywhere is the file's one error)
  std::vector<std::vector<std::string>> first;
  std::vector<size_t> starts;
  size_t pos = 0;
  bool unterminated = false;
  std::vector<std::string> cells;
  while (first.size() < 30) {
    size_t at_pos = pos;
    if (!csv::next_row(text, sep, pos, cells, unterminated)) break;
    if (unterminated) {
      fail(roll.errors, first.size() + 1, "", "unterminated_quote", t(M::roll_unterminated_quote));
      return false;
    }
    first.push_back(cells);
    starts.push_back(at_pos);
  }
  if (first.empty()) {
    fail(roll.errors, 0, "", "empty", t(M::roll_empty));
    return false;
  }
  const size_t h_at = find_header(first, options);
  roll.header_row = h_at + 1;
  for (size_t r = 0; r < h_at; ++r)
    for (const auto& x : first[r])
      if (!trim(x).empty()) (roll.title += roll.title.empty() ? "" : " ") += std::string(trim(x));
  header = first[h_at];
  header_start = starts[h_at];
  match_columns();
  require_columns();
  header_bad = !roll.errors.empty();
  return at[Col::person] >= 0;
}

// Which column each header cell is (col_of, at): by the vocabulary's words, a part of them (guessed), or
// the clerk's choice (options.columns); the unit the amount's header names; and what the clerk is told
// of it (roll.columns, a note for each guess and one for the columns not used).
void RollReader::Impl::match_columns() {
  const size_t header_number = roll.header_row;
  col_of.assign(header.size(), -1);
  for (int& a : at) a = -1;
  std::vector<HeaderMatch> match(header.size());
  for (size_t i = 0; i < header.size(); ++i)
    if (!trim(header[i]).empty()) match[i] = match_header(trim(header[i]), options);
  // the exact words and the clerk's choices first: a guess never takes a column another header names
  for (int pass = 0; pass < 2; ++pass)
    for (size_t i = 0; i < header.size(); ++i) {
      std::string_view h = trim(header[i]);
      const HeaderMatch& m = match[i];
      if (h.empty() || m.col < 0 || m.guessed != (pass == 1)) continue;
      if (at[m.col] >= 0) {
        if (!m.guessed)
          fail(roll.errors, header_number, std::string(h), "duplicate_column", t(M::roll_duplicate_column, h));
        continue;  // (a guess for a column already read is not used)
      }
      at[m.col] = int(i);
      col_of[i] = m.col;
    }
  header_unit = at[amount] >= 0 ? unit_of_header(trim(header[size_t(at[amount])])) : -1;
  std::string unused;
  const char* list_sep = t.l == Locale::en ? ", " : "\xE3\x80\x81";  // 、
  for (size_t i = 0; i < header.size(); ++i) {
    std::string_view h = trim(header[i]);
    if (h.empty()) continue;
    RollColumn rc;
    rc.index = i;
    rc.header = std::string(h);
    if (col_of[i] >= 0) {
      rc.column = std::string(kRollColumnNames[col_of[i]].id);
      rc.guessed = match[i].guessed;
      if (col_of[i] == amount && header_unit >= 0) rc.unit = std::string(kUnitNames[header_unit].id);
      if (rc.guessed) {
        std::string msg = col_of[i] == amount && header_unit >= 0
                              ? t(M::roll_column_guessed_unit, h, col_word(col_of[i]), word(kUnitNames, unsigned(header_unit), t.l))
                              : t(M::roll_column_guessed, h, col_word(col_of[i]));
        roll.notes.push_back({header_number, rc.header, "column_guessed", msg, msg});
      }
    } else if (!(match[i].col >= 0 && at[match[i].col] >= 0 && !match[i].chosen && !match[i].guessed)) {
      (unused += unused.empty() ? "" : list_sep) += rc.header;
    }
    roll.columns.push_back(std::move(rc));
  }
  if (!unused.empty()) {
    std::string msg = t(M::roll_unused_columns, unused);
    roll.notes.push_back({header_number, "", "unused_columns", msg, msg});
  }
}

// The columns the file cannot do without, each missing one an error at the header: 姓名 always; with any
// record column, 科目, 形式 and 学时, and the record's year (年度, both dates, or a year the title names,
// title_year, said once in a note).
void RollReader::Impl::require_columns() {
  const size_t header_number = roll.header_row;
  if (at[Col::person] < 0)
    fail(roll.errors, header_number, col_word(Col::person), "missing_column",
         t(M::roll_missing_column, col_word(Col::person)));
  bool has_records = false;
  for (int c = kFirstRecordCol; c < kColCount; ++c) has_records = has_records || at[c] >= 0;
  if (has_records)
    for (int c : {int(subject), int(activity), int(amount)})
      if (at[c] < 0)
        fail(roll.errors, header_number, col_word(c), "missing_column",
             t(M::roll_missing_column, col_word(c)));
  // no 年度 column: the year the title names ("2023年……花名册") is every record's, said once
  title_year = at[year] < 0 && (at[start] < 0 || at[end] < 0) ? year_of_title(roll.title) : "";
  if (!title_year.empty() && has_records) {
    std::string msg = t(M::roll_year_from_title, col_word(year), title_year);
    roll.notes.push_back({0, col_word(year), "year_from_title", msg, msg});
  }
  if (has_records && at[year] < 0 && (at[start] < 0 || at[end] < 0) && title_year.empty())
    fail(roll.errors, header_number, col_word(year), "missing_column",
         t(M::roll_missing_column, col_word(year)));
}

// Who a row is: with an ID column (身份证号, 工号, 人员编号) its value is the person, wherever their rows
// stand. Without one (or with the cell empty) a name is one person only over adjacent rows: the same
// name in a separate block of rows is another person, checked on their own, and both are flagged
// ("第2行与第4行同名，是否同一人？") — two 张伟 of different departments never add up to one 达标.
// A row without a name belongs to the person above (merged cells, or left blank below), said once.
void RollReader::Impl::index_rows() {
  constexpr uint32_t kNone = UINT32_MAX;
  std::vector<uint32_t> person_of;  // per record: its person, kNone (the title, header, a blank or refused row)
  std::vector<size_t> first_row;    // per person
  std::unordered_map<std::string, uint32_t> person_at;  // key -> its latest block's person
  std::string last_key;                                 // the key of the previous non-blank row
  std::vector<size_t> filled;  // rows without a name, taken as the person's above
  std::vector<std::string> cells;
  size_t pos = 0;
  bool unterminated = false;
  for (size_t number = 1;; ++number) {
    size_t at_pos = pos;
    if (!csv::next_row(text, sep, pos, cells, unterminated)) break;
    if (unterminated) {  // the file cannot be read: nothing of it is checked
      roll = Roll{};
      fail(roll.errors, number, "", "unterminated_quote", t(M::roll_unterminated_quote));
      row_start.clear();
      person_begin.clear();
      warnings.clear();
      return;
    }
    row_start.push_back(at_pos);
    person_of.push_back(kNone);
    if (at_pos <= header_start) continue;  // the title and the header
    bool blank = true;
    for (const auto& x : cells) blank = blank && trim(x).empty();
    if (blank) continue;
    auto cell = [&](int c) -> std::string_view {
      return at[c] >= 0 && size_t(at[c]) < cells.size() ? trim(cells[size_t(at[c])]) : std::string_view{};
    };
    std::string who(cell(Col::person));
    std::string id = narrow(cell(personId));
    bool fill = false;
    if (who.empty()) {
      // a name written only on a person's first row holds for the rows under it, as a person reads the
      // sheet; an ID of someone else on the row does not
      if (!last_key.empty() && (id.empty() || last_key == "i:" + id)) {
        fill = true;
        filled.push_back(number);
      } else {
        fail(roll.errors, number, col_word(Col::person), "missing", t(M::roll_row_without_name));
        continue;
      }
    }
    // A control character (NUL, ESC, …) in a name is refused, never copied into results or CSV.
    size_t ctl = 0;
    while (ctl < who.size() && !(static_cast<unsigned char>(who[ctl]) < 0x20 || who[ctl] == 0x7F)) ++ctl;
    if (ctl < who.size()) {
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", unsigned(static_cast<unsigned char>(who[ctl])));
      fail(roll.errors, number, col_word(Col::person), "bad_value", t(M::roll_name_control, code));
      continue;
    }
    std::string who_key = fill ? last_key : id.empty() ? "n:" + who : "i:" + id;
    auto found = person_at.find(who_key);
    if (found == person_at.end() || (id.empty() && !fill && last_key != who_key)) {
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

  if (!filled.empty()) {
    std::string msg = t(M::roll_filled_down, row_list(filled, t.l), std::to_string(filled.size()));
    roll.notes.push_back({filled.front(), col_word(Col::person), "filled_down", msg, msg});
  }
  if (at[route] < 0 && !first_row.empty() && !header_bad) {
    std::string msg = t(M::roll_route_assumed);
    roll.notes.push_back({0, col_word(route), "route_assumed", msg, msg});
  }
  if (at[filed] < 0 && (at[activity] >= 0 || at[amount] >= 0) && !first_row.empty() && !header_bad) {
    std::string msg = t(M::roll_filing_not_given);
    roll.notes.push_back({0, col_word(filed), "filing_not_given", msg, msg});
  }
}

// One row of a person being read (read_row): its cells by column (trimmed; narrowed, but the name), the
// training record it writes as a JSON object (rec), and whether that record is whole (ok: a cell the
// record cannot take is the row's error, and the record is not written).
struct RollReader::Impl::Row {
  const Impl& m;
  Person& p;
  size_t number;  // the row's number, 1 = the file's first row
  std::string cells[kColCount];
  std::string rec = "{";
  bool ok = true;

  Row(const Impl& impl, Person& person, size_t row_number) : m(impl), p(person), number(row_number) {}
  std::string_view cell(int c) const { return cells[c]; }
  void key(std::string_view k) {
    if (rec.size() > 1) rec += ',';
    append_json_string(rec, k);
    rec += ':';
  }
  // an error at this row's cell of column c (what: the message without its place)
  void bad(int c, std::string code, std::string_view what) {
    // a column the file does not have (a unit needed, no 单位 column): named by its word (found by fuzz_roll)
    const std::string h = m.at[c] >= 0 ? std::string(trim(m.header[size_t(m.at[c])])) : m.col_word(c);
    fail(p.errors, number, h, std::move(code), m.t(M::roll_at_cell, std::to_string(number), h, what),
         std::string(what));
  }
  // the same for a cell of the record: the record is not written
  void refuse(int c, std::string code, std::string_view what) {
    bad(c, std::move(code), what);
    ok = false;
  }
  // a cell the record cannot do without: false (and said, unless its column's absence was) when empty
  bool need(int c) {
    if (!cell(c).empty()) return true;
    if (m.header_bad && m.at[c] < 0) return ok = false;  // (its missing column is said once, not at each row)
    refuse(c, "missing", m.t(M::roll_empty_cell));
    return false;
  }
  // a cell of the vocabulary's words (names; only its first `limit` entries): its id under key k
  template <size_t N>
  void enum_cell(int c, std::string_view k, const Name (&names)[N], const std::string_view (&also)[N],
                 size_t limit = 99) {
    std::string_view v = cell(c);
    if (v.empty()) return;
    int i = lookup(names, also, v, limit);
    if (i < 0) return refuse(c, "bad_value", m.t(M::roll_unknown_value, v, word_list(names, m.t.l, limit)));
    key(k);
    append_json_string(rec, names[i].id);
  }
};

// One row of person p (row_number: its number): whose it is, its cells under no header, the person's
// fields it gives (read_person_fields) and the training record it holds (read_record).
void RollReader::Impl::read_row(Person& p, size_t row_number, const std::vector<std::string>& cells) const {
  Row r{*this, p, row_number};
  for (int c = 0; c < kColCount; ++c) {
    std::string_view v = at[c] >= 0 && size_t(at[c]) < cells.size() ? trim(cells[size_t(at[c])]) : std::string_view{};
    r.cells[c] = c == Col::person ? std::string(v) : narrow(v);
  }
  // (a row without a name is the person's above: index_rows decided it)
  std::string who(r.cell(Col::person).empty() && p.first_row ? std::string_view(p.name) : r.cell(Col::person));
  if (!p.first_row) {
    p.first_row = row_number;
    p.name = who;
    p.id = std::string(r.cell(personId));
  }
  p.all_rows.push_back(row_number);
  // A cell under no header is never dropped silently: it may be the unit or the 已备案 that decides.
  for (size_t i = 0; i < cells.size(); ++i)
    if ((i >= header.size() || trim(header[i]).empty()) && !trim(cells[i]).empty())
      fail(p.errors, row_number, "", "unknown_column",
           t(M::roll_cell_without_header, std::to_string(row_number), std::to_string(i + 1), trim(cells[i])));
  // with an ID, the ID is the person: another name on one of their rows is an error
  if (!r.cell(personId).empty() && p.name != who)
    r.bad(Col::person, "conflicting_value", t(M::roll_conflicting_value, std::to_string(p.first_row), p.name, who));
  read_person_fields(r);
  read_record(r);
}

// The person's fields on this row (地区, 申报年度, 性别, …), as written: the first row that gives one
// decides, a different value on a later row is that row's error. (They are read as the profile's values
// once the person's rows are all read: write_profile.)
void RollReader::Impl::read_person_fields(Row& r) const {
  Person& p = r.p;
  for (int c = personId + 1; c < kFirstRecordCol; ++c) {
    std::string_view v = r.cell(c);
    if (v.empty()) continue;
    if (p.fields[c].empty()) {
      p.fields[c] = std::string(v);
      p.field_row[c] = r.number;
    } else if (p.fields[c] != v) {
      r.bad(c, "conflicting_value", t(M::roll_conflicting_value, std::to_string(p.field_row[c]), p.fields[c], v));
    }
  }
}

// The training record this row holds, if it has one (a row of a person's fields only holds none): into the
// person's records when every cell of it reads, the order of its keys as CONTRACT §5 lists them.
void RollReader::Impl::read_record(Row& r) const {
  bool any = false;
  for (int c = kFirstRecordCol; c < kColCount; ++c) any = any || !r.cell(c).empty();
  if (!any) return;
  read_period(r);
  if (r.need(subject)) r.enum_cell(subject, "subject", kSubjectNames, kSubjectAlso, 2);  // public, professional
  if (r.need(activity)) r.enum_cell(activity, "activity", kActivityNames, kActivityAlso);
  r.enum_cell(confLevel, "level", kConfLevelNames, kConfLevelAlso);
  read_amount(r);
  read_filed(r);
  if (!r.cell(note).empty()) {
    r.key("note");
    append_json_string(r.rec, r.cell(note));
  }
  r.rec += '}';
  if (r.ok) {
    r.p.records.push_back(std::move(r.rec));
    r.p.rows.push_back(r.number);
  }
}

// When the record's training was: its year (年度; else the year the title names; none needed with both
// dates) and its dates (开始日期, 结束日期), each YYYY-MM-DD as written (the core checks the calendar).
void RollReader::Impl::read_period(Row& r) const {
  if (r.cell(year).empty() && !title_year.empty()) {
    r.key("year");
    r.rec += title_year;
  } else if (!r.cell(year).empty()) {
    long y;
    if (integer(r.cell(year), y)) {
      r.key("year");
      r.rec += std::to_string(y);
    } else {
      r.refuse(year, "bad_value", t(M::roll_not_a_year, r.cell(year)));
    }
  } else if (r.cell(start).empty() || r.cell(end).empty()) {
    r.need(year);
  }
  for (int c : {int(start), int(end)}) {
    if (r.cell(c).empty()) continue;
    if (!is_date(r.cell(c))) {
      r.refuse(c, "bad_value", t(M::roll_not_a_date, r.cell(c)));
    } else {
      r.key(c == start ? "start" : "end");
      append_json_string(r.rec, r.cell(c));
    }
  }
}

// The record's amount and its unit, written as {"<unit>": amount}. The unit is the one the amount says
// ("3天"), else the 单位 cell's, else the one the amount's header names ("培训学时"); two that differ, a
// word no unit has, or none at all is the row's error. No amount at all: the record is written without one
// and the engine decides (a degree's fixed credit needs none; any other activity is missing_amount at its
// row). A unit alone is an error.
void RollReader::Impl::read_amount(Row& r) const {
  const std::string_view a = r.cell(amount), unit_cell = r.cell(unit);
  if (a.empty()) {
    if (!unit_cell.empty()) r.need(amount);
    return;
  }
  double v;
  std::string_view suffix;
  if (!number(a, v, suffix)) return r.refuse(amount, "bad_value", t(M::roll_not_an_amount, a));
  auto units = [&] { return word_list(kUnitNames, t.l, std::size(kUnitNames) - 1); };  // the last is "none"
  int u = -1;
  if (!suffix.empty()) u = lookup(kUnitNames, kUnitAlso, suffix);
  // no unit written: the one the header names ("培训学时"), unless the amount says its own ("3天")
  int given = !unit_cell.empty() ? lookup(kUnitNames, kUnitAlso, unit_cell) : u < 0 ? header_unit : -1;
  if (!suffix.empty() && u < 0) return r.refuse(amount, "bad_value", t(M::roll_unknown_unit, suffix, units()));
  if (!unit_cell.empty() && given < 0)
    return r.refuse(unit, "bad_value", t(M::roll_unknown_unit, unit_cell, units()));
  if (u >= 0 && given >= 0 && u != given) return r.refuse(unit, "conflicting_value", t(M::roll_unit_conflict));
  if (u < 0 && given < 0) return r.refuse(unit, "missing", t(M::roll_unit_missing, units()));
  const Name& chosen = kUnitNames[u >= 0 ? u : given];
  if (chosen.id == "none") return r.refuse(unit, "bad_value", t(M::roll_unknown_unit, unit_cell, units()));
  r.key(chosen.id);
  std::string n;
  number(a, v, suffix, &n);
  r.rec += n;
}

// Whether the record's training was filed (已备案): 是 true, 否 false. Left blank, or a roster without the
// column, it is not known (CONTRACT §5.1 filed: null), never taken as filed: where a notice refuses unfiled
// training and the verdict depends on it, the result says so (filing_unknown).
void RollReader::Impl::read_filed(Row& r) const {
  const std::string_view v = r.cell(filed);
  const int i = v.empty() ? -1 : lookup(kYesNoNames, kYesNoAlso, v);
  if (!v.empty() && i < 0)
    return r.refuse(filed, "bad_value", t(M::roll_not_yes_no, word(kYesNoNames, 0, t.l), word(kYesNoNames, 1, t.l), v));
  r.key("filed");
  r.rec += v.empty() ? "null" : i == 0 ? "true" : "false";
}

// Person i: their rows read again from the text (read_row), then their profile (write_profile).
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
  RollPerson out;
  out.name = p.name;
  out.first_row = p.first_row;
  out.rows = std::move(p.rows);
  out.all_rows = std::move(p.all_rows);
  out.errors = std::move(p.errors);
  auto w = warnings.find(i);
  if (w != warnings.end()) out.warnings = w->second;
  write_profile(p, out);
  return out;
}

// The person's profile (CONTRACT §5) from their fields and records: each field a value of the vocabulary, a
// whole number or a date, else an error at the row that gave it; 申报途径 not given is title review, said.
void RollReader::Impl::write_profile(const Person& p, RollPerson& out) const {
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
    std::string why_not;
    std::string code = region_code_of(p.fields[region], why_not);
    if (!why_not.empty()) bad(region, why_not);
    if (!code.empty()) {
      key("region");
      append_json_string(j, code);
    }
  }
  int_field(applicationYear, "year");
  date_field(applicationDate, "applicationDate");
  date_field(checkDate, "checkDate");
  if (p.fields[checkDate].empty() && !options.check_date.empty()) {  // the day of the whole check
    key("checkDate");
    append_json_string(j, options.check_date);
  }
  if (p.fields[route].empty()) {  // none given: title review, said (once for the roll without the column)
    key("route");
    append_json_string(j, kRouteNames[0].id);
    if (at[route] >= 0) {
      std::string msg = t(M::roll_route_assumed);
      out.warnings.push_back({p.first_row, col_word(route), "route_assumed", msg, msg});
    }
  }
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

// The region's code from the 地区 cell: as written, or, with the region catalogue (options.regions), the
// code of the region of that name (青海省, 扎兰屯市), each distinct value looked up once. "" and the reason
// in why_not when no region, or more than one, has that name.
std::string RollReader::Impl::region_code_of(const std::string& value, std::string& why_not) const {
  if (options.regions.empty()) return value;
  auto seen = region_seen.find(value);
  if (seen == region_seen.end()) {
    std::string candidates;
    std::string c = region_code(value, options.regions, region_name_of, candidates);
    seen = region_seen.emplace(value, std::make_pair(c, candidates)).first;
  }
  if (seen->second.first.empty())
    why_not = seen->second.second.empty() ? t(M::roll_unknown_region, value)
                                          : t(M::roll_ambiguous_region, value, seen->second.second);
  return seen->second.first;
}

RollReader::RollReader(std::string_view text, const RollOptions& options) : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.text = text;
  m.options = options;
  m.t = Texts{options.locale == "en" ? Locale::en : Locale::zh};
  for (const auto& [code, name] : options.regions) m.region_name_of.emplace(code, name);
  // the day of the whole check is the caller's, not a cell's: a day that does not exist is the roll's
  // error (placed at a 核查日期 column the file may not have, it said the rows were wrong)
  const std::string& day = options.check_date;
  if (!day.empty() && !(is_date(day) && valid_date(std::stoi(day.substr(0, 4)) * 10000 +
                                                   std::stoi(day.substr(5, 2)) * 100 + std::stoi(day.substr(8, 2))))) {
    fail(m.roll.errors, 0, "", "bad_check_date", m.t(M::roll_bad_check_date, day));
    return;
  }
  if (!m.read_header()) {
    // no 姓名 column: the rows are not read; an unclosed quote further down is still the file's error
    std::vector<std::string> cells;
    size_t pos = 0;
    bool unterminated = false;
    for (size_t number = 1; m.roll.header_row && csv::next_row(m.text, m.sep, pos, cells, unterminated); ++number)
      if (unterminated) {
        m.roll = Roll{};
        fail(m.roll.errors, number, "", "unterminated_quote", m.t(M::roll_unterminated_quote));
        break;
      }
    return;
  }
  m.index_rows();
  if (m.header_bad) {  // the rows' problems with the header's; nobody checked on part of the file
    for (size_t i = 0; i + 1 < m.person_begin.size(); ++i) {
      RollPerson p = m.read_person(i);
      m.roll.errors.insert(m.roll.errors.end(), p.errors.begin(), p.errors.end());
    }
    m.person_begin.clear();
  }
}
RollReader::~RollReader() = default;
size_t RollReader::size() const { return impl_->person_begin.empty() ? 0 : impl_->person_begin.size() - 1; }
const std::vector<RollError>& RollReader::errors() const { return impl_->roll.errors; }
const Roll& RollReader::head() const { return impl_->roll; }
RollPerson RollReader::person(size_t i) const { return impl_->read_person(i); }

Roll read_roll(std::string_view text, std::string_view locale) {
  RollOptions options;
  options.locale = std::string(locale);
  return read_roll(text, options);
}

Roll read_roll(std::string_view text, const RollOptions& options) {
  RollReader reader(text, options);
  Roll roll = reader.head();
  roll.people.reserve(reader.size());
  for (size_t i = 0; i < reader.size(); ++i) roll.people.push_back(reader.person(i));
  return roll;
}

}  // namespace jxjy
