#include "onramp/checks/architecture/import_cycle.hpp"

#include <fmt/format.h>

#include "onramp/checks/architecture/architecture_model.hpp"

namespace onramp::checks::architecture {

void ImportCycleCheck::check_project(const model::Project& project, const core::RuleSet& rules,
                                     std::vector<core::Finding>& out) const {
  const auto* rule = rules.find("architecture/import-cycle");
  if (rule == nullptr) return;
  const auto& arch = build_architecture(project);
  for (const auto& cycle : arch.cycles) {
    if (cycle.shortest.size() < 3 || cycle.file.empty()) continue;
    const auto more = cycle.packages.size() + 1 > cycle.shortest.size()
                          ? fmt::format(" ({} packages in all are tied together)", cycle.packages.size())
                          : std::string{};
    const auto path = fmt::format("{}", fmt::join(cycle.shortest, " -> "));
    const auto via = fmt::format(" (modules {})", fmt::join(cycle.modules, " -> "));
    auto message = core::fill_message(rule->message, {{"cycle", path + via}, {"more", more}});
    out.push_back(core::make_finding(*rule, cycle.file, cycle.location, std::move(message), "import-cycle " + path));
  }
}

}  // namespace onramp::checks::architecture
