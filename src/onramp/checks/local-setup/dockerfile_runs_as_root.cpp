#include "onramp/checks/local-setup/dockerfile_runs_as_root.hpp"

#include <fmt/format.h>

#include "onramp/checks/local-setup/setup_files.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::local_setup {

namespace {

constexpr std::string_view kRule = "local-setup/dockerfile-runs-as-root";

bool is_root(std::string_view user) {
  const auto name = user.substr(0, user.find(':'));
  return name == "root" || name == "0";
}

}  // namespace

void DockerfileRunsAsRootCheck::check_project(const model::Project& project, const core::RuleSet& rules,
                                              std::vector<core::Finding>& out) const {
  const core::Rule* rule = rules.find(kRule);
  if (rule == nullptr) return;
  for (const auto& df : load_valid_dockerfiles(project)) {
    if (df.file.stages.empty()) continue;
    // A dev container is a workstation, not a shipped image: devcontainer.json's remoteUser picks its user.
    if (df.path.starts_with(".devcontainer/") || df.path.find("/.devcontainer/") != std::string::npos) continue;
    const auto parents = stage_parents(df.file);
    // The last USER that applies to the final stage: its own, else the one it inherits through FROM <stage>.
    const parse::DockerInstruction* last_user = nullptr;
    int s = static_cast<int>(df.file.stages.size()) - 1;
    const int final_stage = s;
    int outside = s;
    for (; s >= 0 && last_user == nullptr; s = parents[static_cast<std::size_t>(s)]) {
      outside = s;
      const auto& ins = df.file.stages[static_cast<std::size_t>(s)].instructions;
      for (auto it = ins.rbegin(); it != ins.rend(); ++it) {
        if (it->keyword == "USER") {
          last_user = &*it;
          break;
        }
      }
    }
    const auto& final_from = df.file.stages[static_cast<std::size_t>(final_stage)];
    if (last_user != nullptr) {
      const auto user = std::string(util::trim(last_user->arguments));
      if (!is_root(user)) continue;
      out.push_back(make_finding(*rule, df.path, last_user->line,
                                 fmt::format("the last USER of the final stage is {}, so the container runs as root; "
                                             "switch to an unprivileged user before CMD",
                                             user),
                                 "USER " + user));
      continue;
    }
    const auto base = parse_image(df.file.stages[static_cast<std::size_t>(outside)].image);
    if (base.name == "scratch" || base.tag.find("nonroot") != std::string::npos) continue;
    // `RUN useradd -r -g app app` without a USER after it: the user the team meant to run as.
    std::string created;
    std::uint32_t created_line = 0;
    for (int st = final_stage; st >= 0 && created.empty(); st = parents[static_cast<std::size_t>(st)]) {
      for (const auto& ins : df.file.stages[static_cast<std::size_t>(st)].instructions) {
        if (ins.keyword != "RUN") continue;
        for (const auto& cmd : run_commands(ins)) {
          if (cmd.words.empty()) continue;
          const auto name = command_name(cmd.words[0]);
          if (name != "useradd" && name != "adduser") continue;
          for (std::size_t k = cmd.words.size(); k-- > 1;) {
            if (!cmd.words[k].starts_with('-')) {
              created = cmd.words[k];
              created_line = ins.line;
              break;
            }
          }
        }
      }
    }
    const std::string advice = created.empty()
                                   ? std::string("add `USER <unprivileged user>` before CMD")
                                   : fmt::format(
                                         "it creates user {} (line {}) but never switches to it; add `USER {}` "
                                         "before CMD",
                                         created, created_line, created);
    out.push_back(make_finding(*rule, df.path, final_from.line,
                               fmt::format("the final stage (FROM {}) sets no USER, so the container runs as root "
                                           "unless the base image sets a user; {}",
                                           final_from.image, advice),
                               "FROM " + final_from.image));
  }
}

}  // namespace onramp::checks::local_setup
