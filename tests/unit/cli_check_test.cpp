// `onramp check` end to end: baselines and --diff in real (temporary) git repositories, every output format against
// its golden file, SARIF against the official schema, configuration errors, and the pre-commit hook definition.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <regex>

#include "onramp/core/config_file.hpp"
#include "onramp/engine/pipeline.hpp"
#include "test_support.hpp"

// Debian's libgit2 1.5 leaks 80 bytes inside git_merge_base when a shallow clone cuts the history between the two
// commits (the shallow-clone test below; reproduced with a ten-line program that frees everything it gets). LeakSanitizer
// reads this hook in ASan builds; elsewhere it is an unused function.
extern "C" const char* __lsan_default_suppressions() { return "leak:libgit2.so\n"; }

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using onramp::test::read_text;
using onramp::test::run_cli;
using onramp::test::source_dir;
using onramp::test::TempDir;

std::string quote(const fs::path& p) { return "'" + p.string() + "'"; }

/// Runs a shell command; returns its exit status.
int sh(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// Runs a shell command and returns what it printed (stdout and stderr).
std::string sh_output(const std::string& command, int* code = nullptr) {
  TempDir tmp;
  const auto log = tmp.path() / "out.txt";
  const int c = sh(command + " >" + quote(log) + " 2>&1");
  if (code != nullptr) *code = c;
  return read_text(log);
}

/// git in `dir`, isolated from the machine's configuration.
void git(const fs::path& dir, const std::string& args) {
  const std::string command =
      "GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 git -C " + quote(dir) +
      " -c user.name=onramp -c user.email=onramp@example.invalid -c commit.gpgsign=false -c init.defaultBranch=main " +
      args;
  int code = 0;
  const auto out = sh_output(command, &code);
  REQUIRE_MESSAGE(code == 0, "git " << args << " failed:\n" << out);
}

bool have(const std::string& tool) { return sh("command -v " + tool + " >/dev/null 2>&1") == 0; }

/// The finding lines of `check`'s text output (`path:line:col: severity [rule] message`).
std::vector<std::string> finding_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.rfind("onramp: ", 0) != 0 && line.rfind("    via", 0) != 0) out.push_back(line);
  }
  return out;
}

const std::string kOrders =
    "def cancel(order):\n"
    "    breakpoint()\n"
    "    order.status = 'cancelled'\n"
    "\n"
    "\n"
    "def ship(order):\n"
    "    order.status = 'shipped'\n";

/// Only the sandbox rules and check/: these tests are about CI mode, not about what other steps find.
const std::string kConfig = "[project]\nname = 'shop'\n\n[tool.onramp]\nselect = ['sandbox', 'check']\n";

}  // namespace

TEST_SUITE("cli::check") {
  TEST_CASE("cli::check baseline: only new findings fail; moves keep fingerprints; edits make findings new") {
    TempDir dir;
    const auto repo = dir.path() / "shop";
    dir.write("shop/pyproject.toml", kConfig);
    dir.write("shop/app/orders.py", kOrders);
    git(repo, "init -q");
    git(repo, "add -A");
    git(repo, "commit -q -m initial");

    const auto base = run_cli({"baseline", repo.string()});
    REQUIRE_MESSAGE(base.code == 0, base.err);
    const auto baseline_file = repo / ".onramp-baseline.json";
    CHECK(base.err == "onramp: wrote 1 finding to " + baseline_file.generic_string() + "\n");
    const auto baseline = json::parse(read_text(baseline_file));
    CHECK(baseline["schema"] == "onramp/baseline@1");
    REQUIRE(baseline["findings"].size() == 1);
    CHECK(baseline["findings"][0]["path"] == "app/orders.py");
    CHECK_FALSE(baseline["findings"][0].contains("line"));

    const auto check = [&](std::vector<std::string> extra = {}) {
      std::vector<std::string> args{"check", repo.string(), "--baseline", baseline_file.string()};
      args.insert(args.end(), extra.begin(), extra.end());
      return run_cli(args);
    };
    SUBCASE("nothing changed: exit 0") {
      const auto r = check();
      CHECK(r.code == 0);
      CHECK(finding_lines(r.out).empty());
      CHECK(r.out.find("0 new findings (0 errors, 0 warnings, 0 info); 1 known in the baseline") != std::string::npos);
    }
    SUBCASE("a new finding: exit 1, and only it is shown") {
      dir.write("shop/app/orders.py", kOrders + "\n\ndef refund(order):\n    breakpoint()\n");
      const auto r = check();
      CHECK(r.code == 1);
      const auto lines = finding_lines(r.out);
      REQUIRE(lines.size() == 1);
      CHECK(lines[0].find("app/orders.py:11:5: error [sandbox/debugger-call]") == 0);
      CHECK(r.out.find("onramp: failing: 1 finding at or above warning") != std::string::npos);
      // A warning-only gate with --fail-on error still passes on an info finding, fails on this error.
      CHECK(check({"--fail-on", "error"}).code == 1);
    }
    SUBCASE("lines moved around: exit 0") {
      dir.write("shop/app/orders.py",
                "import logging\n\n\n"
                "def ship(order):\n    order.status = 'shipped'\n\n\n"
                "class Orders:\n"
                "    # cancel() moved into a class: deeper, lower, same statement\n"
                "    def cancel(self, order):\n"
                "        breakpoint()\n"
                "        order.status = 'cancelled'\n");
      const auto r = check();
      CHECK_MESSAGE(r.code == 0, r.out);
      CHECK(finding_lines(r.out).empty());
    }
    SUBCASE("the flagged statement edited, the same finding (rule, file, message): still known") {
      dir.write("shop/app/orders.py",
                std::regex_replace(kOrders, std::regex("breakpoint\\(\\)"), "breakpoint(header='cancel')"));
      const auto r = check();
      CHECK_MESSAGE(r.code == 0, r.out);
      CHECK(finding_lines(r.out).empty());
      const auto j = run_cli({"check", repo.string(), "--baseline", baseline_file.string(), "--format", "json"});
      const auto doc = json::parse(j.out);
      CHECK(doc["summary"]["baseline"]["known"] == 1);
      CHECK(doc["summary"]["baseline"]["stale"] == 0);
      CHECK(doc["findings"].empty());
    }
    SUBCASE("the flagged statement gone and another added: one known by its message, the added one new") {
      dir.write("shop/app/orders.py",
                std::regex_replace(kOrders, std::regex("breakpoint\\(\\)"), "breakpoint(header='cancel')") +
                    "\n\ndef refund(order):\n    breakpoint()\n");
      const auto r = check();
      CHECK(r.code == 1);
      CHECK(finding_lines(r.out).size() == 1);
    }
    SUBCASE("the configuration names the baseline; --no-baseline ignores it") {
      dir.write("shop/pyproject.toml", kConfig + "baseline = '.onramp-baseline.json'\n");
      CHECK(run_cli({"check", repo.string()}).code == 0);
      CHECK(run_cli({"check", repo.string(), "--no-baseline"}).code == 1);
    }
    SUBCASE("a missing or foreign baseline is an input error") {
      const auto missing = run_cli({"check", repo.string(), "--baseline", (repo / "nope.json").string()});
      CHECK(missing.code == 2);
      CHECK(missing.err.find("onramp: error: baseline `") == 0);
      dir.write("shop/other.json", "{\"schema\": \"onramp/report@1\"}");
      const auto foreign = run_cli({"check", repo.string(), "--baseline", (repo / "other.json").string()});
      CHECK(foreign.code == 2);
      CHECK(foreign.err.find("not an onramp baseline") != std::string::npos);
    }
  }

  TEST_CASE("cli::check --diff: only the findings the merge base did not have") {
    TempDir dir;
    const auto repo = dir.path() / "shop";
    dir.write("shop/pyproject.toml", kConfig);
    dir.write("shop/app/orders.py", kOrders);  // an old finding on main
    dir.write("shop/app/users.py", "def load(user_id):\n    return user_id\n");
    git(repo, "init -q");
    git(repo, "add -A");
    git(repo, "commit -q -m initial");
    git(repo, "checkout -q -b feature");
    dir.write("shop/app/payments.py", "def charge(order):\n    breakpoint()\n    return order\n");
    dir.write("shop/app/users.py", "def load(user_id):\n    breakpoint()\n    return user_id\n");
    git(repo, "add -A");
    git(repo, "commit -q -m feature");
    git(repo, "mv app/orders.py app/order_service.py");  // a rename keeps its old finding old
    git(repo, "commit -q -m rename");

    const auto r = run_cli({"check", repo.string(), "--diff", "main"});
    CHECK(r.code == 1);
    const auto lines = finding_lines(r.out);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].find("app/payments.py:2:5: error [sandbox/debugger-call]") == 0);
    CHECK(lines[1].find("app/users.py:2:5: error [sandbox/debugger-call]") == 0);
    CHECK(r.out.find("1 already at the merge base with main (") != std::string::npos);

    SUBCASE("uncommitted changes count too (the pre-commit hook diffs against HEAD)") {
      dir.write("shop/app/users.py",
                "def load(user_id):\n    breakpoint()\n    return user_id\n\n\ndef save(user):\n    breakpoint()\n");
      const auto head = run_cli({"check", repo.string(), "--diff", "HEAD"});
      CHECK(head.code == 1);
      const auto changed = finding_lines(head.out);
      REQUIRE(changed.size() == 1);
      CHECK(changed[0].find("app/users.py:7:5:") == 0);
    }
    SUBCASE("a subdirectory as PATH: paths stay relative to it") {
      const auto sub = run_cli({"check", (repo / "app").string(), "--diff", "main", "--format", "json"});
      const auto doc = json::parse(sub.out);
      REQUIRE(doc["findings"].size() == 2);
      CHECK(doc["findings"][0]["path"] == "payments.py");
    }
    SUBCASE("an unknown ref, or no repository, is an input error") {
      const auto bad = run_cli({"check", repo.string(), "--diff", "no-such-branch"});
      CHECK(bad.code == 2);
      CHECK(bad.err ==
            "onramp: error: --diff no-such-branch: no branch, tag or commit `no-such-branch` in this repository "
            "(fetch it first: `git fetch origin no-such-branch`)\n");
      TempDir plain;
      plain.write("a.py", "x = 1\n");
      const auto none = run_cli({"check", plain.path().string(), "--diff", "main"});
      CHECK(none.code == 2);
      CHECK(none.err.find("is not inside a git repository") != std::string::npos);
    }
  }

  TEST_CASE(
      "cli::check --baseline-commit: the merge base is scanned too; renames, edits and subdirectories keep "
      "known findings known") {
    TempDir dir;
    const auto repo = dir.path() / "shop";
    dir.write("shop/backend/app/orders.py", kOrders);
    dir.write("shop/backend/app/stock.py", "def count():\n    breakpoint()\n    return 1\n");
    // A finding about the whole file, whose message names the file.
    dir.write("shop/backend/pyproject.toml",
              "[project]\nname = 'shop'\n\n[tool.onramp]\nselect = ['sandbox', 'check', 'style/long-module']\n"
              "max-module-lines = 5\n");
    git(repo, "init -q");
    git(repo, "add -A");
    git(repo, "commit -q -m initial");
    git(repo, "checkout -q -b feature");
    // The directory renamed, one flagged statement edited, one finding added.
    git(repo, "mv backend/app backend/shop");
    dir.write("shop/backend/shop/stock.py", "def count():\n    breakpoint(header='count')\n    return 1\n");
    dir.write("shop/backend/shop/refunds.py", "def refund(order):\n    breakpoint()\n");
    git(repo, "add -A");
    git(repo, "commit -q -m feature");
    const auto status_before = sh_output("git -C " + quote(repo) + " status --porcelain");

    const auto r = run_cli({"check", (repo / "backend").string(), "--baseline-commit", "main", "--format", "json"});
    REQUIRE_MESSAGE(r.code == 1, r.err);
    const auto doc = json::parse(r.out);
    REQUIRE(doc["findings"].size() == 1);
    CHECK(doc["findings"][0]["path"] == "shop/refunds.py");
    CHECK(doc["summary"]["baseline"]["known"] == 3);  // app/orders.py's long-module finding too, by its new name
    CHECK(doc["summary"]["baseline"]["stale"] == 0);
    CHECK(doc["summary"]["baseline"]["file"].get<std::string>().rfind("of main (merge base ", 0) == 0);
    // The repository is as it was: nothing checked out into it, its index untouched.
    CHECK(sh_output("git -C " + quote(repo) + " status --porcelain") == status_before);

    // Against its own branch nothing is new.
    CHECK(run_cli({"check", (repo / "backend").string(), "--baseline-commit", "HEAD"}).code == 0);
    // Uncommitted work counts: a finding added in the work tree is new against HEAD.
    dir.write("shop/backend/shop/ship.py", "def ship():\n    breakpoint()\n");
    const auto dirty = run_cli({"check", (repo / "backend").string(), "--baseline-commit", "HEAD"});
    CHECK(dirty.code == 1);
    CHECK(finding_lines(dirty.out).size() == 1);

    const auto both = run_cli({"check", repo.string(), "--baseline-commit", "main", "--baseline", "x.json"});
    CHECK(both.code == 2);
    CHECK(both.err == "onramp: error: --baseline and --baseline-commit: give one of them\n");
    const auto unknown = run_cli({"check", repo.string(), "--baseline-commit", "no-such-branch"});
    CHECK(unknown.code == 2);
    CHECK(unknown.err.find("onramp: error: --baseline-commit no-such-branch: no branch, tag or commit") == 0);
  }

  TEST_CASE("cli::check --diff compares finding sets: a change elsewhere makes a new finding at an unchanged line") {
    TempDir dir;
    const auto repo = dir.path() / "shop";
    dir.write("shop/pyproject.toml", "[project]\nname = 'shop'\n\n[tool.onramp]\nselect = ['async']\n");
    dir.write("shop/app/__init__.py", "");
    dir.write("shop/app/helpers.py", "def settle():\n    return 1\n");
    dir.write("shop/app/views.py",
              "from app.helpers import settle\n\n\nasync def handler(request):\n    return settle()\n");
    git(repo, "init -q");
    git(repo, "add -A");
    git(repo, "commit -q -m initial");
    git(repo, "checkout -q -b feature");
    CHECK(run_cli({"check", repo.string(), "--diff", "main"}).code == 0);
    // Only the sync helper changes; the async caller's line does not.
    dir.write("shop/app/helpers.py", "import time\n\n\ndef settle():\n    time.sleep(2)\n    return 1\n");
    git(repo, "commit -q -am sleep");
    const auto r = run_cli({"check", repo.string(), "--diff", "main", "--format", "json"});
    CHECK(r.code == 1);
    const auto doc = json::parse(r.out);
    REQUIRE_MESSAGE(doc["findings"].size() == 1, r.out);
    CHECK(doc["findings"][0]["rule"] == "async/blocking-sleep");
    CHECK(doc["findings"][0]["path"] == "app/views.py");
    CHECK(doc["findings"][0]["line"] == 5);
    CHECK(doc["summary"]["diff"]["ref"] == "main");
    CHECK(doc["summary"]["diff"]["known"] == 0);
    CHECK(doc["summary"]["diff"]["merge_base"].get<std::string>().size() == 12);
    // The pre-commit hook's --diff HEAD: committed, nothing is new; the finding is known at HEAD.
    CHECK(run_cli({"check", repo.string(), "--diff", "HEAD"}).code == 0);
    const auto both = run_cli({"check", repo.string(), "--diff", "main", "--baseline-commit", "main"});
    CHECK(both.code == 2);
    CHECK(both.err.find("onramp: error: --diff and --baseline-commit: give one of them") == 0);
  }

  TEST_CASE("cli::check the default .onramp-baseline.json is read when present; its paths are the repository's") {
    TempDir dir;
    const auto repo = dir.path() / "shop";
    dir.write("shop/pyproject.toml", kConfig);
    dir.write("shop/backend/app/orders.py", kOrders);
    git(repo, "init -q");
    git(repo, "add -A");
    git(repo, "commit -q -m initial");
    // Without a baseline file every finding counts.
    CHECK(run_cli({"check", repo.string()}).code == 1);
    const auto base = run_cli({"baseline", repo.string()});
    REQUIRE_MESSAGE(base.code == 0, base.err);
    const auto written = json::parse(read_text(repo / ".onramp-baseline.json"));
    REQUIRE(written["findings"].size() == 1);
    CHECK(written["findings"][0]["path"] == "backend/app/orders.py");
    // Read without being named.
    const auto r = run_cli({"check", repo.string(), "--format", "json"});
    CHECK_MESSAGE(r.code == 0, r.out);
    CHECK(json::parse(r.out)["summary"]["baseline"]["known"] == 1);
    CHECK(run_cli({"check", repo.string(), "--no-baseline"}).code == 1);
    // A check of a subdirectory finds the top's baseline and matches its entries; paths in its report stay its own.
    dir.write("shop/backend/app/orders.py", kOrders + "\n\ndef refund(order):\n    breakpoint()\n");
    dir.write("shop/backend/pyproject.toml", kConfig);
    const auto sub = run_cli({"check", (repo / "backend").string(), "--format", "json"});
    CHECK(sub.code == 1);
    const auto doc = json::parse(sub.out);
    REQUIRE(doc["findings"].size() == 1);
    CHECK(doc["findings"][0]["path"] == "app/orders.py");
    CHECK(doc["findings"][0]["line"] == 11);
    CHECK(doc["summary"]["baseline"]["known"] == 1);
    CHECK(doc["summary"]["baseline"]["stale"] == 0);
    // Its fingerprint is the one a check without the baseline shows.
    const auto plain =
        json::parse(run_cli({"check", (repo / "backend").string(), "--format", "json", "--no-baseline"}).out);
    REQUIRE(plain["findings"].size() == 2);
    CHECK(plain["findings"][1]["fingerprint"] == doc["findings"][0]["fingerprint"]);
    // A baseline written from the subdirectory holds the same paths.
    const auto sub_base = run_cli({"baseline", (repo / "backend").string(), "-o", "-"});
    CHECK(sub_base.out.find("\"backend/app/orders.py\"") != std::string::npos);
  }

  TEST_CASE("cli::check files git tracks are scanned though .gitignore names them; core.excludesFile hides the rest") {
    TempDir dir;
    const auto repo = dir.path() / "shop";
    dir.write("shop/pyproject.toml",
              "[project]\nname = 'shop'\n\n[tool.onramp]\nselect = ['local-setup/secret-in-file', 'sandbox']\n");
    dir.write("shop/.gitignore", ".env\nconfig/\n");
    dir.write("shop/.env", "SECRET_KEY=sk-live-4f9a8b7c6d5e4f3a2b1c\n");
    dir.write("shop/config/.env", "API_TOKEN=sk-live-9f8e7d6c5b4a39281706\n");
    dir.write("shop/config/scratch.env", "API_TOKEN=sk-live-0a1b2c3d4e5f60718293\n");
    git(repo, "init -q");
    git(repo, "add -A");
    git(repo, "add -f .env config/.env");
    git(repo, "commit -q -m initial");
    const auto r = run_cli({"check", repo.string(), "--format", "json", "--no-baseline"});
    const auto doc = json::parse(r.out);
    std::vector<std::string> paths;
    for (const auto& f : doc["findings"]) paths.push_back(f["path"].get<std::string>());
    // The force-added files, not the untracked one in the ignored directory.
    CHECK(paths == std::vector<std::string>{".env", "config/.env"});
    CHECK(r.out.find("sk-live-4f9a") == std::string::npos);  // masked
    // core.excludesFile: an untracked file it names is not scanned, as git status does not show it.
    dir.write("shop/app/scratch.py", "breakpoint()\n");
    CHECK(run_cli({"check", repo.string(), "--no-baseline", "--format", "json"}).out.find("app/scratch.py") !=
          std::string::npos);
    dir.write("excludes", "scratch.py\n");
    git(repo, "config core.excludesFile " + quote(dir.path() / "excludes"));
    CHECK(run_cli({"check", repo.string(), "--no-baseline", "--format", "json"}).out.find("app/scratch.py") ==
          std::string::npos);
    // --diff's scan of the merge base sees the tracked .env too: nothing is new.
    CHECK(run_cli({"check", repo.string(), "--diff", "HEAD"}).code == 0);
  }

  TEST_CASE("cli::check options before the subcommand are errors, never dropped") {
    TempDir dir;
    dir.write("a.py", "x = 1\n");
    const std::string path = dir.path().string();
    for (const auto& [args, message] : std::vector<std::pair<std::vector<std::string>, std::string>>{
             {{"--format", "json", "check", path},
              "onramp: error: `--format` is given before the subcommand `check`: put it after (`onramp check "
              "--format ...`)\n"},
             {{"--config", "x.toml", "check", path},
              "onramp: error: `--config` is given before the subcommand `check`: put it after (`onramp check "
              "--config ...`)\n"},
             {{path, "check"},
              "onramp: error: PATH `" + path +
                  "` is given before the subcommand `check`: put it "
                  "after (`onramp check " +
                  path + "`)\n"},
             {{"-j", "2", "baseline", path},
              "onramp: error: `--jobs` is given before the subcommand `baseline`: put it after (`onramp baseline "
              "--jobs ...`)\n"}}) {
      CAPTURE(message);
      const auto r = run_cli(args);
      CHECK(r.code == 2);
      CHECK(r.err == message);
      CHECK(r.out.empty());
    }
    // After the subcommand they apply, and the report itself still takes them.
    CHECK(run_cli({"check", path, "--format", "json"}).code == 0);
    CHECK(run_cli({"--format", "json", path}).code == 0);
  }

  TEST_CASE("cli::check --diff in a shallow clone says what to fetch") {
    TempDir dir;
    const auto origin = dir.path() / "origin";
    dir.write("origin/pyproject.toml", kConfig);
    dir.write("origin/app/orders.py", kOrders);
    git(origin, "init -q");
    git(origin, "add -A");
    git(origin, "commit -q -m one");
    dir.write("origin/app/extra.py", "x = 1\n");
    git(origin, "add -A");
    git(origin, "commit -q -m two");
    git(origin, "checkout -q -b feature");
    dir.write("origin/app/payments.py", "def charge(order):\n    breakpoint()\n");
    git(origin, "add -A");
    git(origin, "commit -q -m feature");

    const auto clone = dir.path() / "clone";
    git(dir.path(), "clone -q --depth 1 --branch feature file://" + origin.string() + " clone");
    const auto missing = run_cli({"check", clone.string(), "--diff", "main"});
    CHECK(missing.code == 2);
    CHECK(missing.err ==
          "onramp: error: --diff main: `main` is not in this clone, which is shallow; fetch it first "
          "(`git fetch --depth=50 origin main`, or `fetch-depth: 0` in actions/checkout)\n");

    // Fetched, but the history between them is cut off: say so rather than diff against the wrong base.
    git(clone, "fetch -q --depth 1 origin main:refs/remotes/origin/main");
    const auto cut = run_cli({"check", clone.string(), "--diff", "main"});
    CHECK(cut.code == 2);
    CHECK(cut.err.find("have no common commit in this shallow clone; fetch more history") != std::string::npos);

    git(clone, "fetch -q --deepen 2 origin");
    const auto ok = run_cli({"check", clone.string(), "--diff", "main"});  // main falls back to origin/main
    CHECK(ok.code == 1);
    const auto lines = finding_lines(ok.out);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find("app/payments.py:2:5:") == 0);
  }

  TEST_CASE("cli::check every format matches its golden file") {
    // Paths in the output are relative to the current directory: run from the source tree, as CI runs from a checkout.
    const auto cwd = fs::current_path();
    fs::current_path(source_dir());
    const bool update = std::getenv("ONRAMP_UPDATE_EXPECTED") != nullptr;
    for (const auto& [format, ext] : std::vector<std::pair<std::string, std::string>>{{"text", "txt"},
                                                                                      {"json", "json"},
                                                                                      {"sarif", "sarif"},
                                                                                      {"github", "github.txt"},
                                                                                      {"gitlab", "gitlab.json"}}) {
      CAPTURE(format);
      const auto r = run_cli({"check", "tests/ci/repo", "--format", format, "-j", "1"});
      CHECK(r.code == 1);
      const auto golden = source_dir() / "tests" / "ci" / "golden" / ("check." + ext);
      if (update) onramp::test::write_text(golden, r.out);
      REQUIRE_MESSAGE(fs::exists(golden), "missing " << golden << "; run with ONRAMP_UPDATE_EXPECTED=1");
      CHECK_MESSAGE(r.out == read_text(golden),
                    "output differs from " << golden.string() << " (ONRAMP_UPDATE_EXPECTED=1 rewrites it)");
      CHECK(run_cli({"check", "tests/ci/repo", "--format", format, "-j", "4"}).out == r.out);
    }
    // The newcomer's report honours the same configuration and suppressions, but lists no CI-only findings.
    const auto report = json::parse(run_cli({"tests/ci/repo", "--format", "json"}).out);
    for (const auto& f : report["findings"]) CHECK(f["rule"] != "check/unused-suppression");
    CHECK(report["summary"]["files"] == 5);  // legacy/old.py is excluded
    fs::current_path(cwd);
  }

  TEST_CASE("cli::check SARIF validates against the SARIF 2.1.0 schema") {
    const auto cwd = fs::current_path();
    fs::current_path(source_dir());
    const auto r = run_cli({"check", "tests/ci/repo", "--format", "sarif"});
    fs::current_path(cwd);
    TempDir dir;
    const auto sarif = dir.path() / "onramp.sarif";
    onramp::test::write_text(sarif, r.out);
    auto broken = json::parse(r.out);
    broken["runs"][0]["results"][0]["level"] = "fatal";
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = "three";
    const auto broken_file = dir.path() / "broken.sarif";
    onramp::test::write_text(broken_file, broken.dump(2));

    const auto pkg = source_dir() / "tools" / "sarif" / "node_modules" / "@microsoft" / "sarif-multitool-linux";
    const auto schema = pkg / "sarif-2.1.0.json";

    // 1. A strict JSON Schema validator (python3-jsonschema from Debian) with the schema the multitool package ships.
    if (!fs::exists(schema) || sh("/usr/bin/python3 -c 'import jsonschema' >/dev/null 2>&1") != 0) {
      MESSAGE(
          "SKIPPED: SARIF JSON-schema check: needs tools/sarif (npm ci) and python3-jsonschema; run "
          "scripts/bootstrap.sh");
    } else {
      const std::string script =
          "import json, sys, jsonschema\n"
          "schema = json.load(open(sys.argv[1]))\n"
          "v = jsonschema.validators.validator_for(schema)(schema)\n"
          "errors = sorted(v.iter_errors(json.load(open(sys.argv[2]))), key=lambda e: list(e.absolute_path))\n"
          "for e in errors: print('/'.join(map(str, e.absolute_path)), e.message)\n"
          "sys.exit(1 if errors else 0)\n";
      const auto script_file = dir.path() / "validate.py";
      onramp::test::write_text(script_file, script);
      int code = 0;
      const auto out =
          sh_output("/usr/bin/python3 " + quote(script_file) + " " + quote(schema) + " " + quote(sarif), &code);
      CHECK_MESSAGE(code == 0, "onramp's SARIF breaks the schema:\n" << out);
      const auto bad =
          sh_output("/usr/bin/python3 " + quote(script_file) + " " + quote(schema) + " " + quote(broken_file), &code);
      CHECK_MESSAGE(code == 1, "the schema check accepted a broken log:\n" << bad);  // the validator really validates
      CHECK(bad.find("'fatal' is not one of") != std::string::npos);
    }

    // 2. Microsoft's SARIF Multitool `validate`: the schema plus SARIF's own rules.
    const auto tool = pkg / "Sarif.Multitool";
    if (!fs::exists(tool)) {
      MESSAGE(
          "SKIPPED: SARIF Multitool validation: tools/sarif/node_modules is missing; run scripts/bootstrap.sh (npm "
          "ci)");
      return;
    }
    const auto validate = [&](const fs::path& file) {
      const auto log = dir.path() / (file.stem().string() + ".validation.sarif");
      int code = 0;
      const auto out =
          sh_output("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 " + quote(tool) +
                        " validate " + quote(file) + " --json-schema " + quote(schema) + " --output " + quote(log),
                    &code);
      REQUIRE_MESSAGE(code == 0, "the multitool failed to run:\n" << out);
      std::vector<std::string> errors, warnings;
      const auto doc = json::parse(read_text(log));
      for (const auto& result : doc["runs"][0]["results"]) {
        const auto line = result["ruleId"].get<std::string>() + " " + result["message"].dump();
        (result.value("level", "warning") == "error" ? errors : warnings).push_back(line);
      }
      return std::pair{errors, warnings};
    };
    const auto [errors, warnings] = validate(sarif);
    std::string listed;
    for (const auto& e : errors) listed += e + "\n";
    CHECK_MESSAGE(errors.empty(), "SARIF Multitool errors:\n" << listed);
    for (const auto& w : warnings) MESSAGE("SARIF Multitool advice: " << w);
    // The multitool misses some errors inside results (the level above), hence the strict check first; it does catch these.
    auto broken_run = json::parse(r.out);
    broken_run["runs"][0]["bogus"] = true;
    broken_run["runs"][0]["tool"]["driver"]["name"] = 3;
    const auto broken_run_file = dir.path() / "broken-run.sarif";
    onramp::test::write_text(broken_run_file, broken_run.dump(2));
    CHECK(validate(broken_run_file).first.size() == 2);
  }

  TEST_CASE("cli::check suppressions silence cross-file findings too") {
    // async/blocking-sleep through a helper in another module is found by a project-wide check, after every file's walk.
    TempDir dir;
    dir.write(".onramp.toml", "select = ['async', 'check']\n");
    dir.write("app/__init__.py", "");
    dir.write("app/helpers.py", "import time\n\n\ndef wait_a_bit():\n    time.sleep(1)\n");
    dir.write("app/api.py",
              "from app.helpers import wait_a_bit\n\n\n"
              "async def handler():\n    wait_a_bit()\n\n\n"
              "async def other():\n    wait_a_bit()  # onramp: ignore[async/blocking-sleep]\n");
    const auto r = run_cli({"check", dir.path().string(), "--format", "json"});
    const auto doc = json::parse(r.out);
    REQUIRE(doc["findings"].size() == 1);
    CHECK(doc["findings"][0]["line"] == 5);
    CHECK(doc["findings"][0]["chain"].size() == 3);
    CHECK(doc["summary"]["suppressed"] == 1);
  }

  TEST_CASE("cli::check configuration errors exit 2 with the file and the line") {
    TempDir dir;
    dir.write("app/a.py", "breakpoint()\n");
    dir.write("pyproject.toml",
              "[project]\nname = 'x'\n\n[tool.onramp]\nselect = ['sandbox']\nmax-complexity = 'high'\n");
    const auto file = (dir.path() / "pyproject.toml").generic_string();
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"check", dir.path().string()}, {"baseline", dir.path().string(), "-o", "-"}, {dir.path().string()}}) {
      const auto r = run_cli(args);
      CHECK(r.code == 2);
      CHECK(r.err == "onramp: error: " + file + ":6: `max-complexity` must be a whole number from 1 to 1000000\n");
      CHECK(r.out.empty());
    }
    dir.write(".onramp.toml", "selcet = ['sandbox']\n");  // nearer than pyproject.toml? same directory: it wins
    const auto typo = run_cli({"check", dir.path().string()});
    CHECK(typo.code == 2);
    CHECK(typo.err.find(".onramp.toml:1: unknown key `selcet` in .onramp.toml") != std::string::npos);
    const auto explicit_file = run_cli({"check", dir.path().string(), "--config", (dir.path() / "nope.toml").string()});
    CHECK(explicit_file.code == 2);
    CHECK(run_cli({"check", dir.path().string(), "--fail-on", "fatal"}).code == 2);
    CHECK(run_cli({"check", dir.path().string(), "--format", "xml"}).code == 2);
  }

  TEST_CASE("cli::check configuration: CLI flags win; thresholds and exclude reach the pipeline") {
    TempDir dir;
    dir.write("app/a.py", "import pdb\n");
    dir.write("gen/b.py", "breakpoint()\n");
    dir.write(
        ".onramp.toml",
        "select = ['sandbox']\nfail-on = 'error'\nexclude = ['gen']\nmax-complexity = 7\nmax-function-lines = 40\n"
        "max-module-lines = 400\n[typing]\nmin-coverage = 90\n");
    CHECK(run_cli({"check", dir.path().string()}).code == 0);  // a warning, and the configuration fails only on errors
    CHECK(run_cli({"check", dir.path().string(), "--fail-on", "warning"}).code == 1);
    const onramp::core::RuleSet rules = *onramp::core::RuleSet::load_embedded();
    auto config = onramp::core::load_config(dir.path() / ".onramp.toml", ".onramp.toml", dir.path(), rules);
    REQUIRE(config.ok());
    onramp::engine::ScanOptions options;
    options.root = dir.path();
    options.display_root = ".";
    options.config = *config;
    const auto analysis = onramp::engine::analyse(options, rules);
    REQUIRE(analysis.ok());
    CHECK(analysis->project.files.size() == 2);  // app/a.py and .onramp.toml; gen/ excluded
    CHECK(analysis->project.config.thresholds.max_complexity == 7);
    CHECK(analysis->project.config.thresholds.max_function_lines == 40);
    CHECK(analysis->project.config.thresholds.max_module_lines == 400);
    CHECK(analysis->project.config.thresholds.typing_min_coverage == doctest::Approx(90));
  }

  TEST_CASE("cli::explain and rules --format json document every rule") {
    const auto r = run_cli({"explain", "sandbox/debugger-call"});
    CHECK(r.code == 0);
    for (const char* part :
         {"sandbox/debugger-call: A debugger breakpoint", "step 4 (Debugging and experiments), severity error",
          "\nWhat it finds\n", "\nWhy it matters\n", "\nExample\n    def cancel_order", "\nFix\n",
          "`# onramp: ignore[sandbox/debugger-call]`", "`# noqa: T100`"}) {
      CHECK_MESSAGE(r.out.find(part) != std::string::npos, part);
    }
    const auto unused = run_cli({"explain", "check/unused-suppression"});
    CHECK(unused.out.find("no onboarding step: reported by `onramp check` only") != std::string::npos);
    const auto bad = run_cli({"explain", "debugger-cal"});
    CHECK(bad.code == 2);
    CHECK(bad.err == "onramp: error: no rule `debugger-cal`; did you mean sandbox/debugger-call?\n");
    const auto list = json::parse(run_cli({"rules", "--format", "json"}).out);
    bool found = false;
    for (const auto& rule : list) {
      CHECK(rule["docs"]["what"].is_string());
      CHECK(rule["docs"]["fix"].is_string());
      if (rule["id"] == "check/unused-suppression") {
        found = true;
        CHECK(rule["step"] == 0);
        CHECK(rule["severity"] == "info");
      }
    }
    CHECK(found);
  }

  TEST_CASE("cli::check the pre-commit hook definition works with pre-commit") {
    if (!have("pre-commit")) {
      MESSAGE("SKIPPED: pre-commit is not installed (apt-get install pre-commit; scripts/bootstrap.sh does)");
      return;
    }
    TempDir dir;
    // The hook repository: this repository's .pre-commit-hooks.yaml, committed alone.
    const auto hooks = dir.path() / "hooks";
    onramp::test::write_text(hooks / ".pre-commit-hooks.yaml", read_text(source_dir() / ".pre-commit-hooks.yaml"));
    git(hooks, "init -q");
    git(hooks, "add -A");
    git(hooks, "commit -q -m hooks");
    const auto repo = dir.path() / "shop";
    dir.write("shop/pyproject.toml", kConfig);
    dir.write("shop/app/orders.py", kOrders);
    git(repo, "init -q");
    git(repo, "add -A");
    git(repo, "commit -q -m initial");  // one finding already committed: not the hook's business

    const std::string env = "PRE_COMMIT_HOME=" + quote(dir.path() / "cache") +
                            " PATH=" + quote(fs::path(ONRAMP_BINARY).parent_path()) +
                            ":\"$PATH\" GIT_CONFIG_GLOBAL=/dev/null ";
    const std::string run =
        "cd " + quote(repo) + " && " + env + "pre-commit try-repo --color never " + quote(hooks) + " onramp";
    int code = 0;
    dir.write("shop/app/users.py", "def load(user_id):\n    return user_id\n");
    git(repo, "add app/users.py");
    auto out = sh_output(run, &code);
    CHECK_MESSAGE(code == 0, out);

    dir.write("shop/app/users.py", "def load(user_id):\n    breakpoint()\n    return user_id\n");
    git(repo, "add app/users.py");
    out = sh_output(run, &code);
    CHECK_MESSAGE(code == 1, out);
    CHECK(out.find("app/users.py:2:5: error [sandbox/debugger-call]") != std::string::npos);
    CHECK(out.find("app/orders.py") == std::string::npos);
  }
}
