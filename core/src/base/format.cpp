#include "base/format.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace jxjy {

namespace {

// Writes the pattern with its placeholders filled in through put(text): "{k}" is argument k, and "{k|one|other}"
// is `one` when argument k is "1", else `other` (English plurals: "{0} {0|day|days}"). Plain text is put in
// runs, not char by char; anything else in braces is text.
template <class Put>
void expand(std::string_view pattern, std::initializer_list<std::string_view> args, Put&& put) {
  size_t from = 0;
  for (size_t i = pattern.find('{'); i != std::string_view::npos; i = pattern.find('{', i + 1)) {
    if (i + 2 >= pattern.size() || pattern[i + 1] < '0' || pattern[i + 1] > '9') continue;
    const size_t k = size_t(pattern[i + 1] - '0');
    const std::string_view arg = k < args.size() ? *(args.begin() + k) : std::string_view();
    if (pattern[i + 2] == '}') {
      put(pattern.substr(from, i - from));
      put(arg);
      from = i + 3;
      i += 2;
    } else if (pattern[i + 2] == '|') {
      const size_t bar = pattern.find('|', i + 3), close = pattern.find('}', i + 3);
      if (bar == std::string_view::npos || close == std::string_view::npos || bar > close) continue;
      put(pattern.substr(from, i - from));
      put(arg == "1" ? pattern.substr(i + 3, bar - i - 3) : pattern.substr(bar + 1, close - bar - 1));
      from = close + 1;
      i = close;
    }
  }
  put(pattern.substr(from));
}

// Copies n bytes, sizeof(W) <= n <= 2 * sizeof(W), as two words of type W that may overlap.
template <typename W>
inline void copy_two_words(char* d, const char* p, size_t n) {
  W a, b;
  std::memcpy(&a, p, sizeof a);
  std::memcpy(&b, p + n - sizeof b, sizeof b);
  std::memcpy(d, &a, sizeof a);
  std::memcpy(d + n - sizeof b, &b, sizeof b);
}

// Copies s to d. Most pieces of a message are a few bytes (a number, a year, a word): those are copied in
// line, as two words that may overlap, not by a call to memcpy (~70 pieces a profile, ~8 instructions each).
inline void copy_short(char* d, std::string_view s) {
  const size_t n = s.size();
  if (n > 16) std::memcpy(d, s.data(), n);
  else if (n >= 8) copy_two_words<uint64_t>(d, s.data(), n);
  else if (n >= 4) copy_two_words<uint32_t>(d, s.data(), n);
  else for (size_t i = 0; i < n; ++i) d[i] = s[i];
}

}  // namespace

std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args) {
  std::string out;
  expand(pattern, args, [&](std::string_view s) { out.append(s); });
  return out;
}

std::string_view TextStore::format(std::string_view pattern, std::initializer_list<std::string_view> args) {
  if (discard_) return {};
  size_t n = 0;  // written so far, at free_
  expand(pattern, args, [&](std::string_view s) {
    if (s.size() > left_ - n) move_to_new_block(n, s.size());
    copy_short(free_ + n, s);
    n += s.size();
  });
  std::string_view text(free_, n);
  free_ += n;
  left_ -= n;
  return text;
}

// The text being written (n bytes at free_) does not fit with `more` bytes: carry it to a new block.
// Texts already made stay where they are, in the old block.
void TextStore::move_to_new_block(size_t n, size_t more) {
  size_t size = std::max<size_t>(4096, 2 * (n + more));
  blocks_.emplace_back(new char[size]);  // not zero-filled: every byte is written before it is read
  if (n) std::memcpy(blocks_.back().get(), free_, n);
  free_ = blocks_.back().get();
  left_ = size;
}

char* write_num(double x, char* out) {
  char* end = out + kNumChars;
  // Most hours are whole: then they print as the integer.
  if (x >= -1e13 && x <= 1e13 && x == double(static_cast<long long>(x)))
    return std::to_chars(out, end, static_cast<long long>(x)).ptr;
  double units = std::round(x * 1e6), r = units / 1e6;
  if (r == std::floor(r) && std::fabs(r) < 1e15) return std::to_chars(out, end, static_cast<long long>(r)).ptr;
  char* p;
  if (std::fabs(r) < 1e9) {
    // Below 1e9, x * 1e6 < 2^53 is an exact integer and r's ulp is far under a millionth, so printf's
    // %.6f of r prints exactly the digits of units: written from the integer (no floating-point
    // to_chars, which the wasm build's libc++ lacks).
    long long u = static_cast<long long>(std::fabs(units));
    p = out;
    if (units < 0) *p++ = '-';
    p = std::to_chars(p, end, u / 1000000).ptr;
    *p++ = '.';
    for (long long d = 100000; d > 0; d /= 10) *p++ = char('0' + u / d % 10);
  } else {
    // Never hours: printf's text, cut to the buffer.
    std::snprintf(out, kNumChars, "%.6f", r);
    p = out + std::strlen(out);
  }
  while (p[-1] == '0') --p;
  if (p[-1] == '.') --p;
  return p;
}

}  // namespace jxjy
