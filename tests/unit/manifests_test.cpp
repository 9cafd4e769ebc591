#include <doctest/doctest.h>

#include <algorithm>

#include "onramp/engine/pipeline.hpp"
#include "onramp/model/manifests.hpp"
#include "onramp/parse/manifests.hpp"
#include "onramp/util/strings.hpp"
#include "test_support.hpp"

using namespace onramp::parse;

namespace {

const Dependency* find_dep(const std::vector<Dependency>& deps, std::string_view name, std::string_view group = {}) {
  for (const auto& d : deps) {
    if (d.name == name && (group.empty() || d.group == group)) return &d;
  }
  return nullptr;
}

/// Scans a temporary repository and returns its roots' manifests.
std::vector<RootManifest> roots_of(const onramp::test::TempDir& dir) {
  return onramp::model::read_roots(onramp::test::scan_repo(dir.path()).project);
}

const RootManifest* root(const std::vector<RootManifest>& roots, std::string_view path) {
  for (const auto& r : roots) {
    if (r.path == path) return &r;
  }
  return nullptr;
}

}  // namespace

TEST_SUITE("parse::manifests") {
  TEST_CASE("parse::normalize_package_name") {
    CHECK(normalize_package_name("Django") == "django");
    CHECK(normalize_package_name("python_dateutil") == "python-dateutil");
    CHECK(normalize_package_name("zope.interface") == "zope-interface");
    CHECK(normalize_package_name("a__-.b") == "a-b");
  }

  TEST_CASE("parse::parse_requirement") {
    auto r = parse_requirement("uvicorn[standard, Foo_Bar]>=0.30,<1 ; python_version >= '3.11'");
    CHECK(r.name == "uvicorn");
    CHECK(r.extras == std::vector<std::string>{"standard", "foo-bar"});
    CHECK(r.spec == ">=0.30,<1");
    CHECK(r.markers == "python_version >= '3.11'");
    r = parse_requirement("mylib @ git+https://github.com/x/mylib.git@v1");
    CHECK(r.name == "mylib");
    CHECK(r.url == "git+https://github.com/x/mylib.git@v1");
    CHECK(parse_requirement("Django (>=4.2)").spec == ">=4.2");
    CHECK(parse_requirement("django=>3").name == "django");  // `=>` is bad PEP 440 but still a requirement line
    CHECK(parse_requirement("foo bar").name.empty());
    CHECK(parse_requirement("[x]").name.empty());
  }

  TEST_CASE("parse::interpret_spec") {
    CHECK(interpret_spec("") == "unbounded");
    CHECK(interpret_spec("*") == "unbounded");
    CHECK(interpret_spec(">=2") == "unbounded");
    CHECK(interpret_spec(">=2,!=2.1") == "unbounded");
    CHECK(interpret_spec(">=2,<3") == "bounded");
    CHECK(interpret_spec("~=2.1") == "bounded");
    CHECK(interpret_spec("==2.*") == "bounded");
    CHECK(interpret_spec("==2.1.0") == "pinned");
    CHECK(interpret_spec("===2.1.0") == "pinned");
    CHECK(interpret_spec("^5.0") == "bounded");
    CHECK(interpret_spec("~5.0") == "bounded");
    CHECK(interpret_spec("5.0.1") == "pinned");
    CHECK(interpret_spec(">= 1.0 < 2.0") == "bounded");
    CHECK(interpret_spec("^1.0 || >=3") == "unbounded");
  }

  TEST_CASE("parse::read_pyproject") {
    std::vector<onramp::core::Problem> problems;
    const auto py = read_pyproject_file(R"([project]
name = "My_App"
requires-python = ">=3.11"
dependencies = ["FastAPI>=0.110", "uvicorn[standard]", "shared"]
[project.optional-dependencies]
s3 = ["boto3"]
[dependency-groups]
dev = ["pytest>=8", {include-group = "lint"}]
lint = ["ruff"]
[build-system]
requires = ["hatchling"]
[tool.uv]
dev-dependencies = ["ipdb"]
[tool.uv.sources]
shared = { workspace = true }
[tool.uv.workspace]
members = ["packages/*"]
exclude = ["packages/old"]
[tool.ruff]
target-version = "py312"
[tool.mypy]
python_version = "3.11"
)",
                                        "pyproject.toml", problems);
    CHECK(problems.empty());
    const auto& deps = py.dependencies;
    CHECK(py.name == "my-app");
    CHECK(py.uv);
    CHECK(py.build_system);
    CHECK(py.workspace_members == std::vector<std::string>{"packages/*"});
    CHECK(py.workspace_exclude == std::vector<std::string>{"packages/old"});
    REQUIRE(deps.size() == 8);
    CHECK(deps[0].name == "fastapi");
    CHECK(deps[0].spec == ">=0.110");
    CHECK(deps[0].group == "main");
    CHECK(deps[0].pin == "unbounded");
    CHECK(deps[0].line == 4);
    CHECK(deps[1].name == "uvicorn");
    CHECK(deps[1].spec.empty());
    CHECK(deps[1].extras == std::vector<std::string>{"standard"});
    CHECK(deps[2].pin == "workspace");
    CHECK(deps[3].group == "s3");
    CHECK(deps[3].scope == "extra");
    CHECK(deps[4].group == "dev");
    CHECK(deps[4].scope == "dev");
    CHECK(deps[5].group == "lint");
    CHECK(deps[6].group == "build");
    CHECK(deps[6].scope == "build");
    CHECK(deps[7].name == "ipdb");
    REQUIRE(py.python.size() == 3);
    CHECK(py.python[0].version == ">=3.11");
    CHECK(py.python[0].kind == "requires-python");
    CHECK(py.python[0].line == 3);
    CHECK(py.python[1].version == "3.12");
    CHECK(py.python[1].kind == "ruff target-version");
    CHECK(py.python[2].kind == "mypy python_version");
  }

  TEST_CASE("parse::read_pyproject poetry") {
    std::vector<onramp::core::Problem> problems;
    const auto py = read_pyproject_file(R"([tool.poetry]
name = "shop"
package-mode = false
[tool.poetry.dependencies]
python = "^3.11"
Django = "^5.0"
celery = {version = "^5.3", extras = ["redis"]}
boto3 = {version = "*", optional = true}
mylib = {git = "https://github.com/x/mylib.git", branch = "main"}
numpy = [{version = "<2", python = "<3.10"}, {version = ">=2", python = ">=3.10"}]
[tool.poetry.dev-dependencies]
black = "23.1.0"
[tool.poetry.group.test.dependencies]
factory-boy = "*"
)",
                                        "pyproject.toml", problems);
    CHECK(problems.empty());
    CHECK(py.poetry);
    CHECK_FALSE(py.package);
    CHECK(py.name == "shop");
    const auto& deps = py.dependencies;
    REQUIRE(deps.size() == 7);
    CHECK(deps[0].name == "django");
    CHECK(deps[0].spec == "^5.0");
    CHECK(deps[0].pin == "bounded");
    CHECK(deps[1].extras == std::vector<std::string>{"redis"});
    CHECK(deps[2].group == "optional");
    CHECK(deps[2].scope == "extra");
    CHECK(deps[3].pin == "direct");
    CHECK(deps[3].url == "https://github.com/x/mylib.git");
    CHECK(deps[4].spec == "<2");
    CHECK(deps[5].group == "dev");
    CHECK(deps[5].pin == "pinned");
    CHECK(deps[6].group == "test");
    CHECK(deps[6].scope == "dev");
    REQUIRE(py.python.size() == 1);
    CHECK(py.python[0].version == "^3.11");
    CHECK(py.python[0].kind == "poetry python");
    CHECK(py.python[0].line == 5);
  }

  TEST_CASE("parse::read_pyproject pdm") {
    std::vector<onramp::core::Problem> problems;
    const auto py = read_pyproject_file(R"([project]
dependencies = ["flask"]
[tool.pdm.dev-dependencies]
test = ["pytest"]
)",
                                        "pyproject.toml", problems);
    CHECK(py.pdm);
    REQUIRE(py.dependencies.size() == 2);
    CHECK(py.dependencies[1].group == "test");
    CHECK(py.dependencies[1].scope == "dev");
  }

  TEST_CASE("parse::read_pyproject reports broken TOML as a problem") {
    std::vector<onramp::core::Problem> problems;
    const auto deps = read_pyproject("[project\nname = 1\n", "pyproject.toml", problems);
    CHECK(deps.empty());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].kind == "broken-manifest");
    CHECK(problems[0].line == 1);
    CHECK(problems[0].message.find("column") != std::string::npos);
  }

  TEST_CASE("parse::read_requirements") {
    const auto deps = read_requirements(
        "# comment\n-r base.txt\n--index-url https://x\nDjango==5.0.1  # pinned\n"
        "requests>=2 \\\n    --hash=sha256:abc\n-e git+https://x/y.git#egg=y\nhttps://x/z.whl\n"
        "pywin32; sys_platform == 'win32'\ncelery[redis]>=5\n.\n",
        "requirements/dev.txt");
    REQUIRE(deps.size() == 5);
    CHECK(deps[0].name == "django");
    CHECK(deps[0].spec == "==5.0.1");
    CHECK(deps[0].group == "dev");
    CHECK(deps[0].pin == "pinned");
    CHECK(deps[0].line == 4);
    CHECK(deps[1].name == "requests");
    CHECK(deps[1].spec == ">=2");
    CHECK(deps[1].line == 5);
    CHECK(deps[2].name == "y");
    CHECK(deps[2].editable);
    CHECK(deps[2].pin == "direct");
    CHECK(deps[3].name == "pywin32");
    CHECK(deps[3].markers == "sys_platform == 'win32'");
    CHECK(deps[4].extras == std::vector<std::string>{"redis"});
  }

  TEST_CASE("parse::read_requirements_file includes, constraints and broken lines") {
    std::vector<onramp::core::Problem> problems;
    const auto f = read_requirements_file(
        "-r base.txt\n--requirement=other.txt\n-c constraints.txt\nflask>=3\nnot a requirement\n", "requirements.txt",
        problems);
    REQUIRE(f.includes.size() == 3);
    CHECK(f.includes[0].path == "base.txt");
    CHECK_FALSE(f.includes[0].constraint);
    CHECK(f.includes[1].path == "other.txt");
    CHECK(f.includes[2].constraint);
    CHECK(f.includes[2].line == 3);
    CHECK(f.dependencies.size() == 1);
    CHECK(f.dependencies[0].group == "main");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == 5);
    CHECK(problems[0].message.find("not a requirement") != std::string::npos);
  }

  TEST_CASE("parse::read_requirements_file pip-compile output") {
    std::vector<onramp::core::Problem> problems;
    const auto f = read_requirements_file(R"(#
# This file is autogenerated by pip-compile with Python 3.12
# by the following command:
#
#    pip-compile requirements.in
#
asgiref==3.8.1 \
    --hash=sha256:aaa
    # via django
django==5.0.6 \
    --hash=sha256:bbb
    # via -r requirements.in
flask==3.0.0  # via -r requirements.in
itsdangerous==2.2.0  # via flask
sqlparse==0.5.0
    # via
    #   -r requirements.in
    #   django
)",
                                          "requirements.txt", problems);
    CHECK(problems.empty());
    CHECK(f.compiled);
    CHECK(f.dependencies.size() == 5);
    CHECK(f.transitive == std::vector<std::string>{"asgiref", "itsdangerous"});
  }

  TEST_CASE("parse::read_setup_cfg") {
    std::vector<PythonVersion> python;
    const auto deps = read_setup_cfg(R"([metadata]
name = thing
[options]
python_requires = >=3.9
install_requires =
    requests>=2
    # a comment
    click; python_version >= "3.8"
[options.extras_require]
s3 = boto3
[mypy]
python_version = 3.10
)",
                                     "setup.cfg", python);
    REQUIRE(deps.size() == 3);
    CHECK(deps[0].name == "requests");
    CHECK(deps[0].line == 6);
    CHECK(deps[1].name == "click");
    CHECK(deps[1].line == 8);
    CHECK(deps[1].markers == "python_version >= \"3.8\"");
    CHECK(deps[2].group == "s3");
    CHECK(deps[2].scope == "extra");
    REQUIRE(python.size() == 2);
    CHECK(python[0].version == ">=3.9");
    CHECK(python[0].kind == "python_requires");
    CHECK(python[1].version == "3.10");
  }

  TEST_CASE("parse::read_pipfile") {
    std::vector<PythonVersion> python;
    std::vector<onramp::core::Problem> problems;
    const auto deps = read_pipfile(R"([[source]]
url = "https://pypi.org/simple"
[packages]
flask = "*"
requests = {version = ">=2.31", extras = ["socks"]}
mylib = {path = ".", editable = true}
[dev-packages]
pytest = "==8.0.0"
[requires]
python_version = "3.12"
)",
                                   "Pipfile", python, problems);
    CHECK(problems.empty());
    REQUIRE(deps.size() == 4);
    CHECK(deps[0].name == "flask");
    CHECK(deps[0].pin == "unbounded");
    CHECK(deps[1].extras == std::vector<std::string>{"socks"});
    CHECK(deps[2].editable);
    CHECK(deps[2].pin == "direct");
    CHECK(deps[3].group == "dev");
    CHECK(deps[3].line == 8);
    REQUIRE(python.size() == 1);
    CHECK(python[0].version == "3.12");
    read_pipfile("[packages\n", "Pipfile", python, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].kind == "broken-manifest");
  }

  TEST_CASE("parse::read_environment_yml") {
    std::vector<PythonVersion> python;
    std::vector<onramp::core::Problem> problems;
    const auto deps = read_environment_yml(R"(name: app
channels: [conda-forge]
dependencies:
  - python=3.11
  - numpy
  - pip
  - pip:
      - fastapi>=0.110
      - -r requirements.txt
)",
                                           "environment.yml", python, problems);
    CHECK(problems.empty());
    REQUIRE(deps.size() == 1);
    CHECK(deps[0].name == "fastapi");
    CHECK(deps[0].line == 8);
    REQUIRE(python.size() == 1);
    CHECK(python[0].version == "3.11");
    CHECK(python[0].line == 4);
    read_environment_yml("dependencies: [a, b\n", "environment.yml", python, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].kind == "broken-manifest");
    CHECK(problems[0].line >= 1);
  }

  TEST_CASE("parse::read_lockfile") {
    std::vector<onramp::core::Problem> problems;
    auto uv = read_lockfile(R"(version = 1
requires-python = ">=3.12"
[[package]]
name = "SQLAlchemy"
version = "2.0.30"
[[package]]
name = "app"
version = "0.1.0"
source = { editable = "backend" }
)",
                            "uv.lock", problems);
    CHECK(uv.tool == "uv");
    CHECK(uv.versions.at("sqlalchemy") == "2.0.30");
    CHECK(uv.requires_python == ">=3.12");
    CHECK(uv.requires_python_line == 2);
    CHECK(read_lockfile("[[package]]\nname = \"celery\"\nversion = \"5\"\ndependencies = [{ name = \"kombu\" }]\n"
                        "[package.optional-dependencies]\nredis = [{ name = \"kombu\", extra = [\"redis\"] }]\n",
                        "uv.lock", problems)
              .extras.at("celery")
              .at("redis") == std::vector<std::string>{"kombu[redis]"});
    auto poetry = read_lockfile(
        "[[package]]\nname = \"pydantic\"\nversion = \"1.10.13\"\n[metadata]\npython-versions = \"^3.11\"\n",
        "poetry.lock", problems);
    CHECK(poetry.tool == "poetry");
    CHECK(poetry.versions.at("pydantic") == "1.10.13");
    CHECK(poetry.requires_python == "^3.11");
    auto pdm =
        read_lockfile("[metadata]\nrequires_python = \">=3.10\"\n[[package]]\nname = \"flask\"\nversion = \"3.0.0\"\n",
                      "pdm.lock", problems);
    CHECK(pdm.versions.at("flask") == "3.0.0");
    CHECK(pdm.requires_python == ">=3.10");
    auto pylock = read_lockfile("lock-version = \"1.0\"\n[[packages]]\nname = \"httpx\"\nversion = \"0.27.0\"\n",
                                "pylock.toml", problems);
    CHECK(pylock.versions.at("httpx") == "0.27.0");
    auto pipenv = read_lockfile(R"({"_meta": {"requires": {"python_version": "3.12"}},
 "default": {"django": {"version": "==5.0.6", "hashes": []}},
 "develop": {"pytest": {"version": "==8.2.0"}}})",
                                "Pipfile.lock", problems);
    CHECK(pipenv.tool == "pipenv");
    CHECK(pipenv.versions.at("django") == "5.0.6");
    CHECK(pipenv.versions.at("pytest") == "8.2.0");
    CHECK(pipenv.requires_python == "3.12");
    CHECK(problems.empty());
    read_lockfile("{\n\"default\": {,\n}", "Pipfile.lock", problems);
    read_lockfile("[[package]\n", "poetry.lock", problems);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].line == 2);
    CHECK(problems[0].message.find("parse error") != std::string::npos);
    CHECK(problems[1].path == "poetry.lock");
    CHECK(problems[1].line == 1);
  }

  TEST_CASE("model::read_roots poetry app with lock, python versions and Dockerfile") {
    onramp::test::TempDir dir;
    dir.write("pyproject.toml",
              "[tool.poetry]\nname = \"shop\"\n[tool.poetry.dependencies]\npython = \"^3.11\"\n"
              "sqlalchemy = \"^2.0\"\n[tool.ruff]\ntarget-version = \"py311\"\n");
    dir.write(
        "poetry.lock",
        "[[package]]\nname = \"SQLAlchemy\"\nversion = \"2.0.30\"\n[package.dependencies]\ngreenlet = \"*\"\n"
        "[[package]]\nname = \"greenlet\"\nversion = \"3.0.0\"\n[[package]]\nname = \"unrelated\"\nversion = \"1\"\n");
    dir.write(".python-version", "# pyenv\n3.11.9\n");
    dir.write("Dockerfile", "ARG X=1\nFROM --platform=linux/amd64 python:3.11-slim AS base\nFROM base\n");
    dir.write("docker/worker.Dockerfile", "FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim\n");
    dir.write("app/main.py", "import sqlalchemy\n");
    const auto roots = roots_of(dir);
    REQUIRE(roots.size() == 1);
    const auto& r = roots[0];
    CHECK(r.path == ".");
    CHECK(r.install_tool == "poetry");
    CHECK(r.lockfile == "poetry.lock");
    CHECK(r.application);
    CHECK(r.locked.at("greenlet") == "3.0.0");
    CHECK(r.installed.at("greenlet") == "sqlalchemy");  // through the lock's dependency graph
    CHECK_FALSE(r.installed.contains("unrelated"));
    const auto* sa = find_dep(r.packages, "sqlalchemy");
    REQUIRE(sa != nullptr);
    CHECK(sa->locked == "2.0.30");
    std::vector<std::string> kinds;
    for (const auto& v : r.python)
      kinds.push_back(v.kind + " " + v.version + " " + v.source + ":" + std::to_string(v.line));
    INFO(onramp::util::join(kinds, "\n"));
    CHECK(kinds == std::vector<std::string>{"poetry python ^3.11 pyproject.toml:4",
                                            "ruff target-version 3.11 pyproject.toml:7",
                                            ".python-version 3.11.9 .python-version:2", "dockerfile 3.11 Dockerfile:2",
                                            "dockerfile 3.12 docker/worker.Dockerfile:1"});
  }

  TEST_CASE("model::read_roots uv workspace") {
    onramp::test::TempDir dir;
    dir.write("pyproject.toml",
              "[project]\nname = \"mono\"\nversion = \"0\"\nrequires-python = \">=3.12\"\n"
              "[tool.uv.workspace]\nmembers = [\"packages/*\", \"services/api\"]\nexclude = [\"packages/legacy\"]\n");
    dir.write("uv.lock",
              "version = 1\nrequires-python = \">=3.12\"\n[[package]]\nname = \"fastapi\"\nversion = \"0.115.0\"\n");
    dir.write(".python-version", "3.12\n");
    dir.write("packages/core/pyproject.toml", "[project]\nname = \"mono-core\"\ndependencies = [\"pydantic>=2\"]\n");
    dir.write("packages/legacy/pyproject.toml", "[project]\nname = \"legacy\"\ndependencies = [\"six\"]\n");
    dir.write("services/api/pyproject.toml",
              "[project]\nname = \"api\"\ndependencies = [\"fastapi>=0.110\", \"mono-core\"]\n"
              "[tool.uv.sources]\nmono-core = { workspace = true }\n");
    const auto roots = roots_of(dir);
    REQUIRE(roots.size() == 4);
    const auto* top = root(roots, ".");
    REQUIRE(top != nullptr);
    CHECK(top->install_tool == "uv");
    CHECK(top->lockfile == "uv.lock");
    CHECK(top->members == std::vector<std::string>{"packages/core", "services/api"});
    const auto* api = root(roots, "services/api");
    REQUIRE(api != nullptr);
    CHECK(api->workspace == ".");
    CHECK(api->lockfile == "uv.lock");
    CHECK(api->install_tool == "uv");
    CHECK(find_dep(api->packages, "fastapi")->locked == "0.115.0");
    CHECK(find_dep(api->packages, "mono-core")->pin == "workspace");
    CHECK(api->installed.at("fastapi") == "fastapi");
    REQUIRE(!api->python.empty());
    CHECK(api->python.back().source == ".python-version");  // uv reads it from the parents
    const auto* legacy = root(roots, "packages/legacy");
    REQUIRE(legacy != nullptr);
    CHECK(legacy->workspace.empty());
    CHECK(legacy->lockfile.empty());
    CHECK(legacy->install_tool == "pip");
    CHECK_FALSE(legacy->application);
  }

  TEST_CASE("model::read_roots pip-tools, includes and cycles") {
    onramp::test::TempDir dir;
    dir.write("requirements.in", "django>=5\n-c constraints.txt\n");
    dir.write("requirements.txt",
              "# This file is autogenerated by pip-compile\ndjango==5.0.6\n    # via -r requirements.in\n"
              "asgiref==3.8.1\n    # via django\n");
    dir.write("constraints.txt", "urllib3==2.2.0\n");
    dir.write("requirements/dev.txt", "-r ../requirements.in\n-r loop.txt\npytest\n");
    dir.write("requirements/loop.txt", "-r dev.txt\n-r missing.txt\n");
    dir.write("manage.py", "import django\n");
    const auto roots = roots_of(dir);
    REQUIRE(roots.size() == 1);
    const auto& r = roots[0];
    CHECK(r.install_tool == "pip-tools");
    CHECK(r.lockfile == "requirements.txt");
    CHECK(r.application);
    const auto* django = find_dep(r.packages, "django");
    REQUIRE(django != nullptr);
    CHECK(django->source == "requirements.in");
    CHECK(django->locked == "5.0.6");
    CHECK(find_dep(r.packages, "asgiref") == nullptr);  // only in the compiled lock
    CHECK(find_dep(r.packages, "urllib3") == nullptr);  // a constraint, not a declaration
    CHECK(r.locked.at("urllib3") == "2.2.0");
    CHECK(find_dep(r.packages, "pytest")->group == "dev");
    std::vector<std::string> broken;
    for (const auto& p : r.broken) broken.push_back(p.path + ":" + std::to_string(p.line) + " " + p.message);
    INFO(onramp::util::join(broken, "\n"));
    REQUIRE(broken.size() == 2);
    CHECK(broken[0].find("requirements/loop.txt:1 include cycle: requirements/dev.txt -> requirements/loop.txt -> "
                         "requirements/dev.txt") == 0);
    CHECK(broken[1].find("requirements/loop.txt:2 included file `missing.txt` not found") == 0);
  }

  TEST_CASE("model::read_roots Pipfile, setup.cfg and broken manifests") {
    onramp::test::TempDir dir;
    dir.write("Pipfile", "[packages]\nflask = \"*\"\n[requires]\npython_version = \"3.12\"\n");
    dir.write("Pipfile.lock", "{\"default\": {\"flask\": {\"version\": \"==3.0.3\"}}}");
    dir.write("svc/setup.cfg", "[metadata]\nname = svc\n[options]\ninstall_requires =\n    click\n");
    dir.write("svc/setup.py", "from setuptools import setup\nsetup()\n");
    dir.write("bad/pyproject.toml", "[project]\ndependencies = [\"a\"\n");
    dir.write("bad/runtime.txt", "python-3.10.4\n");
    const auto roots = roots_of(dir);
    REQUIRE(roots.size() == 3);
    const auto* top = root(roots, ".");
    CHECK(top->install_tool == "pipenv");
    CHECK(top->lockfile == "Pipfile.lock");
    CHECK(find_dep(top->packages, "flask")->locked == "3.0.3");
    const auto* svc = root(roots, "svc");
    CHECK(svc->name == "svc");
    CHECK(svc->install_tool == "setuptools");
    CHECK(find_dep(svc->packages, "click") != nullptr);
    CHECK_FALSE(svc->application);
    const auto* bad = root(roots, "bad");
    REQUIRE(bad->broken.size() == 1);
    CHECK(bad->broken[0].path == "bad/pyproject.toml");
    CHECK(bad->broken[0].kind == "broken-manifest");
    REQUIRE(bad->python.size() == 1);
    CHECK(bad->python[0].version == "3.10.4");
    CHECK(bad->python[0].kind == "runtime.txt");
  }

  TEST_CASE("model::read_roots setup.py read from the tree, never run") {
    onramp::test::TempDir dir;
    dir.write("setup.py", R"(from setuptools import setup
REQS = open("requirements.txt").read().splitlines()
setup(
    name="lib",
    python_requires=">=3.9",
    install_requires=[
        "requests>=2",  # http
        'click',
    ],
    extras_require={"s3": ["boto3"], "dyn": REQS},
    tests_require=REQS,
)
)");
    const auto roots = roots_of(dir);
    REQUIRE(roots.size() == 1);
    const auto& r = roots[0];
    CHECK(r.manifests == std::vector<std::string>{"setup.py"});
    REQUIRE(r.packages.size() == 3);
    CHECK(r.packages[0].name == "requests");
    CHECK(r.packages[0].spec == ">=2");
    CHECK(r.packages[0].line == 7);
    CHECK(r.packages[1].name == "click");
    CHECK(r.packages[2].group == "s3");
    CHECK(r.packages[2].scope == "extra");
    REQUIRE(r.python.size() == 1);
    CHECK(r.python[0].version == ">=3.9");
    CHECK(r.python[0].kind == "python_requires");
    CHECK(r.unread == std::vector<std::string>{"setup.py:10: extras_require[\"dyn\"] is not a literal list, not read",
                                               "setup.py:11: tests_require is not a literal list, not read"});
    CHECK(r.install_tool == "setuptools");
  }
}
