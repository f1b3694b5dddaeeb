// Eight bytes a step: JSON text is mostly long runs of plain characters, so the reader and the
// writer look for the bytes that end a run a word at a time.
#pragma once
#include <cstdint>
#include <cstring>

namespace jxjy::swar {

constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;

// p[0, 8) as a word whose low byte is p[0] (as on x86 and wasm), so the first flagged byte is the
// lowest set bit.
inline uint64_t load8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  w = __builtin_bswap64(w);
#endif
  return w;
}

// Before the mask below: a byte b below 0x20, or equal to '"' or '\\' (its xor with them zero), borrows
// into the high bit of b - 0x20 or of the xor minus one, while b's own high bit is clear. ('"' and '\\'
// have no high bit, so each xor's high bit is b's: the three tests share one `& ~w & kHighs`, 9
// operations a word, not 13.)
inline uint64_t below_space_or_equal_minus_one(uint64_t w) {
  return (w - kOnes * 0x20) | ((w ^ (kOnes * '"')) - kOnes) | ((w ^ (kOnes * '\\')) - kOnes);
}
// The high bit of each byte of w that is '"', '\\' or a control character: zero when there is none,
// exact for the first one (bytes after it may be flagged wrongly, through borrows).
inline uint64_t quote_backslash_or_control(uint64_t w) { return below_space_or_equal_minus_one(w) & ~w & kHighs; }

// The index of the first flagged byte of a non-zero result of the tests above.
inline size_t first_flagged_byte(uint64_t flags) { return size_t(__builtin_ctzll(flags) / 8); }

}  // namespace jxjy::swar
