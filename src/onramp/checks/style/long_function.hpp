#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::style {

/// style/long-function: a def longer than the threshold, from its `def` line to the last line of its body.
class LongFunctionCheck final : public Check {
public:
  void check_module(FileContext& ctx) override;
};

/// A function's length as style/long-function and the inventory count it.
std::uint32_t function_lines(const facts::Function& fn);

}  // namespace onramp::checks::style
