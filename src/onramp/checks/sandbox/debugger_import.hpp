#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::sandbox {

/// sandbox/debugger-import: a debugger module imported by code that ships (tests are exempt).
class DebuggerImportCheck final : public Check {
public:
  void check_module(FileContext& ctx) override;
};

}  // namespace onramp::checks::sandbox
