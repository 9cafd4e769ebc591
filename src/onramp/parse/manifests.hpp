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

/// A Python version requirement and where it was stated.
struct PythonVersion {
  std::string version;  // as written: `>=3.11`, `3.12`, `3.12-slim` reduced to `3.12`
  std::string source;   // file path
  std::uint32_t line = 0;
  /// requires-python, .python-version, runtime.txt, dockerfile, ruff target-version, mypy python_version, ...
  std::string kind;
};

/// One project root as the stack and local-setup steps see it: how it installs and what it declares.
struct RootManifest {
  std::string path;          // "." or `backend`
  std::string install_tool;  // uv, poetry, pdm, pipenv, pip-tools, pip, hatch, conda, setuptools, "" when unknown
  std::string lockfile;      // path of the lockfile that governs it, "" when none
  std::vector<PythonVersion> python;
  std::vector<Dependency> packages;
  /// Manifests that do not parse (kind `broken-manifest`), with the parser's message and position.
  std::vector<core::Problem> broken;
};

/// Every project root's manifests, in root order; reads files only, never runs anything.
std::vector<RootManifest> read_roots(const core::Project& project);

}  // namespace onramp::parse
