#include "onramp/checks/local-setup/secret_in_file.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstring>

#include <fmt/format.h>

#include "onramp/checks/local-setup/setup_files.hpp"
#include "onramp/core/masking.hpp"
#include "onramp/core/secret_keys.hpp"
#include "onramp/model/roles.hpp"
#include "onramp/parse/ts.hpp"
#include "onramp/util/secrets.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::local_setup {

namespace {

constexpr std::string_view kRule = "local-setup/secret-in-file";

using parse::ts::field;
using parse::ts::is;

bool settings_word(std::string_view part) {
  return part == "settings" || part == "config" || part == "conf" || part == "configs" || part == "configuration" ||
         part == "local_settings" || part.starts_with("settings_") || part.ends_with("_settings") ||
         part.starts_with("config_") || part.ends_with("_config");
}

/// settings.py, settings/prod.py, core/config.py, app/conf.py, django_settings.py ...
bool is_settings_path(std::string_view path) {
  for (auto part : util::split(path, '/')) {
    if (part.ends_with(".py")) part.remove_suffix(3);
    if (settings_word(util::to_lower(part))) return true;
  }
  return false;
}

std::string literal_message(std::string_view key, std::string_view where, const std::string& hint) {
  return fmt::format(
      "{} is written out in {} ({}): everyone who reads the repository has it; read it from the "
      "environment and keep the value in an untracked .env",
      key, where, hint);
}

std::string placeholder_message(std::string_view key, std::string_view where, const std::string& hint) {
  return fmt::format(
      "{} holds a placeholder in {} ({}): replace it wherever the app really runs, and make the app "
      "refuse to start with it",
      key, where, hint);
}

std::string url_message(std::string_view key, std::string_view where, const std::string& masked) {
  return fmt::format("{} in {} is a URL with a written-out password ({}); take the password from the environment", key,
                     where, masked);
}

/// What a written-out value next to a secret-looking key is, judged from the value itself: only a value that looks
/// like a real credential is an error; a placeholder is worth knowing; a rate, a class path or a flag is no secret.
enum class Evidence { none, placeholder, weak, credential };

/// Bits per character of the value's own character distribution (Shannon entropy).
double entropy(std::string_view v) {
  std::array<int, 256> counts{};
  for (const char c : v) ++counts[static_cast<unsigned char>(c)];
  double bits = 0;
  for (const int n : counts) {
    if (n == 0) continue;
    const double p = static_cast<double>(n) / static_cast<double>(v.size());
    bits -= p * std::log2(p);
  }
  return bits;
}

/// A generated string: long, no spaces, mixing character classes, with a spread of characters (`Jd8sk2LmQp0zXv7n`).
bool looks_generated(std::string_view v) {
  if (v.size() < 12 || v.find_first_of(" \t") != std::string_view::npos) return false;
  bool lower = false, upper = false, digit = false, other = false;
  for (const char c : v) {
    const auto u = static_cast<unsigned char>(c);
    if (std::islower(u) != 0) lower = true;
    else if (std::isupper(u) != 0) upper = true;
    else if (std::isdigit(u) != 0) digit = true;
    else other = true;
  }
  const int classes = int{lower} + int{upper} + int{digit} + int{other};
  // Hex or base64 digests (`9a8b7c6d5e4f3a2b1c0d`) have two classes but are long.
  if (classes < 3 && !(classes == 2 && digit && v.size() >= 20)) return false;
  return entropy(v) >= 3.0;
}

bool is_identifier_part(std::string_view part) {
  if (part.empty() || std::isdigit(static_cast<unsigned char>(part.front())) != 0) return false;
  return std::all_of(part.begin(), part.end(),
                     [](char c) { return c == '_' || std::isalnum(static_cast<unsigned char>(c)) != 0; });
}

/// `5/min`, `100000/day`, `20/m`: a throttle rate (Django REST framework, flask-limiter, slowapi).
bool is_rate(std::string_view v) {
  const auto slash = v.find('/');
  if (slash == 0 || slash == std::string_view::npos) return false;
  const auto count = v.substr(0, slash);
  if (!std::all_of(count.begin(), count.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }))
    return false;
  static constexpr std::string_view kUnits[] = {"s",    "sec", "second", "m",     "min",  "minute", "h",
                                                "hour", "d",   "day",    "month", "week", "year"};
  const auto unit = util::to_lower(v.substr(slash + 1));
  return std::find(std::begin(kUnits), std::end(kUnits), unit) != std::end(kUnits);
}

/// Values that are no credential whatever the key says: flags, numbers, rates, dotted class or module paths.
bool not_a_credential(std::string_view v) {
  const auto lower = util::to_lower(v);
  static constexpr std::string_view kFlags[] = {"true", "false", "yes", "no", "on", "off", "1", "0", "none", "null"};
  if (std::find(std::begin(kFlags), std::end(kFlags), lower) != std::end(kFlags)) return true;
  if (std::all_of(v.begin(), v.end(),
                  [](char c) { return c == '.' || std::isdigit(static_cast<unsigned char>(c)) != 0; }))
    return true;
  if (is_rate(v)) return true;
  // `paperless.auth.PaperlessTokenStrategy`: an import path, two or more identifiers joined by dots.
  if (v.find('.') != std::string_view::npos) {
    const auto parts = util::split(v, '.');
    if (parts.size() >= 2 && std::all_of(parts.begin(), parts.end(), is_identifier_part)) return true;
  }
  return false;
}

/// `fixme-postgres-password`, `LNPAY_API_KEY=LNPAY_API_KEY`, `LNPAY_ADMIN_KEY`, `xxx-...`: written to be replaced.
bool is_placeholder(std::string_view key, std::string_view v) {
  if (core::is_placeholder_value(v)) return true;
  const auto lower = util::to_lower(v);
  if (lower == util::to_lower(key)) return true;
  for (const std::string_view mark : {"fixme", "todo", "xxx", "change", "replace", "your", "<", "example", "dummy"}) {
    if (lower.starts_with(mark)) return true;
  }
  if (lower.find("xxx") != std::string::npos || lower.find("changeme") != std::string::npos) return true;
  // An upper-case name (`LNPAY_ADMIN_KEY`, `KEY`): the name of what goes there, not a value.
  const bool upper_name = std::all_of(v.begin(), v.end(), [](char c) {
    return c == '_' || std::isupper(static_cast<unsigned char>(c)) != 0 ||
           std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
  const bool has_digit =
      std::any_of(v.begin(), v.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
  return upper_name && (v.find('_') != std::string_view::npos || !has_digit) &&
         std::any_of(v.begin(), v.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; });
}

Evidence evidence(std::string_view key, std::string_view value) {
  const auto v = util::trim(value);
  if (v.empty() || v.front() == '$') return Evidence::none;
  if (v.find("PRIVATE KEY-----") != std::string_view::npos) return Evidence::credential;
  if (core::is_issued_token(v)) return Evidence::credential;
  if (is_placeholder(key, v)) return Evidence::placeholder;
  if (not_a_credential(v)) return Evidence::none;
  return looks_generated(v) ? Evidence::credential : Evidence::weak;
}

/// The role a finding names when it is not application code: a script's or tool's default is for its user.
bool reported_apart(core::CodeRole role) { return role != core::CodeRole::application; }

/// The callee reads an environment variable with an optional default as its second argument or `default=`.
bool reads_env_with_default(std::string_view callee) {
  return callee == "os.getenv" || callee == "os.environ.get" || callee == "os.environ.setdefault" ||
         callee == "decouple.config" || callee == "environ.Env()" || callee.starts_with("environ.Env().") ||
         callee == "environs.Env()" || callee.starts_with("environs.Env().");
}

/// How one written-out value is reported: whether at all, at which severity, and what the message calls it.
struct Verdict {
  bool report = false;
  core::Severity severity = core::Severity::info;
  Evidence evidence = Evidence::none;
  bool url = false;
  bool same_as_user = false;
};

/// The one judgement of a `key = value` pair for every place this rule reads: the value's own evidence decides the
/// severity (a credential-looking value is an error, a weak or default-looking one a warning, a placeholder info),
/// a template reports credential-looking values only, and code that is not the application's gets info at most.
Verdict judge(std::string_view key, std::string_view value,
              const std::vector<std::pair<std::string, std::string>>& siblings, bool template_file,
              core::CodeRole role) {
  Verdict v;
  // A pair is no sibling of itself (`ADMIN_USER_PASSWORD` would repeat its own "user" value).
  std::vector<std::pair<std::string, std::string>> others;
  for (const auto& s : siblings) {
    if (s.first != key) others.push_back(s);
  }
  const auto j = judge_secret(key, value, others);
  if (j.kind != SecretValue::literal && j.kind != SecretValue::placeholder) return v;
  v.url = j.url;
  v.same_as_user = j.same_as_user;
  if (j.url) {
    v.evidence = j.kind == SecretValue::literal ? Evidence::credential : Evidence::placeholder;
  } else if (j.same_as_user) {
    v.evidence = Evidence::placeholder;
  } else {
    v.evidence = evidence(key, value);
  }
  switch (v.evidence) {
    case Evidence::none: return v;
    case Evidence::placeholder: v.severity = core::Severity::info; break;
    case Evidence::weak: v.severity = core::Severity::warning; break;
    case Evidence::credential: v.severity = core::Severity::error; break;
  }
  if (template_file && v.evidence != Evidence::credential) return v;
  if (reported_apart(role)) v.severity = core::Severity::info;
  v.report = true;
  return v;
}

/// `; reported at info: script code` for code that is not the application.
std::string role_note(core::CodeRole role) {
  if (!reported_apart(role)) return {};
  return fmt::format(" (reported at info: this is {} code, not the application)", core::to_string(role));
}

std::string weak_message(std::string_view key, std::string_view where, const std::string& hint) {
  return fmt::format(
      "{} is written out in {} ({}): not a generated credential, so likely a default or weak value, and everyone who "
      "reads the repository has it; read it from the environment and keep the value in an untracked .env",
      key, where, hint);
}

/// The message for a pair judged in a settings module or .env file.
std::string pair_message(std::string_view key, std::string_view where, std::string_view value, const Verdict& v) {
  if (v.url) {
    const auto masked = util::mask_url_credentials(value);
    if (v.evidence == Evidence::credential) return url_message(key, where, masked);
    return fmt::format(
        "{} in {} is a URL with a default password ({}), fine for a local database; take it from the environment "
        "wherever it is more than that",
        key, where, masked);
  }
  switch (v.evidence) {
    case Evidence::credential: return literal_message(key, where, secret_hint(value));
    case Evidence::weak: return weak_message(key, where, secret_hint(value));
    default: return placeholder_message(key, where, v.same_as_user ? "the same as the user name" : secret_hint(value));
  }
}

/// The message for a secret's fallback written in the code that reads it; `read` is the read as shown
/// (`os.getenv("SECRET_KEY", ...)`, `os.environ.get("DB_PASSWORD") or ...`).
std::string fallback_message(std::string_view read, std::string_view value, const Verdict& v) {
  const auto shown = v.url ? util::mask_url_credentials(value) : secret_hint(value);
  if (v.evidence == Evidence::placeholder) {
    return fmt::format(
        "{} falls back to a placeholder ({}): when the variable is missing the app runs with it; drop the default so "
        "that a missing secret fails at start-up",
        read, v.same_as_user ? "the same as the user name" : shown);
  }
  return fmt::format(
      "{} falls back to a written-out {} ({}): when the variable is missing the app runs with a value everyone who "
      "reads the repository has; drop the default so that a missing secret fails at start-up",
      read, v.url ? "URL password" : (v.evidence == Evidence::weak ? "default, weak-looking secret" : "secret"), shown);
}

/// The environment variable and its written fallback of every env read with a literal default in the module.
struct EnvDefault {
  const facts::Call* call;
  std::string key;
  std::string value;
};

std::vector<EnvDefault> env_defaults(const facts::Module& m) {
  std::vector<EnvDefault> out;
  for (const auto& call : m.calls) {
    if (!reads_env_with_default(call.resolved())) continue;
    const auto args = util::split_arguments(call.args);
    if (args.empty()) continue;
    const auto key = util::string_literal(args[0]);
    if (!key) continue;
    std::string_view fallback = util::keyword_argument(args, "default");
    if (fallback.empty() && args.size() >= 2 && args[1].find('=') == std::string_view::npos) fallback = args[1];
    const auto value = util::string_literal(fallback);
    if (!value) continue;
    out.push_back({&call, *key, *value});
  }
  return out;
}

/// `os.getenv("SECRET_KEY", "dev-secret")`: a secret's fallback written in the code, found in the resolved calls.
void report_env_defaults(const core::Rule& rule, const facts::Module& m, std::vector<core::Finding>& out) {
  const auto defaults = env_defaults(m);
  // `os.getenv("POSTGRES_USER", "netbox")` beside `os.getenv("POSTGRES_PASSWORD", "netbox")`: a local default.
  std::vector<std::pair<std::string, std::string>> siblings;
  for (const auto& d : defaults) siblings.emplace_back(d.key, d.value);
  for (const auto& d : defaults) {
    const auto v = judge(d.key, d.value, siblings, false, m.role);
    if (!v.report) continue;
    if (v.url && v.evidence == Evidence::placeholder) continue;  // `postgres://app:app@localhost/app`: a dev default
    auto f = make_finding(
        rule, m.path, d.call->location.line,
        fallback_message(fmt::format("{}(\"{}\", ...)", d.call->written, d.key), d.value, v) + role_note(m.role),
        "env-default " + d.key);
    f.location = d.call->location;
    f.severity = v.severity;
    out.push_back(std::move(f));
  }
}

/// The class statement the node is directly in (its body), or a null node.
TSNode enclosing_class(std::span<const TSNode> ancestors) {
  for (auto it = ancestors.rbegin(); it != ancestors.rend(); ++it) {
    if (is(*it, "class_definition")) return *it;
    if (is(*it, "function_definition")) break;
  }
  return TSNode{};
}

/// The string-literal assignments of a class body (`POSTGRES_USER: str = "mealie"`), for same-as-user judgements.
std::vector<std::pair<std::string, std::string>> class_string_fields(TSNode cls, const FileContext& ctx) {
  std::vector<std::pair<std::string, std::string>> out;
  const TSNode body = field(cls, "body");
  const std::uint32_t count = ts_node_is_null(body) ? 0 : ts_node_named_child_count(body);
  for (std::uint32_t i = 0; i < count; ++i) {
    const TSNode stmt = ts_node_named_child(body, i);
    if (!is(stmt, "expression_statement") || ts_node_named_child_count(stmt) == 0) continue;
    const TSNode a = ts_node_named_child(stmt, 0);
    if (!is(a, "assignment")) continue;
    const TSNode left = field(a, "left");
    const TSNode right = field(a, "right");
    if (!is(left, "identifier") || !is(right, "string")) continue;
    if (auto value = util::string_literal(ctx.source.text_of(right)))
      out.emplace_back(std::string(ctx.source.text_of(left)), std::move(*value));
  }
  return out;
}

/// An Enum's members are names for values, not settings (`username_and_password = "username-password"`).
bool is_enum_class(const facts::Module& m, std::uint32_t line) {
  for (const auto& c : m.classes) {
    if (c.location.line != line) continue;
    for (const auto* bases : {&c.bases, &c.canonical_bases}) {
      for (const auto& b : *bases) {
        if (b == "enum.Enum" || b == "enum.StrEnum" || b == "enum.IntEnum" || b == "enum.Flag" ||
            b == "django.db.models.TextChoices" || b == "django.db.models.IntegerChoices")
          return true;
      }
    }
  }
  return false;
}

}  // namespace

void SecretInFileCheck::begin_file(FileContext& ctx) {
  settings_module_ = ctx.module.role != core::CodeRole::test && is_settings_path(ctx.module.path);
  fallbacks_.clear();
  settings_.clear();
}

void SecretInFileCheck::enter(TSNode node, FileContext& ctx) {
  if (is(node, "boolean_operator")) return;  // judged on leave, once its calls are collected
  if (!settings_module_) return;
  for (const TSNode a : ctx.ancestors()) {
    if (is(a, "function_definition") || is(a, "lambda")) return;  // run-time code, not a setting
  }
  TSNode key;
  TSNode value;
  std::string name;
  if (is(node, "pair")) {
    // DATABASES = {"default": {"PASSWORD": "..."}}
    key = field(node, "key");
    value = field(node, "value");
    if (!is(key, "string")) return;
    const auto k = util::string_literal(ctx.source.text_of(key));
    if (!k) return;
    name = *k;
  } else {
    if (!is(ts_node_parent(node), "expression_statement")) return;  // not a chained or nested assignment
    key = field(node, "left");
    value = field(node, "right");
    if (!is(key, "identifier")) return;
    name = std::string(ctx.source.text_of(key));
  }
  if (!is(value, "string")) return;
  const auto literal = util::string_literal(ctx.source.text_of(value));
  if (!literal) return;  // f-strings and the like are computed
  Setting setting{ctx.source.location(node), name, *literal, {}, 0};
  if (const TSNode cls = enclosing_class(ctx.ancestors()); !ts_node_is_null(cls) && is(node, "assignment")) {
    // Bases are resolved once the file is walked: the Enum test waits for check_module.
    setting.class_line = ctx.source.location(cls).line;
    setting.siblings = class_string_fields(cls, ctx);
  }
  settings_.push_back(std::move(setting));
}

void SecretInFileCheck::leave(TSNode node, FileContext& ctx) {
  // `os.environ.get("POSTGRES_PASSWORD") or "password"`: a fallback written after `or`.
  if (!is(node, "boolean_operator") || ctx.module.role == core::CodeRole::test) return;
  const TSNode op = ts_node_child_by_field_name(node, "operator", 8);
  if (ts_node_is_null(op) || ctx.source.text_of(op) != "or") return;
  const TSNode left = field(node, "left");
  const TSNode right = field(node, "right");
  if (!is(left, "call") || !is(right, "string")) return;
  auto literal = util::string_literal(ctx.source.text_of(right));
  if (!literal) return;
  fallbacks_.push_back({ctx.source.location(left), ctx.source.location(node), std::move(*literal)});
}

void SecretInFileCheck::check_module(FileContext& ctx) {
  for (const auto& st : settings_) {
    if (st.class_line != 0 && is_enum_class(ctx.module, st.class_line)) continue;
    const auto v = judge(st.name, st.value, st.siblings, false, ctx.module.role);
    if (!v.report) continue;
    // The finding says what kind of value it is and never the value itself.
    const std::size_t before = ctx.findings.size();
    ctx.report(kRule, st.where, pair_message(st.name, "a settings module", st.value, v) + role_note(ctx.module.role),
               "setting " + st.name);
    if (ctx.findings.size() > before) ctx.findings.back().severity = v.severity;
  }
  for (const auto& fb : fallbacks_) {
    const auto call = std::find_if(ctx.module.calls.begin(), ctx.module.calls.end(), [&](const facts::Call& c) {
      return c.location.line == fb.call.line && c.location.column == fb.call.column;
    });
    if (call == ctx.module.calls.end() || !reads_env_with_default(call->resolved())) continue;
    const auto args = util::split_arguments(call->args);
    if (args.size() != 1) continue;  // with a default of its own, the `or` only catches an empty value
    const auto key = util::string_literal(args[0]);
    if (!key) continue;
    const auto v = judge(*key, fb.value, {}, false, ctx.module.role);
    if (!v.report || (v.url && v.evidence == Evidence::placeholder)) continue;
    const std::size_t before = ctx.findings.size();
    ctx.report(kRule, fb.where,
               fallback_message(fmt::format("{}(\"{}\") or ...", call->written, *key), fb.value, v) +
                   role_note(ctx.module.role),
               "env-or " + *key);
    if (ctx.findings.size() > before) ctx.findings.back().severity = v.severity;
  }
}

void SecretInFileCheck::check_project(const model::Project& project, const core::RuleSet& rules,
                                      std::vector<core::Finding>& out) const {
  const core::Rule* rule = rules.find(kRule);
  if (rule == nullptr) return;
  for (const auto& env : load_env_files(project)) {
    // A placeholder or a default URL password is what a template is for; a real-looking value in one is a leak.
    const bool template_file = is_env_template(env.path);
    const std::string where = template_file ? "this template" : "this .env file";
    std::vector<std::pair<std::string, std::string>> siblings;
    for (const auto& e : env.file.entries) siblings.emplace_back(e.key, e.value);
    for (const auto& e : env.file.entries) {
      if (e.empty) continue;
      const auto v = judge(e.key, e.value, siblings, template_file, core::CodeRole::application);
      if (!v.report) continue;
      auto f = make_finding(*rule, env.path, e.line, pair_message(e.key, where, e.value, v), "env " + e.key);
      f.severity = v.severity;
      out.push_back(std::move(f));
    }
  }

  for (const auto& m : project.modules) {
    if (m.role != core::CodeRole::test) report_env_defaults(*rule, m, out);
  }
}

}  // namespace onramp::checks::local_setup
