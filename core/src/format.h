// Message formatting: "{0}年还差{1}" with positional arguments, in the profile's language.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>

#include "model.h"

namespace jxjy {

std::string format_text(std::string_view pattern, std::initializer_list<std::string_view> args);

template <class... A>
std::string fmt(Locale l, std::string_view zh, std::string_view en, const A&... args) {
  return format_text(l == Locale::en ? en : zh, {std::string_view(args)...});
}

// Hours as people write them: 40, 2.5, 13.33.
std::string num(double x);

}  // namespace jxjy
