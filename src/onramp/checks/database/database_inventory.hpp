#pragma once
#include "onramp/checks/check.hpp"
#include "onramp/checks/database/schema.hpp"

namespace onramp::checks::database {

/// Step 7's inventory: the ORM models with their fields, foreign keys and relationships, SQLAlchemy tables, and the
/// migrations (the Alembic chain with its heads and branch points, Django migrations per app).
class DatabaseInventory final : public Inventory {
public:
  std::string_view step_key() const override { return "database"; }
  void collect(const model::Project& project, nlohmann::ordered_json& facts) const override;
};

/// The models as the JSON report shows them (`steps[database].facts.models`), which `onramp graph --kind models` draws.
nlohmann::ordered_json models_json(const Schema& schema);

}  // namespace onramp::checks::database
