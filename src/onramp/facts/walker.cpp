#include "onramp/facts/walker.hpp"

#include <algorithm>
#include <string>

namespace onramp::facts {

Walker::Walker(const TSLanguage* language) : language_(language), by_symbol_(ts_language_symbol_count(language)) {}

void Walker::add(NodeVisitor& visitor) {
  const auto wanted = visitor.node_types();
  const auto count = ts_language_symbol_count(language_);
  // A type name can map to several symbols (aliases), so match every named symbol by name.
  for (TSSymbol sym = 0; sym < count; ++sym) {
    if (ts_language_symbol_type(language_, sym) != TSSymbolTypeRegular) continue;
    const std::string_view name = ts_language_symbol_name(language_, sym);
    if (std::find(wanted.begin(), wanted.end(), name) != wanted.end()) by_symbol_[sym].push_back(&visitor);
  }
}

void Walker::dispatch_enter(TSNode node, FileContext& ctx) {
  const TSSymbol sym = ts_node_symbol(node);
  if (sym >= by_symbol_.size()) return;
  for (auto* v : by_symbol_[sym]) v->enter(node, ctx);
}

void Walker::dispatch_leave(TSNode node, FileContext& ctx) {
  const TSSymbol sym = ts_node_symbol(node);
  if (sym >= by_symbol_.size()) return;
  const auto& visitors = by_symbol_[sym];
  for (auto it = visitors.rbegin(); it != visitors.rend(); ++it) (*it)->leave(node, ctx);
}

void Walker::walk(const TSTree* tree, FileContext& ctx) {
  TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree));
  path_.clear();
  cut_at_.reset();
  path_.push_back(ts_tree_cursor_current_node(&cursor));
  dispatch_enter(path_.back(), ctx);
  for (;;) {
    const bool too_deep = path_.size() >= kMaxDepth && ts_node_child_count(path_.back()) > 0;
    if (too_deep && !cut_at_) cut_at_ = path_.back();
    if (!too_deep && ts_tree_cursor_goto_first_child(&cursor)) {
      path_.push_back(ts_tree_cursor_current_node(&cursor));
      dispatch_enter(path_.back(), ctx);
      continue;
    }
    // No children: leave nodes until one has a next sibling.
    for (;;) {
      dispatch_leave(path_.back(), ctx);
      path_.pop_back();
      if (ts_tree_cursor_goto_next_sibling(&cursor)) {
        path_.push_back(ts_tree_cursor_current_node(&cursor));
        dispatch_enter(path_.back(), ctx);
        break;
      }
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        ts_tree_cursor_delete(&cursor);
        return;
      }
    }
  }
}

}  // namespace onramp::facts
