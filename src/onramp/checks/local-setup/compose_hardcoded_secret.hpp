#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::local_setup {

/// Reports compose `environment:` entries that write a secret out.
class ComposeHardcodedSecretCheck final : public Check {
public:
  void check_project(const model::Project& project, const core::RuleSet& rules,
                     std::vector<core::Finding>& out) const override;
};

}  // namespace onramp::checks::local_setup
