// Every rule is checked against its fixture: lines marked `# ruleid: <id>` must be reported,
// lines marked `# ok: <id>` must not, and nothing else may be reported (semgrep's convention).
// `# ruleid: <id> col=N` also asserts the column a finding starts at; every finding must carry the rule's
// severity, unless its marker says `severity=info|warning|error`.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "onramp/core/query_rules.hpp"
#include "onramp/core/rules.hpp"
#include "onramp/engine/pipeline.hpp"
#include "onramp/util/strings.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using onramp::test::read_text;
using onramp::test::source_dir;

struct Expectations {
  std::set<std::uint32_t> must;
  /// `col=N` on a `ruleid` marker: a finding on that line starts at column N.
  std::map<std::uint32_t, std::uint32_t> columns;
  /// `severity=S` on a `ruleid` marker: the finding on that line has severity S instead of the rule's.
  std::map<std::uint32_t, onramp::core::Severity> severities;
  std::set<std::uint32_t> must_not;
  /// `# file-ruleid: <id>` / `# file-ok: <id>` anywhere: a finding about the whole file (line 0) must / must not be reported.
  bool file_must = false;
  bool file_must_not = false;
};

/// Reads markers: a trailing marker applies to its own line (a comment line too), a marker that starts
/// a line applies to the next code line.
Expectations read_markers(const std::string& text, const std::string& rule) {
  Expectations e;
  const auto lines = onramp::util::split(text, '\n');
  struct Pending {
    bool must;
    std::optional<std::uint32_t> column;
    std::optional<onramp::core::Severity> severity;
  };
  std::vector<Pending> pending;  // standalone markers waiting for the next code line
  const auto expect = [&e](const Pending& p, std::uint32_t at) {
    (p.must ? e.must : e.must_not).insert(at);
    if (p.column) e.columns[at] = *p.column;
    if (p.severity) e.severities[at] = *p.severity;
  };
  for (std::uint32_t i = 0; i < lines.size(); ++i) {
    const auto line = lines[i];
    const auto trimmed = onramp::util::trim(line);
    for (const auto& [marker, must] : {std::pair{"# ruleid: ", true}, std::pair{"# ok: ", false}}) {
      const auto pos = line.find(marker);
      if (pos == std::string_view::npos) continue;
      const auto words =
          onramp::util::split(onramp::util::trim(line.substr(pos + std::string_view(marker).size())), ' ');
      if (words.empty() || words.front() != rule) continue;
      Pending p{must, {}, {}};
      for (std::size_t w = 1; w < words.size(); ++w) {
        const auto word = words[w];
        if (word.starts_with("col=")) {
          p.column = static_cast<std::uint32_t>(std::stoul(std::string(word.substr(4))));
        } else if (word.starts_with("severity=")) {
          p.severity = onramp::core::severity_from_string(word.substr(9));
          REQUIRE_MESSAGE(p.severity.has_value(), "bad severity in marker: " << line);
        } else if (!word.empty()) {
          FAIL("unknown word in marker `" << word << "`: " << line);
        }
      }
      if (trimmed.substr(0, std::string_view(marker).size()) == marker) {
        pending.push_back(p);
      } else {
        expect(p, i + 1);
      }
    }
    for (const auto& [marker, must] : {std::pair{"# file-ruleid: ", true}, std::pair{"# file-ok: ", false}}) {
      const auto pos = line.find(marker);
      if (pos != std::string_view::npos &&
          onramp::util::trim(line.substr(pos + std::string_view(marker).size())) == rule) {
        (must ? e.file_must : e.file_must_not) = true;
      }
    }
    if (!trimmed.empty() && trimmed.substr(0, 1) != "#") {
      for (const auto& p : pending) expect(p, i + 1);
      pending.clear();
    }
  }
  return e;
}

/// The columns and severity of every finding of `rule.id` on each line, checked against the markers:
/// `col=N` must be among the line's columns, and each finding has the marker's severity or the rule's.
void check_columns_and_severity(const Expectations& expect, const onramp::core::Rule& rule,
                                const std::vector<const onramp::core::Finding*>& findings, const std::string& where) {
  for (const auto* f : findings) {
    const auto line = f->location.line;
    const auto it = expect.severities.find(line);
    const auto severity = it == expect.severities.end() ? rule.severity : it->second;
    CHECK_MESSAGE(f->severity == severity, where << ":" << line << " has severity "
                                                 << onramp::core::to_string(f->severity) << ", expected "
                                                 << onramp::core::to_string(severity));
  }
  for (const auto& [line, column] : expect.columns) {
    const bool found = std::any_of(findings.begin(), findings.end(), [&](const auto* f) {
      return f->location.line == line && f->location.column == column;
    });
    CHECK_MESSAGE(found, where << ":" << line << " should be reported at column " << column);
  }
}

/// A fixture's first line may say where the file sits in a repository: `# onramp-path: tests/test_x.py`.
std::string virtual_path(const std::string& text, const fs::path& fixture) {
  constexpr std::string_view tag = "# onramp-path: ";
  if (text.rfind(tag, 0) == 0)
    return std::string(onramp::util::trim(std::string_view(text).substr(tag.size(), text.find('\n') - tag.size())));
  return "app/" + fixture.stem().string() + ".py";
}

/// Thresholds for one fixture, from lines `# onramp-config: max-complexity = 3` (the `[tool.onramp]` keys).
onramp::core::Config fixture_config(const std::string& text) {
  onramp::core::Config config;
  constexpr std::string_view tag = "# onramp-config: ";
  for (const auto line : onramp::util::split(text, '\n')) {
    if (line.rfind(tag, 0) != 0) continue;
    const auto setting = line.substr(tag.size());
    const auto eq = setting.find('=');
    if (eq == std::string_view::npos) continue;
    const auto key = onramp::util::trim(setting.substr(0, eq));
    const auto value = std::stod(std::string(onramp::util::trim(setting.substr(eq + 1))));
    auto& t = config.thresholds;
    if (key == "typing.min-coverage") t.typing_min_coverage = value;
    if (key == "max-complexity") t.max_complexity = static_cast<int>(value);
    if (key == "max-function-lines") t.max_function_lines = static_cast<int>(value);
    if (key == "max-module-lines") t.max_module_lines = static_cast<int>(value);
  }
  return config;
}

/// A directory fixture is a small repository scanned whole (manifests, Dockerfiles, .env files and Python
/// together); markers may stand in any of its text files and apply to findings in that file.
/// Returns how many `ruleid` and `ok` markers it held.
std::pair<std::size_t, std::size_t> check_repository_fixture(const fs::path& repo, const onramp::core::Rule& the_rule,
                                                             const onramp::core::RuleSet& rules) {
  const std::string& rule = the_rule.id;
  onramp::engine::ScanOptions options;
  options.root = repo;
  options.display_root = repo.filename().string();
  // A fixture is a repository of its own, not part of onramp's: onramp's index (which tracks every fixture file,
  // a .env.local its .gitignore names included) says nothing about it.
  options.tracked.emplace();
  const auto analysis = onramp::engine::analyse(options, rules);
  REQUIRE_MESSAGE(analysis.ok(), (analysis.ok() ? "" : analysis.error().message));
  std::map<std::string, std::set<std::uint32_t>> reported;
  std::map<std::string, std::vector<const onramp::core::Finding*>> by_file;
  for (const auto& f : analysis->findings) {
    if (f.rule != rule) continue;
    reported[f.path].insert(f.location.line);
    by_file[f.path].push_back(&f);
  }
  std::size_t must = 0, ok = 0;
  std::set<std::string> seen;
  for (const auto& entry : fs::recursive_directory_iterator(repo)) {
    if (!entry.is_regular_file()) continue;
    const auto rel = fs::relative(entry.path(), repo).generic_string();
    CAPTURE(rel);
    seen.insert(rel);
    const auto expect = read_markers(read_text(entry.path()), rule);
    must += expect.must.size() + (expect.file_must ? 1 : 0);
    ok += expect.must_not.size() + (expect.file_must_not ? 1 : 0);
    auto lines = reported[rel];
    const bool whole_file = lines.erase(0) == 1;
    if (expect.file_must) CHECK_MESSAGE(whole_file, rel << " should be reported as a whole file");
    if (!expect.file_must) CHECK_MESSAGE(!whole_file, rel << " reported as a whole file but not marked file-ruleid");
    for (auto line : expect.must) CHECK_MESSAGE(lines.count(line) == 1, rel << ":" << line << " should be reported");
    for (auto line : lines)
      CHECK_MESSAGE(expect.must.count(line) == 1, rel << ":" << line << " reported but not marked ruleid");
    for (auto line : expect.must_not) CHECK_MESSAGE(lines.count(line) == 0, rel << ":" << line << " is marked ok");
    check_columns_and_severity(expect, the_rule, by_file[rel], rel);
  }
  for (const auto& [path, lines] : reported) {
    CHECK_MESSAGE((lines.empty() || seen.count(path) == 1), path << " reported but not in the fixture");
  }
  return {must, ok};
}

}  // namespace

TEST_SUITE("rules") {
  TEST_CASE("rules::embedded rules load") {
    auto rules = onramp::core::RuleSet::load_embedded();
    REQUIRE_MESSAGE(rules.ok(), (rules.ok() ? "" : rules.error().message));
    CHECK(!rules->all().empty());
  }

  TEST_CASE("rules::every rule meets its fixture") {
    auto loaded = onramp::core::RuleSet::load_embedded();
    REQUIRE(loaded.ok());
    for (const auto& rule : loaded->all()) {
      CAPTURE(rule.id);
      const auto dir = source_dir() / "tests" / "rules" / rule.step_key;
      const auto name = rule.id.substr(rule.step_key.size() + 1);
      std::vector<fs::path> fixtures;
      if (fs::exists(dir)) {
        for (const auto& entry : fs::directory_iterator(dir)) {
          const auto file = entry.path().filename().string();
          const auto stem = entry.is_directory() ? file : entry.path().stem().string();
          const bool named = stem == name || stem.rfind(name + ".", 0) == 0;
          if (named && (entry.is_directory() || entry.path().extension() == ".py")) fixtures.push_back(entry.path());
        }
      }
      std::sort(fixtures.begin(), fixtures.end());
      REQUIRE_MESSAGE(!fixtures.empty(),
                      "no fixture tests/rules/" << rule.step_key << "/" << name << ".py (or a directory)");
      std::size_t must_total = 0, ok_total = 0;
      for (const auto& fixture : fixtures) {
        CAPTURE(fixture.string());
        if (fs::is_directory(fixture)) {
          const auto counts = check_repository_fixture(fixture, rule, *loaded);
          must_total += counts.first;
          ok_total += counts.second;
          continue;
        }
        const auto text = read_text(fixture);
        const auto expect = read_markers(text, rule.id);
        must_total += expect.must.size();
        ok_total += expect.must_not.size();
        const auto result =
            onramp::engine::analyse_source(virtual_path(text, fixture), text, *loaded, fixture_config(text));
        std::set<std::uint32_t> reported;
        std::vector<const onramp::core::Finding*> of_rule;
        for (const auto& f : result.findings) {
          if (f.rule != rule.id) continue;
          reported.insert(f.location.line);
          of_rule.push_back(&f);
        }
        check_columns_and_severity(expect, rule, of_rule, fixture.filename().string());
        for (auto line : expect.must)
          CHECK_MESSAGE(reported.count(line) == 1, "line " << line << " should be reported");
        for (auto line : reported)
          CHECK_MESSAGE(expect.must.count(line) == 1, "line " << line << " reported but not marked ruleid");
        for (auto line : expect.must_not) CHECK_MESSAGE(reported.count(line) == 0, "line " << line << " is marked ok");
      }
      CHECK_MESSAGE(must_total > 0, "the fixtures need at least one `# ruleid:` line");
      CHECK_MESSAGE(ok_total > 0, "the fixtures need at least one `# ok:` line");
    }
  }

  TEST_CASE("rules::loader rejects bad rule files with file and line") {
    onramp::core::RuleSet set;
    SUBCASE("unknown top-level key") {
      const auto st = set.add(
          "rules/x/bad.yaml",
          "id: sandbox/x\nseverity: error\nsummary: s\nsumary: typo\ndocs: {what: a, why: b, example: c, fix: d}\n");
      REQUIRE_FALSE(st.ok());
      CHECK(st.error().message == "rules/x/bad.yaml:4: unknown key `sumary` in a rule");
    }
    SUBCASE("unknown key in match") {
      const auto st = set.add("r.yaml",
                              "id: sandbox/x\nseverity: error\nsummary: s\ndocs: {what: a, why: b, example: c, fix: "
                              "d}\nmatch:\n  calls: [a.b]\n  text: x\n");
      REQUIRE_FALSE(st.ok());
      CHECK(st.error().message == "r.yaml:7: unknown key `text` in match");
    }
    SUBCASE("bad severity") {
      const auto st = set.add(
          "r.yaml", "id: sandbox/x\nseverity: fatal\nsummary: s\ndocs: {what: a, why: b, example: c, fix: d}\n");
      REQUIRE_FALSE(st.ok());
      CHECK(st.error().message == "r.yaml:2: severity must be info, warning or error");
    }
    SUBCASE("id without a known step") {
      const auto st =
          set.add("r.yaml", "id: nothing/x\nseverity: info\nsummary: s\ndocs: {what: a, why: b, example: c, fix: d}\n");
      REQUIRE_FALSE(st.ok());
      CHECK(st.error().message == "r.yaml:1: id `nothing/x` does not start with a step key");
    }
    SUBCASE("missing docs field") {
      const auto st =
          set.add("r.yaml", "id: sandbox/x\nseverity: info\nsummary: s\ndocs: {what: a, why: b, example: c}\n");
      REQUIRE_FALSE(st.ok());
      CHECK(st.error().message == "r.yaml:4: docs needs `fix`");
    }
    SUBCASE("invalid YAML") {
      const auto st = set.add("r.yaml", "id: [unclosed\n");
      REQUIRE_FALSE(st.ok());
      CHECK(st.error().message.rfind("r.yaml:", 0) == 0);
    }
    SUBCASE("duplicate id") {
      const char* text = "id: sandbox/x\nseverity: info\nsummary: s\ndocs: {what: a, why: b, example: c, fix: d}\n";
      REQUIRE(set.add("a.yaml", text).ok());
      const auto st = set.add("b.yaml", text);
      REQUIRE_FALSE(st.ok());
      CHECK(st.error().message == "b.yaml: rule `sandbox/x` is defined twice (also in a.yaml)");
    }
    SUBCASE("a good rule loads with its step") {
      REQUIRE(set.add("ok.yaml",
                      "id: async/x\nseverity: warning\nsummary: s\nruff: [ASYNC1]\ndocs: {what: a, why: b, example: c, "
                      "fix: d}\nmatch: {calls: [time.sleep, 'os.*']}\n")
                  .ok());
      const auto* rule = set.find("async/x");
      REQUIRE(rule != nullptr);
      CHECK(rule->step == 8);
      CHECK(rule->match.calls.size() == 2);
    }
  }

  TEST_CASE("rules::qualified name patterns") {
    using onramp::core::qualified_name_matches;
    CHECK(qualified_name_matches("pdb.set_trace", "pdb.set_trace"));
    CHECK_FALSE(qualified_name_matches("pdb.set_trace", "pdb.set_trace2"));
    CHECK(qualified_name_matches("os.*", "os.system"));
    CHECK(qualified_name_matches("os.*", "os.path.join"));
    CHECK_FALSE(qualified_name_matches("os.*", "os"));
    CHECK_FALSE(qualified_name_matches("os.*", "osx.system"));
  }
}

TEST_SUITE("rules") {
  TEST_CASE("rules::call patterns expand braces") {
    onramp::core::RuleSet set;
    REQUIRE(set.add("r.yaml",
                    "id: async/x\nseverity: info\nsummary: s\ndocs: {what: a, why: b, example: c, fix: d}\n"
                    "match:\n  calls: ['{a,b.c()}.{get,put}', plain, 'x.{y}']\n")
                .ok());
    std::vector<std::string> calls;
    for (const auto& c : set.find("async/x")->match.calls) calls.push_back(c.name);
    CHECK(calls == std::vector<std::string>{"a.get", "a.put", "b.c().get", "b.c().put", "plain", "x.y"});
  }
}

TEST_SUITE("rules") {
  TEST_CASE("query rules are compiled once per rule set and report each rule set's own rule") {
    // Two team rule sets whose query sits at the same place with the same text share one compiled query, but each
    // finding names the rule of the set it was run with; a different query is compiled on its own.
    const auto team = [](std::string_view id, std::string_view word) {
      auto set = onramp::core::RuleSet::load_embedded();
      REQUIRE(set);
      const auto text = fmt::format(
          "id: {}\nseverity: info\nsummary: s\ndocs: {{what: a, why: b, example: c, fix: d}}\nmatch:\n  query: |\n"
          "    ((comment) @finding (#match? @finding \"{}\"))\n",
          id, word);
      REQUIRE(set->add("team.yaml", text, true).ok());
      return std::move(*set);
    };
    const auto alpha = team("unwritten-rules/team-a", "NOTE");
    const auto beta = team("unwritten-rules/team-b", "NOTE");
    const auto other = team("unwritten-rules/team-a", "WARN");
    CHECK(onramp::core::QueryBundle::shared(alpha) == onramp::core::QueryBundle::shared(beta));
    CHECK(onramp::core::QueryBundle::shared(alpha) != onramp::core::QueryBundle::shared(other));
    const auto ids = [](const onramp::core::RuleSet& rules) {
      std::vector<std::string> out;
      const auto r = onramp::engine::analyse_source("app.py", "x = 1  # NOTE here\ny = 2  # WARN there\n", rules);
      for (const auto& f : r.findings) out.push_back(fmt::format("{}:{}", f.rule, f.location.line));
      return out;
    };
    CHECK(ids(alpha) == std::vector<std::string>{"unwritten-rules/team-a:1"});
    CHECK(ids(beta) == std::vector<std::string>{"unwritten-rules/team-b:1"});
    CHECK(ids(other) == std::vector<std::string>{"unwritten-rules/team-a:2"});
  }
}
