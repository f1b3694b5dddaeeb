// The words of the domain: locales, bilingual texts and the small enums profiles and rule sets
// share. Their ids and words live in core/data/vocabulary.json (names.h checks the order).
#pragma once
#include <cstdint>
#include <string>

namespace jxjy {

enum class Locale { zh, en };

// A text in both languages, as rule files and messages carry it.
struct Text {
  std::string zh, en;
  const std::string& in(Locale l) const { return l == Locale::en ? en : zh; }
  bool empty() const { return zh.empty(); }
};

enum class Route : uint8_t { review, recognition, appointment };
enum class Level : uint8_t { junior, intermediate, senior };
enum class Gender : uint8_t { male, female, unknown };
enum class Education : uint8_t { associate, bachelor, master, doctorate, unknown };
enum class Sector : uint8_t { public_sector, non_public };
// The professional's series, where a notice hands some series to their own department (青海 一, 扎兰屯 一（三）).
enum class Series : uint8_t { health, accounting, education, other };
constexpr int kSeriesCount = 4;
enum class Subject : uint8_t { public_, professional, total };  // total: hours of either subject
enum class Activity : uint8_t {
  course, training_class, advanced_seminar, conference, degree_study, study_visit, teaching,
  qualification_exam, skill_training, exam_prep, new_hire_training, fa_xuan_online, other
};
constexpr int kActivityCount = 13;
enum class Unit : uint8_t { hours, minutes, days, months, subjects, none };
constexpr int kUnitCount = 6;
enum class ConfLevel : uint8_t { international, national, provincial, prefecture, unknown };
enum class CircumstanceKind : uint8_t {
  epidemic_frontline, postdoc, transferred_from_government, exceptional, high_skill_leader,
  village_first_secretary, fanghuiju
};
constexpr int kCircumstanceCount = 7;

// Bit sets over the small enums above; 0 means "any".
using Mask = uint32_t;
template <class E> constexpr Mask bit(E e) { return Mask(1) << unsigned(e); }
template <class E> constexpr bool allows(Mask m, E e) { return m == 0 || (m & bit(e)); }

}  // namespace jxjy
