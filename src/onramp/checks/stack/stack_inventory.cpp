#include "onramp/checks/stack/stack_inventory.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "onramp/checks/stack/stack_model.hpp"

namespace onramp::checks::stack {

namespace {

using json = nlohmann::ordered_json;

json package_row(const parse::Dependency& d) {
  const auto* info = package_kb().find(d.name);
  json row = {{"name", d.name},
              {"spec", d.spec},
              {"group", d.group},
              {"locked", d.locked},
              {"role", info != nullptr && !info->role.empty() ? info->role : "other"},
              {"source", d.source},
              {"line", d.line},
              {"pin", d.pin}};
  if (!d.extras.empty()) row["extras"] = d.extras;
  if (!d.markers.empty()) row["markers"] = d.markers;
  if (!d.url.empty()) row["url"] = d.url;
  return row;
}

}  // namespace

void StackInventory::collect(const model::Project& project, nlohmann::ordered_json& facts) const {
  json roots = json::array();
  // Summaries across roots, for the terminal: one line per role, per Python version source, per major line.
  json python_rows = json::array();
  std::map<std::string, std::vector<std::string>> by_role;
  json majors = json::array();
  const auto& model = build_stack_model(project);
  const bool several = std::count_if(model.roots.begin(), model.roots.end(),
                                     [](const RootView& v) { return !v.manifest.manifests.empty(); }) > 1;
  std::set<std::tuple<std::string, std::uint32_t, std::string>>
      python_seen;  // a member inherits the workspace's .python-version
  for (const auto& view : model.roots) {
    const auto& m = view.manifest;
    // What this root's code imports: a major line matters for a package it declares or imports (sqlalchemy under sqlmodel).
    std::set<std::string, std::less<>> imported_dists;
    for (const auto* mod : view.modules) {
      for (const auto& imp : mod->imports) {
        if (imp.level == 0 && !imp.module.empty()) {
          for (auto& d : candidate_distributions(imp.module)) imported_dists.insert(std::move(d));
        }
      }
    }
    if (m.manifests.empty() && m.lockfiles.empty() && m.python.empty()) continue;
    json r = {{"path", m.path}, {"install_tool", m.install_tool}, {"lockfile", m.lockfile}};
    if (!m.name.empty()) r["name"] = m.name;
    r["application"] = m.application;
    if (!m.workspace.empty()) r["workspace"] = m.workspace;
    if (!m.members.empty()) r["members"] = m.members;
    if (m.lockfiles.size() > 1) r["lockfiles"] = m.lockfiles;
    r["manifests"] = m.manifests;
    json python = json::array();
    for (const auto& v : m.python) {
      python.push_back({{"version", v.version}, {"source", v.source}, {"line", v.line}, {"kind", v.kind}});
      if (python_seen.emplace(v.source, v.line, v.kind).second) {
        python_rows.push_back({{"version", v.version}, {"kind", v.kind}, {"source", v.source}, {"line", v.line}});
      }
    }
    r["python"] = std::move(python);
    json packages = json::array();
    json build = json::array();
    for (const auto& d : m.packages) {
      auto row = package_row(d);
      if (d.scope == "build") {
        build.push_back(std::move(row));
        continue;
      }
      const auto shown = d.name + " " +
                         (!d.locked.empty() ? d.locked
                          : d.spec.empty()  ? std::string("(any)")
                                            : d.spec) +
                         (several ? " [" + m.path + "]" : "");
      auto& names = by_role[row["role"].get<std::string>()];
      if (std::find(names.begin(), names.end(), shown) == names.end()) names.push_back(shown);
      packages.push_back(std::move(row));
    }
    r["packages"] = std::move(packages);
    if (!build.empty()) r["build_requires"] = std::move(build);
    json root_majors = json::array();
    for (const auto& [dist, lines] : major_lines()) {
      // Declared, imported, or installed through a declared package (sqlalchemy under flask-sqlalchemy).
      const bool installed = m.installed.empty() ? m.locked.contains(dist) && m.workspace.empty() && m.members.empty()
                                                 : m.installed.contains(dist);
      if (!view.declared.contains(dist) && !imported_dists.contains(dist) && !installed) continue;
      const auto choice = major_line_of(m, dist);
      if (!choice) continue;
      json row = {{"package", dist}};
      row["line"] = choice->line == nullptr ? std::string("unknown (no lockfile, no lower bound)")
                    : choice->spans         ? choice->line->label + " or a later line (no lockfile says which)"
                                            : choice->line->label;
      row["version"] = choice->version;
      row["basis"] = choice->basis;
      if (const auto via = m.installed.find(dist); via != m.installed.end() && via->second != dist)
        row["via"] = via->second;
      if (several) row["root"] = m.path;
      if (choice->line != nullptr) row["note"] = choice->line->note;
      root_majors.push_back(row);
      majors.push_back(std::move(row));
    }
    r["major_versions"] = std::move(root_majors);
    if (!m.unread.empty()) r["unread"] = m.unread;
    roots.push_back(std::move(r));
  }
  if (roots.empty()) return;
  facts["roots"] = std::move(roots);
  facts["python"] = std::move(python_rows);
  json roles = json::array();
  for (const auto& role : package_kb().roles) {
    const auto it = by_role.find(role);
    if (it != by_role.end()) roles.push_back({{"name", role}, {"packages", it->second}});
  }
  facts["packages_by_role"] = std::move(roles);
  facts["major_versions"] = std::move(majors);
}

}  // namespace onramp::checks::stack
