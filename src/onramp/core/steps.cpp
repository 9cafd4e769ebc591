#include "onramp/core/steps.hpp"

namespace onramp::core {

std::optional<Step> step_by_key(std::string_view key) {
  for (const auto& step : kSteps) {
    if (step.key == key) return step;
  }
  return std::nullopt;
}

}  // namespace onramp::core
