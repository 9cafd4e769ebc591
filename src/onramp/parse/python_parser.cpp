#include "onramp/parse/python_parser.hpp"

namespace onramp::parse {

PythonParser::PythonParser() : parser_(ts_parser_new()) { ts_parser_set_language(parser_, tree_sitter_python()); }

PythonParser::~PythonParser() { ts_parser_delete(parser_); }

namespace {

struct ParseRun {
  std::string_view text;
  std::uint64_t callbacks = 0;
  std::uint64_t budget = 0;
};

const char* read_text(void* payload, std::uint32_t offset, TSPoint /*point*/, std::uint32_t* length) {
  const auto& run = *static_cast<const ParseRun*>(payload);
  if (offset >= run.text.size()) {
    *length = 0;
    return "";
  }
  *length = static_cast<std::uint32_t>(run.text.size() - offset);
  return run.text.data() + offset;
}

bool over_budget(TSParseState* state) {
  auto& run = *static_cast<ParseRun*>(state->payload);
  return ++run.callbacks > run.budget;
}

}  // namespace

TreePtr PythonParser::parse(std::string_view text, std::uint64_t budget) {
  ts_parser_reset(parser_);
  ParseRun run{text, 0, budget};
  const TSInput input{&run, read_text, TSInputEncodingUTF8, nullptr};
  const TSParseOptions options{&run, over_budget};
  TreePtr tree(ts_parser_parse_with_options(parser_, nullptr, input, options));
  budget_exceeded_ = !tree && run.callbacks > run.budget;
  // A cancelled parse leaves state for resuming it; the next file starts afresh.
  if (!tree) ts_parser_reset(parser_);
  return tree;
}

}  // namespace onramp::parse
