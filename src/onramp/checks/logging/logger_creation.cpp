#include "onramp/checks/logging/logger_creation.hpp"

#include <fmt/format.h>

#include "onramp/checks/logging/loggers.hpp"

namespace onramp::checks::logging {

namespace {
constexpr std::string_view kDirect = "logging/direct-logger-instantiation";
constexpr std::string_view kArgument = "logging/invalid-getlogger-argument";
}  // namespace

void LoggerCreationCheck::check_module(FileContext& ctx) {
  const facts::Module& m = ctx.module;
  if (is_hidden_tooling(m)) return;
  if (ctx.rules.find(kDirect) != nullptr) {
    for (const auto& call : m.calls) {
      if (call.callee != "logging.Logger") continue;
      ctx.report(kDirect, call.location,
                 fmt::format("`{}(...)` creates a logger outside the logging hierarchy: it gets none of the configured "
                             "handlers, levels or filters, so its records are dropped or go to the last-resort "
                             "handler; use `logging.getLogger(name)`",
                             call.written),
                 call.code);
    }
  }
  if (ctx.rules.find(kArgument) != nullptr) {
    for (const auto& created : m.records.logger_creations) {
      const facts::Call& call = m.calls[created.call];
      if (call.callee != "logging.getLogger" || created.form != facts::LoggerCreation::NameForm::name) continue;
      const std::string& arg = created.name;
      if (arg != "__file__" && arg != "__cached__") continue;
      ctx.report(kArgument, call.location,
                 fmt::format("`{}({})` names the logger after a file path, not the module, so it sits outside the "
                             "package's logger hierarchy and the levels and handlers configured for the package never "
                             "apply; use `__name__`",
                             call.written, arg),
                 call.code);
    }
  }
}

}  // namespace onramp::checks::logging
