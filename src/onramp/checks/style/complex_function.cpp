#include "onramp/checks/style/complex_function.hpp"

#include <fmt/format.h>

#include <cstring>

#include "onramp/checks/typing/annotations.hpp"
#include "onramp/model/roles.hpp"
#include "onramp/parse/ts.hpp"

namespace onramp::checks::style {

namespace {

constexpr std::string_view kRule = "style/complex-function";
/// Patterns nested deeper than this are not real code; treat them as refutable.
constexpr int kMaxPatternDepth = 16;

using parse::ts::is;

/// A capture pattern (`case x:`): a dotted_name of one identifier.
bool is_capture(TSNode n) { return is(n, "dotted_name") && ts_node_named_child_count(n) == 1; }

/// Irrefutable patterns match every subject: `_`, a capture, `P as x` with P irrefutable, and an
/// or-pattern with an irrefutable alternative (Python's definition, which ruff follows).
bool irrefutable(TSNode pattern, const FileContext& ctx, int depth) {
  if (depth > kMaxPatternDepth) return false;
  if (is(pattern, "case_pattern")) {
    if (ts_node_named_child_count(pattern) == 0) return ctx.source.text_of(pattern) == "_";
    return ts_node_named_child_count(pattern) == 1 && irrefutable(ts_node_named_child(pattern, 0), ctx, depth + 1);
  }
  if (is_capture(pattern)) return true;
  if (is(pattern, "as_pattern"))
    return ts_node_named_child_count(pattern) > 0 && irrefutable(ts_node_named_child(pattern, 0), ctx, depth + 1);
  if (is(pattern, "tuple_pattern") && ts_node_named_child_count(pattern) == 1) {
    // `(P)` groups a pattern; only `(P,)` is a sequence.
    auto text = ctx.source.text_of(pattern);
    while (!text.empty() && (text.back() == ')' || text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
    if (!text.ends_with(",")) return irrefutable(ts_node_named_child(pattern, 0), ctx, depth + 1);
  }
  if (is(pattern, "union_pattern")) {
    const std::uint32_t count = ts_node_child_count(pattern);
    for (std::uint32_t i = 0; i < count; ++i) {
      const TSNode alt = ts_node_child(pattern, i);
      if (!ts_node_is_named(alt) ? ctx.source.text_of(alt) == "_" : irrefutable(alt, ctx, depth + 1)) return true;
    }
  }
  return false;
}

/// `case P:` with no guard and an irrefutable P (a sequence `case a, b:` has several case_pattern children).
bool catch_all(TSNode case_clause, const FileContext& ctx) {
  if (!ts_node_is_null(ts_node_child_by_field_name(case_clause, "guard", 5))) return false;
  TSNode only{};
  int patterns = 0;
  const std::uint32_t count = ts_node_named_child_count(case_clause);
  for (std::uint32_t i = 0; i < count; ++i) {
    const TSNode c = ts_node_named_child(case_clause, i);
    if (is(c, "case_pattern")) {
      only = c;
      ++patterns;
    }
  }
  return patterns == 1 && irrefutable(only, ctx, 0);
}

/// Decision points a compound statement adds by itself (its nested statements are visited on their own).
int decisions(TSNode node, const FileContext& ctx) {
  const char* type = ts_node_type(node);
  int n = 0;
  if (std::strcmp(type, "if_statement") == 0) {
    n = 1;  // the `if`; each `elif` adds one more, `else` none
    const std::uint32_t count = ts_node_named_child_count(node);
    for (std::uint32_t i = 0; i < count; ++i) n += is(ts_node_named_child(node, i), "elif_clause") ? 1 : 0;
  } else if (std::strcmp(type, "for_statement") == 0 || std::strcmp(type, "while_statement") == 0) {
    n = 1;  // a loop's `else` adds nothing
  } else if (std::strcmp(type, "try_statement") == 0) {
    // Each handler, and the `else` of a try; `finally` adds nothing.
    const std::uint32_t count = ts_node_named_child_count(node);
    for (std::uint32_t i = 0; i < count; ++i) {
      const TSNode c = ts_node_named_child(node, i);
      n += is(c, "except_clause") || is(c, "except_group_clause") || is(c, "else_clause") ? 1 : 0;
    }
  } else if (std::strcmp(type, "match_statement") == 0) {
    // Each case, except a last catch-all (it is the match's `else`).
    const TSNode body = ts_node_child_by_field_name(node, "body", 4);
    const std::uint32_t count = ts_node_is_null(body) ? 0 : ts_node_named_child_count(body);
    TSNode last{};
    for (std::uint32_t i = 0; i < count; ++i) {
      const TSNode c = ts_node_named_child(body, i);
      if (!is(c, "case_clause")) continue;
      ++n;
      last = c;
    }
    if (n > 0 && catch_all(last, ctx)) --n;
  }
  return n;
}

}  // namespace

void ComplexFunctionCheck::begin_file(FileContext& /*ctx*/) { open_.clear(); }

void ComplexFunctionCheck::add(int points, FileContext& ctx) {
  // ruff counts a nested def's decisions in every enclosing def as well as in the nested one.
  for (const auto index : open_) ctx.module.functions[index].complexity += points;
}

void ComplexFunctionCheck::enter(TSNode node, FileContext& ctx) {
  if (std::strcmp(ts_node_type(node), "function_definition") == 0) {
    add(1, ctx);
    // The fact collector runs first and has just appended this def.
    const std::size_t index = ctx.module.functions.size() - 1;
    ctx.module.functions[index].complexity = 1;
    open_.push_back(index);
    return;
  }
  if (!open_.empty()) add(decisions(node, ctx), ctx);
}

void ComplexFunctionCheck::leave(TSNode node, FileContext& /*ctx*/) {
  if (std::strcmp(ts_node_type(node), "function_definition") == 0 && !open_.empty()) open_.pop_back();
}

void ComplexFunctionCheck::check_module(FileContext& ctx) {
  // Applied migrations are history and tests are not refactored for readers: their size is not a finding.
  if (!model::rule_applies("style/complex-function", ctx.module.role)) return;
  const int limit = ctx.config.thresholds.max_complexity;
  for (const auto& fn : ctx.module.functions) {
    if (fn.complexity <= limit) continue;
    const auto name = typing::local_name(ctx.module, fn);
    ctx.report(
        kRule, fn.name_location,
        fmt::format("`{}` has cyclomatic complexity {} (more than {}): {} independent paths to understand and to "
                    "test; split it into smaller functions",
                    fn.name, fn.complexity, limit, fn.complexity),
        "def " + name, name);
  }
}

}  // namespace onramp::checks::style
