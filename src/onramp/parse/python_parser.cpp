#include "onramp/parse/python_parser.hpp"

namespace onramp::parse {

PythonParser::PythonParser() : parser_(ts_parser_new()) { ts_parser_set_language(parser_, tree_sitter_python()); }

PythonParser::~PythonParser() { ts_parser_delete(parser_); }

TreePtr PythonParser::parse(std::string_view text) {
  ts_parser_reset(parser_);
  return TreePtr(ts_parser_parse_string(parser_, nullptr, text.data(), static_cast<std::uint32_t>(text.size())));
}

}  // namespace onramp::parse
