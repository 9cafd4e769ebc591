#include "onramp/checks/typing/missing_parameter_annotation.hpp"

#include <fmt/format.h>

#include "onramp/checks/typing/annotations.hpp"
#include "onramp/model/roles.hpp"

namespace onramp::checks::typing {

namespace {
constexpr std::string_view kRule = "typing/missing-parameter-annotation";
}  // namespace

void MissingParameterAnnotationCheck::check_module(FileContext& ctx) {
  // Test code is measured in the coverage facts, not reported: pytest fixtures and test functions
  // are rarely annotated, and tens of thousands of such findings would bury those about the code that ships.
  if (ctx.rules.find(kRule) == nullptr || !model::rule_applies(kRule, ctx.module.role)) return;
  const auto& functions = ctx.module.functions;
  for (std::size_t i = 0; i < functions.size(); ++i) {
    const auto& fn = functions[i];
    if (is_overload_implementation(ctx.module, i)) continue;
    const int skip = implicit_parameter(fn);
    const auto name = local_name(ctx.module, fn);
    for (std::size_t p = 0; p < fn.parameters.size(); ++p) {
      const auto& param = fn.parameters[p];
      if (static_cast<int>(p) == skip || !param.annotation.empty()) continue;
      std::string shown = param.name;
      std::string advice = "callers and the type checker cannot tell what it accepts";
      if (param.kind == facts::Parameter::Kind::variadic) {
        shown = "*" + param.name;
        advice = "annotate the type of each extra positional argument (`*args: int`)";
      } else if (param.kind == facts::Parameter::Kind::keyword_variadic) {
        shown = "**" + param.name;
        advice = "annotate the type of each extra keyword argument's value (`**kwargs: str`)";
      }
      ctx.report(kRule, param.location, fmt::format("`{}` of `{}` has no type annotation: {}", shown, fn.name, advice),
                 fmt::format("{}({})", name, shown), name);
    }
  }
}

}  // namespace onramp::checks::typing
