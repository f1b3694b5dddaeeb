// Message formatting: "{0}年还差{1}" with positional arguments, in the profile's language.
#pragma once
#include <cmath>
#include <cstddef>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model.h"

namespace jxjy {

// The texts of one result (messages, bases), kept in blocks that never move, so the result holds
// them as string_views: a profile's few dozen texts take one allocation instead of one each.
class TextStore {
 public:
  TextStore() = default;
  TextStore(const TextStore&) = delete;
  TextStore& operator=(const TextStore&) = delete;

  // The pattern with {0}…{9} replaced by the arguments.
  std::string_view format(std::string_view pattern, std::initializer_list<std::string_view> args);
  // The pattern of the locale, e.g. fmt(l, "{0}年还差{1}", "{0}: {1} missing", year, parts).
  template <class... A>
  std::string_view fmt(Locale l, std::string_view zh, std::string_view en, const A&... args) {
    return format(l == Locale::en ? en : zh, {std::string_view(args)...});
  }
  // A copy that lives as long as the store.
  std::string_view keep(std::string_view s) { return format("{0}", {s}); }

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* free_ = nullptr;  // the unused end of the last block
  size_t left_ = 0;
  void move_to_new_block(size_t n, size_t more);
};

// Hours to the hundredth, as results carry them: the double nearest "k/100", which is also what
// JSON.parse reads back from write_num's text.
inline double round2(double x) { return std::round(x * 100) / 100; }

// Hours as people write them: 40, 2.5, 13.33. Writes at most kNumChars bytes at `out` and returns
// the end: results print dozens of numbers, so no std::string is made for them.
constexpr size_t kNumChars = 32;
char* write_num(double x, char* out);

// The same text held in place, for message arguments: fmt(…, num(h)).
class Num {
 public:
  explicit Num(double x) : size_(size_t(write_num(x, text_) - text_)) {}
  operator std::string_view() const { return {text_, size_}; }  // NOLINT: implicit on purpose
  std::string str() const { return std::string(text_, size_); }

 private:
  char text_[kNumChars];
  size_t size_;
};
inline Num num(double x) { return Num(x); }

}  // namespace jxjy
