#pragma once
#include <string>
#include <utility>
#include <vector>

#include "onramp/checks/check.hpp"

namespace onramp::checks::local_setup {

/// Reports secret values written in .env files and Python settings modules (the settings assignments during the
/// walk), and secrets' fallbacks in the code that reads them (`os.getenv("K", "v")`, `os.environ.get("K") or "v"`),
/// with a severity from the value's own evidence; it says what kind of value it is and never the value.
class SecretInFileCheck final : public Check {
public:
  std::vector<std::string_view> node_types() const override { return {"assignment", "pair", "boolean_operator"}; }
  void begin_file(FileContext& ctx) override;
  void enter(TSNode node, FileContext& ctx) override;
  void leave(TSNode node, FileContext& ctx) override;
  void check_module(FileContext& ctx) override;
  void check_project(const model::Project& project, const core::RuleSet& rules,
                     std::vector<core::Finding>& out) const override;

private:
  bool settings_module_ = false;
  /// `<env read> or "literal"` seen in this file: the call's position, the whole expression's, the literal.
  struct Fallback {
    core::Location call;
    core::Location where;
    std::string value;
  };
  std::vector<Fallback> fallbacks_;
  /// A settings assignment of a string literal, judged in check_module once the file's names are resolved.
  struct Setting {
    core::Location where;
    std::string name;
    std::string value;
    /// String fields of the class body it is in (same-as-user judgements); `class_line` 0 at module level.
    std::vector<std::pair<std::string, std::string>> siblings;
    std::uint32_t class_line = 0;
  };
  std::vector<Setting> settings_;
};

}  // namespace onramp::checks::local_setup
