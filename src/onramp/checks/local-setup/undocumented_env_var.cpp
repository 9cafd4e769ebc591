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
      core::Finding f;
      f.rule = rule->id;
      f.step = rule->step;
      f.severity = rule->severity;
      f.path = r.path;
      f.location = {r.line, r.column, r.line, r.column};
      f.message = fmt::format("`{}` is required here ({} when it is unset) but no .env template, README or doc, compose file, "
                              "Dockerfile or CI workflow mentions it: a newcomer learns about it from the crash; add it "
                              "to the .env template",
                              v.name, failure(r.via));
      f.code = "env " + v.name;
      out.push_back(std::move(f));
      break;
    }
  }
}

}  // namespace onramp::checks::local_setup
