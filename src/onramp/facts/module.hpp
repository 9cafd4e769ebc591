#pragma once
// The project model for one Python module: what later stages analyse instead of trees.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "onramp/core/finding.hpp"
#include "onramp/core/roles.hpp"
#include "onramp/facts/records.hpp"

namespace onramp::facts {

/// One imported name as bound in a scope.
struct Import {
  /// The absolute module imported from (`os.path`; `app.core` for `from ..core import x` in `app.api.deps`).
  std::string module;
  /// For `from m import n`: `n`; empty for `import m`.
  std::string name;
  /// The local name it binds (`r` for `import requests as r`, `os` for `import os.path`).
  std::string bound;
  /// What the bound name refers to (`requests`, `os`, `time.sleep`).
  std::string target;
  /// Dots of a relative import (0 for absolute).
  std::uint32_t level = 0;
  bool star = false;
  /// Under `if TYPE_CHECKING:`: never executed at run time.
  bool type_checking = false;
  /// In a `try:` whose handler catches ImportError: optional at run time.
  bool guarded = false;
  /// Inside a function or class body rather than at module level.
  bool nested = false;
  core::Location location;
};

/// A function parameter with its annotation text as written.
struct Parameter {
  enum class Kind { positional, variadic, keyword_variadic, keyword_only };
  std::string name;
  std::string annotation;
  bool has_default = false;
  Kind kind = Kind::positional;
  /// The parameter's name as written (without `*`/`**`), where findings about it point.
  core::Location location;
};

/// A function or method definition.
struct Function {
  std::string name;
  /// `module.Class.method`; nested functions use `outer.<locals>.inner` like Python's __qualname__.
  std::string qualname;
  bool is_async = false;
  bool is_method = false;
  /// Decorators as resolved qualified names (the callee for `@router.get("/")`).
  std::vector<std::string> decorators;
  /// `decorators` with re-exports of other modules followed (facts::index_project), one per decorator.
  std::vector<std::string> canonical_decorators;
  std::vector<Parameter> parameters;
  std::string returns;
  /// The `def` line through the end of the body.
  core::Location location;
  /// The function's name, where findings about the whole function point (as ruff does).
  core::Location name_location;
  /// Cyclomatic complexity as mccabe and ruff's C901 count it; filled during the walk by style/complex-function.
  int complexity = 1;
  /// Enclosing function (nested defs) or -1.
  int parent = -1;
  /// Enclosing class or -1.
  int owner_class = -1;
};

/// One argument of a call or decorator as written.
struct Argument {
  /// The keyword (`queue` in `queue="q"`); empty for a positional argument; `*` or `**` for an unpacked one.
  std::string name;
  /// The value as written, white space collapsed and cut at 200 characters.
  std::string value;
  /// The value of a plain string literal (no interpolation), implicitly concatenated ones too.
  std::optional<std::string> literal;
  /// When the value is a name or an attribute (`User`, `models.CASCADE`): its resolved qualified name
  /// (`app.users.models.User`, `django.db.models.CASCADE`). Set for class keywords and class attributes' arguments.
  /// For the arguments of calls and decorators, resolved as a symbol: a module-level variable kept as itself
  /// (`app.api.routes.items.router` for `items.router`, `app.urls.api_patterns`), imports followed, `callee()` for a
  /// call value (`app.views.UserView.as_view()`); empty otherwise or when it does not resolve.
  std::string resolved;
  /// The value's place.
  core::Location location;
};

/// A class definition.
struct Class {
  std::string name;
  std::string qualname;
  /// Base classes as resolved qualified names.
  std::vector<std::string> bases;
  /// `bases` with re-exports of other modules followed (facts::index_project), one per base.
  std::vector<std::string> canonical_bases;
  std::vector<std::string> decorators;
  /// Keyword arguments of the class statement (`table=True` in `class Hero(SQLModel, table=True)`, `metaclass=`).
  std::vector<Argument> keywords;
  /// The first paragraph of the class's docstring, white space collapsed and cut at 300 characters; empty when none.
  std::string docstring;
  core::Location location;
};

/// A decorator of a function or class, in source order.
struct Decorator {
  /// The resolved qualified name of the decorator, or of its callee when it is a call (`fastapi.APIRouter().get`).
  std::string name;
  /// As written, without `@` and arguments (`router.get`).
  std::string written;
  /// `@d(...)` rather than `@d`.
  bool is_call = false;
  /// The call's arguments, positional and keyword, in order.
  std::vector<Argument> arguments;
  /// The object a decorator method belongs to, resolved as Argument::resolved (`app.api.routes.items.router` for
  /// `@router.get`), empty for a plain name.
  std::string receiver;
  /// Index into Module::functions, or -1 when it decorates a class.
  int function = -1;
  /// Index into Module::classes, or -1 when it decorates a function.
  int klass = -1;
  core::Location location;
};

/// An assignment or annotated attribute directly in a class body: `id = Column(Integer)`, `name: str = "x"`,
/// `items: Mapped[list[Item]] = relationship()`.
struct ClassAttribute {
  /// Index into Module::classes.
  int klass = -1;
  std::string name;
  /// The annotation as written, white space collapsed and cut at 200 characters; empty when none.
  std::string annotation;
  /// The right-hand side as written, collapsed and cut; empty for an annotation without a value.
  std::string value;
  /// The value of a plain string literal on the right.
  std::optional<std::string> literal;
  /// When the value is a call: its resolved callee (empty when unknown) and its arguments.
  bool is_call = false;
  std::string callee;
  std::vector<Argument> arguments;
  /// The calls written in the value, outermost first, as indices into Module::calls: `mapped_column(...)` then
  /// the `ForeignKey("users.id")` inside it.
  std::vector<std::uint32_t> calls;
  /// The attribute's name, where findings about it point.
  core::Location location;
};

/// An `except` clause.
struct ExceptHandler {
  /// The caught types as resolved qualified names (`builtins.ValueError`, `requests.RequestException`), or as
  /// written when they do not resolve; empty for a bare `except:`.
  std::vector<std::string> caught;
  /// `except ValueError, KeyError` as written (collapsed, cut at 60), or `except:`, for messages.
  std::string written;
  /// The name bound by `as`, empty when none.
  std::string alias;
  /// Bare, or catches Exception or BaseException.
  bool broad = false;
  /// Its body raises, or returns (in the same function).
  bool reraises = false;
  bool returns = false;
  /// Its body reads the bound exception, makes a call, or makes a call named like a log method.
  bool uses_alias = false;
  bool calls = false;
  bool logs = false;
  /// Its body only passes, continues, breaks or assigns constants.
  bool trivial = false;
  /// Its try body only imports (an optional dependency).
  bool optional_import = false;
  /// Innermost enclosing function or -1.
  int function = -1;
  /// The whole clause.
  core::Location location;
};

/// One call expression with its callee resolved through the module's imports and scopes.
struct Call {
  /// The qualified name (`requests.get`, `builtins.breakpoint`, `app.services.users.load`);
  /// `Q().m` when the receiver is a variable built by calling `Q`; empty when unknown.
  std::string callee;
  /// `callee` with other modules' imports and module-level values followed (`app.debug.set_trace` where app/debug.py
  /// does `from pdb import set_trace` is `pdb.set_trace`), set once every module is parsed (facts::index_project);
  /// empty when it is `callee` itself. Read it through resolved().
  std::string canonical;
  /// The callee as written (`r.get`), for messages.
  std::string written;
  /// The whole call, white space collapsed and cut at 200 characters (fingerprints).
  std::string code;
  /// The argument list without its parentheses, white space collapsed and cut at 200 characters.
  std::string args;
  /// The keyword arguments (and `**` unpackings, named `**`) in order.
  std::vector<Argument> keywords;
  /// The first argument when it is positional and a plain string literal (`ForeignKey("users.id")`, `Table("tags", ...)`).
  std::optional<std::string> first_literal;
  /// The positional arguments (and `*` unpackings, named `*`) in order.
  std::vector<Argument> positional;
  /// The object the method is called on, resolved as Argument::resolved (`app.main.app` for `app.include_router(...)`);
  /// empty for a plain name.
  std::string receiver;
  /// At module level, the name whose assignment holds the call (`router` in `router = APIRouter()`, `urlpatterns` in
  /// `urlpatterns += [path(...)]`); empty elsewhere.
  std::string target;
  core::Location location;
  /// Innermost enclosing function or -1 at module or class level.
  int function = -1;
  bool awaited = false;
  /// Inside a lambda body: runs when the lambda is called, not when the enclosing function runs.
  bool in_lambda = false;
  /// Under an `if`/`else`/`try` inside its function (or module): runs only on some paths.
  bool conditional = false;
  /// False when the call is a statement of its own and its value is dropped.
  bool value_used = true;

  /// The name every check matches on: the callee with re-exports across modules followed.
  const std::string& resolved() const { return canonical.empty() ? callee : canonical; }
};

/// A module-level name and what it stands for, so other modules that import it can see through it:
/// `logger = logging.getLogger(__name__)` gives `logger` -> `logging.getLogger()`,
/// `from .users import load` in a package gives `load` -> `app.services.users.load`.
struct Global {
  std::string name;
  std::string target;
  core::Location location;
};

/// A suppression comment: `# onramp: ignore[ids]`, `# onramp: ignore`, `# onramp: ignore-file[ids]`, or ruff's
/// `# noqa: CODES`. Recorded during the walk; the pipeline applies them once every finding (cross-file ones too) exists.
struct Suppression {
  enum class Kind { line, file, noqa, invalid };
  Kind kind = Kind::line;
  /// Rule ids or step keys (onramp directives), ruff codes (noqa); empty: every rule.
  std::vector<std::string> rules;
  /// Lines it covers: its own, or the whole statement when written on a multi-line statement's first line.
  std::uint32_t first_line = 0;
  std::uint32_t last_line = 0;
  /// The directive as written, and where, for check/unused-suppression.
  std::string text;
  core::Location location;
};

/// Everything onramp knows about one Python file after its single walk.
struct Module {
  /// Path relative to the scanned root, `/` separators.
  std::string path;
  /// Dotted module name (`app.api.users`), derived from the path below its project root.
  std::string name;
  bool is_package_init = false;
  /// What the file is for, decided once by model::classify after the walk (before per-file checks run).
  core::CodeRole role = core::CodeRole::application;
  /// Has a module-level `if __name__ == "__main__":` block.
  bool main_guard = false;
  std::uint32_t lines = 0;
  std::vector<Import> imports;
  std::vector<Function> functions;
  std::vector<Class> classes;
  std::vector<Call> calls;
  /// Module-level names bound to imports or to values onramp could resolve, sorted by name.
  std::vector<Global> globals;
  /// `# type: ignore` comments, and how many of them name error codes (`# type: ignore[attr-defined]`).
  std::uint32_t type_ignores = 0;
  std::uint32_t type_ignores_with_codes = 0;
  /// Decorators, class-body attributes and except clauses, in source order.
  std::vector<Decorator> decorators;
  std::vector<ClassAttribute> class_attributes;
  std::vector<ExceptHandler> handlers;
  /// Domain records the extractors (facts/extract) take from the walk.
  Records records;
  /// Suppression comments in source order (filled by facts/extract/suppression_comments).
  std::vector<Suppression> suppressions;
};

}  // namespace onramp::facts
