// The tape (jxjy/tape.h) carries exactly the value of the result JSON: every corpus case, and seeded
// random profiles with fractional amounts, decoded from the tape, equal the parsed JSON, number for
// number (bit for bit, -0 included) and string for string.
#include <catch2/catch.hpp>

#include <algorithm>

#include <cmath>
#include <map>
#include <random>

#include "jxjy/jxjy.h"
#include "jxjy/tape.h"
#include "match.h"

using nlohmann::json;

const jxjy::Checker& shipped_checker();               // case_runner.cpp
std::vector<std::string> corpus_inputs();              // case_runner.cpp

namespace {

std::string utf8(std::u16string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    uint32_t c = s[i];
    if (c >= 0xD800 && c < 0xDC00 && i + 1 < s.size()) c = 0x10000 + ((c - 0xD800) << 10) + (s[++i] - 0xDC00);
    if (c < 0x80) {
      out += char(c);
    } else if (c < 0x800) {
      out += char(0xC0 | c >> 6);
      out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += char(0xE0 | c >> 12);
      out += char(0x80 | (c >> 6 & 0x3F));
      out += char(0x80 | (c & 0x3F));
    } else {
      out += char(0xF0 | c >> 18);
      out += char(0x80 | (c >> 12 & 0x3F));
      out += char(0x80 | (c >> 6 & 0x3F));
      out += char(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// Cached values seen so far, by id: the same id must always bring the same value.
using CachedValues = std::map<int32_t, json>;

struct TapeReader {
  const jxjy::ResultTape& t;
  CachedValues& cached;
  std::vector<std::string_view> keys = jxjy::result_key_names();
  size_t w = 0, n = 0;

  json value() {
    using T = jxjy::ResultTape;
    REQUIRE(w < t.words.size());
    switch (t.words[w++]) {
      case T::Object: {
        json o = json::object();
        for (int32_t k; (k = t.words.at(w++)) != T::End;) {
          REQUIRE(k >= 0);
          REQUIRE(size_t(k) < keys.size());
          o[std::string(keys[k])] = value();
        }
        return o;
      }
      case T::Array: {
        json a = json::array();
        while (t.words.at(w) != T::End) a.push_back(value());
        ++w;
        return a;
      }
      case T::Int: return t.words.at(w++);
      case T::Number: return t.numbers.at(n++);
      case T::True: return true;
      case T::False: return false;
      case T::String: {
        size_t start = size_t(t.words.at(w)), len = size_t(t.words.at(w + 1));
        w += 2;
        REQUIRE(start + len <= t.text.size());
        return utf8(std::u16string_view(t.text).substr(start, len));
      }
      case T::Kept: {
        const auto& k = t.kept.at(size_t(t.words.at(w++)));
        return std::string(k.data, k.size);
      }
      case T::Cached: {
        int32_t id = t.words.at(w);
        size_t words = size_t(t.words.at(w + 1)), numbers = size_t(t.words.at(w + 2));
        w += 3;
        size_t w0 = w, n0 = n;
        json v = value();
        REQUIRE(w - w0 == words);
        REQUIRE(n - n0 == numbers);
        if (id != 0) {
          auto [it, first] = cached.emplace(id, v);
          if (!first) REQUIRE(it->second == v);
        }
        return v;
      }
      case T::Again: {
        auto it = cached.find(t.words.at(w++));
        REQUIRE(it != cached.end());  // came whole on an earlier tape
        return it->second;
      }
      case T::Null:
        return nullptr;
    }
    FAIL("unknown tag " << t.words[w - 1]);
    return nullptr;
  }
};

// Equal as JSON.parse would see them: numbers compared as doubles, bit for bit.
void require_same(const json& tape, const json& text, const std::string& at) {
  INFO("at " << (at.empty() ? "/" : at));
  if (text.is_number()) {
    REQUIRE(tape.is_number());
    double a = tape.get<double>(), b = text.get<double>();
    REQUIRE(a == b);
    REQUIRE(std::signbit(a) == std::signbit(b));
    return;
  }
  REQUIRE(tape.type() == text.type());
  if (text.is_object()) {
    REQUIRE(tape.size() == text.size());
    auto i = tape.begin();
    for (auto j = text.begin(); j != text.end(); ++i, ++j) {
      REQUIRE(i.key() == j.key());
      require_same(i.value(), j.value(), at + "/" + j.key());
    }
  } else if (text.is_array()) {
    REQUIRE(tape.size() == text.size());
    for (size_t k = 0; k < text.size(); ++k) require_same(tape[k], text[k], at + "/" + std::to_string(k));
  } else {
    REQUIRE(tape == text);
  }
}

void check_input(const jxjy::Checker& checker, const std::string& input, jxjy::ResultTape& tape,
                 CachedValues& cached) {
  INFO("profile: " << input.substr(0, 400));
  json text = json::parse(checker.evaluate(input), nullptr, false);
  REQUIRE_FALSE(text.is_discarded());
  jxjy::evaluate_to_tape(checker, input, tape);
  TapeReader r{tape, cached};
  json decoded = r.value();
  REQUIRE(r.w == tape.words.size());
  REQUIRE(r.n == tape.numbers.size());
  require_same(decoded, text, "");
}

// Every region with a built-in rule set, and codes that fall back to one (650102) or to none (150700).
std::vector<std::string> region_codes() {
  std::vector<std::string> codes;
  for (const auto& f : jxjy::builtin_rule_files()) codes.push_back(json::parse(f.text)["region"]);
  std::sort(codes.begin(), codes.end());
  codes.push_back("650102");
  codes.push_back("150700");
  return codes;
}

// A profile with fractional amounts in every unit, in a random region, route and language.
std::string random_profile(std::mt19937& rng) {
  auto pick = [&](std::initializer_list<const char*> xs) { return *(xs.begin() + rng() % xs.size()); };
  auto amount = [&](int max) { return std::round(std::uniform_real_distribution<double>(0, max)(rng) * 1000) / 1000; };
  int year = 2023 + int(rng() % 3);
  static const std::vector<std::string> regions = region_codes();
  json p = {{"region", regions[rng() % regions.size()]},
            {"year", year},
            {"route", pick({"review", "recognition", "appointment"})},
            {"level", pick({"junior", "intermediate", "senior"})},
            {"gender", pick({"male", "female"})},
            {"age", 25 + int(rng() % 40)},
            {"education", pick({"associate", "bachelor", "master", "doctorate"})},
            {"currentTitleSince", year - int(rng() % 6)}};
  if (rng() % 4 == 0) p["locale"] = "en";
  // Text from the input comes back in warnings and errors: astral characters need surrogate pairs.
  if (rng() % 6 == 0) p["备注😀"] = "x";
  if (rng() % 10 == 0) p["level"] = "高级🎓";
  json training = json::array();
  for (int i = int(rng() % 12); i > 0; --i) {
    json r = {{"year", year - int(rng() % 5)},
              {"subject", pick({"public", "professional"})},
              {"activity", pick({"course", "training_class", "conference", "teaching", "degree_study",
                                 "qualification_exam", "exam_prep", "study_visit", "other"})}};
    switch (rng() % 5) {
      case 0: r["hours"] = amount(120); break;
      case 1: r["minutes"] = amount(6000); break;
      case 2: r["days"] = amount(30); break;
      case 3: r["months"] = amount(12); break;
      default: r["subjects"] = int(rng() % 4);
    }
    if (rng() % 3 == 0) r["level"] = pick({"international", "national", "provincial", "prefecture"});
    if (rng() % 5 == 0) r["filed"] = false;
    training.push_back(r);
  }
  p["training"] = training;
  return p.dump();
}

}  // namespace

TEST_CASE("the tape carries the JSON result's value: corpus", "[tape]") {
  jxjy::ResultTape tape;
  CachedValues cached;
  auto inputs = corpus_inputs();
  REQUIRE(inputs.size() > 200);
  for (const auto& input : inputs) check_input(shipped_checker(), input, tape, cached);
  CHECK(cached.size() > 20);  // ruleSet blocks and sources were marked for caching
  // After forget_cached() every cached value comes whole again, once.
  tape.forget_cached();
  CachedValues fresh;
  for (const auto& input : inputs) check_input(shipped_checker(), input, tape, fresh);
  CHECK(fresh == cached);
}

TEST_CASE("the tape carries the JSON result's value: random profiles", "[tape]") {
  jxjy::ResultTape tape;
  CachedValues cached;
  std::mt19937 rng(20261124);
  for (int i = 0; i < 3000; ++i) check_input(shipped_checker(), random_profile(rng), tape, cached);
}
