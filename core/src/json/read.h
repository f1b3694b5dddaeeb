// Reading untrusted JSON without throwing: every accessor checks the type first and records a
// problem (code, JSON Pointer, bilingual message) instead of failing, so one pass reports every
// problem at once.
#pragma once
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "json/value.h"

#include "base/vocabulary.h"
#include "base/messages.h"
#include "base/names.h"

namespace jxjy {

using Json = JsonValue;

struct Problem {
  std::string code, path;
  Text message;
};

std::string escape_pointer_token(std::string_view key);
// The kind of a JSON value in words (kind_null, kind_string, …).
M kind_of(const Json& v);

// Parses text without exceptions; nesting deeper than max_depth is refused before parsing so a
// hostile "[[[[…" cannot exhaust the stack.
// Which lexer reads the text: nlohmann's (rule files, read once) or the fast one of json/lexer.h
// (the wasm module, built with JXJY_ONE_LEXER, reads both with the fast one: bench/README.md)
// (profiles, the hot path). Both give the same answers; the fuzz target compares them.
enum class Lexer { nlohmann, fast };
// The deepest nesting parse_json can be asked to allow (profiles 16, rule files 32): a larger max_depth
// is taken as this.
constexpr size_t kMaxJsonDepth = 32;
bool parse_json(std::string_view text, size_t max_depth, JsonDoc& out, Problem& problem, Lexer lexer);

// A JSON Pointer in parts, written out only when a problem is reported: each part lives on the caller's
// stack and points at the part before it (a literal pointer, then members' keys and array indexes), so
// reading a valid rule file builds no pointer text. A Path made from a temporary (`Path("/a") / "b"`
// stored in a variable) would point at a part already gone: name the parent, or pass the whole
// expression as an argument (its parts live until the call returns).
class Path {
 public:
  Path(const char* pointer) : text_(pointer) {}  // NOLINT: implicit on purpose ("", "/annual")
  Path operator/(std::string_view key) const { return Path(this, key.data() ? key.data() : "", key.size()); }
  Path operator/(size_t index) const { return Path(this, nullptr, index); }
  std::string str() const;

 private:
  // Three words: the first part is a literal pointer (up_ null, text_ its NUL-terminated text); a later
  // part is a member's key (text_, n_: escaped when written) or, when text_ is null, the array index n_.
  Path(const Path* up, const char* text, size_t n) : up_(up), text_(text), n_(n) {}
  void append_to(std::string& out) const;
  const Path* up_ = nullptr;
  const char* text_;
  size_t n_ = 0;
};

// A JSON Pointer built only when a problem is reported: most fields are fine, and building
// "/training/12/hours" for each of them would cost more than reading the value.
struct PathRef {
  std::string_view base;
  const char* leaf = nullptr;
  const Path* path = nullptr;  // the pointer in parts (rule files), instead of base
  PathRef(const std::string& b) : base(b) {}  // NOLINT: implicit on purpose
  PathRef(const char* b) : base(b) {}         // NOLINT
  PathRef(const Path& p) : path(&p) {}        // NOLINT
  PathRef(std::string_view b, const char* l) : base(b), leaf(l) {}
  PathRef(const Path& p, const char* l) : leaf(l), path(&p) {}
  std::string str() const {
    std::string s = path ? path->str() : std::string(base);
    if (leaf) s.append("/").append(leaf);
    return s;
  }
};

class Reader {
 public:
  explicit Reader(std::vector<Problem>& out) : out_(out) {}

  // A problem at `path` (written out here: only problems pay for their pointer).
  void add(std::string code, PathRef path, Text message) {
    out_.push_back({std::move(code), path.str(), std::move(message)});
  }
  size_t count() const { return out_.size(); }

  static const Json* member(const Json& obj, std::string_view key) { return obj.is_object() ? obj.find(key) : nullptr; }

  void missing(PathRef path) {
    add("missing", path.str(), message_text(M::input_missing));
  }
  // want: the kind expected, a kind_… message.
  void wrong_type(PathRef path, const Json& v, M want) {
    add("wrong_type", path.str(), message_text(M::input_wrong_type, message_text(want), message_text(kind_of(v))));
  }

  // Integer in [lo, hi]; a whole-valued float (2023.0) is accepted, 2023.5 is not.
  bool integer(const Json* v, PathRef path, long lo, long hi, int& out, bool required);
  bool number(const Json* v, PathRef path, double lo, double hi, double& out, bool required);
  bool boolean(const Json* v, PathRef path, bool& out, bool required);
  bool string(const Json* v, PathRef path, size_t max_len, std::string& out, bool required);
  // yyyymmdd from "YYYY-MM-DD", checking the day exists.
  bool date(const Json* v, PathRef path, int& out, bool required);

  bool choice(const Json* v, PathRef path, Names table, int& out, bool required, size_t limit = size_t(-1)) {
    if (!v || !v->is_string() || v->string().size() > 64) {
      std::string ignored;
      return string(v, path, 64, ignored, required);  // reports missing / wrong type / too long
    }
    std::string_view view = v->string();
    int i = find_name(table, view);
    if (i < 0 || size_t(i) >= limit) {
      std::string s(view);
      add("invalid_value", path.str(),
          message_text(M::input_not_a_choice, s, Text{name_list(table, Locale::zh, limit), name_list(table, Locale::en, limit)}));
      return false;
    }
    out = i;
    return true;
  }

 private:
  std::vector<Problem>& out_;
};

int days_in_month(int year, int month);
bool valid_date(int yyyymmdd);
// Days since 1970-01-01 of a valid yyyymmdd (the civil-from-days algorithm), for spans of dates.
inline int day_number(int ymd) {
  int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400, yoe = y - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}
inline int days_between(int from, int to) { return day_number(to) - day_number(from); }

}  // namespace jxjy
