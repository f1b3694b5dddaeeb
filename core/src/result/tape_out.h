// The tape writer (jxjy/tape.h): the writer interface of result/write.h, for the JS module.
#pragma once
#include <string_view>

#include "jxjy/tape.h"
#include "result/result.h"
#include "result/keys.h"

namespace jxjy {

// The double JSON.parse reads from the text JsonOut::number writes for v (write_num: rounded to
// millionths, and 0 for -0).
double json_number(double v);

// Appends UTF-8 text as UTF-16 (a malformed byte becomes U+FFFD).
void append_utf16(std::u16string& out, std::string_view utf8);

class TapeOut {
 public:
  // Writes into `tape` from its start; its buffers keep their capacity from one result to the next.
  explicit TapeOut(ResultTape& tape) : t_(tape) {
    t_.words.clear();
    t_.numbers.clear();
    t_.text.clear();
    t_.kept.clear();
  }

  TapeOut& obj() { return word(ResultTape::Object); }
  TapeOut& end_obj() { return word(ResultTape::End); }
  TapeOut& arr() { return word(ResultTape::Array); }
  TapeOut& end_arr() { return word(ResultTape::End); }
  TapeOut& key(Key k) { return word(int32_t(k)); }
  TapeOut& null() { return word(ResultTape::Null); }
  TapeOut& str(std::string_view v) {
    ++strings_;
    size_t start = t_.text.size();
    append_utf16(t_.text, v);
    return word(ResultTape::String).word(int32_t(start)).word(int32_t(t_.text.size() - start));
  }
  TapeOut& kept(std::string_view v) {
    word(ResultTape::Kept).word(int32_t(t_.kept.size()));
    t_.kept.push_back({v.data(), uint32_t(v.size())});
    return *this;
  }
  TapeOut& integer(long v) {
    if (v >= INT32_MIN && v <= INT32_MAX) return word(ResultTape::Int).word(int32_t(v));
    t_.numbers.push_back(double(v));  // JsonOut prints it exactly too
    return word(ResultTape::Number);
  }
  TapeOut& number(double v) {
    t_.numbers.push_back(json_number(v));
    return word(ResultTape::Number);
  }
  TapeOut& boolean(bool v) { return word(v ? ResultTape::True : ResultTape::False); }
  // A value serialised once when the rule set loaded (json): it stays the same while the Checker
  // lives, so it comes whole the first time and by the id the tape gave it afterwards.
  template <class Write>
  TapeOut& cached(const std::string* json, Write&& write) {
    if (!json) {
      write();
      return *this;
    }
    if (int32_t id = t_.sent.id_of(json)) return word(ResultTape::Again).word(id);
    size_t at = t_.words.size(), numbers = t_.numbers.size(), strings = strings_;
    word(ResultTape::Cached).word(t_.sent.next_id()).word(0).word(0);
    write();
    if (strings_ != strings) t_.words[at + 1] = 0;  // text made for this result: not the same next time
    else t_.sent.add(json);
    t_.words[at + 2] = int32_t(t_.words.size() - at - 4);
    t_.words[at + 3] = int32_t(t_.numbers.size() - numbers);
    return *this;
  }

 private:
  ResultTape& t_;
  size_t strings_ = 0;  // str() calls so far
  TapeOut& word(int32_t w) {
    t_.words.push_back(w);
    return *this;
  }
};

void to_tape(const Result& r, ResultTape& tape);

}  // namespace jxjy
