#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::stack {

/// An import of a third-party module that no manifest of the file's project root declares.
class UndeclaredImportCheck final : public Check {
public:
  void check_project(const model::Project& project, const core::RuleSet& rules,
                     std::vector<core::Finding>& out) const override;
};

}  // namespace onramp::checks::stack
