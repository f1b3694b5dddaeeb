// The texts of reasons, warnings and bases: core/data/messages.json, one entry per message, turned
// into `M` ids and `kMessages` at build time (core/gen_messages.cmake). The engine names a message
// and its arguments; the words live in the catalogue.
#pragma once
#include <string>
#include <string_view>

#include "base/format.h"

namespace jxjy {

struct MessageText {
  std::string_view key, zh, en;
};

#include "messages.inc"

// A message without placeholders in the locale (a separator, a word): a view of the catalogue itself.
inline std::string_view catalogue_text(M m, Locale l) { return l == Locale::en ? kMessages[int(m)].en : kMessages[int(m)].zh; }
// Appends n to a list of numbers in words: "2021、2022" / "2021, 2022".
inline void append_listed(std::string& list, long n, Locale l) {
  if (!list.empty()) list += catalogue_text(M::list_sep, l);
  list += std::to_string(n);
}
// The clause a citation of a notice as a whole names ("全文": a clause is the notice's own word in either locale).
inline constexpr std::string_view kWholeNotice = kMessages[int(M::clause_whole_notice)].zh;

// The message in the locale with {0}… filled in, kept in the result's texts.
template <class... A>
std::string_view message(TextStore& texts, Locale l, M m, const A&... args) {
  const MessageText& t = kMessages[int(m)];
  return texts.fmt(l, t.zh, t.en, args...);
}

// An argument in the locale: a Text gives its own words, anything else is the same in both.
inline std::string_view in_locale(const Text& t, Locale l) { return t.in(l); }
inline std::string_view in_locale(std::string_view s, Locale) { return s; }

// The message in both languages, for input problems (they carry both: the front end chooses).
template <class... A>
Text message_text(M m, const A&... args) {
  const MessageText& t = kMessages[int(m)];
  return {fill(t.zh, {in_locale(args, Locale::zh)...}), fill(t.en, {in_locale(args, Locale::en)...})};
}
// The words of a message in both languages (for a message that is an argument of another).
inline Text message_text(M m) { return message_text<>(m); }

}  // namespace jxjy
