#pragma once
#include "onramp/facts/extract/extractor.hpp"
#include "onramp/facts/file_context.hpp"

namespace onramp::facts::extract {

/// Records the string literals assigned to UPPER_CASE names (Django INSTALLED_APPS, MIDDLEWARE, DATABASES ENGINE,
/// CELERY_BROKER_URL, STORAGES backends): packages named there are used without an import. Produces no findings.
class SettingsStringsExtractor final : public Extractor {
public:
  std::vector<std::string_view> node_types() const override { return {"assignment", "augmented_assignment"}; }
  void enter(TSNode node, FileContext& ctx) override;
};

}  // namespace onramp::facts::extract
