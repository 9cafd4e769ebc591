#pragma once
// Rules are data (rules/*.yaml): id, step, severity, documentation, and what they match.
#include <filesystem>
#include <initializer_list>
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

/// One entry of a rule's `match.calls`.
struct CallPattern {
  /// A qualified call name (`pdb.set_trace`, `builtins.breakpoint`); `mod.*` matches anything under `mod`; `**` in the
  /// middle matches any run of dotted parts; `<base>` as the first part matches a class of the repository deriving
  /// from `base` (`<django.db.models.Model>.objects.get`).
  std::string name;
  /// Reported only where it runs on every path (not under an `if`/`else`/`try`): set-ups behind a setting are deliberate.
  bool unconditional = false;
  /// This entry's own message template; empty: the rule's.
  std::string message;
};

/// Where a call-list rule looks for its calls.
enum class CallScope {
  /// Every call of the module, lambdas and nested functions included.
  anywhere,
  /// Calls an `async def` makes in its own body (not in nested defs or lambdas it does not call).
  async_function,
};

/// What a data rule matches: qualified names resolved through imports, never source text.
struct RuleMatch {
  /// Call names; `{a,b}.get` in the YAML expands to `a.get` and `b.get` at load time.
  std::vector<CallPattern> calls;
  /// `within`: where the calls count.
  CallScope within = CallScope::anywhere;
  /// `interprocedural`: also report a call of a sync function of this repository that reaches a listed call
  /// through its helpers (the chain is shown), for rules `within: async-function`.
  bool interprocedural = false;
  /// `unused-result`: only calls whose value is dropped (a statement of its own, not awaited).
  bool unused_result = false;
  /// `skip-roles`: code roles (core::CodeRole names: test, script, tooling, ...) where the rule does not apply.
  std::vector<std::string> skip_roles;
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
  /// Optional message template; `{call}`, `{function}`, `{module}`, `{text}` placeholders are filled by
  /// core::fill_message.
  std::string message;
  RuleDocs docs;
  RuleMatch match;
  /// Codes of peer tools (ruff) whose `# noqa` also silences this rule.
  std::vector<std::string> ruff;
  /// Where the rule came from (`rules/sandbox/debugger-call.yaml`, or a file of a team's --rules directory).
  std::string source;
  /// A team's rule (from --rules DIR) rather than a built-in one.
  bool custom = false;
};

/// The prefix of rules that belong to no step (`check/unused-suppression`): step 0, reported only by `onramp check`.
inline constexpr std::string_view kCiRuleKey = "check";

/// The one message templater: `tmpl` with each `{key}` of `values` replaced by its value, in one pass (a value is never
/// expanded again); other braces stay as written.
std::string fill_message(std::string_view tmpl,
                         std::initializer_list<std::pair<std::string_view, std::string_view>> values);

/// The one finding builder: rule id, step and severity from the rule, the place and the words from the check.
Finding make_finding(const Rule& rule, std::string path, Location location, std::string message, std::string code);

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
