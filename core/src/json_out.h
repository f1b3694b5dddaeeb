// A minimal JSON writer: results are written straight into one string (nlohmann's DOM costs
// more than the whole evaluation on the batch path).
#pragma once
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "format.h"

namespace jxjy {

class JsonOut {
 public:
  // Writes into a string of its own (take() it), or appends to `out` (finish() when done).
  JsonOut() : out_(own_) {}
  explicit JsonOut(std::string& out) : out_(out), n_(out.size()) {}
  JsonOut(const JsonOut&) = delete;
  JsonOut& operator=(const JsonOut&) = delete;
  std::string take() {
    finish();
    return std::move(own_);
  }
  // The string grows ahead of the writing, in chunks: trim it to what was written.
  void finish() { out_.resize(n_); }

  JsonOut& obj() { sep(); put('{'); first_ = true; return *this; }
  JsonOut& end_obj() { put('}'); first_ = false; return *this; }
  JsonOut& arr() { sep(); put('['); first_ = true; return *this; }
  JsonOut& end_arr() { put(']'); first_ = false; return *this; }
  // Keys are the contract's own names: plain ASCII, never escaped.
  JsonOut& key(std::string_view k) {
    sep();
    room(k.size() + 3);
    at('"');
    copy(k.data(), k.size());
    at('"');
    at(':');
    first_ = true;  // the value follows without a comma
    return *this;
  }
  JsonOut& str(std::string_view v) { sep(); quote(v); return *this; }
  // A value serialised earlier by a JsonOut, copied as it is.
  JsonOut& raw(std::string_view json) { sep(); put(json.data(), json.size()); return *this; }
  JsonOut& number(double v) {
    sep();
    room(kNumChars);
    n_ = size_t(write_num(v, buf_ + n_) - buf_);
    return *this;
  }
  JsonOut& integer(long v) {
    sep();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    put(buf, size_t(r.ptr - buf));
    return *this;
  }
  JsonOut& boolean(bool v) { sep(); v ? put("true", 4) : put("false", 5); return *this; }

  JsonOut& kv(std::string_view k, std::string_view v) { return key(k).str(v); }
  JsonOut& kv(std::string_view k, const char* v) { return key(k).str(v); }
  JsonOut& kv(std::string_view k, bool v) { return key(k).boolean(v); }
  JsonOut& kv_int(std::string_view k, long v) { return key(k).integer(v); }
  JsonOut& kv_num(std::string_view k, double v) { return key(k).number(v); }

 private:
  // out_[0, n_) is written; out_ is resized ahead in chunks (zero-filled once, never per piece),
  // so growth is checked once per piece, not once per byte. buf_ and cap_ cache out_'s data and size.
  static constexpr size_t kChunk = 1024;
  std::string own_;
  std::string& out_;
  size_t n_ = 0;
  char* buf_ = out_.data();
  size_t cap_ = out_.size();
  bool first_ = true;

  void room(size_t k) {
    if (n_ + k > cap_) grow(k);
  }
  void grow(size_t k) {
    out_.resize(n_ + std::max(k, kChunk));
    buf_ = out_.data();
    cap_ = out_.size();
  }
  void at(char c) { buf_[n_++] = c; }  // after room()
  void copy(const char* p, size_t k) {  // after room()
    std::memcpy(buf_ + n_, p, k);
    n_ += k;
  }
  void put(char c) {
    room(1);
    at(c);
  }
  void put(const char* p, size_t k) {
    room(k);
    copy(p, k);
  }
  void sep() {
    if (!first_) put(',');
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
    room(v.size() + 2);
    at('"');
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
      put(p + run, i - run);
      run = ++i;
      switch (c) {
        case '"': put("\\\"", 2); break;
        case '\\': put("\\\\", 2); break;
        case '\n': put("\\n", 2); break;
        case '\r': put("\\r", 2); break;
        case '\t': put("\\t", 2); break;
        default: {
          static const char* kHex = "0123456789abcdef";
          char u[6] = {'\\', 'u', '0', '0', kHex[(c >> 4) & 0xf], kHex[c & 0xf]};
          put(u, 6);
        }
      }
    }
    put(p + run, v.size() - run);
    put('"');
  }
};

}  // namespace jxjy
