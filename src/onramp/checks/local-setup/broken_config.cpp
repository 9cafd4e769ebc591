#include "onramp/checks/local-setup/broken_config.hpp"

#include "onramp/model/inputs.hpp"
#include "onramp/parse/documents.hpp"

#include <fmt/format.h>

#include "onramp/checks/local-setup/setup_files.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::local_setup {

namespace {

constexpr std::string_view kRule = "local-setup/broken-config";

}  // namespace

void BrokenConfigCheck::check_project(const model::Project& project, const core::RuleSet& rules,
                                      std::vector<core::Finding>& out) const {
  const core::Rule* rule = rules.find(kRule);
  if (rule == nullptr) return;
  const auto report = [&](const std::string& path, std::uint32_t line, const std::string& message) {
    out.push_back(make_finding(*rule, path, line, message, "broken " + message));
  };
  for (const auto& df : load_dockerfiles(project)) {
    for (const auto& [line, message] : df.file.errors) {
      report(df.path, line, fmt::format("Dockerfile does not parse here: {}", message));
    }
  }
  for (const parse::ComposeFile& compose : load_compose_files(project)) {
    for (const auto& [line, message] : compose.errors) {
      report(compose.path, line, fmt::format("compose file: {}", message));
    }
  }
  for (const auto& env : load_env_files(project)) {
    for (const auto& [line, message] : env.file.errors) {
      report(env.path, line, fmt::format(".env line not read by docker compose or python-dotenv: {}", message));
    }
  }
  for (const auto* f : project.files_of(core::FileKind::task_runner)) {
    if (!f->path.ends_with(".yml") && !f->path.ends_with(".yaml")) continue;
    const auto* yaml = project.inputs().yaml(f->path);
    if (yaml == nullptr || !yaml->error) continue;
    const auto& e = *yaml->error;
    report(f->path, e.line,
           e.syntax ? fmt::format("Taskfile is not valid YAML: {}", e.message)
                    : fmt::format("Taskfile could not be read: {}", e.message));
  }
}

}  // namespace onramp::checks::local_setup
