#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::style {

/// Step 5's inventory: formatters, linters and pre-commit hooks with their key settings; size per
/// package; complexity overall; the largest and the most complex functions of the source code.
class StyleInventory final : public Inventory {
public:
  std::string_view step_key() const override { return "style"; }
  void collect(const model::Project& project, nlohmann::ordered_json& facts) const override;
};

}  // namespace onramp::checks::style
