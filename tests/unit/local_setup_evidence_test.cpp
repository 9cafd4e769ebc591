// Step 2, local setup from evidence: commands classified by their words, shell lines split, entrypoint scripts
// followed, the docs' and CI's commands preferred to derivations, and the process model.
#include <doctest/doctest.h>

#include <map>

#include <string>

#include "onramp/checks/local-setup/documented.hpp"
#include "onramp/checks/local-setup/processes.hpp"
#include "onramp/core/rules.hpp"
#include "onramp/core/steps.hpp"
#include "onramp/engine/pipeline.hpp"
#include "onramp/parse/markdown.hpp"
#include "test_support.hpp"

namespace {

using json = nlohmann::ordered_json;
using onramp::test::TempDir;
namespace ls = onramp::checks::local_setup;

json local_setup(const TempDir& dir) {
  const auto analysis = onramp::test::scan_repo(dir.path());
  return analysis.step_facts[static_cast<std::size_t>(onramp::core::step_by_key("local-setup")->id - 1)];
}

std::string kind(std::string_view command, const std::vector<std::string>& scripts = {}) {
  const auto c = ls::classify_command(command, scripts);
  return std::string(ls::to_string(c.kind)) + (c.system.empty() ? "" : ":" + c.system);
}

/// The checklist row of a kind of step (install, migrate, run, test), found by the words of its reason.
json row_with(const json& f, std::string_view command_part) {
  for (const auto& row : f["checklist"]) {
    if (row["command"].is_string() && row["command"].get<std::string>().find(command_part) != std::string::npos)
      return row;
  }
  return json();
}

}  // namespace

TEST_SUITE("local-setup") {
  TEST_CASE("local_setup::classify_command") {
    CHECK(kind("uv sync --group dev") == "install:uv");
    CHECK(kind("pip install -r requirements.txt") == "install:pip");
    CHECK(kind("python -m pip install -e .[dev]") == "install:pip");
    CHECK(kind("pip install black==23.1.0 ruff") == "other");  // a tool, not the project
    CHECK(kind("poetry install --only main") == "install:poetry");
    CHECK(kind("uv run manage.py migrate") == "migrate:django");
    CHECK(kind("./manage.py db upgrade") == "migrate:flask-migrate");
    CHECK(kind("flask --app app db upgrade") == "migrate:flask-migrate");
    CHECK(kind("FLASK_DEBUG=1 flask --app app run --debug") == "run:flask");
    CHECK(kind("uv run --python 3.12 --dev --frozen pytest") == "test:pytest");
    CHECK(kind("coverage run -m pytest") == "test:pytest");
    CHECK(kind("python manage.py test --parallel") == "test:django");
    CHECK(kind("make test-unit") == "test:make");
    CHECK(kind("uv run celery --app paperless worker -l DEBUG") == "worker:celery");
    CHECK(kind("celery -A proj beat") == "scheduler:celery-beat");
    CHECK(kind("./manage.py rq worker default") == "worker:rq");
    CHECK(kind("./manage.py rq scheduler") == "scheduler:rq-scheduler");
    CHECK(kind("watchmedo auto-restart --directory=./app/ --recursive -- ./manage.py rq worker $QUEUES") ==
          "worker:rq");
    CHECK(kind("rqscheduler --url redis://x") == "scheduler:rq-scheduler");
    CHECK(kind("dramatiq app.tasks") == "worker:dramatiq");
    CHECK(kind("uvicorn app.main:app --reload") == "run:uvicorn");
    // The project's own console script: `prefect server start` runs the server, `prefect deploy` does not.
    CHECK(kind("prefect server start", {"prefect"}) == "run:prefect");
    CHECK(kind("prefect server database upgrade -y", {"prefect"}) == "migrate:prefect");
    CHECK(kind("prefect database upgrade -y", {"prefect"}) == "migrate:prefect");
    CHECK(kind("uv run lnbits", {"lnbits"}) == "run:lnbits");
    CHECK(kind("prefect deploy", {"prefect"}) == "other");
    CHECK(kind("STATIC_DIR=\"\" dispatch server develop --log-level debug", {"dispatch"}) == "run:dispatch");
    CHECK(kind("dispatch database upgrade", {"dispatch"}) == "migrate:dispatch");
    CHECK(kind("echo hello") == "other");
  }

  TEST_CASE("local_setup::split_shell_line") {
    CHECK(ls::split_shell_line("cd src && pytest") == std::vector<std::string>{"cd src", "pytest"});
    CHECK(ls::split_shell_line("a & b & c") == std::vector<std::string>{"a", "b", "c"});
    CHECK(ls::split_shell_line("echo 'a && b' ; ls") == std::vector<std::string>{"echo 'a && b'", "ls"});
    CHECK(ls::split_shell_line("run 2>&1 # note") == std::vector<std::string>{"run 2>&1"});
  }

  TEST_CASE("parse::read_markdown fences nested in list items") {
    // MkDocs-style numbered steps: the fence is indented as the item's content (4 spaces), not a code block.
    const auto doc = onramp::parse::read_markdown(R"(## Setup

1.  Install:

    ```bash
    uv sync --group dev
    ```

2.  Done.

Text.

        ```
        indented code, not a fence
        ```
)");
    REQUIRE(doc.code_blocks.size() == 1);
    CHECK(doc.code_blocks[0].code == "uv sync --group dev\n");
    CHECK(doc.code_blocks[0].line == 5);
    CHECK(doc.code_blocks[0].language == "bash");
  }

  TEST_CASE("local_setup::entrypoint_command") {
    const std::string script = R"(#!/bin/bash
worker() {
  echo "Starting"
  exec /app/manage.py rq worker $QUEUES
}
case "$1" in
  worker)
    shift
    worker
    ;;
  "dev_server"|debug)
    export FLASK_DEBUG=1
    exec /app/manage.py runserver --reload
    ;;
esac
)";
    CHECK(ls::entrypoint_command(script, "worker") == "/app/manage.py rq worker $QUEUES");
    CHECK(ls::entrypoint_command(script, "dev_server") == "/app/manage.py runserver --reload");
    CHECK(ls::entrypoint_command(script, "debug") == "/app/manage.py runserver --reload");
    CHECK(ls::entrypoint_command(script, "missing").empty());
  }

  TEST_CASE("local_setup::documented commands win over derivations, legacy ways lose") {
    TempDir dir;
    dir.write("pyproject.toml", R"([project]
name = "svc"
version = "1"
dependencies = ["fastapi"]

[project.optional-dependencies]
test = ["pytest"]

[tool.uv]
package = false
)");
    dir.write("uv.lock", "version = 1\n");
    dir.write("app/__init__.py", "");
    dir.write("app/main.py", "from fastapi import FastAPI\n\napp = FastAPI()\n");
    dir.write("tests/test_x.py", "def test_x():\n    assert True\n");
    dir.write("docs/development.md", R"(# Development

## Legacy: Poetry

```sh
poetry install
```

## Running locally

```console
$ uv sync --extra test
Resolved 10 packages
$ cd app/..
$ uv run fastapi dev app/main.py
```
)");
    dir.write(".github/workflows/ci.yml", R"(on: [push]
jobs:
  tests:
    runs-on: ubuntu-latest
    steps:
      - run: uv sync --extra test --python "${{ matrix.python }}"
      - run: |
          uv run pytest -x \
            --cov=app
)");
    const auto f = local_setup(dir);
    INFO(f["checklist"].dump(1));
    const auto install = row_with(f, "uv sync");
    CHECK(install["command"] == "uv sync --extra test");
    CHECK(install["source"] == "docs/development.md");
    CHECK(install["line"] == 12);
    // The derivation now finds the extra too, so the two agree and nothing is replaced.
    CHECK(!install.contains("derived"));
    const auto run = row_with(f, "fastapi dev");
    CHECK(run["command"] == "uv run fastapi dev app/main.py");
    CHECK(run["derived"] == "uv run uvicorn app.main:app --reload");
    CHECK(run["why"].get<std::string>().find("under \"Development > Running locally\"") != std::string::npos);
    const auto test = row_with(f, "pytest");
    CHECK(test["command"] == "uv run pytest -x --cov=app");
    CHECK(test["source"] == ".github/workflows/ci.yml");
    CHECK(test["why"].get<std::string>().find("as the CI job `tests` does") != std::string::npos);
    CHECK(row_with(f, "poetry").is_null());
  }

  TEST_CASE("local_setup::a guide whose blocks carry a `> ` prompt on every line is a transcript") {
    TempDir dir;
    dir.write("pyproject.toml", R"([project]
name = "svc"
version = "1"
dependencies = ["fastapi"]

[project.optional-dependencies]
dev = ["pytest"]

[project.scripts]
svc = "svc.cli:main"
)");
    dir.write("src/svc/__init__.py", "");
    dir.write("src/svc/main.py", "from fastapi import FastAPI\n\napp = FastAPI()\n");
    dir.write("src/svc/cli.py", "import click\n\n@click.group()\ndef main():\n    pass\n");
    dir.write("docs/contributing/environment.mdx", R"(# Environment

Install it:

```bash
> uv pip install -e .[dev]
```

Run the dev server:

```bash
> svc server develop --log-level debug
```

Not a transcript: only some lines carry the prompt.

```bash
cat <<END
> svc server start
END
```
)");
    const auto f = local_setup(dir);
    INFO(f["checklist"].dump(1));
    const auto install = row_with(f, "uv pip install");
    CHECK(install["command"] == "uv pip install -e .[dev]");
    CHECK(install["source"] == "docs/contributing/environment.mdx");
    const auto run = row_with(f, "server develop");
    CHECK(run["command"] == "svc server develop --log-level debug");
    CHECK(run["source"] == "docs/contributing/environment.mdx");
    CHECK(row_with(f, "server start").is_null());
  }

  TEST_CASE("local_setup::a dev requirements file that does not include the main one is installed with it") {
    const auto install = [](const std::map<std::string, std::string>& files) {
      TempDir dir;
      dir.write("app/__init__.py", "import flask\n");
      for (const auto& [path, text] : files) dir.write(path, text);
      const auto f = local_setup(dir);
      INFO(f["checklist"].dump(1));
      return row_with(f, "pip install")["command"].get<std::string>();
    };
    const std::string venv = "python -m venv .venv && . .venv/bin/activate && pip install -r ";
    // DefectDojo: requirements-dev.txt lists only the development tools.
    CHECK(install({{"requirements.txt", "flask==3.0.3\n"}, {"requirements-dev.txt", "pytest==8.2.2\n"}}) ==
          venv + "requirements.txt -r requirements-dev.txt");
    CHECK(install({{"requirements.txt", "flask==3.0.3\n"},
                   {"requirements-dev.txt", "-r requirements.txt\npytest==8.2.2\n"}}) == venv + "requirements-dev.txt");
    // Followed through a second file; a constraint (-c) installs nothing.
    CHECK(install({{"requirements/base.txt", "flask==3.0.3\n"},
                   {"requirements/common.txt", "-r base.txt\n"},
                   {"requirements/dev.txt", "-r common.txt\npytest==8.2.2\n"}}) == venv + "requirements/dev.txt");
    CHECK(install({{"requirements.txt", "flask==3.0.3\n"},
                   {"requirements-dev.txt", "-c requirements.txt\npytest==8.2.2\n"}}) ==
          venv + "requirements.txt -r requirements-dev.txt");
  }

  TEST_CASE("local_setup::processes from compose through the entrypoint script, supervisord and the code") {
    TempDir dir;
    dir.write("requirements.txt", "flask\nrq\nrq-scheduler\ncelery\n");
    dir.write("manage.py", "import sys\n");
    dir.write("app/__init__.py", "from flask import Flask\n\napp = Flask(__name__)\n");
    dir.write("app/jobs.py", "from rq import Queue\nfrom rq_scheduler import Scheduler\n\nq = Queue('mail')\n");
    dir.write("app/celery_app.py",
              "from celery import Celery\n\ncelery = Celery('app')\ncelery.conf.beat_schedule = {'tick': {'task': "
              "'app.tick', 'schedule': 60}}\n");
    dir.write("bin/entry",
              "#!/bin/sh\ncase \"$1\" in\n  worker)\n    exec /app/manage.py rq worker mail\n    ;;\nesac\n");
    dir.write("Dockerfile", "FROM python:3.12\nENTRYPOINT [\"/app/bin/entry\"]\nCMD [\"worker\"]\n");
    dir.write("compose.yaml", "services:\n  worker:\n    build: .\n    command: worker\n");
    dir.write("worker.conf", "[program:mailer]\ncommand=/app/manage.py rq worker mail --burst\n");
    dir.write("Procfile", "web: gunicorn app:app\nrelease: flask db upgrade\n");
    const auto f = local_setup(dir);
    INFO(f["processes"].dump(1));
    std::vector<std::string> rows;
    for (const auto& p : f["processes"])
      rows.push_back(p["kind"].get<std::string>() + " " + p["source"].get<std::string>() + " " +
                     p["command"].get<std::string>());
    CHECK(rows == std::vector<std::string>{
                      "web procfile gunicorn app:app",
                      "worker compose ./manage.py rq worker mail",
                      "worker supervisord ./manage.py rq worker mail --burst",
                      "worker code celery -A app.celery_app worker -l INFO",
                      "scheduler code celery -A app.celery_app beat -l INFO",
                      "scheduler code rqscheduler",
                  });
    CHECK(f["processes"][1]["detail"] == "`worker` through bin/entry");
  }
}
