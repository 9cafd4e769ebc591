#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "onramp/checks/check.hpp"

namespace onramp::checks::local_setup {

/// local-setup/python-version-mismatch: Python versions stated by .python-version, Dockerfiles, requires-python and
/// friends that cannot all hold at once.
class PythonVersionMismatchCheck final : public Check {
public:
  void check_project(const model::Project& project, const core::RuleSet& rules,
                     std::vector<core::Finding>& out) const override;
};

/// Whether some Python of the series `pin` (`3.12`, `3.12.4`) satisfies the specifier set `spec` (`>=3.11,<3.13`,
/// `==3.12.*`, `~=3.10`); nullopt when either cannot be read.
std::optional<bool> python_satisfies(std::string_view pin, std::string_view spec);

}  // namespace onramp::checks::local_setup
