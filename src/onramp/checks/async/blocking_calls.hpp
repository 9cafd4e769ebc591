#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::async {

/// async/blocking-*: blocking calls made by async functions, directly or through sync helpers of the
/// repository (interprocedural, on the facts of all modules; the chain is reported with the finding).
class BlockingCallsCheck final : public Check {
public:
  void check_project(const core::Project& project, const core::RuleSet& rules,
                     std::vector<core::Finding>& out) const override;
};

}  // namespace onramp::checks::async
