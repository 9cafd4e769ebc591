// The whole per-file pipeline on one Python file: parse, the single walk with every fact collector and check, the
// cross-file checks on a one-module project, suppressions; then the masking and printing invariants.
#include <string>

#include "fuzz_support.hpp"
#include "onramp/core/masking.hpp"
#include "onramp/core/rules.hpp"
#include "onramp/engine/pipeline.hpp"
#include "onramp/util/strings.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto rules = onramp::core::RuleSet::load_embedded();
  if (!rules) return 0;
  const auto text = onramp::fuzz::as_text(data, size);
  if (!onramp::util::is_valid_utf8(text)) return 0;  // the scan turns such files into problem rows before parsing
  const auto result = onramp::engine::analyse_source("app/main.py", std::string(text), *rules);
  for (const auto& f : result.findings) {
    onramp::fuzz::require(!f.rule.empty());
    onramp::fuzz::require(onramp::core::mask_secrets(f.message) == f.message);  // masked once, stable
  }
  return 0;
}
