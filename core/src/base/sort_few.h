// A stable insertion sort for the few items the core sorts (the years of a window, the rule sets at
// load): the order std::stable_sort gives, in a few dozen bytes of code where each std::sort or
// std::stable_sort instantiation was 3–7 KB of the wasm module (bench/README.md "The wasm's contents").
// Quadratic: not for the records of a profile (up to thousands).
#pragma once
#include <algorithm>

namespace jxjy {

template <class It, class Less>
void sort_few(It first, It last, Less less) {
  for (It i = first; i != last; ++i)
    for (It j = i; j != first && less(*j, *(j - 1)); --j) std::iter_swap(j, j - 1);
}

}  // namespace jxjy
