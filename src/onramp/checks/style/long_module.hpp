#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::style {

/// style/long-module: a Python file with more lines than the threshold.
class LongModuleCheck final : public Check {
public:
  void check_module(FileContext& ctx) override;
};

}  // namespace onramp::checks::style
