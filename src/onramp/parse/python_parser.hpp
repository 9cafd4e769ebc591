#pragma once
// Parses Python with tree-sitter: one parser per thread, one tree per file.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <tree_sitter/api.h>

#include "onramp/core/finding.hpp"

extern "C" const TSLanguage* tree_sitter_python(void);

namespace onramp::parse {

struct TreeDeleter {
  void operator()(TSTree* t) const { ts_tree_delete(t); }
};
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;

/// The first syntax error tree-sitter recovered from, for the parse-error list.
struct SyntaxError {
  core::Location location;
  std::string message;
};

/// A reusable parser; not thread-safe, so each worker thread owns one.
class PythonParser {
public:
  PythonParser();
  ~PythonParser();
  PythonParser(const PythonParser&) = delete;
  PythonParser& operator=(const PythonParser&) = delete;
  /// Parses `text`; null if tree-sitter gave up (it recovers from syntax errors) or the parse went over its budget
  /// (budget_exceeded() then tells).
  TreePtr parse(std::string_view text) { return parse(text, budget_for(text.size())); }
  TreePtr parse(std::string_view text, std::uint64_t budget);
  /// Whether the last parse was stopped by the work budget rather than finished.
  bool budget_exceeded() const { return budget_exceeded_; }

  /// The parse budget, in tree-sitter progress callbacks (one per 100 parser operations, so it is deterministic,
  /// unlike a clock): kParseBudgetBase plus one per kParseBytesPerCallback bytes of text. Real code takes at most
  /// one callback per 70 bytes (12,249 files over 1 KB in 13 public backends), bracket and token soups one per 33.
  static constexpr std::uint64_t kParseBudgetBase = 20'000;
  static constexpr std::uint64_t kParseBytesPerCallback = 4;
  static std::uint64_t budget_for(std::size_t bytes) { return kParseBudgetBase + bytes / kParseBytesPerCallback; }

private:
  TSParser* parser_;
  bool budget_exceeded_ = false;
};

}  // namespace onramp::parse
