#pragma once
#include <cstdint>
#include <filesystem>
#include <string>

#include "onramp/util/result.hpp"

namespace onramp::util {

/// Reads a whole regular file, refusing anything over `max_bytes` so a hostile repository cannot exhaust memory, and
/// anything that is not a regular file (FIFOs, devices, sockets: they could block or never end).
Result<std::string> read_file(const std::filesystem::path& path, std::uintmax_t max_bytes);

}  // namespace onramp::util
