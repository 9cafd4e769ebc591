#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::local_setup {

/// local-setup/undocumented-env-var: a variable application code requires (no default) that no .env template,
/// doc, compose file, Dockerfile or CI workflow mentions.
class UndocumentedEnvVarCheck final : public Check {
public:
  void check_project(const model::Project& project, const core::RuleSet& rules,
                     std::vector<core::Finding>& out) const override;
};

}  // namespace onramp::checks::local_setup
