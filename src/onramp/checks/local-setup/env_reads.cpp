#include "onramp/checks/local-setup/env_reads.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "onramp/util/strings.hpp"

namespace onramp::checks::local_setup {

namespace {

bool is(TSNode n, const char* type) { return !ts_node_is_null(n) && std::strcmp(ts_node_type(n), type) == 0; }

TSNode field(TSNode n, const char* name) {
  return ts_node_child_by_field_name(n, name, static_cast<std::uint32_t>(std::strlen(name)));
}

constexpr std::array<std::string_view, 6> kSettingsBases = {
    "pydantic_settings.BaseSettings", "pydantic_settings.main.BaseSettings", "pydantic.BaseSettings",
    "pydantic.env_settings.BaseSettings", "pydantic.v1.BaseSettings", "pydantic.v1.env_settings.BaseSettings"};

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
    for (const char* c : {"if_statement", "try_statement", "conditional_expression", "boolean_operator", "while_statement"}) {
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

/// A keyword's literal or, for AliasChoices("A", "B"), its string arguments joined with `|`.
std::string alias_names(TSNode value, const FileContext& ctx) {
  if (auto s = util::string_literal(ctx.source.text_of(value))) return *s;
  if (!is(value, "call")) return {};
  const auto fn = ctx.source.text_of(field(value, "function"));
  if (!fn.ends_with("AliasChoices")) return {};
  std::string out;
  const TSNode args = field(value, "arguments");
  const std::uint32_t n = ts_node_named_child_count(args);
  for (std::uint32_t i = 0; i < n; ++i) {
    if (auto s = util::string_literal(ctx.source.text_of(ts_node_named_child(args, i)))) out += (out.empty() ? "" : "|") + *s;
  }
  return out;
}

/// `env_prefix="APP_"` and friends, from SettingsConfigDict(...) keywords, a dict literal, class keywords or
/// the assignments of a v1 `class Config:`.
void config_entry(std::string_view key, TSNode value, const FileContext& ctx, facts::Note& note) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kKeys = {{
      {"env_prefix", "env_prefix"}, {"case_sensitive", "case_sensitive"}, {"env_nested_delimiter", "nested_delimiter"},
      {"env_file", "env_file"}, {"secrets_dir", "secrets_dir"}}};
  for (const auto& [k, name] : kKeys) {
    if (key != k) continue;
    if (auto s = util::string_literal(ctx.source.text_of(value))) {
      note.fields.emplace_back(std::string(name), *s);
    } else {
      note.fields.emplace_back(std::string(name), text(value, ctx));
    }
  }
}

void config_from_expression(TSNode value, const FileContext& ctx, facts::Note& note) {
  if (is(value, "call")) {
    const TSNode args = field(value, "arguments");
    const std::uint32_t n = ts_node_named_child_count(args);
    for (std::uint32_t i = 0; i < n; ++i) {
      const TSNode a = ts_node_named_child(args, i);
      if (is(a, "keyword_argument")) config_entry(ctx.source.text_of(field(a, "name")), field(a, "value"), ctx, note);
    }
  } else if (is(value, "dictionary")) {
    const std::uint32_t n = ts_node_named_child_count(value);
    for (std::uint32_t i = 0; i < n; ++i) {
      const TSNode p = ts_node_named_child(value, i);
      if (!is(p, "pair")) continue;
      if (auto k = util::string_literal(ctx.source.text_of(field(p, "key")))) config_entry(*k, field(p, "value"), ctx, note);
    }
  }
}

/// `name: T = default` or `name: T = Field(...)` in a settings class body.
facts::Note field_note(const std::string& cls, TSNode assignment, const FileContext& ctx) {
  const TSNode left = field(assignment, "left");
  const TSNode type = field(assignment, "type");
  const TSNode right = field(assignment, "right");
  facts::Note note{"settings-field", ctx.source.location(left), {{"class", cls}, {"name", std::string(ctx.source.text_of(left))}}};
  note.fields.emplace_back("annotation", text(type, ctx));
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
          const auto names = alias_names(v, ctx);
          if (!names.empty() && (k != "alias" || note.get("alias").empty())) {
            std::erase_if(note.fields, [](const auto& f) { return f.first == "alias"; });
            note.fields.emplace_back("alias", names);
          }
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
  note.fields.emplace_back("default", has_default ? "yes" : "no");
  if (has_default) note.fields.emplace_back("value", value.size() > 120 ? value.substr(0, 120) : value);
  return note;
}

}  // namespace

void EnvReadsCollector::begin_file(FileContext& /*ctx*/) {
  accesses_.clear();
  classes_.clear();
}

void EnvReadsCollector::enter(TSNode node, FileContext& ctx) {
  if (is(node, "subscript")) {
    const TSNode value = field(node, "value");
    if (!is_dotted_name(value) || !ctx.source.text_of(value).ends_with("environ")) return;
    const TSNode key = field(node, "subscript");
    Access a;
    a.receiver = std::string(ctx.source.text_of(value));
    a.key_text = std::string(ctx.source.text_of(key));
    a.key = util::string_literal(a.key_text);
    a.mode = "read";
    const TSNode parent = ts_node_parent(node);
    if ((is(parent, "assignment") || is(parent, "augmented_assignment")) && ts_node_eq(field(parent, "left"), node)) {
      a.mode = is(parent, "assignment") ? "set" : "read";
    } else if (is(parent, "delete_statement") || (is(parent, "expression_list") && is(ts_node_parent(parent), "delete_statement"))) {
      a.mode = "delete";
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
    a.mode = "check";
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
  ClassNotes cn{index, {}};
  facts::Note config{"settings-class", ctx.source.location(field(node, "name")), {{"class", cls.qualname}}};
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
    if (ts_node_is_null(type) || name.starts_with("_") || ctx.source.text_of(type).find("ClassVar") != std::string_view::npos) continue;
    cn.notes.push_back(field_note(cls.qualname, asg, ctx));
  }
  cn.notes.insert(cn.notes.begin(), std::move(config));
  classes_.push_back(std::move(cn));
}

void EnvReadsCollector::check_module(FileContext& ctx) {
  facts::Module& m = ctx.module;
  const auto top = m.name.substr(0, m.name.find('.'));
  // Settings classes: kept when a base is a BaseSettings or a class of this repository's package (resolved later).
  for (auto& cn : classes_) {
    const auto& cls = m.classes[cn.class_index];
    bool keep = false;
    std::string bases;
    for (const auto& b : cls.bases) {
      if (std::find(kSettingsBases.begin(), kSettingsBases.end(), b) != kSettingsBases.end() ||
          (!top.empty() && (b.starts_with(top + ".") || b == top))) {
        keep = true;
      }
      bases += (bases.empty() ? "" : " ") + b;
    }
    if (!keep) continue;
    cn.notes.front().fields.emplace_back("bases", bases);
    for (auto& n : cn.notes) m.notes.push_back(std::move(n));
  }
  // os.environ accesses: the receiver's first name resolved through module-level names and imports.
  for (const auto& a : accesses_) {
    const auto dot = a.receiver.find('.');
    const std::string first = a.receiver.substr(0, dot);
    const std::string rest = dot == std::string::npos ? std::string{} : a.receiver.substr(dot);
    std::string target;
    const auto g = std::lower_bound(m.globals.begin(), m.globals.end(), first, [](const facts::Global& x, const std::string& n) { return x.name < n; });
    if (g != m.globals.end() && g->name == first) {
      target = g->target;
    } else {
      for (const auto& imp : m.imports) {
        if (imp.bound == first) target = imp.target;
      }
    }
    if (target.empty() || target + rest != "os.environ") continue;
    facts::Note note{"env-access", a.location, {{"mode", a.mode}}};
    if (a.key) {
      note.fields.emplace_back("name", *a.key);
    } else {
      note.fields.emplace_back("expr", util::collapse_whitespace(a.key_text));
    }
    note.fields.emplace_back("conditional", a.conditional ? "yes" : "no");
    if (a.function.line != 0) {
      for (const auto& fn : m.functions) {
        if (fn.location.line != a.function.line || fn.location.column != a.function.column) continue;
        note.fields.emplace_back("function", fn.qualname);
        for (std::size_t i = 0; i < fn.parameters.size(); ++i) {
          if (!a.key && fn.parameters[i].name == a.key_text) note.fields.emplace_back("param", std::to_string(i));
        }
        break;
      }
    }
    m.notes.push_back(std::move(note));
  }
  accesses_.clear();
  classes_.clear();
}

}  // namespace onramp::checks::local_setup
