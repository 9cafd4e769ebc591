#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::typing {

/// typing/missing-parameter-annotation: a parameter without a type annotation (ruff ANN001, ANN002, ANN003).
class MissingParameterAnnotationCheck final : public Check {
public:
  void check_module(FileContext& ctx) override;
};

}  // namespace onramp::checks::typing
