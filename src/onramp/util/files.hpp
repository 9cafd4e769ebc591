#pragma once
#include <cstdint>
#include <filesystem>
#include <string>

#include "onramp/util/result.hpp"

namespace onramp::util {

/// Reads a whole file, refusing anything over `max_bytes` so a hostile repository cannot exhaust memory.
Result<std::string> read_file(const std::filesystem::path& path, std::uintmax_t max_bytes);

}  // namespace onramp::util
