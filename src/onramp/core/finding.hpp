#pragma once
// What a check reports: a rule id, a place and a message. Checks never format output.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace onramp::core {

/// How much a finding matters; CI gates on it with --fail-on.
enum class Severity { info, warning, error };

std::string_view to_string(Severity s);
std::optional<Severity> severity_from_string(std::string_view s);

/// A 1-based span: lines, and columns counted in code points.
struct Location {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t end_line = 0;
  std::uint32_t end_column = 0;
};

/// One finding, as checks produce it and reporters render it.
struct Finding {
  std::string rule;
  int step = 0;
  Severity severity = Severity::warning;
  std::string path;
  Location location;
  std::string message;
  /// The flagged code with white space collapsed; feeds the fingerprint, never printed.
  std::string code;
  /// The definition the finding belongs to, relative to its module (`UserService.create`); empty when none.
  /// Reporters group findings by it (the text report folds many info findings per file).
  std::string symbol;
  /// For findings reached through helper functions: the qualified names from the entry point to the cause.
  std::vector<std::string> chain;
  /// Stable across moves: rule, path, code and the occurrence index of that triple (set by the pipeline).
  std::string fingerprint;
};

/// The order of findings in every report: path, line, column, rule.
bool finding_less(const Finding& a, const Finding& b);

}  // namespace onramp::core
