#include "onramp/util/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace onramp::util {

namespace {

/// Closes the descriptor on every way out.
struct Descriptor {
  int fd = -1;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

Result<std::string> read_file(const std::filesystem::path& path, std::uintmax_t max_bytes) {
  // O_NONBLOCK: opening a FIFO (or a link to /dev/stdin) for reading must not wait for a writer; fstat then refuses
  // anything that is not a regular file before a byte is read.
  Descriptor file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)};
  if (file.fd < 0) return Error{std::string("cannot read: ") + std::strerror(errno)};
  struct stat st {};
  if (::fstat(file.fd, &st) != 0) return Error{std::string("cannot read: ") + std::strerror(errno)};
  if (!S_ISREG(st.st_mode)) return Error{"not a regular file (a FIFO, device or socket), not read"};
  if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) return Error{"larger than the size limit"};
  std::string data;
  data.reserve(static_cast<std::size_t>(st.st_size));
  char buffer[65536];
  for (;;) {
    const auto got = ::read(file.fd, buffer, sizeof buffer);
    if (got < 0) {
      if (errno == EINTR) continue;
      return Error{std::string("read failed: ") + std::strerror(errno)};
    }
    if (got == 0) break;
    if (data.size() + static_cast<std::size_t>(got) > max_bytes) return Error{"larger than the size limit"};
    data.append(buffer, static_cast<std::size_t>(got));
  }
  return data;
}

}  // namespace onramp::util
