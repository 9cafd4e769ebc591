#include "onramp/checks/style/style_inventory.hpp"
#include "onramp/model/manifests.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "onramp/checks/style/long_function.hpp"
#include "onramp/checks/style/tool_configs.hpp"
#include "onramp/checks/typing/annotations.hpp"
#include "onramp/model/roles.hpp"
#include "onramp/parse/manifests.hpp"

namespace onramp::checks::style {

namespace {

using json = nlohmann::ordered_json;

constexpr std::size_t kTop = 10;

/// Tools a team may install without configuring them (defaults apply): found in the dependencies.
constexpr std::array<std::string_view, 9> kStyleTools = {"ruff",     "black", "isort",      "flake8", "pylint",
                                                         "autopep8", "yapf",  "pre-commit", "blue"};

struct Ranked {
  const facts::Module* module;
  const facts::Function* function;
};

json function_row(const Ranked& r) {
  return {{"name", typing::local_name(*r.module, *r.function)},
          {"path", r.module->path},
          {"line", r.function->location.line},
          {"lines", function_lines(*r.function)},
          {"complexity", r.function->complexity}};
}

/// Ten rows, best first by `better`; ties by path and line so the order is reproducible.
template <class Better>
json top_functions(std::vector<Ranked> all, Better better) {
  std::sort(all.begin(), all.end(), [&](const Ranked& a, const Ranked& b) {
    if (better(a, b)) return true;
    if (better(b, a)) return false;
    if (a.module->path != b.module->path) return a.module->path < b.module->path;
    return a.function->location.line < b.function->location.line;
  });
  json rows = json::array();
  for (std::size_t i = 0; i < all.size() && i < kTop; ++i) rows.push_back(function_row(all[i]));
  return rows;
}

}  // namespace

void StyleInventory::collect(const model::Project& project, nlohmann::ordered_json& facts) const {
  json tools = json::array();
  for (auto& row : formatter_and_linter_configs(project)) tools.push_back(std::move(row));
  json hooks = json::array();
  for (auto& row : pre_commit_hooks(project)) hooks.push_back(std::move(row));
  // Installed but not configured: the tool's defaults apply.
  for (const auto& dep : model::read_dependencies(project)) {
    if (std::find(kStyleTools.begin(), kStyleTools.end(), dep.name) == kStyleTools.end()) continue;
    const bool configured =
        std::any_of(tools.begin(), tools.end(), [&](const json& t) { return t["name"] == dep.name; }) ||
        (dep.name == "pre-commit" && !hooks.empty());
    if (!configured)
      tools.push_back({{"name", dep.name}, {"file", dep.source}, {"line", dep.line}, {"defaults", true}});
  }
  facts["tools"] = std::move(tools);
  facts["pre_commit_hooks"] = std::move(hooks);

  struct Size {
    std::uint64_t files = 0, lines = 0, functions = 0, classes = 0;
  };
  std::map<std::string, Size> packages;
  std::vector<Ranked> ranked;
  std::uint64_t functions = 0, complexity_sum = 0, over = 0;
  const int limit = project.config.thresholds.max_complexity;
  for (const auto& m : project.modules) {
    auto& size = packages[typing::package_name(m)];
    ++size.files;
    size.lines += m.lines;
    size.functions += m.functions.size();
    size.classes += m.classes.size();
    for (const auto& fn : m.functions) {
      ++functions;
      complexity_sum += static_cast<std::uint64_t>(fn.complexity);
      over += fn.complexity > limit ? 1 : 0;
      if (model::rule_applies("style/complex-function", m.role)) ranked.push_back({&m, &fn});
    }
  }
  json sizes = json::array();
  for (const auto& [name, s] : packages) {
    sizes.push_back(
        {{"name", name}, {"files", s.files}, {"lines", s.lines}, {"functions", s.functions}, {"classes", s.classes}});
  }
  facts["packages"] = std::move(sizes);
  // Tenths by integer arithmetic: the same counts give the same bytes everywhere.
  const auto tenths = functions == 0 ? 0 : complexity_sum * 10 / functions;
  const double mean = static_cast<double>(tenths) / 10.0;
  facts["complexity"] = {{"functions", functions}, {"mean", mean}, {"threshold", limit}, {"over_threshold", over}};
  facts["largest_functions"] = top_functions(ranked, [](const Ranked& a, const Ranked& b) {
    return function_lines(*a.function) > function_lines(*b.function);
  });
  facts["most_complex_functions"] = top_functions(ranked, [](const Ranked& a, const Ranked& b) {
    if (a.function->complexity != b.function->complexity) return a.function->complexity > b.function->complexity;
    return function_lines(*a.function) > function_lines(*b.function);
  });
}

}  // namespace onramp::checks::style
