#include "onramp/checks/local-setup/undocumented_env_var.hpp"

#include <fmt/format.h>

#include "onramp/checks/local-setup/env_table.hpp"

namespace onramp::checks::local_setup {

namespace {
constexpr std::string_view kRule = "local-setup/undocumented-env-var";

std::string_view failure(std::string_view via) {
  if (via == "pydantic") return "the settings class fails validation at start-up";
  if (via == "django-environ") return "django-environ raises ImproperlyConfigured";
  if (via == "decouple") return "python-decouple raises UndefinedValueError";
  if (via == "os.environ[]" || via == "starlette") return "the read raises KeyError";
  return "the read fails";
}
}  // namespace

void UndocumentedEnvVarCheck::check_project(const model::Project& project, const core::RuleSet& rules,
                                            std::vector<core::Finding>& out) const {
  const auto* rule = rules.find(kRule);
  if (rule == nullptr) return;
  const auto& table = build_env_table(project);
  for (const auto& v : table.vars) {
    if (!v.required || !v.documented_in.empty() || !v.set_in.empty()) continue;
    // The first read in application code that requires it.
    for (const auto& r : v.reads) {
      if (r.context != "app" || !r.required) continue;
      out.push_back(core::make_finding(
          *rule, r.path, {r.line, r.column, r.line, r.column},
          fmt::format("`{}` is required here ({} when it is unset) but no .env template, README or doc, compose file, "
                      "Dockerfile or CI workflow mentions it: a newcomer learns about it from the crash; add it "
                      "to the .env template",
                      v.name, failure(r.via)),
          "env " + v.name));
      break;
    }
  }
}

}  // namespace onramp::checks::local_setup
