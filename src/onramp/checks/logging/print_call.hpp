#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::logging {

/// logging/print-call: print() or pprint() in service code, where output should go through logging.
/// Project-wide, because a helper module that only command-line entry points import is part of the CLI.
class PrintCallCheck final : public Check {
public:
  void check_project(const model::Project& project, const core::RuleSet& rules,
                     std::vector<core::Finding>& out) const override;
};

}  // namespace onramp::checks::logging
