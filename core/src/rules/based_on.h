// Yearly notices as patches: a rule file with "basedOn": "ID" is the rule set ID with the file
// applied as a JSON Merge Patch (RFC 7386). This resolves every such file (chains too) into the
// whole rule set the loader then validates, before validation, so errors still name the file.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "jxjy/jxjy.h"
#include "json/value.h"

namespace jxjy {

struct ResolvedRuleFile {
  std::string name;        // the file's own name
  std::string_view given;  // the file's own text (a view of the caller's file, which outlives the loading)
  std::string base;        // the basedOn id, for a patch
  std::string merged;      // for a patch: its base with it applied
  // text() already parsed (a file that is not a patch: read once, not again by the loader), else null.
  // Its views point into the given file's text.
  std::unique_ptr<const JsonDoc> doc;
  // What the loader reads: the file, or for a patch its base with it applied (no copy of a file is made).
  std::string_view text() const { return base.empty() ? given : std::string_view(merged); }
};

// Every file that can be loaded, in the given order. A missing base, a cycle or an unreadable base
// is reported in `errors` (file, "/basedOn") and that file left out.
std::vector<ResolvedRuleFile> resolve_based_on(const std::vector<RuleFile>& files, std::vector<RuleError>& errors);

// Whether the JSON Pointer leads to a value that the document `root` sets itself (for a patch: whether
// an error is in the patch or comes from its base).
bool sets_pointer(const JsonValue& root, const std::string& pointer);

}  // namespace jxjy
