#include "onramp/checks/logging/swallowed_exception.hpp"

#include <fmt/format.h>

#include "onramp/checks/logging/loggers.hpp"

namespace onramp::checks::logging {

namespace {
constexpr std::string_view kRule = "logging/swallowed-exception";
}  // namespace

void SwallowedExceptionCheck::check_module(FileContext& ctx) {
  const facts::Module& m = ctx.module;
  if (ctx.rules.find(kRule) == nullptr || is_script_module(m)) return;
  for (const auto& h : m.handlers) {
    if (!h.broad) continue;
    // Only a body that ignores the error is reported: pass, continue, break, `...`, or assigning a constant.
    // A call may log through a helper, a computed fallback handles the failure, and a raise, return or
    // use of the exception hands it on.
    if (!h.trivial || h.reraises || h.returns || h.uses_alias || h.calls || h.optional_import) continue;
    const std::string& caught = h.written;
    const bool bare = h.caught.empty();
    core::Location where = h.location;
    where.end_line = where.line;
    where.end_column = where.column + static_cast<std::uint32_t>(caught.size());
    ctx.report(kRule, where,
               fmt::format("`{}` swallows the error: nothing is logged, re-raised or returned, so failures here vanish "
                           "without a trace{}; log it with `logger.exception(...)`, re-raise, or catch only the "
                           "exception you expect",
                           caught, bare ? " (a bare except also catches KeyboardInterrupt and SystemExit)" : ""),
               caught);
  }
}

}  // namespace onramp::checks::logging
