#pragma once
#include "onramp/facts/extract/extractor.hpp"
#include "onramp/facts/file_context.hpp"

namespace onramp::facts::extract {

/// Records module-level `revision = "..."` and `down_revision = ...` of Alembic revision files, so the
/// local-setup inventory can count revisions and find heads. Produces no findings.
class AlembicRevisionExtractor final : public Extractor {
public:
  std::vector<std::string_view> node_types() const override { return {"assignment"}; }
  void enter(TSNode node, FileContext& ctx) override;
};

}  // namespace onramp::facts::extract
