#include "onramp/util/hash.hpp"

#include <fmt/format.h>
#include <xxhash.h>

namespace onramp::util {

std::string hash_hex(std::string_view data) { return fmt::format("{:016x}", XXH3_64bits(data.data(), data.size())); }

}  // namespace onramp::util
