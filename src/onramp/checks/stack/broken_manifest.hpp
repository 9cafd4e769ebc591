#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::stack {

/// A manifest or lockfile that does not parse, with the parser's message and position.
class BrokenManifestCheck final : public Check {
public:
  void check_project(const model::Project& project, const core::RuleSet& rules,
                     std::vector<core::Finding>& out) const override;
};

}  // namespace onramp::checks::stack
