#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::logging {

/// The rules about calls on loggers, in one pass over the project because a logger is often imported
/// from another module (`from app.core.log import logger`), which only ProjectIndex::canonical sees through:
/// logging/eager-format, logging/deprecated-warn, logging/extra-attr-clash, logging/error-instead-of-exception,
/// logging/redundant-exc-info, logging/exception-outside-except, logging/log-in-loop, logging/root-logger-call.
class LoggerCallsCheck final : public Check {
public:
  void check_project(const model::Project& project, const core::RuleSet& rules,
                     std::vector<core::Finding>& out) const override;
};

}  // namespace onramp::checks::logging
