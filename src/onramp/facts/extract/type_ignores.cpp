#include "onramp/facts/extract/type_ignores.hpp"

#include "onramp/util/strings.hpp"

namespace onramp::facts::extract {

namespace {

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::string_view skip_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

}  // namespace

int classify_type_ignore(std::string_view comment) {
  // Each `#`-separated part may carry it: `# noqa: E501  # type: ignore[arg-type]`.
  for (std::size_t hash = comment.find('#'); hash != std::string_view::npos; hash = comment.find('#', hash + 1)) {
    auto rest = skip_blanks(comment.substr(hash + 1));
    if (!rest.starts_with("type:")) continue;
    rest = skip_blanks(rest.substr(5));
    if (!rest.starts_with("ignore")) continue;
    rest.remove_prefix(6);
    if (!rest.empty() && is_word_char(rest.front())) continue;  // `# type: ignored` is not one
    if (rest.starts_with("[")) {
      const auto close = rest.find(']');
      if (close != std::string_view::npos && !util::trim(rest.substr(1, close - 1)).empty()) return 2;
    }
    return 1;
  }
  return 0;
}

void TypeIgnoreCounter::enter(TSNode node, FileContext& ctx) {
  const auto text = ctx.source.text_of(node);
  if (text.find("type:") == std::string_view::npos) return;
  const int kind = classify_type_ignore(text);
  if (kind == 0) return;
  ++ctx.module.type_ignores;
  if (kind == 2) ++ctx.module.type_ignores_with_codes;
}

}  // namespace onramp::facts::extract
