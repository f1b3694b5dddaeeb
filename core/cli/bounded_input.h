// Reading documents and lines with a bound, for the CLI: no input, however long or endless
// (/dev/zero, a 1 GiB line), makes a buffer grow past the limit. A document or line longer than
// `limit` comes back as its first limit + 1 bytes, so the core refuses it as too_long, and the rest of
// it is read and dropped (a line) or not read at all (a document). Header-only so the fuzz target
// tests/fuzz/fuzz_lines.cpp exercises this very code.
#pragma once
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace jxjy_cli {

// read(2)-like: bytes read into buf (at most n), 0 at the end, -1 on an error (errno set).
using Source = std::function<long(char* buf, size_t n)>;

inline Source fd_source(int fd) {
  return [fd](char* buf, size_t n) -> long {
    ssize_t got;
    do got = ::read(fd, buf, n);
    while (got < 0 && errno == EINTR);
    return long(got);
  };
}

// The whole input, or its first limit + 1 bytes. False on a read error (errno kept in `error`,
// e.g. EISDIR for a directory).
inline bool read_bounded(const Source& read, size_t limit, std::string& out, int& error) {
  out.clear();
  const size_t cap = limit + 1;
  size_t block = std::min<size_t>(cap, 1 << 16);
  while (out.size() < cap) {
    size_t at = out.size(), want = std::min(block, cap - at);
    out.resize(at + want);
    long got = read(&out[at], want);
    if (got <= 0) {
      out.resize(at);
      if (got < 0) {
        error = errno;
        return false;
      }
      return true;
    }
    out.resize(at + size_t(got));
    block = std::min<size_t>(block * 2, 1 << 20);
  }
  return true;
}

// Hands out the lines of a stream (without the '\n'; the last line may lack one). Memory stays
// within about limit + 1 MiB whatever the input.
class LineReader {
 public:
  // `block`: how much is read at a time beyond a partial line (small only in the fuzz target).
  LineReader(size_t limit, Source read, size_t block = 1 << 20)
      : limit_(limit), read_(std::move(read)), buf_(limit + 1 + std::max<size_t>(block, 1)) {}

  // False at the end of the input (or after a read error: see error()). Before waiting for more
  // input, calls `idle` (to flush output). The line is valid until the next call.
  template <class Idle>
  bool next(std::string_view& line, Idle&& idle) {
    cut_ = false;
    for (;;) {
      const char* start = buf_.data() + from_;
      size_t avail = to_ - from_;
      const char* nl = static_cast<const char*>(std::memchr(start, '\n', avail));
      if (skipping_) {  // the rest of an overlong line: dropped up to its end
        if (nl || eof_) {
          from_ = nl ? size_t(nl - buf_.data()) + 1 : to_;
          skipping_ = false;
          cut_ = true;
          line = over_;
          return true;
        }
        from_ = to_;
      } else if (nl && size_t(nl - start) <= limit_) {
        line = std::string_view(start, size_t(nl - start));
        from_ = size_t(nl - buf_.data()) + 1;
        return true;
      } else if (avail > limit_) {  // longer than the limit: keep its head, drop the rest
        over_.assign(start, limit_ + 1);
        from_ += limit_ + 1;
        skipping_ = true;
        continue;
      } else if (eof_) {
        if (avail == 0) return false;
        line = std::string_view(start, avail);
        from_ = to_;
        return true;
      }
      idle();
      fill();
    }
  }

  // Whether the line just handed out was longer than the limit (and so is only its head).
  bool cut() const { return cut_; }
  // The errno of a failed read (0 if none): the lines before it were handed out.
  int error() const { return error_; }

 private:
  size_t limit_;
  Source read_;
  std::vector<char> buf_;
  size_t from_ = 0, to_ = 0;  // the unread bytes
  bool eof_ = false, skipping_ = false, cut_ = false;
  int error_ = 0;
  std::string over_;  // the head of the overlong line being skipped

  // Keeps the partial line (at most limit bytes) at the front and reads what is there.
  void fill() {
    std::memmove(buf_.data(), buf_.data() + from_, to_ - from_);
    to_ -= from_;
    from_ = 0;
    long n = read_(buf_.data() + to_, buf_.size() - to_);
    if (n < 0) error_ = errno;
    if (n <= 0) eof_ = true;
    else to_ += size_t(n);
  }
};

}  // namespace jxjy_cli
