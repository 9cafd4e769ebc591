#pragma once
// The counting rules of step 6, shared by its checks and its inventory so that findings and
// coverage numbers always agree: which parameters count, what is `Any`, what is public.
#include <cstdint>
#include <string>
#include <string_view>

#include "onramp/facts/module.hpp"

namespace onramp::checks::typing {

/// Resolves a dotted name written in a module (`t.Any`) to its qualified name (`typing.Any`) through the
/// module's top-level bindings, then through imports made inside functions; empty when unknown.
class NameResolver {
public:
  explicit NameResolver(const facts::Module& module) : module_(module) {}
  std::string resolve(std::string_view dotted) const;

private:
  const facts::Module& module_;
};

/// True for `typing.<name>` and `typing_extensions.<name>`.
bool is_typing_name(std::string_view qualified, std::string_view name);

/// How many names in an annotation resolve to `typing.Any`: anywhere in subscripts, unions and quoted
/// forward references, but not inside `Literal[...]` nor in the metadata of `Annotated[T, ...]`.
int count_any(std::string_view annotation, const NameResolver& names);

/// ruff's ANN401 test: the annotation is `Any`, a bare `Optional`, or an `Optional`/`Union`/`X | Y`/
/// `Annotated`/quoted annotation whose members resolve to `Any` (not `list[Any]` or `dict[str, Any]`).
bool resolves_to_any(std::string_view annotation, const NameResolver& names);

/// The index in `fn.parameters` of the implicit `self`/`cls` that nothing counts (-1 if none): the first
/// parameter that is not `*args`/`**kwargs` of a method (a def directly in a class body) that is not
/// decorated `@staticmethod` (ruff's flake8-annotations rule).
int implicit_parameter(const facts::Function& fn);

/// True if a decorator of `fn` resolves to `qualified` (`builtins.staticmethod`) or, for typing names
/// given as `typing.X`, to `typing_extensions.X`.
bool has_decorator(const facts::Function& fn, std::string_view qualified);

/// Private: the name starts with `_` and is not a dunder (`__init__`, `__call__` are public).
bool is_private_name(std::string_view name);

/// An `@overload` implementation: the def right after an `@typing.overload` def of the same name,
/// itself not an overload. ruff checks the overloads and skips the implementation.
bool is_overload_implementation(const facts::Module& module, std::size_t index);

/// Annotation counts of a set of functions.
struct Coverage {
  std::uint64_t parameters_annotated = 0;
  std::uint64_t parameters_total = 0;
  std::uint64_t returns_annotated = 0;
  std::uint64_t returns_total = 0;

  void add(const Coverage& other);
  std::uint64_t annotated() const { return parameters_annotated + returns_annotated; }
  std::uint64_t total() const { return parameters_total + returns_total; }
  /// annotated / total in percent, rounded down to one decimal (so 79.96 shows as 79.9, below 80);
  /// 100 when there is nothing to annotate.
  double percent() const;
};

/// One function's counts: each parameter but the implicit one, and one return per def.
Coverage coverage_of(const facts::Function& fn);

/// The top-level package of a module (`app` for `app.api.users`, `manage` for manage.py); for a file whose
/// path is not a module name (`.semgrep/rules/x.py`), the first directory of its path.
std::string package_name(const facts::Module& module);

/// The function's name relative to its module (`UserService.create`, `outer.<locals>.inner`).
std::string local_name(const facts::Module& module, const facts::Function& fn);

}  // namespace onramp::checks::typing
