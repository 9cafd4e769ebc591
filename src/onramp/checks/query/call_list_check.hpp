#pragma once
#include <string>
#include <unordered_set>

#include "onramp/checks/check.hpp"

namespace onramp::checks::query {

/// Every rule whose `match.calls` or `match.modules` lists qualified names (built-in or a team's --rules), except those
/// a specialised check implements: calls matched on their canonical names (re-exports followed), in the scope the
/// rule declares (`within`, `skip-roles`, `unused-result`), through sync helpers when it is `interprocedural`.
class CallListCheck final : public Check {
public:
  /// `specialised`: rule ids another check implements, left to it.
  explicit CallListCheck(std::unordered_set<std::string> specialised) : specialised_(std::move(specialised)) {}
  /// True for the rules this check implements in `rules`.
  bool implements(const core::Rule& rule) const;
  std::vector<std::string> rule_ids(const core::RuleSet& rules) const override;
  void check_project(const model::Project& project, const core::RuleSet& rules,
                     std::vector<core::Finding>& out) const override;

private:
  std::unordered_set<std::string> specialised_;
};

}  // namespace onramp::checks::query
