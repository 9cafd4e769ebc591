// Per-root manifests: which files declare what, which lockfile governs, which Python versions are stated.
#include <algorithm>
#include <optional>
#include <set>

#include "onramp/model/inputs.hpp"
#include "onramp/model/manifests.hpp"
#include "onramp/parse/dockerfile.hpp"
#include "onramp/parse/documents.hpp"
#include "onramp/parse/ini.hpp"
#include "onramp/util/paths.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::model {

// This file assembles the readers of parse/ into each root's manifests.
using namespace onramp::parse;  // NOLINT(google-build-using-namespace)

namespace {

std::string join(std::string_view root, std::string_view name) {
  return root == "." || root.empty() ? std::string(name) : std::string(root) + "/" + std::string(name);
}

/// `python:3.12-slim` -> `3.12`; `ghcr.io/astral-sh/uv:python3.12-bookworm` -> `3.12`; empty when no version shows.
std::string docker_python_version(std::string_view image) {
  if (const auto at = image.find('@'); at != std::string_view::npos) image = image.substr(0, at);
  const auto colon = image.rfind(':');
  if (colon == std::string_view::npos || image.find('/', colon) != std::string_view::npos) return {};
  const auto repo = image.substr(0, colon);
  auto tag = image.substr(colon + 1);
  if (util::base_name(repo) != "python") {
    const auto p = tag.find("python");
    if (p == std::string_view::npos) return {};
    tag = tag.substr(p + 6);
  }
  std::size_t n = 0;
  while (n < tag.size() && ((tag[n] >= '0' && tag[n] <= '9') || tag[n] == '.')) ++n;
  auto v = tag.substr(0, n);
  while (!v.empty() && v.back() == '.') v.remove_suffix(1);
  return std::string(v);
}

void read_dockerfile_from(const Dockerfile& df, const std::string& path, std::vector<PythonVersion>& out) {
  for (const auto& stage : df.stages) {
    if (auto v = docker_python_version(stage.image); !v.empty()) out.push_back({v, path, stage.line, "dockerfile"});
  }
}

bool is_in(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

/// Lockfile names in the order a tie is broken when a root has several and no tool section decides.
constexpr const char* kLockNames[] = {"uv.lock", "poetry.lock", "pdm.lock", "Pipfile.lock", "pylock.toml"};

struct RootWork {
  RootManifest manifest;
  Pyproject pyproject;
  bool has_pyproject = false;
};

void read_requirements_of_root(const Project& project, RootWork& work) {
  auto& m = work.manifest;
  // Every requirements file this root owns, plus files they include that discovery did not classify.
  std::vector<std::string> queue;
  for (const auto* f : project.files_of(core::FileKind::requirements)) {
    if (core::owning_root(project.roots, f->path) == m.path) queue.push_back(f->path);
  }
  std::map<std::string, RequirementsFile> files;
  std::set<std::string> constraint_only;
  std::set<std::string> included_as_requirement;
  std::vector<core::Problem> problems;
  for (std::size_t i = 0; i < queue.size(); ++i) {
    const auto path = queue[i];
    if (files.contains(path)) continue;
    const auto* read = project.inputs().requirements(path);
    if (read == nullptr) continue;
    files[path] = read->value;
    problems.insert(problems.end(), read->problems.begin(), read->problems.end());
    for (const auto& inc : files[path].includes) {
      const auto target = util::normalize_path(join(util::parent_dir(path), inc.path));
      if (target.empty() || project.find(target) == nullptr) {
        if (inc.path.find("://") != std::string::npos) continue;  // a remote file: nothing to read
        problems.push_back({path, "broken-manifest", inc.line,
                            (inc.constraint ? "constraints file `" : "included file `") + inc.path +
                                "` not found (line " + std::to_string(inc.line) + ")"});
        continue;
      }
      if (inc.constraint) constraint_only.insert(target);
      else included_as_requirement.insert(target);
      queue.push_back(target);
    }
  }
  // Include cycles: pip would loop or fail; say where. Depth first with an explicit stack: a repository can chain
  // any number of files.
  std::set<std::string> done, on_stack;
  std::vector<std::pair<std::string, std::size_t>> stack;  // a file and the next of its includes to follow
  for (const auto& [start, _] : files) {
    if (done.contains(start)) continue;
    stack.emplace_back(start, 0);
    on_stack.insert(start);
    while (!stack.empty()) {
      const std::string path = stack.back().first;
      const auto& includes = files[path].includes;
      if (stack.back().second == includes.size()) {
        stack.pop_back();
        on_stack.erase(path);
        done.insert(path);
        continue;
      }
      const auto& inc = includes[stack.back().second++];
      const auto target = util::normalize_path(join(util::parent_dir(path), inc.path));
      if (!files.contains(target) || done.contains(target)) continue;
      if (on_stack.contains(target)) {
        std::string cycle;
        auto it = std::find_if(stack.begin(), stack.end(), [&](const auto& frame) { return frame.first == target; });
        for (; it != stack.end(); ++it) cycle += it->first + " -> ";
        problems.push_back({path, "broken-manifest", inc.line,
                            "include cycle: " + cycle + target + " (line " + std::to_string(inc.line) + ")"});
        continue;
      }
      stack.emplace_back(target, 0);
      on_stack.insert(target);
    }
  }
  for (auto& p : problems) m.broken.push_back(std::move(p));

  // pip-tools: `x.in` compiles to `x.txt` beside it; the .in declares, the .txt locks.
  for (auto& [path, file] : files) {
    const bool is_in_file = path.size() > 3 && path.substr(path.size() - 3) == ".in";
    std::string compiled_twin;
    if (!is_in_file && path.size() > 4 && path.substr(path.size() - 4) == ".txt") {
      const auto twin = path.substr(0, path.size() - 4) + ".in";
      if (files.contains(twin)) compiled_twin = twin;
    }
    const bool lock = file.compiled || !compiled_twin.empty();
    if (lock) {
      m.lockfiles.push_back(path);
      for (const auto& d : file.dependencies) {
        if (d.spec.rfind("==", 0) == 0 && !m.locked.contains(d.name)) m.locked[d.name] = d.spec.substr(2);
      }
    }
    if (constraint_only.contains(path) && !included_as_requirement.contains(path)) {
      for (const auto& d : file.dependencies) {
        if (d.spec.rfind("==", 0) == 0 && !m.locked.contains(d.name)) m.locked[d.name] = d.spec.substr(2);
        m.constraints[d.name] = d.spec;
      }
      m.manifests.push_back(path);
      continue;
    }
    if (!compiled_twin.empty()) continue;  // its .in is the declaration
    m.manifests.push_back(path);
    for (auto& d : file.dependencies) {
      if (file.compiled && is_in(file.transitive, d.name)) continue;  // pulled in by another package
      m.packages.push_back(std::move(d));
    }
  }
}

void read_python_versions(const Project& project, RootWork& work) {
  auto& m = work.manifest;
  // .python-version: pyenv and uv look in the directory and its parents
  for (std::string dir = m.path;;) {
    const auto path = join(dir, ".python-version");
    if (project.find(path) != nullptr) {
      if (const auto* text = project.inputs().text(path)) {
        std::uint32_t n = 0;
        for (auto l : util::split(*text, '\n')) {
          ++n;
          l = util::trim(l);
          if (l.empty() || l[0] == '#') continue;
          m.python.push_back({std::string(l), path, n, ".python-version"});
          break;
        }
      }
      break;
    }
    if (dir == ".") break;
    const auto parent = util::parent_dir(dir);
    dir = parent.empty() ? "." : std::string(parent);
  }
  if (const auto path = join(m.path, "runtime.txt"); project.find(path) != nullptr) {
    if (const auto* text = project.inputs().text(path)) {
      auto v = util::trim(*text);
      if (v.substr(0, 7) == "python-") v = v.substr(7);
      if (!v.empty()) m.python.push_back({std::string(v.substr(0, v.find('\n'))), path, 1, "runtime.txt"});
    }
  }
  for (const auto* f : project.files_of(core::FileKind::dockerfile)) {
    if (core::owning_root(project.roots, f->path) != m.path) continue;
    if (const auto* df = project.inputs().dockerfile(f->path)) read_dockerfile_from(*df, f->path, m.python);
  }
  for (const char* name : {"ruff.toml", ".ruff.toml"}) {
    const auto path = join(m.path, name);
    if (project.find(path) == nullptr) continue;
    const auto* parsed = project.inputs().toml(path);
    if (parsed == nullptr || parsed->error) continue;  // the style step reports broken tool configs
    if (const auto* tv = parsed->table["target-version"].node(); tv != nullptr && tv->is_string()) {
      auto v = tv->as_string()->get();
      if (v.size() >= 4 && v.substr(0, 2) == "py") v = v.substr(2, 1) + "." + v.substr(3);
      m.python.push_back({v, path, static_cast<std::uint32_t>(tv->source().begin.line), "ruff target-version"});
    }
  }
  for (const char* name : {"mypy.ini", ".mypy.ini"}) {
    const auto path = join(m.path, name);
    if (project.find(path) == nullptr) continue;
    if (const auto* ini = project.inputs().ini(path)) {
      if (const auto* s = find_section(ini->sections, "mypy")) {
        if (const auto* e = s->find("python_version"))
          m.python.push_back({e->value, path, e->line, "mypy python_version"});
      }
    }
  }
}

/// setup.py is never run: the walk recorded the `setup(...)` call's literal arguments (facts::SetupCall).
void read_setup_py_call(const Project& project, RootWork& work) {
  auto& m = work.manifest;
  const auto path = join(m.path, "setup.py");
  const auto it = std::find_if(project.modules.begin(), project.modules.end(),
                               [&](const facts::Module& mod) { return mod.path == path; });
  if (it == project.modules.end() || it->records.setup_calls.empty()) return;
  for (const auto& call : it->records.setup_calls) {
    for (const auto& r : call.requirements) {
      const auto req = parse_requirement(r.requirement);
      if (req.name.empty()) continue;
      Dependency d;
      d.name = req.name;
      d.spec = req.spec;
      d.group = r.group;
      d.scope = r.scope == facts::DependencyScope::main    ? "main"
                : r.scope == facts::DependencyScope::build ? "build"
                : r.scope == facts::DependencyScope::dev   ? "dev"
                                                           : "extra";
      d.source = path;
      d.line = r.location.line;
      d.extras = req.extras;
      d.markers = req.markers;
      d.url = req.url;
      d.pin = req.url.empty() ? interpret_spec(req.spec) : "direct";
      m.packages.push_back(std::move(d));
    }
    if (call.python_requires)
      m.python.push_back({*call.python_requires, path, call.python_requires_location.line, "python_requires"});
    for (const auto& u : call.unread) {
      m.unread.push_back(path + ":" + std::to_string(u.location.line) + ": " + u.argument + " " + u.why + ", not read");
    }
  }
  m.manifests.push_back(path);
}

/// Walks the lockfile's graph from the root's declarations (and its own project entry, whose dependencies and
/// groups a uv.lock records), remembering through which declared distribution each package comes.
/// For each declared distribution that another declared one depends on in the lock (through any chain), the first
/// such other one by name.
std::map<std::string, std::string, std::less<>> required_by(const Lockfile& lock, const RootManifest& m) {
  std::map<std::string, std::string, std::less<>> out;
  if (lock.dependencies.empty()) return out;
  std::set<std::string, std::less<>> declared;
  for (const auto& d : m.packages) {
    if (d.scope != "build") declared.insert(d.name);
  }
  for (const auto& parent : declared) {
    const auto start = lock.dependencies.find(parent);
    if (start == lock.dependencies.end()) continue;
    std::vector<std::string> queue(start->second.begin(), start->second.end());
    std::set<std::string> seen{parent};
    for (std::size_t i = 0; i < queue.size(); ++i) {
      const std::string entry = queue[i];
      const auto bracket = entry.find('[');
      const std::string name = entry.substr(0, bracket);
      if (bracket != std::string::npos) {
        const auto extra = entry.substr(bracket + 1, entry.size() - bracket - 2);
        if (const auto p = lock.extras.find(name); p != lock.extras.end()) {
          if (const auto x = p->second.find(extra); x != p->second.end())
            queue.insert(queue.end(), x->second.begin(), x->second.end());
        }
      }
      if (!seen.insert(name).second) continue;
      if (declared.contains(name)) out.emplace(name, parent);
      if (const auto it = lock.dependencies.find(name); it != lock.dependencies.end())
        queue.insert(queue.end(), it->second.begin(), it->second.end());
    }
  }
  return out;
}

std::map<std::string, std::string, std::less<>> installed_closure(const Lockfile& lock, const RootManifest& m) {
  std::map<std::string, std::string, std::less<>> out;
  if (lock.dependencies.empty()) return out;
  std::vector<std::pair<std::string, std::string>> queue;  // (name or name[extra], via)
  for (const auto& d : m.packages) {
    if (d.scope == "build") continue;
    queue.emplace_back(d.name, d.name);
    for (const auto& e : d.extras) queue.emplace_back(d.name + "[" + e + "]", d.name);
  }
  if (!m.name.empty()) {
    if (const auto it = lock.dependencies.find(m.name); it != lock.dependencies.end()) {
      for (const auto& e : it->second) queue.emplace_back(e, e.substr(0, e.find('[')));
    }
    if (const auto it = lock.groups.find(m.name); it != lock.groups.end()) {
      for (const auto& e : it->second) queue.emplace_back(e, e.substr(0, e.find('[')));
    }
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < queue.size(); ++i) {
    const auto [entry, via] = queue[i];
    if (!seen.insert(entry).second) continue;
    const auto bracket = entry.find('[');
    const auto name = entry.substr(0, bracket);
    out.emplace(name, via);
    if (bracket != std::string::npos) {
      const auto extra = entry.substr(bracket + 1, entry.size() - bracket - 2);
      if (const auto p = lock.extras.find(name); p != lock.extras.end()) {
        if (const auto x = p->second.find(extra); x != p->second.end()) {
          for (const auto& e : x->second) queue.emplace_back(e, via);
        }
      }
      queue.emplace_back(name, via);
      continue;
    }
    if (const auto it = lock.dependencies.find(name); it != lock.dependencies.end()) {
      for (const auto& e : it->second) queue.emplace_back(e, via);
    }
  }
  return out;
}

}  // namespace

namespace {

std::vector<RootManifest> compute_roots(const Project& project) {
  std::vector<RootWork> work;
  for (const auto& root : project.roots) {
    RootWork w;
    auto& m = w.manifest;
    m.path = root;
    if (const auto path = join(root, "pyproject.toml"); project.find(path) != nullptr) {
      if (const auto* doc = project.inputs().toml(path)) {
        w.pyproject = read_pyproject_file(*doc, path, m.broken);
        w.has_pyproject = true;
        m.manifests.push_back(path);
        m.name = w.pyproject.name;
        m.packages = w.pyproject.dependencies;
        m.python = w.pyproject.python;
      }
    }
    if (const auto path = join(root, "setup.cfg"); project.find(path) != nullptr) {
      const auto* text = project.inputs().text(path);
      const auto* ini = project.inputs().ini(path);
      if (text != nullptr && ini != nullptr) {
        auto deps = read_setup_cfg(*text, ini->sections, path, m.python);
        if (!deps.empty()) m.manifests.push_back(path);
        if (m.name.empty()) {
          if (const auto* meta = find_section(ini->sections, "metadata")) {
            if (const auto* e = meta->find("name")) m.name = normalize_package_name(e->value);
          }
        }
        m.packages.insert(m.packages.end(), deps.begin(), deps.end());
      }
    }
    read_setup_py_call(project, w);
    if (const auto path = join(root, "Pipfile"); project.find(path) != nullptr) {
      if (const auto* doc = project.inputs().toml(path)) {
        auto deps = read_pipfile(*doc, path, m.python, m.broken);
        m.manifests.push_back(path);
        m.packages.insert(m.packages.end(), deps.begin(), deps.end());
      }
    }
    for (const char* name : {"environment.yml", "environment.yaml"}) {
      const auto path = join(root, name);
      if (project.find(path) == nullptr) continue;
      if (const auto* doc = project.inputs().yaml(path)) {
        auto deps = read_environment_yml(*doc, path, m.python, m.broken);
        m.manifests.push_back(path);
        m.packages.insert(m.packages.end(), deps.begin(), deps.end());
      }
    }
    read_requirements_of_root(project, w);
    read_python_versions(project, w);
    work.push_back(std::move(w));
  }

  // uv workspaces: members matched by the workspace root's globs, relative to it.
  for (auto& ws : work) {
    if (ws.pyproject.workspace_members.empty()) continue;
    for (auto& member : work) {
      if (&member == &ws) continue;
      const auto& mp = member.manifest.path;
      std::string rel;
      if (ws.manifest.path == ".") rel = mp;
      else if (mp.size() > ws.manifest.path.size() &&
               mp.substr(0, ws.manifest.path.size() + 1) == ws.manifest.path + "/")
        rel = mp.substr(ws.manifest.path.size() + 1);
      else continue;
      const auto matches = [&](const std::vector<std::string>& globs) {
        return std::any_of(globs.begin(), globs.end(),
                           [&](const std::string& g) { return util::glob_match(util::normalize_path(g), rel); });
      };
      if (!matches(ws.pyproject.workspace_members) || matches(ws.pyproject.workspace_exclude)) continue;
      if (!member.manifest.workspace.empty()) continue;
      member.manifest.workspace = ws.manifest.path;
      ws.manifest.members.push_back(mp);
    }
  }

  std::vector<RootManifest> out;
  for (auto& w : work) {
    auto& m = w.manifest;
    // Lockfiles of this root (pip-tools ones were found with the requirements).
    std::vector<Lockfile> locks;
    for (const char* name : kLockNames) {
      const auto path = join(m.path, name);
      if (project.find(path) == nullptr) continue;
      if (const auto* lock = project.inputs().lockfile(path)) {
        locks.push_back(lock->value);
        m.broken.insert(m.broken.end(), lock->problems.begin(), lock->problems.end());
      }
    }
    const Lockfile* governing = nullptr;
    const auto pick = [&](std::string_view tool) {
      for (const auto& l : locks) {
        if (l.tool == tool && governing == nullptr) governing = &l;
      }
    };
    if (w.pyproject.poetry) pick("poetry");
    if (w.pyproject.pdm) pick("pdm");
    if (project.find(join(m.path, "Pipfile")) != nullptr) pick("pipenv");
    if (governing == nullptr && !locks.empty()) governing = &locks.front();
    std::vector<std::string> pip_locks = m.lockfiles;
    m.lockfiles.clear();
    for (const auto& l : locks) m.lockfiles.push_back(l.path);
    m.lockfiles.insert(m.lockfiles.end(), pip_locks.begin(), pip_locks.end());
    std::string lock_tool;
    std::optional<Lockfile> member_lock;
    if (governing != nullptr) {
      m.lockfile = governing->path;
      lock_tool = governing->tool;
      for (const auto& [k, v] : governing->versions) m.locked[k] = v;  // the lock wins over constraint pins
      if (!governing->requires_python.empty()) {
        m.python.push_back(
            {governing->requires_python, governing->path, governing->requires_python_line, "lockfile requires-python"});
      }
    } else if (!m.workspace.empty()) {
      // A member of a uv workspace: the workspace root's lockfile governs.
      for (const auto& ws : work) {
        if (ws.manifest.path != m.workspace) continue;
        const auto path = join(ws.manifest.path, "uv.lock");
        if (project.find(path) == nullptr) break;
        if (const auto* lock = project.inputs().lockfile(path)) {
          member_lock = lock->value;  // its problems are reported on the workspace root
          m.lockfile = path;
          lock_tool = "uv";
          for (const auto& [k, v] : member_lock->versions) m.locked[k] = v;
        }
      }
    } else if (!pip_locks.empty()) {
      // pip-tools: prefer the main compiled file (requirements.txt) over dev ones
      m.lockfile = pip_locks.front();
      for (const auto& p : pip_locks) {
        if (util::base_name(p) == "requirements.txt") m.lockfile = p;
      }
      lock_tool = "pip-tools";
    }
    const bool has_requirements = std::any_of(m.manifests.begin(), m.manifests.end(), [](const std::string& p) {
      return p.size() > 4 && (p.substr(p.size() - 4) == ".txt" || p.substr(p.size() - 3) == ".in");
    });
    const bool has_in = std::any_of(m.manifests.begin(), m.manifests.end(), [](const std::string& p) {
      return p.size() > 3 && p.substr(p.size() - 3) == ".in";
    });
    const auto& py = w.pyproject;
    if (!lock_tool.empty() && lock_tool != "pylock") m.install_tool = lock_tool;
    else if (py.poetry) m.install_tool = "poetry";
    else if (py.pdm) m.install_tool = "pdm";
    else if (project.find(join(m.path, "Pipfile")) != nullptr) m.install_tool = "pipenv";
    else if (py.uv || !m.workspace.empty()) m.install_tool = "uv";
    else if (has_in) m.install_tool = "pip-tools";
    else if (project.find(join(m.path, "environment.yml")) != nullptr ||
             project.find(join(m.path, "environment.yaml")) != nullptr)
      m.install_tool = "conda";
    else if (py.hatch_envs) m.install_tool = "hatch";
    else if (has_requirements || w.has_pyproject) m.install_tool = "pip";
    else if (!m.manifests.empty()) m.install_tool = "setuptools";

    for (auto& d : m.packages) {
      if (const auto it = m.locked.find(d.name); it != m.locked.end()) d.locked = it->second;
    }
    if (const Lockfile* graph = governing != nullptr ? governing : member_lock ? &*member_lock : nullptr) {
      m.installed = installed_closure(*graph, m);
      m.required_by = required_by(*graph, m);
    }
    const bool dockerfile =
        std::any_of(m.python.begin(), m.python.end(), [](const PythonVersion& v) { return v.kind == "dockerfile"; });
    const bool deployable = project.find(join(m.path, "manage.py")) != nullptr || dockerfile || !py.package;
    const bool distribution = py.build_system || project.find(join(m.path, "setup.py")) != nullptr || !m.name.empty();
    m.application = deployable || (!distribution && !m.manifests.empty());
    std::stable_sort(m.broken.begin(), m.broken.end(), [](const core::Problem& a, const core::Problem& b) {
      return a.path != b.path ? a.path < b.path : a.line < b.line;
    });
    out.push_back(m);  // copied: later roots still read this one's path
  }

  // Dependencies on other roots of the same workspace are local, not from an index.
  for (auto& m : out) {
    const std::string ws = m.workspace.empty() ? (m.members.empty() ? "" : m.path) : m.workspace;
    if (ws.empty()) continue;
    for (auto& d : m.packages) {
      for (const auto& other : out) {
        if (&other == &m || other.name.empty() || other.name != d.name) continue;
        if (other.path == ws || other.workspace == ws) d.pin = "workspace";
      }
    }
  }
  return out;
}

}  // namespace

const std::vector<RootManifest>& read_roots(const Project& project) {
  return project.derived().root_manifests.get(
      [&] { return std::make_shared<const std::vector<RootManifest>>(compute_roots(project)); });
}

std::vector<Dependency> read_dependencies(const Project& project) {
  std::vector<Dependency> out;
  std::vector<core::Problem> ignored;
  const auto& inputs = project.inputs();
  for (const auto& f : project.files) {
    if (f.kind == core::FileKind::pyproject) {
      if (const auto* doc = inputs.toml(f.path)) {
        auto deps = parse::read_pyproject_file(*doc, f.path, ignored).dependencies;
        out.insert(out.end(), std::make_move_iterator(deps.begin()), std::make_move_iterator(deps.end()));
      }
    } else if (f.kind == core::FileKind::requirements) {
      if (const auto* req = inputs.requirements(f.path))
        out.insert(out.end(), req->value.dependencies.begin(), req->value.dependencies.end());
    }
  }
  return out;
}

}  // namespace onramp::model
