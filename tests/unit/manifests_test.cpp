#include <doctest/doctest.h>

#include "onramp/parse/manifests.hpp"

using namespace onramp::parse;

TEST_SUITE("parse::manifests") {
  TEST_CASE("parse::normalize_package_name") {
    CHECK(normalize_package_name("Django") == "django");
    CHECK(normalize_package_name("python_dateutil") == "python-dateutil");
    CHECK(normalize_package_name("zope.interface") == "zope-interface");
    CHECK(normalize_package_name("a__-.b") == "a-b");
  }

  TEST_CASE("parse::read_pyproject") {
    std::vector<onramp::core::Problem> problems;
    const auto deps = read_pyproject(R"([project]
dependencies = ["FastAPI>=0.110", "uvicorn[standard]"]
[project.optional-dependencies]
s3 = ["boto3"]
[dependency-groups]
dev = ["pytest>=8", {include-group = "lint"}]
lint = ["ruff"]
[build-system]
requires = ["hatchling"]
[tool.poetry.dependencies]
python = "^3.11"
Django = "^5.0"
celery = {version = "^5.3", extras = ["redis"]}
[tool.poetry.group.test.dependencies]
factory-boy = "*"
[tool.uv]
dev-dependencies = ["ipdb"]
)", "pyproject.toml", problems);
    CHECK(problems.empty());
    REQUIRE(deps.size() == 10);
    CHECK(deps[0].name == "fastapi");
    CHECK(deps[0].spec == ">=0.110");
    CHECK(deps[0].group == "main");
    CHECK(deps[0].line == 2);
    CHECK(deps[1].name == "uvicorn");
    CHECK(deps[1].spec == "[standard]");
    CHECK(deps[2].group == "s3");
    CHECK(deps[3].group == "dev");
    CHECK(deps[5].group == "build");
    CHECK(deps[6].name == "django");
    CHECK(deps[6].spec == "^5.0");
    CHECK(deps[7].spec == "^5.3");
    CHECK(deps[8].group == "test");
    CHECK(deps[9].name == "ipdb");
  }

  TEST_CASE("parse::read_pyproject reports broken TOML as a problem") {
    std::vector<onramp::core::Problem> problems;
    const auto deps = read_pyproject("[project\nname = 1\n", "pyproject.toml", problems);
    CHECK(deps.empty());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].kind == "broken-manifest");
    CHECK(problems[0].line == 1);
  }

  TEST_CASE("parse::read_requirements") {
    const auto deps = read_requirements(
        "# comment\n-r base.txt\n--index-url https://x\nDjango==5.0.1  # pinned\n"
        "requests>=2 \\\n    --hash=sha256:abc\n-e git+https://x/y.git#egg=y\nhttps://x/z.whl\n"
        "pywin32; sys_platform == 'win32'\n",
        "requirements/dev.txt");
    REQUIRE(deps.size() == 3);
    CHECK(deps[0].name == "django");
    CHECK(deps[0].spec == "==5.0.1");
    CHECK(deps[0].group == "dev");
    CHECK(deps[0].line == 4);
    CHECK(deps[1].name == "requests");
    CHECK(deps[1].spec == ">=2");
    CHECK(deps[1].line == 5);
    CHECK(deps[2].name == "pywin32");
  }
}
