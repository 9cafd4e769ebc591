#pragma once
// Settings a team can change (`[tool.onramp]` in pyproject.toml or `.onramp.toml`); defaults here.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "onramp/core/finding.hpp"

namespace onramp::core {

/// Thresholds that checks read; each has the default a team gets without configuration.
struct Thresholds {
  /// style/complex-function: cyclomatic complexity above this (mccabe / ruff C901 `max-complexity`).
  int max_complexity = 10;
  /// style/long-function: more lines than this in one function.
  int max_function_lines = 100;
  /// style/long-module: more lines than this in one file.
  int max_module_lines = 1000;
  /// typing/coverage-below-threshold: set only when the team asks for it (percent, 0-100).
  std::optional<double> typing_min_coverage;
};

/// The whole configuration: rule selection, severities, exclusions and thresholds.
struct Config {
  /// Rule ids, step keys (`async`) or id prefixes; empty means every rule.
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  /// Glob -> rule ids or step keys ignored in matching files.
  std::vector<std::pair<std::string, std::vector<std::string>>> per_file_ignores;
  std::map<std::string, Severity> severity;
  /// Globs of paths (relative to the root) left out of the scan.
  std::vector<std::string> exclude;
  Thresholds thresholds;
  std::optional<Severity> fail_on;
  std::string baseline;
  /// The file the configuration came from, for messages ("" when none).
  std::string source;
  /// The scanned root relative to that file's directory (`backend`), "" when the same: globs in the file are
  /// relative to the file, while paths in findings are relative to the root.
  std::string root_prefix;
};

}  // namespace onramp::core
