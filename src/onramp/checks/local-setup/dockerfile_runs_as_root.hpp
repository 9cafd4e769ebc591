#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::local_setup {

/// Reports images whose final stage sets no USER or ends as root (hadolint DL3002).
class DockerfileRunsAsRootCheck final : public Check {
public:
  void check_project(const model::Project& project, const core::RuleSet& rules,
                     std::vector<core::Finding>& out) const override;
};

}  // namespace onramp::checks::local_setup
