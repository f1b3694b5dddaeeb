// jxjy CLI: a thin shell over jxjy::Checker (reads files and stdin, prints JSON, sets exit codes).
#include <fcntl.h>
#include <iconv.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "bounded_input.h"
#include "jxjy/jxjy.h"

namespace fs = std::filesystem;

namespace {

const char* kUsage = R"(jxjy — continuing-education (继续教育) eligibility checker

usage:
  jxjy [--rules DIR] check FILE|-      check one profile (JSON file, or - for stdin); prints one result
  jxjy [--rules DIR] forms FILE|-      the notice's own forms this profile needs (附表, 附件1 …), filled
                                       from the profile and its result: {"ok":true,"forms":[…]}; bad
                                       input gives the ok:false result of check (same exit codes)
  jxjy [--rules DIR] batch             JSON Lines on stdin, one result line per non-empty input line,
                                       same order, streaming; a bad line gets its ok:false result
  jxjy [--rules DIR] regions           the region catalogue (regions with rules) as JSON
  jxjy [--rules DIR] roll FILE|- [--locale en]
                                       a roll: a CSV of many people, one row per training record
                                       (README "Roll"); UTF-8 (with or without BOM) or GB18030,
                                       comma or semicolon. Writes one CSV line per person on stdout:
                                       姓名,行号,结论,适用规则,缺口,能否补足,截止日期,提示,错误
                                       (English headers with --locale en); row errors also on stderr,
                                       and what the reader assumed as "note:" lines (a title row, columns
                                       not used, names written once, no 申报途径). 地区: a code or the
                                       name of a region with rules (青海省)
  jxjy validate-rules DIR              validate every rule file in DIR
  jxjy [--rules DIR] explain FILE|ID [--locale en]
                                       a rule set in words (Markdown), each rule with its document and
                                       clause, to proofread against the notice: a rule file (read with
                                       the rule folder, so its basedOn resolves) or a rule-set id
  jxjy --help | --version

options:
  --rules DIR   use the rule files in DIR instead of the repository's rules/ (the built-in copy is
                used when that folder is absent)
  --locale L    zh (default) or en: the language of explain and roll

exit codes: 0 the check ran (whatever the verdict), 2 bad input (roll: any row or person that could
not be checked; the other people are still written; too_long past 16 MiB) (an ok:false result is still
printed: too_long past 1 MiB, unreadable input) or invalid rule files, 1 internal failure (e.g.
unusable rules folder, output that could not be written).
Profile and result formats: CONTRACT.md; rule file format: rules/README.md.
)";

// A file's text, at most jxjy::kMaxDocumentBytes + 1 bytes of it (the core refuses a longer one as
// too_long, and /dev/zero is not read forever). False with errno set when it cannot be read (a
// directory: EISDIR).
bool read_file(const fs::path& p, std::string& out) {
  int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  int error = 0;
  bool ok = jxjy_cli::read_bounded(jxjy_cli::fd_source(fd), jxjy::kMaxDocumentBytes, out, error);
  ::close(fd);
  errno = error;
  return ok;
}

// Output must stay valid UTF-8 whatever a file name holds: each byte that is not part of a valid
// UTF-8 sequence becomes U+FFFD.
std::string valid_utf8(std::string_view s) {
  std::string o;
  o.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    bool ok = n > 0 && i + n <= s.size();
    for (size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (ok && n >= 3) {  // no overlong forms, no surrogates, nothing past U+10FFFF
      unsigned char d = static_cast<unsigned char>(s[i + 1]);
      ok = !(c == 0xE0 && d < 0xA0) && !(c == 0xED && d > 0x9F) && !(c == 0xF0 && d < 0x90) && !(c == 0xF4 && d > 0x8F);
    }
    if (ok) o.append(s.substr(i, n));
    else o += "\xEF\xBF\xBD";
    i += ok ? n : 1;
  }
  return o;
}

std::string display(const fs::path& p) { return valid_utf8(p.string()); }

// Everything written to stdout must arrive: a full disk or a closed file is exit 1, not a silent 0.
int finish(int code) {
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::fprintf(stderr, "jxjy: cannot write the output: %s\n", std::strerror(errno ? errno : EIO));
    return 1;
  }
  return code;
}

// Every *.json in dir except JSON Schemas, in name order so errors come out stably. A file that
// cannot be read is listed in `unreadable` (code "unreadable"): one that is not a regular file after
// following links (a FIFO would block, a device never end) is not opened at all. README "Limits" hold
// before anything is read: more than jxjy::kMaxRuleSets files are refused as too_many (a folder of
// 10,000 files reads none of them), and a regular file over 1 MiB is too_long without being read.
// count: the number of rule files the folder lists.
bool read_rule_dir(const fs::path& dir, std::vector<jxjy::RuleFile>& files, std::string& problem,
                   std::vector<jxjy::RuleError>& unreadable, size_t& count) {
  std::error_code ec;
  count = 0;
  if (!fs::is_directory(dir, ec)) {
    problem = "not a folder: " + display(dir);
    return false;
  }
  std::vector<fs::path> paths;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    std::string name = p.filename().string();
    if (p.extension() != ".json" || name.find(".schema.") != std::string::npos) continue;
    if (++count <= jxjy::kMaxRuleSets) paths.push_back(p);  // only counted past the limit
  }
  if (ec) {
    problem = "cannot read " + display(dir) + ": " + ec.message();
    return false;
  }
  if (count > jxjy::kMaxRuleSets) {
    unreadable.push_back({"", "", "too_many",
                          "at most " + std::to_string(jxjy::kMaxRuleSets) + " rule sets, not " +
                              std::to_string(count) + " (" + display(dir) + "); none was read"});
    return true;
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    jxjy::RuleFile f{valid_utf8(p.filename().string()), ""};  // names reach results (ruleSet.file): UTF-8
    struct stat st;
    std::string why;
    if (::stat(p.c_str(), &st) != 0) why = std::strerror(errno);
    else if (!S_ISREG(st.st_mode)) why = "not a regular file";
    else if (st.st_size > off_t(jxjy::kMaxDocumentBytes)) {
      unreadable.push_back({f.name, "", "too_long",
                            "a rule file may have at most 1 MiB of JSON, not " + std::to_string(st.st_size) +
                                " bytes; not read"});
      continue;
    } else if (!read_file(p, f.text)) why = std::strerror(errno);
    if (!why.empty()) unreadable.push_back({f.name, "", "unreadable", "cannot read " + display(p) + ": " + why});
    else files.push_back(std::move(f));
  }
  return true;
}

// A JSON string (quoted) of any bytes: made valid UTF-8, then escaped by the core's writer.
std::string json_string(const std::string& raw) {
  std::string o;
  jxjy::append_json_string(o, valid_utf8(raw));
  return o;
}

void print_rule_errors(const std::vector<jxjy::RuleError>& errors, FILE* out) {
  for (const auto& e : errors)
    std::fprintf(out, "%s: %s: %s (%s)\n", valid_utf8(e.file).c_str(), e.path.empty() ? "(root)" : e.path.c_str(),
                 valid_utf8(e.message).c_str(), e.code.c_str());
}

int validate_rules(const fs::path& dir) {
  std::vector<jxjy::RuleFile> files;
  std::string problem;
  std::vector<jxjy::RuleError> errors;  // unreadable files first, then what the core finds
  size_t seen = 0;
  bool listed = read_rule_dir(dir, files, problem, errors, seen);
  if (!listed) errors.push_back({"", "", "unreadable", problem});
  else if (!files.empty() || errors.empty()) jxjy::Checker::create(files, errors);
  std::string out = "{\"ok\":" + std::string(errors.empty() ? "true" : "false") +
                    ",\"files\":" + std::to_string(seen) + ",\"errors\":[";
  for (size_t i = 0; i < errors.size(); ++i) {
    const auto& e = errors[i];
    out += (i ? "," : "") + std::string("{\"file\":") + json_string(e.file) + ",\"path\":" + json_string(e.path) +
           ",\"code\":" + json_string(e.code) + ",\"message\":" + json_string(e.message) + "}";
  }
  out += "]}\n";
  std::fputs(out.c_str(), stdout);
  print_rule_errors(errors, stderr);
  return finish(errors.empty() ? 0 : 2);
}

// The result line for input that could not be read (a directory, a failing device).
std::string unreadable_result(const std::string& what, int error) {
  return "{\"ok\":false,\"errors\":[{\"code\":\"unreadable\",\"path\":\"\",\"message\":" +
         json_string("cannot read " + what + ": " + std::strerror(error)) + "}],\"warnings\":[]}\n";
}

// FILE (a rule file, checked with the rule folder so that a basedOn resolves; it replaces the folder's
// file of the same name) or ID -> the rule set in words on stdout.
int explain(std::vector<jxjy::RuleFile> files, const std::string& what, const std::string& locale) {
  std::string key = what;
  std::error_code ec;
  if (fs::is_regular_file(what, ec)) {
    jxjy::RuleFile f{fs::path(what).filename().string(), ""};
    if (!read_file(what, f.text)) {
      std::fprintf(stderr, "jxjy: cannot read %s\n", what.c_str());
      return 2;
    }
    key = f.name;
    auto same = std::find_if(files.begin(), files.end(), [&](const jxjy::RuleFile& g) { return g.name == f.name; });
    if (same != files.end()) *same = std::move(f);
    else files.push_back(std::move(f));
  }
  std::vector<jxjy::RuleError> errors;
  auto checker = jxjy::Checker::create(files, errors);
  if (!checker) {
    std::fprintf(stderr, "jxjy: the rule files are invalid:\n");
    print_rule_errors(errors, stderr);
    return 2;
  }
  std::string text = checker->explain(key, locale);
  if (text.empty()) {
    std::fprintf(stderr, "jxjy: no rule file or rule-set id '%s' (see jxjy regions)\n", what.c_str());
    return 2;
  }
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}

int batch(const jxjy::Checker& checker) {
  std::string out;
  bool written = true;
  auto flush = [&] {
    if (written && !out.empty()) written = std::fwrite(out.data(), 1, out.size(), stdout) == out.size();
    if (written) written = std::fflush(stdout) == 0;
    out.clear();
  };
  // A line longer than the core's limit (plus its '\r') comes as its first bytes: too_long.
  jxjy_cli::LineReader in(jxjy::kMaxDocumentBytes + 1, jxjy_cli::fd_source(0));
  std::string_view line;
  bool ok;
  // Stream: results are written out before waiting for more input, and whenever 64 KB are ready.
  while (written && in.next(line, [&] { if (!out.empty()) flush(); })) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!in.cut() && line.find_first_not_of(" \t") == std::string_view::npos) continue;  // a cut line is too_long, never blank
    checker.evaluate_into(line, out, ok);
    out += '\n';
    if (out.size() > (1 << 16)) flush();
  }
  int code = 0;
  if (written && in.error()) {  // e.g. stdin is a directory: said in the stream and on stderr
    out += unreadable_result("the input", in.error());
    std::fprintf(stderr, "jxjy: cannot read the input: %s\n", std::strerror(in.error()));
    code = 2;
  }
  flush();
  return finish(written ? code : 1);
}

// check, or forms (CONTRACT §5.2): the same reading, the same exit codes.
int check(const jxjy::Checker& checker, const std::string& arg, bool forms = false) {
  std::string text;
  bool read = arg == "-" ? [&] {
    int error = 0;
    bool ok = jxjy_cli::read_bounded(jxjy_cli::fd_source(0), jxjy::kMaxDocumentBytes, text, error);
    errno = error;
    return ok;
  }() : read_file(arg, text);
  if (!read) {
    int error = errno;
    std::fputs(unreadable_result(arg == "-" ? "the input" : arg, error).c_str(), stdout);
    return finish(2);
  }
  bool ok = false;
  std::string result = forms ? checker.forms(text, ok) : checker.evaluate(text, ok);
  std::fwrite(result.data(), 1, result.size(), stdout);
  std::fputc('\n', stdout);
  return finish(ok ? 0 : 2);
}

// Text that is not valid UTF-8 is read as GB18030 (what Excel saves on a Chinese Windows).
bool to_utf8(std::string& text) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == iconv_t(-1)) return false;
  std::string out(text.size() * 2 + 16, '\0');
  char* in = text.data();
  size_t in_left = text.size();
  char* o = out.data();
  size_t o_left = out.size();
  bool ok = iconv(cd, &in, &in_left, &o, &o_left) != size_t(-1);
  iconv_close(cd);
  if (!ok) return false;
  out.resize(out.size() - o_left);
  text = std::move(out);
  return true;
}

int roll(const jxjy::Checker& checker, const std::string& arg, const std::string& locale) {
  std::string text;
  int error = 0;
  bool read = arg == "-" ? jxjy_cli::read_bounded(jxjy_cli::fd_source(0), jxjy::kMaxRollBytes, text, error)
                         : [&] {
                             int fd = ::open(arg.c_str(), O_RDONLY | O_CLOEXEC);
                             if (fd < 0) return error = errno, false;
                             bool ok = jxjy_cli::read_bounded(jxjy_cli::fd_source(fd), jxjy::kMaxRollBytes, text, error);
                             ::close(fd);
                             return ok;
                           }();
  if (!read) {
    std::fprintf(stderr, "jxjy: cannot read %s: %s (unreadable)\n", arg == "-" ? "the input" : display(arg).c_str(),
                 std::strerror(error));
    return 2;
  }
  bool utf8 = valid_utf8(text) == text;
  if (!utf8 && text.size() <= jxjy::kMaxRollBytes && !to_utf8(text)) {
    std::fprintf(stderr, "jxjy: %s is neither UTF-8 nor GB18030 text (not_utf8)\n",
                 arg == "-" ? "the input" : display(arg).c_str());
    return 2;
  }
  // A person at a time: a roll of 700,000 rows holds its text, an index and one person's result.
  jxjy::RollOptions options;
  options.locale = locale;
  options.regions = jxjy::rule_set_regions(checker);  // 630000 or 青海省: the rule sets' regions by code or name
  jxjy::RollReader r(text, options);
  for (const auto& n : r.head().notes) std::fprintf(stderr, "jxjy: note: %s (%s)\n", n.message.c_str(), n.code.c_str());
  for (const auto& e : r.errors())
    std::fprintf(stderr, "jxjy: row %zu%s%s: %s (%s)\n", e.row, e.column.empty() ? "" : ", column ",
                 e.column.c_str(), e.message.c_str(), e.code.c_str());
  if (!r.errors().empty() && r.size() == 0) return 2;
  // (each person's errors and warnings on stderr, their line on stdout in blocks of 64 KiB)
  bool all_ok = r.errors().empty();
  std::string out = jxjy::roll_results_header(locale);
  for (size_t i = 0; i < r.size(); ++i) {
    const jxjy::RollPerson p = r.person(i);
    for (const auto& e : p.errors)
      std::fprintf(stderr, "jxjy: row %zu, column %s: %s (%s)\n", e.row, e.column.c_str(), e.message.c_str(),
                   e.code.c_str());
    for (const auto& w : p.warnings)
      std::fprintf(stderr, "jxjy: row %zu: warning: %s (%s)\n", w.row, w.message.c_str(), w.code.c_str());
    if (!r.errors().empty()) continue;
    bool ok = true;
    jxjy::roll_results_line(checker, p, locale, out, ok);
    all_ok = all_ok && ok;
    if (out.size() >= (size_t(1) << 16)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  if (!r.errors().empty()) return 2;
  std::fwrite(out.data(), 1, out.size(), stdout);
  return finish(all_ok ? 0 : 2);
}

}  // namespace

int run(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string rules_dir;
  bool rules_given = false;
  std::string locale = "zh";
  std::vector<std::string> rest;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      std::fputs(kUsage, stdout);
      return finish(0);
    }
    if (args[i] == "--version") {
      std::printf("jxjy %s\n", jxjy::version());
      return finish(0);
    }
    if (args[i] == "--rules") {
      if (i + 1 >= args.size()) {
        std::fputs("jxjy: --rules needs a folder\n", stderr);
        return 2;
      }
      rules_dir = args[++i];
      rules_given = true;
    } else if (args[i] == "--locale") {
      if (i + 1 >= args.size() || (args[i + 1] != "zh" && args[i + 1] != "en")) {
        std::fputs("jxjy: --locale needs zh or en\n", stderr);
        return 2;
      }
      locale = args[++i];
    } else {
      rest.push_back(args[i]);
    }
  }
  if (rest.empty()) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  const std::string& cmd = rest[0];
  if (cmd == "validate-rules") {
    if (rest.size() != 2) {
      std::fputs("jxjy: usage: jxjy validate-rules DIR\n", stderr);
      return 2;
    }
    return validate_rules(rest[1]);
  }
  if (cmd != "check" && cmd != "forms" && cmd != "batch" && cmd != "regions" && cmd != "explain" && cmd != "roll") {
    std::fprintf(stderr, "jxjy: unknown command '%s' (see jxjy --help)\n", cmd.c_str());
    return 2;
  }
  bool one_arg = cmd == "check" || cmd == "forms" || cmd == "explain" || cmd == "roll";
  if ((one_arg && rest.size() != 2) || (!one_arg && rest.size() != 1)) {
    std::fprintf(stderr, "jxjy: wrong arguments for '%s' (see jxjy --help)\n", cmd.c_str());
    return 2;
  }

  std::vector<jxjy::RuleFile> files;
  std::error_code ec;
  if (!rules_given && fs::is_directory(JXJY_RULES_DIR, ec)) rules_dir = JXJY_RULES_DIR;
  if (rules_dir.empty()) {
    files = jxjy::builtin_rule_files();
  } else {
    std::string problem;
    std::vector<jxjy::RuleError> unreadable;
    size_t count = 0;
    if (!read_rule_dir(rules_dir, files, problem, unreadable, count)) {
      std::fprintf(stderr, "jxjy: %s\n", problem.c_str());
      return 1;
    }
    if (!unreadable.empty()) {
      std::fprintf(stderr, "jxjy: the rule folder cannot be used:\n");
      print_rule_errors(unreadable, stderr);
      return 1;
    }
  }
  if (cmd == "explain") return explain(std::move(files), rest[1], locale);
  std::vector<jxjy::RuleError> errors;
  auto checker = jxjy::Checker::create(files, errors);
  if (!checker) {
    std::fprintf(stderr, "jxjy: the rule files are invalid:\n");
    print_rule_errors(errors, stderr);
    return 1;
  }
  if (cmd == "regions") {
    std::string out = checker->regions();
    std::printf("%s\n", out.c_str());
    return finish(0);
  }
  if (cmd == "batch") return batch(*checker);
  if (cmd == "roll") return roll(*checker, rest[1], locale);
  return check(*checker, rest[1], cmd == "forms");
}

// Any allocation that fails (a huge input under a memory limit) ends the CLI with exit 1 and a
// message, never with an abort.
int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::bad_alloc&) {
    std::fputs("jxjy: out of memory (the input is too large for the memory this process may use)\n", stderr);
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "jxjy: internal error: %s\n", e.what());
    return 1;
  }
}
