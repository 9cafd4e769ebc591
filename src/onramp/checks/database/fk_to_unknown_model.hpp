#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::database {

/// database/fk-to-unknown-model: a foreign key naming a table or model that the repository does not declare.
class FkToUnknownModelCheck final : public Check {
public:
  void check_project(const model::Project& project, const core::RuleSet& rules,
                     std::vector<core::Finding>& out) const override;
};

}  // namespace onramp::checks::database
