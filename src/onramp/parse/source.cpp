#include "onramp/parse/source.hpp"

#include <algorithm>

#include "onramp/util/strings.hpp"

namespace onramp::parse {

SourceText::SourceText(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n' && i + 1 < text_.size()) line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
  }
  if (text_.empty()) line_starts_.clear();
}

std::string_view SourceText::line(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const std::size_t start = line_starts_[line - 1];
  std::size_t end = line < line_starts_.size() ? line_starts_[line] - 1 : text_.size();
  if (end > start && text_[end - 1] == '\n') --end;
  if (end > start && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(start, end - start);
}

std::string_view SourceText::text_of(TSNode node) const {
  const auto start = std::min<std::size_t>(ts_node_start_byte(node), text_.size());
  const auto end = std::min<std::size_t>(ts_node_end_byte(node), text_.size());
  return std::string_view(text_).substr(start, end - start);
}

std::uint32_t SourceText::column_of(std::uint32_t row, std::uint32_t byte_column) const {
  if (row >= line_starts_.size()) return byte_column + 1;
  const std::size_t start = line_starts_[row];
  const std::size_t len = std::min<std::size_t>(byte_column, text_.size() - start);
  return util::count_code_points(std::string_view(text_).substr(start, len)) + 1;
}

core::Location SourceText::location(TSNode node) const {
  const TSPoint s = ts_node_start_point(node);
  const TSPoint e = ts_node_end_point(node);
  return {s.row + 1, column_of(s.row, s.column), e.row + 1, column_of(e.row, e.column)};
}

}  // namespace onramp::parse
