#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::local_setup {

/// Step 2's Docker facts: Dockerfiles (stages, user, ports, entry point, health check, installs) and compose services.
class DockerInventory final : public Inventory {
public:
  std::string_view step_key() const override { return "local-setup"; }
  void collect(const model::Project& project, nlohmann::ordered_json& facts) const override;
};

}  // namespace onramp::checks::local_setup
