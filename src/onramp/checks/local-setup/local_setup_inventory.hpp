#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::local_setup {

/// The local-setup step's facts about running the code: install tool and lockfile per root, Python versions,
/// environment variables, migrations, the test command, task runners and the "run it locally" checklist.
class LocalSetupInventory final : public Inventory {
public:
  std::string_view step_key() const override { return "local-setup"; }
  void collect(const model::Project& project, nlohmann::ordered_json& facts) const override;
};

}  // namespace onramp::checks::local_setup
