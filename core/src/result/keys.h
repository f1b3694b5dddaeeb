// The member names of a result (CONTRACT §3), taken by the writer (result/write.h) as ids.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace jxjy {

#define JXJY_RESULT_KEYS(X)                                                                            \
  X(ok, "ok") X(errors, "errors") X(warnings, "warnings") X(code, "code") X(path, "path")              \
  X(message, "message") X(eligible, "eligible") X(status, "status") X(ruleSet, "ruleSet")             \
  X(requiredYears, "requiredYears") X(window, "window") X(years, "years") X(year, "year")             \
  X(met, "met") X(waived, "waived") X(public_, "public") X(professional, "professional")              \
  X(total, "total") X(credited, "credited") X(required, "required") X(shortfall, "shortfall")         \
  X(subject, "subject") X(hours, "hours") X(records, "records") X(index, "index")                     \
  X(activity, "activity") X(counted, "counted") X(basis, "basis") X(source, "source")                 \
  X(reason, "reason") X(reasons, "reasons") X(number, "number") X(clause, "clause") X(id, "id")       \
  X(region, "region") X(regionName, "regionName") X(file, "file") X(sources, "sources")               \
  X(title, "title") X(date, "date") X(issuer, "issuer") X(note, "note")                                \
  X(canComplete, "canComplete") X(deadline, "deadline") X(statusIfUnfiled, "statusIfUnfiled") X(scope, "scope")      \
  X(conditional, "conditional")

enum class Key : uint8_t {
#define JXJY_KEY_ID(id, name) id,
  JXJY_RESULT_KEYS(JXJY_KEY_ID)
#undef JXJY_KEY_ID
};

inline constexpr std::string_view kKeyNames[] = {
#define JXJY_KEY_NAME(id, name) name,
    JXJY_RESULT_KEYS(JXJY_KEY_NAME)
#undef JXJY_KEY_NAME
};

inline constexpr int kKeyCount = int(sizeof kKeyNames / sizeof kKeyNames[0]);

inline std::string_view name_of(Key k) { return kKeyNames[int(k)]; }

// Each key as the writer writes it, `"name":`, in a slot of its own: JsonOut copies the whole slot (a
// copy of fixed size, made in line) and keeps its length. A key's name and quotes were a call to
// memcpy per key, ~100 keys a result (~4 % of `jxjy batch`).
constexpr size_t kQuotedKeySlot = 24;
struct QuotedKeys {
  char text[kKeyCount][kQuotedKeySlot] = {};
  uint8_t size[kKeyCount] = {};
};
constexpr QuotedKeys quote_keys() {
  QuotedKeys q{};
  for (int i = 0; i < kKeyCount; ++i) {
    size_t n = 0;
    q.text[i][n++] = '"';
    for (char c : kKeyNames[i]) q.text[i][n++] = c;
    q.text[i][n++] = '"';
    q.text[i][n++] = ':';
    q.size[i] = uint8_t(n);
  }
  return q;
}
constexpr bool keys_fit_slots() {
  for (auto name : kKeyNames)
    if (name.size() + 3 > kQuotedKeySlot) return false;
  return true;
}
static_assert(keys_fit_slots(), "a key longer than its slot: make kQuotedKeySlot larger");
inline constexpr QuotedKeys kQuotedKeys = quote_keys();

}  // namespace jxjy
