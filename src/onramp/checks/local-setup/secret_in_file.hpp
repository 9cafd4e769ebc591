#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::local_setup {

/// Reports secret values written in .env files and Python settings modules (the settings assignments during the
/// walk, saying what kind of value it is and never the value).
class SecretInFileCheck final : public Check {
public:
  std::vector<std::string_view> node_types() const override { return {"assignment", "pair"}; }
  void begin_file(FileContext& ctx) override;
  void enter(TSNode node, FileContext& ctx) override;
  void check_project(const model::Project& project, const core::RuleSet& rules,
                     std::vector<core::Finding>& out) const override;

private:
  bool settings_module_ = false;
};

}  // namespace onramp::checks::local_setup
