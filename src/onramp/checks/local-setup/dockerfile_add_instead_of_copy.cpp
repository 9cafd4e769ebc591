#include "onramp/checks/local-setup/dockerfile_add_instead_of_copy.hpp"

#include <array>

#include <fmt/format.h>

#include "onramp/checks/local-setup/setup_files.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::local_setup {

namespace {

constexpr std::string_view kRule = "local-setup/dockerfile-add-instead-of-copy";

/// What ADD unpacks: tar archives, compressed or not (the suffixes hadolint's DL3020 accepts).
constexpr std::array<std::string_view, 15> kArchives = {".tar", ".Z",    ".bz2", ".gz",  ".lz",  ".lzma", ".tZ", ".tb2",
                                                        ".tbz", ".tbz2", ".tgz", ".tlz", ".tpz", ".txz",  ".xz"};

bool is_remote(std::string_view src) {
  return src.starts_with("http://") || src.starts_with("https://") || src.starts_with("git@") ||
         src.find("://") != std::string_view::npos;
}

bool is_archive(std::string_view src) {
  for (auto ext : kArchives) {
    if (src.ends_with(ext)) return true;
  }
  return false;
}

}  // namespace

void DockerfileAddInsteadOfCopyCheck::check_project(const model::Project& project, const core::RuleSet& rules,
                                                    std::vector<core::Finding>& out) const {
  const core::Rule* rule = rules.find(kRule);
  if (rule == nullptr) return;
  for (const auto& df : load_valid_dockerfiles(project)) {
    for (const auto& stage : df.file.stages) {
      for (const auto& ins : stage.instructions) {
        if (ins.keyword != "ADD") continue;
        std::vector<std::string> words = ins.is_exec_form ? ins.exec_form : parse::shell_words(ins.arguments);
        if (words.size() < 2) continue;
        words.pop_back();  // the destination
        std::vector<std::string> local;
        for (const auto& src : words) {
          if (!is_remote(src) && !is_archive(src)) local.push_back(src);
        }
        if (local.empty()) continue;
        out.push_back(make_finding(
            *rule, df.path, ins.line,
            fmt::format("ADD {} copies local files: use COPY, which only copies; ADD also unpacks archives and fetches "
                        "URLs, and keeping it for those says what the line does",
                        util::join(local, " ")),
            "ADD " + util::collapse_whitespace(ins.arguments)));
      }
    }
  }
}

}  // namespace onramp::checks::local_setup
