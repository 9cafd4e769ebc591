// The explicit list of walk-time extractors, alphabetical.
#include "onramp/facts/extract/alembic_revision.hpp"
#include "onramp/facts/extract/env_reads.hpp"
#include "onramp/facts/extract/extractor.hpp"
#include "onramp/facts/extract/log_sites.hpp"
#include "onramp/facts/extract/settings_strings.hpp"
#include "onramp/facts/extract/setup_call.hpp"
#include "onramp/facts/extract/suppression_comments.hpp"
#include "onramp/facts/extract/task_schedules.hpp"
#include "onramp/facts/extract/type_ignores.hpp"

namespace onramp::facts::extract {

std::vector<std::unique_ptr<Extractor>> make_extractors() {
  std::vector<std::unique_ptr<Extractor>> out;
  out.push_back(std::make_unique<AlembicRevisionExtractor>());
  out.push_back(std::make_unique<EnvReadsExtractor>());
  out.push_back(std::make_unique<LogSitesExtractor>());
  out.push_back(std::make_unique<SettingsStringsExtractor>());
  out.push_back(std::make_unique<SetupCallExtractor>());
  out.push_back(std::make_unique<SuppressionCommentsExtractor>());
  out.push_back(std::make_unique<TaskSchedulesExtractor>());
  out.push_back(std::make_unique<TypeIgnoreCounter>());
  return out;
}

}  // namespace onramp::facts::extract
