#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::stack {

/// A main dependency that no module imports and nothing else is known to use.
class UnusedDependencyCheck final : public Check {
public:
  void check_project(const model::Project& project, const core::RuleSet& rules,
                     std::vector<core::Finding>& out) const override;
};

}  // namespace onramp::checks::stack
