#include "onramp/checks/architecture/layer_violation.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "onramp/checks/architecture/architecture_model.hpp"
#include "onramp/facts/index.hpp"

namespace onramp::checks::architecture {

namespace {

std::size_t rank(std::string_view layer) {
  const auto& order = default_layer_order();
  const auto it = std::find(order.begin(), order.end(), layer);
  return it == order.end() ? order.size() : static_cast<std::size_t>(it - order.begin());
}

}  // namespace

void LayerViolationCheck::check_project(const model::Project& project, const core::RuleSet& rules,
                                        std::vector<core::Finding>& out) const {
  const auto* rule = rules.find("architecture/layer-violation");
  if (rule == nullptr || project.index == nullptr) return;
  const auto& arch = build_architecture(project);
  const auto layer_of = [&](const std::string& module) -> const ModuleLayer* {
    const auto it = arch.modules.find(module);
    return it == arch.modules.end() ? nullptr : &it->second;
  };
  const auto none = default_layer_order().size();
  // One finding per pair of packages (at its first import, with the count of the others): a layering problem is a
  // dependency between two parts of the system, and one per import statement buried real repositories (saleor: 5,160).
  struct Pair {
    core::Finding finding;
    std::size_t imports = 0;
  };
  std::map<std::pair<std::string, std::string>, Pair> pairs;
  for (const auto& m : project.modules) {
    if (m.role != core::CodeRole::application) continue;
    const auto* own = layer_of(m.name);
    // Configuration modules (settings, URL confs, app wiring) import every layer by design.
    if (own == nullptr || rank(own->layer) == none || own->layer == "config") continue;
    for (const auto& imp : m.imports) {
      if (imp.type_checking || imp.module.empty()) continue;
      // The module imported: `from app.api import deps` names app.api.deps when that is a module.
      std::string name = imp.name.empty() || imp.star ? imp.module : imp.module + "." + imp.name;
      const facts::Module* target = nullptr;
      for (; !name.empty(); name.resize(name.rfind('.') == std::string::npos ? 0 : name.rfind('.'))) {
        if ((target = project.index->module(name)) != nullptr) break;
      }
      if (target == nullptr || target->role != core::CodeRole::application) continue;
      const auto* theirs = layer_of(target->name);
      if (theirs == nullptr || rank(theirs->layer) == none || rank(theirs->layer) <= rank(own->layer)) continue;
      auto message = core::fill_message(
          rule->message,
          {{"module", m.name}, {"layer", own->layer}, {"imported", target->name}, {"imported_layer", theirs->layer}});
      auto& pair = pairs[{own->package + "|" + own->layer, theirs->package + "|" + theirs->layer}];
      if (pair.imports++ == 0) {
        pair.finding = core::make_finding(*rule, m.path, imp.location, std::move(message), "import " + target->name);
      }
    }
  }
  for (auto& [key, pair] : pairs) {
    if (pair.imports > 1) {
      pair.finding.message += " (" + std::to_string(pair.imports - 1) + " more import" + (pair.imports > 2 ? "s" : "") +
                              " between the same two packages)";
    }
    out.push_back(std::move(pair.finding));
  }
}

}  // namespace onramp::checks::architecture
