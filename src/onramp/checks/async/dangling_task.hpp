#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::async {

/// async/dangling-task: asyncio.create_task / ensure_future whose task is dropped on the floor.
class DanglingTaskCheck final : public Check {
public:
  void check_module(FileContext& ctx) override;
};

}  // namespace onramp::checks::async
