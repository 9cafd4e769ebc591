#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::local_setup {

/// Reports Dockerfiles, compose files, .env files and Taskfiles that do not parse, with the line.
class BrokenConfigCheck final : public Check {
public:
  void check_project(const model::Project& project, const core::RuleSet& rules,
                     std::vector<core::Finding>& out) const override;
};

}  // namespace onramp::checks::local_setup
