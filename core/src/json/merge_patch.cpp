#include "json/merge_patch.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "json/key_index.h"

#include "jxjy/jxjy.h"

namespace jxjy {
namespace {

void write_string(std::string_view s, std::string& out) { append_json_string(out, s); }

void write_number(double d, std::string& out) {
  char buf[32];
  // Integers (nearly every number of a rule file) as their digits, as %.17g prints them, without a
  // printf per number (in the wasm module those were ~1.5 ms of createChecker). Anything else: 17
  // significant digits read back as the same double.
  if (d == std::floor(d) && std::fabs(d) < 1e15 && !(d == 0 && std::signbit(d))) {
    out.append(buf, size_t(std::to_chars(buf, buf + sizeof buf, static_cast<long long>(d)).ptr - buf));
    return;
  }
  int n = std::snprintf(buf, sizeof buf, "%.17g", d);
  out.append(buf, size_t(n));
}

// The members of a patch object by name: a rule file's objects are small, but a hostile patch
// could be large, and looking each base member up in a list would then be quadratic.
class Members {
 public:
  explicit Members(const JsonValue& o) {
    if (o.size() > 8)
      for (const JsonValue* c = o.first(); c; c = c->next()) index_.insert(c->key(), c);
    else
      small_ = &o;
  }
  const JsonValue* find(std::string_view k) const {
    if (small_) return small_->find(k);
    const JsonValue* v = nullptr;
    index_.find(k, &v);
    return v;
  }

 private:
  const JsonValue* small_ = nullptr;
  KeyIndex index_;
};

}  // namespace

void write_json(const JsonValue& v, std::string& out) {
  switch (v.type()) {
    case JsonValue::Type::null: out += "null"; return;
    case JsonValue::Type::boolean: out += v.boolean() ? "true" : "false"; return;
    case JsonValue::Type::number: write_number(v.number(), out); return;
    case JsonValue::Type::string: write_string(v.string(), out); return;
    case JsonValue::Type::array: {
      out += '[';
      for (const JsonValue* c = v.first(); c; c = c->next()) {
        if (c != v.first()) out += ',';
        write_json(*c, out);
      }
      out += ']';
      return;
    }
    case JsonValue::Type::object: {
      out += '{';
      for (const JsonValue* c = v.first(); c; c = c->next()) {
        if (c != v.first()) out += ',';
        write_string(c->key(), out);
        out += ':';
        write_json(*c, out);
      }
      out += '}';
      return;
    }
  }
}

// RFC 7386 §2: an object patch merges member by member (null removes a member); any other patch
// replaces the target whole. Members keep the target's order; new ones follow in the patch's order.
void write_merge_patch(const JsonValue* target, const JsonValue& patch, std::string& out) {
  if (!patch.is_object()) {
    write_json(patch, out);
    return;
  }
  bool first = true;
  auto member = [&](std::string_view key) {
    if (!first) out += ',';
    first = false;
    write_string(key, out);
    out += ':';
  };
  out += '{';
  static const JsonValue kNothing{};  // a target that is not an object merges as {}
  const JsonValue& base = target && target->is_object() ? *target : kNothing;
  Members patched(patch);
  for (const JsonValue* t = base.first(); t; t = t->next()) {
    const JsonValue* p = patched.find(t->key());
    if (!p) {
      member(t->key());
      write_json(*t, out);
    } else if (!p->is_null()) {
      member(t->key());
      write_merge_patch(t, *p, out);
    }
  }
  Members in_base(base);
  for (const JsonValue* p = patch.first(); p; p = p->next()) {
    if (p->is_null() || in_base.find(p->key())) continue;
    member(p->key());
    write_merge_patch(nullptr, *p, out);
  }
  out += '}';
}

}  // namespace jxjy
