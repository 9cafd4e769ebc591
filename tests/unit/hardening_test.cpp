// Hostile repositories and hostile command lines: nothing blocks, nothing outside the root is read or written, and
// every failure is a one-line error with exit 2.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <thread>
#include <tuple>
#include <vector>

#include "onramp/checks/local-setup/setup_files.hpp"
#include "onramp/cli/cli.hpp"
#include "onramp/core/masking.hpp"
#include "onramp/facts/walker.hpp"
#include "onramp/parse/compose.hpp"
#include "onramp/parse/dockerfile.hpp"
#include "onramp/parse/documents.hpp"
#include "onramp/parse/python_parser.hpp"
#include "onramp/util/files.hpp"
#include "onramp/util/strings.hpp"
#include "onramp/util/toml.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using onramp::test::run_cli;
using onramp::test::TempDir;

bool is_one_error_line(const std::string& err) {
  return err.rfind("onramp: error: ", 0) == 0 && err.find('\n') == err.size() - 1;
}

bool has_problem(const json& report, std::string_view path, std::string_view kind) {
  for (const auto& p : report["problems"]) {
    if (p["path"] == path && p["kind"] == kind) return true;
  }
  return false;
}

const json* find_problem(const json& report, std::string_view path) {
  for (const auto& p : report["problems"]) {
    if (p["path"] == path) return &p;
  }
  return nullptr;
}

std::string repeat(std::string_view part, std::size_t n) {
  std::string out;
  out.reserve(part.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += part;
  return out;
}

/// `<<: [*aN-1, *aN-1]` nested `depth` times: 2^depth merges when every alias is expanded again.
std::string doubled_merge_keys(int depth) {
  std::string y = "x-base:\n  a0: &a0 {image: python}\n";
  for (int i = 1; i <= depth; ++i) {
    y += fmt::format("  a{}: &a{}\n    <<: [*a{}, *a{}]\n", i, i, i - 1, i - 1);
  }
  return y;
}

}  // namespace

TEST_SUITE("hardening") {
  TEST_CASE("hardening::util::read_file refuses FIFOs and devices without blocking") {
    TempDir dir;
    const auto fifo = dir.path() / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const auto r = onramp::util::read_file(fifo, 1 << 20);  // would block forever on a plain open()
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("not a regular file") != std::string::npos);
    CHECK_FALSE(onramp::util::read_file("/dev/zero", 1 << 20));  // a device never ends
    dir.write("small.txt", "hello");
    CHECK(*onramp::util::read_file(dir.path() / "small.txt", 10) == "hello");
    CHECK_FALSE(onramp::util::read_file(dir.path() / "small.txt", 4));
  }

  TEST_CASE("hardening::a FIFO named .gitignore or .git/info/exclude is a problem row, not a hang") {
    TempDir dir;
    dir.write("app.py", "import os\n");
    fs::create_directories(dir.path() / ".git" / "info");
    REQUIRE(::mkfifo((dir.path() / ".gitignore").c_str(), 0600) == 0);
    REQUIRE(::mkfifo((dir.path() / ".git" / "info" / "exclude").c_str(), 0600) == 0);
    const auto r = run_cli({dir.path().string(), "--format", "json"});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const auto report = json::parse(r.out);
    CHECK(has_problem(report, ".gitignore", "unreadable"));
    CHECK(has_problem(report, ".git/info/exclude", "unreadable"));
  }

  TEST_CASE("hardening::a .gitignore linked outside the root (or to /dev/stdin) is never read") {
    TempDir outside;
    outside.write("patterns", "app.py\n");
    TempDir dir;
    dir.write("app.py", "import requests\n");
    dir.write("sub/other.py", "import requests\n");
    fs::create_symlink(outside.path() / "patterns", dir.path() / ".gitignore");
    fs::create_symlink("/dev/stdin", dir.path() / "sub" / ".gitignore");
    const auto r = run_cli({dir.path().string(), "--format", "json"});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const auto report = json::parse(r.out);
    // Had the outside file been read, app.py would be ignored: both Python files are scanned, none skipped.
    CHECK(report["summary"]["python_files"] == 2);
    CHECK_FALSE(report["summary"]["skipped"]["files"].contains("gitignored"));
    CHECK(has_problem(report, ".gitignore", "symlink-outside-root"));
    // /dev/stdin resolves to a device outside the root, or to nothing when standard input is a pipe.
    CHECK((has_problem(report, "sub/.gitignore", "symlink-outside-root") ||
           has_problem(report, "sub/.gitignore", "broken-symlink")));
  }

  TEST_CASE("hardening::a baseline the configuration names outside the repository is not written") {
    TempDir parent;
    const auto repo = parent.path() / "repo";
    fs::create_directories(repo);
    onramp::test::write_text(repo / "app.py", "breakpoint()\n");
    onramp::test::write_text(repo / "pyproject.toml", "[tool.onramp]\nbaseline = \"../victim.txt\"\n");
    onramp::test::write_text(parent.path() / "victim.txt", "precious\n");
    const auto r = run_cli({"baseline", repo.string()});
    CHECK(r.code == 2);
    CHECK(is_one_error_line(r.err));
    CHECK(r.err.find("outside the scanned repository") != std::string::npos);
    std::ifstream victim(parent.path() / "victim.txt");
    std::stringstream text;
    text << victim.rdbuf();
    CHECK(text.str() == "precious\n");
    // Named on the command line, the same place is the user's choice.
    const auto named = run_cli({"baseline", repo.string(), "-o", (parent.path() / "victim.txt").string()});
    CHECK_MESSAGE(named.code == 0, named.err);
    // Inside the repository (through a subdirectory) it is written.
    onramp::test::write_text(repo / "pyproject.toml", "[tool.onramp]\nbaseline = \"ci/../.baseline.json\"\n");
    const auto inside = run_cli({"baseline", repo.string()});
    CHECK_MESSAGE(inside.code == 0, inside.err);
    CHECK(fs::exists(repo / ".baseline.json"));
  }

  TEST_CASE("hardening::--max-file-size takes only sizes in range") {
    TempDir dir;
    dir.write("app.py", "x = 1\n");
    for (const char* bad : {"-1", " 5", "17179869184G", "2G", "0", "1T"}) {
      CAPTURE(bad);
      const auto r = run_cli({dir.path().string(), "--max-file-size", bad});
      CHECK(r.code == 2);
      CHECK(is_one_error_line(r.err));
    }
    CHECK(run_cli({dir.path().string(), "--max-file-size", "1G"}).code == 0);
  }

  TEST_CASE("hardening::output that cannot be written is exit 2, not a quiet 0") {
    TempDir dir;
    dir.write("app.py", "x = 1\n");
    const std::vector<std::string> args{"onramp", dir.path().string(), "--format", "json"};
    std::vector<const char*> argv;
    for (const auto& a : args) argv.push_back(a.c_str());
    std::ostringstream out, err;
    out.setstate(std::ios::badbit);  // what a full disk or a closed pipe leaves behind
    CHECK(onramp::cli::run(static_cast<int>(argv.size()), argv.data(), out, err) == 2);
    CHECK(is_one_error_line(err.str()));
  }

  TEST_CASE("hardening::nesting deeper than the walk goes is a too-complex problem row, not quadratic work") {
    TempDir dir;
    // 40,000 nested lambdas (320 KB): each level once named `<lambda>` inside the one around it.
    dir.write("lambdas.py", "f = " + repeat("lambda: ", 40000) + "0\n");
    // 50,000 unclosed brackets: tree-sitter recovers in milliseconds.
    dir.write("brackets.py", "x = " + repeat("([", 50000) + "\n");
    dir.write("app.py", "import time\n\nasync def handler():\n    time.sleep(1)\n");
    const auto r = run_cli({dir.path().string(), "--format", "json"});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const auto report = json::parse(r.out);
    const auto* lambdas = find_problem(report, "lambdas.py");
    REQUIRE(lambdas != nullptr);
    CHECK((*lambdas)["kind"] == "too-complex");
    CHECK((*lambdas)["line"] == 1);
    CHECK((*lambdas)["message"].get<std::string>().find("nested deeper than 400 syntax levels") != std::string::npos);
    // tree-sitter recovers from the unclosed brackets in milliseconds, but a query cursor on the tree it gives (one
    // ERROR node of 100,000 pieces) would take minutes: the query rules are not run, and the report says so.
    const auto* brackets = find_problem(report, "brackets.py");
    REQUIRE(brackets != nullptr);
    CHECK((*brackets)["kind"] == "too-complex");
    CHECK((*brackets)["message"].get<std::string>().find("too many for the query rules") != std::string::npos);
    // The rest of the repository is analysed as usual.
    CHECK(report["summary"]["python_files"] == 3);
    CHECK(find_problem(report, "app.py") == nullptr);
  }

  TEST_CASE("hardening::the walk visits everything up to its depth limit and nothing below") {
    // Real code is far from the limit: a file 300 levels deep is walked whole.
    const auto rules = onramp::core::RuleSet::load_embedded();
    REQUIRE(rules.ok());
    const auto shallow = onramp::engine::analyse_source(
        "app.py", "x = " + repeat("(", 100) + "1" + repeat(")", 100) + "\nimport pdb\npdb.set_trace()\n", *rules);
    CHECK_FALSE(shallow.problem);
    CHECK(std::any_of(shallow.findings.begin(), shallow.findings.end(),
                      [](const auto& f) { return f.rule == "sandbox/debugger-call"; }));
    const auto deep = onramp::engine::analyse_source("app.py", "f = " + repeat("lambda: ", 1000) + "0\n", *rules);
    REQUIRE(deep.problem);
    CHECK(deep.problem->kind == "too-complex");
    CHECK(onramp::facts::Walker::kMaxDepth == 400);
  }

  TEST_CASE("hardening::a parse over its work budget is stopped, said, and the parser works on the next file") {
    onramp::parse::PythonParser parser;
    const std::string text = repeat("x = [1, 2, 3]\n", 2000);
    CHECK_FALSE(parser.parse(text, 1));
    CHECK(parser.budget_exceeded());
    const auto tree = parser.parse(text);
    REQUIRE(tree);
    CHECK_FALSE(parser.budget_exceeded());
    CHECK_FALSE(ts_node_has_error(ts_tree_root_node(tree.get())));
    // The budget grows with the file: a 2 MB file (the default --max-file-size) gets 20,000 + 524,288 callbacks.
    CHECK(onramp::parse::PythonParser::budget_for(2U << 20) == 20'000 + (2U << 20) / 4);
  }

  TEST_CASE("hardening::doubled YAML merge keys cost linear work in compose files and CI workflows") {
    // 2^40 expansions if every alias were merged again; each mapping is read once.
    const auto bomb = doubled_merge_keys(40) + "services:\n  web:\n    <<: *a40\n    command: gunicorn app:app\n";
    const auto doc = onramp::parse::parse_yaml(bomb);
    REQUIRE_FALSE(doc.error);
    const auto load = [&](std::string_view) -> const onramp::parse::YamlDocument* { return &doc; };
    const auto compose = onramp::parse::read_compose(load, "compose.yaml");
    REQUIRE(compose.services.size() == 1);
    CHECK(compose.services[0].image == "python");
    CHECK(compose.services[0].command == "gunicorn app:app");
    // A key no merged mapping has: the lookup ends after the 41 mappings, not 2^40.
    const auto& a40 = doc.root["x-base"]["a40"];
    CHECK_FALSE(onramp::parse::yaml_get(a40, "missing"));
    CHECK(onramp::parse::yaml_get(a40, "image").Scalar() == "python");
    // Precedence stays YAML's: the mapping's own keys, then the merged ones in the order written, depth first.
    const auto order = onramp::parse::parse_yaml(
        "a: &a {k: from-a}\nb: &b {<<: *a, j: from-b}\nc: &c {k: from-c, j: from-c}\nd:\n  <<: [*b, *c]\n");
    CHECK(onramp::parse::yaml_get(order.root["d"], "k").Scalar() == "from-a");
    CHECK(onramp::parse::yaml_get(order.root["d"], "j").Scalar() == "from-b");
  }

  TEST_CASE("hardening::include() chains that branch, str(str(...)) and a 30,000-file requirements chain end") {
    TempDir dir;
    dir.write("requirements.txt", "django\n-r req/r0.txt\n");
    // Each file includes the next: a depth-first walk by recursion ran out of stack here.
    for (int i = 0; i < 30000; ++i) dir.write(fmt::format("req/r{}.txt", i), fmt::format("-r r{}.txt\n", i + 1));
    // Eight includes of the next URL module, fourteen deep: 8^14 expansions if each is followed.
    dir.write("app/__init__.py", "");
    dir.write("app/settings.py", "ROOT_URLCONF = \"app.u0\"\n");
    dir.write("app/views.py", "def index(request):\n    pass\n");
    for (int i = 0; i < 14; ++i) {
      std::string u = "from django.urls import include, path\n\nfrom . import views\n\nurlpatterns = [\n";
      for (int k = 0; k < 8; ++k) u += fmt::format("    path(\"p{}/\", include(\"app.u{}\")),\n", k, i + 1);
      u += "    path(\"v/\", views.index),\n]\n";
      dir.write(fmt::format("app/u{}.py", i), u);
    }
    // A Sentry DSN inside 200,000 calls of str().
    dir.write("app/monitoring.py",
              "import sentry_sdk\n\nsentry_sdk.init(dsn=" + repeat("str(", 200000) + "x" + repeat(")", 200000) + ")\n");
    const auto r = run_cli({dir.path().string(), "--format", "json"});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const auto report = json::parse(r.out);
    const json* routes = nullptr;
    for (const auto& step : report["steps"]) {
      if (step["key"] == "architecture") routes = &step["facts"]["routes"];
    }
    REQUIRE(routes != nullptr);
    CHECK(routes->size() > 1000);
    CHECK(routes->size() <= 100000);
    CHECK((*routes)[0]["handler"] == "app.views.index");
    // The 30,000th file ends the chain by naming a file that is not there.
    bool chain_end = false;
    for (const auto& f : report["findings"]) {
      chain_end = chain_end || (f["rule"] == "stack/broken-manifest" && f["path"] == "req/r29999.txt");
    }
    CHECK(chain_end);
    CHECK(has_problem(report, "app/monitoring.py", "too-complex"));
  }

  TEST_CASE("hardening::a 1,000-service extends chain and a 16,000-stage Dockerfile are read in linear time") {
    std::string chain = "services:\n  s0:\n    image: python\n";
    for (int i = 1; i < 1000; ++i) chain += fmt::format("  s{}:\n    extends: s{}\n", i, i - 1);
    const auto doc = onramp::parse::parse_yaml(chain);
    const auto load = [&](std::string_view) -> const onramp::parse::YamlDocument* { return &doc; };
    const auto compose = onramp::parse::read_compose(load, "compose.yaml");
    CHECK(compose.services.size() == 1000);
    const auto chain_errors = std::count_if(compose.errors.begin(), compose.errors.end(), [](const auto& e) {
      return e.second.find("extends chain longer than 16 services") != std::string::npos;
    });
    CHECK(chain_errors == 1000 - 16);  // s16 onwards

    std::string dockerfile = "FROM python:3.12 AS s0\n";
    for (int i = 1; i < 16000; ++i) dockerfile += fmt::format("FROM s{} AS s{}\nRUN true\n", i - 1, i);
    dockerfile += "FROM 3\n";
    const auto df = onramp::parse::read_dockerfile(dockerfile);
    REQUIRE(df.stages.size() == 16001);
    const auto parents = onramp::checks::local_setup::stage_parents(df);
    CHECK(parents[0] == -1);
    CHECK(parents[1] == 0);
    CHECK(parents[15999] == 15998);
    CHECK(parents[16000] == 3);  // `FROM 3`: a stage by its index
  }

  TEST_CASE("hardening::secrets are masked in every format and in the baseline") {
    TempDir dir;
    const std::string token = "ghp_0123456789abcdefghijABCDEFGHIJ0123456789";
    dir.write("app.py", "# FIXME: token " + token + " must go\nimport requests\nbreakpoint()  # " + token + "\n");
    dir.write("requirements.txt", "requests\ngit+https://alice:Hunter2Secret@git.example.com/lib.git#egg=lib\n");
    dir.write("compose.yaml",
              "services:\n  db:\n    image: mysql:8\n    healthcheck:\n"
              "      test: [\"CMD\", \"mysqladmin\", \"ping\", \"-uroot\", \"-pHunter2Secret\"]\n");
    dir.write("Makefile", "deploy:\n\tcurl -u admin:Hunter2Secret https://ci.example.com/hook\n");
    std::vector<std::string> outputs;
    for (const char* format : {"json", "text", "markdown", "html"})
      outputs.push_back(run_cli({dir.path().string(), "--format", format}).out);
    for (const char* format : {"json", "text", "sarif", "github", "gitlab"}) {
      outputs.push_back(run_cli({"check", dir.path().string(), "--format", format, "--fail-on", "error"}).out);
    }
    const auto baseline = dir.path() / "baseline.json";
    REQUIRE(run_cli({"baseline", dir.path().string(), "-o", baseline.string()}).code == 0);
    std::ifstream in(baseline);
    std::stringstream b;
    b << in.rdbuf();
    outputs.push_back(b.str());
    for (const auto& out : outputs) {
      CHECK(out.find(token) == std::string::npos);
      CHECK(out.find("Hunter2Secret") == std::string::npos);
      CHECK(out.find("0123456789abcdefghij") == std::string::npos);
    }
    // The checklist still shows the healthcheck and the dependency, masked.
    const auto report = json::parse(outputs[0]);
    CHECK(report.dump().find("-pHunt") == std::string::npos);
  }

  TEST_CASE("hardening::mask_secrets masks each form once and leaves other text alone") {
    using onramp::core::mask_secrets;
    CHECK(mask_secrets("mysqladmin ping -uroot -pHunter2Secret") == "mysqladmin ping -uroot -pHun…");
    CHECK(mask_secrets("curl -u admin:Hunter2Secret https://x") == "curl -u admin:Hun… https://x");
    CHECK(mask_secrets("git+https://alice:pw@host/x.git") == "git+https://alice:****@host/x.git");
    CHECK(mask_secrets("# FIXME token ghp_0123456789abcdefghijABCDEFGHIJ0123456789.") == "# FIXME token ghp_….");
    CHECK(mask_secrets("SECRET_KEY=abcdefgh12345678 python app.py") == "SECRET_KEY=abcd… python app.py");
    // Not secrets: ports, a user without a password, a plain word that starts like a token prefix.
    for (const char* same : {"docker run -p 8000:8000 app", "mysql -u root", "pip install sk-learn-docs",
                             "python -m pytest -p no:cacheprovider", "curl -u $USER:$TOKEN https://x"}) {
      CAPTURE(same);
      CHECK(mask_secrets(same) == same);
    }
    for (const char* text : {"mysql -pHunter2Secret", "curl -u a:Hunter2Secret", "ghp_0123456789abcdefghijAB",
                             "https://u:p@h", "PASSWORD=Hunter2Secret",
                             // The word after a secret-looking option (found by fuzz_masking).
                             "--api-token \"changeme\")", "-se_TOKEN\", \"changeme\")"}) {
      CAPTURE(text);
      CHECK(mask_secrets(mask_secrets(text)) == mask_secrets(text));
    }
  }

  TEST_CASE("hardening::a file name with a newline cannot inject a line into any output") {
    TempDir dir;
    const std::string evil = "x\n::error file=evil.py,line=1::INJECTED.py";
    dir.write(evil, "breakpoint()\n");
    dir.write("ok.py", "breakpoint()\n");
    for (const char* format : {"text", "github", "sarif", "json", "gitlab"}) {
      CAPTURE(format);
      const auto r = run_cli({"check", dir.path().string(), "--format", format});
      CHECK(r.code == 1);
      for (const auto line : onramp::util::lines_of(r.out)) {
        CHECK_FALSE(line.starts_with("::error file=evil.py"));
        const bool escaped =
            line.find("x\\n::") != std::string_view::npos || line.find("x%0A") != std::string_view::npos;
        if (line.find("INJECTED") != std::string_view::npos) CHECK(escaped);
      }
    }
    // The newcomer's report too: wherever the name shows, it shows escaped.
    const auto report = run_cli({dir.path().string()}).out;
    for (const auto line : onramp::util::lines_of(report)) {
      CHECK_FALSE(line.starts_with("::error"));
      if (line.find("INJECTED") != std::string_view::npos) CHECK(line.find("x\\n::error") != std::string_view::npos);
    }
    CHECK(onramp::util::printable("a\x1b[31mred\x7f\xe2\x80\xae"
                                  "b\xff\tc\n") == "a\\x1b[31mred\\x7f\\u202eb\\xff\\tc\\n");
    CHECK(onramp::util::printable("caf\xc3\xa9 \xe2\x9c\x93") == "caf\xc3\xa9 \xe2\x9c\x93");  // UTF-8 as it is
  }

  TEST_CASE("hardening::paths longer than the system allows are a problem row, not a silent gap") {
    TempDir dir;
    dir.write("app.py", "x = 1\n");
    // 25 directories of 200 characters: 5,000 bytes, over PATH_MAX (4,096). Built and removed through descriptors.
    const std::string name(200, 'd');
    std::vector<int> fds{::open(dir.path().c_str(), O_DIRECTORY | O_RDONLY)};
    REQUIRE(fds.back() >= 0);
    for (int i = 0; i < 25; ++i) {
      REQUIRE(::mkdirat(fds.back(), name.c_str(), 0755) == 0);
      fds.push_back(::openat(fds.back(), name.c_str(), O_DIRECTORY | O_RDONLY));
      REQUIRE(fds.back() >= 0);
    }
    const int file = ::openat(fds.back(), "deep.py", O_CREAT | O_WRONLY, 0644);
    REQUIRE(file >= 0);
    REQUIRE(::write(file, "x = 1\n", 6) == 6);
    ::close(file);
    const auto r = run_cli({dir.path().string(), "--format", "json"});
    ::unlinkat(fds.back(), "deep.py", 0);
    for (std::size_t i = fds.size() - 1; i > 0; --i) {
      ::close(fds[i]);
      ::unlinkat(fds[i - 1], name.c_str(), AT_REMOVEDIR);
    }
    ::close(fds[0]);
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const auto report = json::parse(r.out);
    bool said = false;
    for (const auto& p : report["problems"]) {
      said = said || (p["kind"] == "unreadable" &&
                      p["message"].get<std::string>().find("longer than the system allows") != std::string::npos);
    }
    CHECK(said);
  }

  TEST_CASE("hardening::a FIFO where a manifest is expected is a problem row, never opened") {
    TempDir dir;
    dir.write("app.py", "import requests\n");
    REQUIRE(::mkfifo((dir.path() / "requirements.txt").c_str(), 0600) == 0);
    const auto r = run_cli({dir.path().string(), "--format", "json"});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const auto report = json::parse(r.out);
    CHECK(has_problem(report, "requirements.txt", "unreadable"));
  }
  TEST_CASE("hardening::TOML a toml++ 3.3 defect cannot reach: non-ASCII where the parser tests for whitespace") {
    using onramp::util::toml_parse;
    // Found by fuzz_configs: U+03CF glued to a key sent toml++ into __builtin_unreachable(). Each is an error with
    // the code point's line and column; none reaches toml++.
    for (const auto& [text, line, column] : std::vector<std::tuple<std::string, int, int>>{
             {"[project]\nrequires\u03cfpython = \">=3.12\"\n", 2, 9},
             {"a = 1 \u0416\n", 1, 7},
             {"[tool.x]\nk = \"v\"\u3001\n", 2, 8},
             {"s = \"\"\"x \\\n   \u00e9t\u00e9\"\"\"\n", 2, 4},  // the first character after a line-ending backslash
             {"s = \"\"\"\\\ufb30\"\"\"\n", 1, 9},                // the character after a backslash
             {"k = '''x'''\u0401\n", 1, 12}}) {
      CAPTURE(text);
      const auto parsed = toml_parse(text, "pyproject.toml");
      REQUIRE_FALSE(parsed);
      CHECK(parsed.error().source().begin.line == line);
      CHECK(parsed.error().source().begin.column == column);
      CHECK(std::string(parsed.error().description()).find("not allowed here") != std::string::npos);
    }
    // Non-ASCII text in strings and comments is TOML, and parses as before.
    const auto valid = toml_parse(
        "# \u0416\u00e9 \u3001\n[project]\nname = \"caf\u00e9\"\nauthors = [{name = 'Ren\u00e9e \u0416'}]\n"
        "d = \"\"\"\u00e9 \"\u00e9\" \\\"\u00e9\n\u00e9\"\"\"\nl = '''\u00e9\\'''\n[tool.\"\u00e9\"]\nk = 1  # "
        "\u00e9\n",
        "pyproject.toml");
    REQUIRE_MESSAGE(valid, (valid ? std::string() : std::string(valid.error().description())));
    CHECK(valid.table()["project"]["name"].value_or(std::string()) == "caf\u00e9");
    CHECK(valid.table()["project"]["l"].value_or(std::string()) == "\u00e9\\");
    CHECK(valid.table()["tool"]["\u00e9"]["k"].value_or(0) == 1);
  }
}
