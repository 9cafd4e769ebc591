#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::stack {

/// Code in the style of another major version of a library than the one the project is on (rules/knowledge/version-styles.yaml).
class VersionStyleMismatchCheck final : public Check {
public:
  void check_project(const model::Project& project, const core::RuleSet& rules,
                     std::vector<core::Finding>& out) const override;
};

}  // namespace onramp::checks::stack
