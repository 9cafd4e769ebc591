#pragma once
// discover -> parse -> facts -> analyse: everything a reporter needs, computed once.
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "onramp/core/finding.hpp"
#include "onramp/core/rules.hpp"
#include "onramp/model/project.hpp"
#include "onramp/util/result.hpp"

namespace onramp::engine {

/// How to scan.
struct ScanOptions {
  std::filesystem::path root;
  /// The root as the user typed it: reports show this, never an absolute path.
  std::string display_root;
  unsigned jobs = 1;
  std::uintmax_t max_file_size = 2 * 1024 * 1024;
  core::Config config;
  /// Report `# onramp: ignore` comments that suppress nothing (check/unused-suppression): `onramp check` does.
  bool report_unused_suppressions = false;
  /// The files git tracks below the root, when known already (a tree written out of git, which has no .git: every
  /// file in it); nullopt: read from the index of the work tree holding the root.
  std::optional<std::set<std::string>> tracked;
  /// Told the stage and how many Python files of how many are parsed; called from any thread, never concurrently.
  std::function<void(std::string_view stage, std::size_t done, std::size_t total)> progress;
};

/// Timings of the stages, for the benchmark script (never printed in reports: they would break reproducibility).
struct StageTimes {
  double discover_ms = 0;
  double parse_ms = 0;  // summed over threads: parse + walk + per-file checks
  double parse_only_ms = 0;
  double analyse_ms = 0;
  /// The slowest project-wide checks and inventories of the analyse stage, slowest first (class name, ms).
  std::vector<std::pair<std::string, double>> slowest;
};

/// The result of a scan: the project model, each step's facts and the sorted, fingerprinted findings.
struct Analysis {
  model::Project project;
  std::vector<nlohmann::ordered_json> step_facts;  // one per step, in step order
  std::vector<core::Finding> findings;
  /// Findings that suppression comments silenced (not in `findings`).
  std::size_t suppressed = 0;
  StageTimes times;
};

/// One file analysed on its own: its facts, its per-file findings, and its syntax error if any.
struct SourceAnalysis {
  facts::Module module;
  std::vector<core::Finding> findings;
  std::optional<core::Problem> problem;
};

/// Analyses one Python file's text as if it sat at `path` in a repository (rule fixtures, tools).
SourceAnalysis analyse_source(std::string path, std::string text, const core::RuleSet& rules,
                              const core::Config& config = {});

/// Runs the whole pipeline. Fails only when the root cannot be scanned at all.
util::Result<Analysis> analyse(const ScanOptions& options, const core::RuleSet& rules);

/// Masks every secret in the strings that leave onramp: findings (message, flagged code, symbol, chain), problem
/// messages and every string of the step facts (core::mask_secrets). The pipeline calls it before fingerprints.
void mask_secrets(core::Finding& finding);
void mask_secrets(Analysis& analysis);

/// Gives each finding its fingerprint: rule, path, normalised code and the occurrence index of that triple.
void assign_fingerprints(std::vector<core::Finding>& findings);

}  // namespace onramp::engine
