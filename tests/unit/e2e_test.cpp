// End-to-end: fixture repositories under tests/fixtures/<scenario>/ with the expected JSON, text, Markdown and HTML
// reports beside each, compared byte for byte. ONRAMP_UPDATE_EXPECTED=1 rewrites the expectations (review the diff).
// The suite also runs under ASan+UBSan (scripts/test.sh), so every fixture is a memory-safety sweep of the
// whole pipeline and of every `check` format.
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
      CHECK_MESSAGE(j1.out == expected, "report differs from "
                                            << expected_path.string()
                                            << " (ONRAMP_UPDATE_EXPECTED=1 rewrites it; review the diff)");
      // Same input, same bytes: whatever the thread count, and on a second run.
      const auto j4 = run_cli({repo, "--format", "json", "-j", "4"});
      CHECK(j4.out == j1.out);
      const auto again = run_cli({repo, "--format", "json", "-j", "1"});
      CHECK(again.out == j1.out);
      // The default text report, as a newcomer reads it, is compared like the JSON.
      const auto text = run_cli({repo, "-j", "1"});
      CHECK(text.code == 0);
      const auto expected_text_path = scenario / "expected.txt";
      if (update) onramp::test::write_text(expected_text_path, text.out);
      REQUIRE_MESSAGE(fs::exists(expected_text_path),
                      "missing " << expected_text_path << "; run with ONRAMP_UPDATE_EXPECTED=1");
      CHECK_MESSAGE(text.out == read_text(expected_text_path), "text report differs from "
                                                                   << expected_text_path.string()
                                                                   << " (ONRAMP_UPDATE_EXPECTED=1 rewrites it)");
      // The Markdown report, compared like the text.
      const auto markdown = run_cli({repo, "--format", "markdown", "-j", "1"});
      CHECK(markdown.code == 0);
      const auto expected_md_path = scenario / "expected.md";
      if (update) onramp::test::write_text(expected_md_path, markdown.out);
      REQUIRE_MESSAGE(fs::exists(expected_md_path),
                      "missing " << expected_md_path << "; run with ONRAMP_UPDATE_EXPECTED=1");
      CHECK_MESSAGE(markdown.out == read_text(expected_md_path), "markdown report differs from "
                                                                     << expected_md_path.string()
                                                                     << " (ONRAMP_UPDATE_EXPECTED=1 rewrites it)");
      // The HTML report, compared like the Markdown (its behaviour in a browser: tests/browser/).
      const auto html = run_cli({repo, "--format", "html", "-j", "1"});
      CHECK(html.code == 0);
      const auto expected_html_path = scenario / "expected.html";
      if (update) onramp::test::write_text(expected_html_path, html.out);
      REQUIRE_MESSAGE(fs::exists(expected_html_path),
                      "missing " << expected_html_path << "; run with ONRAMP_UPDATE_EXPECTED=1");
      CHECK_MESSAGE(html.out == read_text(expected_html_path), "HTML report differs from "
                                                                   << expected_html_path.string()
                                                                   << " (ONRAMP_UPDATE_EXPECTED=1 rewrites it)");
      // Every CI format runs over every fixture: exit 0 or 1 (findings), never a usage or input error.
      for (const char* format : {"text", "json", "sarif", "github", "gitlab"}) {
        CAPTURE(format);
        const auto check = run_cli({"check", repo, "--format", format, "--fail-on", "error"});
        CHECK_MESSAGE((check.code == 0 || check.code == 1), check.err);
        CHECK(!check.out.empty());
      }
    }
    fs::current_path(cwd);
  }
}
