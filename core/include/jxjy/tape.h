// A result as a tape: the same value as the result JSON (CONTRACT §3), in a form that JavaScript
// turns into objects several times faster than JSON.parse reads the JSON text (web/jxjy.js does;
// measured in the README). Only the wasm module uses it; the CLI and tests use the JSON.
//
// `words` holds one value, written depth first:
//   value := Object {key value}* End      key: an index into result_key_names()
//          | Array value* End
//          | Int n                        n: the next word
//          | Number                       the next entry of `numbers`, exactly the double that
//                                         JSON.parse gives for the JSON text's number
//          | True | False | Null
//          | String start length          `text` (UTF-16) from unit `start`, `length` units
//          | Kept i                       kept[i]: UTF-8 bytes that stay at that address, unchanged,
//                                         as long as the Checker lives (rule data, literals), so a
//                                         reader may decode each address once and cache it
//          | Cached id words numbers value
//                                         a value that is the same whenever its id comes again while
//                                         the Checker lives (a rule set's "ruleSet" block, a source),
//                                         `words` words and `numbers` numbers long. Ids are 1, 2, 3, …
//                                         in the order the values first come; 0: not to keep
//          | Again id                     the value that came as Cached with this id on an earlier tape
//                                         of the same ResultTape: its reader keeps every Cached value
//                                         it reads (from tape to tape, in order) until forget_cached()
//
// A reader that lost a kept value (say a read failed half way) calls forget_cached() and has the
// tape written again: every cached value then comes whole, once, as at the start.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "jxjy/jxjy.h"

namespace jxjy {

struct ResultTape {
  enum Tag : int32_t { End = -1, Object = 0, Array, Int, Number, True, False, String, Kept, Cached, Again, Null };
  struct KeptText {
    const char* data;
    uint32_t size;
  };
  std::vector<int32_t> words;
  std::vector<double> numbers;
  std::u16string text;
  std::vector<KeptText> kept;

  // The cached values this tape has carried whole: their addresses and the ids the tape gave them
  // (1, 2, 3, …), in a small open-addressing table.
  class CachedSent {
   public:
    int32_t id_of(const void* p) const;  // 0 if not carried yet
    int32_t next_id() const { return int32_t(count_ + 1); }
    void add(const void* p);  // under next_id()
    void clear();

   private:
    struct Slot {
      const void* address;  // nullptr: free
      int32_t id;
    };
    std::vector<Slot> slots_;  // a power of two in size, at most half full
    size_t count_ = 0;
    size_t slot_of(const void* p) const;
  };
  CachedSent sent;
  void forget_cached() { sent.clear(); }
};

// The member names of results, indexed by the key ids of a tape.
std::vector<std::string_view> result_key_names();

// Checker::evaluate with the result as a tape, for the JS module.
void evaluate_to_tape(const Checker& checker, std::string_view profile_json, ResultTape& out);

}  // namespace jxjy
