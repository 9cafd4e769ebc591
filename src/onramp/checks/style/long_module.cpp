#include "onramp/checks/style/long_module.hpp"
#include "onramp/model/roles.hpp"

#include <fmt/format.h>

namespace onramp::checks::style {

namespace {
constexpr std::string_view kRule = "style/long-module";
}  // namespace

void LongModuleCheck::check_module(FileContext& ctx) {
  const auto limit = ctx.config.thresholds.max_module_lines;
  const auto lines = ctx.module.lines;
  if (limit < 0 || lines <= static_cast<std::uint32_t>(limit) ||
      !model::rule_applies("style/long-module", ctx.module.role))
    return;
  ctx.report(kRule, core::Location{1, 1, 1, 1},
             fmt::format("{} has {} lines (more than {}): a module this long usually holds several concerns; split it "
                         "by what its parts are about",
                         ctx.module.path, lines, limit),
             ctx.module.path);
}

}  // namespace onramp::checks::style
