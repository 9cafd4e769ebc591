// Suppression comments: `# noqa`, `# onramp: ignore[...]` and their malformed variants.
#include "fuzz_support.hpp"
#include "onramp/facts/suppressions.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)onramp::facts::parse_suppression_comment(onramp::fuzz::as_text(data, size));
  return 0;
}
