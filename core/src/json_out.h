// A minimal JSON writer: results are written straight into one string (nlohmann's DOM costs
// more than the whole evaluation on the batch path).
#pragma once
#include <string>
#include <string_view>

#include "format.h"

namespace jxjy {

class JsonOut {
 public:
  std::string take() { return std::move(s_); }

  JsonOut& obj() { sep(); s_ += '{'; first_ = true; return *this; }
  JsonOut& end_obj() { s_ += '}'; first_ = false; return *this; }
  JsonOut& arr() { sep(); s_ += '['; first_ = true; return *this; }
  JsonOut& end_arr() { s_ += ']'; first_ = false; return *this; }
  JsonOut& key(std::string_view k) {
    sep();
    quote(k);
    s_ += ':';
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
  void quote(std::string_view v) {
    s_ += '"';
    for (char c : v) {
      switch (c) {
        case '"': s_ += "\\\""; break;
        case '\\': s_ += "\\\\"; break;
        case '\n': s_ += "\\n"; break;
        case '\r': s_ += "\\r"; break;
        case '\t': s_ += "\\t"; break;
        default:
          if (static_cast<unsigned char>(c) < 0x20) {
            static const char* kHex = "0123456789abcdef";
            s_ += "\\u00";
            s_ += kHex[(c >> 4) & 0xf];
            s_ += kHex[c & 0xf];
          } else {
            s_ += c;
          }
      }
    }
    s_ += '"';
  }
};

}  // namespace jxjy
