#pragma once
// Walks the repository once: honours .gitignore, skips tool and build directories, classifies files.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "onramp/core/files.hpp"
#include "onramp/util/result.hpp"

namespace onramp::scan {

/// What discovery found: kept files and files it could not keep (roots are decided in model/roots.hpp).
struct Discovery {
  std::vector<core::ProjectFile> files;
  std::vector<core::Problem> problems;
  /// Files left out on purpose, by reason (gitignored, config-excluded); problems count apart.
  std::map<std::string, std::size_t> skipped_files;
  /// Directories not entered, by reason (default-excluded, gitignored, config-excluded, virtualenv).
  std::map<std::string, std::size_t> skipped_directories;
};

/// What a file is, from its path relative to the root.
core::FileKind classify(std::string_view rel_path);

/// Directory names never worth scanning (VCS, virtualenvs, caches, build output).
bool is_skipped_directory(std::string_view name);

/// Walks `root` (an existing directory). Never follows a symlink out of the root and never loops.
/// `excluded` (the configuration's `exclude` globs) leaves out files and whole directories by relative path.
/// `tracked` (the files git tracks, when `root` is in a work tree): a build/ or dist/ directory that holds tracked
/// Python source is source, not build output, so it is walked and its tracked files are kept even where .gitignore
/// names them. Without git, build/ and dist/ are skipped like every default-excluded directory (and counted).
/// A file git tracks is never skipped as gitignored (a force-added `.env` is what the repository holds), nor a
/// directory holding one; only the tracked files of such a directory are kept.
/// `global_excludes`: the text of git's core.excludesFile, applied below every other ignore file.
util::Result<Discovery> discover(const std::filesystem::path& root, std::uintmax_t max_file_size,
                                 const std::function<bool(std::string_view)>& excluded = {},
                                 const std::set<std::string>* tracked = nullptr, std::string_view global_excludes = {});

}  // namespace onramp::scan
