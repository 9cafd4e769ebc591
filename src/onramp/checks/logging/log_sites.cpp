#include "onramp/checks/logging/log_sites.hpp"

#include <array>
#include <cstring>
#include <optional>

#include "onramp/checks/logging/loggers.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::logging {

namespace {

constexpr std::size_t kMaxText = 80;
constexpr std::size_t kMaxNames = 40;

/// LogRecord attributes that `extra` may not overwrite (makeRecord raises KeyError); taskName since 3.12.
constexpr std::array<std::string_view, 23> kReserved = {
    "args",    "asctime",     "created",         "exc_info",   "exc_text", "filename",   "funcName", "levelname",
    "levelno", "lineno",      "module",          "msecs",      "message",  "msg",        "name",     "pathname",
    "process", "processName", "relativeCreated", "stack_info", "thread",   "threadName", "taskName"};

bool is(TSNode n, const char* type) { return !ts_node_is_null(n) && std::strcmp(ts_node_type(n), type) == 0; }

TSNode field(TSNode n, const char* name) {
  return ts_node_child_by_field_name(n, name, static_cast<std::uint32_t>(std::strlen(name)));
}

TSNode unwrap(TSNode n) {
  while (is(n, "parenthesized_expression") && ts_node_named_child_count(n) == 1) n = ts_node_named_child(n, 0);
  return n;
}

std::string cut(std::string s, std::size_t max = kMaxText) {
  if (s.size() > max) {
    s.resize(max);
    s += "...";
  }
  return s;
}

std::string dotted(TSNode n, const FileContext& ctx) {
  std::string out;
  for (char c : ctx.source.text_of(n)) {
    if (c != ' ' && c != '\t' && c != '\\' && c != '\n' && c != '\r') out += c;
  }
  return out;
}

bool has_interpolation(TSNode string_node) {
  const std::uint32_t count = ts_node_named_child_count(string_node);
  for (std::uint32_t i = 0; i < count; ++i) {
    if (is(ts_node_named_child(string_node, i), "interpolation")) return true;
  }
  return false;
}

/// The value of a plain string literal (no interpolation), implicit concatenation included.
std::optional<std::string> string_value(TSNode n, const FileContext& ctx) {
  n = unwrap(n);
  if (is(n, "concatenated_string")) {
    std::string out;
    const std::uint32_t count = ts_node_named_child_count(n);
    for (std::uint32_t i = 0; i < count; ++i) {
      auto part = string_value(ts_node_named_child(n, i), ctx);
      if (!part) return std::nullopt;
      out += *part;
    }
    return out;
  }
  if (!is(n, "string") || has_interpolation(n)) return std::nullopt;
  std::string out;
  const std::uint32_t count = ts_node_named_child_count(n);
  for (std::uint32_t i = 0; i < count; ++i) {
    const TSNode c = ts_node_named_child(n, i);
    if (is(c, "string_content")) out += ctx.source.text_of(c);
  }
  return out;
}

/// How an argument is written, in the terms the logging rules use.
std::string form_of(TSNode n, const FileContext& ctx) {
  n = unwrap(n);
  if (is(n, "string")) return has_interpolation(n) ? "fstring" : "string";
  if (is(n, "concatenated_string")) {
    const std::uint32_t count = ts_node_named_child_count(n);
    for (std::uint32_t i = 0; i < count; ++i) {
      if (has_interpolation(ts_node_named_child(n, i))) return "fstring";
    }
    return "string";
  }
  if (is(n, "binary_operator")) {
    const TSNode op = field(n, "operator");
    if (is(op, "%")) return "percent_format";
    if (is(op, "+")) return "concatenation";
    return "other";
  }
  if (is(n, "call")) {
    const TSNode fn = field(n, "function");
    if (is(fn, "attribute")) {
      const TSNode attr = field(fn, "attribute");
      const TSNode object = unwrap(field(fn, "object"));
      if (ctx.source.text_of(attr) == "format" && (is(object, "string") || is(object, "concatenated_string")))
        return "format_call";
    }
    return "call";
  }
  if (is(n, "identifier") || is(n, "attribute")) return "name";
  if (is(n, "true") || is(n, "false") || is(n, "none")) return ts_node_type(n);
  return "other";
}

/// `True`, `1`, a non-empty string: truthy; `False`, `None`, `0`: falsy; anything else is decided at run time.
std::string truthiness(TSNode n, const FileContext& ctx) {
  n = unwrap(n);
  if (is(n, "true")) return "true";
  if (is(n, "false") || is(n, "none")) return "false";
  if (is(n, "integer")) return ctx.source.text_of(n) == "0" ? "false" : "true";
  return "other";
}

bool is_reserved(std::string_view key) {
  for (auto r : kReserved) {
    if (r == key) return true;
  }
  return false;
}

/// The pair of a dict literal whose key is the string `key`.
TSNode dict_get(TSNode dict, std::string_view key, const FileContext& ctx) {
  const std::uint32_t count = ts_node_named_child_count(dict);
  for (std::uint32_t i = 0; i < count; ++i) {
    const TSNode pair = ts_node_named_child(dict, i);
    if (!is(pair, "pair")) continue;
    const auto k = string_value(field(pair, "key"), ctx);
    if (k && *k == key) return unwrap(field(pair, "value"));
  }
  return TSNode{};
}

/// Where a dictConfig-style dict sends records: its handlers (name=class), loggers and root level.
void describe_logging_dict(TSNode dict, const FileContext& ctx, facts::Note& note) {
  const TSNode handlers = dict_get(dict, "handlers", ctx);
  if (is(handlers, "dictionary")) {
    std::vector<std::string> out;
    const std::uint32_t count = ts_node_named_child_count(handlers);
    for (std::uint32_t i = 0; i < count && out.size() < kMaxNames; ++i) {
      const TSNode pair = ts_node_named_child(handlers, i);
      if (!is(pair, "pair")) continue;
      const auto name = string_value(field(pair, "key"), ctx);
      const TSNode body = unwrap(field(pair, "value"));
      if (!name || !is(body, "dictionary")) continue;
      auto cls = string_value(dict_get(body, "class", ctx), ctx);
      if (!cls) cls = string_value(dict_get(body, "()", ctx), ctx);
      out.push_back(*name + "=" + (cls ? *cls : std::string("?")));
    }
    note.fields.emplace_back("handlers", util::join(out, ","));
  }
  const TSNode loggers = dict_get(dict, "loggers", ctx);
  if (is(loggers, "dictionary")) {
    std::vector<std::string> out;
    const std::uint32_t count = ts_node_named_child_count(loggers);
    for (std::uint32_t i = 0; i < count && out.size() < kMaxNames; ++i) {
      const TSNode pair = ts_node_named_child(loggers, i);
      if (!is(pair, "pair")) continue;
      if (auto name = string_value(field(pair, "key"), ctx)) out.push_back(name->empty() ? "(root)" : *name);
    }
    note.fields.emplace_back("loggers", util::join(out, ","));
  }
  const TSNode root = dict_get(dict, "root", ctx);
  if (is(root, "dictionary")) {
    if (auto level = string_value(dict_get(root, "level", ctx), ctx)) note.fields.emplace_back("root_level", *level);
  }
}

/// A string shaped like an environment variable's name (`SENTRY_DSN`), never like a token: upper case,
/// starting with a letter, few digits, and either short or made of underscore-separated words.
bool is_env_name(std::string_view s) {
  if (s.empty() || s.size() > 64 || !(s[0] >= 'A' && s[0] <= 'Z')) return false;
  std::size_t digits = 0;
  bool underscore = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == '_') {
      underscore = true;
    } else if (!(c >= 'A' && c <= 'Z')) {
      return false;
    }
  }
  return digits * 4 <= s.size() && (underscore || s.size() <= 12);
}

/// Says where a Sentry DSN comes from without ever repeating a literal: literals are masked, and of a
/// call or subscript only the callee and an environment-variable name are kept.
std::string describe_dsn(TSNode n, const FileContext& ctx) {
  n = unwrap(n);
  if (is(n, "none")) return "None (Sentry disabled)";
  if (is(n, "string") || is(n, "concatenated_string")) {
    const auto v = string_value(n, ctx);
    if (v && v->empty()) return "empty string (Sentry disabled)";
    return "a literal in the code (masked)";
  }
  if (is(n, "identifier") || is(n, "attribute")) return "from " + cut(dotted(n, ctx));
  if (is(n, "call") && is(field(n, "function"), "identifier") && ctx.source.text_of(field(n, "function")) == "str") {
    const TSNode args = field(n, "arguments");
    if (!ts_node_is_null(args) && ts_node_named_child_count(args) == 1)
      return describe_dsn(ts_node_named_child(args, 0), ctx);
  }
  if (is(n, "call") || is(n, "subscript")) {
    const bool call = is(n, "call");
    const TSNode head = call ? field(n, "function") : field(n, "value");
    if (!is(head, "identifier") && !is(head, "attribute")) return "an expression (masked)";
    std::string key;
    if (call) {
      const TSNode args = field(n, "arguments");
      if (!ts_node_is_null(args) && ts_node_named_child_count(args) > 0) {
        if (auto s = string_value(ts_node_named_child(args, 0), ctx); s && is_env_name(*s)) key = *s;
      }
    } else if (auto s = string_value(field(n, "subscript"), ctx); s && is_env_name(*s)) {
      key = *s;
    }
    const std::string callee = cut(dotted(head, ctx));
    if (key.empty()) return "from " + callee + (call ? "(...)" : "[...]") + " (arguments masked)";
    return "from " + (call ? callee + "(\"" + key + "\")" : callee + "[\"" + key + "\"]");
  }
  return "an expression (masked)";
}

bool is_broad_exception(TSNode n, const FileContext& ctx) {
  n = unwrap(n);
  if (is(n, "identifier")) {
    const auto t = ctx.source.text_of(n);
    return t == "Exception" || t == "BaseException";
  }
  if (is(n, "attribute")) {
    const auto t = dotted(n, ctx);
    return t == "builtins.Exception" || t == "builtins.BaseException";
  }
  if (is(n, "tuple") || is(n, "expression_list")) {
    const std::uint32_t count = ts_node_named_child_count(n);
    for (std::uint32_t i = 0; i < count; ++i) {
      if (is_broad_exception(ts_node_named_child(n, i), ctx)) return true;
    }
  }
  return false;
}

std::string location_key(const core::Location& l) {
  return std::to_string(l.line) + ":" + std::to_string(l.column) + ":" + std::to_string(l.end_line) + ":" +
         std::to_string(l.end_column);
}

/// A value that carries nothing of the failure: None, True/False, a number, a plain string, an empty collection.
bool is_constant(TSNode n) {
  n = unwrap(n);
  if (is(n, "none") || is(n, "true") || is(n, "false") || is(n, "integer") || is(n, "float")) return true;
  if (is(n, "string")) return !has_interpolation(n);
  if (is(n, "unary_operator")) return is_constant(field(n, "argument"));
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
    if (is(e, "ellipsis") || (is(e, "string") && !has_interpolation(e))) continue;
    if (!is(e, "assignment") || ts_node_is_null(field(e, "right")) || !is_constant(field(e, "right"))) return false;
  }
  return true;
}

/// An expression named without repeating any literal it holds (which could be a secret): a dotted name as
/// written, `f(...)` for a call of a dotted name, otherwise just "an expression".
std::string describe_expression(TSNode n, const FileContext& ctx) {
  n = unwrap(n);
  if (is(n, "dictionary")) return "dict literal";
  if (is(n, "identifier") || is(n, "attribute")) return cut(dotted(n, ctx));
  if (is(n, "call")) {
    const TSNode fn = field(n, "function");
    if (is(fn, "identifier") || is(fn, "attribute")) return cut(dotted(fn, ctx)) + "(...)";
  }
  return "an expression";
}

bool is_boundary(TSNode n) { return is(n, "function_definition") || is(n, "lambda") || is(n, "class_definition"); }

}  // namespace

std::vector<std::string_view> LogSitesCheck::node_types() const {
  return {"identifier",          "call",   "except_clause",    "raise_statement", "return_statement",
          "function_definition", "lambda", "class_definition", "assignment"};
}

void LogSitesCheck::begin_file(FileContext& /*ctx*/) {
  handlers_.clear();
  depth_ = 0;
  imports_seen_ = 0;
  log_aliases_.clear();
  open_log_calls_.clear();
}

void LogSitesCheck::enter(TSNode node, FileContext& ctx) {
  const char* type = ts_node_type(node);
  if (std::strcmp(type, "identifier") == 0) {
    on_identifier(node, ctx);
  } else if (std::strcmp(type, "call") == 0) {
    on_call(node, ctx);
  } else if (std::strcmp(type, "raise_statement") == 0 || std::strcmp(type, "return_statement") == 0) {
    const bool raise = std::strcmp(type, "raise_statement") == 0;
    // Every clause around it in the same function: a raise in a nested handler still leaves the outer one.
    for (auto it = handlers_.rbegin(); it != handlers_.rend() && it->depth == depth_; ++it)
      (raise ? it->raises : it->returns) = true;
  } else if (std::strcmp(type, "except_clause") == 0) {
    on_except(node, ctx);
  } else if (std::strcmp(type, "assignment") == 0) {
    on_assignment(node, ctx);
  } else {
    ++depth_;  // function_definition, lambda, class_definition
  }
}

void LogSitesCheck::leave(TSNode node, FileContext& ctx) {
  const char* type = ts_node_type(node);
  if (std::strcmp(type, "call") == 0) {
    if (!open_log_calls_.empty() && open_log_calls_.back().start == ts_node_start_byte(node) &&
        open_log_calls_.back().end == ts_node_end_byte(node)) {
      open_log_calls_.pop_back();
    }
    return;
  }
  if (std::strcmp(type, "function_definition") == 0 || std::strcmp(type, "lambda") == 0 ||
      std::strcmp(type, "class_definition") == 0) {
    --depth_;
    return;
  }
  if (std::strcmp(type, "except_clause") != 0 || handlers_.empty() ||
      handlers_.back().start != ts_node_start_byte(node))
    return;
  OpenHandler h = std::move(handlers_.back());
  handlers_.pop_back();
  auto& notes = ctx.module.notes;
  if (h.raises) {
    for (auto i : h.log_notes) notes[i].fields.emplace_back("reraises", "1");
  }
  // `logger.error(...)` followed by `logger.exception(e)` in the same clause: the traceback is logged.
  bool traceback = false;
  for (auto i : h.log_notes) {
    const std::string exc_info = notes[i].get("exc_info");
    if (notes[i].get("name") == "exception" || (!exc_info.empty() && exc_info != "false")) traceback = true;
  }
  if (traceback) {
    for (auto i : h.log_notes) notes[i].fields.emplace_back("traceback_logged", "1");
  }
  facts::Note note{std::string(kHandlerNote), h.location, {}};
  note.fields.emplace_back("broad", h.broad ? "1" : "0");
  note.fields.emplace_back("caught", h.caught);
  note.fields.emplace_back("raises", h.raises ? "1" : "0");
  note.fields.emplace_back("returns", h.returns ? "1" : "0");
  note.fields.emplace_back("uses_alias", h.uses_alias ? "1" : "0");
  note.fields.emplace_back("calls", h.calls ? "1" : "0");
  note.fields.emplace_back("optional_import", h.optional_import ? "1" : "0");
  note.fields.emplace_back("trivial", h.trivial ? "1" : "0");
  notes.push_back(std::move(note));
}

void LogSitesCheck::on_except(TSNode node, FileContext& ctx) {
  OpenHandler h;
  h.start = ts_node_start_byte(node);
  h.depth = depth_;
  h.location = ctx.source.location(node);
  bool any_value = false;
  std::vector<std::string> caught;
  const std::uint32_t count = ts_node_child_count(node);
  for (std::uint32_t i = 0; i < count; ++i) {
    const char* f = ts_node_field_name_for_child(node, i);
    if (f == nullptr || std::strcmp(f, "value") != 0) continue;
    TSNode value = ts_node_child(node, i);
    any_value = true;
    if (is(value, "as_pattern")) {
      // `except E as e` may parse as one as_pattern value rather than value and alias fields.
      const TSNode alias = field(value, "alias");
      const TSNode id = is(alias, "as_pattern_target") && ts_node_named_child_count(alias) == 1
                            ? ts_node_named_child(alias, 0)
                            : alias;
      if (is(id, "identifier")) {
        h.alias = std::string(ctx.source.text_of(id));
        h.alias_start = ts_node_start_byte(id);
      }
      value = ts_node_named_child(value, 0);
    }
    caught.push_back(util::collapse_whitespace(ctx.source.text_of(value)));
    if (is_broad_exception(value, ctx)) h.broad = true;
  }
  if (!any_value) h.broad = true;  // a bare `except:` catches everything, KeyboardInterrupt included
  h.caught = cut(caught.empty() ? std::string("except:") : "except " + util::join(caught, ", "), 60);
  const TSNode alias = field(node, "alias");
  if (is(alias, "identifier")) {
    h.alias = std::string(ctx.source.text_of(alias));
    h.alias_start = ts_node_start_byte(alias);
  } else if (is(alias, "as_pattern_target") && ts_node_named_child_count(alias) == 1) {
    const TSNode id = ts_node_named_child(alias, 0);
    h.alias = std::string(ctx.source.text_of(id));
    h.alias_start = ts_node_start_byte(id);
  }
  // `try: import x / except Exception: x = None`: an optional dependency, not a swallowed failure.
  const TSNode parent = ctx.ancestors().empty() ? TSNode{} : ctx.ancestors().back();
  if (is(parent, "try_statement")) {
    const TSNode body = field(parent, "body");
    const std::uint32_t n = ts_node_is_null(body) ? 0 : ts_node_named_child_count(body);
    bool only_imports = n > 0;
    for (std::uint32_t i = 0; i < n; ++i) {
      const TSNode s = ts_node_named_child(body, i);
      if (!is(s, "import_statement") && !is(s, "import_from_statement") && !is(s, "comment")) only_imports = false;
    }
    h.optional_import = only_imports;
  }
  const std::uint32_t children = ts_node_named_child_count(node);
  h.trivial = children > 0 && is_trivial_body(ts_node_named_child(node, children - 1));
  handlers_.push_back(std::move(h));
}

void LogSitesCheck::on_identifier(TSNode node, FileContext& ctx) {
  const std::uint32_t size = ts_node_end_byte(node) - ts_node_start_byte(node);
  if (!handlers_.empty()) {
    const auto text = ctx.source.text_of(node);
    for (auto it = handlers_.rbegin(); it != handlers_.rend(); ++it) {
      if (!it->alias.empty() && it->alias == text && it->alias_start != ts_node_start_byte(node)) {
        it->uses_alias = true;
        break;
      }
    }
  }
  for (auto& open : open_log_calls_) {
    if (!open.mentions && open.alias == ctx.source.text_of(node)) {
      open.mentions = true;
      ctx.module.notes[open.note].fields.emplace_back("mentions_exception", "1");
    }
  }
  if (size != 4 || ctx.source.text_of(node) != "WARN") return;
  const auto anc = ctx.ancestors();
  const TSNode parent = anc.empty() ? TSNode{} : anc.back();
  std::string object;
  core::Location where = ctx.source.location(node);
  if (is(parent, "attribute")) {
    if (!ts_node_eq(field(parent, "attribute"), node)) return;
    const TSNode obj = field(parent, "object");
    if (!is(obj, "identifier")) return;
    object = std::string(ctx.source.text_of(obj));
    where = ctx.source.location(parent);
  } else {
    // A bare WARN only where a value is read (an argument, a right-hand side, a comparison), so that a
    // class attribute or parameter of that name is not taken for the import.
    const bool read = is(parent, "argument_list") || is(parent, "comparison_operator") ||
                      (is(parent, "keyword_argument") && ts_node_eq(field(parent, "value"), node)) ||
                      (is(parent, "assignment") && ts_node_eq(field(parent, "right"), node));
    if (!read) return;
  }
  facts::Note note{std::string(kWarnConstantNote), where, {}};
  note.fields.emplace_back("object", object);
  ctx.module.notes.push_back(std::move(note));
}

void LogSitesCheck::on_assignment(TSNode node, FileContext& ctx) {
  if (depth_ != 0) return;
  const TSNode left = field(node, "left");
  if (!is(left, "identifier") || ctx.source.text_of(left) != "LOGGING") return;
  const TSNode right = unwrap(field(node, "right"));
  if (ts_node_is_null(right)) return;
  facts::Note note{std::string(kSettingsNote), ctx.source.location(node), {}};
  note.fields.emplace_back("config_from", describe_expression(right, ctx));
  if (is(right, "dictionary")) describe_logging_dict(right, ctx, note);
  ctx.module.notes.push_back(std::move(note));
}

void LogSitesCheck::on_call(TSNode node, FileContext& ctx) {
  for (auto it = handlers_.rbegin(); it != handlers_.rend(); ++it) it->calls = true;
  const TSNode fn = field(node, "function");
  TSNode name_node{};
  if (is(fn, "attribute")) {
    name_node = field(fn, "attribute");
  } else if (is(fn, "identifier")) {
    name_node = fn;
  }
  if (ts_node_is_null(name_node)) return;
  const std::string_view name = ctx.source.text_of(name_node);
  bool log = is_log_method_name(name);
  if (!log && is(fn, "identifier")) {
    // `from logging import info as log_info`: the imports collected so far name the aliases.
    for (; imports_seen_ < ctx.module.imports.size(); ++imports_seen_) {
      const auto& imp = ctx.module.imports[imports_seen_];
      if (!imp.name.empty() && imp.bound != imp.name && is_log_method_name(imp.name)) log_aliases_.push_back(imp.bound);
    }
    for (const auto& alias : log_aliases_) {
      if (alias == name) log = true;
    }
  }
  const bool get_logger = name == "getLogger" || name == "get_logger" || name == "get_task_logger";
  const bool print = name == "print" || name == "pprint" || name == "pp";
  const bool init = name == "init";
  const bool config = name == "dictConfig" || name == "basicConfig" || name == "fileConfig";
  if (!log && !get_logger && !print && !init && !config) return;

  // The arguments: positional ones in order, keyword ones by name.
  std::vector<TSNode> positional;
  std::vector<std::pair<std::string_view, TSNode>> keywords;
  bool splat = false;
  const TSNode args = field(node, "arguments");
  const std::uint32_t count = ts_node_is_null(args) || !is(args, "argument_list") ? 0 : ts_node_named_child_count(args);
  for (std::uint32_t i = 0; i < count; ++i) {
    const TSNode a = ts_node_named_child(args, i);
    if (is(a, "comment")) continue;
    if (is(a, "keyword_argument")) {
      keywords.emplace_back(ctx.source.text_of(field(a, "name")), field(a, "value"));
    } else if (is(a, "dictionary_splat")) {
      splat = true;
    } else if (!is(a, "list_splat")) {
      positional.push_back(a);
    }
  }
  const auto keyword = [&](std::string_view k) -> TSNode {
    for (const auto& [kw, value] : keywords) {
      if (kw == k) return value;
    }
    return TSNode{};
  };

  facts::Note note{{}, ctx.source.location(node), {}};
  if (log) {
    note.kind = kLogCallNote;
    note.fields.emplace_back("name", name);
    const std::size_t msg_pos = name == "log" ? 1 : 0;
    TSNode msg = msg_pos < positional.size() ? positional[msg_pos] : TSNode{};
    if (ts_node_is_null(msg)) msg = keyword("msg");
    if (ts_node_is_null(msg)) msg = keyword("event");
    if (!ts_node_is_null(msg)) note.fields.emplace_back("message", form_of(msg, ctx));
    if (const TSNode exc = keyword("exc_info"); !ts_node_is_null(exc))
      note.fields.emplace_back("exc_info", truthiness(exc, ctx));
    if (splat) note.fields.emplace_back("splat", "1");
    if (const TSNode extra = unwrap(keyword("extra")); !ts_node_is_null(extra)) {
      std::vector<std::string> clash;
      if (is(extra, "dictionary")) {
        const std::uint32_t n = ts_node_named_child_count(extra);
        for (std::uint32_t i = 0; i < n; ++i) {
          const TSNode pair = ts_node_named_child(extra, i);
          if (!is(pair, "pair")) continue;
          if (auto k = string_value(field(pair, "key"), ctx); k && is_reserved(*k)) clash.push_back(*k);
        }
      } else if (is(extra, "call") && is(field(extra, "function"), "identifier") &&
                 ctx.source.text_of(field(extra, "function")) == "dict") {
        const TSNode dict_args = field(extra, "arguments");
        const std::uint32_t n = ts_node_is_null(dict_args) ? 0 : ts_node_named_child_count(dict_args);
        for (std::uint32_t i = 0; i < n; ++i) {
          const TSNode a = ts_node_named_child(dict_args, i);
          if (!is(a, "keyword_argument")) continue;
          const auto k = ctx.source.text_of(field(a, "name"));
          if (is_reserved(k)) clash.emplace_back(k);
        }
      }
      if (!clash.empty()) note.fields.emplace_back("extra_clash", util::join(clash, ","));
    }
    // What the call runs under, up to its function: the innermost statement that makes it conditional or
    // repeated, and whether an except clause is around it.
    const auto anc = ctx.ancestors();
    TSNode below = node;
    bool context_set = false, handler = false;
    for (std::size_t i = anc.size(); i-- > 0; below = anc[i]) {
      const TSNode a = anc[i];
      if (is_boundary(a)) break;
      if (is(a, "except_clause") || is(a, "except_group_clause")) {
        handler = true;
        context_set = true;
      } else if (context_set) {
        continue;
      } else if (is(a, "for_statement")) {
        if (!ts_node_eq(field(a, "body"), below)) continue;  // the iterable runs once
        context_set = true;
        const TSNode left = field(a, "left");
        const TSNode right = unwrap(field(a, "right"));
        note.fields.emplace_back("loop", "for " + cut(util::collapse_whitespace(ctx.source.text_of(left)), 40) +
                                             " in " + cut(util::collapse_whitespace(ctx.source.text_of(right)), 40));
        if (is(right, "call")) note.fields.emplace_back("iterable", location_key(ctx.source.location(right)));
        note.fields.emplace_back("loop_body", location_key(ctx.source.location(field(a, "body"))));
      } else if (is(a, "if_statement") || is(a, "elif_clause") || is(a, "while_statement")) {
        if (!ts_node_eq(field(a, "condition"), below)) context_set = true;
      } else if (is(a, "else_clause") || is(a, "case_clause") || is(a, "conditional_expression") ||
                 is(a, "boolean_operator") || is(a, "list_comprehension") || is(a, "set_comprehension") ||
                 is(a, "dictionary_comprehension") || is(a, "generator_expression")) {
        context_set = true;
      }
    }
    if (handler) {
      note.fields.emplace_back("handler", "1");
      if (!handlers_.empty() && handlers_.back().depth == depth_) {
        OpenHandler& h = handlers_.back();
        h.log_notes.push_back(ctx.module.notes.size());
        if (h.broad) note.fields.emplace_back("handler_broad", "1");
        // Its arguments are walked next: on_identifier learns whether they mention the caught exception.
        if (!h.alias.empty())
          open_log_calls_.push_back(
              OpenLogCall{ts_node_start_byte(node), ts_node_end_byte(node), ctx.module.notes.size(), h.alias, false});
      }
    }
  } else if (get_logger) {
    note.kind = kGetLoggerNote;
    TSNode arg = positional.empty() ? keyword("name") : positional.front();
    arg = unwrap(arg);
    if (ts_node_is_null(arg)) {
      note.fields.emplace_back("arg_form", "none");
    } else if (auto s = string_value(arg, ctx)) {
      note.fields.emplace_back("arg_form", "string");
      note.fields.emplace_back("arg", cut(*s));
    } else {
      const auto f = form_of(arg, ctx);
      note.fields.emplace_back("arg_form", f);
      if (f == "name") note.fields.emplace_back("arg", cut(dotted(arg, ctx)));
    }
  } else if (print) {
    note.kind = kPrintNote;
    if (const TSNode file = unwrap(keyword("file")); !ts_node_is_null(file)) {
      note.fields.emplace_back("file", is(file, "identifier") || is(file, "attribute") || is(file, "none")
                                           ? cut(dotted(file, ctx))
                                           : std::string("<expression>"));
    }
  } else if (init) {
    note.kind = kInitNote;
    TSNode dsn = keyword("dsn");
    if (ts_node_is_null(dsn) && !positional.empty()) dsn = positional.front();
    if (!ts_node_is_null(dsn)) note.fields.emplace_back("dsn", describe_dsn(dsn, ctx));
    std::vector<std::string> names;
    for (const auto& [kw, value] : keywords) names.emplace_back(kw);
    if (splat) names.emplace_back("**");
    note.fields.emplace_back("keywords", util::join(names, ","));
  } else {
    note.kind = kConfigNote;
    if (name == "dictConfig" && !positional.empty()) {
      const TSNode arg = unwrap(positional.front());
      note.fields.emplace_back("config_from", describe_expression(arg, ctx));
      if (is(arg, "dictionary")) describe_logging_dict(arg, ctx, note);
    } else if (name == "fileConfig" && !positional.empty()) {
      const auto s = string_value(positional.front(), ctx);
      note.fields.emplace_back("config_file", s ? cut(*s) : describe_expression(positional.front(), ctx));
    } else if (name == "basicConfig") {
      if (const TSNode level = unwrap(keyword("level")); !ts_node_is_null(level)) {
        const auto s = string_value(level, ctx);
        note.fields.emplace_back("level", s ? *s : cut(dotted(level, ctx)));
      }
      if (auto s = string_value(keyword("filename"), ctx)) note.fields.emplace_back("filename", cut(*s));
      std::vector<std::string> names;
      for (const auto& [kw, value] : keywords) names.emplace_back(kw);
      note.fields.emplace_back("keywords", util::join(names, ","));
    }
  }
  ctx.module.notes.push_back(std::move(note));
}

}  // namespace onramp::checks::logging
