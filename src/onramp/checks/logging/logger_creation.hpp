#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::logging {

/// logging/direct-logger-instantiation and logging/invalid-getlogger-argument: loggers created so that
/// they sit outside the configured logger hierarchy.
class LoggerCreationCheck final : public Check {
public:
  void check_module(FileContext& ctx) override;
};

}  // namespace onramp::checks::logging
