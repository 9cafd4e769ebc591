#pragma once
#include <cstdint>
#include <map>

#include "onramp/facts/extract/extractor.hpp"
#include "onramp/facts/file_context.hpp"

namespace onramp::facts::extract {

/// Records suppression comments (`# onramp: ignore[...]`, `# noqa: CODE`) as module facts during the walk, with
/// the lines each covers; reports nothing itself: the pipeline applies them once every finding exists.
class SuppressionCommentsExtractor final : public Extractor {
public:
  std::vector<std::string_view> node_types() const override;
  void begin_file(FileContext& ctx) override;
  void enter(TSNode node, FileContext& ctx) override;
  void finish(FileContext& ctx) override;

private:
  /// First line -> last line of statements (or compound statement headers) that span several lines.
  std::map<std::uint32_t, std::uint32_t> multi_line_;
};

}  // namespace onramp::facts::extract
