// jxjy: continuing-education eligibility checker. The whole public C++ interface.
//
// A Checker holds validated rule sets (the JSON files of rules/) and answers profiles (CONTRACT §2)
// with results (CONTRACT §3). It does no I/O and keeps no global state: the CLI and the wasm
// bindings are thin shells over it.
#pragma once
#include <memory>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

namespace jxjy {

const char* version();

// Appends `text` to `out` as a JSON string, quoted and escaped the way results are written (the one
// escaper: the CLI, the bindings and the rule loader use it too). `text` must be valid UTF-8.
void append_json_string(std::string& out, std::string_view text);

// A profile or rule file longer than this is refused as too_long (README "Limits"); front ends
// need not read more than kMaxDocumentBytes + 1 bytes of one.
inline constexpr size_t kMaxDocumentBytes = size_t(1) << 20;
// More rule sets than this are refused (too_many) before any is read.
inline constexpr size_t kMaxRuleSets = 1000;

// The catalogue's text (core/data/messages.json) for `key` in `locale` ("zh" or "en"), placeholders
// {0}… left as they are, for front ends that word their own errors; empty for an unknown key.
std::string message(std::string_view key, std::string_view locale);

struct RuleFile {
  std::string name;  // shown in errors, e.g. "150783-2023.json"
  std::string text;  // the file's JSON text
};

struct RuleError {
  std::string file, path, code, message;
};

class Checker {
 public:
  // Validates every file; on any error returns nullptr and lists every problem found.
  static std::unique_ptr<Checker> create(const std::vector<RuleFile>& files, std::vector<RuleError>& errors);
  ~Checker();

  // Profile JSON text in, result JSON text out. Never throws: bad input gives {"ok":false,…}.
  std::string evaluate(std::string_view profile_json) const;
  // Same, and tells whether the input was valid (for exit codes).
  std::string evaluate(std::string_view profile_json, bool& input_ok) const;
  // Same, appending the result to `out`: for many profiles, `out` keeps its capacity from one to
  // the next (jxjy batch).
  void evaluate_into(std::string_view profile_json, std::string& out, bool& input_ok) const;

  // The notice's own forms this profile needs, filled (CONTRACT §5.2): {"ok":true,"forms":[…]}, or for
  // bad input the same {"ok":false,…} result as evaluate. input_ok: whether the input was valid.
  std::string forms(std::string_view profile_json) const;
  std::string forms(std::string_view profile_json, bool& input_ok) const;

  // The region catalogue: every region with rules, its rule sets and the circumstances they know.
  std::string regions() const;

  // The rule set with this id in words, as Markdown (`jxjy explain`): every requirement, conversion,
  // cap, exclusion, filing rule and adjustment with its document and clause. locale: "zh" or "en".
  // rule_set_id may also be the name of the file it was loaded from. Empty when none matches.
  std::string explain(std::string_view rule_set_id, std::string_view locale = "zh") const;

  // The id of the rule set `check` applies to a profile of this region and application date (YYYYMMDD):
  // the code's own, else its city's, else its province's; of those, the latest in force on the date
  // (validFrom <= date), else the earliest. Empty when no rule set covers the region. Front ends ask this
  // rather than choosing themselves (the page's region picker and circumstance list).
  std::string rule_set_for(std::string_view region, int application_date) const;

 private:
  friend struct CheckerAccess;  // the core's entry points outside this header (check.h, the roll)
  Checker();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A roll: one spreadsheet (CSV text, UTF-8, BOM stripped) of many people, one row per training record
// with a person column and the person's fields; headers and values are the words of
// core/data/vocabulary.json (rollColumn, and each enum's zh/en/id/"also" words). README "Roll".
inline constexpr size_t kMaxRollBytes = size_t(16) << 20;  // longer: too_long

struct RollError {
  size_t row = 0;      // spreadsheet row, 1 = the header; 0 = the whole file
  std::string column;  // the header as written ("" for the whole row or file)
  std::string code, message;
  std::string detail;  // the message without its place (for a view that shows row and column itself)
};
struct RollPerson {
  std::string name;
  size_t first_row = 0;
  std::string profile;             // the contract's profile JSON without a locale (not to evaluate when errors is not empty)
  std::vector<size_t> rows;        // rows[i]: the row of training[i]
  std::vector<size_t> all_rows;    // every row of this person, in order (also rows without a record)
  std::vector<RollError> errors;   // this person's rows that could not be read
  std::vector<RollError> warnings; // e.g. same_name: the same name in another block of rows, checked apart
};
// A column of the roll's header row as the reader took it.
struct RollColumn {
  size_t index = 0;     // 0-based cell of the header row
  std::string header;   // as written
  std::string column;   // the vocabulary's rollColumn id, "" when not used
  bool guessed = false; // taken by a part of the header ("like" words), not its exact words: said in notes
  std::string unit;     // a unit the header names ("培训学时": hours), used for amounts written without one
};
struct Roll {
  std::vector<RollPerson> people;  // in the order of their first row
  std::vector<RollError> errors;   // problems of the whole file (header, encoding, a row without a name)
  // Added in contract v3 (issue 27): how the reader took a roll as offices write it.
  size_t header_row = 0;            // the header's row (1-based; rows above it are the title); 0: none read
  std::string title;                // the non-empty cells of the rows above the header ("2023年……花名册")
  std::vector<RollColumn> columns;  // every non-empty header cell, in order
  std::vector<RollError> notes;     // said once, not errors: unused_columns, column_guessed, filled_down, route_assumed
};
// How to read a roll beyond its own words (the page's column-mapping step, its region catalogue).
struct RollOptions {
  std::string locale = "zh";  // "zh" or "en": the language of the reader's messages (the profiles carry none)
  // header as written -> rollColumn id ("" = not used): the clerk's choice over the reader's guess
  std::vector<std::pair<std::string, std::string>> columns;
  // region names the region column may hold -> GB/T 2260 code: entries (code, name) of a catalogue (the
  // page: web/region-catalogue.txt; jxjy roll: the rule sets' regions). A name is a region's name, or its
  // name after its city's or province's ("郑州市金水区"); a six-digit code is taken as it is.
  std::vector<std::pair<std::string, std::string>> regions;
  // YYYY-MM-DD: the day of the check (checkDate) for people whose rows give no 核查日期; "" = none (the
  // core's default: their applicationDate). Checked by the core like any checkDate.
  std::string check_date;
};
Roll read_roll(std::string_view csv_text, const RollOptions& options);
// locale "zh" or "en": the language of the reader's messages (the profiles carry none).
Roll read_roll(std::string_view csv_text, std::string_view locale = "zh");

// The regions that have rule sets, as (code, name): the region names `jxjy roll` reads (RollOptions::regions).
std::vector<std::pair<std::string, std::string>> rule_set_regions(const Checker& checker);

// The same reading, a person at a time, for a roll of any size (jxjy roll, the page's roll worker): the
// constructor reads the header and finds each row's person (the file's errors, notes, namesakes); person(i)
// reads person i's rows (in the order of their first row) into a RollPerson. Holds the text and an
// index of it, never every person: csv_text must outlive the reader. read_roll is every person(i).
class RollReader {
 public:
  RollReader(std::string_view csv_text, const RollOptions& options);
  ~RollReader();
  RollReader(const RollReader&) = delete;
  RollReader& operator=(const RollReader&) = delete;
  size_t size() const;                          // people (0 when errors() holds a file error)
  const std::vector<RollError>& errors() const;  // problems of the whole file, as Roll::errors
  const Roll& head() const;                     // the Roll without its people: errors, header_row, title, columns, notes
  RollPerson person(size_t i) const;            // i < size()

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Where a checker's error about a roll person's profile stands in the spreadsheet (the one map of a
// JSON Pointer to the roll: the results CSV says its errors by it, the roll view places them with it).
// path: the error's pointer ("/training/2/hours", "/route"); rows: the person's RollPerson::rows.
// row: the row of the record the path is in (rows[2]); 0 when it is in no record (a person's field, "")
// or names none (an index past rows). column: the id of the vocabulary rollColumn whose path is that
// field ("/route": route; a record's "level": confLevel, "hours" or any unit: amount); "" when none.
struct RollPlace {
  size_t row = 0;
  std::string_view column;  // static text (the vocabulary's)
};
RollPlace roll_place(std::string_view path, const std::vector<size_t>& rows);

// The results of a roll as CSV (UTF-8, CRLF, headers of vocabulary rollResultColumn in `locale`): one
// line per person, evaluated in `locale` unless the person's rows have errors. all_ok: no row error, every
// person's input valid.
std::string roll_results_csv(const Checker& checker, const Roll& roll, std::string_view locale, bool& all_ok);
// The same CSV a person at a time (a roll of any size, read by RollReader): its header line, then per
// person its line appended to out (ok: false when the line's verdict is an error).
std::string roll_results_header(std::string_view locale);
void roll_results_line(const Checker& checker, const RollPerson& person, std::string_view locale, std::string& out,
                       bool& ok);

// Rule files as compiled into the library (the repository's rules/ at build time).
std::vector<RuleFile> builtin_rule_files();

}  // namespace jxjy
