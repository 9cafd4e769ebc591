// Hostile repositories and hostile command lines: nothing blocks, nothing outside the root is read or written, and
// every failure is a one-line error with exit 2.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <thread>

#include "onramp/cli/cli.hpp"
#include "onramp/util/files.hpp"
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
}
