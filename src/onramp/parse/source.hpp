#pragma once
// A file's text with its line table: converts tree-sitter byte positions into report positions.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

#include "onramp/core/finding.hpp"

namespace onramp::parse {

/// The text of one file and where its lines start.
class SourceText {
public:
  SourceText(std::string path, std::string text);
  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }
  /// The text of a 1-based line without its newline.
  std::string_view line(std::uint32_t line) const;
  /// The text a node spans.
  std::string_view text_of(TSNode node) const;
  /// A node's span: 1-based lines, columns in code points (as editors and ruff count them).
  core::Location location(TSNode node) const;
  /// A 1-based column in code points for a 0-based row and byte column.
  std::uint32_t column_of(std::uint32_t row, std::uint32_t byte_column) const;

private:
  std::string path_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;
};

}  // namespace onramp::parse
