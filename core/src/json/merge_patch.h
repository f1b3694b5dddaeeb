// JSON Merge Patch (RFC 7386) over parsed documents, written out as JSON text. The loader reads
// rule files as read-only JsonDocs, so a patch is applied while writing the merged text rather than
// by editing a tree (and the wasm needs no second JSON library for it).
#pragma once
#include <string>

#include "json/value.h"

namespace jxjy {

// Appends to `out` the JSON text of `target` with `patch` applied (target may be null: nothing).
void write_merge_patch(const JsonValue* target, const JsonValue& patch, std::string& out);

// Appends the JSON text of `v`; numbers are written so that they read back as the same double.
void write_json(const JsonValue& v, std::string& out);

}  // namespace jxjy
