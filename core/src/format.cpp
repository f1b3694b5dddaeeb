#include "format.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace jxjy {

std::string format_text(std::string_view pattern, std::initializer_list<std::string_view> args) {
  std::string out;
  out.reserve(pattern.size() + 32);
  size_t from = 0;
  for (size_t i = pattern.find('{'); i != std::string_view::npos; i = pattern.find('{', i + 1)) {
    if (i + 2 >= pattern.size() || pattern[i + 2] != '}' || pattern[i + 1] < '0' || pattern[i + 1] > '9') continue;
    out.append(pattern.data() + from, i - from);  // plain text is copied in runs, not char by char
    size_t k = size_t(pattern[i + 1] - '0');
    if (k < args.size()) out.append(*(args.begin() + k));
    from = i + 3;
    i += 2;
  }
  out.append(pattern.data() + from, pattern.size() - from);
  return out;
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
