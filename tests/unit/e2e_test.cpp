// End-to-end: fixture repositories under tests/fixtures/<scenario>/ with the expected JSON report beside
// each, compared byte for byte. ONRAMP_UPDATE_EXPECTED=1 rewrites the expectations (review the diff).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>

#include "onramp/cli/cli.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using onramp::test::read_text;
using onramp::test::run_cli;
using onramp::test::source_dir;

/// The repository a scenario scans: its repo/ folder, or the path named in its repo.path file.
std::string scenario_repo(const fs::path& scenario) {
  if (fs::exists(scenario / "repo.path")) {
    auto rel = read_text(scenario / "repo.path");
    while (!rel.empty() && (rel.back() == '\n' || rel.back() == ' ')) rel.pop_back();
    return rel;
  }
  return fs::relative(scenario / "repo", source_dir()).generic_string();
}

}  // namespace

TEST_SUITE("e2e") {
  TEST_CASE("e2e::fixture repositories match their expected reports") {
    // Paths in reports are relative to what was given, so run from the source tree.
    const auto cwd = fs::current_path();
    fs::current_path(source_dir());
    const bool update = std::getenv("ONRAMP_UPDATE_EXPECTED") != nullptr;
    std::vector<fs::path> scenarios;
    for (const auto& entry : fs::directory_iterator(source_dir() / "tests" / "fixtures")) {
      if (entry.is_directory()) scenarios.push_back(entry.path());
    }
    std::sort(scenarios.begin(), scenarios.end());
    REQUIRE(scenarios.size() >= 2);
    for (const auto& scenario : scenarios) {
      const auto repo = scenario_repo(scenario);
      CAPTURE(repo);
      const auto j1 = run_cli({repo, "--format", "json", "-j", "1"});
      REQUIRE_MESSAGE(j1.code == 0, j1.err);
      const auto expected_path = scenario / "expected.json";
      if (update) onramp::test::write_text(expected_path, j1.out);
      REQUIRE_MESSAGE(fs::exists(expected_path), "missing " << expected_path << "; run with ONRAMP_UPDATE_EXPECTED=1");
      const auto expected = read_text(expected_path);
      CHECK_MESSAGE(j1.out == expected, "report differs from " << expected_path.string()
                                                                  << " (ONRAMP_UPDATE_EXPECTED=1 rewrites it; review the diff)");
      // Same input, same bytes: whatever the thread count, and on a second run.
      const auto j4 = run_cli({repo, "--format", "json", "-j", "4"});
      CHECK(j4.out == j1.out);
      const auto again = run_cli({repo, "--format", "json", "-j", "1"});
      CHECK(again.out == j1.out);
      const auto text = run_cli({repo});
      CHECK(text.code == 0);
      CHECK(text.out.find("15. First improvements") != std::string::npos);
    }
    fs::current_path(cwd);
  }
}
