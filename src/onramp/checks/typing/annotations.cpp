#include "onramp/checks/typing/annotations.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace onramp::checks::typing {

namespace {

/// Nesting this deep is not a real annotation; stop rather than recurse further.
constexpr int kMaxDepth = 24;

/// A type expression, parsed from annotation text: enough structure for `Any` and ruff's ANN401.
struct TypeExpr {
  enum class Kind { name, subscript, union_of, string, list, none, other };
  Kind kind = Kind::other;
  /// name: the dotted name; subscript: its base's dotted name; string: the literal's content.
  std::string text;
  /// subscript: its arguments; union_of: its members; list: its items.
  std::vector<TypeExpr> items;
};

bool is_ident_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
bool is_ident_char(char c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }

/// Recursive descent over annotation text; tolerant: what it does not understand becomes `other`.
class Parser {
public:
  explicit Parser(std::string_view text) : s_(text) {}

  TypeExpr parse() { return union_expr(0); }

private:
  void skip_space() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r' || s_[pos_] == '\\'))
      ++pos_;
  }
  bool peek(char c) {
    skip_space();
    return pos_ < s_.size() && s_[pos_] == c;
  }

  TypeExpr union_expr(int depth) {
    TypeExpr first = primary(depth);
    if (!peek('|')) return first;
    TypeExpr u;
    u.kind = TypeExpr::Kind::union_of;
    u.items.push_back(std::move(first));
    while (peek('|')) {
      ++pos_;
      u.items.push_back(primary(depth));
    }
    return u;
  }

  /// Comma-separated expressions up to `close` (consumed).
  std::vector<TypeExpr> sequence(char close, int depth) {
    std::vector<TypeExpr> items;
    for (;;) {
      skip_space();
      if (pos_ >= s_.size()) return items;
      if (s_[pos_] == close) {
        ++pos_;
        return items;
      }
      if (s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      const auto before = pos_;
      items.push_back(union_expr(depth + 1));
      if (pos_ == before) ++pos_;  // always make progress on text we do not understand
    }
  }

  TypeExpr string_literal() {
    TypeExpr e;
    e.kind = TypeExpr::Kind::string;
    while (pos_ < s_.size() && s_[pos_] != '"' && s_[pos_] != '\'') ++pos_;  // string prefix letters
    if (pos_ >= s_.size()) return e;
    const char q = s_[pos_];
    const bool triple = s_.substr(pos_, 3) == std::string(3, q);
    pos_ += triple ? 3 : 1;
    while (pos_ < s_.size()) {
      if (s_[pos_] == '\\' && pos_ + 1 < s_.size()) {
        e.text += s_[pos_ + 1];
        pos_ += 2;
        continue;
      }
      if (triple ? s_.substr(pos_, 3) == std::string(3, q) : s_[pos_] == q) {
        pos_ += triple ? 3 : 1;
        return e;
      }
      e.text += s_[pos_++];
    }
    return e;
  }

  TypeExpr primary(int depth) {
    skip_space();
    TypeExpr e;
    if (pos_ >= s_.size() || depth > kMaxDepth) {
      pos_ = s_.size();
      return e;
    }
    const char c = s_[pos_];
    if (c == '(') {
      ++pos_;
      auto items = sequence(')', depth);
      if (items.size() == 1) return std::move(items.front());
      e.kind = TypeExpr::Kind::list;
      e.items = std::move(items);
      return e;
    }
    if (c == '[') {
      ++pos_;
      e.kind = TypeExpr::Kind::list;
      e.items = sequence(']', depth);
      return e;
    }
    // A string, possibly with a prefix (r"...", b'...').
    std::size_t p = pos_;
    while (p < s_.size() && p - pos_ < 3 && std::string_view("rRbBuUfF").find(s_[p]) != std::string_view::npos) ++p;
    if (p < s_.size() && (s_[p] == '"' || s_[p] == '\'')) return string_literal();
    if (is_ident_start(c)) {
      e.kind = TypeExpr::Kind::name;
      for (;;) {
        while (pos_ < s_.size() && is_ident_char(s_[pos_])) e.text += s_[pos_++];
        skip_space();
        if (pos_ + 1 < s_.size() && s_[pos_] == '.' && is_ident_start(s_[pos_ + 1])) {
          e.text += s_[pos_++];
          continue;
        }
        break;
      }
      if (e.text == "None") e.kind = TypeExpr::Kind::none;
      while (peek('[')) {
        ++pos_;
        TypeExpr sub;
        sub.kind = TypeExpr::Kind::subscript;
        sub.text = e.kind == TypeExpr::Kind::subscript ? std::string{} : e.text;
        sub.items = sequence(']', depth);
        e = std::move(sub);
      }
      return e;
    }
    ++pos_;  // an operator, a number, `...`: nothing to resolve
    while (pos_ < s_.size() && is_ident_char(s_[pos_])) ++pos_;
    return e;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

TypeExpr parse(std::string_view text) { return Parser(text).parse(); }

bool names(const NameResolver& r, const std::string& written, std::string_view typing_name) {
  return !written.empty() && is_typing_name(r.resolve(written), typing_name);
}

int count_any_in(const TypeExpr& e, const NameResolver& r, int depth) {
  if (depth > kMaxDepth) return 0;
  switch (e.kind) {
    case TypeExpr::Kind::name: return names(r, e.text, "Any") ? 1 : 0;
    case TypeExpr::Kind::string: return count_any_in(parse(e.text), r, depth + 1);
    case TypeExpr::Kind::subscript: {
      if (names(r, e.text, "Literal")) return 0;
      const bool annotated = names(r, e.text, "Annotated");
      int n = 0;
      for (std::size_t i = 0; i < e.items.size() && (!annotated || i == 0); ++i)
        n += count_any_in(e.items[i], r, depth + 1);
      return n;
    }
    case TypeExpr::Kind::union_of:
    case TypeExpr::Kind::list: {
      int n = 0;
      for (const auto& item : e.items) n += count_any_in(item, r, depth + 1);
      return n;
    }
    case TypeExpr::Kind::none:
    case TypeExpr::Kind::other: return 0;
  }
  return 0;
}

/// ruff's TypingTarget, reduced to what ANN401 needs.
enum class Target { any, bare_optional, optional, union_of, annotated, forward_reference, other };

Target target_of(const TypeExpr& e, const NameResolver& r) {
  switch (e.kind) {
    case TypeExpr::Kind::subscript:
      if (names(r, e.text, "Optional")) return Target::optional;
      if (names(r, e.text, "Union")) return Target::union_of;
      if (names(r, e.text, "Annotated")) return Target::annotated;
      return Target::other;
    case TypeExpr::Kind::union_of: return Target::union_of;
    case TypeExpr::Kind::string: return Target::forward_reference;
    case TypeExpr::Kind::name:
      if (names(r, e.text, "Any")) return Target::any;
      if (names(r, e.text, "Optional")) return Target::bare_optional;
      return Target::other;
    default: return Target::other;
  }
}

bool contains_any(const TypeExpr& e, const NameResolver& r, int depth) {
  if (depth > kMaxDepth) return false;
  switch (target_of(e, r)) {
    case Target::any: return true;
    case Target::union_of:
      return std::any_of(e.items.begin(), e.items.end(),
                         [&](const TypeExpr& m) { return contains_any(m, r, depth + 1); });
    case Target::optional:
    case Target::annotated: return !e.items.empty() && contains_any(e.items.front(), r, depth + 1);
    case Target::forward_reference: {
      const auto inner = parse(e.text);
      return inner.kind != TypeExpr::Kind::string && contains_any(inner, r, depth + 1);
    }
    case Target::bare_optional:
    case Target::other: return false;
  }
  return false;
}

/// ruff's type_hint_resolves_to_any: Any at the top, a bare Optional, or a union-like containing Any.
bool resolves_to_any_expr(const TypeExpr& e, const NameResolver& r, int depth) {
  if (depth > kMaxDepth) return false;
  switch (target_of(e, r)) {
    case Target::any:
    case Target::bare_optional: return true;
    case Target::annotated: return !e.items.empty() && resolves_to_any_expr(e.items.front(), r, depth + 1);
    default: return contains_any(e, r, depth);
  }
}

}  // namespace

std::string NameResolver::resolve(std::string_view dotted) const {
  const auto dot = dotted.find('.');
  const std::string root(dotted.substr(0, dot));
  const std::string rest = dot == std::string_view::npos ? std::string{} : std::string(dotted.substr(dot));
  const auto& globals = module_.globals;
  const auto it = std::lower_bound(globals.begin(), globals.end(), root,
                                   [](const facts::Global& g, const std::string& n) { return g.name < n; });
  if (it != globals.end() && it->name == root) return it->target + rest;
  // Imports inside functions are not module globals; annotations of nested defs may use them.
  for (auto imp = module_.imports.rbegin(); imp != module_.imports.rend(); ++imp) {
    if (imp->nested && imp->bound == root) return imp->target + rest;
  }
  return {};
}

bool is_typing_name(std::string_view qualified, std::string_view name) {
  for (std::string_view module : {"typing.", "typing_extensions."}) {
    if (qualified.size() == module.size() + name.size() && qualified.starts_with(module) && qualified.ends_with(name))
      return true;
  }
  return false;
}

int count_any(std::string_view annotation, const NameResolver& names) {
  return annotation.empty() ? 0 : count_any_in(parse(annotation), names, 0);
}

bool resolves_to_any(std::string_view annotation, const NameResolver& names) {
  return !annotation.empty() && resolves_to_any_expr(parse(annotation), names, 0);
}

int implicit_parameter(const facts::Function& fn) {
  if (!fn.is_method || has_decorator(fn, "builtins.staticmethod")) return -1;
  for (std::size_t i = 0; i < fn.parameters.size(); ++i) {
    const auto kind = fn.parameters[i].kind;
    if (kind == facts::Parameter::Kind::positional || kind == facts::Parameter::Kind::keyword_only)
      return static_cast<int>(i);
  }
  return -1;
}

bool has_decorator(const facts::Function& fn, std::string_view qualified) {
  std::string_view alternative;
  std::string extension;
  if (qualified.starts_with("typing.")) {
    extension = "typing_extensions." + std::string(qualified.substr(7));
    alternative = extension;
  }
  return std::any_of(fn.decorators.begin(), fn.decorators.end(), [&](const std::string& d) {
    return d == qualified || (!alternative.empty() && d == alternative);
  });
}

bool is_private_name(std::string_view name) {
  const bool dunder = name.size() > 4 && name.starts_with("__") && name.ends_with("__");
  return name.starts_with("_") && !dunder;
}

bool is_overload_implementation(const facts::Module& module, std::size_t index) {
  if (index == 0 || index >= module.functions.size()) return false;
  const auto& fn = module.functions[index];
  const auto& prev = module.functions[index - 1];
  return prev.name == fn.name && prev.parent == fn.parent && prev.owner_class == fn.owner_class &&
         has_decorator(prev, "typing.overload") && !has_decorator(fn, "typing.overload");
}

void Coverage::add(const Coverage& other) {
  parameters_annotated += other.parameters_annotated;
  parameters_total += other.parameters_total;
  returns_annotated += other.returns_annotated;
  returns_total += other.returns_total;
}

double Coverage::percent() const {
  if (total() == 0) return 100.0;
  // Integer arithmetic, so the same counts give the same bytes on every machine.
  const std::uint64_t tenths = annotated() * 1000 / total();
  return static_cast<double>(tenths) / 10.0;
}

Coverage coverage_of(const facts::Function& fn) {
  Coverage c;
  const int skip = implicit_parameter(fn);
  for (std::size_t i = 0; i < fn.parameters.size(); ++i) {
    if (static_cast<int>(i) == skip) continue;
    ++c.parameters_total;
    if (!fn.parameters[i].annotation.empty()) ++c.parameters_annotated;
  }
  c.returns_total = 1;
  c.returns_annotated = fn.returns.empty() ? 0 : 1;
  return c;
}

std::string package_name(const facts::Module& module) {
  // A hidden directory (`.semgrep/rules/x.py`) gives a dotted name that starts with a dot: use the directory.
  if (!module.name.empty() && module.name.front() != '.') return module.name.substr(0, module.name.find('.'));
  const auto slash = module.path.find('/');
  if (slash != std::string::npos) return module.path.substr(0, slash);
  return module.path.ends_with(".py") ? module.path.substr(0, module.path.size() - 3) : module.path;
}

std::string local_name(const facts::Module& module, const facts::Function& fn) {
  if (!module.name.empty() && fn.qualname.size() > module.name.size() && fn.qualname.starts_with(module.name) &&
      fn.qualname[module.name.size()] == '.') {
    return fn.qualname.substr(module.name.size() + 1);
  }
  return fn.qualname;
}

}  // namespace onramp::checks::typing
