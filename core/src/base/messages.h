// The texts of reasons, warnings and bases: core/data/messages.json, one entry per message, turned
// into `M` ids and `kMessages` at build time (core/gen_messages.cmake). The engine names a message
// and its arguments; the words live in the catalogue.
#pragma once
#include <string_view>

#include "base/format.h"

namespace jxjy {

struct MessageText {
  std::string_view key, zh, en;
};

#include "messages.inc"

// The message in the locale with {0}… filled in, kept in the result's texts.
template <class... A>
std::string_view message(TextStore& texts, Locale l, M m, const A&... args) {
  const MessageText& t = kMessages[int(m)];
  return texts.fmt(l, t.zh, t.en, args...);
}

}  // namespace jxjy
