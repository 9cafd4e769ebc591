#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::sandbox {

/// Step 4's inventory: the debugging set-ups a newcomer can reuse (launch configs, debugger packages, PYTHONBREAKPOINT).
class DebugSetupsInventory final : public Inventory {
public:
  std::string_view step_key() const override { return "sandbox"; }
  void collect(const model::Project& project, nlohmann::ordered_json& facts) const override;
};

}  // namespace onramp::checks::sandbox
