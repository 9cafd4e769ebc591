#include "onramp/checks/local-setup/dockerfile_pip_cache.hpp"

#include <fmt/format.h>

#include "onramp/checks/local-setup/setup_files.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::local_setup {

namespace {

constexpr std::string_view kRule = "local-setup/dockerfile-pip-cache";

/// pip's truthy strings for boolean options given through the environment.
std::optional<bool> truthy(std::string_view value) {
  const auto v = util::to_lower(util::trim(value));
  if (v == "1" || v == "true" || v == "yes" || v == "on") return true;
  if (v == "0" || v == "false" || v == "no" || v == "off") return false;
  return std::nullopt;
}

bool is_pip(std::string_view name) {
  if (!name.starts_with("pip")) return false;
  for (char c : name.substr(3)) {
    if (!(c == '.' || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

bool is_python(std::string_view name) {
  if (!name.starts_with("python")) return false;
  for (char c : name.substr(6)) {
    if (!(c == '.' || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

/// Index of `install` in `pip install ...` or `python -m pip install ...`, or 0 when the command is not one.
std::size_t pip_install_at(const std::vector<std::string>& w) {
  std::size_t i = 0;
  while (i < w.size() && (command_name(w[i]) == "sudo" || command_name(w[i]) == "env")) ++i;
  if (i >= w.size()) return 0;
  const auto name = command_name(w[i]);
  if (is_python(name)) {
    ++i;
    while (i < w.size() && w[i].starts_with('-') && w[i] != "-m") ++i;
    if (i + 1 >= w.size() || w[i] != "-m" || !is_pip(w[i + 1])) return 0;
    i += 1;
  } else if (!is_pip(name)) {
    return 0;
  }
  for (std::size_t j = i + 1; j < w.size(); ++j) {
    if (w[j].starts_with('-')) continue;
    return w[j] == "install" ? j : 0;
  }
  return 0;
}

void set_from_assignment(std::string_view assignment, bool& flag) {
  constexpr std::string_view key = "PIP_NO_CACHE_DIR=";
  if (!assignment.starts_with(key)) return;
  if (const auto t = truthy(assignment.substr(key.size()))) flag = *t;
}

}  // namespace

void DockerfilePipCacheCheck::check_project(const model::Project& project, const core::RuleSet& rules,
                                            std::vector<core::Finding>& out) const {
  const core::Rule* rule = rules.find(kRule);
  if (rule == nullptr) return;
  for (const auto& df : load_valid_dockerfiles(project)) {
    const auto parents = stage_parents(df.file);
    std::vector<bool> no_cache_at_end(df.file.stages.size(), false);
    for (std::size_t s = 0; s < df.file.stages.size(); ++s) {
      // ENV is inherited by stages built FROM this one.
      bool no_cache = parents[s] >= 0 && no_cache_at_end[static_cast<std::size_t>(parents[s])];
      for (const auto& ins : df.file.stages[s].instructions) {
        if (ins.keyword == "ENV") {
          for (const auto& kv : parse::parse_key_values(ins.arguments)) {
            if (kv.key != "PIP_NO_CACHE_DIR") continue;
            if (const auto t = truthy(kv.value)) no_cache = *t;
          }
          continue;
        }
        if (ins.keyword != "RUN") continue;
        bool mounted = false;
        for (const auto& target : cache_mount_targets(ins)) {
          if (target.ends_with("/.cache") || target.ends_with("/.cache/pip") || target.ends_with("/pip-cache"))
            mounted = true;
        }
        if (mounted) continue;
        bool run_no_cache = no_cache;
        for (const auto& cmd : run_commands(ins)) {
          bool this_no_cache = run_no_cache;
          for (const auto& a : cmd.assignments) set_from_assignment(a, this_no_cache);
          if (!cmd.words.empty() && cmd.words[0] == "export") {
            for (std::size_t k = 1; k < cmd.words.size(); ++k) set_from_assignment(cmd.words[k], run_no_cache);
            continue;
          }
          const auto at = pip_install_at(cmd.words);
          if (at == 0 || this_no_cache) continue;
          bool flag = false;
          for (const auto& w : cmd.words) flag = flag || w == "--no-cache-dir" || w.starts_with("--no-cache-dir=");
          if (flag) continue;
          out.push_back(make_finding(
              *rule, df.path, ins.line,
              fmt::format("`{}` without --no-cache-dir keeps pip's download cache (~/.cache/pip) in the image; add "
                          "--no-cache-dir, set ENV PIP_NO_CACHE_DIR=1, or mount a cache on /root/.cache/pip",
                          util::join(std::vector<std::string>(cmd.words.begin(),
                                                              cmd.words.begin() + static_cast<std::ptrdiff_t>(at) + 1),
                                     " ")),
              "RUN " + util::collapse_whitespace(ins.arguments)));
          break;  // one finding per RUN
        }
      }
      no_cache_at_end[s] = no_cache;
    }
  }
}

}  // namespace onramp::checks::local_setup
