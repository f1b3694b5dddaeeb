#include "format.h"

#include <cmath>
#include <cstdio>

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

std::string num(double x) {
  char buf[32];
  double r = std::round(x * 100) / 100;
  if (r == std::floor(r) && std::fabs(r) < 1e15) return std::to_string(static_cast<long long>(r));
  if (std::fabs(r - std::round(r)) < 1e-9 && std::fabs(r) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", r);
  } else {
    std::snprintf(buf, sizeof buf, "%.2f", r);
    std::string s(buf);
    while (s.back() == '0') s.pop_back();
    return s;
  }
  return buf;
}

}  // namespace jxjy
