#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::logging {

/// logging/swallowed-exception: `except Exception:` (or a bare except) whose body does nothing with the error.
class SwallowedExceptionCheck final : public Check {
public:
  void check_module(FileContext& ctx) override;
};

}  // namespace onramp::checks::logging
