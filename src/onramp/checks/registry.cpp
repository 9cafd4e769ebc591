// The explicit list of checks and inventories, one line each, alphabetical within a step. Only what reports
// findings is a check; walk-time extractors that record facts are listed in facts/extract/extractors.cpp.
#include "onramp/checks/architecture/architecture_inventory.hpp"
#include "onramp/checks/architecture/import_cycle.hpp"
#include "onramp/checks/architecture/layer_violation.hpp"
#include "onramp/checks/async/async_inventory.hpp"
#include "onramp/checks/check.hpp"
#include "onramp/checks/database/database_inventory.hpp"
#include "onramp/checks/database/fk_to_unknown_model.hpp"
#include "onramp/checks/database/multiple_alembic_heads.hpp"
#include "onramp/checks/domain/domain_inventory.hpp"
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
#include "onramp/checks/local-setup/local_setup_inventory.hpp"
#include "onramp/checks/local-setup/no_lockfile.hpp"
#include "onramp/checks/local-setup/python_version_mismatch.hpp"
#include "onramp/checks/local-setup/secret_in_file.hpp"
#include "onramp/checks/local-setup/undocumented_env_var.hpp"
#include "onramp/checks/logging/logger_calls.hpp"
#include "onramp/checks/logging/logger_creation.hpp"
#include "onramp/checks/logging/logging_setup.hpp"
#include "onramp/checks/logging/print_call.hpp"
#include "onramp/checks/logging/swallowed_exception.hpp"
#include "onramp/checks/query/call_list_check.hpp"
#include "onramp/checks/query/query_rules_check.hpp"
#include "onramp/checks/sandbox/debug_setups.hpp"
#include "onramp/checks/sandbox/debugger_import.hpp"
#include "onramp/checks/stack/broken_manifest.hpp"
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
#include "onramp/checks/typing/typing_inventory.hpp"
#include "onramp/core/selection.hpp"

#include <algorithm>
#include <unordered_set>

namespace onramp::checks {

namespace {

/// One registry line: the check and the rule ids it implements (clang-tidy's registerCheck<T>("id")).
template <class T>
void add(std::vector<std::unique_ptr<Check>>& checks, std::vector<std::string> rule_ids) {
  auto check = std::make_unique<T>();
  check->declare(std::move(rule_ids));
  checks.push_back(std::move(check));
}

}  // namespace

std::vector<std::string> pipeline_rule_ids() { return {"check/unused-suppression"}; }

bool check_runs(const Check& check, const core::RuleSet& rules, const core::Config& config) {
  const auto ids = check.rule_ids(rules);
  if (ids.empty()) return true;
  return std::any_of(ids.begin(), ids.end(), [&](const std::string& id) {
    const auto* rule = rules.find(id);
    return rule != nullptr && core::rule_enabled(config, *rule);
  });
}

std::vector<std::unique_ptr<Check>> make_checks() {
  std::vector<std::unique_ptr<Check>> checks;
  add<architecture::ImportCycleCheck>(checks, {"architecture/import-cycle"});
  add<architecture::LayerViolationCheck>(checks, {"architecture/layer-violation"});
  add<local_setup::NoLockfileCheck>(checks, {"local-setup/no-lockfile"});
  add<local_setup::PythonVersionMismatchCheck>(checks, {"local-setup/python-version-mismatch"});
  add<local_setup::UndocumentedEnvVarCheck>(checks, {"local-setup/undocumented-env-var"});
  add<local_setup::BrokenConfigCheck>(checks, {"local-setup/broken-config"});
  add<local_setup::CommittedEnvFileCheck>(checks, {"local-setup/committed-env-file"});
  add<local_setup::ComposeHardcodedSecretCheck>(checks, {"local-setup/compose-hardcoded-secret"});
  add<local_setup::DockerfileAddInsteadOfCopyCheck>(checks, {"local-setup/dockerfile-add-instead-of-copy"});
  add<local_setup::DockerfileAptHygieneCheck>(checks, {"local-setup/dockerfile-apt-hygiene"});
  add<local_setup::DockerfilePipCacheCheck>(checks, {"local-setup/dockerfile-pip-cache"});
  add<local_setup::DockerfileRunsAsRootCheck>(checks, {"local-setup/dockerfile-runs-as-root"});
  add<local_setup::DockerfileSecretInBuildCheck>(checks, {"local-setup/dockerfile-secret-in-build"});
  add<local_setup::DockerfileUnpinnedBaseCheck>(checks, {"local-setup/dockerfile-unpinned-base"});
  add<local_setup::SecretInFileCheck>(checks, {"local-setup/secret-in-file"});
  add<database::FkToUnknownModelCheck>(checks, {"database/fk-to-unknown-model"});
  add<database::MultipleAlembicHeadsCheck>(checks, {"database/multiple-alembic-heads"});
  add<query::QueryRulesCheck>(checks, {});  // every rule with a `match.query` (rule_ids)
  add<logging::LoggerCallsCheck>(
      checks, {"logging/deprecated-warn", "logging/eager-format", "logging/error-instead-of-exception",
               "logging/exception-outside-except", "logging/extra-attr-clash", "logging/log-in-loop",
               "logging/redundant-exc-info", "logging/root-logger-call"});
  add<logging::LoggerCreationCheck>(checks,
                                    {"logging/direct-logger-instantiation", "logging/invalid-getlogger-argument"});
  add<logging::PrintCallCheck>(checks, {"logging/print-call"});
  add<logging::SwallowedExceptionCheck>(checks, {"logging/swallowed-exception"});
  add<sandbox::DebuggerImportCheck>(checks, {"sandbox/debugger-import"});
  add<stack::BrokenManifestCheck>(checks, {"stack/broken-manifest"});
  add<stack::UndeclaredImportCheck>(checks, {"stack/undeclared-import"});
  add<stack::UnpinnedDependencyCheck>(checks, {"stack/unpinned-dependency"});
  add<stack::UnusedDependencyCheck>(checks, {"stack/unused-dependency"});
  add<stack::VersionStyleMismatchCheck>(checks, {"stack/version-style-mismatch"});
  add<style::ComplexFunctionCheck>(checks, {"style/complex-function"});
  add<style::LongFunctionCheck>(checks, {"style/long-function"});
  add<style::LongModuleCheck>(checks, {"style/long-module"});
  add<typing::AnyAnnotationCheck>(checks, {"typing/any-annotation"});
  add<typing::CoverageBelowThresholdCheck>(checks, {"typing/coverage-below-threshold"});
  add<typing::MissingParameterAnnotationCheck>(checks, {"typing/missing-parameter-annotation"});
  add<typing::MissingReturnAnnotationCheck>(checks, {"typing/missing-return-annotation"});
  // Last, so that it sees what every specialised check declared: it takes every other call-list rule.
  std::unordered_set<std::string> specialised;
  for (const auto& c : checks) {
    for (auto& id : c->rule_ids(core::RuleSet{})) specialised.insert(std::move(id));
  }
  checks.push_back(std::make_unique<query::CallListCheck>(std::move(specialised)));
  return checks;
}

std::vector<std::unique_ptr<Inventory>> make_inventories() {
  std::vector<std::unique_ptr<Inventory>> inventories;
  inventories.push_back(std::make_unique<architecture::ArchitectureInventory>());
  // Not alphabetical: the checklist leads the step's facts, the Docker details follow it.
  inventories.push_back(std::make_unique<local_setup::LocalSetupInventory>());
  inventories.push_back(std::make_unique<local_setup::DockerInventory>());
  inventories.push_back(std::make_unique<async::AsyncInventory>());
  inventories.push_back(std::make_unique<database::DatabaseInventory>());
  inventories.push_back(std::make_unique<domain::DomainInventory>());
  inventories.push_back(std::make_unique<logging::LoggingSetupInventory>());
  inventories.push_back(std::make_unique<sandbox::DebugSetupsInventory>());
  inventories.push_back(std::make_unique<stack::StackInventory>());
  inventories.push_back(std::make_unique<style::StyleInventory>());
  inventories.push_back(std::make_unique<typing::TypingInventory>());
  return inventories;
}

}  // namespace onramp::checks
