// Equal strings, the hot comparison of reading JSON: member names and enum values.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace jxjy {

// Equal strings, compared in line: member names and enum values are the hot comparisons of reading
// a profile, and in wasm a memcmp call is a byte loop behind a call. Words of 8 (or 4) bytes at a time,
// the last one overlapping the one before it; a name under 4 bytes byte by byte.
inline bool same(std::string_view a, std::string_view b) {
  const size_t n = a.size();
  if (n != b.size()) return false;
  const char *p = a.data(), *q = b.data();
  auto eq8 = [](const char* x, const char* y) {
    uint64_t u, v;
    std::memcpy(&u, x, 8);
    std::memcpy(&v, y, 8);
    return u == v;
  };
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8)
      if (!eq8(p + i, q + i)) return false;
    return eq8(p + n - 8, q + n - 8);
  }
  if (n >= 4) {
    uint32_t u1, v1, u2, v2;
    std::memcpy(&u1, p, 4);
    std::memcpy(&v1, q, 4);
    std::memcpy(&u2, p + n - 4, 4);
    std::memcpy(&v2, q + n - 4, 4);
    return u1 == v1 && u2 == v2;
  }
  for (size_t i = 0; i < n; ++i)
    if (p[i] != q[i]) return false;
  return true;
}

}  // namespace jxjy
