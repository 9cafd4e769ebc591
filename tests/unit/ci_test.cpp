// CI mode's building blocks: configuration, selection, suppression comments, baselines, output escaping.
#include <doctest/doctest.h>

#include <algorithm>
#include <span>
#include <sstream>

#include "onramp/core/baseline.hpp"
#include "onramp/core/config_file.hpp"
#include "onramp/core/selection.hpp"
#include "onramp/engine/pipeline.hpp"
#include "onramp/engine/suppressions.hpp"
#include "onramp/facts/suppressions.hpp"
#include "onramp/report/ci_report.hpp"
#include "test_support.hpp"

namespace {

using onramp::core::Config;
using onramp::core::Finding;
using onramp::core::RuleSet;
using onramp::core::Severity;
using Kind = onramp::facts::Suppression::Kind;

const RuleSet& rules() {
  static const RuleSet set = [] {
    auto loaded = RuleSet::load_embedded();
    REQUIRE(loaded.ok());
    return std::move(*loaded);
  }();
  return set;
}

std::string config_error(std::string_view text, bool pyproject = true) {
  auto c = onramp::core::parse_config(text, "pyproject.toml", pyproject, rules());
  REQUIRE_FALSE(c.ok());
  return c.error().message;
}

Finding finding(std::string rule, std::string path, std::uint32_t line, Severity sev = Severity::warning) {
  Finding f;
  f.rule = std::move(rule);
  f.path = std::move(path);
  f.location = {line, 1, line, 2};
  f.severity = sev;
  f.code = "code" + std::to_string(line);
  return f;
}

std::vector<std::string> rules_of(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.path + ":" + std::to_string(f.location.line) + " " + f.rule);
  return out;
}

}  // namespace

TEST_SUITE("ci") {
  TEST_CASE("ci::parse_suppression_comment") {
    using onramp::facts::parse_suppression_comment;
    SUBCASE("ids, spaces and commas") {
      const auto d = parse_suppression_comment("# onramp: ignore[a/b,  c/d e/f]");
      REQUIRE(d.size() == 1);
      CHECK(d[0].kind == Kind::line);
      CHECK(d[0].rules == std::vector<std::string>{"a/b", "c/d", "e/f"});
      CHECK(d[0].offset == 0);
      CHECK(d[0].length == 31);
    }
    SUBCASE("bare ignore with a reason after it") {
      const auto d = parse_suppression_comment("#onramp:ignore because the fixture needs it");
      REQUIRE(d.size() == 1);
      CHECK(d[0].kind == Kind::line);
      CHECK(d[0].rules.empty());
      CHECK(d[0].length == 14);
    }
    SUBCASE("file-level") {
      const auto d = parse_suppression_comment("# onramp: ignore-file[sandbox]");
      REQUIRE(d.size() == 1);
      CHECK(d[0].kind == Kind::file);
      CHECK(d[0].rules == std::vector<std::string>{"sandbox"});
    }
    SUBCASE("several directives in one comment") {
      const auto d = parse_suppression_comment("# type: ignore[attr]  # noqa: T100, E501  # onramp: ignore[x/y]");
      REQUIRE(d.size() == 2);
      CHECK(d[0].kind == Kind::noqa);
      CHECK(d[0].rules == std::vector<std::string>{"T100", "E501"});
      CHECK(d[1].kind == Kind::line);
      CHECK(d[1].offset == 42);
    }
    SUBCASE("noqa codes separated by spaces; a bare noqa names nothing") {
      CHECK(parse_suppression_comment("# NOQA:T100 B008 why")[0].rules == std::vector<std::string>{"T100", "B008"});
      CHECK(parse_suppression_comment("# noqa").empty());
      CHECK(parse_suppression_comment("# noqa because").empty());
    }
    SUBCASE("malformed directives are kept as invalid") {
      CHECK(parse_suppression_comment("# onramp: ignored")[0].kind == Kind::invalid);
      CHECK(parse_suppression_comment("# onramp: ignore[a/b")[0].kind == Kind::invalid);
      CHECK(parse_suppression_comment("# onramp: ignore[]")[0].kind == Kind::invalid);
      CHECK(parse_suppression_comment("# onramp: skip")[0].kind == Kind::invalid);
    }
    SUBCASE("prose that merely mentions onramp is no directive") {
      CHECK(parse_suppression_comment("# see the onramp docs: ignore nothing").empty());
    }
  }

  TEST_CASE("ci::suppressions cover a multi-line statement from its first line") {
    const std::string text =
        "def f(items):\n"
        "    send(  # onramp: ignore[sandbox/debugger-call]\n"
        "        items,\n"
        "        breakpoint(),\n"
        "    )\n"
        "    if (items and\n"
        "            breakpoint()):  # onramp: ignore[sandbox/debugger-call]\n"
        "        breakpoint()\n"
        "    breakpoint()  # noqa: T100\n";
    auto r = onramp::engine::analyse_source("app/x.py", text, rules());
    std::erase_if(r.findings, [](const Finding& f) { return !f.rule.starts_with("sandbox/"); });
    // Line 8 is in the `if` body, not its header: the suppression on line 7 does not reach it.
    CHECK(rules_of(r.findings) == std::vector<std::string>{"app/x.py:8 sandbox/debugger-call"});
    REQUIRE(r.module.suppressions.size() == 3);
    CHECK(r.module.suppressions[0].first_line == 2);
    CHECK(r.module.suppressions[0].last_line == 5);
    CHECK(r.module.suppressions[1].last_line == 7);
    CHECK(r.module.suppressions[0].location.column == 12);
  }

  TEST_CASE("ci::suppressions apply to findings from any stage, counted") {
    onramp::facts::Module m;
    m.path = "app/a.py";
    onramp::facts::Suppression s;
    s.kind = Kind::line;
    s.rules = {"sandbox/debugger-call"};
    s.first_line = s.last_line = 3;
    s.text = "# onramp: ignore[sandbox/debugger-call]";
    m.suppressions.push_back(s);
    std::vector<Finding> findings = {finding("sandbox/debugger-call", "app/a.py", 3),
                                     finding("sandbox/debugger-call", "app/a.py", 4),
                                     finding("sandbox/debugger-call", "app/b.py", 3)};
    std::size_t suppressed = 0;
    onramp::engine::apply_suppressions(std::span<const onramp::facts::Module>(&m, 1), rules(), true, findings,
                                       suppressed);
    CHECK(suppressed == 1);
    CHECK(rules_of(findings) ==
          std::vector<std::string>{"app/a.py:4 sandbox/debugger-call", "app/b.py:3 sandbox/debugger-call"});
  }

  TEST_CASE("ci::configuration errors name the file, the line and the key") {
    CHECK(config_error("[project]\nname = 'x'\n\n[tool.onramp]\nselect = ['sandbox']\nmax-complexty = 12\n") ==
          "pyproject.toml:6: unknown key `max-complexty` in [tool.onramp] (known keys: select, ignore, "
          "per-file-ignores, severity, "
          "exclude, max-complexity, max-function-lines, max-module-lines, typing, fail-on, baseline)");
    CHECK(config_error("[tool.onramp]\nmax-complexity = '12'\n") ==
          "pyproject.toml:2: `max-complexity` must be a whole number from 1 to 1000000");
    CHECK(config_error("[tool.onramp]\nselect = 'sandbox'\n") ==
          "pyproject.toml:2: `select` must be a list of strings");
    CHECK(config_error("[tool.onramp]\nignore = [\n  'sandbox',\n  'sandbox/debuger-call',\n]\n") ==
          "pyproject.toml:4: `sandbox/debuger-call` in `ignore` names no rule or step (`onramp rules` lists them)");
    CHECK(config_error("[tool.onramp]\nfail-on = 'fatal'\n") ==
          "pyproject.toml:2: `fail-on` must be \"info\", \"warning\" or \"error\"");
    CHECK(config_error("[tool.onramp.severity]\n'sandbox/debugger-call' = 'low'\n") ==
          "pyproject.toml:2: `severity.\"sandbox/debugger-call\"` must be \"info\", \"warning\" or \"error\"");
    CHECK(config_error("[tool.onramp.typing]\nmin-coverage = 120\n") ==
          "pyproject.toml:2: `typing.min-coverage` must be a percentage from 0 to 100");
    CHECK(config_error("[tool.onramp.typing]\nmin-coverag = 80\n") ==
          "pyproject.toml:2: unknown key `min-coverag` in [tool.onramp.typing] (known keys: min-coverage)");
    CHECK(config_error("[tool.onramp]\nper-file-ignores = { 'tests/**' = 'sandbox' }\n") ==
          "pyproject.toml:2: `per-file-ignores.\"tests/**\"` must be a list of strings");
    CHECK(config_error("[tool]\nonramp = 3\n") == "pyproject.toml:2: `tool.onramp` must be a table");
    CHECK(config_error("select = ['sandbox']\nbogus = true\n", false) ==
          "pyproject.toml:2: unknown key `bogus` in .onramp.toml (known keys: select, ignore, per-file-ignores, "
          "severity, exclude, "
          "max-complexity, max-function-lines, max-module-lines, typing, fail-on, baseline)");
    CHECK(config_error("[tool.onramp\nselect = 1\n").rfind("pyproject.toml:1: invalid TOML: ", 0) == 0);
  }

  TEST_CASE("ci::configuration fills Config and Thresholds") {
    const auto c = onramp::core::parse_config(
        "[tool.ruff]\nline-length = 100\n\n"
        "[tool.onramp]\n"
        "select = ['sandbox', 'async']\n"
        "ignore = ['sandbox/debugger-import']\n"
        "exclude = ['legacy/**', '*_pb2.py']\n"
        "max-complexity = 12\nmax-function-lines = 80\nmax-module-lines = 900\n"
        "fail-on = 'error'\nbaseline = 'ci/onramp-baseline.json'\n"
        "[tool.onramp.typing]\nmin-coverage = 75.5\n"
        "[tool.onramp.per-file-ignores]\n'tests/**' = ['sandbox/debugger-call']\n"
        "[tool.onramp.severity]\nasync = 'error'\n",
        "pyproject.toml", true, rules());
    REQUIRE_MESSAGE(c.ok(), (c.ok() ? "" : c.error().message));
    CHECK(c->select == std::vector<std::string>{"sandbox", "async"});
    CHECK(c->ignore == std::vector<std::string>{"sandbox/debugger-import"});
    CHECK(c->exclude == std::vector<std::string>{"legacy/**", "*_pb2.py"});
    CHECK(c->thresholds.max_complexity == 12);
    CHECK(c->thresholds.max_function_lines == 80);
    CHECK(c->thresholds.max_module_lines == 900);
    CHECK(c->thresholds.typing_min_coverage == doctest::Approx(75.5));
    CHECK(c->fail_on == Severity::error);
    CHECK(c->baseline == "ci/onramp-baseline.json");
    REQUIRE(c->per_file_ignores.size() == 1);
    CHECK(c->per_file_ignores[0].first == "tests/**");
    CHECK(c->severity.at("async") == Severity::error);
    // A pyproject.toml without [tool.onramp] gives the defaults.
    const auto none = onramp::core::parse_config("[project]\nname = 'x'\n", "pyproject.toml", true, rules());
    REQUIRE(none.ok());
    CHECK(none->select.empty());
    CHECK(none->thresholds.max_complexity == 10);
  }

  TEST_CASE("ci::find_config takes the nearest file and stops at the repository root") {
    onramp::test::TempDir dir;
    dir.write("repo/.git/HEAD", "ref: refs/heads/main\n");
    dir.write("repo/pyproject.toml", "[tool.onramp]\nselect = ['sandbox']\n");
    dir.write("repo/backend/pyproject.toml", "[project]\nname = 'backend'\n");  // no [tool.onramp]: keep looking
    dir.write("repo/backend/app/x.py", "x = 1\n");
    dir.write("repo/service/.onramp.toml", "select = ['async']\n");
    dir.write("repo/service/pyproject.toml", "[tool.onramp]\nselect = ['sandbox']\n");
    dir.write("pyproject.toml", "[tool.onramp]\nselect = ['sandbox']\n");  // outside the repository
    dir.write("other/app/y.py", "y = 1\n");
    const auto canonical = [](const std::filesystem::path& p) { return std::filesystem::canonical(p); };
    CHECK(onramp::core::find_config(dir.path() / "repo/backend/app") == canonical(dir.path() / "repo/pyproject.toml"));
    CHECK(onramp::core::find_config(dir.path() / "repo/service") ==
          canonical(dir.path() / "repo/service/.onramp.toml"));
    CHECK(onramp::core::find_config(dir.path() / "other/app") == canonical(dir.path() / "pyproject.toml"));
    dir.write("other/.git/HEAD", "x");
    CHECK_FALSE(onramp::core::find_config(dir.path() / "other/app").has_value());
  }

  TEST_CASE("ci::selection: specificity, per-file ignores, severity overrides") {
    Config c;
    const auto apply = [&](std::vector<Finding> in) {
      onramp::core::apply_selection(c, rules(), in);
      return in;
    };
    const std::vector<Finding> all = {
        finding("sandbox/debugger-call", "app/a.py", 1), finding("sandbox/debugger-import", "app/a.py", 2),
        finding("sandbox/debugger-call", "tests/test_a.py", 1), finding("check/unused-suppression", "app/a.py", 3)};
    SUBCASE("select a step, ignore one of its rules") {
      c.select = {"sandbox"};
      c.ignore = {"sandbox/debugger-import"};
      CHECK(rules_of(apply(all)) ==
            std::vector<std::string>{"app/a.py:1 sandbox/debugger-call", "tests/test_a.py:1 sandbox/debugger-call"});
    }
    SUBCASE("a more specific select wins over a step ignore") {
      c.select = {"sandbox/debugger-import"};
      c.ignore = {"sandbox"};
      CHECK(rules_of(apply(all)) == std::vector<std::string>{"app/a.py:2 sandbox/debugger-import"});
    }
    SUBCASE("ignore by prefix and the check key") {
      c.ignore = {"sandbox/debugger-c", "check"};
      CHECK(rules_of(apply(all)) == std::vector<std::string>{"app/a.py:2 sandbox/debugger-import"});
    }
    SUBCASE("per-file ignores by glob, relative to the configuration's directory") {
      c.per_file_ignores = {{"backend/tests/**", {"sandbox/debugger-call"}}, {"a.py", {"sandbox"}}};
      c.root_prefix = "backend";
      CHECK(rules_of(apply(all)) == std::vector<std::string>{"app/a.py:3 check/unused-suppression"});
    }
    SUBCASE("severity: the most specific selector wins") {
      c.severity = {{"sandbox", Severity::info}, {"sandbox/debugger-call", Severity::error}};
      const auto out = apply(all);
      CHECK(out[0].severity == Severity::error);
      CHECK(out[1].severity == Severity::info);
    }
    SUBCASE("exclude globs") {
      c.exclude = {"legacy", "gen/*_pb2.py"};
      CHECK(onramp::core::is_excluded(c, "legacy"));
      CHECK(onramp::core::is_excluded(c, "app/legacy"));
      CHECK(onramp::core::is_excluded(c, "gen/x_pb2.py"));
      CHECK_FALSE(onramp::core::is_excluded(c, "gen/sub/x_pb2.py"));
      CHECK_FALSE(onramp::core::is_excluded(c, "app/legacy.py"));
    }
  }

  TEST_CASE("ci::baseline file: sorted, one finding a line, no line numbers; matched by fingerprint") {
    auto a = finding("sandbox/debugger-call", "b.py", 9);
    a.fingerprint = "00000000000000bb";
    a.message = "say \"why\"";
    auto b = finding("sandbox/debugger-call", "a.py", 30);
    b.fingerprint = "00000000000000aa";
    b.message = "m";
    const auto text = onramp::core::baseline_text({a, b});
    CHECK(text ==
          "{\n  \"schema\": \"onramp/baseline@1\",\n  \"tool\": {\"name\": \"onramp\", \"version\": \"" ONRAMP_VERSION
          "\"},\n"
          "  \"findings\": [\n"
          "    "
          "{\"path\":\"a.py\",\"rule\":\"sandbox/"
          "debugger-call\",\"fingerprint\":\"00000000000000aa\",\"message\":\"m\"},\n"
          "    "
          "{\"path\":\"b.py\",\"rule\":\"sandbox/"
          "debugger-call\",\"fingerprint\":\"00000000000000bb\",\"message\":\"say \\\"why\\\"\"}\n"
          "  ]\n}\n");
    CHECK(onramp::core::baseline_text({}) ==
          "{\n  \"schema\": \"onramp/baseline@1\",\n  \"tool\": {\"name\": \"onramp\", \"version\": \"" ONRAMP_VERSION
          "\"},\n"
          "  \"findings\": []\n}\n");
    const auto parsed = onramp::core::parse_baseline(text, "b.json");
    REQUIRE(parsed.ok());
    REQUIRE(parsed->size() == 2);
    auto c = finding("sandbox/debugger-call", "c.py", 1);
    c.fingerprint = "00000000000000cc";
    const auto split = onramp::core::split_by_baseline({a, c}, *parsed);
    CHECK(split.known == 1);
    CHECK(split.stale == 1);
    REQUIRE(split.fresh.size() == 1);
    CHECK(split.fresh[0].path == "c.py");
    // The statement edited (another fingerprint), the same rule, file and message: known; once only.
    auto a2 = a;
    a2.fingerprint = "00000000000000a2";
    auto a3 = a;
    a3.fingerprint = "00000000000000a3";
    const auto edited = onramp::core::split_by_baseline({a2, a3}, *parsed);
    CHECK(edited.known == 1);
    CHECK(edited.stale == 1);
    REQUIRE(edited.fresh.size() == 1);
    CHECK(edited.fresh[0].fingerprint == "00000000000000a3");
    CHECK(onramp::core::parse_baseline("[]", "b.json").error().message == "b.json: not a JSON baseline file");
    CHECK(onramp::core::parse_baseline("{\"findings\": []}", "b.json")
              .error()
              .message.rfind("b.json: not an onramp baseline", 0) == 0);
  }

  TEST_CASE("ci::fingerprints survive moves and change with the flagged code") {
    const auto fingerprints = [](const std::string& text) {
      auto r = onramp::engine::analyse_source("app/x.py", text, rules());
      onramp::engine::assign_fingerprints(r.findings);
      std::vector<std::string> out;
      for (const auto& f : r.findings) out.push_back(f.fingerprint);
      std::sort(out.begin(), out.end());
      return out;
    };
    const auto before = fingerprints("def a():\n    breakpoint()\n\ndef b():\n    pass\n");
    CHECK(fingerprints("def b():\n    pass\n\n\n# moved down\nif True:\n    def a():\n        breakpoint()\n") ==
          before);
    CHECK(fingerprints("def a():\n    breakpoint(header='x')\n") != before);
  }

  TEST_CASE("ci::GitHub workflow command escaping") {
    using onramp::report::github_escape_data;
    using onramp::report::github_escape_property;
    CHECK(github_escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b");
    CHECK(github_escape_property("dir/odd name,100%:x.py") == "dir/odd name%2C100%25%3Ax.py");
    onramp::report::CheckReport report;
    report.path_prefix = "backend";
    auto f = finding("sandbox/debugger-call", "app/a,b.py", 3, Severity::error);
    f.message = "first line\nsecond: 100%";
    report.findings = {f};
    std::ostringstream out;
    onramp::report::write_github(out, report);
    CHECK(out.str() ==
          "::error file=backend/app/a%2Cb.py,line=3,endLine=3,col=1,endColumn=2,title=onramp "
          "sandbox/debugger-call::first line%0Asecond: 100%25\n");
  }
}
