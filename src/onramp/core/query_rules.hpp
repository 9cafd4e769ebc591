#pragma once
// Rules whose match is a tree-sitter query: compiled once per process into one query (shared by every thread: a
// TSQuery is immutable, cursors are per call), so all of them are matched in a single query pass over a file's tree.
#include <functional>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include <tree_sitter/api.h>

#include "onramp/core/rules.hpp"
#include "onramp/util/result.hpp"

namespace onramp::core {

/// Compiles a query alone, so an error names its rule and the offset in the query text.
util::Status validate_query(const std::string& query);

/// Every query rule of a rule set as one compiled query, with predicates (#eq?, #match?, and their
/// #not- forms) evaluated here since the C library returns them unapplied.
class QueryBundle {
public:
  explicit QueryBundle(const RuleSet& rules);
  ~QueryBundle();
  /// The bundle of `rules`, compiled on first use and shared by every rule set with the same query rules at the
  /// same places (compiling the Python grammar's queries costs far more than matching them on one file).
  static std::shared_ptr<const QueryBundle> shared(const RuleSet& rules);
  QueryBundle(const QueryBundle&) = delete;
  QueryBundle& operator=(const QueryBundle&) = delete;
  bool empty() const { return query_ == nullptr; }
  static constexpr std::uint64_t kQueryBudgetBase = 50'000;
  static constexpr std::uint64_t kQueryBytesPerCallback = 2;
  /// Calls `on_match(rule, node)` for each `@finding` capture whose pattern's predicates hold; `rules` is the rule
  /// set the bundle was made for (or one with the same query rules at the same places).
  /// Returns false when the run stopped early (results may be incomplete): tree-sitter's match limit was exceeded,
  /// or the work budget (kQueryBudgetBase plus one progress callback, i.e. 100 cursor operations, per
  /// kQueryBytesPerCallback bytes of text) ran out: a backstop, deterministic unlike a clock; real files stay far
  /// below it.
  bool run(TSNode root, std::string_view text, const RuleSet& rules,
           const std::function<void(const Rule&, TSNode)>& on_match) const;

private:
  struct Predicate {
    bool negate = false;
    bool regex = false;
    std::uint32_t capture = 0;
    std::string literal;
    std::regex pattern;
  };
  TSQuery* query_ = nullptr;
  std::vector<std::size_t> rule_of_pattern_;  // index in RuleSet::all()
  std::vector<std::vector<Predicate>> predicates_;
  std::uint32_t finding_capture_ = UINT32_MAX;
};

}  // namespace onramp::core
