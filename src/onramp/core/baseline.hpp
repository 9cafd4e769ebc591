#pragma once
// The baseline: today's findings, written down so that CI fails only on findings a change adds.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "onramp/core/finding.hpp"
#include "onramp/util/result.hpp"

namespace onramp::core {

/// One accepted finding, matched by fingerprint; the rest is there for the reviewer of the file.
struct BaselineEntry {
  std::string path;
  std::string rule;
  std::string fingerprint;
  std::string message;
};

/// The `.onramp-baseline.json` text (schema onramp/baseline@1): one entry per line, sorted by path, rule and
/// fingerprint, no line numbers, so that moving code changes nothing and a review diff shows only what changed.
std::string baseline_text(const std::vector<Finding>& findings);

/// Reads a baseline file's text; errors name the file and what is wrong.
util::Result<std::vector<BaselineEntry>> parse_baseline(std::string_view text, const std::string& display);

/// Findings split against a baseline.
struct BaselineSplit {
  /// Findings whose fingerprint the baseline does not hold, in their order.
  std::vector<Finding> fresh;
  std::size_t known = 0;
  /// Entries that match no finding any more (fixed, or edited into new findings): a new baseline drops them.
  std::size_t stale = 0;
};

/// Splits findings into new ones and those the baseline accepts; an entry accepts one finding: the one with its
/// fingerprint, else (the flagged statement edited) one of the same rule, file and message left unmatched.
BaselineSplit split_by_baseline(std::vector<Finding> findings, const std::vector<BaselineEntry>& baseline);

}  // namespace onramp::core
