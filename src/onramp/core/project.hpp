#pragma once
// The whole scanned repository as later stages see it: files, project roots, modules, problems.
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "onramp/core/config.hpp"
#include "onramp/core/roles.hpp"
#include "onramp/facts/module.hpp"

namespace onramp::facts {
class ProjectIndex;
}

namespace onramp::core {

/// What a file is, decided from its name and place.
enum class FileKind {
  python, requirements, pyproject, setup_cfg, pipfile, lockfile, dockerfile, compose, env, ci,
  task_runner, docs, ide, python_version, other
};

std::string_view to_string(FileKind kind);

/// One file the scan kept (not ignored).
struct ProjectFile {
  std::string path;  // relative, `/` separators
  FileKind kind = FileKind::other;
  std::uintmax_t size = 0;
  /// Python files: their code role (model/roles.hpp), set once the file is analysed.
  std::optional<CodeRole> role;
};

/// A file onramp could not use, or used only in part; listed in the report, never fatal.
struct Problem {
  std::string path;
  /// syntax-error, binary, too-large, non-utf8, unreadable, symlink-outside-root, broken-symlink
  std::string kind;
  std::uint32_t line = 0;
  std::string message;
};

/// The project root a path belongs to: the deepest of `roots` that contains it, "." when none does.
std::string_view owning_root(const std::vector<std::string>& roots, std::string_view path);

/// The repository model shared by inventories and project-wide checks.
struct Project {
  std::filesystem::path root;
  std::string display_root;
  std::uintmax_t max_file_size = 0;
  /// The team's settings (defaults when none): checks read thresholds from here.
  Config config;
  std::vector<ProjectFile> files;     // sorted by path
  std::vector<std::string> roots;     // project roots (a manifest's directory), "." for the scanned root itself
  /// Where module names start (model/roots.hpp): project roots that are no package, src/ layouts, manage.py's directory.
  std::vector<std::string> import_roots;
  std::vector<facts::Module> modules; // sorted by path
  std::vector<Problem> problems;      // sorted by path
  std::uint64_t python_lines = 0;
  /// What discovery left out on purpose, by reason: files (gitignored, config-excluded) and directories it did not
  /// enter (default-excluded, gitignored, config-excluded, virtualenv).
  std::map<std::string, std::size_t> skipped_files;
  std::map<std::string, std::size_t> skipped_directories;
  /// Cross-module lookups over `modules`, built once after all files are parsed.
  std::shared_ptr<const facts::ProjectIndex> index;

  /// Files of one kind, in path order.
  std::vector<const ProjectFile*> files_of(FileKind kind) const;
  const ProjectFile* find(std::string_view path) const;
  /// Reads a kept file (size-limited); nullopt if it cannot be read.
  std::optional<std::string> read(std::string_view path) const;

  /// What several checks derive from the finished project (each root's manifests, the env-var table), computed
  /// by the first that asks and shared with the rest, so that each manifest is read and parsed once per run.
  template <class T, class Compute>
  const T& derived(std::string_view key, Compute compute) const {
    std::lock_guard lock(derived_->mutex);  // recursive: one derived value may be built from another
    auto it = derived_->values.find(key);
    if (it == derived_->values.end()) {
      it = derived_->values.emplace(std::string(key), std::make_shared<const T>(compute())).first;
    }
    return *static_cast<const T*>(it->second.get());
  }

private:
  struct DerivedValues {
    std::recursive_mutex mutex;
    std::map<std::string, std::shared_ptr<const void>, std::less<>> values;
  };
  std::shared_ptr<DerivedValues> derived_ = std::make_shared<DerivedValues>();
};

}  // namespace onramp::core
