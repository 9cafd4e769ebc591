#pragma once
#include <vector>

#include "onramp/checks/check.hpp"

namespace onramp::checks::style {

/// style/complex-function: a function whose cyclomatic complexity (mccabe / ruff C901) is above the
/// threshold. Computes every function's complexity during the walk into facts::Function::complexity,
/// which the style inventory ranks, so it counts even when the rule is not selected.
class ComplexFunctionCheck final : public Check {
public:
  std::vector<std::string_view> node_types() const override {
    return {"function_definition", "if_statement",  "for_statement",
            "while_statement",     "try_statement", "match_statement"};
  }
  void begin_file(FileContext& ctx) override;
  void enter(TSNode node, FileContext& ctx) override;
  void leave(TSNode node, FileContext& ctx) override;
  void check_module(FileContext& ctx) override;

private:
  void add(int points, FileContext& ctx);
  /// Indices in the module's functions of the defs enclosing the node being visited, outermost first.
  std::vector<std::size_t> open_;
};

}  // namespace onramp::checks::style
