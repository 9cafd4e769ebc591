#include "onramp/facts/extract/env_reads.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "onramp/parse/ts.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::facts::extract {

namespace {

using parse::ts::field;
using parse::ts::is;

constexpr std::array<std::string_view, 6> kSettingsBases = {
    "pydantic_settings.BaseSettings", "pydantic_settings.main.BaseSettings",
    "pydantic.BaseSettings",          "pydantic.env_settings.BaseSettings",
    "pydantic.v1.BaseSettings",       "pydantic.v1.env_settings.BaseSettings"};

bool is_dotted_name(TSNode n) {
  while (is(n, "attribute")) n = field(n, "object");
  return is(n, "identifier");
}

/// Under an `if`/`try`/conditional expression/`and`/`or` inside its function (or module).
bool is_conditional(const FileContext& ctx) {
  const auto anc = ctx.ancestors();
  for (std::size_t i = anc.size(); i-- > 0;) {
    const char* t = ts_node_type(anc[i]);
    if (std::strcmp(t, "function_definition") == 0 || std::strcmp(t, "class_definition") == 0) return false;
    for (const char* c :
         {"if_statement", "try_statement", "conditional_expression", "boolean_operator", "while_statement"}) {
      if (std::strcmp(t, c) == 0) return true;
    }
  }
  return false;
}

core::Location enclosing_function(const FileContext& ctx) {
  const auto anc = ctx.ancestors();
  for (std::size_t i = anc.size(); i-- > 0;) {
    if (is(anc[i], "function_definition")) return ctx.source.location(anc[i]);
    if (is(anc[i], "class_definition")) return {};
  }
  return {};
}

std::string text(TSNode n, const FileContext& ctx) { return util::collapse_whitespace(ctx.source.text_of(n)); }

/// A keyword's literal or, for AliasChoices("A", "B"), its string arguments.
std::vector<std::string> alias_names(TSNode value, const FileContext& ctx) {
  if (auto s = util::string_literal(ctx.source.text_of(value))) {
    return s->empty() ? std::vector<std::string>{} : std::vector<std::string>{*s};
  }
  if (!is(value, "call")) return {};
  const auto fn = ctx.source.text_of(field(value, "function"));
  if (!fn.ends_with("AliasChoices")) return {};
  std::vector<std::string> out;
  const TSNode args = field(value, "arguments");
  const std::uint32_t n = ts_node_named_child_count(args);
  for (std::uint32_t i = 0; i < n; ++i) {
    auto s = util::string_literal(ctx.source.text_of(ts_node_named_child(args, i)));
    if (s && !s->empty()) out.push_back(std::move(*s));
  }
  return out;
}

/// `env_prefix="APP_"` and friends, from SettingsConfigDict(...) keywords, a dict literal, class keywords or
/// the assignments of a v1 `class Config:`; the first setting of a key wins.
void config_entry(std::string_view key, TSNode value, const FileContext& ctx, SettingsClass& cls) {
  const auto literal = util::string_literal(ctx.source.text_of(value));
  if (key == "case_sensitive") {
    if (!cls.case_sensitive) cls.case_sensitive = literal ? *literal == "True" : text(value, ctx) == "True";
    return;
  }
  std::string* slot = key == "env_prefix"             ? &cls.env_prefix
                      : key == "env_nested_delimiter" ? &cls.nested_delimiter
                      : key == "env_file"             ? &cls.env_file
                      : key == "secrets_dir"          ? &cls.secrets_dir
                                                      : nullptr;
  if (slot == nullptr || !slot->empty()) return;
  *slot = literal ? *literal : text(value, ctx);
}

void config_from_expression(TSNode value, const FileContext& ctx, SettingsClass& cls) {
  if (is(value, "call")) {
    const TSNode args = field(value, "arguments");
    const std::uint32_t n = ts_node_named_child_count(args);
    for (std::uint32_t i = 0; i < n; ++i) {
      const TSNode a = ts_node_named_child(args, i);
      if (is(a, "keyword_argument")) config_entry(ctx.source.text_of(field(a, "name")), field(a, "value"), ctx, cls);
    }
  } else if (is(value, "dictionary")) {
    const std::uint32_t n = ts_node_named_child_count(value);
    for (std::uint32_t i = 0; i < n; ++i) {
      const TSNode p = ts_node_named_child(value, i);
      if (!is(p, "pair")) continue;
      if (auto k = util::string_literal(ctx.source.text_of(field(p, "key"))))
        config_entry(*k, field(p, "value"), ctx, cls);
    }
  }
}

/// `name: T = default` or `name: T = Field(...)` in a settings class body.
SettingsField settings_field(int klass, TSNode assignment, const FileContext& ctx) {
  const TSNode left = field(assignment, "left");
  const TSNode type = field(assignment, "type");
  const TSNode right = field(assignment, "right");
  SettingsField f;
  f.klass = klass;
  f.name = std::string(ctx.source.text_of(left));
  f.location = ctx.source.location(left);
  f.annotation = text(type, ctx);
  bool has_default = !ts_node_is_null(right);
  std::string value = has_default ? text(right, ctx) : std::string{};
  if (is(right, "call") && ctx.source.text_of(field(right, "function")).ends_with("Field")) {
    has_default = false;
    value.clear();
    const TSNode args = field(right, "arguments");
    const std::uint32_t n = ts_node_named_child_count(args);
    bool first_positional = true;
    for (std::uint32_t i = 0; i < n; ++i) {
      const TSNode a = ts_node_named_child(args, i);
      if (is(a, "keyword_argument")) {
        const auto k = ctx.source.text_of(field(a, "name"));
        const TSNode v = field(a, "value");
        if (k == "default" && !is(v, "ellipsis")) {
          has_default = true;
          value = text(v, ctx);
        } else if (k == "default_factory") {
          has_default = true;
          value = text(v, ctx) + "()";
        } else if (k == "alias" || k == "validation_alias" || k == "env") {
          // pydantic v1 took `env=`; v2 `validation_alias` wins over `alias` for reading.
          auto names = alias_names(v, ctx);
          if (!names.empty() && (k != "alias" || f.aliases.empty())) f.aliases = std::move(names);
        }
      } else if (first_positional && !is(a, "comment")) {
        first_positional = false;
        if (!is(a, "ellipsis")) {
          has_default = true;
          value = text(a, ctx);
        }
      }
    }
  }
  f.has_default = has_default;
  if (has_default) f.default_value = value.size() > 120 ? value.substr(0, 120) : value;
  return f;
}

}  // namespace

void EnvReadsExtractor::begin_file(FileContext& /*ctx*/) {
  accesses_.clear();
  classes_.clear();
}

void EnvReadsExtractor::enter(TSNode node, FileContext& ctx) {
  if (is(node, "subscript")) {
    const TSNode value = field(node, "value");
    if (!is_dotted_name(value) || !ctx.source.text_of(value).ends_with("environ")) return;
    const TSNode key = field(node, "subscript");
    Access a;
    a.receiver = std::string(ctx.source.text_of(value));
    a.key_text = std::string(ctx.source.text_of(key));
    a.key = util::string_literal(a.key_text);
    a.mode = EnvAccess::Mode::read;
    const TSNode parent = ts_node_parent(node);
    if ((is(parent, "assignment") || is(parent, "augmented_assignment")) && ts_node_eq(field(parent, "left"), node)) {
      a.mode = is(parent, "assignment") ? EnvAccess::Mode::set : EnvAccess::Mode::read;
    } else if (is(parent, "delete_statement") ||
               (is(parent, "expression_list") && is(ts_node_parent(parent), "delete_statement"))) {
      a.mode = EnvAccess::Mode::remove;
    }
    a.conditional = is_conditional(ctx);
    a.location = ctx.source.location(node);
    a.function = enclosing_function(ctx);
    accesses_.push_back(std::move(a));
    return;
  }
  if (is(node, "comparison_operator")) {
    if (ts_node_child_count(node) != 3) return;
    const auto op = std::string_view(ts_node_type(ts_node_child(node, 1)));
    if (op != "in" && op != "not in") return;
    const TSNode right = ts_node_child(node, 2);
    if (!is_dotted_name(right) || !ctx.source.text_of(right).ends_with("environ")) return;
    const TSNode left = ts_node_child(node, 0);
    Access a;
    a.receiver = std::string(ctx.source.text_of(right));
    a.key_text = std::string(ctx.source.text_of(left));
    a.key = util::string_literal(a.key_text);
    a.mode = EnvAccess::Mode::check;
    a.conditional = true;
    a.location = ctx.source.location(node);
    a.function = enclosing_function(ctx);
    accesses_.push_back(std::move(a));
    return;
  }
  // class_definition: the collector (registered first) has just added it to module.classes.
  if (ctx.module.classes.empty()) return;
  const std::size_t index = ctx.module.classes.size() - 1;
  const auto& cls = ctx.module.classes[index];
  if (cls.name != ctx.source.text_of(field(node, "name"))) return;
  PendingClass pending;
  pending.config.klass = static_cast<int>(index);
  pending.config.location = ctx.source.location(field(node, "name"));
  SettingsClass& config = pending.config;
  const TSNode supers = field(node, "superclasses");
  if (!ts_node_is_null(supers)) {
    const std::uint32_t n = ts_node_named_child_count(supers);
    for (std::uint32_t i = 0; i < n; ++i) {
      const TSNode a = ts_node_named_child(supers, i);
      if (is(a, "keyword_argument")) config_entry(ctx.source.text_of(field(a, "name")), field(a, "value"), ctx, config);
    }
  }
  const TSNode body = field(node, "body");
  const std::uint32_t count = ts_node_named_child_count(body);
  for (std::uint32_t i = 0; i < count; ++i) {
    const TSNode stmt = ts_node_named_child(body, i);
    if (is(stmt, "class_definition") && ctx.source.text_of(field(stmt, "name")) == "Config") {
      const TSNode inner = field(stmt, "body");
      const std::uint32_t m = ts_node_named_child_count(inner);
      for (std::uint32_t j = 0; j < m; ++j) {
        const TSNode s = ts_node_named_child(inner, j);
        const TSNode asg = is(s, "expression_statement") ? ts_node_named_child(s, 0) : TSNode{};
        if (is(asg, "assignment") && is(field(asg, "left"), "identifier") && !ts_node_is_null(field(asg, "right"))) {
          config_entry(ctx.source.text_of(field(asg, "left")), field(asg, "right"), ctx, config);
        }
      }
      continue;
    }
    if (!is(stmt, "expression_statement")) continue;
    const TSNode asg = ts_node_named_child(stmt, 0);
    if (!is(asg, "assignment") || !is(field(asg, "left"), "identifier")) continue;
    const auto name = ctx.source.text_of(field(asg, "left"));
    if (name == "model_config") {
      config_from_expression(field(asg, "right"), ctx, config);
      continue;
    }
    const TSNode type = field(asg, "type");
    if (ts_node_is_null(type) || name.starts_with("_") ||
        ctx.source.text_of(type).find("ClassVar") != std::string_view::npos)
      continue;
    pending.fields.push_back(settings_field(static_cast<int>(index), asg, ctx));
  }
  classes_.push_back(std::move(pending));
}

void EnvReadsExtractor::finish(FileContext& ctx) {
  facts::Module& m = ctx.module;
  const auto top = m.name.substr(0, m.name.find('.'));
  // Settings classes: kept when a base is a BaseSettings or a class of this repository's package (resolved later).
  for (auto& pending : classes_) {
    const auto& cls = m.classes[static_cast<std::size_t>(pending.config.klass)];
    bool keep = false;
    for (const auto& b : cls.bases) {
      if (std::find(kSettingsBases.begin(), kSettingsBases.end(), b) != kSettingsBases.end() ||
          (!top.empty() && (b.starts_with(top + ".") || b == top))) {
        keep = true;
      }
    }
    if (!keep) continue;
    pending.config.bases = cls.bases;
    m.records.settings_classes.push_back(std::move(pending.config));
    for (auto& f : pending.fields) m.records.settings_fields.push_back(std::move(f));
  }
  // os.environ accesses: the receiver's first name resolved through module-level names and imports.
  for (const auto& a : accesses_) {
    const auto dot = a.receiver.find('.');
    const std::string first = a.receiver.substr(0, dot);
    const std::string rest = dot == std::string::npos ? std::string{} : a.receiver.substr(dot);
    std::string target;
    const auto g = std::lower_bound(m.globals.begin(), m.globals.end(), first,
                                    [](const facts::Global& x, const std::string& n) { return x.name < n; });
    if (g != m.globals.end() && g->name == first) {
      target = g->target;
    } else {
      for (const auto& imp : m.imports) {
        if (imp.bound == first) target = imp.target;
      }
    }
    if (target.empty() || target + rest != "os.environ") continue;
    EnvAccess access;
    access.mode = a.mode;
    access.location = a.location;
    access.name = a.key;
    if (!a.key) access.expr = util::collapse_whitespace(a.key_text);
    access.conditional = a.conditional;
    if (a.function.line != 0) {
      for (std::size_t f = 0; f < m.functions.size(); ++f) {
        const auto& fn = m.functions[f];
        if (fn.location.line != a.function.line || fn.location.column != a.function.column) continue;
        access.function = static_cast<int>(f);
        for (std::size_t i = 0; i < fn.parameters.size() && access.parameter < 0; ++i) {
          if (!a.key && fn.parameters[i].name == a.key_text) access.parameter = static_cast<int>(i);
        }
        break;
      }
    }
    m.records.env_accesses.push_back(std::move(access));
  }
  accesses_.clear();
  classes_.clear();
}

}  // namespace onramp::facts::extract
