#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::typing {

/// typing/any-annotation: a parameter or return annotated `Any` (ruff ANN401).
class AnyAnnotationCheck final : public Check {
public:
  void check_module(FileContext& ctx) override;
};

}  // namespace onramp::checks::typing
