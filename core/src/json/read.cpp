#include "json/read.h"

#ifndef JXJY_ONE_LEXER
#include <nlohmann/json.hpp>
#endif

#include "base/cold.h"
#include "base/format.h"
#include "json/lexer.h"

#include <algorithm>
#include <cstring>
#include "json/key_index.h"

namespace jxjy {

std::string escape_pointer_token(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

void Path::append_to(std::string& out) const {
  if (!up_) {
    out += text_;
    return;
  }
  up_->append_to(out);
  out += '/';
  out += text_ ? escape_pointer_token(std::string_view(text_, n_)) : std::to_string(n_);
}

std::string Path::str() const {
  std::string out;
  append_to(out);
  return out;
}

M kind_of(const Json& v) {
  switch (v.type()) {
    case Json::Type::null: return M::kind_null;
    case Json::Type::boolean: return M::kind_boolean;
    case Json::Type::string: return M::kind_string;
    case Json::Type::array: return M::kind_array;
    case Json::Type::object: return M::kind_object;
    case Json::Type::number: return M::kind_number;
  }
  return M::kind_unsupported;
}

// nlohmann's SAX events -> JsonDoc. A repeated key is remembered (the first one, with its pointer)
// and reported only if the whole text parses, so a syntax error still reads as invalid_json.
class JsonBuilder {
 public:
  using Type = JsonValue::Type;
  // Nesting beyond max_depth stops the parse (too_deep_), so neither lexer goes deeper.
  JsonBuilder(JsonDoc& doc, size_t max_depth) : doc_(doc), max_depth_(std::min(max_depth, kMaxJsonDepth)) {}

  bool null() { return add(Type::null) != nullptr; }
  bool boolean(bool b) {
    JsonValue* v = add(Type::boolean);
    if (v) v->boolean_ = b;
    return v != nullptr;
  }
  bool number_integer(int64_t n) { return number(double(n)); }
  bool number_unsigned(uint64_t n) { return number(double(n)); }
  JXJY_INLINE bool number_float(double d, const std::string&) { return number(d); }
  bool string(std::string& s) { return string_view_value(keep(s)); }
  bool binary(std::vector<uint8_t>&) { return false; }  // never produced by JSON text
  JXJY_INLINE bool start_object(size_t) { return open(Type::object); }
  JXJY_INLINE bool start_array(size_t) { return open(Type::array); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(std::string& k) { return key_view(keep(k)); }
  // The fast lexer hands over strings without escapes as views into the text: no copy.
  JXJY_INLINE bool string_view_value(std::string_view s) {
    JsonValue* v = add(Type::string);
    if (v) v->string_ = s;
    return v != nullptr;
  }
  // key_view, add and open are inlined into the lexer, their rare paths kept apart (JXJY_RARE): a call,
  // its saved registers and stack frame were ~20 instructions a key or node (~1,450 a profile).
  JXJY_INLINE bool key_view(std::string_view k) {
    if (!duplicate_ && seen_before(k)) note_duplicate(k);
    pending_key_ = k;
    return true;
  }
#ifndef JXJY_ONE_LEXER
  bool parse_error(size_t, const std::string&, const nlohmann::detail::exception&) { return false; }
#endif

  bool duplicate_ = false, too_deep_ = false;
  std::string duplicate_key_, duplicate_path_;

 private:
  struct Frame {
    JsonValue* node;
    const char* key;         // this container's member name in its parent object (key_len bytes), or
    size_t key_len;
    size_t index;            // its position in its parent array (the pointer is built only when needed)
  };
  JsonDoc& doc_;
  size_t max_depth_;
  // The open containers, in place (a vector's reserve was a malloc and free a profile).
  Frame stack_[kMaxJsonDepth];
  size_t depth_ = 0;
  std::string_view pending_key_;
  // Keys of the open objects that grew wide, one set per depth (reused): a linear scan per key made an
  // object of n keys cost n^2/2 comparisons (87,000 keys: 45 s).
  std::vector<KeyIndex> seen_;

  // Whether the open object already has key k. Small objects (nearly all) are scanned; from
  // kScanLimit members on, their keys go into a hash set, so a wide object costs linear time.
  static constexpr uint32_t kScanLimit = 32;
  bool seen_before(std::string_view k) {
    const JsonValue* obj = stack_[depth_ - 1].node;
    if (obj->count_ < kScanLimit) return obj->find(k) != nullptr;
    return seen_in_wide(obj, k);
  }
  JXJY_RARE bool seen_in_wide(const JsonValue* obj, std::string_view k) {
    size_t depth = depth_ - 1;
    if (seen_.size() <= depth) seen_.resize(depth + 1);
    auto& set = seen_[depth];
    if (obj->count_ == kScanLimit) {  // the first key past the limit: index the members so far
      set.clear();
      for (const JsonValue* c = obj->first_; c; c = c->next_) set.insert(c->key_);
    }
    return !set.insert(k);
  }

  JXJY_RARE void note_duplicate(std::string_view k) {
    duplicate_ = true;
    duplicate_key_ = std::string(k);
    duplicate_path_ = pointer() + "/" + escape_pointer_token(k);
  }
  std::string_view keep(std::string& s) {
    doc_.strings_.push_front(std::move(s));
    return doc_.strings_.front();
  }
  JXJY_INLINE bool number(double d) {
    JsonValue* v = add(Type::number);
    if (v) v->number_ = d;
    return v != nullptr;
  }
  JXJY_INLINE JsonValue* add(Type t) {
    JsonValue* v = &doc_.add_node();
    v->type_ = t;
    if (depth_ > 0) {
      JsonValue* parent = stack_[depth_ - 1].node;
      if (parent->is_object()) v->key_ = pending_key_;
      (parent->last_ ? parent->last_->next_ : parent->first_) = v;
      parent->last_ = v;
      ++parent->count_;
    }
    return v;
  }
  JXJY_INLINE bool open(Type t) {
    if (depth_ >= max_depth_) {
      too_deep_ = true;
      return false;
    }
    const JsonValue* parent = depth_ > 0 ? stack_[depth_ - 1].node : nullptr;
    bool member = parent && parent->is_object();
    size_t index = parent ? parent->count_ : 0;
    JsonValue* v = add(t);
    if (!v) return false;
    stack_[depth_++] = {v, member ? pending_key_.data() : nullptr, pending_key_.size(), index};
    return true;
  }
  bool close() {
    --depth_;
    return true;
  }
  std::string pointer() const {
    std::string p;
    for (size_t i = 1; i < depth_; ++i)
      p += "/" + (stack_[i].key ? escape_pointer_token({stack_[i].key, stack_[i].key_len})
                                 : std::to_string(stack_[i].index));
    return p;
  }
};

bool parse_json(std::string_view text, size_t max_depth, JsonDoc& out, Problem& problem, Lexer lexer) {
  // Never valid in JSON text, and nlohmann's lexer would take it for the end of the input and
  // silently ignore whatever follows.
  if (std::memchr(text.data(), '\0', text.size()) != nullptr) {
    problem = {"invalid_json", "", message_text(M::json_nul_byte)};
    return false;
  }
  JsonBuilder builder(out, max_depth);
#ifdef JXJY_ONE_LEXER
  // The wasm module reads rule files with the fast lexer too (bench/README.md): nlohmann's lexer and
  // parser were 9 KB of its code, for texts read once. Both accept the same texts (fuzz_profile holds the
  // fast one to nlohmann::json::accept) and give the same values.
  (void)lexer;
  bool parsed = lex_json(text, builder);
#else
  bool parsed = lexer == Lexer::fast ? lex_json(text, builder)
                                     : nlohmann::json::sax_parse(text.begin(), text.end(), &builder,
                                                                 nlohmann::json::input_format_t::json,
                                                                 /*strict=*/true, /*ignore_comments=*/false);
#endif
  if (!parsed && builder.too_deep_) {
    problem = {"too_deep", "", message_text(M::json_too_deep, std::to_string(max_depth))};
    return false;
  }
  if (!parsed) {
    problem = {"invalid_json", "", message_text(M::json_invalid)};
    return false;
  }
  if (builder.duplicate_) {
    problem = {"duplicate_key", builder.duplicate_path_, message_text(M::json_duplicate_key, builder.duplicate_key_)};
    return false;
  }
  return true;
}

bool Reader::integer(const Json* v, PathRef path, long lo, long hi, int& out, bool required) {
  if (!v) {
    if (required) missing(path);
    return false;
  }
  if (!v->is_number()) {
    wrong_type(path, *v, M::kind_integer);
    return false;
  }
  double d = v->number();
  if (!std::isfinite(d) || d != std::floor(d)) {
    wrong_type(path, *v, M::kind_integer);
    return false;
  }
  if (d < double(lo) || d > double(hi)) {
    add("out_of_range", path.str(),
        message_text(M::input_between, std::to_string(lo), std::to_string(hi)));
    return false;
  }
  out = int(d);
  return true;
}

bool Reader::number(const Json* v, PathRef path, double lo, double hi, double& out, bool required) {
  if (!v) {
    if (required) missing(path);
    return false;
  }
  if (!v->is_number()) {
    wrong_type(path, *v, M::kind_number);
    return false;
  }
  double d = v->number();
  if (!std::isfinite(d) || d < lo || d > hi) {
    add("out_of_range", path.str(),
        message_text(M::input_between, num(lo).str(), num(hi).str()));
    return false;
  }
  out = d;
  return true;
}

bool Reader::boolean(const Json* v, PathRef path, bool& out, bool required) {
  if (!v) {
    if (required) missing(path);
    return false;
  }
  if (!v->is_boolean()) {
    wrong_type(path, *v, M::kind_true_false);
    return false;
  }
  out = v->boolean();
  return true;
}

bool Reader::string(const Json* v, PathRef path, size_t max_len, std::string& out, bool required) {
  if (!v) {
    if (required) missing(path);
    return false;
  }
  if (!v->is_string()) {
    wrong_type(path, *v, M::kind_string);
    return false;
  }
  const auto& s = v->string();
  if (s.size() > max_len) {
    add("too_long", path.str(),
        message_text(M::input_too_long_bytes, std::to_string(max_len)));
    return false;
  }
  out = s;
  return true;
}

int days_in_month(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool valid_date(int ymd) {
  int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
  return y >= 1 && d >= 1 && d <= days_in_month(y, m);
}

bool Reader::date(const Json* v, PathRef path, int& out, bool required) {
  std::string s;
  if (!string(v, path, 10, s, required)) return false;
  bool shape = s.size() == 10 && s[4] == '-' && s[7] == '-';
  for (size_t i = 0; shape && i < s.size(); ++i)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) shape = false;
  int ymd = shape ? std::stoi(s.substr(0, 4)) * 10000 + std::stoi(s.substr(5, 2)) * 100 + std::stoi(s.substr(8, 2)) : 0;
  if (!shape || !valid_date(ymd)) {
    add("invalid_date", path.str(),
        message_text(M::input_not_a_date, s));
    return false;
  }
  out = ymd;
  return true;
}

}  // namespace jxjy
