#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::local_setup {

/// Reports FROM images without a tag or with `latest` (hadolint DL3006/DL3007), ARG defaults resolved.
class DockerfileUnpinnedBaseCheck final : public Check {
public:
  void check_project(const model::Project& project, const core::RuleSet& rules,
                     std::vector<core::Finding>& out) const override;
};

}  // namespace onramp::checks::local_setup
