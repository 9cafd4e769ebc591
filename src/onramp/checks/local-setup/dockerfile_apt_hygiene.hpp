#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::local_setup {

/// Reports RUNs that install apt recommends or keep the package lists (hadolint DL3015/DL3009), one finding per RUN.
class DockerfileAptHygieneCheck final : public Check {
public:
  void check_project(const model::Project& project, const core::RuleSet& rules,
                     std::vector<core::Finding>& out) const override;
};

}  // namespace onramp::checks::local_setup
