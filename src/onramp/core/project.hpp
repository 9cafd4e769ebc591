#pragma once
// The whole scanned repository as later stages see it: files, project roots, modules, problems.
#include <cstdint>
#include <filesystem>
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
namespace onramp::model {
class Inputs;
}
namespace onramp::parse {
struct RootManifest;
}
namespace onramp::checks::stack {
struct StackModel;
}
namespace onramp::checks::local_setup {
struct EnvTable;
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

/// A value built by the first caller of get() and shared by every later one (thread-safe). `T` may be incomplete
/// where the slot is declared: only get()'s callers, which build it, need its definition.
template <class T>
class BuiltOnce {
public:
  template <class Make>
  const T& get(Make&& make) {
    std::call_once(once_, [&] { value_ = make(); });
    return *value_;
  }

private:
  std::once_flag once_;
  std::shared_ptr<const T> value_;
};

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
  /// The one way to read the repository's files (each read once, each configuration file parsed once).
  const model::Inputs& inputs() const;

  /// What several checks derive from the finished project, built once by the first that asks and shared.
  struct Derived {
    BuiltOnce<model::Inputs> inputs;
    /// parse::read_roots: each root's manifests.
    BuiltOnce<std::vector<parse::RootManifest>> root_manifests;
    /// checks::stack::build_stack_model, without and with the words of the team's tool configs.
    BuiltOnce<checks::stack::StackModel> stack_model;
    BuiltOnce<checks::stack::StackModel> stack_model_with_config;
    /// checks::local_setup::build_env_table.
    BuiltOnce<checks::local_setup::EnvTable> env_table;
  };
  Derived& derived() const { return *derived_; }

private:
  std::shared_ptr<Derived> derived_ = std::make_shared<Derived>();
};

}  // namespace onramp::core
