#pragma once
// The commands behind cli::run, and what they share: argument values, rules, configuration, output files.
#include <cstdint>
#include <fstream>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "onramp/core/rules.hpp"
#include "onramp/engine/pipeline.hpp"

namespace onramp::cli {

/// A usage or input error: printed as `onramp: error: <message>`, exit code 2. Thrown only inside the CLI and caught
/// in cli::run, the one place exceptions are handled.
struct UsageError {
  std::string message;
};

/// Options of every command that scans a repository.
struct ScanArgs {
  std::string path = ".";
  unsigned jobs = 1;
  std::string max_size = "2M";
  /// --config FILE; empty: the configuration nearest to PATH, if any.
  std::string config;
  /// --rules DIR (repeatable): a team's rule files, added to the built-in ones.
  std::vector<std::string> rule_dirs;
};

/// `onramp check`.
struct CheckArgs {
  ScanArgs scan;
  std::string format = "text";
  std::string fail_on;  // empty: the configuration's, else warning
  std::string baseline;
  bool no_baseline = false;
  /// --baseline-commit REF: the baseline is a scan of the merge base of HEAD and REF.
  std::string baseline_commit;
  std::string diff;
  std::string output;
};

/// `onramp baseline`.
struct BaselineArgs {
  ScanArgs scan;
  std::string output;
};

/// `onramp graph`.
struct GraphArgs {
  ScanArgs scan;
  std::string kind = "imports";
  std::string format = "mermaid";
  std::string output;
};

/// The rules compiled into the binary, plus every rule file below each of `dirs` (a team's own rules).
core::RuleSet load_rules(const std::vector<std::string>& dirs = {});

/// Sizes such as 2097152, 512K, 2M, 1G.
std::uintmax_t parse_size(const std::string& text);

/// What to scan and how: checks PATH, finds and reads the configuration (errors say FILE:LINE).
engine::ScanOptions scan_options(const ScanArgs& args, const core::RuleSet& rules);

/// Runs the pipeline, printing stage timings on `err` when ONRAMP_TIMINGS is set.
/// `progress`: show files parsed / total and the stage on `err`, when it is a terminal and CI is not set.
engine::Analysis run_analysis(const engine::ScanOptions& options, const core::RuleSet& rules, std::ostream& err,
                              bool progress = false);

/// Writes to the file `output` (unless empty or `-`) or to `out`.
template <class Fn>
void emit(const std::string& output, std::ostream& out, Fn fn) {
  if (output.empty() || output == "-") {
    fn(out);
    return;
  }
  std::ofstream file(output, std::ios::binary);
  if (!file) throw UsageError{fmt::format("cannot write `{}`", output)};
  fn(file);
  file.flush();
  if (!file) throw UsageError{fmt::format("writing `{}` failed", output)};
}

/// `onramp check`: returns 0, or 1 when a shown finding is at or above --fail-on.
int run_check(const CheckArgs& args, const core::RuleSet& rules, std::ostream& out, std::ostream& err);
/// `onramp baseline`: writes today's findings to the baseline file.
int run_baseline(const BaselineArgs& args, const core::RuleSet& rules, std::ostream& out, std::ostream& err);
/// `onramp graph`: the import, layer or route graph, or the ER diagram of the models (`--kind models`), as Mermaid or
/// DOT.
int run_graph(const GraphArgs& args, const core::RuleSet& rules, std::ostream& out, std::ostream& err);
/// `onramp rules`: every rule with its step, severity and summary (and, as JSON, its documentation).
void write_rules(std::ostream& out, const core::RuleSet& rules, const std::string& format);
/// `onramp explain RULE`: the rule's documentation.
int run_explain(const std::string& id, const core::RuleSet& rules, std::ostream& out);

}  // namespace onramp::cli
