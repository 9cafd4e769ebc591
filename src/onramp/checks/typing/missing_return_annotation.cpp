#include "onramp/checks/typing/missing_return_annotation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

#include "onramp/checks/typing/annotations.hpp"
#include "onramp/model/roles.hpp"

namespace onramp::checks::typing {

namespace {

constexpr std::string_view kRule = "typing/missing-return-annotation";

/// Special methods whose return type the language fixes (the suggestion ruff's ANN204 fix makes).
constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kSpecialReturns = {{
    {"__bool__", "bool"},   {"__bytes__", "bytes"},  {"__complex__", "complex"}, {"__contains__", "bool"},
    {"__del__", "None"},    {"__delattr__", "None"}, {"__delete__", "None"},     {"__delitem__", "None"},
    {"__float__", "float"}, {"__format__", "str"},   {"__hash__", "int"},        {"__index__", "int"},
    {"__init__", "None"},   {"__int__", "int"},      {"__len__", "int"},         {"__length_hint__", "int"},
    {"__repr__", "str"},    {"__set__", "None"},     {"__setattr__", "None"},    {"__str__", "str"},
}};

std::string_view special_return(std::string_view name) {
  for (const auto& [method, type] : kSpecialReturns) {
    if (method == name) return type;
  }
  if (name == "__setitem__" || name == "__init_subclass__" || name == "__set_name__") return "None";
  return {};
}

bool is_dunder(std::string_view name) { return name.size() > 4 && name.starts_with("__") && name.ends_with("__"); }

}  // namespace

void MissingReturnAnnotationCheck::check_module(FileContext& ctx) {
  // Test code is measured in the coverage facts, not reported: pytest fixtures and test functions
  // are rarely annotated, and tens of thousands of such findings would bury those about the code that ships.
  if (ctx.rules.find(kRule) == nullptr || !model::rule_applies(kRule, ctx.module.role)) return;
  const auto& functions = ctx.module.functions;
  for (std::size_t i = 0; i < functions.size(); ++i) {
    const auto& fn = functions[i];
    if (!fn.returns.empty() || is_overload_implementation(ctx.module, i)) continue;
    std::string message;
    if (fn.is_method && has_decorator(fn, "builtins.classmethod")) {
      message = fmt::format("class method `{}` has no return annotation: callers cannot tell what it builds", fn.name);
    } else if (fn.is_method && has_decorator(fn, "builtins.staticmethod")) {
      message =
          fmt::format("static method `{}` has no return annotation: callers cannot tell what it returns", fn.name);
    } else if (fn.is_method && is_dunder(fn.name)) {
      const auto type = special_return(fn.name);
      message = type.empty() ? fmt::format("special method `{}` has no return annotation", fn.name)
                             : fmt::format("special method `{}` has no return annotation; add `-> {}`", fn.name, type);
    } else {
      const bool any_typed = std::any_of(fn.parameters.begin(), fn.parameters.end(),
                                         [](const facts::Parameter& p) { return !p.annotation.empty(); });
      message = fmt::format(
          "{} function `{}` has no return annotation: callers and the type checker cannot tell what it returns{}",
          fn.parent >= 0             ? "nested"
          : is_private_name(fn.name) ? "private"
                                     : "public",
          fn.name, any_typed ? "" : ", and mypy does not check the body of a def without any annotation");
    }
    const auto name = local_name(ctx.module, fn);
    ctx.report(kRule, fn.name_location, std::move(message), name + " ->", name);
  }
}

}  // namespace onramp::checks::typing
