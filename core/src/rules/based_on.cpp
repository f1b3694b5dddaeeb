#include "rules/based_on.h"

#include <map>
#include <memory>

#include "json/read.h"
#include "json/merge_patch.h"

namespace jxjy {
namespace {

// Longer chains are refused: a yearly patch of a patch of … is fine, thousands of them are a mistake
// (and would make resolution deep).
constexpr size_t kMaxChain = 32;
constexpr size_t kMaxDepth = 32;  // as the loader parses rule files

struct Node {
  const RuleFile* file = nullptr;
  std::unique_ptr<JsonDoc> doc;  // null when the text is not JSON (the loader reports that)
  std::string id, base;          // base: the basedOn id, when it is a string
  enum State { unvisited, visiting, done } state = unvisited;
  bool ok = true;      // resolved (or not a patch)
  std::string merged;  // for a resolved patch
  const std::string& text() const { return base.empty() ? file->text : merged; }
};

std::string member_string(const JsonValue& root, const char* key) {
  const JsonValue* v = root.is_object() ? root.find(key) : nullptr;
  return v && v->is_string() ? std::string(v->string()) : std::string();
}

class Resolver {
 public:
  Resolver(const std::vector<RuleFile>& files, std::vector<RuleError>& errors) : errors_(errors) {
    nodes_.resize(files.size());
    for (size_t i = 0; i < files.size(); ++i) {
      Node& n = nodes_[i];
      n.file = &files[i];
      auto doc = std::make_unique<JsonDoc>();
      Problem p;
      if (!parse_json(files[i].text, kMaxDepth, *doc, p, Lexer::nlohmann)) continue;
      n.id = member_string(doc->root(), "id");
      n.base = member_string(doc->root(), "basedOn");
      n.doc = std::move(doc);
      if (!n.id.empty()) by_id_.emplace(n.id, i);  // the first file of an id (a second is a duplicate_id)
    }
  }

  std::vector<ResolvedRuleFile> run() {
    for (size_t i = 0; i < nodes_.size(); ++i) {
      std::vector<size_t> chain;
      resolve(i, chain);
    }
    // (after every patch is merged: a plain file's document is a patch's base until then)
    std::vector<ResolvedRuleFile> out;
    for (Node& n : nodes_) {
      if (!n.ok) continue;
      if (n.base.empty()) out.push_back({n.file->name, n.file->text, "", "", std::move(n.doc)});
      else out.push_back({n.file->name, n.file->text, n.base, std::move(n.merged), nullptr});
    }
    return out;
  }

 private:
  std::vector<Node> nodes_;
  std::map<std::string, size_t> by_id_;
  std::vector<RuleError>& errors_;

  void fail(Node& n, const std::string& code, const std::string& message) {
    n.ok = false;
    n.state = Node::done;
    errors_.push_back({n.file->name, "/basedOn", code, message});
  }

  // Resolves node i and every base below it; `chain` holds the nodes being resolved above it.
  void resolve(size_t i, std::vector<size_t>& chain) {
    Node& n = nodes_[i];
    if (n.state == Node::done) return;
    if (n.state == Node::visiting) {
      // A cycle: every rule set on it is refused, each naming the whole loop.
      size_t from = chain.size();
      while (from > 0 && chain[from - 1] != i) --from;
      std::string loop;
      for (size_t k = from - 1; k < chain.size(); ++k) loop += nodes_[chain[k]].id + " -> ";
      loop += n.id;
      for (size_t k = from - 1; k < chain.size(); ++k)
        fail(nodes_[chain[k]], "based_on_cycle", "basedOn goes round in a circle: " + loop);
      return;
    }
    if (n.base.empty()) {
      n.state = Node::done;
      return;
    }
    if (chain.size() >= kMaxChain) {
      fail(n, "based_on_too_deep", "more than " + std::to_string(kMaxChain) + " rule sets based on one another");
      return;
    }
    auto it = by_id_.find(n.base);
    if (it == by_id_.end()) {
      fail(n, "unknown_base",
           "basedOn names rule set \"" + n.base + "\", which none of the rule files has as its id");
      return;
    }
    n.state = Node::visiting;
    chain.push_back(i);
    resolve(it->second, chain);
    chain.pop_back();
    if (n.state == Node::done) return;  // failed on a cycle through it
    Node& base = nodes_[it->second];
    if (!base.ok) {
      fail(n, "invalid_base", "the rule set it is based on (\"" + n.base + "\") cannot be used");
      return;
    }
    JsonDoc base_doc;
    Problem p;
    if (!parse_json(base.text(), kMaxDepth, base_doc, p, Lexer::nlohmann) || !base_doc.root().is_object()) {
      fail(n, "invalid_base", "the rule set it is based on (\"" + n.base + "\") is not a JSON object");
      return;
    }
    write_merge_patch(&base_doc.root(), n.doc->root(), n.merged);
    n.state = Node::done;
  }
};

}  // namespace

// Whether the text holds "basedOn" in quotes: looked for from its 'b', which is rare in rule files (a
// '"' begins every key and string, and a search from it compared at each of them).
static bool mentions_based_on(std::string_view text) {
  for (size_t at = text.find("basedOn\""); at != std::string_view::npos; at = text.find("basedOn\"", at + 1))
    if (at > 0 && text[at - 1] == '"') return true;
  return false;
}

std::vector<ResolvedRuleFile> resolve_based_on(const std::vector<RuleFile>& files, std::vector<RuleError>& errors) {
  // Most sets of rule files hold no patch: then nothing is parsed twice.
  bool any = false;
  for (const auto& f : files) any = any || mentions_based_on(f.text);
  if (!any) {
    std::vector<ResolvedRuleFile> out;
    out.reserve(files.size());
    for (const auto& f : files) out.push_back({f.name, f.text, "", "", nullptr});
    return out;
  }
  return Resolver(files, errors).run();
}

bool sets_pointer(const JsonValue& root, const std::string& pointer) {
  const JsonValue* v = &root;
  size_t at = 0;
  while (at < pointer.size()) {
    if (pointer[at] != '/') return false;
    size_t end = pointer.find('/', at + 1);
    if (end == std::string::npos) end = pointer.size();
    std::string token;
    for (size_t k = at + 1; k < end; ++k) {
      if (pointer[k] == '~' && k + 1 < end) {
        token += pointer[k + 1] == '1' ? '/' : '~';
        ++k;
      } else {
        token += pointer[k];
      }
    }
    at = end;
    if (v->is_array()) return true;  // a patch replaces an array whole
    if (!v->is_object()) return true;
    v = v->find(token);
    if (!v) return false;
  }
  return true;
}

}  // namespace jxjy
