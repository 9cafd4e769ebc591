#include "onramp/facts/file_context.hpp"

#include "onramp/facts/walker.hpp"

namespace onramp::facts {

std::span<const TSNode> FileContext::ancestors() const {
  return walker != nullptr ? walker->ancestors() : std::span<const TSNode>{};
}

void FileContext::report(std::string_view rule_id, core::Location location, std::string message, std::string code,
                         std::string symbol) {
  const core::Rule* rule = rules.find(rule_id);
  if (rule == nullptr) return;
  auto f = core::make_finding(*rule, std::string(source.path()), location, std::move(message), std::move(code));
  f.symbol = std::move(symbol);
  findings.push_back(std::move(f));
}

}  // namespace onramp::facts
