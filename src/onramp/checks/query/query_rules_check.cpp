#include "onramp/checks/query/query_rules_check.hpp"

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

void QueryRulesCheck::check_module(FileContext& ctx) {
  if (ctx.tree == nullptr) return;
  // Compiled once per worker thread (a TSQuery is immutable, cursors are per call).
  if (compiled_for_ != &ctx.rules) {
    bundle_ = std::make_unique<core::QueryBundle>(ctx.rules);
    compiled_for_ = &ctx.rules;
  }
  if (bundle_->empty()) return;
  bundle_->run(ts_tree_root_node(ctx.tree), ctx.source.text(), [&](const core::Rule& rule, TSNode node) {
    if (!core::rule_enabled(ctx.config, rule)) return;
    auto text = util::collapse_whitespace(ctx.source.text_of(node));
    if (text.size() > 80) text = text.substr(0, 77) + "...";
    auto message = core::fill_message(rule.message.empty() ? rule.summary : rule.message, {{"text", text}});
    ctx.report(rule.id, ctx.source.location(node), std::move(message),
               util::collapse_whitespace(ctx.source.text_of(node)));
  });
}

}  // namespace onramp::checks::query
