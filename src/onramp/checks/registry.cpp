// The explicit list of checks and inventories, one line each, alphabetical within a step.
#include "onramp/checks/async/async_inventory.hpp"
#include "onramp/checks/async/blocking_calls.hpp"
#include "onramp/checks/async/dangling_task.hpp"
#include "onramp/checks/async/task_notes.hpp"
#include "onramp/checks/check.hpp"
#include "onramp/checks/check/suppression_comments.hpp"
#include "onramp/checks/local-setup/env_reads.hpp"
#include "onramp/checks/local-setup/local_setup_inventory.hpp"
#include "onramp/checks/local-setup/migration_notes.hpp"
#include "onramp/checks/local-setup/no_lockfile.hpp"
#include "onramp/checks/local-setup/python_version_mismatch.hpp"
#include "onramp/checks/local-setup/undocumented_env_var.hpp"
#include "onramp/checks/local-setup/broken_config.hpp"
#include "onramp/checks/local-setup/committed_env_file.hpp"
#include "onramp/checks/local-setup/compose_hardcoded_secret.hpp"
#include "onramp/checks/local-setup/docker_inventory.hpp"
#include "onramp/checks/local-setup/dockerfile_add_instead_of_copy.hpp"
#include "onramp/checks/local-setup/dockerfile_apt_hygiene.hpp"
#include "onramp/checks/local-setup/dockerfile_pip_cache.hpp"
#include "onramp/checks/local-setup/dockerfile_runs_as_root.hpp"
#include "onramp/checks/local-setup/dockerfile_secret_in_build.hpp"
#include "onramp/checks/local-setup/dockerfile_unpinned_base.hpp"
#include "onramp/checks/local-setup/secret_in_file.hpp"
#include "onramp/checks/logging/log_sites.hpp"
#include "onramp/checks/logging/logger_calls.hpp"
#include "onramp/checks/logging/logger_creation.hpp"
#include "onramp/checks/logging/logging_setup.hpp"
#include "onramp/checks/logging/print_call.hpp"
#include "onramp/checks/logging/swallowed_exception.hpp"
#include "onramp/checks/query/call_rules_check.hpp"
#include "onramp/checks/query/query_rules_check.hpp"
#include "onramp/checks/sandbox/debug_setups.hpp"
#include "onramp/checks/sandbox/debugger_call.hpp"
#include "onramp/checks/sandbox/debugger_import.hpp"
#include "onramp/checks/stack/broken_manifest.hpp"
#include "onramp/checks/stack/settings_strings.hpp"
#include "onramp/checks/stack/setup_call_notes.hpp"
#include "onramp/checks/stack/stack_inventory.hpp"
#include "onramp/checks/stack/undeclared_import.hpp"
#include "onramp/checks/stack/unpinned_dependency.hpp"
#include "onramp/checks/stack/unused_dependency.hpp"
#include "onramp/checks/stack/version_style_mismatch.hpp"
#include "onramp/checks/style/complex_function.hpp"
#include "onramp/checks/style/long_function.hpp"
#include "onramp/checks/style/long_module.hpp"
#include "onramp/checks/style/style_inventory.hpp"
#include "onramp/checks/typing/any_annotation.hpp"
#include "onramp/checks/typing/coverage_below_threshold.hpp"
#include "onramp/checks/typing/missing_parameter_annotation.hpp"
#include "onramp/checks/typing/missing_return_annotation.hpp"
#include "onramp/checks/typing/type_ignores.hpp"
#include "onramp/checks/typing/typing_inventory.hpp"

namespace onramp::checks {

std::vector<std::unique_ptr<Check>> make_checks() {
  std::vector<std::unique_ptr<Check>> checks;
  checks.push_back(std::make_unique<check::SuppressionCommentsCheck>());
  checks.push_back(std::make_unique<local_setup::EnvReadsCollector>());
  checks.push_back(std::make_unique<local_setup::MigrationNotesCollector>());
  checks.push_back(std::make_unique<local_setup::NoLockfileCheck>());
  checks.push_back(std::make_unique<local_setup::PythonVersionMismatchCheck>());
  checks.push_back(std::make_unique<local_setup::UndocumentedEnvVarCheck>());
  checks.push_back(std::make_unique<local_setup::BrokenConfigCheck>());
  checks.push_back(std::make_unique<local_setup::CommittedEnvFileCheck>());
  checks.push_back(std::make_unique<local_setup::ComposeHardcodedSecretCheck>());
  checks.push_back(std::make_unique<local_setup::DockerfileAddInsteadOfCopyCheck>());
  checks.push_back(std::make_unique<local_setup::DockerfileAptHygieneCheck>());
  checks.push_back(std::make_unique<local_setup::DockerfilePipCacheCheck>());
  checks.push_back(std::make_unique<local_setup::DockerfileRunsAsRootCheck>());
  checks.push_back(std::make_unique<local_setup::DockerfileSecretInBuildCheck>());
  checks.push_back(std::make_unique<local_setup::DockerfileUnpinnedBaseCheck>());
  checks.push_back(std::make_unique<local_setup::SecretInFileCheck>());
  checks.push_back(std::make_unique<async::BlockingCallsCheck>());
  checks.push_back(std::make_unique<async::DanglingTaskCheck>());
  checks.push_back(std::make_unique<async::TaskNotesCollector>());
  checks.push_back(std::make_unique<query::CallRulesCheck>());
  checks.push_back(std::make_unique<query::QueryRulesCheck>());
  checks.push_back(std::make_unique<logging::LogSitesCheck>());
  checks.push_back(std::make_unique<logging::LoggerCallsCheck>());
  checks.push_back(std::make_unique<logging::LoggerCreationCheck>());
  checks.push_back(std::make_unique<logging::PrintCallCheck>());
  checks.push_back(std::make_unique<logging::SwallowedExceptionCheck>());
  checks.push_back(std::make_unique<sandbox::DebuggerCallCheck>());
  checks.push_back(std::make_unique<sandbox::DebuggerImportCheck>());
  checks.push_back(std::make_unique<stack::BrokenManifestCheck>());
  checks.push_back(std::make_unique<stack::SettingsStrings>());
  checks.push_back(std::make_unique<stack::SetupCallNotes>());
  checks.push_back(std::make_unique<stack::UndeclaredImportCheck>());
  checks.push_back(std::make_unique<stack::UnpinnedDependencyCheck>());
  checks.push_back(std::make_unique<stack::UnusedDependencyCheck>());
  checks.push_back(std::make_unique<stack::VersionStyleMismatchCheck>());
  checks.push_back(std::make_unique<style::ComplexFunctionCheck>());
  checks.push_back(std::make_unique<style::LongFunctionCheck>());
  checks.push_back(std::make_unique<style::LongModuleCheck>());
  checks.push_back(std::make_unique<typing::AnyAnnotationCheck>());
  checks.push_back(std::make_unique<typing::CoverageBelowThresholdCheck>());
  checks.push_back(std::make_unique<typing::MissingParameterAnnotationCheck>());
  checks.push_back(std::make_unique<typing::MissingReturnAnnotationCheck>());
  checks.push_back(std::make_unique<typing::TypeIgnoreCounter>());
  return checks;
}

std::vector<std::unique_ptr<Inventory>> make_inventories() {
  std::vector<std::unique_ptr<Inventory>> inventories;
  // Not alphabetical: the checklist leads the step's facts, the Docker details follow it.
  inventories.push_back(std::make_unique<local_setup::LocalSetupInventory>());
  inventories.push_back(std::make_unique<local_setup::DockerInventory>());
  inventories.push_back(std::make_unique<async::AsyncInventory>());
  inventories.push_back(std::make_unique<logging::LoggingSetupInventory>());
  inventories.push_back(std::make_unique<sandbox::DebugSetupsInventory>());
  inventories.push_back(std::make_unique<stack::StackInventory>());
  inventories.push_back(std::make_unique<style::StyleInventory>());
  inventories.push_back(std::make_unique<typing::TypingInventory>());
  return inventories;
}

}  // namespace onramp::checks
