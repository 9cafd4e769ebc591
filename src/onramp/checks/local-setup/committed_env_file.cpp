#include "onramp/checks/local-setup/committed_env_file.hpp"

#include <fmt/format.h>

#include "onramp/checks/local-setup/setup_files.hpp"

namespace onramp::checks::local_setup {

namespace {
constexpr std::string_view kRule = "local-setup/committed-env-file";
}  // namespace

void CommittedEnvFileCheck::check_project(const model::Project& project, const core::RuleSet& rules,
                                          std::vector<core::Finding>& out) const {
  const core::Rule* rule = rules.find(kRule);
  if (rule == nullptr) return;
  // Discovery skips what .gitignore covers, so every file seen here is tracked or about to be.
  for (const auto& env : load_env_files(project)) {
    if (is_env_template(env.path)) continue;
    std::vector<std::pair<std::string, std::string>> siblings;
    for (const auto& e : env.file.entries) siblings.emplace_back(e.key, e.value);
    std::size_t secrets = 0, placeholders = 0;
    for (const auto& e : env.file.entries) {
      if (e.empty) continue;
      const auto j = judge_secret(e.key, e.value, siblings);
      if (j.kind == SecretValue::literal) ++secrets;
      if (j.kind == SecretValue::placeholder) ++placeholders;
    }
    // `backend.env`, `common.env`: files a committed compose `env_file:` or devcontainer reads by design. Only the
    // dotted names (.env, .env.local, .env.production) are the per-machine kind; the others count when they hold
    // a real-looking secret.
    const auto name = env.path.substr(env.path.rfind('/') + 1);
    if (!(name == ".env" || name.starts_with(".env.")) && secrets == 0) continue;
    std::string holds;
    if (secrets + placeholders == 0) {
      holds = "it sets no secret-looking key, but the values of one machine do not belong in the repository";
    } else if (secrets == 0) {
      holds =
          fmt::format("its {} secret-looking key{} only hold{} placeholders, which a real value will replace one day",
                      placeholders, placeholders == 1 ? "" : "s", placeholders == 1 ? "s" : "");
    } else {
      holds = fmt::format("it sets {} secret-looking key{} to written-out values{}", secrets, secrets == 1 ? "" : "s",
                          placeholders > 0 ? fmt::format(" (and {} to placeholders)", placeholders) : std::string());
    }
    auto f = make_finding(*rule, env.path, 0,
                          fmt::format("{} is not a template and no .gitignore covers it, so it is committed or will "
                                      "be with the next `git add .`; {}. Rename it to .env.example with "
                                      "placeholders and add {} to .gitignore",
                                      env.path, holds, name),
                          "env-file " + env.path);
    // Nothing secret in it (Vite-style defaults, ports, log levels): worth knowing, not worth failing a build.
    if (secrets + placeholders == 0) f.severity = core::Severity::info;
    out.push_back(std::move(f));
  }
}

}  // namespace onramp::checks::local_setup
