#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::stack {

/// Records a setup.py `setup(...)` call's literal install_requires, extras_require and python_requires as notes,
/// so manifests are read from the tree and setup.py is never run. Produces no findings.
class SetupCallNotes final : public Check {
public:
  std::vector<std::string_view> node_types() const override { return {"call"}; }
  void enter(TSNode node, FileContext& ctx) override;
};

}  // namespace onramp::checks::stack
