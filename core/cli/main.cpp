// jxjy CLI: a thin shell over jxjy::Checker (reads files and stdin, prints JSON, sets exit codes).
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

#include "jxjy/jxjy.h"

namespace fs = std::filesystem;

namespace {

const char* kUsage = R"(jxjy — continuing-education (继续教育) eligibility checker

usage:
  jxjy [--rules DIR] check FILE|-      check one profile (JSON file, or - for stdin); prints one result
  jxjy [--rules DIR] batch             JSON Lines on stdin, one result line per non-empty input line,
                                       same order, streaming; a bad line gets its ok:false result
  jxjy [--rules DIR] regions           the region catalogue (regions with rules) as JSON
  jxjy validate-rules DIR              validate every rule file in DIR
  jxjy [--rules DIR] explain FILE|ID [--locale en]
                                       a rule set in words (Markdown), each rule with its document and
                                       clause, to proofread against the notice: a rule file (read with
                                       the rule folder, so its basedOn resolves) or a rule-set id
  jxjy --help | --version

options:
  --rules DIR   use the rule files in DIR instead of the repository's rules/ (the built-in copy is
                used when that folder is absent)
  --locale L    zh (default) or en: the language of explain

exit codes: 0 the check ran (whatever the verdict), 2 bad input (an ok:false result is still
printed) or invalid rule files, 1 internal failure (e.g. unusable rules folder).
Profile and result formats: CONTRACT.md; rule file format: rules/README.md.
)";

bool read_file(const fs::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return bool(in) || in.eof();
}

// Every *.json in dir except JSON Schemas, in name order so errors come out stably.
bool read_rule_dir(const fs::path& dir, std::vector<jxjy::RuleFile>& files, std::string& problem) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    problem = "not a folder: " + dir.string();
    return false;
  }
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (e.path().extension() == ".json" && name.find(".schema.") == std::string::npos) paths.push_back(e.path());
  }
  if (ec) {
    problem = "cannot read " + dir.string() + ": " + ec.message();
    return false;
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    jxjy::RuleFile f{p.filename().string(), ""};
    if (!read_file(p, f.text)) {
      problem = "cannot read " + p.string();
      return false;
    }
    files.push_back(std::move(f));
  }
  return true;
}

std::string json_escape(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '"' || c == '\\') o += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      o += ' ';
      continue;
    }
    o += c;
  }
  return o;
}

void print_rule_errors(const std::vector<jxjy::RuleError>& errors, FILE* out) {
  for (const auto& e : errors)
    std::fprintf(out, "%s: %s: %s (%s)\n", e.file.c_str(), e.path.empty() ? "(root)" : e.path.c_str(),
                 e.message.c_str(), e.code.c_str());
}

int validate_rules(const fs::path& dir) {
  std::vector<jxjy::RuleFile> files;
  std::string problem;
  if (!read_rule_dir(dir, files, problem)) {
    std::fprintf(stderr, "jxjy: %s\n", problem.c_str());
    return 2;
  }
  std::vector<jxjy::RuleError> errors;
  jxjy::Checker::create(files, errors);
  std::string out = "{\"ok\":" + std::string(errors.empty() ? "true" : "false") +
                    ",\"files\":" + std::to_string(files.size()) + ",\"errors\":[";
  for (size_t i = 0; i < errors.size(); ++i) {
    const auto& e = errors[i];
    out += (i ? "," : "") + std::string("{\"file\":\"") + json_escape(e.file) + "\",\"path\":\"" + json_escape(e.path) +
           "\",\"code\":\"" + e.code + "\",\"message\":\"" + json_escape(e.message) + "\"}";
  }
  out += "]}\n";
  std::fputs(out.c_str(), stdout);
  print_rule_errors(errors, stderr);
  return errors.empty() ? 0 : 2;
}

// Reads stdin in large blocks and hands out its lines (without the '\n'); the last line may lack one.
class LineReader {
 public:
  // False at the end of the input. Before waiting for more input, calls `idle` (to flush output).
  template <class Idle>
  bool next(std::string_view& line, Idle&& idle) {
    for (;;) {
      if (const char* nl = static_cast<const char*>(std::memchr(buf_.data() + from_, '\n', to_ - from_))) {
        line = std::string_view(buf_.data() + from_, size_t(nl - (buf_.data() + from_)));
        from_ = size_t(nl - buf_.data()) + 1;
        return true;
      }
      if (eof_) {
        if (from_ == to_) return false;
        line = std::string_view(buf_.data() + from_, to_ - from_);
        from_ = to_;
        return true;
      }
      idle();
      fill();
    }
  }

 private:
  std::vector<char> buf_ = std::vector<char>(1 << 20);
  size_t from_ = 0, to_ = 0;  // the unread bytes
  bool eof_ = false;

  // Keeps the partial line at the front, grows for lines longer than the buffer, reads what is there.
  void fill() {
    std::memmove(buf_.data(), buf_.data() + from_, to_ - from_);
    to_ -= from_;
    from_ = 0;
    if (to_ == buf_.size()) buf_.resize(buf_.size() * 2);
    ssize_t n;
    do n = ::read(0, buf_.data() + to_, buf_.size() - to_);
    while (n < 0 && errno == EINTR);
    if (n <= 0) eof_ = true;
    else to_ += size_t(n);
  }
};

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
  auto flush = [&] {
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
    out.clear();
  };
  LineReader in;
  std::string_view line;
  bool ok;
  // Stream: results are written out before waiting for more input, and whenever 64 KB are ready.
  while (in.next(line, [&] { if (!out.empty()) flush(); })) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    checker.evaluate_into(line, out, ok);
    out += '\n';
    if (out.size() > (1 << 16)) flush();
  }
  flush();
  return 0;
}

int check(const jxjy::Checker& checker, const std::string& arg) {
  std::string text;
  if (arg == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    text = ss.str();
  } else if (!read_file(arg, text)) {
    std::printf("{\"ok\":false,\"errors\":[{\"code\":\"unreadable\",\"path\":\"\",\"message\":\"cannot read %s\"}],"
                "\"warnings\":[]}\n",
                json_escape(arg).c_str());
    return 2;
  }
  bool ok = false;
  std::string result = checker.evaluate(text, ok);
  std::fwrite(result.data(), 1, result.size(), stdout);
  std::fputc('\n', stdout);
  return ok ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string rules_dir;
  bool rules_given = false;
  std::string locale = "zh";
  std::vector<std::string> rest;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (args[i] == "--version") {
      std::printf("jxjy %s\n", jxjy::version());
      return 0;
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
  if (cmd != "check" && cmd != "batch" && cmd != "regions" && cmd != "explain") {
    std::fprintf(stderr, "jxjy: unknown command '%s' (see jxjy --help)\n", cmd.c_str());
    return 2;
  }
  bool one_arg = cmd == "check" || cmd == "explain";
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
    if (!read_rule_dir(rules_dir, files, problem)) {
      std::fprintf(stderr, "jxjy: %s\n", problem.c_str());
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
    return 0;
  }
  if (cmd == "batch") return batch(*checker);
  return check(*checker, rest[1]);
}
