#include "onramp/checks/async/dangling_task.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace onramp::checks::async {

namespace {
constexpr std::string_view kRule = "async/dangling-task";
}  // namespace

void DanglingTaskCheck::check_module(FileContext& ctx) {
  const core::Rule* rule = ctx.rules.find(kRule);
  if (rule == nullptr) return;
  for (const auto& call : ctx.module.calls) {
    if (call.value_used || call.awaited || call.callee.empty()) continue;
    const bool hit = std::any_of(rule->match.calls.begin(), rule->match.calls.end(),
                                 [&](const std::string& p) { return core::qualified_name_matches(p, call.callee); });
    if (!hit) continue;
    auto message = rule->message;
    const auto pos = message.find("{call}");
    if (pos != std::string::npos) message.replace(pos, 6, fmt::format("`{}()`", call.written));
    ctx.report(kRule, call.location, std::move(message), call.code);
  }
}

}  // namespace onramp::checks::async
