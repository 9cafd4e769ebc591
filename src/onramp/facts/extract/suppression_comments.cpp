#include "onramp/facts/extract/suppression_comments.hpp"

#include <algorithm>
#include <cstring>

#include "onramp/facts/suppressions.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::facts::extract {

namespace {

/// The last line of a compound statement's header: the line of the `:` before its body.
std::uint32_t header_end_row(TSNode node) {
  const std::uint32_t count = ts_node_child_count(node);
  for (std::uint32_t i = 0; i < count; ++i) {
    const TSNode child = ts_node_child(node, i);
    if (!ts_node_is_named(child) && std::strcmp(ts_node_type(child), ":") == 0) return ts_node_start_point(child).row;
  }
  return ts_node_start_point(node).row;
}

bool is_compound(const char* type) {
  for (const char* t : {"if_statement", "elif_clause", "for_statement", "while_statement", "with_statement",
                        "function_definition", "class_definition"}) {
    if (std::strcmp(type, t) == 0) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string_view> SuppressionCommentsExtractor::node_types() const {
  return {"comment",          "expression_statement",  "return_statement",
          "delete_statement", "raise_statement",       "assert_statement",
          "import_statement", "import_from_statement", "type_alias_statement",
          "if_statement",     "elif_clause",           "for_statement",
          "while_statement",  "with_statement",        "function_definition",
          "class_definition"};
}

void SuppressionCommentsExtractor::begin_file(FileContext& /*ctx*/) { multi_line_.clear(); }

void SuppressionCommentsExtractor::enter(TSNode node, FileContext& ctx) {
  const char* type = ts_node_type(node);
  if (std::strcmp(type, "comment") != 0) {
    const std::uint32_t first = ts_node_start_point(node).row + 1;
    const std::uint32_t last = (is_compound(type) ? header_end_row(node) : ts_node_end_point(node).row) + 1;
    if (last > first) {
      auto& end = multi_line_[first];
      end = std::max(end, last);
    }
    return;
  }
  const auto text = ctx.source.text_of(node);
  if (text.find(':') == std::string_view::npos) return;  // every directive has a colon
  const auto where = ctx.source.location(node);
  for (auto& d : facts::parse_suppression_comment(text)) {
    facts::Suppression s;
    s.kind = d.kind;
    s.rules = std::move(d.rules);
    s.first_line = s.last_line = where.line;
    s.text = std::string(text.substr(d.offset, d.length));
    const auto column = where.column + util::count_code_points(text.substr(0, d.offset));
    s.location = {where.line, column, where.line, column + util::count_code_points(s.text)};
    ctx.module.suppressions.push_back(std::move(s));
  }
}

void SuppressionCommentsExtractor::finish(FileContext& ctx) {
  // Known only after the walk: whether a comment's line starts a statement that goes on over more lines.
  for (auto& s : ctx.module.suppressions) {
    const auto it = multi_line_.find(s.first_line);
    if (it != multi_line_.end()) s.last_line = it->second;
  }
}

}  // namespace onramp::facts::extract
