#include "onramp/checks/local-setup/dockerfile_apt_hygiene.hpp"

#include <fmt/format.h>

#include "onramp/checks/local-setup/setup_files.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::local_setup {

namespace {

constexpr std::string_view kRule = "local-setup/dockerfile-apt-hygiene";

/// apt-get's subcommand: the first word after the program that is neither an option nor an option's value.
std::string_view apt_subcommand(const std::vector<std::string>& words, std::size_t program) {
  for (std::size_t i = program + 1; i < words.size(); ++i) {
    const auto& w = words[i];
    if (w == "-o" || w == "-c" || w == "-t" || w == "--option" || w == "--config-file" || w == "--target-release") {
      ++i;
      continue;
    }
    if (!w.starts_with('-')) return w;
  }
  return {};
}

bool skips_recommends(const std::vector<std::string>& words) {
  for (const auto& w : words) {
    if (w == "--no-install-recommends") return true;
    const auto lower = util::to_lower(w);
    if (lower.find("apt::install-recommends=") != std::string::npos &&
        (lower.ends_with("=false") || lower.ends_with("=0") || lower.ends_with("=no") || lower.ends_with("=off"))) {
      return true;
    }
  }
  return false;
}

bool removes_lists(const std::vector<std::string>& words, std::size_t program) {
  const auto name = command_name(words[program]);
  if (name != "rm" && name != "find") return false;
  for (std::size_t i = program + 1; i < words.size(); ++i) {
    if (words[i].starts_with("/var/lib/apt/lists") || words[i] == "/var/lib/apt" || words[i] == "/var/lib/apt/")
      return true;
  }
  return false;
}

}  // namespace

void DockerfileAptHygieneCheck::check_project(const model::Project& project, const core::RuleSet& rules,
                                              std::vector<core::Finding>& out) const {
  const core::Rule* rule = rules.find(kRule);
  if (rule == nullptr) return;
  for (const auto& df : load_valid_dockerfiles(project)) {
    const auto ships = shipping_stages(df.file);
    for (std::size_t s = 0; s < df.file.stages.size(); ++s) {
      for (const auto& run : df.file.stages[s].instructions) {
        if (run.keyword != "RUN") continue;
        bool update = false, cleaned = false, installs = false, recommends = false;
        for (const auto& target : cache_mount_targets(run)) {
          if (target == "/var/lib/apt" || target == "/var/lib/apt/lists") cleaned = true;
        }
        for (const auto& cmd : run_commands(run)) {
          if (cmd.words.empty()) continue;
          std::size_t program = 0;
          while (program < cmd.words.size() &&
                 (command_name(cmd.words[program]) == "sudo" || command_name(cmd.words[program]) == "env"))
            ++program;
          if (program >= cmd.words.size()) continue;
          const auto name = command_name(cmd.words[program]);
          if (removes_lists(cmd.words, program)) cleaned = true;
          if (name != "apt-get" && name != "apt") continue;
          const auto sub = apt_subcommand(cmd.words, program);
          if (sub == "update") update = true;
          if (sub == "distclean" || sub == "dist-clean") cleaned = true;
          if (sub == "install") {
            installs = true;
            if (!skips_recommends(cmd.words)) recommends = true;
          }
        }
        const bool lists = update && !cleaned && ships[s];
        if (!recommends && !lists) continue;
        std::string message;
        if (recommends && lists) {
          message =
              "apt-get install without --no-install-recommends also installs recommended packages, and apt-get "
              "update leaves the package lists in this layer; add --no-install-recommends and end the RUN with "
              "`rm -rf /var/lib/apt/lists/*`";
        } else if (recommends) {
          message =
              "apt-get install without --no-install-recommends also installs recommended packages the image "
              "rarely needs; add --no-install-recommends";
        } else {
          message = fmt::format(
              "apt-get update leaves the package lists (tens of MB) in this layer{}; end the RUN with "
              "`rm -rf /var/lib/apt/lists/*` or use a cache mount on /var/lib/apt",
              installs ? "" : " of the image");
        }
        out.push_back(make_finding(*rule, df.path, run.line, std::move(message),
                                   "RUN " + util::collapse_whitespace(run.arguments)));
      }
    }
  }
}

}  // namespace onramp::checks::local_setup
