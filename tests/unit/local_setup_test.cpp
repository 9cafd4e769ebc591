// Step 2, local setup (the Python side): environment-variable reads and where each variable is documented or set,
// migrations, the test set-up, task runners and the checklist, each on a small repository written by the test.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "onramp/checks/local-setup/python_version_mismatch.hpp"
#include "onramp/core/rules.hpp"
#include "onramp/core/steps.hpp"
#include "onramp/engine/pipeline.hpp"
#include "onramp/report/report.hpp"
#include "test_support.hpp"

namespace {

using json = nlohmann::ordered_json;
using onramp::test::TempDir;

const onramp::core::RuleSet& rules() {
  static const auto loaded = onramp::core::RuleSet::load_embedded();
  REQUIRE(loaded.ok());
  return *loaded;
}

onramp::engine::Analysis scan(const TempDir& dir) {
  onramp::engine::ScanOptions options;
  options.root = dir.path();
  options.display_root = "repo";
  auto analysis = onramp::engine::analyse(options, rules());
  REQUIRE(analysis.ok());
  return std::move(*analysis);
}

json facts(const onramp::engine::Analysis& a) {
  return a.step_facts[static_cast<std::size_t>(onramp::core::step_by_key("local-setup")->id - 1)];
}

/// env_vars rows by name.
std::map<std::string, json> vars(const json& f) {
  std::map<std::string, json> out;
  for (const auto& row : f["env_vars"]) out[row["name"].get<std::string>()] = row;
  return out;
}

std::string vias(const json& row) {
  std::string out;
  for (const auto& r : row["read_in"]) out += (out.empty() ? "" : ",") + r["via"].get<std::string>();
  return out;
}

std::vector<std::string> commands(const json& f) {
  std::vector<std::string> out;
  for (const auto& row : f["checklist"]) {
    std::string c = row["command"].is_string() ? row["command"].get<std::string>() : "(none)";
    if (row.contains("cwd")) c += " @" + row["cwd"].get<std::string>();
    out.push_back(c);
  }
  return out;
}

}  // namespace

TEST_SUITE("local-setup") {
  TEST_CASE("local_setup::env reads") {
    TempDir dir;
    dir.write("app/__init__.py", "");
    dir.write("app/settings.py", R"(import os
from os import environ, getenv
import environ as django_environ
from decouple import config
from starlette.config import Config
from dynaconf import Dynaconf

A = os.environ["A_REQUIRED"]
B = environ.get("B_DEFAULT", "x")
C = getenv("C_NONE")
os.environ["D_SET"] = "1"
if "E_CHECK" in os.environ:
    pass
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")
env = django_environ.Env(F_SCHEME=(bool, False))
F = env("F_SCHEME")
G = env("G_REQUIRED")
H = env.str("H_DEFAULT", "h")
I = env.db()
J = config("J_REQUIRED")
K = config("K_DEFAULT", default=1, cast=int)
sc = Config(".env")
L = sc("L_REQUIRED", cast=str)
M = sc("M_DEFAULT", default="m")
N = os.environ[f"DYN_{A}"]
settings = Dynaconf(envvar_prefix="MYAPP")


def get_flag(name, default=False):
    value = os.environ.get(name)
    return value == "1" if value is not None else default


O = get_flag("O_WRAPPED", True)
)");
    dir.write("app/config.py", R"(from typing import Optional
from pydantic import Field, AliasChoices
from pydantic_settings import BaseSettings, SettingsConfigDict
import pydantic


class Base(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SVC_", env_file=".env")
    shared: str


class Settings(Base):
    db_url: str
    debug: bool = False
    key: str = Field(..., alias="API_KEY")
    other: str = Field(validation_alias=AliasChoices("OTHER_ONE", "OTHER_TWO"))
    timeout: int = Field(default=5)


class Legacy(pydantic.BaseSettings):
    maybe: Optional[str]
    token: str

    class Config:
        env_prefix = "OLD_"
        case_sensitive = True
)");
    dir.write("app/other.py",
              "from app.settings import env, sc, get_flag\nP = env.str('P_CROSS')\nQ = sc('Q_CROSS')\nR = "
              "get_flag('R_CROSS')\n");
    dir.write("tests/test_x.py", "import os\nX = os.environ['ONLY_TESTS']\n");
    const auto a = scan(dir);
    const auto f = facts(a);
    const auto v = vars(f);
    const auto required = [&](const std::string& n) {
      REQUIRE_MESSAGE(v.count(n) == 1, n);
      return v.at(n)["required"].get<bool>();
    };
    SUBCASE("os.environ and os.getenv, also imported by name") {
      CHECK(required("A_REQUIRED"));
      CHECK(vias(v.at("A_REQUIRED")) == "os.environ[]");
      CHECK_FALSE(required("B_DEFAULT"));
      CHECK(vias(v.at("B_DEFAULT")) == "os.environ.get");
      CHECK(v.at("B_DEFAULT")["default"] == "\"x\"");
      CHECK_FALSE(required("C_NONE"));
      CHECK(vias(v.at("C_NONE")) == "os.getenv");
      CHECK_FALSE(required("E_CHECK"));
      CHECK_FALSE(required("DJANGO_SETTINGS_MODULE"));
      CHECK(v.count("D_SET") == 0);  // a write is not a read
    }
    SUBCASE("django-environ, decouple, starlette") {
      CHECK_FALSE(required("F_SCHEME"));
      CHECK(required("G_REQUIRED"));
      CHECK_FALSE(required("H_DEFAULT"));
      CHECK(required("DATABASE_URL"));
      CHECK(required("J_REQUIRED"));
      CHECK_FALSE(required("K_DEFAULT"));
      CHECK(required("L_REQUIRED"));
      CHECK_FALSE(required("M_DEFAULT"));
    }
    SUBCASE("readers imported from another module") {
      CHECK(required("P_CROSS"));
      CHECK(required("Q_CROSS"));
      CHECK_FALSE(required("R_CROSS"));
      CHECK(vias(v.at("R_CROSS")) == "app.settings.get_flag");
    }
    SUBCASE("a repository function that reads the variable its parameter names") {
      CHECK_FALSE(required("O_WRAPPED"));
      CHECK(vias(v.at("O_WRAPPED")) == "app.settings.get_flag");
    }
    SUBCASE("dynamic names are counted apart, Dynaconf is listed with its prefix") {
      REQUIRE(f["env_vars_dynamic"].size() == 1);
      CHECK(f["env_vars_dynamic"][0]["expression"] == "f\"DYN_{A}\"");
      REQUIRE(f.contains("dynaconf"));
      CHECK(f["dynaconf"][0]["envvar_prefix"] == "MYAPP");
    }
    SUBCASE("pydantic settings: prefix inherited, alias and validation_alias, Field defaults, v1 Config") {
      CHECK(required("SVC_SHARED"));
      CHECK(required("SVC_DB_URL"));
      CHECK_FALSE(required("SVC_DEBUG"));
      CHECK(required("API_KEY"));
      CHECK(required("OTHER_ONE"));
      CHECK_FALSE(required("SVC_TIMEOUT"));
      CHECK(v.count("SVC_KEY") == 0);
      CHECK(v.count("SHARED") == 0);       // Base is subclassed: its fields are read through Settings
      CHECK_FALSE(required("OLD_maybe"));  // v1: Optional means None by default; case_sensitive keeps the case
      CHECK(required("OLD_token"));
      CHECK(v.at("OLD_token")["secret"] == true);
    }
    SUBCASE("a read only in tests is not required to run the app") {
      CHECK_FALSE(required("ONLY_TESTS"));
      CHECK(v.at("ONLY_TESTS")["only_in"] == "tests");
    }
  }

  TEST_CASE("local_setup::where variables are documented and set") {
    TempDir dir;
    dir.write("app.py", R"(import os
A = os.environ["IN_TEMPLATE"]
B = os.environ["IN_README"]
C = os.environ["IN_COMPOSE"]
D = os.environ["IN_DOCKERFILE"]
E = os.environ["IN_CI"]
F = os.environ["NOWHERE"]
G = os.environ["EMPTY_IN_TEMPLATE"]
)");
    dir.write("settings.py", R"(from pydantic import BaseModel
from pydantic_settings import BaseSettings, SettingsConfigDict


class Db(BaseModel):
    host: str


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_nested_delimiter="__")
    db: Db
)");
    dir.write(".env.example", "IN_TEMPLATE=1\nEMPTY_IN_TEMPLATE=\nDB__HOST=localhost\n");
    dir.write("README.md", "Set `IN_README`. NOWHERE_ELSE is another word.\n");
    dir.write("compose.yaml", "services:\n  app:\n    build: .\n    environment:\n      - IN_COMPOSE=1\n");
    dir.write("Dockerfile", "FROM python:3.12\nENV IN_DOCKERFILE=1\n");
    dir.write(".github/workflows/ci.yml",
              "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    env:\n      IN_CI: 1\n    steps:\n      - run: "
              "pytest\n");
    const auto a = scan(dir);
    const auto v = vars(facts(a));
    CHECK(v.at("IN_TEMPLATE")["documented_in"][0]["path"] == ".env.example");
    CHECK(v.at("IN_README")["documented_in"][0]["path"] == "README.md");
    CHECK(v.at("IN_COMPOSE")["set_in"][0]["path"] == "compose.yaml");
    CHECK(v.at("IN_DOCKERFILE")["set_in"][0]["how"] == "Dockerfile ENV");
    CHECK(v.at("IN_CI")["set_in"][0]["path"] == ".github/workflows/ci.yml");
    CHECK(v.at("NOWHERE")["documented_in"].empty());  // NOWHERE_ELSE is not a whole-word mention
    CHECK(v.at("NOWHERE")["set_in"].empty());
    CHECK(v.at("DB")["documented_in"][0]["path"] == ".env.example");  // through DB__HOST
    std::vector<std::string> undocumented;
    for (const auto& fd : a.findings) {
      if (fd.rule == "local-setup/undocumented-env-var")
        undocumented.push_back(fd.message.substr(0, fd.message.find('`', 1) + 1));
    }
    CHECK(undocumented == std::vector<std::string>{"`NOWHERE`"});
    // The checklist asks for the variable the template leaves empty.
    const auto f = facts(a);
    REQUIRE(!f["checklist"].empty());
    CHECK(f["checklist"][0]["command"] == "cp .env.example .env");
    const auto why = f["checklist"][0]["why"].get<std::string>();
    CHECK(why.find("EMPTY_IN_TEMPLATE") != std::string::npos);
    CHECK(why.find("NOWHERE") != std::string::npos);
    CHECK(why.find("fill in EMPTY_IN_TEMPLATE (empty in .env.example) and add IN_CI, IN_COMPOSE, IN_DOCKERFILE, "
                   "IN_README, NOWHERE (") != std::string::npos);
  }

  TEST_CASE("local_setup::secret defaults never reach the output") {
    TempDir dir;
    dir.write("app.py", R"(import os
SECRET_KEY = os.environ.get("SECRET_KEY", "sk-live-0123456789abcdef")
DB = os.environ.get("DATABASE_URL", "postgres://app:hunter2hunter2@localhost/app")
)");
    const auto a = scan(dir);
    const auto text = onramp::report::to_json(a, rules()).dump();
    CHECK(text.find("sk-live-0123456789abcdef") == std::string::npos);
    CHECK(text.find("hunter2hunter2") == std::string::npos);
    const auto v = vars(facts(a));
    CHECK(v.at("SECRET_KEY")["secret"] == true);
    CHECK_FALSE(v.at("SECRET_KEY").contains("default"));
  }

  TEST_CASE("local_setup::migrations") {
    TempDir dir;
    dir.write("backend/alembic.ini", "[alembic]\nscript_location = %(here)s/migrations\n");
    dir.write("backend/app/__init__.py", "");
    dir.write("backend/pyproject.toml", "[project]\nname = \"b\"\nversion = \"0\"\ndependencies = [\"alembic\"]\n");
    const auto rev = [](const std::string& id, const std::string& down) {
      return "from alembic import op\nrevision = \"" + id + "\"\ndown_revision = " + down +
             "\n\ndef upgrade():\n    op.execute('')\n";
    };
    dir.write("backend/migrations/versions/a.py", rev("aaa", "None"));
    dir.write("backend/migrations/versions/b.py", rev("bbb", "\"aaa\""));
    dir.write("backend/migrations/versions/c.py", rev("ccc", "\"aaa\""));
    dir.write("shop/orders/migrations/0001_initial.py", "from django.db import migrations\n");
    dir.write("shop/orders/migrations/0002_more.py", "from django.db import migrations\n");
    dir.write("shop/orders/migrations/__init__.py", "");
    dir.write("manage.py",
              "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')\nif __name__ == "
              "'__main__':\n    from django.core.management import execute_from_command_line\n");
    const auto f = facts(scan(dir));
    REQUIRE(f["migrations"].size() == 2);
    const auto& alembic = f["migrations"][0];
    CHECK(alembic["tool"] == "alembic");
    CHECK(alembic["directory"] == "backend/migrations");
    CHECK(alembic["revisions"] == 3);
    CHECK(alembic["heads"] == json::array({"bbb", "ccc"}));
    CHECK(alembic["multiple_heads"] == true);
    CHECK(alembic["apply"] == "alembic upgrade heads");
    CHECK(alembic["cwd"] == "backend");
    const auto& django = f["migrations"][1];
    CHECK(django["tool"] == "django");
    CHECK(django["revisions"] == 2);
    CHECK(django["per_app"][0]["app"] == "shop/orders");
    CHECK(django["per_app"][0]["latest"] == "0002_more");
    CHECK(django["apply"] == "python manage.py migrate");
  }

  TEST_CASE("local_setup::Flask-Migrate, pyproject alembic and revisions without a configuration") {
    TempDir dir;
    dir.write("app/__init__.py",
              "from flask import Flask\nfrom flask_migrate import Migrate\n\ndef create_app():\n    return "
              "Flask(__name__)\n");
    dir.write("migrations/alembic.ini", "[alembic]\nscript_location = .\n");
    dir.write("migrations/versions/1.py", "from alembic import op\nrevision = 'r1'\ndown_revision = None\n");
    dir.write("svc/pyproject.toml",
              "[project]\nname = \"svc\"\nversion = \"0\"\n[tool.alembic]\nscript_location = \"db\"\n");
    dir.write("svc/db/versions/a.py",
              "from alembic import op\nrevision: str = 'x1'\ndown_revision: str | None = None\n");
    dir.write("svc/db/versions/b.py", "from alembic import op\nrevision = 'x2'\ndown_revision = ('x1',)\n");
    dir.write("legacy/versions/c.py", "from alembic import op\nrevision = 'l1'\ndown_revision = None\n");
    const auto f = facts(scan(dir));
    std::map<std::string, json> by_dir;
    for (const auto& m : f["migrations"]) by_dir[m["directory"].get<std::string>()] = m;
    REQUIRE(by_dir.count("migrations") == 1);
    CHECK(by_dir["migrations"]["tool"] == "flask-migrate");
    CHECK(by_dir["migrations"]["apply"] == "flask db upgrade");
    CHECK(by_dir["migrations"]["cwd"] == ".");
    REQUIRE(by_dir.count("svc/db") == 1);
    CHECK(by_dir["svc/db"]["revisions"] == 2);
    CHECK(by_dir["svc/db"]["heads"] == json::array({"x2"}));
    CHECK(by_dir["svc/db"]["path"] == "svc/pyproject.toml");
    REQUIRE(by_dir.count("legacy") == 1);  // no alembic.ini points at it
    CHECK(by_dir["legacy"]["revisions"] == 1);
    CHECK_FALSE(by_dir["legacy"].contains("path"));
  }

  TEST_CASE("local_setup::pdm, hatch and taskipy scripts") {
    TempDir dir;
    dir.write(
        "pyproject.toml",
        "[project]\nname = \"a\"\nversion = \"0\"\n"
        "[tool.pdm.scripts]\n_.env_file = \".env\"\nstart = \"uvicorn app:app\"\nlint = {cmd = \"ruff check .\"}\n"
        "[tool.hatch.envs.default.scripts]\ntest = \"pytest\"\n[tool.hatch.envs.lint.scripts]\ncheck = [\"ruff check "
        ".\", \"mypy .\"]\n"
        "[tool.taskipy.tasks]\nserve = {cmd = \"flask run\"}\n");
    const auto f = facts(scan(dir));
    std::map<std::string, json> targets;
    for (const auto& t : f["task_runners"])
      targets[t["tool"].get<std::string>() + ":" + t["name"].get<std::string>()] = t;
    CHECK(targets.count("pdm:_") == 0);
    CHECK(targets["pdm:start"]["command"] == "uvicorn app:app");
    CHECK(targets["pdm:lint"]["command"] == "ruff check .");
    CHECK(targets["hatch:test"]["command"] == "pytest");
    CHECK(targets["hatch:check"]["command"] == "ruff check . && mypy .");
    CHECK(targets["taskipy:serve"]["command"] == "flask run");
  }

  TEST_CASE("local_setup::task runners and tests") {
    TempDir dir;
    dir.write("Makefile",
              ".PHONY: test run\nPY ?= python\n\ntest: deps\n\t@$(PY) -m pytest -q\n\techo done\nrun:\n\tuvicorn "
              "app.main:app --reload\n%.o: %.c\n\tcc $<\n");
    dir.write("justfile", "set dotenv-load\nx := \"1\"\n\n# lint\nlint:\n    ruff check .\n");
    dir.write("Taskfile.yml", "version: '3'\ntasks:\n  migrate:\n    cmds:\n      - alembic upgrade head\n");
    dir.write("pyproject.toml",
              "[project]\nname = \"a\"\nversion = \"0\"\n[project.scripts]\na = \"app.cli:main\"\n"
              "[tool.poe.tasks]\nserve = \"uvicorn app.main:app\"\n[tool.pytest.ini_options]\ntestpaths = [\"tests\"]\n"
              "DJANGO_SETTINGS_MODULE = \"x.settings\"\n");
    dir.write("tox.ini", "[tox]\nenvlist = py311, py312\n");
    dir.write("noxfile.py",
              "import nox\n\n@nox.session\ndef tests(session):\n    pass\n\n@nox.session(python=['3.12'])\ndef "
              "lint(session):\n    pass\n");
    dir.write("tests/conftest.py", "");
    dir.write("tests/test_a.py", "def test_a():\n    pass\n");
    const auto f = facts(scan(dir));
    std::map<std::string, json> targets;
    for (const auto& t : f["task_runners"])
      targets[t["tool"].get<std::string>() + ":" + t["name"].get<std::string>()] = t;
    REQUIRE(targets.count("make:test") == 1);
    CHECK(targets["make:test"]["command"] == "$(PY) -m pytest -q");
    CHECK(targets["make:test"]["phony"] == true);
    CHECK(targets["make:run"]["line"] == 7);
    CHECK(targets.count("make:PY") == 0);
    CHECK(targets.count("make:%.o") == 0);
    CHECK(targets["just:lint"]["command"] == "ruff check .");
    CHECK(targets.count("just:set") == 0);
    CHECK(targets["task:migrate"]["command"] == "alembic upgrade head");
    CHECK(targets["project.scripts:a"]["command"] == "app.cli:main");
    CHECK(targets["poe:serve"]["command"] == "uvicorn app.main:app");
    const auto& t = f["tests"];
    CHECK(t["runner"] == "pytest");
    CHECK(t["testpaths"] == "tests");
    CHECK(t["django_settings_module"] == "x.settings");
    CHECK(t["tox"]["envlist"] == "py311, py312");
    CHECK(t["nox"]["sessions"] == json::array({"tests", "lint"}));
    CHECK(t["test_files"] == 1);
  }

  TEST_CASE("local_setup::python_satisfies") {
    using onramp::checks::local_setup::python_satisfies;
    CHECK(python_satisfies("3.12", ">=3.11") == true);
    CHECK(python_satisfies("3.11", ">=3.12") == false);
    CHECK(python_satisfies("3.12", ">=3.12.1,<3.13") == true);  // a later 3.12 release fits
    CHECK(python_satisfies("3.12.0", ">=3.12.1") == false);
    CHECK(python_satisfies("3.13", ">=3.11,<3.13") == false);
    CHECK(python_satisfies("3.12", "==3.12.*") == true);
    CHECK(python_satisfies("3.13", "==3.12.*") == false);
    CHECK(python_satisfies("3.12", "^3.10") == true);   // Poetry caret: <4
    CHECK(python_satisfies("3.12", "~3.10") == false);  // Poetry tilde: <3.11
    CHECK(python_satisfies("3.12", "~=3.10") == true);  // PEP 440 compatible release: <4
    CHECK(python_satisfies("3.12", "!=3.12.*") == false);
    CHECK(python_satisfies("3.12", ">= 3.14, <4.0") == false);
    CHECK_FALSE(python_satisfies("pypy3.10", ">=3.10").has_value());
  }

  TEST_CASE("local_setup::checklist for a Poetry and compose FastAPI app") {
    TempDir dir;
    dir.write("pyproject.toml",
              "[tool.poetry]\nname = \"svc\"\nversion = \"0\"\npackage-mode = false\n"
              "[tool.poetry.dependencies]\npython = \"^3.12\"\nfastapi = \"*\"\n");
    dir.write(
        "poetry.lock",
        "# lock\n[[package]]\nname = \"fastapi\"\nversion = \"0.115.0\"\n\n[metadata]\npython-versions = \"^3.12\"\n");
    dir.write("app/__init__.py", "");
    dir.write("app/main.py", "from fastapi import FastAPI\n\napp = FastAPI()\n");
    dir.write("app/config.py",
              "import os\nDATABASE_URL = os.environ['DATABASE_URL']\nSECRET = os.environ['APP_SECRET']\n");
    dir.write(".env.example", "DATABASE_URL=postgresql://app:app@localhost/app\nAPP_SECRET=\n");
    dir.write(
        "compose.yaml",
        "services:\n  api:\n    build: .\n    depends_on: [db]\n    environment:\n      REDIS_URL: redis://cache:6379\n"
        "  db:\n    image: postgres:16\n  cache:\n    image: redis:7\n  adminer:\n    image: adminer\n");
    dir.write("alembic.ini", "[alembic]\nscript_location = migrations\n");
    dir.write("migrations/versions/a.py", "from alembic import op\nrevision = 'a1'\ndown_revision = None\n");
    dir.write("tests/test_api.py", "def test_x():\n    pass\n");
    const auto f = facts(scan(dir));
    INFO(f["checklist"].dump(1));
    // Nothing in the code loads .env and the commands are no runner's that would: export it first.
    CHECK(commands(f) == std::vector<std::string>{"cp .env.example .env", "docker compose up -d cache db",
                                                  "poetry install", "set -a; . ./.env; set +a",
                                                  "poetry run alembic upgrade head",
                                                  "poetry run uvicorn app.main:app --reload", "poetry run pytest"});
    CHECK(f["checklist"][0]["why"].get<std::string>().find("fill in APP_SECRET (empty in .env.example)") !=
          std::string::npos);
    CHECK(f["checklist"][4]["source"] == "alembic.ini");
    CHECK(f["checklist"][5]["source"] == "app/main.py");
    CHECK(f["checklist"][5]["line"] == 3);
  }
}
