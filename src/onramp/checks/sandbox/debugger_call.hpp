#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::sandbox {

/// sandbox/debugger-call: a call that stops the process for a debugger (breakpoint(), pdb.set_trace(), ...).
class DebuggerCallCheck final : public Check {
public:
  void check_module(FileContext& ctx) override;
};

}  // namespace onramp::checks::sandbox
