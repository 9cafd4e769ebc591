#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::typing {

/// Step 6's inventory: annotation coverage (overall, public/private, source/tests, per package and
/// module), `Any` and `# type: ignore` counts, py.typed markers and the type checkers configured.
class TypingInventory final : public Inventory {
public:
  std::string_view step_key() const override { return "typing"; }
  void collect(const model::Project& project, nlohmann::ordered_json& facts) const override;
};

}  // namespace onramp::checks::typing
