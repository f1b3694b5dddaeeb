#include "result/tape_out.h"

#include <algorithm>
#include <cmath>

#include "result/write.h"

namespace jxjy {

double json_number(double v) { return round6(v) + 0.0; }  // + 0.0: -0 is written as 0

void append_utf16(std::u16string& out, std::string_view utf8) {
  size_t from = out.size();
  out.resize(from + utf8.size());  // UTF-16 never takes more units than UTF-8 takes bytes
  char16_t* d = &out[from];
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const auto* end = p + utf8.size();
  while (p < end) {
    unsigned c = *p;
    if (c < 0x80) {
      *d++ = char16_t(c);
      ++p;
      continue;
    }
    // The usual case after ASCII: a well-formed three-byte sequence (Chinese text).
    if ((c & 0xF0) == 0xE0 && end - p > 2 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
      uint32_t cp3 = (c & 0x0F) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
      if (cp3 >= 0x800 && (cp3 < 0xD800 || cp3 > 0xDFFF)) {
        *d++ = char16_t(cp3);
        p += 3;
        continue;
      }
    }
    int extra = c >= 0xF0 && c <= 0xF4 ? 3 : c >= 0xE0 ? (c <= 0xEF ? 2 : 0) : c >= 0xC2 ? 1 : 0;
    uint32_t cp = extra == 3 ? c & 0x07 : extra == 2 ? c & 0x0F : c & 0x1F;
    bool valid = extra > 0 && end - p > extra;
    for (int k = 1; valid && k <= extra; ++k) {
      if ((p[k] & 0xC0) != 0x80) valid = false;
      else cp = (cp << 6) | (p[k] & 0x3F);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are malformed too.
    if (valid && ((extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
                  (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF))))
      valid = false;
    if (!valid) {
      *d++ = u'\uFFFD';
      ++p;
      continue;
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      *d++ = char16_t(0xD800 + (cp >> 10));
      *d++ = char16_t(0xDC00 + (cp & 0x3FF));
    } else {
      *d++ = char16_t(cp);
    }
    p += extra + 1;
  }
  out.resize(size_t(d - out.data()));
}

size_t ResultTape::CachedSent::slot_of(const void* p) const {
  size_t mask = slots_.size() - 1, i = (reinterpret_cast<uintptr_t>(p) >> 4) & mask;
  while (slots_[i].address && slots_[i].address != p) i = (i + 1) & mask;
  return i;
}

int32_t ResultTape::CachedSent::id_of(const void* p) const {
  if (slots_.empty()) return 0;
  const Slot& s = slots_[slot_of(p)];
  return s.address == p ? s.id : 0;
}

void ResultTape::CachedSent::add(const void* p) {
  if (2 * (count_ + 1) > slots_.size()) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(64, 2 * old.size()), Slot{nullptr, 0});
    for (const Slot& s : old)
      if (s.address) slots_[slot_of(s.address)] = s;
  }
  Slot& s = slots_[slot_of(p)];
  if (!s.address) s = {p, int32_t(++count_)};
}

void ResultTape::CachedSent::clear() {
  slots_.clear();
  count_ = 0;
}

void to_tape(const Result& r, ResultTape& tape) {
  TapeOut o(tape);
  write_result(o, r);
}

std::vector<std::string_view> result_key_names() { return {std::begin(kKeyNames), std::end(kKeyNames)}; }

}  // namespace jxjy
