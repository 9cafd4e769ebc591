#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::stack {

/// Per project root: install tool, lockfile, Python versions, every dependency with spec, lock, role and source,
/// and which side of the famous major-version splits the project is on.
class StackInventory final : public Inventory {
public:
  std::string_view step_key() const override { return "stack"; }
  void collect(const model::Project& project, nlohmann::ordered_json& facts) const override;
};

}  // namespace onramp::checks::stack
