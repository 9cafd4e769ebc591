#pragma once
// The process model: every process the system runs (web servers, task workers, schedulers), each with the command
// that starts it and where that command is written (Procfile, compose, supervisord, Dockerfile CMD, a task runner's
// target, the docs) or, when nothing writes it out, what the code implies (an app object, a Celery app with a beat
// schedule, RQ queues, rq-scheduler jobs, dramatiq actors, an arq WorkerSettings, a Huey instance).
#include <cstdint>
#include <string>
#include <vector>

#include "onramp/checks/local-setup/checklist.hpp"
#include "onramp/checks/local-setup/documented.hpp"
#include "onramp/checks/local-setup/runners.hpp"
#include "onramp/model/project.hpp"

namespace onramp::checks::local_setup {

/// One process of the system.
struct Process {
  /// web, worker, scheduler, consumer, command (a long-running command kept beside the web server)
  std::string kind;
  /// What runs it: django/manage.py, flask, uvicorn, gunicorn, celery, celery-beat, rq, rq-scheduler, dramatiq, arq,
  /// huey, django-q, taskiq, or the project's own console script.
  std::string system;
  /// The compose service, Procfile entry, supervisord program or target; the app object for code.
  std::string name;
  /// The command that starts it, as written where it is declared (`./manage.py rq worker`).
  std::string command;
  /// procfile, compose, supervisord, uwsgi (attach-daemon), service (s6/runit run script), docs, make/just target,
  /// script, dockerfile, code
  std::string source;
  std::string path;
  std::uint32_t line = 0;
  /// What else onramp knows (`through bin/docker-entrypoint dev_worker`, `3 beat entries`).
  std::string detail;
};

struct ProcessInputs {
  const model::Project& project;
  const std::vector<AppObject>& apps;
  const std::vector<TaskTarget>& tasks;
  const std::vector<DocumentedCommand>& documented;
  const std::vector<std::string>& console_scripts;
};

/// The processes, web first, then workers and schedulers; declared ones before what the code implies.
std::vector<Process> find_processes(const ProcessInputs& in);

/// The command a Docker entrypoint script runs for `word` (`dev_server` -> `./manage.py runserver --reload`): its
/// `case` branch, followed into a shell function it calls, the `exec` line. Empty when the script does not say.
std::string entrypoint_command(std::string_view script, std::string_view word);

}  // namespace onramp::checks::local_setup
