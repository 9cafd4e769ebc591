#include <doctest/doctest.h>

#include "onramp/scan/discover.hpp"

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
}
