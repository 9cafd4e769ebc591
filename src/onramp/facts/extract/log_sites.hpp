#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "onramp/facts/extract/extractor.hpp"
#include "onramp/facts/file_context.hpp"

namespace onramp::facts::extract {

/// Records, during the walk, the syntax the logging rules and inventory need later (facts::LogCall,
/// LoggerCreation, LoggingConfig, TrackerInit, WarnConstant), joined to the calls by index, and
/// completes the except clauses the Collector recorded with what their bodies do (re-raise, return, use the
/// exception, call, log). It reports nothing itself.
/// Method names a logging call may end in: the walk records a LogCall only for calls named like this.
bool is_log_method_name(std::string_view name);

class LogSitesExtractor final : public Extractor {
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
    /// Its record in Module::handlers.
    std::size_t index = 0;
    std::string alias;
    std::uint32_t alias_start = 0;
    bool raises = false;
    bool returns = false;
    bool uses_alias = false;
    bool calls = false;
    /// Log calls (indices into Records::log_calls) for which this is the innermost handler.
    std::vector<std::size_t> log_calls;
  };

  /// A log call in an except clause whose arguments are being walked.
  struct OpenLogCall {
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    std::size_t log_call = 0;
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

}  // namespace onramp::facts::extract
