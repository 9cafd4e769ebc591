#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::architecture {

/// architecture/import-cycle: packages that import each other in a cycle, once per strongly connected component.
class ImportCycleCheck final : public Check {
public:
  void check_project(const model::Project& project, const core::RuleSet& rules,
                     std::vector<core::Finding>& out) const override;
};

}  // namespace onramp::checks::architecture
