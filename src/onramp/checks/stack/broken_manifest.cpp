#include "onramp/checks/stack/broken_manifest.hpp"
#include "onramp/model/manifests.hpp"

#include <set>
#include <tuple>

#include "onramp/checks/stack/stack_model.hpp"

namespace onramp::checks::stack {

void BrokenManifestCheck::check_project(const model::Project& project, const core::RuleSet& rules,
                                        std::vector<core::Finding>& out) const {
  std::set<std::tuple<std::string, std::uint32_t, std::string>> seen;  // a file included by two roots is reported once
  for (const auto& root : model::read_roots(project)) {
    for (const auto& p : root.broken) {
      if (!seen.emplace(p.path, p.line, p.message).second) continue;
      add_finding(rules, "stack/broken-manifest", p.path, p.line,
                  "`" + p.path + "` cannot be read: " + p.message +
                      "; the dependencies it declares are missing from this report",
                  p.message, out);
    }
  }
}

}  // namespace onramp::checks::stack
