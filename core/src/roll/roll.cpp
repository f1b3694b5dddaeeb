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
size_t find_header(const csv::Table& table, const RollOptions& o) {
  const size_t limit = std::min<size_t>(table.rows.size(), 30);
  for (size_t r = 0; r < limit; ++r) {
    bool person = false;
    size_t known = 0;
    for (const auto& cell : table.rows[r].cells) {
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
  std::string out;
  size_t ranges = 0;
  for (size_t i = 0; i < rows.size();) {
    if (ranges++ == most) {
      out += l == Locale::en ? ", \xE2\x80\xA6" : "\xE3\x80\x81\xE2\x80\xA6";  // , … / 、…
      break;
    }
    size_t j = i;
    while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1) ++j;
    if (!out.empty()) out += l == Locale::en ? ", " : "\xE3\x80\x81";  // 、
    out += std::to_string(rows[i]);
    if (j > i) out += (l == Locale::en ? "-" : "\xE2\x80\x93") + std::to_string(rows[j]);  // –
    i = j + 1;
  }
  return out;
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
  std::vector<RollError> warnings;
};

}  // namespace

Roll read_roll(std::string_view text, std::string_view locale) {
  RollOptions options;
  options.locale = std::string(locale);
  return read_roll(text, options);
}

Roll read_roll(std::string_view text, const RollOptions& options) {
  Roll roll;
  Texts t{options.locale == "en" ? Locale::en : Locale::zh};
  auto col_word = [&](int c) { return std::string(word(kRollColumnNames, unsigned(c), t.l)); };
  const std::string units = word_list(kUnitNames, t.l, std::size(kUnitNames) - 1);  // the last is "none"
  // detail: the message without its place; "" when the message names none
  auto fail = [&](std::vector<RollError>& to, size_t row, std::string column, std::string code, std::string msg,
                  std::string detail = "") {
    if (detail.empty()) detail = msg;
    to.push_back({row, std::move(column), std::move(code), std::move(msg), std::move(detail)});
  };
  if (text.size() > kMaxRollBytes) {
    fail(roll.errors, 0, "", "too_long", t(M::roll_too_long));
    return roll;
  }
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (!csv::valid_utf8(text)) {
    fail(roll.errors, 0, "", "not_utf8", t(M::roll_not_utf8));
    return roll;
  }
  csv::Table table;
  size_t bad_row = 0;
  if (!csv::parse(text, table, bad_row)) {
    fail(roll.errors, bad_row, "", "unterminated_quote", t(M::roll_unterminated_quote));
    return roll;
  }
  if (table.rows.empty()) {
    fail(roll.errors, 0, "", "empty", t(M::roll_empty));
    return roll;
  }
  // The header: the row that names the columns (rows above it are the title); each cell a column of the
  // vocabulary, by its words, by a part of them (said), or by the clerk's choice (options.columns).
  const size_t h_at = find_header(table, options);
  roll.header_row = table.rows[h_at].number;
  for (size_t r = 0; r < h_at; ++r)
    for (const auto& x : table.rows[r].cells)
      if (!trim(x).empty()) (roll.title += roll.title.empty() ? "" : " ") += std::string(trim(x));
  const auto& header = table.rows[h_at].cells;
  const size_t header_number = table.rows[h_at].number;
  std::vector<int> col_of(header.size(), -1);
  int at[kColCount];
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
  const int header_unit = at[amount] >= 0 ? unit_of_header(trim(header[size_t(at[amount])])) : -1;
  std::string unused;
  const char* sep = t.l == Locale::en ? ", " : "\xE3\x80\x81";  // 、
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
      (unused += unused.empty() ? "" : sep) += rc.header;
    }
    roll.columns.push_back(std::move(rc));
  }
  if (!unused.empty()) {
    std::string msg = t(M::roll_unused_columns, unused);
    roll.notes.push_back({header_number, "", "unused_columns", msg, msg});
  }
  if (at[person] < 0)
    fail(roll.errors, header_number, col_word(person), "missing_column",
         t(M::roll_missing_column, col_word(person)));
  bool has_records = false;
  for (int c = kFirstRecordCol; c < kColCount; ++c) has_records = has_records || at[c] >= 0;
  if (has_records)
    for (int c : {int(subject), int(activity), int(amount)})
      if (at[c] < 0)
        fail(roll.errors, header_number, col_word(c), "missing_column",
             t(M::roll_missing_column, col_word(c)));
  // no 年度 column: the year the title names ("2023年……花名册") is every record's, said once
  const std::string title_year = at[year] < 0 && (at[start] < 0 || at[end] < 0) ? year_of_title(roll.title) : "";
  if (!title_year.empty() && has_records) {
    std::string msg = t(M::roll_year_from_title, col_word(year), title_year);
    roll.notes.push_back({0, col_word(year), "year_from_title", msg, msg});
  }
  if (has_records && at[year] < 0 && (at[start] < 0 || at[end] < 0) && title_year.empty())
    fail(roll.errors, header_number, col_word(year), "missing_column",
         t(M::roll_missing_column, col_word(year)));
  // A header the file cannot do without stops it, but its rows are still read for their own problems:
  // every problem of the file in one pass (issue 27), and nobody is checked (people are not given).
  const bool header_bad = !roll.errors.empty();
  if (at[person] < 0) return roll;

  // Who a row is: with an ID column (身份证号, 工号, 人员编号) its value is the person, wherever their rows
  // stand. Without one (or with the cell empty) a name is one person only over adjacent rows: the same
  // name in a separate block of rows is another person, checked on their own, and both are flagged
  // ("第2行与第4行同名，是否同一人？") — two 张伟 of different departments never add up to one 达标.
  std::vector<Person> people;
  std::unordered_map<std::string, size_t> person_at;  // key -> index in people of its latest block (a roll of 1,000 people)
  std::string last_key;                               // the key of the previous non-blank row
  std::vector<size_t> filled;  // rows without a name, taken as the person's above (merged cells)
  std::string norm[kColCount];
  for (size_t r = h_at + 1; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    bool blank = true;
    for (const auto& x : row.cells) blank = blank && trim(x).empty();
    if (blank) continue;
    for (int c = 0; c < kColCount; ++c) {
      std::string_view v = at[c] >= 0 && size_t(at[c]) < row.cells.size() ? trim(row.cells[size_t(at[c])]) : std::string_view{};
      norm[c] = c == person ? std::string(v) : narrow(v);
    }
    auto cell = [&](int c) -> std::string_view { return norm[c]; };
    std::string who_s(cell(person));
    bool fill = false;
    if (who_s.empty()) {
      // a name written only on a person's first row (merged cells, or left blank below) holds for the rows
      // under it, as a person reads the sheet; an ID of someone else on the row does not
      std::string_view id0 = cell(personId);
      if (!last_key.empty() && (id0.empty() || last_key == "i:" + std::string(id0))) {
        fill = true;
        filled.push_back(row.number);
        who_s = people[person_at[last_key]].name;
      } else {
        fail(roll.errors, row.number, col_word(person), "missing", t(M::roll_row_without_name));
        continue;
      }
    }
    std::string_view who = who_s;
    // A control character (NUL, ESC, …) in a name is refused, never copied into results or CSV.
    size_t ctl = 0;
    while (ctl < who.size() && !(static_cast<unsigned char>(who[ctl]) < 0x20 || who[ctl] == 0x7F)) ++ctl;
    if (ctl < who.size()) {
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", unsigned(static_cast<unsigned char>(who[ctl])));
      fail(roll.errors, row.number, col_word(person), "bad_value", t(M::roll_name_control, code));
      continue;
    }
    std::string_view id = cell(personId);
    std::string who_key = fill ? last_key : id.empty() ? "n:" + std::string(who) : "i:" + std::string(id);
    auto found = person_at.find(who_key);
    if (found == person_at.end() || (id.empty() && last_key != who_key)) {
      people.emplace_back();
      people.back().name = std::string(who);
      people.back().id = std::string(id);
      if (found != person_at.end()) {  // the same name, a block of rows before: flagged on both
        Person& earlier = people[found->second];
        std::string msg = t(M::roll_same_name, std::to_string(earlier.first_row), std::to_string(row.number));
        earlier.warnings.push_back({earlier.first_row, col_word(person), "same_name", msg, msg});
        people.back().warnings.push_back({row.number, col_word(person), "same_name", msg, msg});
      }
      person_at[who_key] = people.size() - 1;
    }
    last_key = who_key;
    Person& p = people[person_at[who_key]];
    if (!p.first_row) p.first_row = row.number;
    p.all_rows.push_back(row.number);
    auto bad = [&](int c, std::string code, std::string_view what) {
      // a column the file does not have (a unit needed, no 单位 column): named by its word (found by fuzz_roll)
      const std::string h = at[c] >= 0 ? std::string(trim(header[size_t(at[c])])) : col_word(c);
      fail(p.errors, row.number, std::string(h), std::move(code),
           t(M::roll_at_cell, std::to_string(row.number), h, what), std::string(what));
    };
    // A cell under no header is never dropped silently: it may be the unit or the 已备案 that decides.
    for (size_t i = 0; i < row.cells.size(); ++i)
      if ((i >= header.size() || trim(header[i]).empty()) && !trim(row.cells[i]).empty())
        fail(p.errors, row.number, "", "unknown_column",
             t(M::roll_cell_without_header, std::to_string(row.number), std::to_string(i + 1), trim(row.cells[i])));
    // The person's fields: the first row that gives one decides, a different value later is an error.
    if (!id.empty() && p.name != who)
      bad(person, "conflicting_value", t(M::roll_conflicting_value, std::to_string(p.first_row), p.name, who));
    for (int c = personId + 1; c < kFirstRecordCol; ++c) {
      std::string_view v = cell(c);
      if (v.empty()) continue;
      if (p.fields[c].empty()) {
        p.fields[c] = std::string(v);
        p.field_row[c] = row.number;
      } else if (p.fields[c] != v) {
        bad(c, "conflicting_value", t(M::roll_conflicting_value, std::to_string(p.field_row[c]), p.fields[c], v));
      }
    }
    // The training record of this row, if it has one.
    bool any = false;
    for (int c = kFirstRecordCol; c < kColCount; ++c) any = any || !cell(c).empty();
    if (!any) continue;
    std::string rec = "{";
    bool ok = true;
    auto key = [&](std::string_view k) {
      if (rec.size() > 1) rec += ',';
      append_json_string(rec, k);
      rec += ':';
    };
    auto need = [&](int c) {
      if (!cell(c).empty()) return true;
      if (header_bad && at[c] < 0) return ok = false;  // (its missing column is said once, not at each row)
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
    if (cell(year).empty() && !title_year.empty()) {
      key("year");
      rec += title_year;
    } else if (!cell(year).empty()) {
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
        // no unit written: the one the header names ("培训学时"), unless the amount says its own ("3天")
        int given = !cell(unit).empty() ? lookup(kUnitNames, kUnitAlso, cell(unit)) : u < 0 ? header_unit : -1;
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
      p.rows.push_back(row.number);
    }
  }

  if (!filled.empty()) {
    std::string msg = t(M::roll_filled_down, row_list(filled, t.l), std::to_string(filled.size()));
    roll.notes.push_back({filled.front(), col_word(person), "filled_down", msg, msg});
  }
  if (at[route] < 0 && !people.empty() && !header_bad) {
    std::string msg = t(M::roll_route_assumed);
    roll.notes.push_back({0, col_word(route), "route_assumed", msg, msg});
  }
  // Region names through the catalogue (options.regions), each distinct value once.
  std::unordered_map<std::string, std::string> region_name_of;
  for (const auto& [code, name] : options.regions) region_name_of.emplace(code, name);
  std::unordered_map<std::string, std::pair<std::string, std::string>> region_seen;  // value -> code, candidates

  // Each person's profile JSON (the contract's profile).
  for (auto& p : people) {
    RollPerson out;
    out.name = p.name;
    out.first_row = p.first_row;
    out.rows = std::move(p.rows);
    out.all_rows = std::move(p.all_rows);
    out.errors = std::move(p.errors);
    out.warnings = std::move(p.warnings);
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
      std::string code = p.fields[region];
      if (!options.regions.empty()) {
        auto seen = region_seen.find(p.fields[region]);
        if (seen == region_seen.end()) {
          std::string candidates;
          std::string c = region_code(p.fields[region], options.regions, region_name_of, candidates);
          seen = region_seen.emplace(p.fields[region], std::make_pair(c, candidates)).first;
        }
        code = seen->second.first;
        if (code.empty())
          bad(region, seen->second.second.empty() ? t(M::roll_unknown_region, p.fields[region])
                                                  : t(M::roll_ambiguous_region, p.fields[region], seen->second.second));
      }
      if (!code.empty()) {
        key("region");
        append_json_string(j, code);
      }
    }
    int_field(applicationYear, "year");
    date_field(applicationDate, "applicationDate");
    date_field(checkDate, "checkDate");
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
    roll.people.push_back(std::move(out));
  }
  if (header_bad) {  // the rows' problems with the header's; nobody checked on part of the file
    for (auto& p : roll.people) roll.errors.insert(roll.errors.end(), p.errors.begin(), p.errors.end());
    roll.people.clear();
  }
  return roll;
}

}  // namespace jxjy
