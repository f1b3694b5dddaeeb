// A read-only JSON document built from nlohmann's SAX events. The engine only ever reads a profile or
// rule file once, top to bottom, so it needs no tree of maps: nodes sit in a few arrays, children are a
// linked list in input order, strings are moved out of the lexer once. That halves the cost of reading a
// profile (the DOM was a third of a whole check), and repeated keys are seen as they are parsed.
#pragma once
#include <cstdint>
#include <algorithm>
#include <forward_list>
#include <new>
#include <type_traits>
#include <string>
#include <string_view>
#include <vector>

#include "base/cold.h"
#include "base/same.h"

namespace jxjy {

class JsonValue {
 public:
  enum class Type : uint8_t { null, boolean, number, string, array, object };

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::null; }
  bool is_boolean() const { return type_ == Type::boolean; }
  bool is_number() const { return type_ == Type::number; }
  bool is_string() const { return type_ == Type::string; }
  bool is_array() const { return type_ == Type::array; }
  bool is_object() const { return type_ == Type::object; }

  double number() const { return number_; }
  bool boolean() const { return boolean_; }
  // Views into the parsed text (or the document's own copy when the string had escapes): valid
  // while both the text and the JsonDoc live.
  std::string_view string() const { return string_; }

  // Children of an array or object, in input order.
  size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  const JsonValue* first() const { return first_; }
  const JsonValue* next() const { return next_; }
  // The member name, for a child of an object.
  std::string_view key() const { return key_; }
  // Range over the children (it.key() for members). No operator[]: indexing a list in a loop is quadratic.
  class iterator {
   public:
    explicit iterator(const JsonValue* p) : p_(p) {}
    const JsonValue& operator*() const { return *p_; }
    const JsonValue* operator->() const { return p_; }
    iterator& operator++() {
      p_ = p_->next_;
      return *this;
    }
    bool operator!=(const iterator& o) const { return p_ != o.p_; }
    std::string_view key() const { return p_->key(); }
    const JsonValue& value() const { return *p_; }

   private:
    const JsonValue* p_;
  };
  iterator begin() const { return iterator(first_); }
  iterator end() const { return iterator(nullptr); }

  // The object's member named `k`, or nullptr.
  const JsonValue* find(std::string_view k) const {
    for (const JsonValue* c = first_; c; c = c->next_)
      if (same(c->key_, k)) return c;
    return nullptr;
  }

 private:
  friend class JsonBuilder;
  Type type_ = Type::null;
  bool boolean_ = false;
  uint32_t count_ = 0;
  double number_ = 0;
  std::string_view string_;
  std::string_view key_;
  JsonValue* first_ = nullptr;
  JsonValue* last_ = nullptr;
  JsonValue* next_ = nullptr;
};

// Owns the nodes and strings of one parsed text.
class JsonDoc {
 public:
  JsonDoc() = default;
  JsonDoc(const JsonDoc&) = delete;  // nodes link to each other, some inside the document itself
  JsonDoc& operator=(const JsonDoc&) = delete;

  const JsonValue& root() const { return *std::launder(reinterpret_cast<const JsonValue*>(inline_)); }

 private:
  friend class JsonBuilder;
  // The first nodes (a profile's few dozen) sit in the document itself: reading a profile allocates no
  // node (a chunk of 64 was a 4.6 KB allocation and free per profile, ~3 % of `jxjy batch`). Nodes after
  // them sit in chunks that are never filled beyond their reserved capacity, so a node never moves and
  // links stay valid. JsonValue holds only views and pointers: nothing to destroy.
  static constexpr size_t kInline = 64;
  alignas(JsonValue) unsigned char inline_[kInline * sizeof(JsonValue)];
  size_t inline_used_ = 0;
  std::vector<std::vector<JsonValue>> chunks_;
  std::forward_list<std::string> strings_;  // decoded strings (rare); stable addresses, nothing allocated when empty

  JXJY_INLINE JsonValue& add_node() {  // (inlined into the lexer, as JsonBuilder::add)
    if (inline_used_ < kInline) return *new (inline_ + sizeof(JsonValue) * inline_used_++) JsonValue();
    return add_chunked_node();
  }
  JXJY_RARE JsonValue& add_chunked_node() {
    if (chunks_.empty() || chunks_.back().size() == chunks_.back().capacity()) {
      size_t nodes = size_t(256) << std::min<size_t>(2 * chunks_.size(), 10);  // 256, 1024, …
      chunks_.emplace_back().reserve(nodes);
    }
    return chunks_.back().emplace_back();
  }
};
static_assert(std::is_trivially_destructible_v<JsonValue>, "JsonDoc never destroys its inline nodes");

}  // namespace jxjy
