#pragma once
// What a team's configuration does to findings: which rules run where, and how severe they are.
#include <string_view>
#include <vector>

#include "onramp/core/config.hpp"
#include "onramp/core/finding.hpp"
#include "onramp/core/rules.hpp"

namespace onramp::core {

/// How specifically `selector` names `rule`: 0 when it does not, else its length (a rule id beats its step key,
/// `logging/print` beats `logging`). Selectors are rule ids, step keys (`async`, `check`) or id prefixes.
std::size_t selector_match(std::string_view selector, const Rule& rule);

/// True if some rule answers to `selector`.
bool selector_known(std::string_view selector, const RuleSet& rules);

/// A path as the configuration's globs see it: relative to the configuration file's directory.
std::string config_path(const Config& config, std::string_view path);

/// True if `path` (relative to the scanned root) matches a glob: the whole path, or its last part for a
/// glob without `/` (`*.pyi`, `migrations`).
bool path_matches(std::string_view glob, std::string_view path);

/// True if the configuration's `exclude` leaves this path (file or directory) out of the scan.
bool is_excluded(const Config& config, std::string_view path);

/// True if the team's `select`/`ignore` turn the rule on (ruff's precedence: the more specific selector wins); a rule
/// that is off does not run.
bool rule_enabled(const Config& config, const Rule& rule);

/// Applies `select`, `ignore`, `per-file-ignores` and `severity` to findings, in place, keeping their order.
void apply_selection(const Config& config, const RuleSet& rules, std::vector<Finding>& findings);

}  // namespace onramp::core
