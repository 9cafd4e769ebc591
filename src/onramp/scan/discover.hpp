#pragma once
// Walks the repository once: honours .gitignore, skips tool and build directories, classifies files.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "onramp/core/project.hpp"
#include "onramp/util/result.hpp"

namespace onramp::scan {

/// What discovery found: kept files, files it could not keep, and project roots.
struct Discovery {
  std::vector<core::ProjectFile> files;
  std::vector<core::Problem> problems;
  std::vector<std::string> roots;
};

/// What a file is, from its path relative to the root.
core::FileKind classify(std::string_view rel_path);

/// Directory names never worth scanning (VCS, virtualenvs, caches, build output).
bool is_skipped_directory(std::string_view name);

/// Walks `root` (an existing directory). Never follows a symlink out of the root and never loops.
/// `excluded` (the configuration's `exclude` globs) leaves out files and whole directories by relative path.
util::Result<Discovery> discover(const std::filesystem::path& root, std::uintmax_t max_file_size,
                                 const std::function<bool(std::string_view)>& excluded = {});

/// The project root a path belongs to: the deepest root that contains it.
using core::owning_root;

/// Dotted module name for a Python file under its project root (`src/` layouts stripped).
std::string module_name_for(std::string_view root, std::string_view path);

}  // namespace onramp::scan
