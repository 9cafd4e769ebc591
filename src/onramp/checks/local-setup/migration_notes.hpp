#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::local_setup {

/// Records module-level `revision = "..."` and `down_revision = ...` of Alembic revision files, so the
/// local-setup inventory can count revisions and find heads. Produces no findings.
class MigrationNotesCollector final : public Check {
public:
  std::vector<std::string_view> node_types() const override { return {"assignment"}; }
  void enter(TSNode node, FileContext& ctx) override;
};

}  // namespace onramp::checks::local_setup
