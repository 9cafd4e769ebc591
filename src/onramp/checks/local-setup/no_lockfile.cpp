#include "onramp/checks/local-setup/no_lockfile.hpp"
#include "onramp/model/manifests.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "onramp/parse/manifests.hpp"

namespace onramp::checks::local_setup {

namespace {
constexpr std::string_view kRule = "local-setup/no-lockfile";

std::string_view lock_advice(std::string_view tool) {
  if (tool == "uv") return "run `uv lock` and commit uv.lock";
  if (tool == "poetry") return "run `poetry lock` and commit poetry.lock";
  if (tool == "pdm") return "run `pdm lock` and commit pdm.lock";
  if (tool == "pipenv") return "run `pipenv lock` and commit Pipfile.lock";
  return "compile the requirements with `uv pip compile` or pip-compile (or adopt uv/Poetry) and commit the result";
}
}  // namespace

void NoLockfileCheck::check_project(const model::Project& project, const core::RuleSet& rules,
                                    std::vector<core::Finding>& out) const {
  const auto* rule = rules.find(kRule);
  if (rule == nullptr) return;
  for (const auto& root : model::read_roots(project)) {
    // Libraries publish ranges on purpose; only what is deployed needs its versions pinned.
    if (!root.application || !root.lockfile.empty() || root.manifests.empty() || root.packages.empty()) continue;
    // A manifest that does not parse is reported as such; what it would declare (or lock) is a guess.
    if (!root.broken.empty()) continue;
    // Requirements that pin every package with `==` are a lock in all but name.
    const bool all_pinned = std::all_of(root.packages.begin(), root.packages.end(), [](const parse::Dependency& d) {
      return d.spec.starts_with("==") && d.spec.find('*') == std::string::npos && d.spec.find(',') == std::string::npos;
    });
    if (all_pinned) continue;
    auto f = core::make_finding(*rule, {}, {}, {}, {});
    // Where the dependencies are declared: the requirements file for pip roots, the pyproject.toml otherwise.
    f.path = root.manifests.front();
    for (const auto& m : root.manifests) {
      if (root.install_tool == "pip" && (m == "requirements.txt" || m.ends_with("/requirements.txt"))) {
        f.path = m;
        break;
      }
    }
    for (const auto& m : root.manifests) {
      if (f.path.ends_with("requirements.txt") && root.install_tool == "pip") break;
      const bool requirements = m.ends_with(".txt") || m.ends_with(".in");
      if ((root.install_tool == "pip" && requirements) ||
          (root.install_tool != "pip" && m.ends_with("pyproject.toml"))) {
        f.path = m;
        break;
      }
    }
    f.message = fmt::format(
        "the application root `{}` has no lockfile: every install resolves the dependency ranges "
        "afresh, so a newcomer's environment differs from CI's and production's; {}",
        root.path, lock_advice(root.install_tool));
    f.code = "no-lockfile " + root.path;
    out.push_back(std::move(f));
  }
}

}  // namespace onramp::checks::local_setup
