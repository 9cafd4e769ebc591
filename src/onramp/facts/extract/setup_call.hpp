#pragma once
#include "onramp/facts/extract/extractor.hpp"
#include "onramp/facts/file_context.hpp"

namespace onramp::facts::extract {

/// Records a setup.py `setup(...)` call's literal install_requires, extras_require and python_requires as a facts::SetupCall,
/// so manifests are read from the tree and setup.py is never run. Produces no findings.
class SetupCallExtractor final : public Extractor {
public:
  std::vector<std::string_view> node_types() const override { return {"call"}; }
  void enter(TSNode node, FileContext& ctx) override;
};

}  // namespace onramp::facts::extract
