#include "onramp/checks/local-setup/secret_in_file.hpp"

#include <cstring>

#include <fmt/format.h>

#include "onramp/checks/local-setup/setup_files.hpp"
#include "onramp/core/secret_keys.hpp"
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

/// The callee reads an environment variable with an optional default as its second argument or `default=`.
bool reads_env_with_default(std::string_view callee) {
  return callee == "os.getenv" || callee == "os.environ.get" || callee == "os.environ.setdefault" ||
         callee == "decouple.config" || callee == "environ.Env()" || callee.starts_with("environ.Env().") ||
         callee == "environs.Env()" || callee.starts_with("environs.Env().");
}

/// `os.getenv("SECRET_KEY", "dev-secret")`: a secret's fallback written in the code, found in the resolved calls.
void report_env_defaults(const core::Rule& rule, const facts::Module& m, std::vector<core::Finding>& out) {
  for (const auto& call : m.calls) {
    if (!reads_env_with_default(call.callee)) continue;
    const auto args = util::split_arguments(call.args);
    if (args.empty()) continue;
    const auto key = util::string_literal(args[0]);
    if (!key) continue;
    std::string_view fallback = util::keyword_argument(args, "default");
    if (fallback.empty() && args.size() >= 2 && args[1].find('=') == std::string_view::npos) fallback = args[1];
    const auto value = util::string_literal(fallback);
    if (!value) continue;
    const auto j = judge_secret(*key, *value, {});
    if (j.kind != SecretValue::literal && j.kind != SecretValue::placeholder) continue;
    if (j.url && j.kind == SecretValue::placeholder) continue;  // `postgres://app:app@localhost/app`: a dev default
    const auto shown = j.url ? util::mask_url_credentials(*value) : secret_hint(*value);
    std::string message;
    if (j.kind == SecretValue::literal) {
      message = fmt::format(
          "{}(\"{}\", ...) falls back to a written-out {} ({}): when the variable is missing the app "
          "runs with a value everyone who reads the repository has; drop the default so that a "
          "missing secret fails at start-up",
          call.written, *key, j.url ? "URL password" : "secret", shown);
    } else {
      message = fmt::format(
          "{}(\"{}\", ...) falls back to a placeholder ({}): when the variable is missing the app "
          "runs with it; drop the default so that a missing secret fails at start-up",
          call.written, *key, shown);
    }
    auto f = make_finding(rule, m.path, call.location.line, std::move(message), "env-default " + std::string(*key));
    f.location = call.location;
    if (j.kind == SecretValue::placeholder) f.severity = core::Severity::info;
    out.push_back(std::move(f));
  }
}

}  // namespace

void SecretInFileCheck::begin_file(FileContext& ctx) {
  settings_module_ = ctx.module.role != core::CodeRole::test && is_settings_path(ctx.module.path);
}

void SecretInFileCheck::enter(TSNode node, FileContext& ctx) {
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
  const auto j = judge_secret(name, *literal, {});
  if (j.kind != SecretValue::literal && j.kind != SecretValue::placeholder) return;
  // The finding says what kind of value it is and never the value itself.
  const std::string hint = j.url ? util::mask_url_credentials(*literal) : secret_hint(*literal);
  std::string message;
  if (j.url) {
    message = j.kind == SecretValue::literal
                  ? url_message(name, "a settings module", hint)
                  : fmt::format(
                        "{} in a settings module is a URL with a default password ({}), fine for a local "
                        "database; take it from the environment wherever it is more than that",
                        name, hint);
  } else if (j.kind == SecretValue::placeholder) {
    message = placeholder_message(name, "a settings module", hint);
  } else {
    message = literal_message(name, "a settings module", hint);
  }
  const std::size_t before = ctx.findings.size();
  ctx.report(kRule, ctx.source.location(node), std::move(message), "setting " + name);
  // A placeholder, or a default password in a URL, is what a local set-up needs: worth knowing, not an error.
  if (ctx.findings.size() > before && j.kind == SecretValue::placeholder)
    ctx.findings.back().severity = core::Severity::info;
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
      const auto j = judge_secret(e.key, e.value, siblings);
      if (template_file && j.kind != SecretValue::literal) continue;
      std::string message;
      auto severity = rule->severity;
      if (j.url && j.kind == SecretValue::literal) {
        message = url_message(e.key, where, util::mask_url_credentials(e.value));
      } else if (j.url && j.kind == SecretValue::placeholder) {
        message = fmt::format(
            "{} in {} is a URL with a default password ({}), fine for a local database; take it "
            "from the environment wherever it is more than that",
            e.key, where, util::mask_url_credentials(e.value));
        severity = core::Severity::info;
      } else if (j.kind == SecretValue::literal) {
        message = literal_message(e.key, where, secret_hint(e.value));
      } else if (j.kind == SecretValue::placeholder) {
        message =
            placeholder_message(e.key, where, j.same_as_user ? "the same as the user name" : secret_hint(e.value));
        severity = core::Severity::info;
      } else {
        continue;
      }
      auto f = make_finding(*rule, env.path, e.line, std::move(message), "env " + e.key);
      f.severity = severity;
      out.push_back(std::move(f));
    }
  }

  for (const auto& m : project.modules) {
    if (m.role != core::CodeRole::test) report_env_defaults(*rule, m, out);
  }
}

}  // namespace onramp::checks::local_setup
