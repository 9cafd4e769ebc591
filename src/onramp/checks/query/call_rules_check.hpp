#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::query {

/// A team's rules (--rules DIR) that name calls or imported modules: matched on names resolved through imports.
class CallRulesCheck final : public Check {
public:
  void check_module(FileContext& ctx) override;
};

}  // namespace onramp::checks::query
