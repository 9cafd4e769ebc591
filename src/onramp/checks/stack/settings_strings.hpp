#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::stack {

/// Records the string literals assigned to UPPER_CASE names (Django INSTALLED_APPS, MIDDLEWARE, DATABASES ENGINE,
/// CELERY_BROKER_URL, STORAGES backends): packages named there are used without an import. Produces no findings.
class SettingsStrings final : public Check {
public:
  std::vector<std::string_view> node_types() const override { return {"assignment", "augmented_assignment"}; }
  void enter(TSNode node, FileContext& ctx) override;
};

}  // namespace onramp::checks::stack
