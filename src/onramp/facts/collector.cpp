#include "onramp/facts/collector.hpp"

#include <algorithm>
#include <cstring>
#include <optional>
#include <span>
#include <unordered_map>

#include "onramp/facts/builtins.hpp"
#include "onramp/facts/file_context.hpp"
#include "onramp/parse/ts.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::facts {

namespace {

constexpr int kMaxResolveDepth = 8;
constexpr int kMaxCallRootDepth = 4;
constexpr std::size_t kMaxCodeChars = 200;

using parse::ts::field;
using parse::ts::is;
using parse::ts::unwrap;

std::string text(TSNode n, const FileContext& ctx) { return std::string(ctx.source.text_of(n)); }

std::string dotted_text(TSNode n, const FileContext& ctx) {
  std::string out;
  for (char c : ctx.source.text_of(n)) {
    if (c != ' ' && c != '\t' && c != '\\' && c != '\n' && c != '\r') out += c;
  }
  return out;
}

/// The first kMaxCodeChars characters of `text` with white space collapsed. Only a prefix is collapsed, so that
/// nested calls do not each collapse the whole text below them.
std::string collapsed_prefix(std::string_view text) {
  auto code = util::collapse_whitespace(text.substr(0, kMaxCodeChars * 8));
  if (code.size() > kMaxCodeChars) code.resize(kMaxCodeChars);
  return code;
}

std::string code_of(TSNode n, const FileContext& ctx) { return collapsed_prefix(ctx.source.text_of(n)); }

/// Scans the ancestors of the node being visited from the innermost out, asking `decide(i)` about `anc[i]`
/// (the node below it being `anc[i + 1]`, or the visited node). The answer for the scan that starts above
/// `anc[i + 1]` is remembered under that node, so a later scan through it stops there.
template <class T, class Decide>
T scan_up(std::span<const TSNode> anc, std::unordered_map<const void*, T>& memo, T fallback, Decide decide) {
  std::vector<const void*> pending;
  std::optional<T> result;
  for (std::size_t i = anc.size(); i-- > 0;) {
    if (i + 1 < anc.size()) {
      const void* key = anc[i + 1].id;
      if (const auto it = memo.find(key); it != memo.end()) {
        result = it->second;
        break;
      }
      pending.push_back(key);
    }
    if ((result = decide(i))) break;
  }
  const T value = result.value_or(fallback);
  for (const void* key : pending) memo.emplace(key, value);
  return value;
}

/// Calls `fn(child)` for each child stored under field `name` (a field may repeat, as in imports).
template <class Fn>
void for_each_field(TSNode n, const char* name, Fn fn) {
  const std::uint32_t count = ts_node_child_count(n);
  for (std::uint32_t i = 0; i < count; ++i) {
    const char* f = ts_node_field_name_for_child(n, i);
    if (f != nullptr && std::strcmp(f, name) == 0) fn(ts_node_child(n, i));
  }
}

constexpr std::size_t kMaxArguments = 64;

/// The value of a string literal of at most kMaxCodeChars characters (longer ones are code, not names or options).
std::optional<std::string> literal_of(TSNode n, const FileContext& ctx) {
  n = unwrap(n);
  if (ts_node_end_byte(n) - ts_node_start_byte(n) > kMaxCodeChars + 8) return std::nullopt;
  if (is(n, "concatenated_string")) {
    // `r"^a/" r"b/$"`: the parts joined, when each is a plain literal.
    std::string joined;
    const std::uint32_t count = ts_node_named_child_count(n);
    for (std::uint32_t i = 0; i < count; ++i) {
      const TSNode part = ts_node_named_child(n, i);
      if (is(part, "comment")) continue;
      auto value = is(part, "string") ? util::string_literal(ctx.source.text_of(part)) : std::nullopt;
      if (!value) return std::nullopt;
      joined += *value;
    }
    return joined;
  }
  if (!is(n, "string")) return std::nullopt;
  return util::string_literal(ctx.source.text_of(n));
}

/// The arguments of an argument_list in order: the keyword ones (and `**` unpackings), or the positional ones (and
/// `*` unpackings), or all. `value_node` receives each argument's value node, in the same order.
enum class ArgumentsWanted { keywords, positional, all };
std::vector<Argument> arguments_of(TSNode list, ArgumentsWanted wanted, const FileContext& ctx,
                                   std::vector<TSNode>& value_nodes) {
  std::vector<Argument> out;
  if (!is(list, "argument_list")) return out;
  const std::uint32_t count = ts_node_named_child_count(list);
  for (std::uint32_t i = 0; i < count && out.size() < kMaxArguments; ++i) {
    const TSNode a = ts_node_named_child(list, i);
    if (is(a, "comment")) continue;
    const bool keyword = is(a, "keyword_argument") || is(a, "dictionary_splat");
    if ((wanted == ArgumentsWanted::keywords && !keyword) || (wanted == ArgumentsWanted::positional && keyword)) {
      continue;
    }
    Argument arg;
    TSNode value = a;
    if (is(a, "keyword_argument")) {
      arg.name = text(field(a, "name"), ctx);
      value = field(a, "value");
    } else if (is(a, "dictionary_splat") || is(a, "list_splat")) {
      arg.name = is(a, "dictionary_splat") ? "**" : "*";
      if (ts_node_named_child_count(a) == 1) value = ts_node_named_child(a, 0);
    }
    if (ts_node_is_null(value)) continue;
    arg.value = code_of(value, ctx);
    arg.literal = literal_of(value, ctx);
    arg.location = ctx.source.location(value);
    out.push_back(std::move(arg));
    value_nodes.push_back(value);
  }
  return out;
}

/// The first paragraph of a docstring literal (`"""Text.\n\n More."""` -> `Text.`), collapsed and cut.
std::string docstring_of(std::string_view literal) {
  while (!literal.empty() && std::strchr("rRuU", literal.front()) != nullptr) literal.remove_prefix(1);
  if (literal.empty() || (literal.front() != '"' && literal.front() != '\'')) return {};
  const std::size_t quotes = literal.size() >= 6 && literal.substr(0, 3) == std::string(3, literal.front()) ? 3 : 1;
  if (literal.size() < 2 * quotes) return {};
  auto body = literal.substr(quotes, literal.size() - 2 * quotes);
  while (!body.empty() &&
         (body.front() == '\n' || body.front() == ' ' || body.front() == '\t' || body.front() == '\r')) {
    body.remove_prefix(1);
  }
  // The first paragraph: up to a line holding only white space.
  std::size_t end = body.size();
  for (std::size_t pos = body.find('\n'); pos != std::string_view::npos; pos = body.find('\n', pos + 1)) {
    std::size_t next = pos + 1;
    while (next < body.size() && (body[next] == ' ' || body[next] == '\t' || body[next] == '\r')) ++next;
    if (next >= body.size() || body[next] == '\n') {
      end = pos;
      break;
    }
  }
  auto text = util::collapse_whitespace(body.substr(0, end));
  constexpr std::size_t kMaxDocstring = 300;
  if (text.size() > kMaxDocstring) {
    std::size_t cut = kMaxDocstring;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
    text = text.substr(0, cut) + "...";
  }
  return text;
}

/// `Exception`, `BaseException` (or `builtins.` either), alone or in a tuple.
bool is_broad_exception(TSNode n, const FileContext& ctx) {
  n = unwrap(n);
  if (is(n, "identifier") || is(n, "attribute")) {
    const auto t = dotted_text(n, ctx);
    return t == "Exception" || t == "BaseException" || t == "builtins.Exception" || t == "builtins.BaseException";
  }
  if (is(n, "tuple") || is(n, "expression_list")) {
    const std::uint32_t count = ts_node_named_child_count(n);
    for (std::uint32_t i = 0; i < count; ++i) {
      if (is_broad_exception(ts_node_named_child(n, i), ctx)) return true;
    }
  }
  return false;
}

/// A value that carries nothing of the failure: None, True/False, a number, a plain string, an empty collection.
bool is_constant(TSNode n) {
  n = unwrap(n);
  while (is(n, "unary_operator")) n = unwrap(field(n, "argument"));  // `-1`, `- - 1`: a loop, any depth
  if (is(n, "none") || is(n, "true") || is(n, "false") || is(n, "integer") || is(n, "float")) return true;
  if (is(n, "string")) {
    const std::uint32_t count = ts_node_named_child_count(n);
    for (std::uint32_t i = 0; i < count; ++i) {
      if (is(ts_node_named_child(n, i), "interpolation")) return false;
    }
    return true;
  }
  return (is(n, "list") || is(n, "dictionary") || is(n, "tuple") || is(n, "set")) && ts_node_named_child_count(n) == 0;
}

/// An except body that ignores the error: only pass, continue, break, `...`, strings and constant assignments.
bool is_trivial_body(TSNode block) {
  if (ts_node_is_null(block)) return false;
  const std::uint32_t count = ts_node_named_child_count(block);
  for (std::uint32_t i = 0; i < count; ++i) {
    const TSNode s = ts_node_named_child(block, i);
    if (is(s, "pass_statement") || is(s, "continue_statement") || is(s, "break_statement") || is(s, "comment"))
      continue;
    if (!is(s, "expression_statement") || ts_node_named_child_count(s) != 1) return false;
    const TSNode e = ts_node_named_child(s, 0);
    if (is(e, "ellipsis") || (is(e, "string") && is_constant(e))) continue;
    if (!is(e, "assignment") || ts_node_is_null(field(e, "right")) || !is_constant(field(e, "right"))) return false;
  }
  return true;
}

bool is_type_checking_condition(std::string_view cond) {
  return cond == "TYPE_CHECKING" || (cond.size() > 14 && cond.substr(cond.size() - 14) == ".TYPE_CHECKING");
}

bool catches_import_error(TSNode try_stmt, const FileContext& ctx) {
  const std::uint32_t count = ts_node_named_child_count(try_stmt);
  for (std::uint32_t i = 0; i < count; ++i) {
    const TSNode clause = ts_node_named_child(try_stmt, i);
    if (!is(clause, "except_clause")) continue;
    bool any_value = false, catches = false;
    for_each_field(clause, "value", [&](TSNode value) {
      any_value = true;
      const auto caught = ctx.source.text_of(value);
      if (caught.find("ImportError") != std::string_view::npos ||
          caught.find("ModuleNotFoundError") != std::string_view::npos || caught == "Exception" ||
          caught == "BaseException") {
        catches = true;
      }
    });
    if (!any_value || catches) return true;  // a bare except catches ImportError too
  }
  return false;
}

}  // namespace

std::vector<std::string_view> Collector::node_types() const {
  return {"import_statement",
          "import_from_statement",
          "function_definition",
          "class_definition",
          "lambda",
          "call",
          "assignment",
          "augmented_assignment",
          "for_statement",
          "as_pattern",
          "except_clause",
          "named_expression",
          "global_statement",
          "nonlocal_statement",
          "list_comprehension",
          "set_comprehension",
          "dictionary_comprehension",
          "generator_expression",
          "for_in_clause",
          "if_statement"};
}

void Collector::begin(FileContext& ctx) {
  scopes_.clear();
  scope_stack_.clear();
  function_stack_.clear();
  class_stack_.clear();
  refs_.clear();
  call_refs_.clear();
  function_decorators_.clear();
  class_bases_.clear();
  class_decorators_.clear();
  decorator_refs_.clear();
  attribute_refs_.clear();
  attribute_argument_refs_.clear();
  attribute_calls_.clear();
  call_starts_.clear();
  class_keyword_refs_.clear();
  handler_refs_.clear();
  argument_refs_.clear();
  lambda_depth_ = 0;
  conditional_memo_.clear();
  scope_memo_.clear();
  scopes_.push_back(Scope{ScopeKind::module, -1, ctx.module.name, {}});
  scope_stack_.push_back(0);
}

void Collector::bind(int scope, const std::string& name, Binding b) {
  auto& list = scopes_[static_cast<std::size_t>(scope)].names[name];
  // After `global x` / `nonlocal x`, assignments in this scope bind in the scope declared.
  if (!list.empty() && list.front().kind == BindingKind::global && b.kind != BindingKind::global) {
    const int target = list.front().value;
    if (target >= 0 && target != scope) {
      // A valueless assignment (`x = None`) tells nothing about what the shared name holds.
      if (b.kind != BindingKind::variable || b.value >= 0) bind(target, name, std::move(b));
      return;
    }
  }
  list.push_back(std::move(b));
}

int Collector::add_reference(TSNode expr, int scope, int depth, FileContext& ctx) {
  Reference ref;
  ref.scope = scope;
  ref.offset = ts_node_start_byte(expr);
  TSNode n = expr;
  for (;;) {
    if (is(n, "attribute")) {
      ref.tail.push_back(text(field(n, "attribute"), ctx));
      n = field(n, "object");
    } else if (is(n, "identifier")) {
      ref.root = text(n, ctx);
      break;
    } else if (is(n, "call") && depth < kMaxCallRootDepth) {
      ref.call_root = add_reference(field(n, "function"), scope, depth + 1, ctx);
      if (ref.call_root < 0) return -1;
      break;
    } else if (is(n, "parenthesized_expression") && ts_node_named_child_count(n) == 1) {
      n = ts_node_named_child(n, 0);
    } else {
      return -1;
    }
  }
  std::reverse(ref.tail.begin(), ref.tail.end());
  refs_.push_back(std::move(ref));
  return static_cast<int>(refs_.size() - 1);
}

std::string Collector::resolve_reference(int index, int depth) const {
  if (index < 0 || depth > kMaxResolveDepth) return {};
  const Reference& ref = refs_[static_cast<std::size_t>(index)];
  std::string base;
  if (ref.call_root >= 0) {
    base = resolve_reference(ref.call_root, depth + 1);
    if (base.empty()) return {};
    base += "()";
  } else {
    base = resolve_name(ref.root, ref.scope, ref.offset, depth);
    if (base.empty()) return {};
  }
  for (const auto& part : ref.tail) {
    base += '.';
    base += part;
  }
  if (ref.instance) base += "()";
  return base;
}

std::string Collector::resolve_symbol(int index, std::size_t drop) const {
  if (index < 0) return {};
  const Reference& ref = refs_[static_cast<std::size_t>(index)];
  if (ref.tail.size() < drop) return {};
  std::string base;
  if (ref.call_root >= 0) {
    base = resolve_reference(ref.call_root, 1);
    if (base.empty()) return {};
    base += "()";
  } else if (module_variable(ref.root, ref.scope)) {
    base = scopes_.front().qual_prefix + "." + ref.root;
  } else {
    base = resolve_name(ref.root, ref.scope, ref.offset, 0);
    if (base.empty()) return {};
  }
  for (std::size_t i = 0; i + drop < ref.tail.size(); ++i) {
    base += '.';
    base += ref.tail[i];
  }
  if (drop == 0 && ref.instance) base += "()";
  return base;
}

bool Collector::module_variable(const std::string& name, int scope) const {
  bool own = true;
  for (int s = scope; s >= 0; s = scopes_[static_cast<std::size_t>(s)].parent, own = false) {
    const Scope& sc = scopes_[static_cast<std::size_t>(s)];
    if (!own && sc.kind == ScopeKind::klass) continue;
    const auto it = sc.names.find(name);
    if (it == sc.names.end() || it->second.empty()) continue;
    if (sc.kind != ScopeKind::module) return false;
    return std::any_of(it->second.begin(), it->second.end(),
                       [](const Binding& b) { return b.kind == BindingKind::variable; });
  }
  return false;
}

std::string Collector::resolve_name(const std::string& name, int scope, std::uint32_t offset, int depth) const {
  bool own = true;
  int s = scope;
  while (s >= 0) {
    const Scope& sc = scopes_[static_cast<std::size_t>(s)];
    // Class bodies are not visible from the functions nested in them.
    if (!own && sc.kind == ScopeKind::klass) {
      s = sc.parent;
      continue;
    }
    const auto it = sc.names.find(name);
    if (it != sc.names.end() && !it->second.empty()) {
      const auto& list = it->second;
      const Binding* b = nullptr;
      if (own) {
        // In the scope of the use: the binding in force at that point.
        for (const auto& cand : list) {
          if (cand.offset <= offset) b = &cand;
        }
        // A function-local name is local everywhere in the function, even before its binding.
        if (b == nullptr && sc.kind != ScopeKind::module && sc.kind != ScopeKind::klass) b = &list.front();
      } else {
        // From an inner function: the last binding, since the body runs after the enclosing code.
        b = &list.back();
      }
      if (b != nullptr) {
        switch (b->kind) {
          case BindingKind::global:
            s = b->value;
            own = false;
            continue;
          case BindingKind::import:
          case BindingKind::definition:
          case BindingKind::self_param: return b->target;
          case BindingKind::parameter:
          case BindingKind::variable: return b->value >= 0 ? resolve_reference(b->value, depth + 1) : std::string{};
        }
      }
    }
    own = false;
    s = sc.parent;
  }
  if (is_builtin_name(name)) return "builtins." + name;
  return {};
}

void Collector::bind_targets(TSNode target, int scope, std::uint32_t offset, int value, FileContext& ctx) {
  // Iterative over tuple/list patterns; attributes and subscripts bind nothing.
  if (is(target, "as_pattern_target") && ts_node_named_child_count(target) == 1)
    target = ts_node_named_child(target, 0);
  std::vector<TSNode> todo{target};
  const bool single = is(target, "identifier");
  while (!todo.empty()) {
    const TSNode n = todo.back();
    todo.pop_back();
    if (is(n, "identifier")) {
      bind(scope, text(n, ctx), Binding{BindingKind::variable, offset, {}, single ? value : -1});
    } else if (is(n, "pattern_list") || is(n, "tuple_pattern") || is(n, "list_pattern") ||
               is(n, "list_splat_pattern") || is(n, "as_pattern_target") || is(n, "parenthesized_expression")) {
      const std::uint32_t count = ts_node_named_child_count(n);
      for (std::uint32_t i = 0; i < count; ++i) todo.push_back(ts_node_named_child(n, i));
    }
  }
}

int Collector::scope_for_expression(FileContext& ctx) {
  // Defaults, annotations and decorators of a def are evaluated in the enclosing scope.
  const int current = scope_stack_.back();
  const Scope& sc = scopes_[static_cast<std::size_t>(current)];
  if (sc.kind != ScopeKind::function && sc.kind != ScopeKind::lambda) return current;
  const auto anc = ctx.ancestors();
  // 1: the enclosing def's own scope; 0: the scope around it (a default, an annotation).
  const int inside = scan_up<int>(anc, scope_memo_, 1, [&](std::size_t i) -> std::optional<int> {
    const TSNode a = anc[i];
    if (is(a, "block") || (is(a, "lambda") && i + 1 < anc.size() && !is(anc[i + 1], "lambda_parameters"))) return 1;
    if (is(a, "parameters") || is(a, "lambda_parameters") || is(a, "type")) {
      if (i > 0 && (is(anc[i - 1], "function_definition") || is(anc[i - 1], "lambda"))) return 0;
    }
    if (is(a, "function_definition") || is(a, "lambda")) return 1;
    return std::nullopt;
  });
  return inside == 1 ? current : sc.parent;
}

bool Collector::runs_conditionally(TSNode call, FileContext& ctx) {
  const auto anc = ctx.ancestors();
  return scan_up<bool>(anc, conditional_memo_, false, [&](std::size_t i) -> std::optional<bool> {
    const TSNode a = anc[i];
    if (is(a, "function_definition") || is(a, "lambda") || is(a, "class_definition")) return false;
    const TSNode below = i + 1 < anc.size() ? anc[i + 1] : call;
    // The condition of an `if` always runs; only its branches are conditional.
    if ((is(a, "if_statement") || is(a, "elif_clause")) && ts_node_eq(field(a, "condition"), below))
      return std::nullopt;
    if (is(a, "if_statement") || is(a, "elif_clause") || is(a, "else_clause") || is(a, "except_clause") ||
        is(a, "conditional_expression")) {
      return true;
    }
    return std::nullopt;
  });
}

void Collector::on_import(TSNode node, FileContext& ctx) {
  const int scope = scope_stack_.back();
  const auto anc = ctx.ancestors();
  bool type_checking = false, guarded = false, nested = false;
  for (std::size_t i = 0; i < anc.size(); ++i) {
    const TSNode a = anc[i];
    const TSNode below = i + 1 < anc.size() ? anc[i + 1] : node;
    if (is(a, "if_statement") && ts_node_eq(field(a, "consequence"), below) &&
        is_type_checking_condition(dotted_text(field(a, "condition"), ctx))) {
      type_checking = true;
    }
    if (is(a, "try_statement") && ts_node_eq(field(a, "body"), below) && catches_import_error(a, ctx)) guarded = true;
    if (is(a, "function_definition") || is(a, "class_definition")) nested = true;
  }
  const auto add = [&](Import imp) {
    imp.type_checking = type_checking;
    imp.guarded = guarded;
    imp.nested = nested;
    imp.location = ctx.source.location(node);
    if (!imp.bound.empty()) {
      bind(scope, imp.bound, Binding{BindingKind::import, ts_node_start_byte(node), imp.target, -1});
    }
    ctx.module.imports.push_back(std::move(imp));
  };

  if (is(node, "import_statement")) {
    for_each_field(node, "name", [&](TSNode name) {
      Import imp;
      if (is(name, "aliased_import")) {
        imp.module = dotted_text(field(name, "name"), ctx);
        imp.bound = text(field(name, "alias"), ctx);
        imp.target = imp.module;
      } else {
        imp.module = dotted_text(name, ctx);
        imp.bound = imp.module.substr(0, imp.module.find('.'));
        imp.target = imp.bound;
      }
      add(std::move(imp));
    });
    return;
  }

  // from-import: work out the absolute module first.
  const TSNode module_node = field(node, "module_name");
  std::string module;
  std::uint32_t level = 0;
  if (is(module_node, "relative_import")) {
    std::string rest;
    const std::uint32_t count = ts_node_named_child_count(module_node);
    for (std::uint32_t i = 0; i < count; ++i) {
      const TSNode c = ts_node_named_child(module_node, i);
      if (is(c, "import_prefix")) {
        for (char ch : ctx.source.text_of(c)) level += ch == '.' ? 1U : 0U;
      } else if (is(c, "dotted_name")) {
        rest = dotted_text(c, ctx);
      }
    }
    auto parts = util::split(ctx.module.name, '.');
    if (!ctx.module.is_package_init && !parts.empty()) parts.pop_back();
    if (level - 1 <= parts.size()) {
      parts.resize(parts.size() - (level - 1));
      std::vector<std::string> pieces(parts.begin(), parts.end());
      if (!rest.empty()) pieces.push_back(rest);
      module = util::join(pieces, ".");
    } else {
      module = rest;  // beyond the top package: keep what is written
    }
  } else {
    module = dotted_text(module_node, ctx);
  }

  bool any_name = false;
  for_each_field(node, "name", [&](TSNode name) {
    any_name = true;
    Import imp;
    imp.module = module;
    imp.level = level;
    if (is(name, "aliased_import")) {
      imp.name = dotted_text(field(name, "name"), ctx);
      imp.bound = text(field(name, "alias"), ctx);
    } else {
      imp.name = dotted_text(name, ctx);
      imp.bound = imp.name;
    }
    imp.target = module.empty() ? imp.name : module + "." + imp.name;
    add(std::move(imp));
  });
  if (!any_name) {
    Import imp;
    imp.module = module;
    imp.level = level;
    imp.star = true;
    add(std::move(imp));
  }
}

void Collector::collect_decorators(std::vector<int>& out, int function, int klass, FileContext& ctx) {
  const TSNode parent = ctx.ancestors().empty() ? TSNode{} : ctx.ancestors().back();
  if (ts_node_is_null(parent) || !is(parent, "decorated_definition")) return;
  const int scope = scope_stack_.back();
  const std::uint32_t count = ts_node_named_child_count(parent);
  for (std::uint32_t i = 0; i < count; ++i) {
    const TSNode dec = ts_node_named_child(parent, i);
    if (!is(dec, "decorator") || ts_node_named_child_count(dec) == 0) continue;
    TSNode expr = ts_node_named_child(dec, 0);
    Decorator d;
    d.function = function;
    d.klass = klass;
    d.location = ctx.source.location(dec);
    if (is(expr, "call")) {
      d.is_call = true;
      std::vector<TSNode> values;
      d.arguments = arguments_of(field(expr, "arguments"), ArgumentsWanted::all, ctx, values);
      reference_arguments(values, scope, ArgumentOwner::decorator, ctx.module.decorators.size(), ctx);
      expr = field(expr, "function");
    }
    d.written = dotted_text(expr, ctx);
    if (d.written.size() > kMaxCodeChars) d.written.resize(kMaxCodeChars);
    const int ref = add_reference(expr, scope, 0, ctx);
    out.push_back(ref);
    decorator_refs_.push_back(ref);
    ctx.module.decorators.push_back(std::move(d));
  }
}

void Collector::on_function(TSNode node, FileContext& ctx) {
  const int enclosing = scope_stack_.back();
  // Copies, not references: scopes_ grows below and may move.
  const std::string outer_prefix = scopes_[static_cast<std::size_t>(enclosing)].qual_prefix;
  const ScopeKind outer_kind = scopes_[static_cast<std::size_t>(enclosing)].kind;
  Function fn;
  fn.name = text(field(node, "name"), ctx);
  fn.qualname = outer_prefix + "." + fn.name;
  fn.is_async = ts_node_child_count(node) > 0 && std::strcmp(ts_node_type(ts_node_child(node, 0)), "async") == 0;
  fn.is_method = outer_kind == ScopeKind::klass;
  fn.location = ctx.source.location(node);
  fn.name_location = ctx.source.location(field(node, "name"));
  fn.parent = function_stack_.empty() ? -1 : function_stack_.back();
  fn.owner_class = fn.is_method ? class_stack_.back() : -1;
  const TSNode returns = field(node, "return_type");
  if (!ts_node_is_null(returns)) fn.returns = util::collapse_whitespace(ctx.source.text_of(returns));

  std::vector<int> decorators;
  collect_decorators(decorators, static_cast<int>(ctx.module.functions.size()), -1, ctx);
  bool is_static = false;
  const TSNode parent = ctx.ancestors().empty() ? TSNode{} : ctx.ancestors().back();
  if (!ts_node_is_null(parent) && is(parent, "decorated_definition")) {
    const std::uint32_t count = ts_node_named_child_count(parent);
    for (std::uint32_t i = 0; i < count; ++i) {
      const TSNode dec = ts_node_named_child(parent, i);
      if (is(dec, "decorator") && util::trim(ctx.source.text_of(dec)) == "@staticmethod") is_static = true;
    }
  }

  bind(enclosing, fn.name, Binding{BindingKind::definition, ts_node_start_byte(node), fn.qualname, -1});
  const auto fn_index = static_cast<int>(ctx.module.functions.size());
  scopes_.push_back(Scope{ScopeKind::function, enclosing, fn.qualname + ".<locals>", {}});
  const int scope = static_cast<int>(scopes_.size() - 1);

  const TSNode params = field(node, "parameters");
  auto kind = Parameter::Kind::positional;
  const std::uint32_t count = ts_node_is_null(params) ? 0 : ts_node_named_child_count(params);
  bool first = true;
  for (std::uint32_t i = 0; i < count; ++i) {
    const TSNode p = ts_node_named_child(params, i);
    Parameter param;
    param.kind = kind;
    TSNode name_node{};
    TSNode type_node{};
    if (is(p, "identifier")) {
      name_node = p;
    } else if (is(p, "typed_parameter")) {
      type_node = field(p, "type");
      const TSNode inner = ts_node_named_child(p, 0);
      if (is(inner, "list_splat_pattern")) {
        param.kind = Parameter::Kind::variadic;
        name_node = ts_node_named_child(inner, 0);
      } else if (is(inner, "dictionary_splat_pattern")) {
        param.kind = Parameter::Kind::keyword_variadic;
        name_node = ts_node_named_child(inner, 0);
      } else {
        name_node = inner;
      }
    } else if (is(p, "default_parameter") || is(p, "typed_default_parameter")) {
      name_node = field(p, "name");
      type_node = field(p, "type");
      param.has_default = true;
    } else if (is(p, "list_splat_pattern")) {
      param.kind = Parameter::Kind::variadic;
      name_node = ts_node_named_child(p, 0);
    } else if (is(p, "dictionary_splat_pattern")) {
      param.kind = Parameter::Kind::keyword_variadic;
      name_node = ts_node_named_child(p, 0);
    } else if (is(p, "keyword_separator")) {
      kind = Parameter::Kind::keyword_only;
      continue;
    } else {
      continue;  // positional_separator and error nodes
    }
    if (param.kind == Parameter::Kind::variadic) kind = Parameter::Kind::keyword_only;
    if (ts_node_is_null(name_node) || !is(name_node, "identifier")) continue;
    param.name = text(name_node, ctx);
    param.location = ctx.source.location(name_node);
    if (!ts_node_is_null(type_node)) param.annotation = util::collapse_whitespace(ctx.source.text_of(type_node));
    const std::uint32_t offset = ts_node_start_byte(node);
    if (first && fn.is_method && !is_static && param.kind == Parameter::Kind::positional) {
      bind(scope, param.name, Binding{BindingKind::self_param, offset, outer_prefix, -1});
    } else {
      int value = -1;
      if (!ts_node_is_null(type_node) && ts_node_named_child_count(type_node) == 1) {
        const TSNode t = ts_node_named_child(type_node, 0);
        if (is(t, "identifier") || is(t, "attribute")) {
          value = add_reference(t, enclosing, 0, ctx);
          if (value >= 0) refs_[static_cast<std::size_t>(value)].instance = true;
        }
      }
      bind(scope, param.name, Binding{BindingKind::parameter, offset, {}, value});
    }
    first = false;
    fn.parameters.push_back(std::move(param));
  }

  ctx.module.functions.push_back(std::move(fn));
  function_decorators_.push_back(std::move(decorators));
  function_stack_.push_back(fn_index);
  scope_stack_.push_back(scope);
}

void Collector::on_class(TSNode node, FileContext& ctx) {
  const int enclosing = scope_stack_.back();
  Class cls;
  cls.name = text(field(node, "name"), ctx);
  cls.qualname = scopes_[static_cast<std::size_t>(enclosing)].qual_prefix + "." + cls.name;
  cls.location = ctx.source.location(node);
  std::vector<int> bases;
  std::vector<int> keyword_refs;
  const TSNode supers = field(node, "superclasses");
  const std::uint32_t count = ts_node_is_null(supers) ? 0 : ts_node_named_child_count(supers);
  for (std::uint32_t i = 0; i < count; ++i) {
    const TSNode b = ts_node_named_child(supers, i);
    if (is(b, "identifier") || is(b, "attribute")) {
      bases.push_back(add_reference(b, enclosing, 0, ctx));
    } else if (is(b, "keyword_argument") && cls.keywords.size() < kMaxArguments) {
      const TSNode value = field(b, "value");
      if (ts_node_is_null(value)) continue;
      Argument arg;
      arg.name = text(field(b, "name"), ctx);
      arg.value = code_of(value, ctx);
      arg.literal = literal_of(value, ctx);
      cls.keywords.push_back(std::move(arg));
      keyword_refs.push_back(is(value, "identifier") || is(value, "attribute") ? add_reference(value, enclosing, 0, ctx)
                                                                               : -1);
    }
  }
  const TSNode body = field(node, "body");
  if (!ts_node_is_null(body) && ts_node_named_child_count(body) > 0) {
    const TSNode first = ts_node_named_child(body, 0);
    if (is(first, "expression_statement") && ts_node_named_child_count(first) == 1 &&
        is(ts_node_named_child(first, 0), "string")) {
      cls.docstring = docstring_of(ctx.source.text_of(ts_node_named_child(first, 0)));
    }
  }
  std::vector<int> decorators;
  collect_decorators(decorators, -1, static_cast<int>(ctx.module.classes.size()), ctx);
  bind(enclosing, cls.name, Binding{BindingKind::definition, ts_node_start_byte(node), cls.qualname, -1});
  scopes_.push_back(Scope{ScopeKind::klass, enclosing, cls.qualname, {}});
  class_stack_.push_back(static_cast<int>(ctx.module.classes.size()));
  ctx.module.classes.push_back(std::move(cls));
  class_bases_.push_back(std::move(bases));
  class_keyword_refs_.push_back(std::move(keyword_refs));
  class_decorators_.push_back(std::move(decorators));
  scope_stack_.push_back(static_cast<int>(scopes_.size() - 1));
}

void Collector::on_lambda(TSNode node, FileContext& ctx) {
  const int enclosing = scope_stack_.back();
  // Nested lambdas share one `<lambda>` level: their names would otherwise grow with the depth (quadratic memory).
  const Scope& outer = scopes_[static_cast<std::size_t>(enclosing)];
  scopes_.push_back(Scope{ScopeKind::lambda,
                          enclosing,
                          outer.kind == ScopeKind::lambda ? outer.qual_prefix : outer.qual_prefix + ".<lambda>",
                          {}});
  const int scope = static_cast<int>(scopes_.size() - 1);
  const TSNode params = field(node, "parameters");
  const std::uint32_t count = ts_node_is_null(params) ? 0 : ts_node_named_child_count(params);
  for (std::uint32_t i = 0; i < count; ++i) {
    TSNode p = ts_node_named_child(params, i);
    if (!is(p, "identifier")) p = field(p, "name");
    if (!ts_node_is_null(p) && is(p, "identifier")) {
      bind(scope, text(p, ctx), Binding{BindingKind::parameter, ts_node_start_byte(node), {}, -1});
    }
  }
  scope_stack_.push_back(scope);
  ++lambda_depth_;
}

void Collector::reference_arguments(const std::vector<TSNode>& values, int scope, ArgumentOwner owner,
                                    std::size_t owner_index, FileContext& ctx) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    const TSNode v = unwrap(values[i]);
    if (!is(v, "identifier") && !is(v, "attribute") && !is(v, "call")) continue;
    const int ref = add_reference(v, scope, 0, ctx);
    if (ref >= 0) argument_refs_.push_back(ArgumentRef{owner, owner_index, i, ref});
  }
}

std::string Collector::assignment_target(TSNode call, FileContext& ctx) const {
  constexpr std::size_t kMaxDepth = 48;
  const auto anc = ctx.ancestors();
  for (std::size_t k = 0; k < anc.size() && k < kMaxDepth; ++k) {
    const TSNode a = anc[anc.size() - 1 - k];
    if (is(a, "assignment") || is(a, "augmented_assignment")) {
      const TSNode left = field(a, "left");
      const TSNode right = field(a, "right");
      if (!is(left, "identifier") || ts_node_is_null(right) || ts_node_start_byte(call) < ts_node_start_byte(right)) {
        return {};
      }
      return text(left, ctx);
    }
    if (is(a, "expression_statement") || is(a, "block") || is(a, "module")) return {};
  }
  return {};
}

void Collector::on_call(TSNode node, FileContext& ctx) {
  Call call;
  const TSNode fn = field(node, "function");
  call.written = dotted_text(fn, ctx);
  if (call.written.size() > kMaxCodeChars) call.written.resize(kMaxCodeChars);
  call.code = code_of(node, ctx);
  const TSNode args = field(node, "arguments");
  std::vector<TSNode> keyword_values;
  std::vector<TSNode> positional_values;
  if (!ts_node_is_null(args)) {
    auto inner = ctx.source.text_of(args);
    if (inner.size() >= 2 && inner.front() == '(' && inner.back() == ')') inner = inner.substr(1, inner.size() - 2);
    call.args = collapsed_prefix(inner);
    call.keywords = arguments_of(args, ArgumentsWanted::keywords, ctx, keyword_values);
    call.positional = arguments_of(args, ArgumentsWanted::positional, ctx, positional_values);
    const std::uint32_t n = ts_node_named_child_count(args);
    for (std::uint32_t i = 0; i < n; ++i) {
      const TSNode a = ts_node_named_child(args, i);
      if (is(a, "comment")) continue;
      call.first_literal = literal_of(a, ctx);
      break;
    }
  }
  call.location = ctx.source.location(node);
  call.function = function_stack_.empty() ? -1 : function_stack_.back();
  call.in_lambda = lambda_depth_ > 0;
  const auto anc = ctx.ancestors();
  if (!anc.empty()) {
    call.awaited = is(anc.back(), "await");
    call.value_used = !is(anc.back(), "expression_statement");
  }
  call.conditional = runs_conditionally(node, ctx);
  const int scope = scope_for_expression(ctx);
  if (scope != scope_stack_.back()) {
    // A default value or annotation runs when the def or lambda is evaluated, in the enclosing code.
    const bool in_def_header = scopes_[static_cast<std::size_t>(scope_stack_.back())].kind == ScopeKind::function;
    if (in_def_header && !function_stack_.empty()) {
      call.function = ctx.module.functions[static_cast<std::size_t>(function_stack_.back())].parent;
    } else if (!in_def_header) {
      call.in_lambda = lambda_depth_ > 1;
    }
  }
  reference_arguments(keyword_values, scope, ArgumentOwner::call_keyword, ctx.module.calls.size(), ctx);
  reference_arguments(positional_values, scope, ArgumentOwner::call_positional, ctx.module.calls.size(), ctx);
  if (function_stack_.empty() && scope == 0) call.target = assignment_target(node, ctx);
  call_refs_.push_back(add_reference(fn, scope, 0, ctx));
  call_starts_.push_back(ts_node_start_byte(node));
  ctx.module.calls.push_back(std::move(call));
}

void Collector::on_assignment(TSNode node, FileContext& ctx) {
  const int scope = scope_for_expression(ctx);
  const std::uint32_t offset = ts_node_end_byte(node);
  if (is(node, "global_statement") || is(node, "nonlocal_statement")) {
    const std::uint32_t count = ts_node_named_child_count(node);
    for (std::uint32_t i = 0; i < count; ++i) {
      const TSNode id = ts_node_named_child(node, i);
      if (!is(id, "identifier")) continue;
      // Binding::value holds the scope the name lives in: the module, or the nearest enclosing function.
      int home = 0;
      if (is(node, "nonlocal_statement")) {
        home = -1;
        for (int s2 = scopes_[static_cast<std::size_t>(scope)].parent; s2 >= 0;
             s2 = scopes_[static_cast<std::size_t>(s2)].parent) {
          if (scopes_[static_cast<std::size_t>(s2)].kind == ScopeKind::function) {
            home = s2;
            break;
          }
        }
        if (home < 0) continue;
      }
      bind(scope, text(id, ctx), Binding{BindingKind::global, 0, {}, home});
    }
    return;
  }
  if (is(node, "except_clause")) {
    on_except(node, scope, ctx);
    return;
  }
  if (is(node, "as_pattern")) {
    const TSNode alias = field(node, "alias");
    if (ts_node_is_null(alias)) return;
    int value = -1;
    // `with Session() as s:` binds s to (usually) what the call returned.
    const TSNode expr = ts_node_named_child(node, 0);
    if (is(expr, "call")) {
      value = add_reference(field(expr, "function"), scope, 0, ctx);
      if (value >= 0) refs_[static_cast<std::size_t>(value)].instance = true;
    }
    bind_targets(alias, scope, offset, value, ctx);
    return;
  }
  const TSNode left = is(node, "named_expression") ? field(node, "name") : field(node, "left");
  const TSNode right = is(node, "named_expression") ? field(node, "value") : field(node, "right");
  if (ts_node_is_null(left)) return;
  int value = -1;
  if (!is(node, "augmented_assignment") && !is(node, "for_statement") && !ts_node_is_null(right) &&
      is(left, "identifier")) {
    if (is(right, "call")) {
      value = add_reference(field(right, "function"), scope, 0, ctx);
      if (value >= 0) refs_[static_cast<std::size_t>(value)].instance = true;
    } else if (is(right, "identifier") || is(right, "attribute")) {
      value = add_reference(right, scope, 0, ctx);
    }
  }
  if (is(node, "assignment") && ts_node_is_null(right)) {
    // `x: Session` declares a type without a value.
    const TSNode type = field(node, "type");
    if (!ts_node_is_null(type) && ts_node_named_child_count(type) == 1) {
      const TSNode t = ts_node_named_child(type, 0);
      if (is(t, "identifier") || is(t, "attribute")) {
        value = add_reference(t, scope, 0, ctx);
        if (value >= 0) refs_[static_cast<std::size_t>(value)].instance = true;
      }
    }
  }
  bind_targets(left, scope, is(node, "for_statement") ? ts_node_start_byte(node) : offset, value, ctx);
  if (is(node, "assignment") && is(left, "identifier") && !class_stack_.empty() &&
      scopes_[static_cast<std::size_t>(scope)].kind == ScopeKind::klass) {
    on_class_attribute(node, scope, ctx);
  }
}

void Collector::on_class_attribute(TSNode node, int scope, FileContext& ctx) {
  // Only statements of the class body itself, not of an `if` or `for` inside it.
  const auto anc = ctx.ancestors();
  if (anc.size() < 3 || !is(anc[anc.size() - 1], "expression_statement") || !is(anc[anc.size() - 2], "block") ||
      !is(anc[anc.size() - 3], "class_definition")) {
    return;
  }
  const TSNode left = field(node, "left");
  const TSNode type = field(node, "type");
  TSNode right = field(node, "right");
  while (is(right, "assignment")) right = field(right, "right");  // `a = b = value`
  ClassAttribute attr;
  attr.klass = class_stack_.back();
  attr.name = text(left, ctx);
  attr.location = ctx.source.location(left);
  if (!ts_node_is_null(type)) attr.annotation = code_of(type, ctx);
  int ref = -1;
  std::vector<int> argument_refs;
  // The calls of the value are walked after this statement, so they come next in Module::calls.
  attribute_calls_.emplace_back(static_cast<std::uint32_t>(ctx.module.calls.size()),
                                ts_node_is_null(right) ? 0 : ts_node_end_byte(right));
  if (!ts_node_is_null(right)) {
    attr.value = code_of(right, ctx);
    attr.literal = literal_of(right, ctx);
    const TSNode value = unwrap(right);
    if (is(value, "call")) {
      attr.is_call = true;
      std::vector<TSNode> values;
      attr.arguments = arguments_of(field(value, "arguments"), ArgumentsWanted::all, ctx, values);
      ref = add_reference(field(value, "function"), scope, 0, ctx);
      for (const TSNode v : values) {
        argument_refs.push_back(is(v, "identifier") || is(v, "attribute") ? add_reference(v, scope, 0, ctx) : -1);
      }
    }
  }
  attribute_refs_.push_back(ref);
  attribute_argument_refs_.push_back(std::move(argument_refs));
  ctx.module.class_attributes.push_back(std::move(attr));
}

void Collector::on_except(TSNode node, int scope, FileContext& ctx) {
  ExceptHandler h;
  h.location = ctx.source.location(node);
  h.function = function_stack_.empty() ? -1 : function_stack_.back();
  std::vector<std::string> written;
  std::vector<int> refs;
  TSNode alias = field(node, "alias");
  bool any_value = false;
  for_each_field(node, "value", [&](TSNode value) {
    any_value = true;
    if (is(value, "as_pattern")) {
      // `except E as e` may parse as one as_pattern value rather than value and alias fields.
      alias = field(value, "alias");
      value = ts_node_named_child(value, 0);
    }
    written.push_back(util::collapse_whitespace(ctx.source.text_of(value)));
    if (is_broad_exception(value, ctx)) h.broad = true;
    const TSNode inner = unwrap(value);
    const bool group = is(inner, "tuple") || is(inner, "expression_list");
    const std::uint32_t n = group ? ts_node_named_child_count(inner) : 1;
    for (std::uint32_t i = 0; i < n && refs.size() < kMaxArguments; ++i) {
      const TSNode t = group ? unwrap(ts_node_named_child(inner, i)) : inner;
      if (!is(t, "identifier") && !is(t, "attribute")) continue;
      refs.push_back(add_reference(t, scope, 0, ctx));
      h.caught.push_back(dotted_text(t, ctx));
    }
  });
  if (!any_value) h.broad = true;  // a bare `except:` catches everything, KeyboardInterrupt included
  h.written = written.empty() ? std::string("except:") : "except " + util::join(written, ", ");
  if (h.written.size() > 60) h.written = h.written.substr(0, 60) + "...";
  if (is(alias, "as_pattern_target") && ts_node_named_child_count(alias) == 1) alias = ts_node_named_child(alias, 0);
  if (is(alias, "identifier")) {
    h.alias = text(alias, ctx);
    bind_targets(alias, scope, ts_node_start_byte(node), -1, ctx);
  }
  // `try: import x / except Exception: x = None`: an optional dependency, not a swallowed failure.
  const TSNode parent = ctx.ancestors().empty() ? TSNode{} : ctx.ancestors().back();
  if (is(parent, "try_statement")) {
    const TSNode body = field(parent, "body");
    const std::uint32_t n = ts_node_is_null(body) ? 0 : ts_node_named_child_count(body);
    bool only_imports = n > 0;
    for (std::uint32_t i = 0; i < n; ++i) {
      const TSNode st = ts_node_named_child(body, i);
      if (!is(st, "import_statement") && !is(st, "import_from_statement") && !is(st, "comment")) only_imports = false;
    }
    h.optional_import = only_imports;
  }
  const std::uint32_t children = ts_node_named_child_count(node);
  h.trivial = children > 0 && is_trivial_body(ts_node_named_child(node, children - 1));
  handler_refs_.push_back(std::move(refs));
  ctx.module.handlers.push_back(std::move(h));
}

void Collector::on_if(TSNode node, FileContext& ctx) {
  const auto anc = ctx.ancestors();
  if (anc.empty() || !is(anc.back(), "module")) return;
  auto cond = dotted_text(field(node, "condition"), ctx);
  std::replace(cond.begin(), cond.end(), '\'', '"');
  if (cond == "__name__==\"__main__\"" || cond == "\"__main__\"==__name__") ctx.module.main_guard = true;
}

void Collector::enter(TSNode node, FileContext& ctx) {
  const char* type = ts_node_type(node);
  if (std::strcmp(type, "call") == 0) {
    on_call(node, ctx);
  } else if (std::strcmp(type, "function_definition") == 0) {
    on_function(node, ctx);
  } else if (std::strcmp(type, "class_definition") == 0) {
    on_class(node, ctx);
  } else if (std::strcmp(type, "lambda") == 0) {
    on_lambda(node, ctx);
  } else if (std::strcmp(type, "import_statement") == 0 || std::strcmp(type, "import_from_statement") == 0) {
    on_import(node, ctx);
  } else if (std::strstr(type, "comprehension") != nullptr || std::strcmp(type, "generator_expression") == 0) {
    // A comprehension has its own scope: its loop variables do not leak.
    const int enclosing = scope_stack_.back();
    scopes_.push_back(
        Scope{ScopeKind::comprehension, enclosing, scopes_[static_cast<std::size_t>(enclosing)].qual_prefix, {}});
    scope_stack_.push_back(static_cast<int>(scopes_.size() - 1));
  } else if (std::strcmp(type, "if_statement") == 0) {
    on_if(node, ctx);
  } else if (std::strcmp(type, "for_in_clause") == 0) {
    const TSNode left = field(node, "left");
    if (!ts_node_is_null(left)) bind_targets(left, scope_stack_.back(), 0, -1, ctx);
  } else {
    on_assignment(node, ctx);
  }
}

void Collector::leave(TSNode node, FileContext& /*ctx*/) {
  const char* type = ts_node_type(node);
  if (std::strcmp(type, "function_definition") == 0) {
    scope_stack_.pop_back();
    function_stack_.pop_back();
  } else if (std::strcmp(type, "class_definition") == 0) {
    scope_stack_.pop_back();
    class_stack_.pop_back();
  } else if (std::strcmp(type, "lambda") == 0) {
    scope_stack_.pop_back();
    --lambda_depth_;
  } else if (std::strstr(type, "comprehension") != nullptr || std::strcmp(type, "generator_expression") == 0) {
    scope_stack_.pop_back();
  }
}

void Collector::resolve(FileContext& ctx) {
  auto& m = ctx.module;
  for (std::size_t i = 0; i < m.calls.size(); ++i) {
    m.calls[i].callee = resolve_reference(call_refs_[i], 0);
    m.calls[i].receiver = resolve_symbol(call_refs_[i], 1);
  }
  for (const auto& a : argument_refs_) {
    std::vector<Argument>* args = nullptr;
    switch (a.owner) {
      case ArgumentOwner::call_keyword: args = &m.calls[a.owner_index].keywords; break;
      case ArgumentOwner::call_positional: args = &m.calls[a.owner_index].positional; break;
      case ArgumentOwner::decorator: args = &m.decorators[a.owner_index].arguments; break;
    }
    if (a.index < args->size()) (*args)[a.index].resolved = resolve_symbol(a.ref, 0);
  }
  const auto resolve_all = [&](const std::vector<int>& refs, std::vector<std::string>& out) {
    for (int r : refs) {
      auto name = resolve_reference(r, 0);
      if (!name.empty()) out.push_back(std::move(name));
    }
  };
  for (std::size_t i = 0; i < m.functions.size(); ++i) resolve_all(function_decorators_[i], m.functions[i].decorators);
  for (std::size_t i = 0; i < m.decorators.size(); ++i) {
    m.decorators[i].name = resolve_reference(decorator_refs_[i], 0);
    m.decorators[i].receiver = resolve_symbol(decorator_refs_[i], 1);
  }
  for (std::size_t i = 0; i < m.class_attributes.size(); ++i) {
    auto& attr = m.class_attributes[i];
    attr.callee = resolve_reference(attribute_refs_[i], 0);
    for (std::size_t j = 0; j < attr.arguments.size() && j < attribute_argument_refs_[i].size(); ++j) {
      if (attribute_argument_refs_[i][j] >= 0)
        attr.arguments[j].resolved = resolve_reference(attribute_argument_refs_[i][j], 0);
    }
    const auto [first, end] = attribute_calls_[i];
    for (std::uint32_t c = first; c < m.calls.size() && call_starts_[c] < end; ++c) attr.calls.push_back(c);
  }
  for (std::size_t i = 0; i < m.handlers.size(); ++i) {
    for (std::size_t j = 0; j < handler_refs_[i].size(); ++j) {
      if (auto name = resolve_reference(handler_refs_[i][j], 0); !name.empty())
        m.handlers[i].caught[j] = std::move(name);
    }
  }
  for (std::size_t i = 0; i < m.classes.size(); ++i) {
    resolve_all(class_bases_[i], m.classes[i].bases);
    resolve_all(class_decorators_[i], m.classes[i].decorators);
    for (std::size_t j = 0; j < m.classes[i].keywords.size() && j < class_keyword_refs_[i].size(); ++j) {
      if (class_keyword_refs_[i][j] >= 0)
        m.classes[i].keywords[j].resolved = resolve_reference(class_keyword_refs_[i][j], 0);
    }
  }
  // What each module-level name stands for at the end of the module (the value importers see).
  for (const auto& [name, bindings] : scopes_.front().names) {
    const Binding& b = bindings.back();
    std::string target;
    if (b.kind == BindingKind::import) {
      target = b.target;
    } else if (b.kind == BindingKind::variable && b.value >= 0) {
      target = resolve_reference(b.value, 0);
    }
    if (!target.empty()) m.globals.push_back(Global{name, std::move(target), {}});
  }
  std::sort(m.globals.begin(), m.globals.end(), [](const Global& a, const Global& b) { return a.name < b.name; });
}

}  // namespace onramp::facts
