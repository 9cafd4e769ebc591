#pragma once
// The report as a newcomer reads it, whatever the format: what the repository is, how to run it, the few things to
// know first, and per step a headline, a summary sentence, key facts and the findings grouped by rule. Built from the
// JSON report (`to_json`) and the findings only, so it knows the report's shape and nothing of the checks.
#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "onramp/core/finding.hpp"
#include "onramp/core/rules.hpp"
#include "onramp/engine/pipeline.hpp"

namespace onramp::report {

/// A key fact: a sentence (`label: text`) or, when `columns` is set, a short table with the count of rows left out.
struct FactBlock {
  std::string label;
  std::string text;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  std::size_t more = 0;
};

/// The findings of one rule, the ones in application code first.
struct RuleGroup {
  std::string rule;
  int step = 0;
  core::Severity severity = core::Severity::info;
  std::string summary;
  std::vector<const core::Finding*> findings;
  std::size_t files = 0;
  /// Findings in the code that ships (application, script), as opposed to tests, migrations, tooling, examples.
  std::size_t shipped = 0;
};

/// One command of the checklist.
struct ChecklistItem {
  std::string number;
  std::string command;  // empty when the step is advice, not a command
  std::string cwd;
  std::string why;
  std::string where;
};

struct StepBrief {
  int id = 0;
  std::string key;
  std::string title;
  bool analysed = false;
  std::size_t findings = 0;
  /// One line for the first screen.
  std::string headline;
  /// One or two sentences.
  std::string summary;
  std::vector<FactBlock> facts;
  /// Most severe first, then the most findings in shipped code.
  std::vector<RuleGroup> groups;
};

struct Briefing {
  std::string root;
  /// What this is: frameworks and processes, size, roots.
  std::vector<std::string> about;
  std::vector<ChecklistItem> checklist;
  /// The highest-value rule groups across every step, ranked (at most kFirstThings).
  std::vector<RuleGroup> first;
  std::vector<StepBrief> steps;
  /// The whole JSON report, for `--full` and the machine-readable parts of HTML.
  nlohmann::ordered_json doc;
};

inline constexpr std::size_t kFirstThings = 5;

/// Builds the briefing; `rows` bounds every table of key facts (0: no bound, as `--full` wants).
Briefing make_briefing(const engine::Analysis& analysis, const core::RuleSet& rules, std::size_t rows);

/// `1,234,567`.
std::string with_commas(std::size_t n);
/// `3 files`, `1 file`.
std::string plural(std::size_t n, std::string_view noun);

}  // namespace onramp::report
