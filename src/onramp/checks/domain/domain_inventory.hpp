#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::domain {

/// Step 13's inventory: the key entities (models ranked by how much of the system touches them: related models,
/// modules that import or use them, functions that call them) with their docstrings, and a glossary of the domain
/// terms that model and enum docstrings define.
class DomainInventory final : public Inventory {
public:
  std::string_view step_key() const override { return "domain"; }
  void collect(const model::Project& project, nlohmann::ordered_json& facts) const override;
};

}  // namespace onramp::checks::domain
