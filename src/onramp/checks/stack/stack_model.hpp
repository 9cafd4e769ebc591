#pragma once
// What the stack checks and inventory share: every root's manifests, the modules each root owns, the names that are
// local to the repository, and which major line a root is on for a package.
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "onramp/checks/stack/knowledge_bases.hpp"
#include "onramp/core/rules.hpp"
#include "onramp/model/project.hpp"
#include "onramp/parse/manifests.hpp"

namespace onramp::checks::stack {

/// One project root with the Python modules it owns.
struct RootView {
  parse::RootManifest manifest;
  std::vector<const facts::Module*> modules;
  /// Every distribution declared for this root in any group, plus the workspace root's for a member.
  std::set<std::string, std::less<>> declared;
  /// Import names the declared distributions provide (packages.yaml, or guessed), and the declared distributions
  /// packages.yaml does not know (matched loosely on their names); computed once per root.
  std::set<std::string, std::less<>> declared_imports;
  std::vector<std::string> declared_unknown;
};

/// The repository as the stack step sees it.
struct StackModel {
  std::vector<RootView> roots;
  /// Top-level names that are the repository's own: first components of module names and of Python file paths.
  std::set<std::string, std::less<>> local_names;
  /// Words in non-Python files (Dockerfiles, compose, CI, Makefiles, INI/TOML/YAML tool configs, .env) and in string
  /// literals of UPPER_CASE settings, lower-cased: a package named there may be used without an import.
  std::set<std::string, std::less<>> config_words;
  /// Python files without `.py` and every directory holding one (`app/api/users`, `app/api`, `app`): a script's
  /// `import helpers` finds `helpers.py` beside it.
  std::set<std::string, std::less<>> python_paths;

  /// True if `top` (an import's first component) names a module or package of this repository as seen from `path`.
  bool is_local(std::string_view top, std::string_view path) const;
};

/// `with_config_words`: also read the words of config files and settings strings (only unused-dependency needs them).
/// Built once per project (and flag) and shared by the checks and the inventory that ask.
const StackModel& build_stack_model(const model::Project& project, bool with_config_words = false);

/// A project-wide finding of one of the stack rules (nothing when the rule is not loaded).
void add_finding(const core::RuleSet& rules, std::string_view rule_id, std::string path, std::uint32_t line,
                 std::string message, std::string code, std::vector<core::Finding>& out,
                 std::optional<core::Severity> severity = std::nullopt);

/// How a root is named in messages: `the project` for ".", else `backend/`.
std::string root_label(std::string_view root);

/// True if a distribution the root declares provides `module`.
bool provided_by_declared(std::string_view module, const RootView& root);

/// The distributions that would provide an import of `module` (from packages.yaml, else the module's own name).
std::vector<std::string> candidate_distributions(std::string_view module);

/// Which major line of `dist` a root is on (major-versions.yaml), and how onramp knows.
struct LineChoice {
  const MajorLine* line = nullptr;
  std::string version;  // the locked version, or the specifier as written
  std::string basis;    // locked, declared
  /// The specifier also admits versions on other lines (no lock to tell which one is installed).
  bool spans = false;
};
std::optional<LineChoice> major_line_of(const parse::RootManifest& root, std::string_view dist);

/// The version of `dist` a root is on, when it can be told: the locked one, else the lowest the specifier allows when
/// the specifier stays inside `line_spec` (used by version-style-mismatch, which must be sure).
std::optional<Release> known_version(const parse::RootManifest& root, std::string_view dist,
                                     std::string* basis = nullptr);

}  // namespace onramp::checks::stack
