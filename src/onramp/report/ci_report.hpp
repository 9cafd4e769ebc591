#pragma once
// Reporters for `onramp check`: findings only, in the formats CI systems read. They know nothing of checks.
#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "onramp/core/finding.hpp"
#include "onramp/core/rules.hpp"

namespace onramp::report {

/// What `onramp check` decided: the findings to show and how the baseline, the diff and the gate treated the rest.
struct CheckReport {
  /// The scanned root as the user typed it.
  std::string root;
  /// Prepended to paths in text, SARIF, GitHub and GitLab output so that they are relative to the current
  /// directory (the repository root in CI) rather than to the scanned root; "" when that is the same.
  std::string path_prefix;
  /// The findings to show (new ones), sorted.
  std::vector<core::Finding> findings;
  core::Severity fail_on = core::Severity::warning;
  /// Findings at or above `fail_on` among `findings`: the exit code is 1 when there is one.
  std::size_t failing = 0;
  std::size_t suppressed = 0;
  /// The baseline file, when one was used.
  std::optional<std::string> baseline;
  std::size_t baseline_known = 0;
  std::size_t baseline_stale = 0;
  /// `--diff REF`, when given, and how many findings were left out as outside the change.
  std::optional<std::string> diff_ref;
  /// --diff: the merge base's commit, abbreviated; outside_diff counts the findings it already had.
  std::string diff_base;
  std::size_t outside_diff = 0;
};

/// A finding's path as CI output shows it (with `path_prefix`).
std::string shown_path(const CheckReport& report, std::string_view path);

/// `path:line:col: severity [rule] message`, one per finding, then a summary line.
void write_check_text(std::ostream& out, const CheckReport& report);
/// JSON (schema onramp/check@1): the summary and findings shaped as in onramp/report@1.
void write_check_json(std::ostream& out, const CheckReport& report);
/// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
void write_sarif(std::ostream& out, const CheckReport& report, const core::RuleSet& rules);
/// GitHub Actions workflow commands (`::warning file=...::message`): annotations on the pull request.
void write_github(std::ostream& out, const CheckReport& report);
/// GitLab's Code Quality report (a JSON array), for merge request widgets.
void write_gitlab(std::ostream& out, const CheckReport& report);

/// Escapes a workflow command's message: `%`, CR and LF.
std::string github_escape_data(std::string_view text);
/// Escapes a workflow command's property value: as data, plus `:` and `,`.
std::string github_escape_property(std::string_view text);

}  // namespace onramp::report
