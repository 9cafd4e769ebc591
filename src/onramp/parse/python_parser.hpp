#pragma once
// Parses Python with tree-sitter: one parser per thread, one tree per file.
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
  /// Parses `text`; null only if tree-sitter gave up (it recovers from syntax errors).
  TreePtr parse(std::string_view text);

private:
  TSParser* parser_;
};

}  // namespace onramp::parse
