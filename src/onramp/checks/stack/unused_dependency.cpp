#include "onramp/checks/stack/unused_dependency.hpp"

#include <algorithm>

#include "onramp/checks/stack/stack_model.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::stack {

namespace {

/// Packages by convention used without an import, whether or not packages.yaml lists them.
bool used_by_convention(std::string_view name) {
  for (std::string_view prefix : {"types-", "pytest-", "flake8-", "mypy-", "sphinx", "mkdocs", "pre-commit"}) {
    if (name.starts_with(prefix)) return true;
  }
  return name.ends_with("-stubs");
}

}  // namespace

void UnusedDependencyCheck::check_project(const model::Project& project, const core::RuleSet& rules,
                                          std::vector<core::Finding>& out) const {
  if (project.modules.empty()) return;
  const auto& model = build_stack_model(project, true);
  const auto& kb = package_kb();
  const auto& links = dependency_links();
  // Imports anywhere count: a monorepo root may declare what a sub-project's code imports.
  std::set<std::string, std::less<>> imported;
  std::set<std::string, std::less<>> imported_tops;
  for (const auto& mod : project.modules) {
    for (const auto& imp : mod.imports) {
      if (imp.level > 0 || imp.module.empty()) continue;
      imported.insert(imp.module);
      imported_tops.insert(imp.module.substr(0, imp.module.find('.')));
      if (!imp.name.empty() && !imp.star) imported.insert(imp.module + "." + imp.name);
    }
  }
  const auto is_imported = [&](const std::string& name) {
    // `name` itself or a submodule of it; or a parent package of it (`import google` for google.cloud.storage)
    const auto it = imported.lower_bound(name);
    if (it != imported.end() && (*it == name || it->starts_with(name + "."))) return true;
    for (std::string_view n = name; n.find('.') != std::string_view::npos;) {
      n = n.substr(0, n.rfind('.'));
      if (imported.contains(n) && n.find('.') != std::string_view::npos) return true;
    }
    return false;
  };
  for (const auto& root : model.roots) {
    const auto& m = root.manifest;
    if (!m.broken.empty()) continue;
    for (const auto& d : m.packages) {
      if (d.scope != "main" || d.pin == "workspace" || d.name == m.name) continue;
      if (d.editable || (!d.url.empty() && d.url.find("://") == std::string::npos)) continue;  // a local path
      const auto* info = kb.find(d.name);
      if ((info != nullptr && !info->used_without_import.empty()) || used_by_convention(d.name)) continue;
      const auto names = kb.import_names(d.name);
      if (std::any_of(names.begin(), names.end(), is_imported)) continue;
      // Needed by an import of another package (`fastapi.testclient` runs on httpx).
      bool implied = false;
      for (const auto& [module, dists] : links.implied_by_imports) {
        if (std::find(dists.begin(), dists.end(), d.name) != dists.end() && is_imported(module)) implied = true;
      }
      if (implied) continue;
      if (info == nullptr && std::any_of(imported_tops.begin(), imported_tops.end(),
                                         [&](const std::string& top) { return plausibly_provides(d.name, top); })) {
        continue;
      }
      // Named in a Dockerfile, compose, CI, Makefile, tool config or an UPPER_CASE settings string.
      if (model.config_words.contains(d.name) || std::any_of(names.begin(), names.end(), [&](const std::string& n) {
            return model.config_words.contains(util::to_lower(n));
          })) {
        continue;
      }
      // A declared indirect dependency: the lock shows which declared package needs it, so it is a pin, not unused.
      if (const auto parent = m.required_by.find(d.name); parent != m.required_by.end()) {
        add_finding(rules, "stack/unused-dependency", d.source, d.line,
                    d.name + " is declared in " + d.source + " though no module imports it: " + parent->second +
                        " needs it (" + m.lockfile + "), so this pins a dependency of " + parent->second +
                        "; keep it while the pin is wanted, and say why beside it",
                    d.name, out, core::Severity::info);
        continue;
      }
      std::string msg = d.name + " is a main dependency in " + d.source + " but no module imports " +
                        (names.size() == 1 ? "`" + names.front() + "`" : "it (" + util::join(names, ", ") + ")") +
                        " and no config file names it";
      if (info == nullptr) {
        msg += "; onramp does not know this package's import names and guessed them, so check before removing it";
      } else {
        msg += "; remove it, or move it to the group that uses it";
      }
      add_finding(rules, "stack/unused-dependency", d.source, d.line, msg, d.name, out,
                  info == nullptr ? std::optional<core::Severity>(core::Severity::info) : std::nullopt);
    }
  }
}

}  // namespace onramp::checks::stack
