#include "onramp/facts/suppressions.hpp"

#include <algorithm>

#include "onramp/util/strings.hpp"

namespace onramp::facts {

namespace {

using Kind = Suppression::Kind;

bool is_blank(char c) { return c == ' ' || c == '\t'; }

bool is_word_end(std::string_view s, std::size_t i) {
  return i >= s.size() || is_blank(s[i]) || s[i] == '[' || s[i] == '#' || s[i] == '\r' || s[i] == '\n';
}

std::size_t skip_blanks(std::string_view s, std::size_t i) {
  while (i < s.size() && is_blank(s[i])) ++i;
  return i;
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && util::to_lower(s.substr(0, prefix.size())) == prefix;
}

/// Reads `# onramp: ...` from just after `onramp:`; `start` is the offset of the `#`.
SuppressionDirective read_onramp(std::string_view c, std::size_t start, std::size_t i) {
  SuppressionDirective d;
  d.offset = start;
  i = skip_blanks(c, i);
  std::size_t keyword = 0;
  if (c.substr(i, 11) == "ignore-file" && is_word_end(c, i + 11)) {
    d.kind = Kind::file;
    keyword = 11;
  } else if (c.substr(i, 6) == "ignore" && is_word_end(c, i + 6)) {
    d.kind = Kind::line;
    keyword = 6;
  } else {
    // Anything else after `onramp:` is a typo of a directive: keep it to report it.
    const auto next = c.find('#', i);
    d.kind = Kind::invalid;
    d.length =
        util::trim(c.substr(start, next == std::string_view::npos ? std::string_view::npos : next - start)).size();
    return d;
  }
  i += keyword;
  d.length = i - start;
  const auto open = skip_blanks(c, i);
  if (open >= c.size() || c[open] != '[') return d;
  const auto close = c.find(']', open);
  if (close == std::string_view::npos) {
    d.kind = Kind::invalid;
    d.length = util::trim(c.substr(start)).size();
    return d;
  }
  for (auto part : util::split(c.substr(open + 1, close - open - 1), ',')) {
    for (auto word : util::split(util::trim(part), ' ')) {
      if (!util::trim(word).empty()) d.rules.emplace_back(util::trim(word));
    }
  }
  if (d.rules.empty()) d.kind = Kind::invalid;  // `ignore[]` names nothing
  d.length = close + 1 - start;
  return d;
}

/// Reads the codes of `# noqa: A100, B2` (ruff's syntax: letters then digits, separated by commas or spaces).
SuppressionDirective read_noqa(std::string_view c, std::size_t start, std::size_t i) {
  SuppressionDirective d;
  d.kind = Kind::noqa;
  d.offset = start;
  i = skip_blanks(c, i + 1);  // past ':'
  for (;;) {
    const std::size_t code_start = i;
    while (i < c.size() && c[i] >= 'A' && c[i] <= 'Z') ++i;
    const std::size_t letters = i - code_start;
    while (i < c.size() && c[i] >= '0' && c[i] <= '9') ++i;
    if (letters == 0 || i - code_start == letters) {
      i = code_start;
      break;
    }
    d.rules.emplace_back(c.substr(code_start, i - code_start));
    const std::size_t j = skip_blanks(c, i);
    if (j < c.size() && c[j] == ',') {
      i = skip_blanks(c, j + 1);
    } else if (j > i) {
      i = j;  // codes separated by spaces only
    } else {
      break;
    }
  }
  d.length = util::trim(c.substr(start, i - start)).size();
  return d;
}

}  // namespace

std::vector<SuppressionDirective> parse_suppression_comment(std::string_view c) {
  std::vector<SuppressionDirective> out;
  for (std::size_t hash = c.find('#'); hash != std::string_view::npos; hash = c.find('#', hash + 1)) {
    const std::size_t i = skip_blanks(c, hash + 1);
    const auto rest = c.substr(i);
    if (rest.substr(0, 7) == "onramp:") {
      out.push_back(read_onramp(c, hash, i + 7));
    } else if (starts_with_nocase(rest, "noqa") && i + 4 < c.size() && c[i + 4] == ':') {
      auto d = read_noqa(c, hash, i + 4);
      if (!d.rules.empty()) out.push_back(std::move(d));
    }
  }
  return out;
}

}  // namespace onramp::facts
