#pragma once
#include <memory>

#include "onramp/checks/check.hpp"
#include "onramp/core/query_rules.hpp"

namespace onramp::checks::query {

/// Every rule whose `match.query` is a tree-sitter query: one query pass per file for all of them.
class QueryRulesCheck final : public Check {
public:
  std::vector<std::string> rule_ids(const core::RuleSet& rules) const override;
  void check_module(FileContext& ctx) override;

private:
  const core::RuleSet* compiled_for_ = nullptr;
  std::shared_ptr<const core::QueryBundle> bundle_;
};

}  // namespace onramp::checks::query
