#include "onramp/core/files.hpp"

namespace onramp::core {

std::string_view to_string(FileKind kind) {
  switch (kind) {
    case FileKind::python: return "python";
    case FileKind::requirements: return "requirements";
    case FileKind::pyproject: return "pyproject";
    case FileKind::setup_cfg: return "setup-cfg";
    case FileKind::pipfile: return "pipfile";
    case FileKind::lockfile: return "lockfile";
    case FileKind::dockerfile: return "dockerfile";
    case FileKind::compose: return "compose";
    case FileKind::env: return "env";
    case FileKind::ci: return "ci";
    case FileKind::task_runner: return "task-runner";
    case FileKind::docs: return "docs";
    case FileKind::ide: return "ide";
    case FileKind::python_version: return "python-version";
    case FileKind::other: return "other";
  }
  return "other";
}

std::string_view owning_root(const std::vector<std::string>& roots, std::string_view path) {
  std::string_view best = ".";
  for (const auto& r : roots) {
    if (r == ".") continue;
    if (path.size() > r.size() && path.starts_with(r) && path[r.size()] == '/' && r.size() > best.size()) best = r;
  }
  return best;
}

}  // namespace onramp::core
