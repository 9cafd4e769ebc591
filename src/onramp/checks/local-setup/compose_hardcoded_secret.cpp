#include "onramp/checks/local-setup/compose_hardcoded_secret.hpp"

#include <set>
#include <tuple>

#include <fmt/format.h>

#include "onramp/checks/local-setup/setup_files.hpp"
#include "onramp/util/secrets.hpp"

namespace onramp::checks::local_setup {

namespace {
constexpr std::string_view kRule = "local-setup/compose-hardcoded-secret";
}  // namespace

void ComposeHardcodedSecretCheck::check_project(const model::Project& project, const core::RuleSet& rules,
                                                std::vector<core::Finding>& out) const {
  const core::Rule* rule = rules.find(kRule);
  if (rule == nullptr) return;
  std::set<std::tuple<std::string, std::uint32_t, std::string>> seen;
  for (const parse::ComposeFile& compose : load_compose_files(project)) {
    for (const auto& svc : compose.services) {
      std::vector<std::pair<std::string, std::string>> siblings;
      for (const auto& env : svc.environment) {
        if (env.value) siblings.emplace_back(env.key, *env.value);
      }
      // `command: redis-server --requirepass s3cret`: a secret passed on the command line.
      for (const auto& [words, line, what] : {std::tuple{&svc.command_words, svc.command_line, "command"},
                                              std::tuple{&svc.entrypoint_words, svc.entrypoint_line, "entrypoint"}}) {
        if (line == 0) continue;
        for (const auto& opt : secret_options(*words)) {
          const auto kind = classify_secret_value(opt.value);
          if (kind != SecretValue::literal && kind != SecretValue::placeholder) continue;
          if (!seen.emplace(compose.path, line, opt.option).second) continue;
          auto f = make_finding(
              *rule, compose.path, line,
              fmt::format(
                  "the {} of service {} passes a secret on the command line ({} {}): everyone who reads the "
                  "repository has it, and `docker compose ps` shows it; use `{} ${{...}}` with the value in .env",
                  what, svc.name, opt.option, secret_hint(opt.value), opt.option),
              std::string(what) + " " + opt.option);
          if (kind == SecretValue::placeholder) f.severity = core::Severity::info;
          out.push_back(std::move(f));
        }
      }
      for (const auto& env : svc.environment) {
        if (!env.value) continue;
        const std::string& file = env.file.empty() ? compose.path : env.file;
        // An entry read through `extends` from another compose file is reported when that file is read.
        if (!env.file.empty()) {
          const auto* other = project.find(env.file);
          if (other != nullptr && other->kind == core::FileKind::compose) continue;
        }
        if (!seen.emplace(file, env.line, env.key).second) continue;
        const auto& value = *env.value;
        const auto j = judge_secret(env.key, value, siblings);
        std::string message;
        auto severity = rule->severity;
        if (j.url && j.kind == SecretValue::literal) {
          message = fmt::format(
              "{} of service {} is a URL with a written-out password ({}); put the password in .env "
              "and write `${{...}}` in its place",
              env.key, svc.name, util::mask_url_credentials(value));
        } else if (j.url && j.kind == SecretValue::placeholder) {
          message = fmt::format(
              "{} of service {} is a URL with a default password ({}), fine for a local database; "
              "take it from .env wherever it is more than that",
              env.key, svc.name, util::mask_url_credentials(value));
          severity = core::Severity::info;
        } else if (j.kind == SecretValue::literal) {
          message = fmt::format(
              "{} of service {} is written out in the compose file ({}): everyone who reads the "
              "repository has it; use `{}: ${{{}:?set it in .env}}` and keep the value in an "
              "untracked .env",
              env.key, svc.name, secret_hint(value), env.key, env.key);
        } else if (j.kind == SecretValue::placeholder) {
          message = fmt::format(
              "{} of service {} is {} written in the compose file: fine for local runs, but nothing "
              "stops it reaching a real deployment; take it from .env with `${{{}}}`",
              env.key, svc.name,
              j.same_as_user ? std::string("a local default (the same as the user name)")
                             : fmt::format("a placeholder ({})", secret_hint(value)),
              env.key);
          severity = core::Severity::info;
        } else {
          continue;
        }
        auto f = make_finding(*rule, file, env.line, std::move(message), "environment " + env.key);
        f.severity = severity;
        out.push_back(std::move(f));
      }
    }
  }
}

}  // namespace onramp::checks::local_setup
