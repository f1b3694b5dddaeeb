// write_num prints hours as printf's %.6f would (integers plain; else rounded to millionths,
// trailing zeros trimmed), over random values, ties (x.xxxxxx5) and edge cases.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <random>
#include <string>

#include "base/format.h"

namespace {

std::string printf_num(double x) {
  char buf[32];
  if (x >= -1e13 && x <= 1e13 && x == double(static_cast<long long>(x))) return std::to_string(static_cast<long long>(x));
  double r = std::round(x * 1e6) / 1e6;
  if (r == std::floor(r) && std::fabs(r) < 1e15) return std::to_string(static_cast<long long>(r));
  std::snprintf(buf, sizeof buf, "%.6f", r);
  std::string s(buf);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string written(double x) {
  char buf[jxjy::kNumChars];
  return std::string(buf, jxjy::write_num(x, buf));
}

}  // namespace

TEST_CASE("write_num prints as printf's %.6f, trimmed", "[format]") {
  for (double x : {0.0, -0.0, 0.005, 0.015, 1.005, 2.675, 13.333333, 13.3333335, 29.996, 0.1 + 0.2, 1e13,
                   9.99e12 + 0.5, 123456789012.345, -0.004, -0.006, -2.5, 8784.0, 1e20, 999999999.9999995})
    REQUIRE(written(x) == printf_num(x));
  std::mt19937_64 rng(11);
  for (int i = 0; i < 200000; ++i) {
    double xs[] = {std::uniform_real_distribution<double>(-1e4, 1e4)(rng),
                   std::round(std::uniform_real_distribution<double>(0, 1e6)(rng)) / 1000,
                   double(std::uniform_int_distribution<long>(0, 20000000)(rng)) / 1e6 + 5e-7,
                   std::ldexp(std::uniform_real_distribution<double>(1, 2)(rng), int(rng() % 100) - 20)};
    for (double x : xs) {
      INFO(x);
      REQUIRE(written(x) == printf_num(x));
    }
  }
}
