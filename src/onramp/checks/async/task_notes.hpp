#pragma once
#include "onramp/checks/check.hpp"

namespace onramp::checks::async {

/// Records task schedules that only the syntax tells: Celery beat entries and arq WorkerSettings lists.
/// Produces no findings; the async inventory reads the notes.
class TaskNotesCollector final : public Check {
public:
  std::vector<std::string_view> node_types() const override { return {"assignment", "keyword_argument"}; }
  void enter(TSNode node, FileContext& ctx) override;
};

}  // namespace onramp::checks::async
