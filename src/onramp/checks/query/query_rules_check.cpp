#include "onramp/checks/query/query_rules_check.hpp"

#include "onramp/util/strings.hpp"

namespace onramp::checks::query {

void QueryRulesCheck::check_module(FileContext& ctx) {
  if (ctx.tree == nullptr) return;
  // Compiled once per worker thread (a TSQuery is immutable, cursors are per call).
  if (compiled_for_ != &ctx.rules) {
    bundle_ = std::make_unique<core::QueryBundle>(ctx.rules);
    compiled_for_ = &ctx.rules;
  }
  if (bundle_->empty()) return;
  bundle_->run(ts_tree_root_node(ctx.tree), ctx.source.text(), [&](const core::Rule& rule, TSNode node) {
    auto text = util::collapse_whitespace(ctx.source.text_of(node));
    if (text.size() > 80) text = text.substr(0, 77) + "...";
    std::string message = rule.message.empty() ? rule.summary : rule.message;
    const auto pos = message.find("{text}");
    if (pos != std::string::npos) message.replace(pos, 6, text);
    ctx.report(rule.id, ctx.source.location(node), std::move(message), util::collapse_whitespace(ctx.source.text_of(node)));
  });
}

}  // namespace onramp::checks::query
