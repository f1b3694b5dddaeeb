// The member names of one wide JSON object, for finding one without scanning them all: open addressing
// over string_views (they point into the text or its JsonDoc, which outlive the index). Used by the
// JSON builder (a repeated key in an object of many members) and by merge patches (a base member in a
// large patch). One small table instead of std::unordered_set / unordered_map over string_view, whose
// instantiations were about 4 KB of the wasm module's code (bench/README.md).
#pragma once
#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

namespace jxjy {

class JsonValue;

class KeyIndex {
 public:
  void clear() {
    entries_.clear();
    table_.clear();
  }
  // The value added under key (nullptr when none was given), or whether key is there at all.
  bool find(std::string_view key, const JsonValue** value = nullptr) const {
    if (table_.empty()) return false;
    size_t mask = table_.size() - 1;
    for (size_t i = hash(key) & mask;; i = (i + 1) & mask) {
      uint32_t e = table_[i];
      if (e == 0) return false;
      if (entries_[e - 1].first == key) {
        if (value) *value = entries_[e - 1].second;
        return true;
      }
    }
  }
  // Adds key with value unless key is there already (the first one stays); returns whether it was added.
  bool insert(std::string_view key, const JsonValue* value = nullptr) {
    if (find(key)) return false;
    entries_.emplace_back(key, value);
    if (entries_.size() * 2 > table_.size()) {  // at most half full: probes stay short
      table_.assign(table_.empty() ? 64 : table_.size() * 2, 0);
      for (uint32_t e = 1; e <= entries_.size(); ++e) place(e);
    } else {
      place(uint32_t(entries_.size()));
    }
    return true;
  }

 private:
  static size_t hash(std::string_view k) { return std::hash<std::string_view>()(k); }
  void place(uint32_t e) {  // e: 1 + the entry's index (0 marks an empty slot)
    size_t mask = table_.size() - 1;
    size_t i = hash(entries_[e - 1].first) & mask;
    while (table_[i]) i = (i + 1) & mask;
    table_[i] = e;
  }
  std::vector<std::pair<std::string_view, const JsonValue*>> entries_;
  std::vector<uint32_t> table_;  // a power of two in size
};

}  // namespace jxjy
