#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::local_setup {

/// Reports pip installs that keep pip's cache in the image (hadolint DL3042).
class DockerfilePipCacheCheck final : public Check {
public:
  void check_project(const model::Project& project, const core::RuleSet& rules,
                     std::vector<core::Finding>& out) const override;
};

}  // namespace onramp::checks::local_setup
