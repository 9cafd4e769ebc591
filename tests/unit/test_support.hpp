#pragma once
// Helpers shared by the test files: the source tree, file I/O, temporary directories.
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "onramp/cli/cli.hpp"
#include "onramp/core/rules.hpp"
#include "onramp/engine/pipeline.hpp"

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

/// Runs the whole pipeline on `root` with the built-in rules, as `onramp` would (reports show `display`).
inline engine::Analysis scan_repo(const std::filesystem::path& root, std::string display = "repo",
                                  core::Config config = {}) {
  auto rules = core::RuleSet::load_embedded();
  REQUIRE(rules.ok());
  engine::ScanOptions options;
  options.root = root;
  options.display_root = std::move(display);
  options.config = std::move(config);
  auto analysis = engine::analyse(options, *rules);
  REQUIRE(analysis.ok());
  return std::move(*analysis);
}

/// What a command printed and returned.
struct Run {
  int code;
  std::string out;
  std::string err;
};

/// Runs the CLI in-process, as `onramp <args...>`.
inline Run run_cli(std::vector<std::string> args) {
  args.insert(args.begin(), "onramp");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  const int code = onramp::cli::run(static_cast<int>(argv.size()), argv.data(), out, err);
  return {code, out.str(), err.str()};
}

}  // namespace onramp::test
