#pragma once
// Helpers shared by the test files: the source tree, file I/O, temporary directories.
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace onramp::test {

inline std::filesystem::path source_dir() { return ONRAMP_SOURCE_DIR; }

inline std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_text(const std::filesystem::path& p, std::string_view text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << text;
}

/// A directory under the system temp dir, removed when the object dies.
class TempDir {
public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("onramp-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  void write(const std::string& rel, std::string_view text) const { write_text(path_ / rel, text); }

private:
  std::filesystem::path path_;
};

}  // namespace onramp::test
