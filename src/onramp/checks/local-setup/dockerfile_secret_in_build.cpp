#include "onramp/checks/local-setup/dockerfile_secret_in_build.hpp"

#include <fmt/format.h>

#include "onramp/checks/local-setup/setup_files.hpp"
#include "onramp/core/secret_keys.hpp"
#include "onramp/util/secrets.hpp"

namespace onramp::checks::local_setup {

namespace {

constexpr std::string_view kRule = "local-setup/dockerfile-secret-in-build";

void check_instruction(const core::Rule& rule, const std::string& path, const parse::DockerInstruction& ins,
                       std::vector<core::Finding>& out) {
  if (ins.keyword != "ENV" && ins.keyword != "ARG") return;
  const bool is_arg = ins.keyword == "ARG";
  for (const auto& kv : parse::parse_key_values(ins.arguments)) {
    const auto code = ins.keyword + " " + kv.key;
    const auto report = [&](core::Severity severity, std::string message) {
      auto f = make_finding(rule, path, ins.line, std::move(message), code);
      f.severity = severity;
      out.push_back(std::move(f));
    };
    if (!core::is_secret_key(kv.key)) {
      const auto url = kv.has_value ? classify_url_password(kv.value) : SecretValue::empty;
      if (url == SecretValue::literal || url == SecretValue::placeholder) {
        report(url == SecretValue::literal ? core::Severity::error : core::Severity::info,
               fmt::format("{} {} holds a URL with a {} password ({}): it is stored in the image{}; pass it at run "
                           "time instead",
                           ins.keyword, kv.key, url == SecretValue::literal ? "written-out" : "default",
                           util::mask_url_credentials(kv.value), is_arg ? "'s history" : " for anyone who pulls it"));
      }
      continue;
    }
    const auto kind = kv.has_value ? classify_secret_value(kv.value) : SecretValue::empty;
    switch (kind) {
      case SecretValue::literal:
        report(core::Severity::error,
               fmt::format("{} {} writes a secret's value ({}) into the Dockerfile: it is stored in the image{} and in "
                           "the repository; pass it at run time, or with a BuildKit secret mount if the build needs it",
                           ins.keyword, kv.key, secret_hint(kv.value), is_arg ? "'s history" : "'s environment"));
        break;
      case SecretValue::placeholder:
        report(core::Severity::info,
               fmt::format("{} {} has a placeholder value ({}): harmless as it is, but a real value put here would be "
                           "stored in the image; pass the secret at run time",
                           ins.keyword, kv.key, secret_hint(kv.value)));
        break;
      case SecretValue::interpolated:
        report(
            core::Severity::warning,
            fmt::format("{} {} copies a build argument into the image{}: anyone who pulls the image can read it; pass "
                        "the secret at run time instead",
                        ins.keyword, kv.key, is_arg ? "'s history" : "'s environment"));
        break;
      case SecretValue::empty:
        if (!is_arg) break;  // `ENV TOKEN=` sets nothing secret
        report(
            core::Severity::warning,
            fmt::format("ARG {} takes a secret as a build argument: whatever `--build-arg {}=...` passes is recorded "
                        "in the history of every layer that uses it; use `RUN --mount=type=secret,id=...` instead",
                        kv.key, kv.key));
        break;
    }
  }
}

}  // namespace

void DockerfileSecretInBuildCheck::check_project(const model::Project& project, const core::RuleSet& rules,
                                                 std::vector<core::Finding>& out) const {
  const core::Rule* rule = rules.find(kRule);
  if (rule == nullptr) return;
  for (const auto& df : load_valid_dockerfiles(project)) {
    for (const auto& arg : df.file.global_args) check_instruction(*rule, df.path, arg, out);
    for (const auto& stage : df.file.stages) {
      for (const auto& ins : stage.instructions) check_instruction(*rule, df.path, ins, out);
    }
  }
}

}  // namespace onramp::checks::local_setup
