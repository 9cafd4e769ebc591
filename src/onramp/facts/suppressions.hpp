#pragma once
// Suppression comments: how the directives are read from a comment during the walk.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "onramp/facts/module.hpp"

namespace onramp::facts {

/// One directive found in a comment's text.
struct SuppressionDirective {
  Suppression::Kind kind = Suppression::Kind::line;
  std::vector<std::string> rules;
  /// Byte offset of its `#` in the comment, and its length (through `]` or the keyword).
  std::size_t offset = 0;
  std::size_t length = 0;
};

/// Reads the directives in one comment (`# type: ignore  # onramp: ignore[a/b]` holds one). A bare `# noqa`
/// names no code, so it silences no onramp rule and is not returned; a malformed `# onramp:` comment is
/// returned as Kind::invalid so that it can be reported rather than silently ignored.
std::vector<SuppressionDirective> parse_suppression_comment(std::string_view comment);

}  // namespace onramp::facts
