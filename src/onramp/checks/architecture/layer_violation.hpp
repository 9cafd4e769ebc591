#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::architecture {

/// architecture/layer-violation: a module of a lower layer imports one of a higher layer.
class LayerViolationCheck final : public Check {
public:
  void check_project(const model::Project& project, const core::RuleSet& rules,
                     std::vector<core::Finding>& out) const override;
};

}  // namespace onramp::checks::architecture
