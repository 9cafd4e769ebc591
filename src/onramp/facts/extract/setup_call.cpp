#include "onramp/facts/extract/setup_call.hpp"

#include <cstring>

#include "onramp/parse/ts.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::facts::extract {

namespace {

using parse::ts::field;
using parse::ts::is;

bool is_setup_py(std::string_view path) { return path == "setup.py" || path.ends_with("/setup.py"); }

/// A list or tuple of plain string literals -> one requirement per string; false when anything else is in it.
bool record_list(TSNode list, const std::string& group, DependencyScope scope, SetupCall& call, FileContext& ctx) {
  if (!is(list, "list") && !is(list, "tuple")) return false;
  std::vector<SetupRequirement> found;
  const std::uint32_t count = ts_node_named_child_count(list);
  for (std::uint32_t i = 0; i < count; ++i) {
    const TSNode item = ts_node_named_child(list, i);
    if (is(item, "comment")) continue;
    const auto text = util::string_literal(ctx.source.text_of(item));
    if (!text) return false;
    found.push_back({*text, group, scope, ctx.source.location(item)});
  }
  for (auto& r : found) call.requirements.push_back(std::move(r));
  return true;
}

void unread(TSNode at, std::string_view argument, std::string why, SetupCall& call, const FileContext& ctx) {
  call.unread.push_back({std::string(argument), std::move(why), ctx.source.location(at)});
}

}  // namespace

void SetupCallExtractor::enter(TSNode node, FileContext& ctx) {
  if (!is_setup_py(ctx.module.path)) return;
  const auto callee = ctx.source.text_of(field(node, "function"));
  if (callee != "setup" && callee != "setuptools.setup" && callee != "distutils.core.setup") return;
  SetupCall call;
  call.location = ctx.source.location(node);
  const TSNode args = field(node, "arguments");
  const std::uint32_t count = ts_node_named_child_count(args);
  for (std::uint32_t i = 0; i < count; ++i) {
    const TSNode arg = ts_node_named_child(args, i);
    if (is(arg, "dictionary_splat")) {
      unread(arg, ctx.source.text_of(arg), "passes arguments from a dictionary", call, ctx);
      continue;
    }
    if (!is(arg, "keyword_argument")) continue;
    const auto key = ctx.source.text_of(field(arg, "name"));
    const TSNode value = field(arg, "value");
    if (key == "install_requires" || key == "setup_requires" || key == "tests_require") {
      const std::string group = key == "install_requires" ? "main" : key == "setup_requires" ? "build" : "test";
      const auto scope = key == "install_requires" ? DependencyScope::main
                         : key == "setup_requires" ? DependencyScope::build
                                                   : DependencyScope::dev;
      if (!record_list(value, group, scope, call, ctx)) unread(value, key, "is not a literal list", call, ctx);
    } else if (key == "extras_require") {
      if (!is(value, "dictionary")) {
        unread(value, key, "is not a literal dict", call, ctx);
        continue;
      }
      const std::uint32_t n = ts_node_named_child_count(value);
      for (std::uint32_t j = 0; j < n; ++j) {
        const TSNode pair = ts_node_named_child(value, j);
        if (!is(pair, "pair")) continue;
        const auto extra = util::string_literal(ctx.source.text_of(field(pair, "key")));
        if (!extra || !record_list(field(pair, "value"), *extra, DependencyScope::extra, call, ctx)) {
          unread(pair, std::string(key) + "[" + std::string(ctx.source.text_of(field(pair, "key"))) + "]",
                 "is not a literal list", call, ctx);
        }
      }
    } else if (key == "python_requires") {
      if (auto v = util::string_literal(ctx.source.text_of(value))) {
        call.python_requires = std::move(*v);
        call.python_requires_location = ctx.source.location(value);
      } else {
        unread(value, key, "is not a string literal", call, ctx);
      }
    }
  }
  ctx.module.records.setup_calls.push_back(std::move(call));
}

}  // namespace onramp::facts::extract
