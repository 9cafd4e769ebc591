#pragma once
// Suppression comments: how they are read from a comment, and how they silence findings once all exist.
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "onramp/core/finding.hpp"
#include "onramp/core/rules.hpp"
#include "onramp/facts/module.hpp"

namespace onramp::core {

/// One directive found in a comment's text.
struct SuppressionDirective {
  facts::Suppression::Kind kind = facts::Suppression::Kind::line;
  std::vector<std::string> rules;
  /// Byte offset of its `#` in the comment, and its length (through `]` or the keyword).
  std::size_t offset = 0;
  std::size_t length = 0;
};

/// Reads the directives in one comment (`# type: ignore  # onramp: ignore[a/b]` holds one). A bare `# noqa`
/// names no code, so it silences no onramp rule and is not returned; a malformed `# onramp:` comment is
/// returned as Kind::invalid so that it can be reported rather than silently ignored.
std::vector<SuppressionDirective> parse_suppression_comment(std::string_view comment);

/// Drops the findings that a suppression comment in their module covers, and counts them in `suppressed`.
/// With `report_unused`, appends a check/unused-suppression finding for each `# onramp:` directive (or id in
/// it) that suppressed nothing; those get their fingerprints here. `findings` stay in their order.
void apply_suppressions(std::span<const facts::Module> modules, const RuleSet& rules, bool report_unused,
                        std::vector<Finding>& findings, std::size_t& suppressed);

}  // namespace onramp::core
