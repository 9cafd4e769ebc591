#include "onramp/util/files.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

namespace onramp::util {

Result<std::string> read_file(const std::filesystem::path& path, std::uintmax_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{std::string("cannot read: ") + std::strerror(errno)};
  std::string data;
  char buffer[65536];
  while (in) {
    in.read(buffer, sizeof buffer);
    const auto got = static_cast<std::size_t>(in.gcount());
    if (data.size() + got > max_bytes) return Error{"larger than the size limit"};
    data.append(buffer, got);
  }
  if (in.bad()) return Error{"read failed"};
  return data;
}

}  // namespace onramp::util
