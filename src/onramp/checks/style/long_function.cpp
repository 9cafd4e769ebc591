#include "onramp/checks/style/long_function.hpp"

#include <fmt/format.h>

#include "onramp/checks/typing/annotations.hpp"
#include "onramp/model/roles.hpp"

namespace onramp::checks::style {

namespace {
constexpr std::string_view kRule = "style/long-function";
}  // namespace

std::uint32_t function_lines(const facts::Function& fn) {
  return fn.location.end_line >= fn.location.line ? fn.location.end_line - fn.location.line + 1 : 1;
}

void LongFunctionCheck::check_module(FileContext& ctx) {
  if (ctx.rules.find(kRule) == nullptr || !model::rule_applies(kRule, ctx.module.role)) return;
  const auto limit = ctx.config.thresholds.max_function_lines;
  for (const auto& fn : ctx.module.functions) {
    const auto lines = function_lines(fn);
    if (limit < 0 || lines <= static_cast<std::uint32_t>(limit)) continue;
    const auto name = typing::local_name(ctx.module, fn);
    ctx.report(kRule, fn.name_location,
               fmt::format("`{}` is {} lines long (more than {}): a reader cannot keep it in view at once; extract the "
                           "steps it performs into functions with names",
                           fn.name, lines, limit),
               "def " + name, name);
  }
}

}  // namespace onramp::checks::style
