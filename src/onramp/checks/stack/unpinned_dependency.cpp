#include "onramp/checks/stack/unpinned_dependency.hpp"
#include "onramp/model/manifests.hpp"

#include "onramp/checks/stack/stack_model.hpp"

namespace onramp::checks::stack {

void UnpinnedDependencyCheck::check_project(const model::Project& project, const core::RuleSet& rules,
                                            std::vector<core::Finding>& out) const {
  for (const auto& root : model::read_roots(project)) {
    // A library states ranges on purpose; a lockfile pins what an application installs.
    if (!root.application || !root.lockfile.empty() || !root.broken.empty()) continue;
    for (const auto& d : root.packages) {
      if (d.scope == "build" || d.pin != "unbounded") continue;
      // A constraints file (`-c constraints.txt`) may bound what the requirement leaves open.
      if (const auto c = root.constraints.find(d.name);
          c != root.constraints.end() && parse::interpret_spec(c->second) != "unbounded")
        continue;
      const auto spec = d.spec.empty() ? std::string(" (any version)") : " " + d.spec;
      add_finding(rules, "stack/unpinned-dependency", d.source, d.line,
                  d.name + spec + " has no upper bound and " + root_label(root.path) +
                      " has no lockfile: each fresh install takes the newest release, a new major version included; "
                      "pin it, bound it (`<N`), or lock the project",
                  d.name + d.spec, out);
    }
  }
}

}  // namespace onramp::checks::stack
