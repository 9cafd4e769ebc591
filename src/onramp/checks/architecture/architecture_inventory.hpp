#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::architecture {

/// Step 1's facts: packages with their layers, entry points, routes, the package import graph and its cycles.
class ArchitectureInventory final : public Inventory {
public:
  std::string_view step_key() const override { return "architecture"; }
  void collect(const model::Project& project, nlohmann::ordered_json& facts) const override;
};

}  // namespace onramp::checks::architecture
