#include "onramp/checks/stack/undeclared_import.hpp"

#include <map>

#include "onramp/checks/stack/stack_model.hpp"
#include "onramp/model/roles.hpp"

namespace onramp::checks::stack {

namespace {

std::string_view first_component(std::string_view dotted) { return dotted.substr(0, dotted.find('.')); }

struct Site {
  const facts::Module* module = nullptr;
  const facts::Import* import = nullptr;
};

}  // namespace

void UndeclaredImportCheck::check_project(const model::Project& project, const core::RuleSet& rules,
                                          std::vector<core::Finding>& out) const {
  const auto& model = build_stack_model(project);
  const auto& stdlib = stdlib_modules();
  for (const auto& root : model.roots) {
    const auto& m = root.manifest;
    // Nothing declared, or a manifest onramp could not read: there is nothing reliable to compare with.
    if ((m.packages.empty() && m.workspace.empty()) || !m.broken.empty() || !m.unread.empty()) continue;
    std::map<std::string, std::vector<Site>> by_dist;
    for (const auto* mod : root.modules) {
      // A root's setup.py (tooling) runs at build time, with the build requirements; examples are their readers'.
      if (!model::rule_applies("stack/undeclared-import", mod->role)) continue;
      for (const auto& imp : mod->imports) {
        if (imp.level > 0 || imp.module.empty()) continue;
        const auto top = first_component(imp.module);
        if (top == "__future__" || stdlib.contains(top) || model.is_local(top, mod->path)) continue;
        const std::string full = imp.name.empty() || imp.star ? imp.module : imp.module + "." + imp.name;
        if (provided_by_declared(full, root)) continue;
        by_dist[candidate_distributions(full).front()].push_back({mod, &imp});
      }
    }
    for (const auto& [dist, sites] : by_dist) {
      // The first site that runs for sure; TYPE_CHECKING and try/except ImportError ones only inform.
      const Site* shown = nullptr;
      for (const auto& s : sites) {
        if (!s.import->type_checking && !s.import->guarded) {
          shown = &s;
          break;
        }
      }
      const bool optional = shown == nullptr;
      if (optional) shown = &sites.front();
      std::set<std::string> files;
      for (const auto& s : sites) files.insert(s.module->path);
      std::string msg = "`" + shown->import->module + "` is imported but " + dist + " is declared by no manifest of " +
                        root_label(m.path);
      const auto companion = dependency_links().companion_of(dist, root.declared);
      if (!companion.empty()) {
        msg += "; it comes with " + companion +
               ", which depends on it and exposes its API: this works, but declaring it states the direct use";
      } else if (const auto it = m.locked.find(dist); it != m.locked.end()) {
        const auto via = m.installed.find(dist);
        if (!m.installed.empty() && via == m.installed.end()) {
          msg += "; " + m.lockfile + " has it (" + it->second +
                 ") for other parts of the workspace, not for this root, so an install of " + root_label(m.path) +
                 " alone lacks it";
        } else {
          msg += "; it is installed only as a dependency of " +
                 (via != m.installed.end() ? via->second : std::string("another package")) + " (" + it->second +
                 " in " + m.lockfile + "), so upgrading that package can remove it";
        }
      }
      if (optional) {
        msg += shown->import->type_checking
                   ? "; the import is under `if TYPE_CHECKING:` (type checkers need it, not the app)"
                   : "; the import is guarded by `except ImportError` (optional at run time)";
      }
      if (files.size() > 1) msg += "; imported in " + std::to_string(files.size()) + " files, this is the first";
      add_finding(rules, "stack/undeclared-import", shown->module->path, shown->import->location.line, msg,
                  "import " + dist, out,
                  optional || !companion.empty() ? std::optional<core::Severity>(core::Severity::info) : std::nullopt);
    }
  }
}

}  // namespace onramp::checks::stack
