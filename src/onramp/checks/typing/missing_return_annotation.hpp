#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::typing {

/// typing/missing-return-annotation: a def without a return annotation (ruff ANN201, ANN202, ANN204, ANN205, ANN206).
class MissingReturnAnnotationCheck final : public Check {
public:
  void check_module(FileContext& ctx) override;
};

}  // namespace onramp::checks::typing
