// Implementation of lex_json (json/lexer.h). Recursive descent: the builder refuses containers
// nested deeper than its limit before we recurse into them, so recursion depth is bounded.
#pragma once
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "json/swar.h"

namespace jxjy {
namespace lexer_detail {

template <class Builder>
class Lexer {
 public:
  Lexer(std::string_view text, Builder& b) : p_(text.data()), end_(text.data() + text.size()), b_(b) {}

  bool document() {
    if (end_ - p_ >= 3 && static_cast<unsigned char>(p_[0]) == 0xEF && static_cast<unsigned char>(p_[1]) == 0xBB &&
        static_cast<unsigned char>(p_[2]) == 0xBF)
      p_ += 3;
    skip_space();
    if (!value()) return false;
    skip_space();
    return p_ == end_;
  }

 private:
  const char* p_;
  const char* end_;
  Builder& b_;
  std::string buf_;         // a string's decoded text, when it had escapes
  std::string_view view_;   // else the string's text, straight from the input
  bool escaped_ = false;

  void skip_space() {
    // Every whitespace byte is at most ' ': one test passes over the usual next token.
    while (p_ < end_ && static_cast<unsigned char>(*p_) <= ' ' &&
           (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t'))
      ++p_;
  }

  bool literal(const char* word, size_t n) {
    if (size_t(end_ - p_) < n || std::memcmp(p_, word, n) != 0) return false;
    p_ += n;
    return true;
  }

  bool value() {
    if (p_ == end_) return false;
    switch (*p_) {
      case '{': return container(true);
      case '[': return container(false);
      case '"':
        if (!string()) return false;
        return escaped_ ? b_.string(buf_) : b_.string_view_value(view_);
      case 't': return literal("true", 4) && b_.boolean(true);
      case 'f': return literal("false", 5) && b_.boolean(false);
      case 'n': return literal("null", 4) && b_.null();
      default: return number();
    }
  }

  // An object or an array: the same comma-separated list; an object's members start with a key and ':'.
  bool container(bool object) {
    ++p_;
    const char close = object ? '}' : ']';
    if (!(object ? b_.start_object(size_t(-1)) : b_.start_array(size_t(-1)))) return false;
    skip_space();
    bool first = true;
    for (;;) {
      if (p_ == end_) return false;
      if (*p_ == close) {
        ++p_;
        return object ? b_.end_object() : b_.end_array();
      }
      if (!first) {
        if (*p_ != ',') return false;
        ++p_;
        skip_space();
      }
      first = false;
      if (object && !member_key()) return false;
      if (!value()) return false;
      skip_space();
    }
  }

  bool member_key() {
    if (p_ == end_ || *p_ != '"' || !string() || !(escaped_ ? b_.key(buf_) : b_.key_view(view_))) return false;
    skip_space();
    if (p_ == end_ || *p_ != ':') return false;
    ++p_;
    skip_space();
    return true;
  }

  static int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  bool hex4(unsigned& out) {
    if (end_ - p_ < 4) return false;
    out = 0;
    for (int i = 0; i < 4; ++i) {
      int h = hex(p_[i]);
      if (h < 0) return false;
      out = out * 16 + unsigned(h);
    }
    p_ += 4;
    return true;
  }

  void put_utf8(unsigned cp) {
    if (cp < 0x80) {
      buf_ += char(cp);
    } else if (cp < 0x800) {
      buf_ += char(0xC0 | (cp >> 6));
      buf_ += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      buf_ += char(0xE0 | (cp >> 12));
      buf_ += char(0x80 | ((cp >> 6) & 0x3F));
      buf_ += char(0x80 | (cp & 0x3F));
    } else {
      buf_ += char(0xF0 | (cp >> 18));
      buf_ += char(0x80 | ((cp >> 12) & 0x3F));
      buf_ += char(0x80 | ((cp >> 6) & 0x3F));
      buf_ += char(0x80 | (cp & 0x3F));
    }
  }

  // Length of the valid UTF-8 sequence starting at p (lead byte >= 0x80), or 0 (RFC 3629 table).
  size_t utf8_length(const unsigned char* p) const {
    size_t left = size_t(reinterpret_cast<const unsigned char*>(end_) - p);
    auto cont = [&](size_t i, unsigned lo = 0x80, unsigned hi = 0xBF) { return i < left && p[i] >= lo && p[i] <= hi; };
    unsigned c = p[0];
    if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
    if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
    if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(1) && cont(2) ? 3 : 0;
    if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
    if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
    if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
    if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
    return 0;
  }

  // A string token: a view into the input when it has no escapes (the usual case), else decoded
  // into buf_. Either way the UTF-8 is validated.
  bool string() {
    ++p_;
    const char* begin = p_;
    if (!plain_run()) return false;
    if (*p_ == '"') {
      view_ = std::string_view(begin, size_t(p_ - begin));
      escaped_ = false;
      ++p_;
      return true;
    }
    return escaped_string(begin);
  }

  // The rest of a string that has escapes, from `begin` (p_ is at the first '\\' or control
  // character). Out of line, so the common case above stays small.
#if defined(__GNUC__)
  __attribute__((noinline))
#endif
  bool escaped_string(const char* begin) {
    escaped_ = true;
    buf_.assign(begin, size_t(p_ - begin));
    for (;;) {
      char c = *p_++;
      if (c == '"') return true;
      if (c != '\\') return false;  // a control character
      if (p_ == end_) return false;
      switch (*p_++) {
        case '"': buf_ += '"'; break;
        case '\\': buf_ += '\\'; break;
        case '/': buf_ += '/'; break;
        case 'b': buf_ += '\b'; break;
        case 'f': buf_ += '\f'; break;
        case 'n': buf_ += '\n'; break;
        case 'r': buf_ += '\r'; break;
        case 't': buf_ += '\t'; break;
        case 'u': {
          unsigned cp;
          if (!hex4(cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate alone
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            unsigned low;
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
            p_ += 2;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          put_utf8(cp);
          break;
        }
        default: return false;
      }
      const char* run = p_;
      if (!plain_run()) return false;
      buf_.append(run, size_t(p_ - run));
    }
  }

  // Advances over valid UTF-8 text up to a '"', a '\\' or a control character (at p_ on return);
  // false at the end of the input or on invalid UTF-8.
  bool plain_run() {
    while (p_ < end_) {
      if (end_ - p_ >= 8) {  // 8 bytes a step to the first byte that is not plain ASCII
        uint64_t stop = not_plain_ascii8(p_);
        if (stop == 0) {
          p_ += 8;
          continue;
        }
        p_ += swar::first_flagged_byte(stop);
      }
      unsigned char c = static_cast<unsigned char>(*p_);
      if (c == '"' || c == '\\' || c < 0x20) return true;
      if (c < 0x80) {
        ++p_;
      } else {
        size_t n = utf8_length(reinterpret_cast<const unsigned char*>(p_));
        if (n == 0) return false;
        p_ += n;
      }
    }
    return false;
  }

  // The high bit of each byte of p[0, 8) that is '"', '\\', a control character or not ASCII (exact
  // for the first such byte, which is all plain_run reads).
  static uint64_t not_plain_ascii8(const char* p) {
    uint64_t w = swar::load8(p);
    // (quote_backslash_or_control(w) | (w & kHighs), with the `& ~w` dropped: (x & ~w) | w is x | w)
    return (swar::below_space_or_equal_minus_one(w) | w) & swar::kHighs;
  }

  bool number() {
    const char* start = p_;
    auto digit = [&] { return p_ < end_ && *p_ >= '0' && *p_ <= '9'; };
    bool negative = p_ < end_ && *p_ == '-';
    if (negative) ++p_;
    const char* first_digit = p_;
    if (!digit()) return false;
    double whole = 0;  // the integer part's value, read on the way (exact up to 15 digits: used only then)
    if (*p_ == '0') {
      ++p_;
    } else {
      while (digit()) whole = whole * 10 + (*p_++ - '0');
    }
    bool integral = true;
    if (p_ < end_ && *p_ == '.') {
      integral = false;
      ++p_;
      if (!digit()) return false;
      while (digit()) ++p_;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      integral = false;
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (!digit()) return false;
      while (digit()) ++p_;
    }
    // Most numbers in a profile are small integers (years, hours): exact in a double, no strtod.
    if (integral && p_ - first_digit <= 15) return b_.number_float(negative ? -whole : whole, buf_);
    // strtod needs a terminated copy.
    char small[64];
    size_t n = size_t(p_ - start);
    std::string big;
    const char* z;
    if (n < sizeof small) {
      std::memcpy(small, start, n);
      small[n] = '\0';
      z = small;
    } else {
      big.assign(start, n);
      z = big.c_str();
    }
    double d = std::strtod(z, nullptr);
    if (!std::isfinite(d)) return false;  // out of a double's range, as nlohmann refuses it
    return b_.number_float(d, buf_);
  }
};

}  // namespace lexer_detail

template <class Builder>
bool lex_json(std::string_view text, Builder& builder) {
  return lexer_detail::Lexer<Builder>(text, builder).document();
}

}  // namespace jxjy
