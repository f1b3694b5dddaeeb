// Message formatting: "{0}年还差{1}" with positional arguments, in the profile's language.
#pragma once
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

#include "model.h"

namespace jxjy {

std::string format_text(std::string_view pattern, std::initializer_list<std::string_view> args);

template <class... A>
std::string fmt(Locale l, std::string_view zh, std::string_view en, const A&... args) {
  return format_text(l == Locale::en ? en : zh, {std::string_view(args)...});
}

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
