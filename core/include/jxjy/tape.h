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
//          | True | False
//          | String start length          `text` (UTF-16) from unit `start`, `length` units
//          | Kept i                       kept[i]: UTF-8 bytes that stay at that address, unchanged,
//                                         as long as the Checker lives (rule data, literals), so a
//                                         reader may decode each address once and cache it
//          | Cached id words numbers value
//                                         a value that is the same whenever its id comes again while
//                                         the Checker lives (a rule set's "ruleSet" block, a source),
//                                         `words` words and `numbers` numbers long. id 0: not to keep
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

namespace jxjy {

struct ResultTape {
  enum Tag : int32_t { End = -1, Object = 0, Array, Int, Number, True, False, String, Kept, Cached, Again };
  struct KeptText {
    const char* data;
    uint32_t size;
  };
  std::vector<int32_t> words;
  std::vector<double> numbers;
  std::u16string text;
  std::vector<KeptText> kept;

  // The cached values this tape has carried whole (their addresses): a small open-addressing set.
  class CachedSent {
   public:
    bool contains(const void* p) const;
    void insert(const void* p);
    void clear();

   private:
    std::vector<const void*> slots_;  // nullptr: free; a power of two in size, at most half full
    size_t count_ = 0;
    size_t slot_of(const void* p) const;
  };
  CachedSent sent;
  void forget_cached() { sent.clear(); }
};

// The member names of results, indexed by the key ids of a tape.
std::vector<std::string_view> result_key_names();

}  // namespace jxjy
