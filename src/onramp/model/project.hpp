#pragma once
// The whole scanned repository as later stages see it: files, project roots, modules, problems, and what is derived
// from them once per run (the inputs read through one interface, root manifests, the stack model, the env table).
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "onramp/core/config.hpp"
#include "onramp/core/files.hpp"
#include "onramp/facts/module.hpp"

namespace onramp::facts {
class ProjectIndex;
}  // namespace onramp::facts
namespace onramp::parse {
struct RootManifest;
}  // namespace onramp::parse
namespace onramp::checks::stack {
struct StackModel;
}  // namespace onramp::checks::stack
namespace onramp::checks::database {
struct Schema;
}  // namespace onramp::checks::database
namespace onramp::checks::architecture {
struct Architecture;
}  // namespace onramp::checks::architecture

namespace onramp::model {

class Inputs;
struct EnvTable;

/// The repository model shared by inventories and project-wide checks.
struct Project {
  std::filesystem::path root;
  std::string display_root;
  std::uintmax_t max_file_size = 0;
  /// The team's settings (defaults when none): checks read thresholds from here.
  core::Config config;
  std::vector<core::ProjectFile> files;  // sorted by path
  std::vector<std::string> roots;        // project roots (a manifest's directory), "." for the scanned root itself
  /// Where module names start (model/roots.hpp): project roots that are no package, src/ layouts, manage.py's directory.
  std::vector<std::string> import_roots;
  std::vector<facts::Module> modules;   // sorted by path
  std::vector<core::Problem> problems;  // sorted by path
  std::uint64_t python_lines = 0;
  /// What discovery left out on purpose, by reason: files (gitignored, config-excluded) and directories it did not
  /// enter (default-excluded, gitignored, config-excluded, virtualenv).
  std::map<std::string, std::size_t> skipped_files;
  std::map<std::string, std::size_t> skipped_directories;
  /// Cross-module lookups over `modules`, built once after all files are parsed.
  std::shared_ptr<const facts::ProjectIndex> index;

  /// Files of one kind, in path order.
  std::vector<const core::ProjectFile*> files_of(core::FileKind kind) const;
  const core::ProjectFile* find(std::string_view path) const;
  /// The one way to read the repository's files (each read once, each configuration file parsed once).
  const Inputs& inputs() const;

  /// What several checks derive from the finished project, built once by the first that asks and shared.
  struct Derived {
    core::BuiltOnce<Inputs> inputs;
    /// model::read_roots: each root's manifests.
    core::BuiltOnce<std::vector<parse::RootManifest>> root_manifests;
    /// checks::stack::build_stack_model, without and with the words of the team's tool configs.
    core::BuiltOnce<checks::stack::StackModel> stack_model;
    core::BuiltOnce<checks::stack::StackModel> stack_model_with_config;
    /// model::build_env_table (model/env_table.hpp).
    core::BuiltOnce<model::EnvTable> env_table;
    /// checks::database::build_schema: the ORM models, tables and enums.
    core::BuiltOnce<checks::database::Schema> schema;
    /// checks::architecture::build_architecture.
    core::BuiltOnce<checks::architecture::Architecture> architecture;
  };
  Derived& derived() const { return *derived_; }

private:
  std::shared_ptr<Derived> derived_ = std::make_shared<Derived>();
};

}  // namespace onramp::model
