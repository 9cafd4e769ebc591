#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::typing {

/// typing/coverage-below-threshold: source-code annotation coverage under the team's `typing.min-coverage`.
class CoverageBelowThresholdCheck final : public Check {
public:
  void check_project(const model::Project& project, const core::RuleSet& rules,
                     std::vector<core::Finding>& out) const override;
};

}  // namespace onramp::checks::typing
