#pragma once
#include "onramp/facts/extract/extractor.hpp"
#include "onramp/facts/file_context.hpp"

namespace onramp::facts::extract {

/// Counts `# type: ignore` comments into the module's facts during the walk (the typing inventory reads
/// them); reports nothing, so it runs whatever rules are selected.
class TypeIgnoreCounter final : public Extractor {
public:
  std::vector<std::string_view> node_types() const override { return {"comment"}; }
  void enter(TSNode node, FileContext& ctx) override;
};

/// What one comment says: 0 = no type-ignore, 1 = a bare `# type: ignore`, 2 = one with error codes.
int classify_type_ignore(std::string_view comment);

}  // namespace onramp::facts::extract
