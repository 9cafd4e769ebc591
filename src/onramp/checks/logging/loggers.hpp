#pragma once
// What the logging step shares: how a resolved callee is recognised as a call on a logger, and which modules
// are scripts rather than service code.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "onramp/core/finding.hpp"
#include "onramp/core/rules.hpp"
#include "onramp/facts/extract/log_sites.hpp"
#include "onramp/facts/module.hpp"

namespace onramp::checks::logging {

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

using facts::extract::is_log_method_name;

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

}  // namespace onramp::checks::logging
