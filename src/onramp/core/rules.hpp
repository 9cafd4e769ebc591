#pragma once
// Rules are data (rules/*.yaml): id, step, severity, documentation, and what they match.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "onramp/core/finding.hpp"
#include "onramp/util/result.hpp"

namespace onramp::core {

/// A rule's documentation, printed by `onramp explain` and carried into SARIF.
struct RuleDocs {
  std::string what;
  std::string why;
  std::string example;
  std::string fix;
};

/// What a data rule matches: qualified names resolved through imports, never source text.
struct RuleMatch {
  /// Qualified call names (`pdb.set_trace`, `builtins.breakpoint`); `mod.*` matches anything under `mod`;
  /// `{a,b}.get` in the YAML expands to `a.get` and `b.get` at load time.
  std::vector<std::string> calls;
  /// Module names whose import the rule reports (`pdb`, `ipdb`).
  std::vector<std::string> modules;
  /// A tree-sitter query over the Python tree; the node captured as `@finding` is reported.
  std::string query;
};

/// One rule.
struct Rule {
  std::string id;
  std::string step_key;
  /// 1-15; 0 for `check/...` rules, which belong to no step.
  int step = 0;
  Severity severity = Severity::warning;
  std::string summary;
  /// Optional message template for data-driven checks; `{name}` placeholders are filled by the check.
  std::string message;
  RuleDocs docs;
  RuleMatch match;
  /// Codes of peer tools (ruff) whose `# noqa` also silences this rule.
  std::vector<std::string> ruff;
  /// Where the rule came from (`rules/sandbox/debugger-call.yaml`, or a file of a team's --rules directory).
  std::string source;
  /// A team's rule (from --rules DIR) rather than a built-in one: its `match.calls` and `match.modules` are applied
  /// by the generic call-rules check, except `async/blocking-*` rules, which join the interprocedural blocking check.
  bool custom = false;
};

/// The prefix of rules that belong to no step (`check/unused-suppression`): step 0, reported only by `onramp check`.
inline constexpr std::string_view kCiRuleKey = "check";

/// True if a qualified name matches a pattern list entry (exact, or `prefix.*`).
bool qualified_name_matches(std::string_view pattern, std::string_view name);

/// The loaded rules, sorted by id; an explicit, immutable registry passed to whoever needs it.
class RuleSet {
public:
  /// The rules compiled into the binary.
  static util::Result<RuleSet> load_embedded();
  /// Parses one rule file; errors name the file and line.
  util::Status add(std::string_view source, std::string_view yaml_text, bool custom = false);
  /// Adds every `*.yaml` below `dir` (sorted by path) as a team's rules; `shown` is the directory as the user typed it.
  util::Status add_directory(const std::filesystem::path& dir, std::string_view shown);
  const Rule* find(std::string_view id) const;
  const std::vector<Rule>& all() const { return rules_; }

private:
  std::vector<Rule> rules_;
};

}  // namespace onramp::core
