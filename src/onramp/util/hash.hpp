#pragma once
#include <string>
#include <string_view>

namespace onramp::util {

/// A 16-hex-digit XXH3 digest: stable across platforms and runs, for fingerprints.
std::string hash_hex(std::string_view data);

}  // namespace onramp::util
