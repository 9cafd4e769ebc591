#include "onramp/checks/typing/coverage_below_threshold.hpp"

#include "onramp/model/inputs.hpp"

#include <fmt/format.h>

#include "onramp/checks/typing/annotations.hpp"
#include "onramp/model/roles.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::typing {

namespace {

constexpr std::string_view kRule = "typing/coverage-below-threshold";

/// Where the threshold is set, so the finding points at the line a team would change; otherwise the
/// first line of the configuration file (or of the first module, when settings came from elsewhere).
std::pair<std::string, std::uint32_t> setting_location(const model::Project& project) {
  const auto& source = project.config.source;
  if (!source.empty()) {
    if (const auto text = project.inputs().text(source)) {
      std::uint32_t line_no = 0;
      for (auto line : util::split(*text, '\n')) {
        ++line_no;
        if (line.find("min-coverage") != std::string_view::npos ||
            line.find("min_coverage") != std::string_view::npos) {
          return {source, line_no};
        }
      }
    }
    return {source, 1};
  }
  return {project.modules.empty() ? std::string(".") : project.modules.front().path, 1};
}

}  // namespace

void CoverageBelowThresholdCheck::check_project(const model::Project& project, const core::RuleSet& rules,
                                                std::vector<core::Finding>& out) const {
  const core::Rule* rule = rules.find(kRule);
  const auto& minimum = project.config.thresholds.typing_min_coverage;
  if (rule == nullptr || !minimum) return;
  Coverage source;
  for (const auto& m : project.modules) {
    if (!model::rule_applies(kRule, m.role)) continue;
    for (const auto& fn : m.functions) source.add(coverage_of(fn));
  }
  if (source.total() == 0) return;
  // Compare exact ratios: annotated / total < minimum / 100.
  if (static_cast<double>(source.annotated()) * 100.0 >= *minimum * static_cast<double>(source.total())) return;
  const auto [path, line] = setting_location(project);
  out.push_back(core::make_finding(
      *rule, path, core::Location{line, 1, line, 1},
      fmt::format("type-hint coverage of the source code (tests excluded) is {:.1f}%: {} of {} parameters and {} of {} "
                  "returns annotated, below typing.min-coverage = {}%",
                  source.percent(), source.parameters_annotated, source.parameters_total, source.returns_annotated,
                  source.returns_total, *minimum),
      fmt::format("typing.min-coverage {}", *minimum)));
}

}  // namespace onramp::checks::typing
