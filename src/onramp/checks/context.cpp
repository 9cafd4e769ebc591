#include "onramp/checks/context.hpp"

#include <fmt/format.h>

#include "onramp/parse/walker.hpp"

namespace onramp::checks {

std::span<const TSNode> FileContext::ancestors() const {
  return walker != nullptr ? walker->ancestors() : std::span<const TSNode>{};
}

std::string show_call(std::string_view written, std::string_view resolved) {
  const bool same = resolved.empty() || resolved == written ||
                    (resolved.starts_with("builtins.") && resolved.substr(9) == written);
  return same ? fmt::format("`{}()`", written) : fmt::format("`{}()` ({})", written, resolved);
}

void FileContext::report(std::string_view rule_id, core::Location location, std::string message, std::string code,
                         std::string symbol) {
  const core::Rule* rule = rules.find(rule_id);
  if (rule == nullptr) return;
  auto f = core::make_finding(*rule, std::string(source.path()), location, std::move(message), std::move(code));
  f.symbol = std::move(symbol);
  findings.push_back(std::move(f));
}

}  // namespace onramp::checks
