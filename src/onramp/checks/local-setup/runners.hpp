#pragma once
// The test set-up (pytest, tox, nox configuration) and the task runners' targets (Makefile, justfile, Taskfile,
// scripts/*.sh, pyproject scripts) of a repository.
#include <cstdint>
#include <string>
#include <vector>

#include "onramp/model/project.hpp"

namespace onramp::checks::local_setup {

/// One target of a task runner.
struct TaskTarget {
  /// make, just, task, script, project.scripts, poetry.scripts, pdm, hatch, poe, taskipy
  std::string tool;
  std::string path;
  std::uint32_t line = 0;
  std::string name;
  /// The recipe's first command (make, just, task, scripts), the script's target (`app.cli:main`), or the command.
  std::string command;
  /// Every command of the recipe, for finding which target runs the tests or the migrations.
  std::string body;
  bool phony = false;
  /// How to run it from the directory of `path` (`make test`, `just dev`, `bash scripts/test.sh`, `poe test`).
  std::string invoke;
  /// The runner loads .env itself (poe `envfile`, just `set dotenv-load`, a script that sources it, make `include .env`).
  bool loads_env = false;
};

/// A test runner configuration file section.
struct TestConfig {
  std::string path;
  std::uint32_t line = 0;
  std::string section;  // [tool.pytest.ini_options], [pytest], [tool:pytest], [tox], [testenv]
};

/// What onramp knows about running the tests.
struct TestSetup {
  std::string runner;  // pytest, unittest, "" when no tests were found
  std::vector<TestConfig> configs;
  std::string testpaths;
  std::string addopts;
  std::string django_settings_module;
  std::vector<std::string> conftests;
  std::size_t test_files = 0;
  std::string tox_envlist;
  std::string tox_path;
  std::vector<std::string> nox_sessions;
  std::string nox_path;
};

std::vector<TaskTarget> find_task_targets(const model::Project& project);
TestSetup find_test_setup(const model::Project& project);

}  // namespace onramp::checks::local_setup
