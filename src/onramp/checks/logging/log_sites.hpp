#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "onramp/checks/check.hpp"

namespace onramp::checks::logging {

/// Records, during the walk, the syntax the logging rules and inventory need later as facts::Note
/// entries (so that project-wide checks, which see no trees, can use them). It reports nothing itself.
///
/// Notes, each at the span of the node it describes:
/// - `logging.call` for calls named like a log method (`x.info(...)`, `info(...)`): `message` (form of the
///   message argument: fstring, percent_format, concatenation, format_call, string, name, call, other),
///   `exc_info` (true, false, other), `splat` (a `**kwargs` is passed), `extra_clash` (LogRecord attributes
///   among the literal keys of `extra=`), `handler` (inside an except clause of the same function),
///   `name` (the method or function name called), `reraises` (that clause raises), `traceback_logged`
///   (another log call of that clause logs the traceback), `handler_broad` (it catches everything),
///   `mentions_exception` (the arguments name the exception it binds), `loop` (`for x in y` when the innermost
///   statement around the call is that loop's body), `loop_body` (the span of that body) and `iterable` (the span of
///   the loop's iterable when it is a call).
/// - `logging.handler` for every except clause: `broad` (bare, Exception or BaseException), `caught`,
///   `raises`, `returns`, `uses_alias`, `calls` (its body makes a call), `trivial` (its body only passes,
///   continues, breaks or assigns constants), `optional_import` (its try body only imports).
/// - `logging.get-logger` for calls named getLogger/get_logger/get_task_logger: `arg_form`, `arg`.
/// - `logging.print` for calls named print/pprint/pp: `file` (the `file=` argument as written, if given).
/// - `logging.init` for calls named init: `dsn` (described, never its value), `keywords`.
/// - `logging.config` for dictConfig/basicConfig/fileConfig calls, `logging.settings` for a module-level
///   `LOGGING = ...`: `config_from` (dict literal, or the expression passed), `handlers` (name=class),
///   `loggers`, `root_level`, `level`, `filename`, `keywords`, `config_file`.
/// - `logging.main-guard` for a module-level `if __name__ == "__main__":`.
/// - `logging.warn-constant` for `X.WARN` / `WARN`: `object` (X as written, empty when bare).
class LogSitesCheck final : public Check {
 public:
  std::vector<std::string_view> node_types() const override;
  void begin_file(FileContext& ctx) override;
  void enter(TSNode node, FileContext& ctx) override;
  void leave(TSNode node, FileContext& ctx) override;

 private:
  /// An except clause being walked.
  struct OpenHandler {
    std::uint32_t start = 0;
    int depth = 0;
    core::Location location;
    std::string alias;
    std::uint32_t alias_start = 0;
    std::string caught;
    bool broad = false;
    bool optional_import = false;
    /// Its body only passes, continues, breaks or assigns constants.
    bool trivial = false;
    bool raises = false;
    bool returns = false;
    bool uses_alias = false;
    bool calls = false;
    /// Notes of log calls for which this is the innermost handler (they learn `reraises` at the end).
    std::vector<std::size_t> log_notes;
  };

  /// A log call in an except clause whose arguments are being walked.
  struct OpenLogCall {
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    std::size_t note = 0;
    std::string alias;
    bool mentions = false;
  };

  void on_call(TSNode node, FileContext& ctx);
  void on_except(TSNode node, FileContext& ctx);
  void on_identifier(TSNode node, FileContext& ctx);
  void on_assignment(TSNode node, FileContext& ctx);

  std::vector<OpenHandler> handlers_;
  std::vector<OpenLogCall> open_log_calls_;
  /// Function, lambda and class nesting: statements only count for handlers of the same depth.
  int depth_ = 0;
  /// Names that from-imports bind to log functions under another name (`info as log_info`).
  std::vector<std::string> log_aliases_;
  std::size_t imports_seen_ = 0;
};

}  // namespace onramp::checks::logging
