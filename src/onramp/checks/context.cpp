#include "onramp/checks/context.hpp"

#include "onramp/parse/walker.hpp"

namespace onramp::checks {

std::span<const TSNode> FileContext::ancestors() const {
  return walker != nullptr ? walker->ancestors() : std::span<const TSNode>{};
}

void FileContext::report(std::string_view rule_id, core::Location location, std::string message, std::string code,
                         std::string symbol) {
  const core::Rule* rule = rules.find(rule_id);
  if (rule == nullptr) return;
  core::Finding f;
  f.rule = rule->id;
  f.step = rule->step;
  f.severity = rule->severity;
  f.path = source.path();
  f.location = location;
  f.message = std::move(message);
  f.code = std::move(code);
  f.symbol = std::move(symbol);
  findings.push_back(std::move(f));
}

}  // namespace onramp::checks
