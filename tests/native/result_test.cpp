// The small pieces a result is made of and written with: JsonOut's strings (copied a word at a time,
// rewritten escaped at the first byte that needs it), DateText, and YearShares (one or two years held in
// place, more on the heap).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/format.h"
#include "result/json_writer.h"
#include "result/result.h"

namespace {

std::string written_pair(const std::string& s) {
  jxjy::JsonOut o;
  o.arr().str(s).str(s).end_arr();
  return o.take();
}

}  // namespace

TEST_CASE("JsonOut::str: a string of any length round-trips, escaped only where it must be", "[writer]") {
  const std::vector<std::string> bytes = {"a", "\"", "\\", "\n", "\t", "\x01", "\x1f", "\x7f", "\xe4\xb8\xad"};
  for (size_t n = 0; n <= 24; ++n) {
    for (size_t at = 0; at <= n; ++at) {
      for (const auto& b : bytes) {
        std::string s(n, 'x');
        if (at < n) s.replace(at, 1, b);
        INFO("length " << n << ", byte " << nlohmann::json(b).dump() << " at " << at);
        const std::string out = written_pair(s);
        const auto back = nlohmann::json::parse(out);  // the comma before the second value is right too
        REQUIRE(back.size() == 2);
        CHECK(back[0].get<std::string>() == s);
        CHECK(back[1].get<std::string>() == s);
        const bool plain = s.find_first_of(std::string("\"\\\n\t\x01\x1f", 6)) == std::string::npos;
        if (plain) CHECK(out == "[\"" + s + "\",\"" + s + "\"]");
      }
    }
  }
}

TEST_CASE("JsonOut::key: the contract's names, quoted", "[writer]") {
  jxjy::JsonOut o;
  o.obj().key(jxjy::Key::statusIfUnfiled).integer(1).key(jxjy::Key::ok).boolean(true).end_obj();
  CHECK(o.take() == R"({"statusIfUnfiled":1,"ok":true})");
}

TEST_CASE("DateText: yyyymmdd as people read it", "[writer]") {
  CHECK(std::string_view(jxjy::DateText(20240531)) == "2024-05-31");
  CHECK(std::string_view(jxjy::DateText(19990101)) == "1999-01-01");
  CHECK(jxjy::DateText(20001231).str() == "2000-12-31");
}

TEST_CASE("YearShares: in place for one or two years, on the heap for more, in order either way", "[writer]") {
  auto years = [](const jxjy::YearShares& ys) {
    std::vector<int> out;
    for (const auto& y : ys) out.push_back(y.year);
    return out;
  };
  jxjy::YearShares ys;
  for (int y = 2020; y <= 2024; ++y) ys.push_back({y, y % 2});
  CHECK(years(ys) == std::vector<int>{2020, 2021, 2022, 2023, 2024});
  ys.keep_if([](const jxjy::YearShare& y) { return y.year != 2022; });
  CHECK(years(ys) == std::vector<int>{2020, 2021, 2023, 2024});
  ys.keep_if([](const jxjy::YearShare& y) { return y.credited == 1; });  // back in place
  CHECK(years(ys) == std::vector<int>{2021, 2023});
  jxjy::YearShares copy = ys;
  ys.push_back({2025, 1});
  ys.push_back({2026, 1});
  CHECK(years(copy) == std::vector<int>{2021, 2023});
  CHECK(years(ys) == std::vector<int>{2021, 2023, 2025, 2026});
  ys.keep_if([](const jxjy::YearShare&) { return false; });
  CHECK(ys.empty());
}
