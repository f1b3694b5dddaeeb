// The in-memory shape of a profile (CONTRACT §2). Plain data: profile/read_profile.cpp reads it.
#pragma once
#include <string>
#include <vector>

#include "base/vocabulary.h"

namespace jxjy {

struct Record {
  int year = 0;
  Subject subject = Subject::public_;
  Activity activity = Activity::other;
  Unit unit = Unit::none;
  double amount = 0;
  long long amount_micro = 0;  // the amount in millionths (at most six decimals)
  ConfLevel level = ConfLevel::unknown;
  bool filed = true;
  bool filed_unknown = false;  // "filed": null (CONTRACT §5.1): the person does not know; `filed` stays true
  int start = 0, end = 0;  // yyyymmdd, 0: not given (CONTRACT §4.1): a record over several years is one occasion
  std::string occasion;    // records with the same occasion are one occasion for caps and once-only rules
  std::string note;        // the person's words about it (the notice's forms print them)
};

struct Circumstance {
  CircumstanceKind kind{};
  std::vector<int> years;  // epidemic_frontline
  int year = 0;            // transferred_from_government
  int years_in_post = 0;   // exceptional
  int full_years = 0;      // village_first_secretary (with optional years of the posting)
};

struct Profile {
  std::string region;
  int year = 0;
  int application_date = 0;  // yyyymmdd
  bool application_date_given = false;
  int check_date = 0;  // yyyymmdd: the day of the check (default: the application date)
  Series series = Series::other;
  Route route = Route::review;
  Level level = Level::junior;
  Gender gender = Gender::unknown;
  int age = -1;  // full years on the application date; -1 unknown
  int birth_date = 0;  // yyyymmdd when given
  Education education = Education::unknown;
  Sector sector = Sector::public_sector;
  bool grassroots = false;
  int title_since = 0;  // 0 unknown
  std::vector<Circumstance> circumstances;
  std::vector<Record> training;
  Locale locale = Locale::zh;
};

}  // namespace jxjy
