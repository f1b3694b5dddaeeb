// libFuzzer target for the CLI's read paths (core/cli/bounded_input.h): arbitrary bytes, cut into
// arbitrary read sizes, with a small line limit and perhaps a read error part way. LineReader must hand
// out exactly the lines a plain split on '\n' gives (a line longer than the limit as its first limit + 1
// bytes), stop at the error reporting it, and read_bounded must give the first limit + 1 bytes.
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bounded_input.h"

namespace {

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "fuzz_lines: %s\n", what);
  std::abort();
}

// A source over `data` that returns reads of varying size (from `seed`) and, if `fail_at` is set,
// fails with EIO once that many bytes have been handed out.
jxjy_cli::Source source(std::string_view data, uint32_t seed, long fail_at) {
  auto at = std::make_shared<size_t>(0);
  auto state = std::make_shared<uint32_t>(seed | 1);
  return [=](char* buf, size_t n) -> long {
    if (fail_at >= 0 && *at >= size_t(fail_at)) {
      errno = EIO;
      return -1;
    }
    *state = *state * 1103515245u + 12345u;
    size_t want = std::min<size_t>(n, 1 + (*state >> 16) % 37);
    if (fail_at >= 0) want = std::min(want, size_t(fail_at) - *at);
    want = std::min(want, data.size() - *at);
    std::memcpy(buf, data.data() + *at, want);
    *at += want;
    return long(want);
  };
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  if (size < 3) return 0;
  const size_t limit = bytes[0] % 64;
  const uint32_t seed = bytes[1];
  const bool error = bytes[2] & 1;
  std::string_view data(reinterpret_cast<const char*>(bytes + 3), size - 3);
  const long fail_at = error ? long(bytes[2] >> 1) % long(data.size() + 1) : -1;
  const std::string_view seen = error ? data.substr(0, size_t(fail_at)) : data;

  // The expected lines: a split of what is read before the end or the error. After an error a
  // partial last line is still handed out (as at the end of the input).
  std::vector<std::string> want;
  std::vector<bool> cut;
  for (size_t from = 0; from < seen.size();) {
    size_t nl = seen.find('\n', from);
    size_t end = nl == std::string_view::npos ? seen.size() : nl;
    std::string line(seen.substr(from, end - from));
    cut.push_back(line.size() > limit);
    if (line.size() > limit) line.resize(limit + 1);
    want.push_back(line);
    from = end + 1;
  }

  jxjy_cli::LineReader reader(limit, source(data, seed, fail_at), 1 + seed % 16);
  std::string_view line;
  size_t i = 0;
  while (reader.next(line, [] {})) {
    if (i >= want.size()) fail("more lines than the split");
    if (line != want[i]) fail("a line differs from the split");
    if (reader.cut() != cut[i]) fail("cut() wrong");
    ++i;
  }
  if (i != want.size()) fail("fewer lines than the split");
  if ((reader.error() != 0) != error) fail("read error not reported (or reported without one)");

  std::string doc;
  int err = 0;
  bool ok = jxjy_cli::read_bounded(source(data, seed, fail_at), limit, doc, err);
  std::string_view head = seen.substr(0, limit + 1);
  // An error past the first limit + 1 bytes is never reached: nothing more is read.
  bool error_reached = error && size_t(fail_at) <= limit;
  if (ok == error_reached) fail("read_bounded: wrong success");
  if (ok && doc != head) fail("read_bounded: wrong bytes");
  if (!ok && err != EIO) fail("read_bounded: wrong errno");
  return 0;
}
