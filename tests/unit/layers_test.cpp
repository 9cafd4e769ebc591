// The source folders are layers: a folder includes only its own and lower ones, so core stays a leaf and
// no check, parser or reporter reaches up into the stage that runs it.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;

/// Lowest first; folders of one rank do not include each other either.
const std::map<std::string, int>& layer_ranks() {
  static const std::map<std::string, int> ranks{
      {"util", 0},    // knows nothing of onramp
      {"core", 1},    // findings, rules, config, steps, knowledge bases, code roles: plain types
      {"vcs", 1},     // libgit2: what a change touched
      {"scan", 2},    // discovery
      {"parse", 2},   // tree-sitter and the file-format parsers
      {"facts", 3},   // the one walk per Python file and what it records
      {"model", 4},   // the project model built once after the walk
      {"checks", 5},  // decide findings from the model
      {"engine", 6},  // the pipeline that runs all of the above, selection applied, suppressions
      {"report", 7},  // render facts and findings
      {"cli", 8},     // the command line; the only place exceptions are caught
  };
  return ranks;
}

/// Upward includes that stand today, each to be removed (the list may only shrink: an entry that no longer
/// occurs fails the test too, so that it is struck off). Empty since the project model moved to model/.
const std::set<std::pair<std::string, std::string>>& known_upward() {
  static const std::set<std::pair<std::string, std::string>> known{};
  return known;
}

}  // namespace

TEST_SUITE("layers") {
  TEST_CASE("layers::no folder includes a higher or a sibling one") {
    const auto& ranks = layer_ranks();
    const fs::path src = onramp::test::source_dir() / "src" / "onramp";
    const std::regex include(R"re(#include\s+"onramp/([a-z_-]+)/)re");
    std::size_t files = 0;
    std::set<std::pair<std::string, std::string>> upward;
    for (const auto& entry : fs::recursive_directory_iterator(src)) {
      if (!entry.is_regular_file()) continue;
      const auto rel = fs::relative(entry.path(), src).generic_string();
      const auto folder = rel.substr(0, rel.find('/'));
      CAPTURE(rel);
      REQUIRE_MESSAGE(ranks.contains(folder), "src/onramp/" << folder << " has no layer: add it to layer_ranks()");
      ++files;
      const auto text = onramp::test::read_text(entry.path());
      for (std::sregex_iterator it(text.begin(), text.end(), include), end; it != end; ++it) {
        const std::string target = (*it)[1];
        if (target == folder) continue;
        CAPTURE(target);
        REQUIRE_MESSAGE(ranks.contains(target), "includes unknown folder onramp/" << target);
        if (ranks.at(target) >= ranks.at(folder)) upward.emplace(rel, target);
        if (known_upward().contains({rel, target})) continue;
        CHECK_MESSAGE(ranks.at(target) < ranks.at(folder),
                      "src/onramp/" << rel << " includes onramp/" << target << "/: " << folder << " (layer "
                                    << ranks.at(folder) << ") may include only lower layers");
      }
    }
    CHECK(files > 100);
    for (const auto& [file, target] : known_upward()) {
      CHECK_MESSAGE(upward.contains({file, target}), "src/onramp/" << file << " no longer includes onramp/" << target
                                                                   << "/: strike it off known_upward()");
    }
  }
}
