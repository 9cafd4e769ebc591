#pragma once
// Project roots (directories with a manifest) and import roots (where module names start), decided once per run.
#include <string>
#include <string_view>
#include <vector>

#include "onramp/facts/module.hpp"
#include "onramp/model/project.hpp"

namespace onramp::model {

/// What the file names alone say about project roots.
struct ManifestRoots {
  /// Directories holding pyproject.toml, setup.cfg, requirements*.txt, Pipfile or environment.yml ("." for the top).
  std::vector<std::string> roots;
  /// setup.py files in directories none of those makes a root: each is a manifest only if it calls setup().
  std::vector<std::string> setup_scripts;
};

/// Reads the kept files' names (sorted by path).
ManifestRoots manifest_roots(const std::vector<core::ProjectFile>& files);

/// A setup.py that really is one: it calls setuptools' or distutils' setup() (a Flask view named setup.py does not).
bool calls_setup(const facts::Module& module);

/// The project roots, sorted: `manifest_dirs` plus "." when Python code lives outside all of them (or there is none).
std::vector<std::string> project_roots(const std::vector<core::ProjectFile>& files,
                                       std::vector<std::string> manifest_dirs);

/// Directories module names are relative to, sorted: each project root that is not itself a package, its src/ when
/// that holds Python code and is no package, and the directory of each manage.py that is no package (Django puts
/// it beside the project's packages and runs from there). "." is always one.
std::vector<std::string> import_roots(const std::vector<core::ProjectFile>& files,
                                      const std::vector<std::string>& roots);

/// Dotted module name of a Python file below the deepest import root that holds it (`app.api.users`; "" for a
/// top-level `__init__.py`).
std::string module_name(const std::vector<std::string>& import_roots, std::string_view path);

}  // namespace onramp::model
