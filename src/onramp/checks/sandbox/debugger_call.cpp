#include "onramp/checks/sandbox/debugger_call.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace onramp::checks::sandbox {

namespace {
constexpr std::string_view kRule = "sandbox/debugger-call";

/// Remote-attach set-ups (debugpy.listen) are deliberate when they sit behind a condition.
bool is_remote_attach(std::string_view callee) {
  return callee == "debugpy.listen" || callee == "debugpy.wait_for_client" || callee == "ptvsd.enable_attach" ||
         callee == "ptvsd.wait_for_attach" || callee == "pydevd_pycharm.settrace" || callee == "pydevd.settrace";
}
}  // namespace

void DebuggerCallCheck::check_module(FileContext& ctx) {
  const core::Rule* rule = ctx.rules.find(kRule);
  if (rule == nullptr) return;
  for (const auto& call : ctx.module.calls) {
    if (call.callee.empty()) continue;
    const bool hit = std::any_of(rule->match.calls.begin(), rule->match.calls.end(),
                                 [&](const std::string& p) { return core::qualified_name_matches(p, call.callee); });
    if (!hit || (call.conditional && is_remote_attach(call.callee))) continue;
    const std::string shown = call.written == call.callee || call.callee == "builtins." + call.written
                                  ? call.written + "()"
                                  : fmt::format("{}() ({})", call.written, call.callee);
    const std::string effect = is_remote_attach(call.callee)
                                   ? "opens a debugger port or waits for a debugger to attach, unconditionally"
                                   : "stops the process at a debugger prompt: a server or worker that reaches it hangs";
    ctx.report(kRule, call.location, fmt::format("{} {}; remove it before committing", shown, effect), call.code);
  }
}

}  // namespace onramp::checks::sandbox
