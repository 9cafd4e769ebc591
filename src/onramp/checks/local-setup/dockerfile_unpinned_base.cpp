#include "onramp/checks/local-setup/dockerfile_unpinned_base.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "onramp/checks/local-setup/setup_files.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::local_setup {

namespace {
constexpr std::string_view kRule = "local-setup/dockerfile-unpinned-base";
}  // namespace

void DockerfileUnpinnedBaseCheck::check_project(const model::Project& project, const core::RuleSet& rules,
                                                std::vector<core::Finding>& out) const {
  const core::Rule* rule = rules.find(kRule);
  if (rule == nullptr) return;
  for (const auto& df : load_valid_dockerfiles(project)) {
    const auto args = global_arg_defaults(df.file);
    const auto parents = stage_parents(df.file);
    for (std::size_t i = 0; i < df.file.stages.size(); ++i) {
      const auto& stage = df.file.stages[i];
      if (parents[i] >= 0) continue;  // FROM an earlier stage
      std::string image = stage.image;
      std::string via;
      if (image.find('$') != std::string::npos) {
        std::string expanded;
        // Unknown until build time (an ARG without default): hadolint does not guess either.
        if (!expand_variables(image, args, expanded)) continue;
        via = fmt::format(" (`{}` with the ARG defaults)", stage.image);
        image = expanded;
        const auto lower = util::to_lower(image);
        const auto earlier = df.file.stages.begin() + static_cast<std::ptrdiff_t>(i);
        if (std::any_of(df.file.stages.begin(), earlier, [&](const auto& st) { return st.alias == lower; })) continue;
      }
      if (util::to_lower(image) == "scratch") continue;
      const auto ref = parse_image(image);
      if (!ref.digest.empty()) continue;
      std::string message;
      if (ref.tag.empty()) {
        message = fmt::format(
            "FROM {}{} has no tag, so Docker pulls `{}:latest`, whatever it is on the day of the build; "
            "pin the version you test with (`{}:<version>`)",
            image, via, ref.name, ref.name);
      } else if (ref.tag == "latest") {
        message = fmt::format(
            "FROM {}{} uses the `latest` tag, which moves with every release of the image; pin the "
            "version you test with (`{}:<version>`)",
            image, via, ref.name);
      } else {
        continue;
      }
      out.push_back(make_finding(*rule, df.path, stage.line, std::move(message), "FROM " + stage.image));
    }
  }
}

}  // namespace onramp::checks::local_setup
