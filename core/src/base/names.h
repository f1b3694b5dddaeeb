// The contract's spelling of every enum, and the Chinese / English words shown to people.
#pragma once
#include <iterator>
#include <string_view>

#include "base/messages.h"
#include "base/same.h"
#include "base/vocabulary.h"

namespace jxjy {

struct Name {
  std::string_view id, zh, en;
};

// The vocabulary: core/data/vocabulary.json, turned into constexpr tables by core/gen_vocabulary.cmake.
#include "names.inc"

// The tables follow the enums of model.h in order; a reordered or renamed entry stops the build here.
constexpr bool spelled(std::string_view a, std::string_view b) { return a == b; }
static_assert(spelled(kRouteNames[int(Route::appointment)].id, "appointment") && std::size(kRouteNames) == 3);
static_assert(spelled(kLevelNames[int(Level::senior)].id, "senior") && std::size(kLevelNames) == 3);
static_assert(spelled(kGenderNames[int(Gender::female)].id, "female") && std::size(kGenderNames) == 2);
static_assert(spelled(kEducationNames[int(Education::doctorate)].id, "doctorate") && std::size(kEducationNames) == 4);
static_assert(spelled(kSectorNames[int(Sector::non_public)].id, "non_public") && std::size(kSectorNames) == 2);
static_assert(spelled(kSeriesNames[int(Series::other)].id, "other") && std::size(kSeriesNames) == kSeriesCount);
static_assert(spelled(kSubjectNames[int(Subject::total)].id, "total") && std::size(kSubjectNames) == 3);
static_assert(spelled(kActivityNames[int(Activity::other)].id, "other") &&
              spelled(kActivityNames[int(Activity::fa_xuan_online)].id, "fa_xuan_online") &&
              std::size(kActivityNames) == kActivityCount);
static_assert(spelled(kUnitNames[int(Unit::subjects)].id, "subjects") && spelled(kUnitNames[int(Unit::none)].id, "none") &&
              std::size(kUnitNames) == kUnitCount);
static_assert(spelled(kConfLevelNames[int(ConfLevel::prefecture)].id, "prefecture") && std::size(kConfLevelNames) == 4);
static_assert(spelled(kCircumstanceNames[int(CircumstanceKind::fanghuiju)].id, "fanghuiju") &&
              std::size(kCircumstanceNames) == kCircumstanceCount);
inline constexpr Name kEffectNames[] = {
    {"exempt", "", ""},
    {"advisory", "", ""},
    {"replace_requirement", "", ""},
    {"deem_years", "", ""},
    {"waive_circumstance_years", "", ""},
    {"years_since_circumstance", "", ""},
    {"years_in_post", "", ""}};
// How one occasion over several years shares its credit (rule field occasions.share; enum OccasionShare).
inline constexpr Name kOccasionShareNames[] = {{"by_days", "", ""}, {"start_year", "", ""}, {"end_year", "", ""}};

// A table of the vocabulary as its address and size: the functions over tables below (and the readers'
// and writers' that take one) are compiled once, not once for each table's size (in the wasm module
// those copies were about 3 KB of code).
struct Names {
  const Name* data;
  size_t size;
  template <size_t N>
  constexpr Names(const Name (&table)[N]) : data(table), size(N) {}  // NOLINT: implicit on purpose
  const Name& operator[](size_t i) const { return data[i]; }
};

// Index of `id` in `table`, or -1.
inline int find_name(Names table, std::string_view id) {
  for (size_t i = 0; i < table.size; ++i)
    if (same(table[i].id, id)) return int(i);
  return -1;
}

inline std::string_view word(Names table, unsigned i, Locale l) {
  return i < table.size ? (l == Locale::en ? table[i].en : table[i].zh) : std::string_view{};
}

// The accepted values for error messages, in words with the spelling a program gives:
// "职称评审（review）、考核认定（recognition）" / "title review (review), recognition (recognition)".
inline std::string name_list(Names table, Locale l, size_t limit = size_t(-1)) {
  std::string out;
  for (size_t i = 0; i < table.size && i < limit; ++i) {
    const std::string_view words = l == Locale::en ? table[i].en : table[i].zh;
    if (i) out += catalogue_text(M::list_sep, l);
    if (words.empty() || words == table[i].id)
      out += table[i].id;
    else
      out += fill(catalogue_text(M::word_with_id, l), {words, table[i].id});
  }
  return out;
}

// The same in words only, for people writing a spreadsheet (the roll): "公需、专业" / "public, professional".
inline std::string word_list(Names table, Locale l, size_t limit = size_t(-1)) {
  std::string out;
  for (size_t i = 0; i < table.size && i < limit; ++i) {
    if (i) out += catalogue_text(M::list_sep, l);
    out += word(table, unsigned(i), l);
  }
  return out;
}

}  // namespace jxjy
