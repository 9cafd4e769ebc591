#pragma once
// Shared by the fuzz targets (libFuzzer): the input as text, and the invariants every target checks on what it
// printed. A target aborts (and libFuzzer reports the input) when an invariant breaks.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace onramp::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

inline void require(bool condition) {
  if (!condition) std::abort();
}

}  // namespace onramp::fuzz
