// Message formatting: "{0}年还差{1}" with positional arguments, in the profile's language.
#pragma once
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/vocabulary.h"

namespace jxjy {

// The pattern with {0}…{9} replaced by the arguments, as a string of its own. "{k|one|other}" is `one`
// when argument k is "1", else `other`: English plurals, "{0} {0|day|days}" (1 day, 2 days, 0.5 days).
std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args);

// The texts of one result (messages, bases), kept in blocks that never move, so the result holds
// them as string_views. The first block is the store itself: a profile's few dozen texts take no
// allocation (a 4 KB block and its list were ~1 % of `jxjy batch`); more go to blocks on the heap.
class TextStore {
 public:
  TextStore() : free_(first_), left_(sizeof first_) {}
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
  // From now on every text is empty: for a result that is only compared (a status, hours), never shown.
  void discard() { discard_ = true; }

 private:
  char first_[4096];  // not zero-filled: every byte is written before it is read
  std::vector<std::unique_ptr<char[]>> blocks_;  // the blocks after the first
  char* free_;  // the unused end of the last block
  size_t left_;
  bool discard_ = false;
  void move_to_new_block(size_t n, size_t more);
};

// Hours are counted in whole millionths of an hour (µh), so records and years are summed and
// compared exactly (29.996 public hours never meet 30); only the display rounds.
using Micro = long long;
constexpr Micro kMicro = 1000000;
// The µh of a number that has at most six decimals; false for a number with more decimals than that
// (the profile reader refuses such an amount: 59.999999999 never meets 60). Only floating noise of at
// most 16 units in the last place — what a sum of a few dozen decimal amounts gathers: 0.1 + 0.2 is 1
// ulp off 0.3, a hundred times 0.1 is 14 off 10 — is taken as the six-decimal number it stands for: a
// relative 3.6e-15 at most, so at 60 hours anything with 7 to 12 decimals is refused.
// std::nextafter(a, 1e300) - a for a finite a >= 0: the next double's bits are a's plus one (no libm
// call: ~40 instructions a record).
inline double ulp_up(double a) {
  uint64_t bits;
  std::memcpy(&bits, &a, sizeof bits);
  ++bits;
  double next;
  std::memcpy(&next, &bits, sizeof next);
  return next - a;
}
inline bool to_micro(double x, Micro& out) {
  if (!(x >= -9e9 && x <= 9e9)) return false;
  double r = std::round(x * 1e6);
  double nearest = r / 1e6;  // the double a six-decimal text of r µh reads as
  double a = std::fabs(nearest);
  if (std::fabs(x - nearest) > 16 * ulp_up(a)) return false;
  out = static_cast<Micro>(r);
  return true;
}
// Rule-file values (rates, hours) are validated the same way on load; this is for those.
inline Micro micro(double x) { return static_cast<Micro>(std::round(x * 1e6)); }
inline double hours_of(Micro m) { return double(m) / 1e6; }
// A missing amount shown to a person: up to the next hundredth, never 0 for a real gap.
inline Micro up_to_cents(Micro m) { return (m + 9999) / 10000 * 10000; }

// The double JSON.parse reads back from write_num's text: the nearest "k/1000000".
inline double round6(double x) { return std::round(x * 1e6) / 1e6; }

// Hours as people write them: 40, 2.5, 13.3333 (at most six decimals, trailing zeros trimmed). Writes at most kNumChars bytes at `out` and returns
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

// A date (yyyymmdd, a four-digit year: every date is read as one or is a rule's) as people read it,
// "2024-05-31", held in place like Num.
class DateText {
 public:
  explicit DateText(int ymd) {
    const int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
    auto digit = [](int x) { return char('0' + x % 10); };
    const char t[kSize] = {digit(y / 1000), digit(y / 100), digit(y / 10), digit(y), '-',
                           digit(m / 10),   digit(m),       '-',           digit(d / 10), digit(d)};
    std::memcpy(text_, t, kSize);
  }
  operator std::string_view() const { return {text_, kSize}; }  // NOLINT: implicit on purpose
  std::string str() const { return std::string(text_, kSize); }

 private:
  static constexpr size_t kSize = 10;
  char text_[kSize];
};

}  // namespace jxjy
