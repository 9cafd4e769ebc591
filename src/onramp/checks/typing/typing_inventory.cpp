#include "onramp/checks/typing/typing_inventory.hpp"

#include <algorithm>
#include <map>

#include "onramp/checks/style/tool_configs.hpp"
#include "onramp/checks/typing/annotations.hpp"
#include "onramp/model/roles.hpp"

namespace onramp::checks::typing {

namespace {

using json = nlohmann::ordered_json;

constexpr std::size_t kLeastAnnotated = 10;

json counts(const Coverage& c) {
  return {{"parameters", {{"annotated", c.parameters_annotated}, {"total", c.parameters_total}}},
          {"returns", {{"annotated", c.returns_annotated}, {"total", c.returns_total}}}};
}

json counts_with_percent(const Coverage& c) {
  json out = counts(c);
  out["percent"] = c.percent();
  return out;
}

/// Type checkers from their configuration files, then those a pre-commit hook runs.
json type_checkers(const model::Project& project) {
  json out = json::array();
  for (auto& row : style::type_checker_configs(project)) out.push_back(std::move(row));
  for (const auto& hook : style::pre_commit_hooks(project)) {
    const auto id = hook["id"].get<std::string>();
    if (id != "mypy" && id != "pyright" && id != "basedpyright") continue;
    out.push_back({{"name", id}, {"file", hook["file"]}, {"line", hook["line"]}, {"pre_commit_hook", true}});
  }
  return out;
}

}  // namespace

void TypingInventory::collect(const model::Project& project, nlohmann::ordered_json& facts) const {
  Coverage all, pub, priv, source, tests, migrations;
  std::map<std::string, Coverage> packages;
  json modules = json::object();
  std::uint64_t any_count = 0, ignores = 0, ignores_coded = 0;
  struct Missing {
    std::uint64_t missing;
    double percent;
    const facts::Module* module;
  };
  std::vector<Missing> least;
  for (const auto& m : project.modules) {
    if (!model::is_hand_written(m.role)) continue;  // generated stubs and vendored code would skew every total
    const NameResolver names(m);
    Coverage mod;
    for (const auto& fn : m.functions) {
      const auto c = coverage_of(fn);
      mod.add(c);
      (is_private_name(fn.name) ? priv : pub).add(c);
      for (const auto& p : fn.parameters) any_count += static_cast<std::uint64_t>(count_any(p.annotation, names));
      any_count += static_cast<std::uint64_t>(count_any(fn.returns, names));
    }
    ignores += m.type_ignores;
    ignores_coded += m.type_ignores_with_codes;
    if (mod.total() == 0) continue;
    all.add(mod);
    (m.role == core::CodeRole::test ? tests : m.role == core::CodeRole::migration ? migrations : source).add(mod);
    packages[package_name(m)].add(mod);
    modules[m.path] = counts(mod);
    if (model::rule_applies("typing/missing-return-annotation", m.role) && mod.annotated() < mod.total())
      least.push_back({mod.total() - mod.annotated(), mod.percent(), &m});
  }

  facts["checkers"] = type_checkers(project);
  json coverage = counts(all);
  coverage["percent"] = all.percent();
  coverage["public"] = counts_with_percent(pub);
  coverage["private"] = counts_with_percent(priv);
  coverage["source"] = counts_with_percent(source);
  coverage["tests"] = counts_with_percent(tests);
  coverage["migrations"] = counts_with_percent(migrations);
  json pkgs = json::object();
  for (const auto& [name, c] : packages) pkgs[name] = counts(c);
  coverage["packages"] = std::move(pkgs);
  coverage["modules"] = std::move(modules);
  facts["coverage"] = std::move(coverage);

  std::sort(least.begin(), least.end(), [](const Missing& a, const Missing& b) {
    if (a.missing != b.missing) return a.missing > b.missing;
    return a.module->path < b.module->path;
  });
  json least_rows = json::array();
  for (std::size_t i = 0; i < least.size() && i < kLeastAnnotated; ++i) {
    least_rows.push_back(
        {{"path", least[i].module->path}, {"missing", least[i].missing}, {"percent", least[i].percent}});
  }
  facts["least_annotated_modules"] = std::move(least_rows);
  facts["any_annotations"] = any_count;
  facts["type_ignores"] = {
      {"total", ignores}, {"with_codes", ignores_coded}, {"without_codes", ignores - ignores_coded}};

  json markers = json::array();
  for (const auto& f : project.files) {
    if (style::base_name(f.path) == "py.typed") markers.push_back(f.path);
  }
  facts["py_typed"] = std::move(markers);
}

}  // namespace onramp::checks::typing
