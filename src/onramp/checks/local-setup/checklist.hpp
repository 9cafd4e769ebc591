#pragma once
// The "run it locally" checklist: ordered commands derived from the repository, each citing where it came from.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "onramp/checks/local-setup/documented.hpp"
#include "onramp/checks/local-setup/env_table.hpp"
#include "onramp/checks/local-setup/migrations.hpp"
#include "onramp/checks/local-setup/runners.hpp"
#include "onramp/model/project.hpp"
#include "onramp/parse/manifests.hpp"

namespace onramp::checks::local_setup {

struct Process;

/// One line of the checklist; `command` is empty when the step could not be derived (`why` says what is missing).
struct ChecklistItem {
  std::string command;
  std::string cwd = ".";
  std::string why;
  std::string source;
  std::uint32_t line = 0;
  /// env, services, install, migrate, run, test, export (not in the output).
  std::string kind;
  /// The command loads .env itself (a runner's envfile, a script that sources it).
  bool loads_env = false;
  /// What onramp would have derived, when the repository documents another command (`uv sync` where the docs say
  /// `uv sync --group dev`); empty when they agree or nothing was derived.
  std::string derived;
};

/// An ASGI/WSGI application object or factory found in the code (`app = FastAPI()` in app/main.py).
struct AppObject {
  std::string framework;  // fastapi, starlette, litestar, quart, flask, sanic, falcon, aiohttp, django
  std::string target;     // `app.main:app`, `app:create_app`
  bool factory = false;
  std::string path;
  std::uint32_t line = 0;
  std::string root;  // the project root it belongs to
};

/// Application objects and factories: the ones a developer runs first (ASGI, then WSGI, then Celery; a load-test,
/// mock, benchmark or CLI helper app last), in path order within each.
std::vector<AppObject> find_app_objects(const model::Project& project);

/// Everything the checklist is derived from.
struct ChecklistInputs {
  const model::Project& project;
  const EnvTable& env;
  const std::vector<MigrationSet>& migrations;
  const TestSetup& tests;
  const std::vector<TaskTarget>& tasks;
  const std::vector<parse::RootManifest>& roots;
  const std::vector<AppObject>& apps;
  /// What the docs and CI write out; they outrank the derivations.
  const std::vector<DocumentedCommand>& documented;
  /// The process model (processes.hpp): a compose or Procfile web process that runs a development server is how to
  /// start the application when no target says.
  const std::vector<Process>& processes;
};

/// The ordered checklist: environment file, backing services, install, migrate, run, test (per application root).
std::vector<ChecklistItem> build_checklist(const ChecklistInputs& in);

/// The install command of a root (`uv sync`, `poetry install`, `pip install -r requirements/dev.txt`) and its source;
/// nullopt when the tool is unknown.
std::optional<ChecklistItem> install_command(const model::Project& project, const parse::RootManifest& root);

/// What goes before a Python command when the install tool manages the environment (`uv run `, `poetry run `).
std::string run_prefix(std::string_view install_tool);

}  // namespace onramp::checks::local_setup
