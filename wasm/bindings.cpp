// jxjy wasm bindings: a thin embind shell over jxjy::Checker (CONTRACT §1, the JS module web/jxjy.js).
//
// One module instance holds one Checker. No rule logic here, and no JSON library either (the core's
// parser does all the reading, so nlohmann's serializer stays out of the wasm).
//   add_rule_set(text)  queue one rule set (JSON text); queued sets are named rules[0], rules[1], …
//   init(builtin)       create the Checker from the built-in rule files (builtin = true) or from the
//                       queued rule sets. Returns "[]" when it is ready, else a JSON array of the
//                       problems, each {file, path, code, message} (file = "rules[i]" or "").
//   input_buffer(n)     the address of room for n bytes: JS writes the profile's UTF-8 text there
//   evaluate_input(n)   evaluates those first n bytes (Checker::evaluate never throws); returns the
//                       address of 2 words: where the result's JSON text (UTF-8) is and its length in bytes,
//                       valid until the next evaluate_input; 0 before init
//   forms_input(n)      the notice's forms for the profile in the input buffer's first n bytes, as JSON
//                       text ({"ok":true,"forms":[…]} or the ok:false result of evaluate); "" before init
//   regions()           the region catalogue as JSON text ("[]" before a successful init).
//   explain(id, locale) the rule set with that id in words (Markdown, "zh" or "en"); "" when none has it.
//   rule_set_for(region, date) the id of the rule set a profile of that region and date (YYYYMMDD) is checked against; "" when none.
//   version()           the library version.
//   messages(keys)      the catalogue's texts for comma-separated keys: {"key":{"zh":…,"en":…},…}
//   read_roll(csv, locale, columns, regions, check_date)  a roll (README "Roll") as JSON text: {people:[{name, firstRow,
//                       profile, rows, allRows, errors, warnings}], errors, notes, headerRow, title, columns},
//                       each error {row, column, code, message, detail}; profile is the contract's profile
//                       (a JSON object), to evaluate only when the person has no errors. columns: the clerk's
//                       "header<TAB>rollColumn id" lines; regions: a region list's "code name" lines
//                       ("" : the rule sets' regions); check_date: YYYY-MM-DD, the checkDate of every profile
//                       whose rows give no 核查日期 ("": none)
//   roll_results_csv(csv, locale, check_date, columns, regions)  the roll's results as CSV, as `jxjy roll`
//                       writes them; a person whose rows give no 核查日期 is checked on check_date
//   roll_buffer(n)      closes the open roll and gives the address of room for a roll's n bytes: JS writes
//                       the roll's UTF-8 text (a file's bytes as they are) there, once: no other copy of a
//                       16 MiB roll is made in the module, nor a JS string of it
//   roll_open(locale, columns, regions, check_date)  reads the header of the roll in roll_buffer and finds each
//                       row's person, keeping the text in the module: read_roll's answer without people, with
//                       "size" (people); then roll_people(from, count) gives people [from, from + count) as
//                       read_roll's people (a JSON array), and roll_close() lets the text go. One roll open at a
//                       time (the worker).
//   roll_place(path, rows)  where a checker's error (its JSON Pointer) stands in a roll person's rows
//                       (readRoll's rows, joined: "5,7,9"): {"row":9,"column":"amount"} (jxjy::roll_place)
// The profile and the result cross as bytes in wasm memory, not as embind strings: embind's string
// conversion scans and decodes in JS byte by byte, which cost more than the evaluation itself. The result
// is the core's own JSON text (bench/README.md "The checker's boundary: tape or JSON").
#include <emscripten/bind.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "jxjy/jxjy.h"
#include "base/cold.h"

namespace {

// What runs once or on demand (loading the rules, the catalogue, explain, forms, the roll) is JXJY_COLD:
// built for size, the optimiser keeps the loader, explainer and roll reader as calls instead of copying
// them into these wrappers (bench/README.md "The wasm's contents"). Every evaluation's path stays -O3.

std::unique_ptr<jxjy::Checker> g_checker;
std::vector<jxjy::RuleFile> g_pending;
std::string g_input;
std::string g_result;                   // the last result's JSON text; keeps its capacity from one to the next
std::array<uint32_t, 2> g_result_view;  // where it is: address, length in bytes

void quote(std::string& out, const std::string& s) { jxjy::append_json_string(out, s); }

// Calls each(part) for every non-empty part of `text` between `sep`s: the one splitter of the text that
// JS joins for these calls (lines of columns and regions, comma-separated keys and row numbers).
template <typename Each>
void each_part(std::string_view text, char sep, Each each) {
  for (size_t i = 0; i < text.size();) {
    const size_t e = std::min(text.find(sep, i), text.size());
    if (e > i) each(text.substr(i, e - i));
    i = e + 1;
  }
}

void add_rule_set(const std::string& text) {
  g_pending.push_back({"rules[" + std::to_string(g_pending.size()) + "]", text});
}

JXJY_COLD std::string init(bool builtin) {
  g_checker.reset();
  std::vector<jxjy::RuleFile> files = builtin ? jxjy::builtin_rule_files() : std::move(g_pending);
  g_pending.clear();
  std::vector<jxjy::RuleError> errors;
  auto checker = jxjy::Checker::create(files, errors);
  std::string out = "[";
  for (const auto& e : errors) {
    if (out.size() > 1) out += ',';
    out += "{\"file\":";
    quote(out, e.file);
    out += ",\"path\":";
    quote(out, e.path);
    out += ",\"code\":";
    quote(out, e.code);
    out += ",\"message\":";
    quote(out, e.message);
    out += '}';
  }
  if (checker && errors.empty()) g_checker = std::move(checker);
  else if (errors.empty())
    out += R"({"file":"","path":"","code":"invalid_rules","message":"the rule sets could not be loaded"})";
  return out + "]";
}

uintptr_t input_buffer(size_t n) {
  g_input.resize(n);
  return reinterpret_cast<uintptr_t>(g_input.data());
}

uintptr_t evaluate_input(size_t n) {
  if (!g_checker) return 0;
  g_result.clear();
  bool input_ok;
  g_checker->evaluate_into(std::string_view(g_input.data(), std::min(n, g_input.size())), g_result, input_ok);
  g_result_view = {uint32_t(reinterpret_cast<uintptr_t>(g_result.data())), uint32_t(g_result.size())};
  return reinterpret_cast<uintptr_t>(g_result_view.data());
}

JXJY_COLD std::string forms_input(size_t n) {
  if (!g_checker) return std::string();
  return g_checker->forms(std::string_view(g_input.data(), std::min(n, g_input.size())));
}

JXJY_COLD std::string regions() { return g_checker ? g_checker->regions() : std::string("[]"); }

JXJY_COLD std::string explain(const std::string& id, const std::string& locale) {
  return g_checker ? g_checker->explain(id, locale) : std::string();
}

// The rule set's id for a region and application date (YYYYMMDD), "" when none covers it.
JXJY_COLD std::string rule_set_for(const std::string& region, int date) {
  return g_checker ? g_checker->rule_set_for(region, date) : std::string();
}

std::string version() { return jxjy::version(); }

JXJY_COLD void roll_errors(std::string& out, const std::vector<jxjy::RollError>& errors) {
  out += '[';
  for (size_t i = 0; i < errors.size(); ++i) {
    const auto& e = errors[i];
    out += i ? ",{\"row\":" : "{\"row\":";
    out += std::to_string(e.row);
    out += ",\"column\":";
    quote(out, e.column);
    out += ",\"code\":";
    quote(out, e.code);
    out += ",\"message\":";
    quote(out, e.message);
    out += ",\"detail\":";
    quote(out, e.detail);
    out += '}';
  }
  out += ']';
}

// The reader's options from text (no JSON glue): columns "header<TAB>id" lines (id "" = not used);
// regions the lines "code name…" of a region list (web/base/china-regions.txt; "#" lines skipped).
jxjy::RollOptions roll_options(const std::string& locale, const std::string& columns, const std::string& regions,
                              const std::string& check_date) {
  jxjy::RollOptions o;
  o.locale = locale;
  o.check_date = check_date;
  each_part(columns, '\n', [&](std::string_view l) {
    size_t tab = l.find('\t');
    if (tab != std::string_view::npos) o.columns.emplace_back(std::string(l.substr(0, tab)), std::string(l.substr(tab + 1)));
  });
  each_part(regions, '\n', [&](std::string_view l) {
    if (l[0] == '#' || l.size() < 8 || l[6] != ' ') return;
    size_t end = l.find('\t', 7);
    o.regions.emplace_back(std::string(l.substr(0, 6)), std::string(l.substr(7, end == std::string_view::npos ? l.npos : end - 7)));
  });
  if (o.regions.empty() && g_checker) o.regions = jxjy::rule_set_regions(*g_checker);
  return o;
}

// One roll person as JSON: {name, firstRow, profile, rows, allRows, errors, warnings}.
void person_json(std::string& out, const jxjy::RollPerson& p) {
  out += "{\"name\":";
  quote(out, p.name);
  out += ",\"firstRow\":" + std::to_string(p.first_row) + ",\"profile\":";
  out += p.profile;  // the core's own JSON object text
  out += ",\"rows\":[";
  for (size_t k = 0; k < p.rows.size(); ++k) (out += k ? "," : "") += std::to_string(p.rows[k]);
  out += "],\"allRows\":[";
  for (size_t k = 0; k < p.all_rows.size(); ++k) (out += k ? "," : "") += std::to_string(p.all_rows[k]);
  out += "],\"errors\":";
  roll_errors(out, p.errors);
  out += ",\"warnings\":";
  roll_errors(out, p.warnings);
  out += '}';
}

// What the reader says of the whole roll, as members after read_roll's "people": ,"errors":…,"notes":…,
// "headerRow":…,"title":…,"columns":[…].
void roll_head_json(std::string& out, const jxjy::Roll& roll) {
  out += ",\"errors\":";
  roll_errors(out, roll.errors);
  out += ",\"notes\":";
  roll_errors(out, roll.notes);
  out += ",\"headerRow\":" + std::to_string(roll.header_row) + ",\"title\":";
  quote(out, roll.title);
  out += ",\"columns\":[";
  for (size_t i = 0; i < roll.columns.size(); ++i) {
    const auto& c = roll.columns[i];
    out += i ? ",{\"index\":" : "{\"index\":";
    out += std::to_string(c.index) + ",\"header\":";
    quote(out, c.header);
    out += ",\"column\":";
    quote(out, c.column);
    out += c.guessed ? ",\"guessed\":true,\"unit\":" : ",\"guessed\":false,\"unit\":";
    quote(out, c.unit);
    out += '}';
  }
  out += ']';
}

JXJY_COLD std::string read_roll(const std::string& csv, const std::string& locale, const std::string& columns,
                                const std::string& regions, const std::string& check_date) {
  jxjy::RollReader reader(csv, roll_options(locale, columns, regions, check_date));
  std::string out = "{\"people\":[";
  for (size_t i = 0; i < reader.size(); ++i) {
    if (i) out += ',';
    person_json(out, reader.person(i));
  }
  out += ']';
  roll_head_json(out, reader.head());
  return out + "}";
}

// The roll open for roll_people: its text (the reader's view of it) and reader. One at a time.
struct OpenRoll {
  std::string text;
  std::unique_ptr<jxjy::RollReader> reader;
};
std::unique_ptr<OpenRoll> g_roll;

uintptr_t roll_buffer(size_t n) {
  g_roll = std::make_unique<OpenRoll>();
  g_roll->text.resize(n);
  return reinterpret_cast<uintptr_t>(g_roll->text.data());
}

std::string roll_open(const std::string& locale, const std::string& columns, const std::string& regions,
                      const std::string& check_date) {
  if (!g_roll) g_roll = std::make_unique<OpenRoll>();
  g_roll->reader = std::make_unique<jxjy::RollReader>(g_roll->text, roll_options(locale, columns, regions, check_date));
  std::string out = "{\"size\":" + std::to_string(g_roll->reader->size());
  roll_head_json(out, g_roll->reader->head());
  return out + "}";
}

std::string roll_people(unsigned from, unsigned count) {
  std::string out = "[";
  if (g_roll && g_roll->reader)
    for (size_t i = from; i < g_roll->reader->size() && i - from < count; ++i) {
      if (i > from) out += ',';
      person_json(out, g_roll->reader->person(i));
    }
  return out + "]";
}

void roll_close() { g_roll.reset(); }

JXJY_COLD std::string roll_results_csv(const std::string& csv, const std::string& locale, const std::string& check_date,
                                       const std::string& columns, const std::string& regions) {
  if (!g_checker) return std::string();
  jxjy::RollReader reader(csv, roll_options(locale, columns, regions, check_date));
  std::string out = jxjy::roll_results_header(locale);
  for (size_t i = 0; i < reader.size(); ++i) {
    bool ok = true;
    jxjy::roll_results_line(*g_checker, reader.person(i), locale, out, ok);
  }
  return out;
}

// rows as text ("5,7,9": JS joins the array), so no emscripten::val glue joins the checker's module.
JXJY_COLD std::string roll_place(const std::string& path, const std::string& rows_text) {
  std::vector<size_t> rows;
  each_part(rows_text, ',', [&](std::string_view n) {
    size_t row = 0;
    std::from_chars(n.data(), n.data() + n.size(), row);
    rows.push_back(row);
  });
  const jxjy::RollPlace at = jxjy::roll_place(path, rows);
  std::string out = "{\"row\":" + std::to_string(at.row) + ",\"column\":";
  jxjy::append_json_string(out, at.column);
  return out + "}";
}

// The catalogue's texts for the keys in `keys` (comma-separated), both languages, as one JSON object
// {"key":{"zh":…,"en":…},…}: the JS module's own words, fetched in one call when a checker is made (twenty
// calls of a two-string function cost 1-5 ms of createChecker, most of it embind's marshalling).
JXJY_COLD std::string messages(const std::string& keys) {
  std::string out = "{";
  each_part(keys, ',', [&](std::string_view key) {
    if (out.size() > 1) out += ',';
    jxjy::append_json_string(out, key);
    out += ":{\"zh\":";
    jxjy::append_json_string(out, jxjy::message(key, "zh"));
    out += ",\"en\":";
    jxjy::append_json_string(out, jxjy::message(key, "en"));
    out += '}';
  });
  return out + "}";
}

}  // namespace

EMSCRIPTEN_BINDINGS(jxjy) {
  emscripten::function("add_rule_set", &add_rule_set);
  emscripten::function("init", &init);
  emscripten::function("input_buffer", &input_buffer);
  emscripten::function("evaluate_input", &evaluate_input);
  emscripten::function("forms_input", &forms_input);
  emscripten::function("regions", &regions);
  emscripten::function("explain", &explain);
  emscripten::function("rule_set_for", &rule_set_for);
  emscripten::function("version", &version);
  emscripten::function("messages", &messages);
  emscripten::function("read_roll", &read_roll);
  emscripten::function("roll_results_csv", &roll_results_csv);
  emscripten::function("roll_buffer", &roll_buffer);
  emscripten::function("roll_open", &roll_open);
  emscripten::function("roll_people", &roll_people);
  emscripten::function("roll_close", &roll_close);
  emscripten::function("roll_place", &roll_place);
}
