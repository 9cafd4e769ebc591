#include "onramp/checks/logging/print_call.hpp"

#include <fmt/format.h>

#include "onramp/checks/logging/loggers.hpp"

namespace onramp::checks::logging {

namespace {
constexpr std::string_view kRule = "logging/print-call";

/// What a dotted name written in this module stands for, through its imports (`sys.stderr`, `stderr`).
std::string resolve_dotted(const facts::Module& m, const std::string& written) {
  const auto dot = written.find('.');
  const std::string head = written.substr(0, dot);
  for (const auto& imp : m.imports) {
    if (imp.bound == head) return dot == std::string::npos ? imp.target : imp.target + written.substr(dot);
  }
  return {};
}
}  // namespace

void PrintCallCheck::check_module(FileContext& ctx) {
  const facts::Module& m = ctx.module;
  if (ctx.rules.find(kRule) == nullptr || is_script_module(m)) return;
  for_each_noted_call(m, kPrintNote, [&](const facts::Call& call, const facts::Note& note) {
    const bool print = call.callee == "builtins.print";
    if (!print && call.callee != "pprint.pprint" && call.callee != "pprint.pp") return;
    // Like ruff's T201: printing into a file or buffer is output, not logging.
    const std::string file = note.get("file");
    if (!file.empty() && file != "None") {
      const std::string target = resolve_dotted(m, file);
      if (target != "sys.stdout" && target != "sys.stderr") return;
    }
    ctx.report(kRule, call.location,
               fmt::format("`{}()` in service code writes straight to the process output, past log levels, handlers "
                           "and formatting, so it is unfiltered in production and missing from the log pipeline; use "
                           "a logger (`logger.debug(...)` / `logger.info(...)`)",
                           call.written),
               call.code);
  });
}

}  // namespace onramp::checks::logging
