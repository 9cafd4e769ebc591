#include "onramp/checks/query/call_rules_check.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace onramp::checks::query {

namespace {

/// `async/blocking-*` rules of a team join the interprocedural blocking-call check instead.
bool handled_elsewhere(const core::Rule& rule) { return rule.id.rfind("async/blocking-", 0) == 0; }

/// The rule's message with `{call}` (as written, with its resolved name when they differ) and `{module}` filled in.
std::string fill(const core::Rule& rule, std::string_view placeholder, const std::string& value) {
  std::string message = rule.message.empty() ? rule.summary + ": " + value : rule.message;
  for (auto pos = message.find(placeholder); pos != std::string::npos; pos = message.find(placeholder, pos + value.size())) {
    message.replace(pos, placeholder.size(), value);
  }
  return message;
}

}  // namespace

void CallRulesCheck::check_module(FileContext& ctx) {
  for (const auto& rule : ctx.rules.all()) {
    if (!rule.custom || handled_elsewhere(rule)) continue;
    const auto matches = [&](const std::vector<std::string>& patterns, const std::string& name) {
      return !name.empty() && std::any_of(patterns.begin(), patterns.end(),
                                          [&](const std::string& p) { return core::qualified_name_matches(p, name); });
    };
    for (const auto& call : ctx.module.calls) {
      if (!matches(rule.match.calls, call.callee)) continue;
      const std::string shown = call.written == call.callee ? fmt::format("`{}()`", call.written)
                                                            : fmt::format("`{}()` ({})", call.written, call.callee);
      ctx.report(rule.id, call.location, fill(rule, "{call}", shown), call.code);
    }
    for (const auto& imp : ctx.module.imports) {
      const bool hit = std::any_of(rule.match.modules.begin(), rule.match.modules.end(), [&](const std::string& m) {
        return imp.module == m || imp.module.starts_with(m + ".") || (!imp.name.empty() && imp.module + "." + imp.name == m);
      });
      if (!hit) continue;
      ctx.report(rule.id, imp.location, fill(rule, "{module}", "`" + imp.module + "`"),
                 imp.name.empty() ? "import " + imp.module : "from " + imp.module + " import " + imp.name);
    }
  }
}

}  // namespace onramp::checks::query
