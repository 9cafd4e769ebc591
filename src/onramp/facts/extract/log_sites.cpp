#include "onramp/facts/extract/log_sites.hpp"

#include <array>
#include <cstring>
#include <optional>

#include "onramp/parse/ts.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::facts::extract {

namespace {

constexpr std::size_t kMaxText = 80;
constexpr std::size_t kMaxNames = 40;

constexpr std::array<std::string_view, 11> kMethods = {"debug",    "info",  "warning", "warn",  "error",  "exception",
                                                       "critical", "fatal", "log",     "trace", "success"};

/// LogRecord attributes that `extra` may not overwrite (makeRecord raises KeyError); taskName since 3.12.
constexpr std::array<std::string_view, 23> kReserved = {
    "args",    "asctime",     "created",         "exc_info",   "exc_text", "filename",   "funcName", "levelname",
    "levelno", "lineno",      "module",          "msecs",      "message",  "msg",        "name",     "pathname",
    "process", "processName", "relativeCreated", "stack_info", "thread",   "threadName", "taskName"};

using parse::ts::field;
using parse::ts::is;
using parse::ts::unwrap;

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
MessageForm form_of(TSNode n, const FileContext& ctx) {
  n = unwrap(n);
  if (is(n, "string")) return has_interpolation(n) ? MessageForm::fstring : MessageForm::string;
  if (is(n, "concatenated_string")) {
    const std::uint32_t count = ts_node_named_child_count(n);
    for (std::uint32_t i = 0; i < count; ++i) {
      if (has_interpolation(ts_node_named_child(n, i))) return MessageForm::fstring;
    }
    return MessageForm::string;
  }
  if (is(n, "binary_operator")) {
    const TSNode op = field(n, "operator");
    if (is(op, "%")) return MessageForm::percent_format;
    if (is(op, "+")) return MessageForm::concatenation;
    return MessageForm::other;
  }
  if (is(n, "call")) {
    const TSNode fn = field(n, "function");
    if (is(fn, "attribute")) {
      const TSNode attr = field(fn, "attribute");
      const TSNode object = unwrap(field(fn, "object"));
      if (ctx.source.text_of(attr) == "format" && (is(object, "string") || is(object, "concatenated_string")))
        return MessageForm::format_call;
    }
    return MessageForm::call;
  }
  if (is(n, "identifier") || is(n, "attribute")) return MessageForm::name;
  if (is(n, "true") || is(n, "false") || is(n, "none")) return MessageForm::constant;
  return MessageForm::other;
}

/// `True`, `1`, a non-empty string: truthy; `False`, `None`, `0`: falsy; anything else is decided at run time.
Truth truthiness(TSNode n, const FileContext& ctx) {
  n = unwrap(n);
  if (is(n, "true")) return Truth::truthy;
  if (is(n, "false") || is(n, "none")) return Truth::falsy;
  if (is(n, "integer")) return ctx.source.text_of(n) == "0" ? Truth::falsy : Truth::truthy;
  return Truth::unknown;
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
void describe_logging_dict(TSNode dict, const FileContext& ctx, LoggingConfig& config) {
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
    config.handlers = std::move(out);
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
    config.loggers = std::move(out);
  }
  const TSNode root = dict_get(dict, "root", ctx);
  if (is(root, "dictionary")) {
    if (auto level = string_value(dict_get(root, "level", ctx), ctx)) config.root_level = std::move(*level);
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
  // `str(x)` is x; a loop, not recursion: `str(str(...))` may be nested as deep as a hostile file likes.
  for (int i = 0; i < 8; ++i) {
    if (!is(n, "call") || !is(field(n, "function"), "identifier") || ctx.source.text_of(field(n, "function")) != "str")
      break;
    const TSNode args = field(n, "arguments");
    if (ts_node_is_null(args) || ts_node_named_child_count(args) != 1) break;
    n = unwrap(ts_node_named_child(args, 0));
  }
  if (is(n, "none")) return "None (Sentry disabled)";
  if (is(n, "string") || is(n, "concatenated_string")) {
    const auto v = string_value(n, ctx);
    if (v && v->empty()) return "empty string (Sentry disabled)";
    return "a literal in the code (masked)";
  }
  if (is(n, "identifier") || is(n, "attribute")) return "from " + cut(dotted(n, ctx));
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

bool is_log_method_name(std::string_view name) {
  for (auto m : kMethods) {
    if (m == name) return true;
  }
  return false;
}

std::vector<std::string_view> LogSitesExtractor::node_types() const {
  return {"identifier",          "call",   "except_clause",    "raise_statement", "return_statement",
          "function_definition", "lambda", "class_definition", "assignment"};
}

void LogSitesExtractor::begin_file(FileContext& /*ctx*/) {
  handlers_.clear();
  depth_ = 0;
  imports_seen_ = 0;
  log_aliases_.clear();
  open_log_calls_.clear();
}

void LogSitesExtractor::enter(TSNode node, FileContext& ctx) {
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

void LogSitesExtractor::leave(TSNode node, FileContext& ctx) {
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
  auto& calls = ctx.module.records.log_calls;
  // `logger.error(...)` followed by `logger.exception(e)` in the same clause: the traceback is logged.
  bool traceback = false;
  for (auto i : h.log_calls) {
    if (calls[i].method == "exception" || (calls[i].exc_info != Truth::absent && calls[i].exc_info != Truth::falsy))
      traceback = true;
  }
  if (traceback) {
    for (auto i : h.log_calls) calls[i].traceback_logged = true;
  }
  ExceptHandler& record = ctx.module.handlers[h.index];
  record.reraises = h.raises;
  record.returns = h.returns;
  record.uses_alias = h.uses_alias;
  record.calls = h.calls;
  record.logs = !h.log_calls.empty();
}

void LogSitesExtractor::on_except(TSNode node, FileContext& ctx) {
  // The Collector (registered first) has just recorded the clause; this completes what its body does.
  if (ctx.module.handlers.empty()) return;
  OpenHandler h;
  h.start = ts_node_start_byte(node);
  h.depth = depth_;
  h.index = ctx.module.handlers.size() - 1;
  TSNode alias = field(node, "alias");
  const std::uint32_t count = ts_node_child_count(node);
  for (std::uint32_t i = 0; i < count; ++i) {
    const char* f = ts_node_field_name_for_child(node, i);
    const TSNode value = ts_node_child(node, i);
    // `except E as e` may parse as one as_pattern value rather than value and alias fields.
    if (f != nullptr && std::strcmp(f, "value") == 0 && is(value, "as_pattern")) alias = field(value, "alias");
  }
  if (is(alias, "as_pattern_target") && ts_node_named_child_count(alias) == 1) alias = ts_node_named_child(alias, 0);
  if (is(alias, "identifier")) {
    h.alias = std::string(ctx.source.text_of(alias));
    h.alias_start = ts_node_start_byte(alias);
  }
  handlers_.push_back(std::move(h));
}

void LogSitesExtractor::on_identifier(TSNode node, FileContext& ctx) {
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
      ctx.module.records.log_calls[open.log_call].mentions_exception = true;
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
  ctx.module.records.warn_constants.push_back({std::move(object), where});
}

void LogSitesExtractor::on_assignment(TSNode node, FileContext& ctx) {
  if (depth_ != 0) return;
  const TSNode left = field(node, "left");
  if (!is(left, "identifier") || ctx.source.text_of(left) != "LOGGING") return;
  const TSNode right = unwrap(field(node, "right"));
  if (ts_node_is_null(right)) return;
  LoggingConfig config;
  config.kind = LoggingConfig::Kind::settings;
  config.location = ctx.source.location(node);
  config.config_from = describe_expression(right, ctx);
  if (is(right, "dictionary")) describe_logging_dict(right, ctx, config);
  ctx.module.records.logging_configs.push_back(std::move(config));
}

void LogSitesExtractor::on_call(TSNode node, FileContext& ctx) {
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
  const bool init = name == "init";
  const bool config = name == "dictConfig" || name == "basicConfig" || name == "fileConfig";
  if ((!log && !get_logger && !init && !config) || ctx.module.calls.empty()) return;
  // The Collector (registered first) has just recorded this call.
  const auto call = static_cast<std::uint32_t>(ctx.module.calls.size() - 1);

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

  auto& records = ctx.module.records;
  if (log) {
    LogCall site;
    site.call = call;
    site.method = std::string(name);
    const std::size_t msg_pos = name == "log" ? 1 : 0;
    TSNode msg = msg_pos < positional.size() ? positional[msg_pos] : TSNode{};
    if (ts_node_is_null(msg)) msg = keyword("msg");
    if (ts_node_is_null(msg)) msg = keyword("event");
    if (!ts_node_is_null(msg)) site.message = form_of(msg, ctx);
    if (const TSNode exc = keyword("exc_info"); !ts_node_is_null(exc)) site.exc_info = truthiness(exc, ctx);
    site.splat = splat;
    if (const TSNode extra = unwrap(keyword("extra")); !ts_node_is_null(extra)) {
      if (is(extra, "dictionary")) {
        const std::uint32_t n = ts_node_named_child_count(extra);
        for (std::uint32_t i = 0; i < n; ++i) {
          const TSNode pair = ts_node_named_child(extra, i);
          if (!is(pair, "pair")) continue;
          if (auto k = string_value(field(pair, "key"), ctx); k && is_reserved(*k)) site.extra_clash.push_back(*k);
        }
      } else if (is(extra, "call") && is(field(extra, "function"), "identifier") &&
                 ctx.source.text_of(field(extra, "function")) == "dict") {
        const TSNode dict_args = field(extra, "arguments");
        const std::uint32_t n = ts_node_is_null(dict_args) ? 0 : ts_node_named_child_count(dict_args);
        for (std::uint32_t i = 0; i < n; ++i) {
          const TSNode a = ts_node_named_child(dict_args, i);
          if (!is(a, "keyword_argument")) continue;
          const auto k = ctx.source.text_of(field(a, "name"));
          if (is_reserved(k)) site.extra_clash.emplace_back(k);
        }
      }
    }
    // What the call runs under, up to its function: the innermost statement that makes it conditional or
    // repeated, and whether an except clause is around it.
    const auto anc = ctx.ancestors();
    TSNode below = node;
    bool context_set = false;
    for (std::size_t i = anc.size(); i-- > 0; below = anc[i]) {
      const TSNode a = anc[i];
      if (is_boundary(a)) break;
      if (is(a, "except_clause") || is(a, "except_group_clause")) {
        site.in_handler = true;
        context_set = true;
      } else if (context_set) {
        continue;
      } else if (is(a, "for_statement")) {
        if (!ts_node_eq(field(a, "body"), below)) continue;  // the iterable runs once
        context_set = true;
        const TSNode left = field(a, "left");
        const TSNode right = unwrap(field(a, "right"));
        site.loop = "for " + cut(util::collapse_whitespace(ctx.source.text_of(left)), 40) + " in " +
                    cut(util::collapse_whitespace(ctx.source.text_of(right)), 40);
        if (is(right, "call")) site.iterable = ctx.source.location(right);
        site.loop_body = ctx.source.location(field(a, "body"));
      } else if (is(a, "if_statement") || is(a, "elif_clause") || is(a, "while_statement")) {
        if (!ts_node_eq(field(a, "condition"), below)) context_set = true;
      } else if (is(a, "else_clause") || is(a, "case_clause") || is(a, "conditional_expression") ||
                 is(a, "boolean_operator") || is(a, "list_comprehension") || is(a, "set_comprehension") ||
                 is(a, "dictionary_comprehension") || is(a, "generator_expression")) {
        context_set = true;
      }
    }
    if (site.in_handler && !handlers_.empty() && handlers_.back().depth == depth_) {
      OpenHandler& h = handlers_.back();
      site.handler = static_cast<int>(h.index);
      h.log_calls.push_back(records.log_calls.size());
      // Its arguments are walked next: on_identifier learns whether they mention the caught exception.
      if (!h.alias.empty()) {
        open_log_calls_.push_back(
            OpenLogCall{ts_node_start_byte(node), ts_node_end_byte(node), records.log_calls.size(), h.alias, false});
      }
    }
    records.log_calls.push_back(std::move(site));
  } else if (get_logger) {
    LoggerCreation created;
    created.call = call;
    TSNode arg = positional.empty() ? keyword("name") : positional.front();
    arg = unwrap(arg);
    if (ts_node_is_null(arg)) {
      created.form = LoggerCreation::NameForm::none;
    } else if (auto lit = string_value(arg, ctx)) {
      created.form = LoggerCreation::NameForm::string;
      created.name = cut(*lit);
    } else if (form_of(arg, ctx) == MessageForm::name) {
      created.form = LoggerCreation::NameForm::name;
      created.name = cut(dotted(arg, ctx));
    } else {
      created.form = LoggerCreation::NameForm::other;
    }
    records.logger_creations.push_back(std::move(created));
  } else if (init) {
    TSNode dsn = keyword("dsn");
    if (ts_node_is_null(dsn) && !positional.empty()) dsn = positional.front();
    records.tracker_inits.push_back({call, ts_node_is_null(dsn) ? std::string{} : describe_dsn(dsn, ctx)});
  } else {
    LoggingConfig setup;
    setup.call = static_cast<int>(call);
    setup.location = ctx.source.location(node);
    if (name == "dictConfig") {
      setup.kind = LoggingConfig::Kind::dict_config;
      if (!positional.empty()) {
        const TSNode arg = unwrap(positional.front());
        setup.config_from = describe_expression(arg, ctx);
        if (is(arg, "dictionary")) describe_logging_dict(arg, ctx, setup);
      }
    } else if (name == "fileConfig") {
      setup.kind = LoggingConfig::Kind::file_config;
      if (!positional.empty()) {
        const auto file = string_value(positional.front(), ctx);
        setup.config_file = file ? cut(*file) : describe_expression(positional.front(), ctx);
      }
    } else {
      setup.kind = LoggingConfig::Kind::basic_config;
      if (const TSNode level = unwrap(keyword("level")); !ts_node_is_null(level)) {
        const auto lit = string_value(level, ctx);
        setup.level = lit ? *lit : cut(dotted(level, ctx));
      }
      if (auto file = string_value(keyword("filename"), ctx)) setup.filename = cut(*file);
      std::vector<std::string> names;
      for (const auto& [kw, value] : keywords) names.emplace_back(kw);
      setup.keywords = std::move(names);
    }
    records.logging_configs.push_back(std::move(setup));
  }
}

}  // namespace onramp::facts::extract
