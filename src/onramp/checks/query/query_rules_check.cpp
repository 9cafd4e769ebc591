#include "onramp/checks/query/query_rules_check.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "onramp/core/selection.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::query {

std::vector<std::string> QueryRulesCheck::rule_ids(const core::RuleSet& rules) const {
  std::vector<std::string> ids;
  for (const auto& rule : rules.all()) {
    if (!rule.match.query.empty()) ids.push_back(rule.id);
  }
  return ids;
}

namespace {

/// The most children any ERROR node of the tree has. tree-sitter's query cursor steps over a node's later siblings at
/// each of its children, so on what error recovery leaves of 50,000 unclosed brackets (one ERROR node with 100,000
/// children) a query takes minutes. Only trees with errors are scanned, with a cursor, without recursion.
std::uint32_t widest_error_node(TSNode root) {
  if (!ts_node_has_error(root)) return 0;
  std::uint32_t widest = 0;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  for (bool more = true; more;) {
    const TSNode n = ts_tree_cursor_current_node(&cursor);
    if (ts_node_is_error(n)) widest = std::max(widest, ts_node_child_count(n));
    // Only subtrees that hold an error can hold an ERROR node.
    if (ts_node_has_error(n) && ts_tree_cursor_goto_first_child(&cursor)) continue;
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        more = false;
        break;
      }
    }
  }
  ts_tree_cursor_delete(&cursor);
  return widest;
}

/// Wider ERROR nodes than this skip the query rules (real files with syntax errors stay in the tens).
constexpr std::uint32_t kMaxErrorChildren = 5'000;

}  // namespace

void QueryRulesCheck::check_module(FileContext& ctx) {
  if (ctx.tree == nullptr) return;
  // Compiled once per process and rule set (a TSQuery is immutable, cursors are per call).
  if (compiled_for_ != &ctx.rules || !bundle_) {
    bundle_ = core::QueryBundle::shared(ctx.rules);
    compiled_for_ = &ctx.rules;
  }
  if (bundle_->empty()) return;
  if (const auto widest = widest_error_node(ts_tree_root_node(ctx.tree)); widest > kMaxErrorChildren) {
    ctx.incomplete = fmt::format(
        "the parser's error recovery left {} pieces in one place, too many for the query rules; they were not run",
        widest);
    return;
  }
  const bool complete =
      bundle_->run(ts_tree_root_node(ctx.tree), ctx.source.text(), ctx.rules, [&](const core::Rule& rule, TSNode node) {
        if (!core::rule_enabled(ctx.config, rule)) return;
        auto text = util::collapse_whitespace(ctx.source.text_of(node));
        if (text.size() > 80) text = text.substr(0, 77) + "...";
        auto message = core::fill_message(rule.message.empty() ? rule.summary : rule.message, {{"text", text}});
        ctx.report(rule.id, ctx.source.location(node), std::move(message),
                   util::collapse_whitespace(ctx.source.text_of(node)));
      });
  if (!complete)
    ctx.incomplete = "the query rules went over their work budget for a file of this size; some were not run";
}

}  // namespace onramp::checks::query
