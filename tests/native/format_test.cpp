// write_num prints hours exactly as printf did before it (integers plain; else rounded to cents, %.2f,
// trailing zeros trimmed), over random values, cent ties (x.xx5) and edge cases.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <random>
#include <string>

#include "format.h"

namespace {

std::string printf_num(double x) {
  char buf[32];
  double r = std::round(x * 100) / 100;
  if (r == std::floor(r) && std::fabs(r) < 1e15) return std::to_string(static_cast<long long>(r));
  if (std::fabs(r - std::round(r)) < 1e-9 && std::fabs(r) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", r);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%.2f", r);
  std::string s(buf);
  while (s.back() == '0') s.pop_back();
  return s;
}

std::string written(double x) {
  char buf[jxjy::kNumChars];
  return std::string(buf, jxjy::write_num(x, buf));
}

}  // namespace

TEST_CASE("write_num prints as printf's %.2f, trimmed", "[format]") {
  for (double x : {0.0, -0.0, 0.005, 0.015, 1.005, 2.675, 13.333333, 1e13, 9.99e12 + 0.5, 123456789012.345,
                   -0.004, -0.006, -2.5, 8784.0, 1e20})
    REQUIRE(written(x) == printf_num(x));
  std::mt19937_64 rng(11);
  for (int i = 0; i < 200000; ++i) {
    double xs[] = {std::uniform_real_distribution<double>(-1e4, 1e4)(rng),
                   std::round(std::uniform_real_distribution<double>(0, 1e6)(rng)) / 1000,
                   double(std::uniform_int_distribution<long>(0, 20000000)(rng)) / 100.0 + 0.005,
                   std::ldexp(std::uniform_real_distribution<double>(1, 2)(rng), int(rng() % 100) - 20)};
    for (double x : xs) {
      INFO(x);
      REQUIRE(written(x) == printf_num(x));
    }
  }
}
