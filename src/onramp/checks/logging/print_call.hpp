#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::logging {

/// logging/print-call: print() or pprint() in service code, where output should go through logging.
class PrintCallCheck final : public Check {
public:
  void check_module(FileContext& ctx) override;
};

}  // namespace onramp::checks::logging
