#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::local_setup {

/// local-setup/no-lockfile: an application root whose dependency versions nothing pins.
class NoLockfileCheck final : public Check {
public:
  void check_project(const model::Project& project, const core::RuleSet& rules,
                     std::vector<core::Finding>& out) const override;
};

}  // namespace onramp::checks::local_setup
