#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::async {

/// Step 8's inventory: what runs asynchronously (async functions, event-loop libraries, frameworks),
/// the task queues with their tasks and schedules, and the brokers and consumers with their URL's source.
class AsyncInventory final : public Inventory {
public:
  std::string_view step_key() const override { return "async"; }
  void collect(const model::Project& project, nlohmann::ordered_json& facts) const override;
};

}  // namespace onramp::checks::async
