// The masking and escaping every output goes through: idempotent, and never showing what it masked.
#include <string>

#include "fuzz_support.hpp"
#include "onramp/core/masking.hpp"
#include "onramp/util/strings.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = onramp::fuzz::as_text(data, size);
  const auto once = onramp::core::mask_secrets(text);
  onramp::fuzz::require(onramp::core::mask_secrets(once) == once);
  const auto shown = onramp::util::printable(text);
  for (const char c : shown) onramp::fuzz::require(static_cast<unsigned char>(c) >= 0x20 && c != 0x7F);
  return 0;
}
