#include "format.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace jxjy {

// Calls plain(text) for the pattern's literal runs and arg(k) for each {k}.
template <class Plain, class Arg>
static void walk_pattern(std::string_view pattern, Plain&& plain, Arg&& arg) {
  size_t from = 0;
  for (size_t i = pattern.find('{'); i != std::string_view::npos; i = pattern.find('{', i + 1)) {
    if (i + 2 >= pattern.size() || pattern[i + 2] != '}' || pattern[i + 1] < '0' || pattern[i + 1] > '9') continue;
    plain(pattern.substr(from, i - from));  // plain text is copied in runs, not char by char
    arg(size_t(pattern[i + 1] - '0'));
    from = i + 3;
    i += 2;
  }
  plain(pattern.substr(from));
}

std::string_view TextStore::format(std::string_view pattern, std::initializer_list<std::string_view> args) {
  auto arg = [&](size_t k) { return k < args.size() ? *(args.begin() + k) : std::string_view(); };
  size_t n = 0;
  walk_pattern(pattern, [&](std::string_view s) { n += s.size(); }, [&](size_t k) { n += arg(k).size(); });
  char* const text = allocate(n);
  char* at = text;
  auto copy = [&](std::string_view s) {
    if (!s.empty()) std::memcpy(at, s.data(), s.size());
    at += s.size();
  };
  walk_pattern(pattern, copy, [&](size_t k) { copy(arg(k)); });
  return {text, n};
}

char* TextStore::allocate(size_t n) {
  if (n > left_) {
    size_t size = std::max<size_t>(n, 4096);
    blocks_.emplace_back(new char[size]);  // not zero-filled: every byte is written before it is read
    free_ = blocks_.back().get();
    left_ = size;
  }
  char* p = free_;
  free_ += n;
  left_ -= n;
  return p;
}

char* write_num(double x, char* out) {
  double r = std::round(x * 100) / 100;
  char* end = out + kNumChars;
  if (r == std::floor(r) && std::fabs(r) < 1e15) return std::to_chars(out, end, static_cast<long long>(r)).ptr;
  // Whole to within 1e-9 (never after rounding to cents, kept as it always was).
  if (std::fabs(r - std::round(r)) < 1e-9 && std::fabs(r) < 1e15)
    return std::to_chars(out, end, r, std::chars_format::fixed, 0).ptr;
  // to_chars with a precision prints as printf's %.2f does.
  auto [p, ec] = std::to_chars(out, end, r, std::chars_format::fixed, 2);
  if (ec != std::errc()) {  // beyond 1e29 (never hours): printf's text, cut to the buffer as it always was
    std::snprintf(out, kNumChars, "%.2f", r);
    p = out + std::strlen(out);
  }
  while (p[-1] == '0') --p;
  return p;
}

}  // namespace jxjy
