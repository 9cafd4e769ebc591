// What a user sees on bad input and odd repositories: one-line errors with exit 2, never a crash.
#include <doctest/doctest.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

#include "onramp/cli/cli.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using onramp::test::run_cli;
using onramp::test::TempDir;

json scan(const fs::path& root, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{root.string(), "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = run_cli(args);
  REQUIRE_MESSAGE(r.code == 0, r.err);
  return json::parse(r.out);
}

bool is_one_error_line(const std::string& err) {
  return err.rfind("onramp: error: ", 0) == 0 && err.find('\n') == err.size() - 1;
}

std::vector<std::string> finding_places(const json& report) {
  std::vector<std::string> out;
  for (const auto& f : report["findings"]) {
    out.push_back(f["path"].get<std::string>() + ":" + std::to_string(f["line"].get<int>()) + " " +
                  f["rule"].get<std::string>());
  }
  return out;
}

/// The places of the findings of one step's rules (`sandbox/`), since other steps report on the same code.
std::vector<std::string> finding_places(const json& report, std::string_view rule_prefix) {
  std::vector<std::string> out;
  for (const auto& place : finding_places(report)) {
    if (place.find(std::string(" ") + std::string(rule_prefix)) != std::string::npos) out.push_back(place);
  }
  return out;
}

json problem(const json& report, const std::string& path) {
  for (const auto& p : report["problems"]) {
    if (p["path"] == path) return p;
  }
  return json();
}

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("cli::usage errors are one line and exit 2") {
    TempDir dir;
    dir.write("a.py", "x = 1\n");
    SUBCASE("missing path") {
      const auto r = run_cli({(dir.path() / "nope").string()});
      CHECK(r.code == 2);
      CHECK(is_one_error_line(r.err));
      CHECK(r.err.find("does not exist") != std::string::npos);
      CHECK(r.out.empty());
    }
    SUBCASE("a file, not a directory") {
      const auto r = run_cli({(dir.path() / "a.py").string()});
      CHECK(r.code == 2);
      CHECK(is_one_error_line(r.err));
      CHECK(r.err.find("is not a directory") != std::string::npos);
    }
    SUBCASE("unknown format") {
      const auto r = run_cli({dir.path().string(), "--format", "yaml"});
      CHECK(r.code == 2);
      CHECK(is_one_error_line(r.err));
    }
    SUBCASE("unknown option") {
      const auto r = run_cli({"--frobnicate"});
      CHECK(r.code == 2);
      CHECK(is_one_error_line(r.err));
    }
    SUBCASE("zero jobs") {
      const auto r = run_cli({dir.path().string(), "-j", "0"});
      CHECK(r.code == 2);
      CHECK(is_one_error_line(r.err));
    }
    SUBCASE("bad size") {
      const auto r = run_cli({dir.path().string(), "--max-file-size", "lots"});
      CHECK(r.code == 2);
      CHECK(r.err == "onramp: error: --max-file-size: `lots` is not a size (use bytes, or K, M, G)\n");
    }
    SUBCASE("unwritable output") {
      const auto r = run_cli({dir.path().string(), "-o", (dir.path() / "no" / "such" / "dir.json").string()});
      CHECK(r.code == 2);
      CHECK(is_one_error_line(r.err));
    }
  }

  TEST_CASE("cli::help, version and rules") {
    const auto version = run_cli({"--version"});
    CHECK(version.code == 0);
    CHECK(version.out == std::string("onramp ") + ONRAMP_VERSION + "\n");
    const auto help = run_cli({"--help"});
    CHECK(help.code == 0);
    CHECK(help.out.find("--max-file-size") != std::string::npos);
    const auto rules = run_cli({"rules"});
    CHECK(rules.code == 0);
    CHECK(rules.out.find("sandbox/debugger-call") != std::string::npos);
    CHECK(rules.out.find("error") != std::string::npos);
    const auto rules_json = run_cli({"rules", "--format", "json"});
    CHECK(rules_json.code == 0);
    const auto list = json::parse(rules_json.out);
    REQUIRE(list.is_array());
    CHECK(list[0].contains("id"));
  }

  TEST_CASE("cli::-o writes the report to a file") {
    TempDir dir;
    dir.write("app/a.py", "breakpoint()\n");
    const auto out = dir.path() / "report.json";
    const auto r = run_cli({(dir.path() / "app").string(), "--format", "json", "-o", out.string()});
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    const auto report = json::parse(onramp::test::read_text(out));
    CHECK(report["summary"]["findings"] == 1);
  }

  TEST_CASE("cli::bad files are reported, never fatal") {
    TempDir dir;
    dir.write("ok.py", "breakpoint()\n");
    SUBCASE("syntax error: counted with its path and line, what parses is still used") {
      dir.write("broken.py", "def f():\n    breakpoint()\n\ndef g(:\n    pass\n");
      const auto report = scan(dir.path());
      CHECK(report["summary"]["parse_errors"] == 1);
      const auto p = problem(report, "broken.py");
      CHECK(p["kind"] == "syntax-error");
      CHECK(p["line"] == 4);
      CHECK(finding_places(report, "sandbox/") ==
            std::vector<std::string>{"broken.py:2 sandbox/debugger-call", "ok.py:1 sandbox/debugger-call"});
    }
    SUBCASE("binary file") {
      dir.write("blob.py", std::string("x = 1\0\1\2breakpoint()\n", 20));
      const auto report = scan(dir.path());
      CHECK(problem(report, "blob.py")["kind"] == "binary");
      CHECK(report["summary"]["python_files"] == 1);
      CHECK(report["summary"]["parse_errors"] == 1);
    }
    SUBCASE("non-UTF-8 file") {
      dir.write("latin1.py", "name = '\xe9t\xe9'\nbreakpoint()\n");
      const auto report = scan(dir.path());
      CHECK(problem(report, "latin1.py")["kind"] == "non-utf8");
      CHECK(finding_places(report).size() == 1);
    }
    SUBCASE("over the size limit") {
      dir.write("big.py", std::string(4096, '#') + "\nbreakpoint()\n");
      const auto report = scan(dir.path(), {"--max-file-size", "1K"});
      CHECK(problem(report, "big.py")["kind"] == "too-large");
      CHECK(report["summary"]["skipped_files"] == 1);
      CHECK(finding_places(report).size() == 1);
    }
    SUBCASE("deep nesting does not overflow the stack") {
      const std::size_t depth = 50000;
      dir.write("deep.py", "x = " + std::string(depth, '(') + "1" + std::string(depth, ')') + "\nbreakpoint()\n");
      dir.write("deep_lists.py", "y = " + std::string(depth, '[') + std::string(depth, ']') + "\n");
      const auto nested_calls = [] {
        std::string s;
        for (int i = 0; i < 20000; ++i) s += "f(";
        return s + std::string(20000, ')');
      };
      dir.write("deep_calls.py", "z = " + nested_calls() + "\n");
      // Inside a def and an if: every call asks which scope and whether it runs on all paths (once per level, not per call).
      dir.write("deep_calls_in_def.py", "def g(x):\n    if x:\n        return " + nested_calls() + "\n");
      const auto report = scan(dir.path());
      CHECK(report["summary"]["python_files"] == 5);
    }
    SUBCASE("a UTF-8 byte order mark is not a syntax error") {
      dir.write("bom.py", "\xEF\xBB\xBFimport pdb\npdb.set_trace()\n");
      const auto report = scan(dir.path());
      CHECK(report["summary"]["parse_errors"] == 0);
      CHECK(finding_places(report).size() == 3);
    }
    SUBCASE("unreadable file") {
      dir.write("secret.py", "breakpoint()\n");
      fs::permissions(dir.path() / "secret.py", fs::perms::none);
      const auto report = scan(dir.path());
      if (geteuid() == 0) {
        MESSAGE("running as root: permissions cannot make a file unreadable, so only the run's survival is checked");
      } else {
        CHECK(problem(report, "secret.py")["kind"] == "unreadable");
      }
      CHECK(report["summary"]["python_files"].get<int>() >= 1);
    }
  }

  TEST_CASE("cli::symbolic links never lead out of the root or into a loop") {
    TempDir outside;
    outside.write("elsewhere/evil.py", "breakpoint()\n");
    TempDir dir;
    dir.write("app/main.py", "x = 1\n");
    fs::create_directory_symlink(outside.path() / "elsewhere", dir.path() / "app" / "escape");
    fs::create_symlink(outside.path() / "elsewhere" / "evil.py", dir.path() / "app" / "evil_link.py");
    fs::create_directory_symlink(dir.path() / "app", dir.path() / "app" / "loop");
    fs::create_symlink(dir.path() / "nothing-here", dir.path() / "dangling.py");
    const auto report = scan(dir.path());
    CHECK(report["findings"].empty());
    CHECK(problem(report, "app/escape")["kind"] == "symlink-outside-root");
    CHECK(problem(report, "app/evil_link.py")["kind"] == "symlink-outside-root");
    CHECK(problem(report, "dangling.py")["kind"] == "broken-symlink");
    CHECK(report["summary"]["python_files"] == 1);
  }

  TEST_CASE("cli::.gitignore and tool directories are honoured") {
    TempDir dir;
    dir.write(".gitignore", "generated/\n*.gen.py\n!keep.gen.py\n/top_only.py\n");
    dir.write("generated/a.py", "breakpoint()\n");
    dir.write("pkg/x.gen.py", "breakpoint()\n");
    dir.write("pkg/keep.gen.py", "breakpoint()\n");
    dir.write("top_only.py", "breakpoint()\n");
    dir.write("pkg/top_only.py", "breakpoint()\n");
    dir.write("pkg/.gitignore", "local.py\n");
    dir.write("pkg/local.py", "breakpoint()\n");
    dir.write("node_modules/m.py", "breakpoint()\n");
    dir.write(".venv/lib/site.py", "breakpoint()\n");
    dir.write("env2/pyvenv.cfg", "home = /usr\n");
    dir.write("env2/lib/x.py", "breakpoint()\n");
    dir.write("build/lib/x.py", "breakpoint()\n");
    dir.write("pkg/__pycache__/x.py", "breakpoint()\n");
    const auto report = scan(dir.path());
    CHECK(finding_places(report) == std::vector<std::string>{"pkg/keep.gen.py:1 sandbox/debugger-call",
                                                             "pkg/top_only.py:1 sandbox/debugger-call"});
  }

  TEST_CASE("cli::JSON follows the report contract") {
    TempDir dir;
    dir.write("pyproject.toml", "[project]\nname = \"x\"\n");
    dir.write("src/x/api.py", "import pdb\n\ndef f() -> None:\n    pdb.set_trace()\n");
    const auto r = run_cli({dir.path().string(), "--format", "json"});
    REQUIRE(r.code == 0);
    const auto report = json::parse(r.out);
    CHECK(report["schema"] == "onramp/report@1");
    CHECK(report["tool"]["name"] == "onramp");
    CHECK(report["root"] == dir.path().string());
    for (const char* key : {"files", "python_files", "python_lines", "findings", "parse_errors"}) {
      CHECK_MESSAGE(report["summary"][key].is_number_integer(), key);
    }
    REQUIRE(report["steps"].size() == 15);
    for (int i = 0; i < 15; ++i) {
      const auto& step = report["steps"][static_cast<std::size_t>(i)];
      CHECK(step["id"] == i + 1);
      CHECK(step["key"].is_string());
      CHECK(step["title"].is_string());
      CHECK(step["facts"].is_object());
      CHECK(step["findings"].is_number_integer());
    }
    CHECK(report["steps"][3]["key"] == "sandbox");
    CHECK(report["steps"][3]["findings"] == 2);
    REQUIRE(report["findings"].size() == 2);
    const auto& f = report["findings"][1];
    CHECK(f["rule"] == "sandbox/debugger-call");
    CHECK(f["step"] == 4);
    CHECK(f["severity"] == "error");
    CHECK(f["path"] == "src/x/api.py");
    CHECK(f["line"] == 4);
    CHECK(f["column"] == 5);
    CHECK(f["end_line"] == 4);
    CHECK(f["end_column"] == 20);
    CHECK(f["fingerprint"].get<std::string>().size() == 16);
    CHECK(r.out.find(dir.path().string() + "/") == std::string::npos);  // no absolute paths below the root
  }

  TEST_CASE("cli::fingerprints survive moving a line, not editing it") {
    TempDir dir;
    dir.write("a.py", "import pdb\n\ndef f() -> None:\n    pdb.set_trace()\n");
    const auto before = scan(dir.path())["findings"];
    dir.write("a.py", "import pdb\n\n\n\ndef f() -> None:\n    x = 1\n    pdb.set_trace()\n");
    const auto moved = scan(dir.path())["findings"];
    REQUIRE(before.size() == 2);
    REQUIRE(moved.size() == 2);
    CHECK(before[1]["line"] != moved[1]["line"]);
    CHECK(before[1]["fingerprint"] == moved[1]["fingerprint"]);
    dir.write("a.py", "import pdb\n\ndef f() -> None:\n    pdb.set_trace(header='x')\n");
    const auto edited = scan(dir.path())["findings"];
    CHECK(before[1]["fingerprint"] != edited[1]["fingerprint"]);
    // Two identical statements in one file get different fingerprints (occurrence index).
    dir.write("a.py", "import pdb\npdb.set_trace()\npdb.set_trace()\n");
    const auto twice = scan(dir.path())["findings"];
    REQUIRE(twice.size() == 3);
    CHECK(twice[1]["fingerprint"] != twice[2]["fingerprint"]);
  }

  TEST_CASE("cli::--rules adds a team's rules") {
    TempDir rules;
    rules.write("http/no-requests.yaml", R"y(id: async/no-sync-http-client
severity: warning
summary: The team uses httpx everywhere
message: "{call} is the requests library; this team uses httpx (shared retries and timeouts)"
docs: {what: Calls into requests., why: One HTTP client., example: requests.get(url), fix: httpx.get(url)}
match:
  calls: ['requests.{get,post}']
)y");
    rules.write("imports/no-pickle.yaml", R"y(id: unwritten-rules/no-pickle
severity: error
summary: pickle is banned here
docs: {what: Imports of pickle., why: Untrusted data., example: import pickle, fix: use json}
match: {modules: [pickle]}
)y");
    rules.write("blocking/grpc.yaml", R"y(id: async/blocking-grpc
severity: warning
summary: A sync gRPC stub call in async code
message: "{call} waits for a gRPC reply in async def {function}"
docs: {what: Sync stubs., why: It blocks., example: stub.Get(x), fix: use grpc.aio}
match: {calls: [grpc.insecure_channel], within: async-function, interprocedural: true}
)y");
    rules.write("README.md", "not a rule\n");
    TempDir repo;
    repo.write("app/client.py",
               "import requests as r\nimport pickle\nimport grpc\n\n\ndef fetch(url):\n    return r.get(url)\n\n\n"
               "def channel():\n    return grpc.insecure_channel('x')\n\n\nasync def handler():\n    channel()\n");
    const auto report = scan(repo.path(), {"--rules", rules.path().string()});
    const auto places = finding_places(report);
    CHECK(std::count(places.begin(), places.end(), "app/client.py:7 async/no-sync-http-client") == 1);
    CHECK(std::count(places.begin(), places.end(), "app/client.py:2 unwritten-rules/no-pickle") == 1);
    // A team's rule that says `interprocedural: true` joins the search through sync helpers, whatever its id.
    CHECK(std::count(places.begin(), places.end(), "app/client.py:15 async/blocking-grpc") == 1);
    for (const auto& f : report["findings"]) {
      if (f["rule"] == "async/no-sync-http-client") {
        CHECK(f["message"] ==
              "`r.get()` (requests.get) is the requests library; this team uses httpx (shared retries and timeouts)");
      }
    }
    // Without --rules nothing of the kind is reported.
    CHECK(finding_places(scan(repo.path()), "async/no-sync").empty());

    const auto listed = run_cli({"rules", "--rules", rules.path().string()});
    CHECK(listed.code == 0);
    CHECK(listed.out.find("unwritten-rules/no-pickle") != std::string::npos);
    const auto explained = run_cli({"explain", "async/blocking-grpc", "--rules", rules.path().string()});
    CHECK(explained.code == 0);
    CHECK(explained.out.find("Sync stubs.") != std::string::npos);
    const auto checked = run_cli({"check", repo.path().string(), "--rules", rules.path().string(), "--format", "json"});
    CHECK(checked.code == 1);
  }

  TEST_CASE("cli::--rules errors name the file and line") {
    TempDir repo;
    repo.write("app/a.py", "x = 1\n");
    SUBCASE("a broken rule file") {
      TempDir rules;
      rules.write("bad.yaml",
                  "id: async/x\nseverity: loud\nsummary: s\ndocs: {what: a, why: b, example: c, fix: d}\nmatch: "
                  "{calls: [a.b]}\n");
      const auto r = run_cli({repo.path().string(), "--rules", rules.path().string()});
      CHECK(r.code == 2);
      CHECK(is_one_error_line(r.err));
      CHECK(r.err ==
            "onramp: error: " + (rules.path() / "bad.yaml").string() + ":2: severity must be info, warning or error\n");
    }
    SUBCASE("a rule that redefines a built-in one") {
      TempDir rules;
      rules.write("dup.yaml",
                  "id: sandbox/debugger-call\nseverity: info\nsummary: s\ndocs: {what: a, why: b, example: c, fix: "
                  "d}\nmatch: {calls: [a.b]}\n");
      const auto r = run_cli({"check", repo.path().string(), "--rules", rules.path().string()});
      CHECK(r.code == 2);
      CHECK(r.err.find("rule `sandbox/debugger-call` is defined twice (also in rules/sandbox/debugger-call.yaml)") !=
            std::string::npos);
    }
    SUBCASE("a rule that matches nothing") {
      TempDir rules;
      rules.write("empty.yaml",
                  "id: async/nothing\nseverity: info\nsummary: s\ndocs: {what: a, why: b, example: c, fix: d}\n");
      const auto r = run_cli({repo.path().string(), "--rules", rules.path().string()});
      CHECK(r.code == 2);
      CHECK(r.err.find("matches nothing") != std::string::npos);
    }
    SUBCASE("not a directory, or no rule files") {
      TempDir rules;
      CHECK(run_cli({repo.path().string(), "--rules", (rules.path() / "missing").string()})
                .err.find("is not a directory") != std::string::npos);
      CHECK(run_cli({repo.path().string(), "--rules", rules.path().string()}).err.find("holds no .yaml rule files") !=
            std::string::npos);
    }
  }
}

TEST_SUITE("cli") {
  TEST_CASE("cli::onramp graph --kind imports|layers|routes") {
    const auto repo = (onramp::test::source_dir() / "tests" / "fixtures" / "arch-fastapi" / "repo").string();
    SUBCASE("imports as DOT: packages clustered, counts on edges, the cycle in red; the same bytes twice") {
      const auto r = onramp::test::run_cli({"graph", repo, "--kind", "imports", "--format", "dot", "-j", "2"});
      CHECK(r.code == 0);
      CHECK(r.out.rfind("digraph \"imports\" {", 0) == 0);
      CHECK(r.out.find("\"app.api\" -> \"app\" [label=\"2\", color=red];") != std::string::npos);
      CHECK(r.out.find("\"app.main\"") == std::string::npos);  // app/main.py is in package app
      CHECK(onramp::test::run_cli({"graph", repo, "--kind", "imports", "--format", "dot", "-j", "1"}).out == r.out);
    }
    SUBCASE("layers as Mermaid: the models -> api violation in red") {
      const auto r = onramp::test::run_cli({"graph", repo, "--kind", "layers"});
      CHECK(r.code == 0);
      CHECK(r.out.rfind("flowchart TB\n", 0) == 0);
      CHECK(r.out.find("[\"api 1 package\"]") != std::string::npos);
      CHECK(r.out.find("linkStyle") != std::string::npos);
    }
    SUBCASE("routes: each composed path points to its handler's module") {
      const auto r = onramp::test::run_cli({"graph", repo, "--kind", "routes", "--format", "mermaid"});
      CHECK(r.code == 0);
      CHECK(r.out.find("\"GET /api/v1/users/me\"") != std::string::npos);
      CHECK(r.out.find("\"app.api.routes.users\"") != std::string::npos);
    }
  }
}
