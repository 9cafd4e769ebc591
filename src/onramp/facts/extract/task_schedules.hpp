#pragma once
#include "onramp/facts/extract/extractor.hpp"
#include "onramp/facts/file_context.hpp"

namespace onramp::facts::extract {

/// Records task schedules that only the syntax tells: Celery beat entries and arq WorkerSettings lists.
/// The async inventory reads them (facts::TaskSchedule).
class TaskSchedulesExtractor final : public Extractor {
public:
  std::vector<std::string_view> node_types() const override { return {"assignment", "keyword_argument"}; }
  void enter(TSNode node, FileContext& ctx) override;
};

}  // namespace onramp::facts::extract
