#pragma once
#include <vector>

#include "json/read.h"
#include "profile/profile.h"

namespace jxjy {

// Input limits: beyond them a profile is refused with a clear error, never half-read.
struct Limits {
  static constexpr size_t kMaxBytes = 1 << 20;
  static constexpr size_t kMaxDepth = 16;
  static constexpr size_t kMaxRecords = 2000;
  static constexpr size_t kMaxCircumstances = 20;
  static constexpr size_t kMaxNote = 1000;
  static constexpr int kMinYear = 1990, kMaxYear = 2100;
};

// Validates the whole profile at once: every problem goes to `errors` with its JSON Pointer.
// Fields we do not know go to `warnings` (a typo should not pass silently).
void read_profile(const Json& root, Profile& p, std::vector<Problem>& errors, std::vector<Problem>& warnings);

}  // namespace jxjy
