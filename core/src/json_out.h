// A minimal JSON writer: results are written straight into one string (nlohmann's DOM costs
// more than the whole evaluation on the batch path).
#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "format.h"

namespace jxjy {

class JsonOut {
 public:
  JsonOut() { s_.reserve(4096); }
  std::string take() { return std::move(s_); }

  JsonOut& obj() { sep(); s_ += '{'; first_ = true; return *this; }
  JsonOut& end_obj() { s_ += '}'; first_ = false; return *this; }
  JsonOut& arr() { sep(); s_ += '['; first_ = true; return *this; }
  JsonOut& end_arr() { s_ += ']'; first_ = false; return *this; }
  // Keys are the contract's own names: plain ASCII, never escaped.
  JsonOut& key(std::string_view k) {
    sep();
    s_ += '"';
    s_.append(k.data(), k.size());
    s_.append("\":", 2);
    first_ = true;  // the value follows without a comma
    return *this;
  }
  JsonOut& str(std::string_view v) { sep(); quote(v); return *this; }
  JsonOut& number(double v) { sep(); s_ += num(v); return *this; }
  JsonOut& integer(long v) { sep(); s_ += std::to_string(v); return *this; }
  JsonOut& boolean(bool v) { sep(); s_ += v ? "true" : "false"; return *this; }

  JsonOut& kv(std::string_view k, std::string_view v) { return key(k).str(v); }
  JsonOut& kv(std::string_view k, const char* v) { return key(k).str(v); }
  JsonOut& kv(std::string_view k, bool v) { return key(k).boolean(v); }
  JsonOut& kv_int(std::string_view k, long v) { return key(k).integer(v); }
  JsonOut& kv_num(std::string_view k, double v) { return key(k).number(v); }

 private:
  std::string s_;
  bool first_ = true;

  void sep() {
    if (!first_) s_ += ',';
    first_ = false;
  }
  // True when any of the 8 bytes is a control character, '"' or '\\' (SWAR: 8 bytes a step, since
  // results are mostly long runs of plain UTF-8 text).
  static bool needs_escape8(uint64_t w) {
    constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    auto zero_byte = [](uint64_t x) { return (x - ones) & ~x & highs; };
    uint64_t control = (w - ones * 0x20) & ~w & highs;
    return (control | zero_byte(w ^ (ones * '"')) | zero_byte(w ^ (ones * '\\'))) != 0;
  }

  void quote(std::string_view v) {
    s_ += '"';
    size_t run = 0, i = 0;
    const char* p = v.data();
    while (i < v.size()) {
      if (i + 8 <= v.size()) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        if (!needs_escape8(w)) {
          i += 8;
          continue;
        }
      }
      unsigned char c = static_cast<unsigned char>(p[i]);
      if (c >= 0x20 && c != '"' && c != '\\') {
        ++i;
        continue;
      }
      s_.append(p + run, i - run);
      run = ++i;
      switch (c) {
        case '"': s_ += "\\\""; break;
        case '\\': s_ += "\\\\"; break;
        case '\n': s_ += "\\n"; break;
        case '\r': s_ += "\\r"; break;
        case '\t': s_ += "\\t"; break;
        default: {
          static const char* kHex = "0123456789abcdef";
          s_ += "\\u00";
          s_ += kHex[(c >> 4) & 0xf];
          s_ += kHex[c & 0xf];
        }
      }
    }
    s_.append(p + run, v.size() - run);
    s_ += '"';
  }
};

}  // namespace jxjy
