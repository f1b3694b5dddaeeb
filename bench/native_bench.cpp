// Native engine per profile, without I/O: Checker::evaluate (JSON text in, JSON text out) over the
// benchmark profiles, one core. Prints one JSON object. usage: jxjy_bench PROFILES.jsonl
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "jxjy/jxjy.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: jxjy_bench PROFILES.jsonl\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  std::vector<std::string> profiles;
  for (std::string line; std::getline(in, line) && profiles.size() < 20000;)
    if (!line.empty()) profiles.push_back(line);
  if (profiles.empty()) return 2;
  std::vector<jxjy::RuleError> errors;
  auto checker = jxjy::Checker::create(jxjy::builtin_rule_files(), errors);
  if (!checker) return 1;

  using clock = std::chrono::steady_clock;
  size_t sink = 0;
  for (const auto& p : profiles) sink += checker->evaluate(p).size();  // warm up over the whole set, as wasm_bench.mjs
  std::vector<double> ns;
  ns.reserve(profiles.size());
  auto all = clock::now();
  for (const auto& p : profiles) {
    auto t0 = clock::now();
    sink += checker->evaluate(p).size();
    ns.push_back(std::chrono::duration<double, std::nano>(clock::now() - t0).count());
  }
  double total = std::chrono::duration<double, std::nano>(clock::now() - all).count();
  std::sort(ns.begin(), ns.end());
  std::printf("{\"profiles\":%zu,\"nsPerProfile\":{\"mean\":%.0f,\"p50\":%.0f,\"p99\":%.0f},\"resultBytes\":%zu}\n",
              ns.size(), total / ns.size(), ns[ns.size() / 2], ns[ns.size() * 99 / 100], sink / (2 * ns.size()));
  return 0;
}
