// A minimal JSON writer: results are written straight into one string (nlohmann's DOM costs
// more than the whole evaluation on the batch path).
#pragma once
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "base/format.h"
#include "result/keys.h"
#include "json/swar.h"

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

  JsonOut& obj() { return open('{'); }
  JsonOut& end_obj() { return close('}'); }
  JsonOut& arr() { return open('['); }
  JsonOut& end_arr() { return close(']'); }
  // Keys are the contract's own names: plain ASCII, never escaped.
  JsonOut& key(std::string_view k) {
    char* d = value_start(k.size() + 3);
    *d++ = '"';
    d = copy(d, k);
    *d++ = '"';
    *d++ = ':';
    done(d);
    first_ = true;  // the value follows without a comma
    return *this;
  }
  JsonOut& key(Key k) {
    char* d = value_start(kQuotedKeySlot);  // room for the whole slot; only its `"name":` is kept
    std::memcpy(d, kQuotedKeys.text[int(k)], kQuotedKeySlot);
    done(d + kQuotedKeys.size[int(k)]);
    first_ = true;  // the value follows without a comma
    return *this;
  }
  // A value serialised by a JsonOut when the rule set loaded (json), else written now by `write`.
  template <class Write>
  JsonOut& cached(const std::string* json, Write&& write) {
    if (json) return raw(*json);
    write();
    return *this;
  }
  // Copied as it is, a word at a time, each word checked on the way (no scan before the copy, no call
  // to memcpy); at the first byte to escape, what was copied is dropped and the string written escaped.
  JsonOut& str(std::string_view v) {
    const bool first = first_;
    char* d = value_start(std::max<size_t>(v.size(), 8) + 2);  // (a short string is stored as a whole word)
    *d++ = '"';
    const char* p = v.data();
    const size_t n = v.size();
    if (n >= 8) {
      uint64_t w;
      for (size_t i = 0; i + 8 < n; i += 8) {
        std::memcpy(&w, p + i, 8);
        if (needs_escape8(w)) return rewrite_escaped(first, v);
        std::memcpy(d + i, &w, 8);
      }
      std::memcpy(&w, p + n - 8, 8);  // the last word overlaps the one before it
      if (needs_escape8(w)) return rewrite_escaped(first, v);
      std::memcpy(d + n - 8, &w, 8);
    } else if (n > 0) {  // (an empty view's data may be null)
      const uint64_t w = short_word(p, n);
      if (needs_escape8(w)) return rewrite_escaped(first, v);
      std::memcpy(d, &w, 8);  // the bytes after the string are written over next
    }
    d += n;
    *d++ = '"';
    done(d);
    return *this;
  }
  // A value serialised earlier by a JsonOut, copied as it is.
  JsonOut& raw(std::string_view json) {
    done(copy(value_start(json.size()), json));
    return *this;
  }
  JsonOut& number(double v) {
    done(write_num(v, value_start(kNumChars)));
    return *this;
  }
  JsonOut& integer(long v) {
    constexpr size_t kLongChars = 20;
    char* d = value_start(kLongChars);
    done(std::to_chars(d, d + kLongChars, v).ptr);
    return *this;
  }
  JsonOut& boolean(bool v) { return raw(v ? "true" : "false"); }
  JsonOut& null() { return raw("null"); }

  JsonOut& kv(std::string_view k, std::string_view v) { return key(k).str(v); }
  JsonOut& kv(std::string_view k, const char* v) { return key(k).str(v); }
  JsonOut& kv(std::string_view k, bool v) { return key(k).boolean(v); }
  JsonOut& kv_int(std::string_view k, long v) { return key(k).integer(v); }
  JsonOut& kv_num(std::string_view k, double v) { return key(k).number(v); }

 private:
  // out_[0, n_) is written; out_ is resized ahead in chunks (zero-filled once, never per piece),
  // so growth is checked once per piece, not once per byte. buf_ and cap_ cache out_'s data and size.
  // Pieces are written through a local pointer and n_ is set once at the end (done()): a store
  // through a char* may alias any member, so writing through buf_[n_++] would reload both each byte.
  static constexpr size_t kChunk = 1024;
  std::string own_;
  std::string& out_;
  size_t n_ = 0;
  char* buf_ = out_.data();
  size_t cap_ = out_.size();
  bool first_ = true;

  // Where a value of at most k bytes goes, after its comma if it needs one.
  char* value_start(size_t k) {
    if (n_ + k + 1 > cap_) grow(k + 1);
    char* d = buf_ + n_;
    if (!first_) *d++ = ',';
    first_ = false;
    return d;
  }
  void done(char* end) { n_ = size_t(end - buf_); }
  static char* copy(char* d, std::string_view s) {
    if (!s.empty()) std::memcpy(d, s.data(), s.size());  // an empty view's data may be null
    return d + s.size();
  }
  void grow(size_t k) {
    out_.resize(n_ + std::max(k, kChunk));
    buf_ = out_.data();
    cap_ = out_.size();
  }
  JsonOut& open(char bracket) {
    char* d = value_start(1);
    *d++ = bracket;
    done(d);
    first_ = true;
    return *this;
  }
  JsonOut& close(char bracket) {
    if (n_ + 1 > cap_) grow(1);
    buf_[n_++] = bracket;
    first_ = false;
    return *this;
  }

  static bool needs_escape8(uint64_t w) { return swar::quote_backslash_or_control(w) != 0; }
  // The 1-7 bytes at p as the low bytes of a word, the rest spaces (never escaped): read with loads
  // that stay inside the string, no call. (Little-endian, as x86, ARM and wasm are: the word is stored
  // back with memcpy, its low byte first.)
  static uint64_t short_word(const char* p, size_t n) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#error "JsonOut::short_word assumes a little-endian machine"
#endif
    uint64_t w;
    if (n >= 4) {
      uint32_t lo, hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);  // overlaps lo when n < 8
      w = uint64_t(lo) | uint64_t(hi) << (8 * (n - 4));
    } else {
      w = uint64_t(uint8_t(p[0])) | uint64_t(uint8_t(p[n / 2])) << (8 * (n / 2)) | uint64_t(uint8_t(p[n - 1])) << (8 * (n - 1));
    }
    const uint64_t rest = ~0ull << (8 * n);  // the bytes after the string
    return (w & ~rest) | (0x2020202020202020ull & rest);
  }
  // str() met a byte to escape: the value is written again from its start, escaped.
  JsonOut& rewrite_escaped(bool first, std::string_view v) {
    first_ = first;
    return escaped(v);
  }
  JsonOut& escaped(std::string_view v) {
    char* d = value_start(v.size() * 6 + 2);  // \u00XX at worst
    *d++ = '"';
    for (char ch : v) {
      unsigned char c = static_cast<unsigned char>(ch);
      if (c >= 0x20 && c != '"' && c != '\\') {
        *d++ = ch;
        continue;
      }
      *d++ = '\\';
      switch (c) {
        case '"': *d++ = '"'; break;
        case '\\': *d++ = '\\'; break;
        case '\n': *d++ = 'n'; break;
        case '\r': *d++ = 'r'; break;
        case '\t': *d++ = 't'; break;
        default: {
          static const char* kHex = "0123456789abcdef";
          const char u[5] = {'u', '0', '0', kHex[(c >> 4) & 0xf], kHex[c & 0xf]};
          d = copy(d, {u, 5});
        }
      }
    }
    *d++ = '"';
    done(d);
    return *this;
  }
};

}  // namespace jxjy
