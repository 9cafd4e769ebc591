#pragma once
// Declared dependencies read from manifests without running anything (pyproject.toml, requirements files).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "onramp/core/project.hpp"

namespace onramp::parse {

/// One declared dependency.
struct Dependency {
  std::string name;    // PEP 503 normalised
  std::string spec;    // as written after the name
  std::string group;   // main, dev, build, or the extra/group name
  std::string source;  // file path
  std::uint32_t line = 0;
};

/// PEP 503 normalisation: lower case, runs of `-`, `_`, `.` become one `-`.
std::string normalize_package_name(std::string_view name);

/// Dependencies of a pyproject.toml (PEP 621, PEP 735, Poetry, uv, PDM); a TOML error becomes a Problem.
std::vector<Dependency> read_pyproject(std::string_view text, const std::string& source, std::vector<core::Problem>& problems);

/// Requirement lines of a requirements file (options, includes, URLs and comments skipped).
std::vector<Dependency> read_requirements(std::string_view text, const std::string& source);

/// Every dependency declared anywhere in the project, in file then line order.
std::vector<Dependency> read_dependencies(const core::Project& project);

}  // namespace onramp::parse
