// write_num prints hours as printf's %.6f would (integers plain; else rounded to millionths,
// trailing zeros trimmed), over random values, ties (x.xxxxxx5) and edge cases; same() over every length.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <random>
#include <string>

#include "base/format.h"
#include "base/names.h"

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

TEST_CASE("to_micro keeps six decimals and never rounds more decimals up", "[format]") {
  jxjy::Micro m = 0;
  REQUIRE(jxjy::to_micro(30, m));
  REQUIRE(m == 30000000);
  REQUIRE(jxjy::to_micro(0.1 + 0.2, m));  // floating noise of a sum: 0.3
  REQUIRE(m == 300000);
  double tenth_100_times = 0;
  for (int i = 0; i < 100; ++i) tenth_100_times += 0.1;  // 9.99999999999998
  REQUIRE(jxjy::to_micro(tenth_100_times, m));
  REQUIRE(m == 10000000);
  REQUIRE(jxjy::to_micro(13.333333, m));
  REQUIRE(m == 13333333);
  REQUIRE(jxjy::to_micro(8784.000001, m));
  REQUIRE(m == 8784000001);
  // more decimals than the engine keeps: refused, however close to a whole number of µh
  for (double x : {59.999999999, 59.9999999999, 59.99999999999, 59.999999999999, 29.9999999, 13.3333335, 1e-7,
                   0.0000005, 1e-300})
    REQUIRE_FALSE(jxjy::to_micro(x, m));
}

TEST_CASE("messages: {k} is argument k, {k|one|other} its English plural", "[format]") {
  CHECK(jxjy::fill("{0}年还差{1}", {"2023", "10学时"}) == "2023年还差10学时");
  const char* days = "{0} {0|day|days} × {1} {1|hour|hours} = {2} {2|hour|hours}";
  CHECK(jxjy::fill(days, {"1", "8", "8"}) == "1 day × 8 hours = 8 hours");
  CHECK(jxjy::fill(days, {"2", "1", "2"}) == "2 days × 1 hour = 2 hours");
  CHECK(jxjy::fill(days, {"0.5", "8", "4"}) == "0.5 days × 8 hours = 4 hours");
  CHECK(jxjy::fill(days, {"11", "8", "88"}) == "11 days × 8 hours = 88 hours");
  // the text store writes the same
  jxjy::TextStore store;
  CHECK(store.format("{0} {0|subject|subjects} × {1}", {"1", "30"}) == "1 subject × 30");
  CHECK(store.format("{1} {1|year|years}, {0} {0|day of this record falls|days of this record fall}", {"3", "1"}) ==
        "1 year, 3 days of this record fall");
  // not a plural form: kept as text
  CHECK(jxjy::fill("{a|b} {0|x} {0|y|z", {"1"}) == "{a|b} {0|x} {0|y|z");
  CHECK(jxjy::fill("{9|one|other}", {"1"}) == "other");  // no argument 9: not "1"
}

TEST_CASE("same: equal strings of every length, a difference at every position", "[format]") {
  for (size_t n = 0; n <= 20; ++n) {
    const std::string a(n, 'k');
    CHECK(jxjy::same(a, std::string(n, 'k')));
    CHECK_FALSE(jxjy::same(a, std::string(n + 1, 'k')));
    for (size_t at = 0; at < n; ++at) {
      std::string b = a;
      b[at] = 'j';
      INFO("length " << n << ", differs at " << at);
      CHECK_FALSE(jxjy::same(a, b));
    }
  }
}
