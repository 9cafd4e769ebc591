#include "onramp/checks/logging/loggers.hpp"

#include <array>
#include <tuple>

#include "onramp/core/rules.hpp"
#include "onramp/model/roles.hpp"

namespace onramp::checks::logging {

namespace {

/// Receivers that are stdlib loggers: what getLogger and friends return, and annotated parameters.
constexpr std::array<std::string_view, 9> kStdlibLoggers = {"logging.getLogger()",
                                                            "logging.Logger()",
                                                            "logging.LoggerAdapter()",
                                                            "logging.RootLogger()",
                                                            "logging.root",
                                                            "logging.getLoggerClass()()",
                                                            "celery.utils.log.get_task_logger()",
                                                            "celery.utils.log.get_logger()",
                                                            "celery.utils.log.task_logger"};

constexpr std::array<std::string_view, 9> kStructlogLoggers = {"structlog.get_logger()",
                                                               "structlog.getLogger()",
                                                               "structlog.stdlib.get_logger()",
                                                               "structlog.wrap_logger()",
                                                               "structlog.stdlib.BoundLogger()",
                                                               "structlog.BoundLogger()",
                                                               "structlog.types.FilteringBoundLogger()",
                                                               "structlog.typing.FilteringBoundLogger()",
                                                               "structlog.BoundLoggerBase()"};

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

/// Drops trailing `.getChild()` / `.bind()` / `.new()` / `.unbind()` / `.patch()` calls: they return a logger of the
/// same kind.
std::string_view strip_derivations(std::string_view receiver) {
  for (bool again = true; again;) {
    again = false;
    for (std::string_view tail : {".getChild()", ".bind()", ".new()", ".unbind()", ".try_unbind()", ".patch()"}) {
      if (ends_with(receiver, tail)) {
        receiver.remove_suffix(tail.size());
        again = true;
      }
    }
  }
  return receiver;
}

}  // namespace

int level_rank(std::string_view method) {
  if (method == "trace") return 5;
  if (method == "debug") return 10;
  if (method == "info") return 20;
  if (method == "success") return 25;
  if (method == "warning" || method == "warn") return 30;
  if (method == "error" || method == "exception") return 40;
  if (method == "critical" || method == "fatal") return 50;
  return 0;
}

std::optional<LoggerCall> logger_call(std::string_view callee) {
  const auto dot = callee.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const std::string_view method = callee.substr(dot + 1);
  if (!is_log_method_name(method)) return std::nullopt;
  LoggerCall out;
  out.method = std::string(method);
  const std::string_view receiver = strip_derivations(callee.substr(0, dot));
  if (receiver == "logging") {
    if (method == "trace" || method == "success") return std::nullopt;
    out.root = true;
    return out;
  }
  for (auto r : kStdlibLoggers) {
    if (receiver == r) return method == "trace" || method == "success" ? std::nullopt : std::optional<LoggerCall>(out);
  }
  for (auto r : kStructlogLoggers) {
    if (receiver == r) {
      out.library = Library::structlog;
      return out;
    }
  }
  if (receiver == "loguru.logger" || receiver == "loguru.Logger()" || receiver == "loguru._logger.Logger()") {
    out.library = Library::loguru;
    return out;
  }
  return std::nullopt;
}

bool is_hidden_tooling(const facts::Module& m) {
  return !model::rule_applies("logging/direct-logger-instantiation", m.role);
}

bool is_test_or_tooling(const facts::Module& m) { return !model::rule_applies("logging/eager-format", m.role); }

bool is_script_module(const facts::Module& m) {
  return !model::rule_applies("logging/print-call", m.role) || m.main_guard;
}

bool contains(const core::Location& outer, const core::Location& inner) {
  return std::tie(outer.line, outer.column) <= std::tie(inner.line, inner.column) &&
         std::tie(inner.end_line, inner.end_column) <= std::tie(outer.end_line, outer.end_column);
}

}  // namespace onramp::checks::logging
