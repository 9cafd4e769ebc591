#pragma once
// Suppression comments at work: how they silence findings once every finding (cross-file ones too) exists.
#include <cstddef>
#include <span>
#include <vector>

#include "onramp/core/finding.hpp"
#include "onramp/core/rules.hpp"
#include "onramp/facts/module.hpp"

namespace onramp::engine {

/// Drops the findings that a suppression comment in their module covers, and counts them in `suppressed`.
/// With `report_unused`, appends a check/unused-suppression finding for each `# onramp:` directive (or id in
/// it) that suppressed nothing; those get their fingerprints here. `findings` stay in their order.
void apply_suppressions(std::span<const facts::Module> modules, const core::RuleSet& rules, bool report_unused,
                        std::vector<core::Finding>& findings, std::size_t& suppressed);

}  // namespace onramp::engine
