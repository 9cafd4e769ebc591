#include "onramp/facts/extract/settings_strings.hpp"

#include <cstring>

#include "onramp/parse/ts.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::facts::extract {

namespace {

using parse::ts::field;
using parse::ts::is;

bool is_settings_name(std::string_view name) {
  if (name.size() < 3) return false;
  bool letter = false;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') letter = true;
    else if (c != '_' && (c < '0' || c > '9')) return false;
  }
  return letter;
}

constexpr std::size_t kMaxNodes = 2000;
constexpr std::size_t kMaxText = 8000;

}  // namespace

void SettingsStringsExtractor::enter(TSNode node, FileContext& ctx) {
  const TSNode left = field(node, "left");
  const TSNode right = field(node, "right");
  if (!is(left, "identifier") || ts_node_is_null(right) || !is_settings_name(ctx.source.text_of(left))) return;
  std::string value;
  std::vector<TSNode> stack{right};
  std::size_t visited = 0;
  while (!stack.empty() && visited++ < kMaxNodes && value.size() < kMaxText) {
    const TSNode n = stack.back();
    stack.pop_back();
    if (is(n, "string")) {
      if (auto s = util::string_literal(ctx.source.text_of(n))) {
        value += *s;
        value += ' ';
      }
      continue;
    }
    const std::uint32_t count = ts_node_named_child_count(n);
    for (std::uint32_t i = count; i-- > 0;) stack.push_back(ts_node_named_child(n, i));
  }
  if (value.empty()) return;
  ctx.module.records.settings_strings.push_back(
      {std::string(ctx.source.text_of(left)), std::move(value), ctx.source.location(left)});
}

}  // namespace onramp::facts::extract
