#pragma once
// What the logging step shares: the notes its walk records, how a resolved callee is recognised as a
// call on a logger, and which modules are scripts rather than service code.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "onramp/core/finding.hpp"
#include "onramp/core/rules.hpp"
#include "onramp/facts/module.hpp"

namespace onramp::checks::logging {

/// Note kinds (facts::Note::kind) that LogSitesCheck records during the walk; see log_sites.hpp for fields.
inline constexpr std::string_view kLogCallNote = "logging.call";
inline constexpr std::string_view kHandlerNote = "logging.handler";
inline constexpr std::string_view kGetLoggerNote = "logging.get-logger";
inline constexpr std::string_view kPrintNote = "logging.print";
inline constexpr std::string_view kInitNote = "logging.init";
inline constexpr std::string_view kConfigNote = "logging.config";
inline constexpr std::string_view kSettingsNote = "logging.settings";
inline constexpr std::string_view kWarnConstantNote = "logging.warn-constant";

/// The logging library a logger belongs to; their APIs differ in what a message and `exc_info` mean.
enum class Library { stdlib, structlog, loguru };

/// A call on a logger, recognised from its canonical callee.
struct LoggerCall {
  Library library = Library::stdlib;
  /// `logging.info(...)`: the root logger, through the module-level functions.
  bool root = false;
  /// debug, info, warning, warn, error, exception, critical, fatal, log (loguru also trace, success).
  std::string method;
};

/// Recognises `logging.getLogger().info`, `logging.info`, `structlog.get_logger().bind().warning`,
/// `loguru.logger.error`, `celery.utils.log.get_task_logger().info`, `logging.Logger().debug` (a
/// parameter annotated as a Logger) from a callee already made canonical; nullopt for anything else.
std::optional<LoggerCall> logger_call(std::string_view callee);

/// The numeric rank of a method's level (debug 10 ... critical 50), 0 for `log` and unknown methods.
int level_rank(std::string_view method);

/// Method names a logging call may end in: the walk records a note only for calls named like this.
bool is_log_method_name(std::string_view name);

/// Tooling (hidden directories, task runners), generated, template or vendored code: no logging rule reports it
/// (model::rule_applies is the table).
bool is_hidden_tooling(const facts::Module& module);

/// Test code or tooling: not the service, so most logging rules do not report it and the inventory does not count it.
bool is_test_or_tooling(const facts::Module& module);

/// Code that talks to a terminal on purpose: every role but application (tests, scripts, migrations, tooling,
/// examples), and modules with an `if __name__ == "__main__":` block.
bool is_script_module(const facts::Module& module);

/// True if `inner` lies within `outer` (both 1-based line/column spans).
bool contains(const core::Location& outer, const core::Location& inner);

/// Calls `fn(call, note)` for each call of the module that has a note of `kind` at the same span.
/// Notes and calls are both in walk order, so one merge pass pairs them.
template <class Fn>
void for_each_noted_call(const facts::Module& module, std::string_view kind, Fn fn) {
  std::size_t n = 0;
  const auto& notes = module.notes;
  const auto next_note = [&] {
    while (n < notes.size() && notes[n].kind != kind) ++n;
  };
  next_note();
  for (const auto& call : module.calls) {
    if (n >= notes.size()) return;
    const auto& a = notes[n].location;
    const auto& b = call.location;
    if (a.line == b.line && a.column == b.column && a.end_line == b.end_line && a.end_column == b.end_column) {
      fn(call, notes[n]);
      ++n;
      next_note();
    }
  }
}

}  // namespace onramp::checks::logging
