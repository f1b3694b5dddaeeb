// RFC 4180 CSV as spreadsheets save it: quoted cells ("" for a quote, line breaks inside), CRLF or LF,
// the separator (comma, semicolon or tab) taken from the first line that has one (the header, or a title
// line above it written with its cells' separators).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jxjy::csv {

struct Row {
  size_t number;  // 1 = the header, as a spreadsheet numbers its rows
  std::vector<std::string> cells;
};
struct Table {
  char separator = ',';
  std::vector<Row> rows;
};

inline bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    if (n >= 3) {
      unsigned char d = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xE0 && d < 0xA0) || (c == 0xED && d > 0x9F) || (c == 0xF0 && d < 0x90) || (c == 0xF4 && d > 0x8F))
        return false;
    }
    i += n;
  }
  return true;
}

// The separator of the first line that has one (a title line above the header may have none): the most
// frequent of , ; and tab outside quotes (comma on a tie).
inline char detect_separator(std::string_view text) {
  size_t count[3] = {};
  bool quoted = false;
  size_t lines = 0;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    else if (!quoted && (c == '\n' || c == '\r')) {
      if (count[0] + count[1] + count[2] > 0 || ++lines >= 30) break;
    }
    else if (!quoted) count[c == ',' ? 0 : c == ';' ? 1 : c == '\t' ? 2 : 0] += c == ',' || c == ';' || c == '\t';
  }
  return count[1] > count[0] && count[1] >= count[2] ? ';' : count[2] > count[0] ? '\t' : ',';
}

// One record (row) of the text from `pos` into `cells` (cleared first), `pos` then at the next record.
// False at the end of the text (no record left). A record ends at CR, LF or CRLF outside quotes; a quoted
// cell may hold separators and line breaks, "" being a quote. unterminated: a quoted cell runs to the end
// of the text (the record is then everything after its opening quote).
inline bool next_row(std::string_view text, char sep, size_t& pos, std::vector<std::string>& cells,
                     bool& unterminated) {
  cells.clear();
  unterminated = false;
  if (pos >= text.size()) return false;
  std::string cell;
  bool quoted = false, was_quoted = false;
  auto end_cell = [&] {
    cells.push_back(std::move(cell));
    cell.clear();
    was_quoted = false;
  };
  size_t i = pos;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') cell += '"', ++i;
        else quoted = false;
      } else {
        cell += c;
      }
      continue;
    }
    if (c == '"' && cell.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == sep) {
      end_cell();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++i;
      break;
    } else {
      cell += c;
    }
  }
  end_cell();
  unterminated = quoted;
  pos = i;
  return true;
}

// The whole text as rows (1 = the header, as a spreadsheet numbers its rows). False when a quoted cell
// is not closed; bad_row is then the row it opened in.
inline bool parse(std::string_view text, Table& out, size_t& bad_row) {
  out.separator = detect_separator(text);
  size_t pos = 0;
  bool unterminated = false;
  Row row{1, {}};
  while (next_row(text, out.separator, pos, row.cells, unterminated)) {
    if (unterminated) {
      bad_row = row.number;
      return false;
    }
    size_t n = row.number;
    out.rows.push_back(std::move(row));
    row = Row{n + 1, {}};
  }
  return true;
}

// One cell of a CSV the project writes, appended to out (roll_csv.cpp; web/training-file.js csvCell is
// the same rule). CSV injection (OWASP): a cell whose first character is = + - @ tab CR LF, or whose
// first character after leading spaces, tabs, CRs and LFs is = + - @, is quoted with a leading
// apostrophe (shown as text); a plain number (-2.5) stays a number. Control characters other than
// tab, CR and LF are never written.
void write_cell(std::string& out, std::string_view v);

// Rows 3, 4, 5 and 9 as "3<dash>5<sep>9" (a person's rows need not be next to each other). After `most`
// ranges the rest is `more` (the caller says the count beside it).
inline std::string row_ranges(const std::vector<size_t>& rows, std::string_view sep, std::string_view dash,
                              size_t most = SIZE_MAX, std::string_view more = {}) {
  std::string out;
  size_t ranges = 0;
  for (size_t i = 0; i < rows.size();) {
    if (ranges++ == most) {
      out += more;
      break;
    }
    size_t j = i;
    while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1) ++j;
    if (!out.empty()) out += sep;
    out += std::to_string(rows[i]);
    if (j > i) (out += dash) += std::to_string(rows[j]);
    i = j + 1;
  }
  return out;
}

}  // namespace jxjy::csv
