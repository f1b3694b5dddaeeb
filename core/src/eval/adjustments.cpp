#include "eval/adjustments.h"

#include <algorithm>

namespace jxjy::eval {

// Whether an adjustment's route, level and application-year conditions cover the profile.
bool in_scope(const Adjustment& a, const Profile& p) {
  if (!allows(a.routes, p.route) || !allows(a.levels, p.level)) return false;
  return a.application_years.empty() ||
         std::find(a.application_years.begin(), a.application_years.end(), p.year) != a.application_years.end();
}

// The circumstance's years inside the adjustment's `circumstanceYears` period.
std::vector<int> bounded_years(const Adjustment& a, const Circumstance& c) {
  std::vector<int> out;
  for (int y : c.years)
    if (!a.years_from || (y >= a.years_from && y <= a.years_to)) out.push_back(y);
  return out;
}

// The profile's entries of the adjustment's circumstance that meet its conditions: an entry whose
// years all fall outside `circumstanceYears` (an epidemic year before the epidemic) does nothing.
std::vector<const Circumstance*> entries(const Adjustment& a, const Profile& p) {
  std::vector<const Circumstance*> out;
  for (const auto& c : p.circumstances) {
    if (int(c.kind) != a.circumstance) continue;
    if (c.kind == CircumstanceKind::village_first_secretary && c.full_years < a.min_full_years) continue;
    if (a.years_from && !c.years.empty() && bounded_years(a, c).empty()) continue;
    if (a.years_from && c.years.empty() && c.kind == CircumstanceKind::epidemic_frontline) continue;
    out.push_back(&c);
  }
  return out;
}

// Whether every condition of an adjustment holds for the profile.
bool applies(const Adjustment& a, const Profile& p) {
  if (!in_scope(a, p)) return false;
  if (a.has_age) {
    int threshold = p.gender == Gender::male ? a.age_male : a.age_female;
    if (p.age < threshold) return false;
  }
  if (a.has_sector && p.sector != a.sector) return false;
  if (a.has_grassroots && p.grassroots != a.grassroots) return false;
  if (a.circumstance >= 0 && entries(a, p).empty()) return false;
  return true;
}

// Reductions that change which years are required (学时减免: one of the last three years, the years
// since a transfer, the years in post). Where several apply, the applicant gets the most favourable
// one alone: they never combine into a stricter requirement than any one of them.
bool shapes_window(const Adjustment& a) {
  return a.effect == Effect::replace_requirement || a.effect == Effect::years_since_circumstance ||
         a.effect == Effect::years_in_post;
}

}  // namespace jxjy::eval
