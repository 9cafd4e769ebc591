#pragma once
// CI workflows read from their YAML: GitHub Actions (.github/workflows/*.yml) and GitLab CI (.gitlab-ci.yml), as
// jobs with their steps' shell commands, environment variables and service containers. Nothing is run.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "onramp/parse/documents.hpp"

namespace onramp::parse {

/// One `env:` (GitHub) or `variables:` (GitLab) entry; the value is never printed unmasked.
struct WorkflowEnv {
  std::string key;
  /// Absent when the value is not a scalar (a GitLab `{value: ..., description: ...}` map keeps its value).
  std::optional<std::string> value;
  std::uint32_t line = 0;
};

/// A service container a job starts (`services: {postgres: {image: postgres:16}}`, GitLab `services: [redis:7]`).
struct WorkflowService {
  std::string name;
  std::string image;
  std::uint32_t line = 0;        // the service's entry
  std::uint32_t image_line = 0;  // the image scalar
  std::vector<WorkflowEnv> env;
};

/// One step: a GitHub step (`run:` or `uses:`), or one line of a GitLab `before_script`/`script`/`after_script`.
struct WorkflowStep {
  std::string name;
  /// The shell command(s), as written (a multi-line `run: |` keeps its lines).
  std::string run;
  /// The action (`actions/setup-python@v5`); "" for a run step.
  std::string uses;
  std::string working_directory;
  std::vector<WorkflowEnv> env;
  std::uint32_t line = 0;
};

struct WorkflowJob {
  std::string name;
  std::uint32_t line = 0;
  /// GitLab: a hidden job (`.template:`), only extended by others.
  bool hidden = false;
  /// The container image the job runs in (`container:`/`container.image`, GitLab `image:`), "" when none.
  std::string image;
  std::vector<WorkflowEnv> env;
  /// GitHub `container.env`.
  std::vector<WorkflowEnv> container_env;
  std::vector<WorkflowService> services;
  std::vector<WorkflowStep> steps;
};

struct Workflow {
  enum class System { github, gitlab };
  System system = System::github;
  std::string path;
  /// Workflow-level `env:` (GitHub) or top-level `variables:` (GitLab).
  std::vector<WorkflowEnv> env;
  /// GitLab top-level `image:` and `services:` apply to every job.
  std::string image;
  std::vector<WorkflowService> services;
  std::vector<WorkflowJob> jobs;  // in file order
  /// The YAML error or a bad shape, with position (line 0 when unknown).
  std::vector<std::pair<std::uint32_t, std::string>> errors;
};

/// `path` decides the system (`.gitlab-ci.yml` is GitLab, anything else GitHub Actions).
Workflow read_workflow(const parse::YamlDocument& doc, const std::string& path);

}  // namespace onramp::parse
