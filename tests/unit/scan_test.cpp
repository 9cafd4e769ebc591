#include <doctest/doctest.h>

#include "onramp/scan/discover.hpp"
#include "test_support.hpp"

using onramp::core::FileKind;
using namespace onramp::scan;

TEST_SUITE("scan") {
  TEST_CASE("scan::classify") {
    CHECK(classify("app/main.py") == FileKind::python);
    CHECK(classify("requirements.txt") == FileKind::requirements);
    CHECK(classify("requirements-dev.txt") == FileKind::requirements);
    CHECK(classify("requirements/base.in") == FileKind::requirements);
    CHECK(classify("backend/pyproject.toml") == FileKind::pyproject);
    CHECK(classify("setup.cfg") == FileKind::setup_cfg);
    CHECK(classify("Pipfile") == FileKind::pipfile);
    CHECK(classify("uv.lock") == FileKind::lockfile);
    CHECK(classify("poetry.lock") == FileKind::lockfile);
    CHECK(classify("Pipfile.lock") == FileKind::lockfile);
    CHECK(classify("Dockerfile") == FileKind::dockerfile);
    CHECK(classify("docker/Dockerfile.worker") == FileKind::dockerfile);
    CHECK(classify("api.Dockerfile") == FileKind::dockerfile);
    CHECK(classify("compose.yaml") == FileKind::compose);
    CHECK(classify("docker-compose.override.yml") == FileKind::compose);
    CHECK(classify(".env") == FileKind::env);
    CHECK(classify(".env.example") == FileKind::env);
    CHECK(classify(".github/workflows/ci.yml") == FileKind::ci);
    CHECK(classify(".gitlab-ci.yml") == FileKind::ci);
    CHECK(classify("Makefile") == FileKind::task_runner);
    CHECK(classify("justfile") == FileKind::task_runner);
    CHECK(classify("README.md") == FileKind::docs);
    CHECK(classify(".vscode/launch.json") == FileKind::ide);
    CHECK(classify(".python-version") == FileKind::python_version);
    CHECK(classify("logo.png") == FileKind::other);
  }

  TEST_CASE("scan::is_skipped_directory") {
    CHECK(is_skipped_directory(".git"));
    CHECK(is_skipped_directory("node_modules"));
    CHECK(is_skipped_directory("foo.egg-info"));
    CHECK_FALSE(is_skipped_directory("app"));
  }

  TEST_CASE("scan::discover: tracked source under build/ is scanned; every skip is counted by reason") {
    onramp::test::TempDir dir;
    dir.write(".gitignore", "build/\n*.log\n");
    dir.write("build/lib/report.py", "X = 1\n");
    dir.write("build/lib/cache.log", "x\n");
    dir.write("dist/pkg-1.0.tar.gz", "x");
    dir.write("node_modules/a/index.js", "x");
    dir.write("app/main.py", "X = 1\n");
    dir.write("app/debug.log", "x\n");
    dir.write("legacy/old.py", "X = 1\n");
    const auto excluded = [](std::string_view p) { return p == "legacy"; };
    const auto paths = [](const Discovery& d) {
      std::vector<std::string> out;
      for (const auto& f : d.files) out.push_back(f.path);
      return out;
    };
    SUBCASE("without git: build/ is build output") {
      const auto d = discover(dir.path(), 1 << 20, excluded);
      REQUIRE(d.ok());
      CHECK(paths(*d) == std::vector<std::string>{"app/main.py"});
      CHECK(d->skipped_directories ==
            std::map<std::string, std::size_t>{{"config-excluded", 1}, {"default-excluded", 3}});
      CHECK(d->skipped_files == std::map<std::string, std::size_t>{{"gitignored", 1}});
    }
    SUBCASE("git tracks build/lib/report.py: build/ is source, its tracked files are kept, the rest stays ignored") {
      const std::set<std::string> tracked{".gitignore", "app/main.py", "build/lib/report.py", "legacy/old.py"};
      const auto d = discover(dir.path(), 1 << 20, excluded, &tracked);
      REQUIRE(d.ok());
      CHECK(paths(*d) == std::vector<std::string>{"app/main.py", "build/lib/report.py"});
      CHECK(d->skipped_directories ==
            std::map<std::string, std::size_t>{{"config-excluded", 1}, {"default-excluded", 2}});
      CHECK(d->skipped_files == std::map<std::string, std::size_t>{{"gitignored", 2}});
    }
  }
}
