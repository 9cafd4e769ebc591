#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::database {

/// database/multiple-alembic-heads: an Alembic revision chain that forks into two or more heads.
class MultipleAlembicHeadsCheck final : public Check {
public:
  void check_project(const model::Project& project, const core::RuleSet& rules,
                     std::vector<core::Finding>& out) const override;
};

}  // namespace onramp::checks::database
