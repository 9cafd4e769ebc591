#include "onramp/facts/extract/alembic_revision.hpp"

#include <cstring>

#include "onramp/parse/ts.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::facts::extract {

namespace {

using parse::ts::field;
using parse::ts::is;

}  // namespace

void AlembicRevisionExtractor::enter(TSNode node, FileContext& ctx) {
  const TSNode left = field(node, "left");
  if (!is(left, "identifier")) return;
  const auto name = ctx.source.text_of(left);
  if (name != "revision" && name != "down_revision") return;
  const TSNode stmt = ts_node_parent(node);
  if (!is(stmt, "expression_statement") || !is(ts_node_parent(stmt), "module")) return;
  const TSNode right = field(node, "right");
  if (ts_node_is_null(right)) return;
  // `down_revision = ("a", "b")` for a merge revision; None: a root revision.
  std::vector<std::string> ids;
  if (auto s = util::string_literal(ctx.source.text_of(right))) {
    if (!s->empty()) ids.push_back(std::move(*s));
  } else if (is(right, "tuple") || is(right, "list")) {
    const std::uint32_t n = ts_node_named_child_count(right);
    for (std::uint32_t i = 0; i < n; ++i) {
      if (auto id = util::string_literal(ctx.source.text_of(ts_node_named_child(right, i))); id && !id->empty()) {
        ids.push_back(std::move(*id));
      }
    }
  } else if (!is(right, "none")) {
    return;
  }
  auto& rev = ctx.module.records.alembic;
  if (!rev) {
    rev.emplace();
    rev->location = ctx.source.location(node);
  }
  if (name == "revision") {
    if (!rev->declares_revision) rev->location = ctx.source.location(node);
    rev->declares_revision = true;
    rev->ids = std::move(ids);
  } else {
    rev->down_revisions = std::move(ids);
  }
}

}  // namespace onramp::facts::extract
