#include "onramp/checks/typing/any_annotation.hpp"

#include <fmt/format.h>

#include "onramp/checks/typing/annotations.hpp"
#include "onramp/model/roles.hpp"

namespace onramp::checks::typing {

namespace {
constexpr std::string_view kRule = "typing/any-annotation";
}  // namespace

void AnyAnnotationCheck::check_module(FileContext& ctx) {
  // Test code is measured in the coverage facts, not reported: pytest fixtures and test functions
  // are rarely annotated, and tens of thousands of such findings would bury those about the code that ships.
  if (ctx.rules.find(kRule) == nullptr || !model::rule_applies(kRule, ctx.module.role)) return;
  const NameResolver names(ctx.module);
  const auto& functions = ctx.module.functions;
  for (std::size_t i = 0; i < functions.size(); ++i) {
    const auto& fn = functions[i];
    // An @override must keep the signature it overrides (ruff skips it too).
    if (is_overload_implementation(ctx.module, i) || has_decorator(fn, "typing.override")) continue;
    const int skip = implicit_parameter(fn);
    const auto name = local_name(ctx.module, fn);
    for (std::size_t p = 0; p < fn.parameters.size(); ++p) {
      const auto& param = fn.parameters[p];
      if (static_cast<int>(p) == skip || !resolves_to_any(param.annotation, names)) continue;
      const char* stars = param.kind == facts::Parameter::Kind::variadic           ? "*"
                          : param.kind == facts::Parameter::Kind::keyword_variadic ? "**"
                                                                                   : "";
      ctx.report(kRule, param.location,
                 fmt::format("`{}{}` of `{}` is annotated `{}`: Any switches type checking off for it; use a precise "
                             "type, a protocol or `object`",
                             stars, param.name, fn.name, param.annotation),
                 fmt::format("{}({}{}: {})", name, stars, param.name, param.annotation), name);
    }
    if (resolves_to_any(fn.returns, names)) {
      ctx.report(kRule, fn.name_location,
                 fmt::format("`{}` returns `{}`: Any switches type checking off wherever the result is used; use a "
                             "precise type or `object`",
                             fn.name, fn.returns),
                 fmt::format("{} -> {}", name, fn.returns), name);
    }
  }
}

}  // namespace onramp::checks::typing
