#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::stack {

/// A dependency without an upper bound or pin in an application root that has no lockfile.
class UnpinnedDependencyCheck final : public Check {
public:
  void check_project(const model::Project& project, const core::RuleSet& rules,
                     std::vector<core::Finding>& out) const override;
};

}  // namespace onramp::checks::stack
