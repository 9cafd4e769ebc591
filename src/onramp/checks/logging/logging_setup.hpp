#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::logging {

/// Step 9's inventory: where logging is configured and where records go, how loggers are named, log calls
/// per level, error tracking (Sentry; the DSN is described, never shown), metrics and tracing. Test code is
/// left out of every count.
class LoggingSetupInventory final : public Inventory {
public:
  std::string_view step_key() const override { return "logging"; }
  void collect(const model::Project& project, nlohmann::ordered_json& facts) const override;
};

}  // namespace onramp::checks::logging
