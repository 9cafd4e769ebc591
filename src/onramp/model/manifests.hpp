#pragma once
// The project's manifests as the model sees them: each root's install tool, lockfile, Python versions and packages,
// and every dependency declared anywhere. Built from the run's shared parses (model::Inputs).
#include <vector>

#include "onramp/model/project.hpp"
#include "onramp/parse/manifests.hpp"

namespace onramp::model {

/// Every dependency declared anywhere in the project, in file then line order.
std::vector<parse::Dependency> read_dependencies(const Project& project);

/// Every project root's manifests, in root order; reads files only, never runs anything.
/// uv workspace members are roots of their own (each has its pyproject.toml); the workspace root's uv.lock
/// governs them, `workspace` names it, and dependencies on other members are `pin: workspace`.
/// Computed once per project (Project::Derived::root_manifests) and shared by every check that asks.
const std::vector<parse::RootManifest>& read_roots(const Project& project);

}  // namespace onramp::model
