#include "onramp/checks/local_setup/checklist.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "onramp/checks/local_setup/paths.hpp"
#include "onramp/parse/compose.hpp"
#include "onramp/parse/dockerfile.hpp"
#include "onramp/parse/dotenv.hpp"
#include "onramp/scan/discover.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::local_setup {

namespace {

bool under(std::string_view path, std::string_view dir) {
  return dir == "." || path == dir || (path.size() > dir.size() && path.starts_with(dir) && path[dir.size()] == '/');
}

/// `backend` contains `backend/app`; "." contains everything.
bool root_contains(std::string_view root, std::string_view dir) { return under(dir, root); }

std::string join_names(const std::vector<std::string>& names, std::size_t max = 8) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < max; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > max) out += fmt::format(" and {} more", names.size() - max);
  return out;
}

struct AppCall {
  std::string_view callee;
  std::string_view framework;
};

constexpr std::array<AppCall, 14> kAppCalls = {{
    {"fastapi.FastAPI()", "fastapi"},
    {"starlette.applications.Starlette()", "starlette"},
    {"litestar.Litestar()", "litestar"},
    {"litestar.app.Litestar()", "litestar"},
    {"quart.Quart()", "quart"},
    {"flask.Flask()", "flask"},
    {"sanic.Sanic()", "sanic"},
    {"falcon.App()", "falcon"},
    {"falcon.asgi.App()", "falcon"},
    {"aiohttp.web.Application()", "aiohttp"},
    {"django.core.asgi.get_asgi_application()", "django"},
    {"django.core.wsgi.get_wsgi_application()", "django"},
    {"connexion.App()", "connexion"},
    {"connexion.FlaskApp()", "connexion"},
}};

std::string_view framework_of(std::string_view target) {
  for (const auto& a : kAppCalls) {
    if (a.callee == target) return a.framework;
  }
  return {};
}

bool asgi(std::string_view framework) {
  return framework == "fastapi" || framework == "starlette" || framework == "litestar" || framework == "quart";
}

/// Commands that keep a container alive without running the application.
bool is_placeholder_command(std::string_view cmd) {
  return cmd.empty() || cmd.starts_with("sleep ") || cmd.starts_with("tail -f") || cmd == "bash" || cmd == "sh" ||
         cmd.starts_with("/bin/sh") || cmd.starts_with("/bin/bash");
}

/// Looks like it starts a Python web server or the application.
bool runs_python_app(std::string_view cmd) {
  for (std::string_view w : {"uvicorn", "gunicorn", "hypercorn", "granian", "daphne", "fastapi ", "flask ", "manage.py",
                             "python", "litestar ", "sanic ", "waitress", "uwsgi", "poe ", "make "}) {
    if (cmd.find(w) != std::string_view::npos) return true;
  }
  return false;
}

bool has_tool_prefix(std::string_view cmd) {
  for (std::string_view p : {"uv run", "poetry run", "pdm run", "pipenv run", "hatch run", "docker", "npm ", "bun "}) {
    if (cmd.starts_with(p) || cmd.find(std::string(" ") + std::string(p)) != std::string_view::npos) return true;
  }
  return false;
}

std::string name_without_extension(std::string_view name) {
  const auto dot = name.rfind('.');
  return std::string(dot == std::string_view::npos ? name : name.substr(0, dot));
}

/// The compose files a plain `docker compose` reads in `dir`, or the first compose file found elsewhere.
struct ComposeSet {
  std::string dir;
  std::vector<parse::ComposeFile> files;  // base first, then override
  std::string flag;                       // `-f path` when the file is not one compose finds by itself
};

bool default_compose_name(std::string_view name) {
  return name == "compose.yaml" || name == "compose.yml" || name == "docker-compose.yml" || name == "docker-compose.yaml";
}

std::optional<ComposeSet> pick_compose(const core::Project& project, const std::vector<std::string>& app_roots) {
  std::vector<const core::ProjectFile*> candidates;
  for (const auto* f : project.files_of(core::FileKind::compose)) candidates.push_back(f);
  if (candidates.empty()) return std::nullopt;
  // A default name first (at the root, then in an application root), then a dev file, then whatever there is.
  const auto rank = [&](const core::ProjectFile* f) {
    const auto name = base_name(f->path);
    const auto dir = dir_of(f->path);
    int r = 10;
    if (default_compose_name(name)) r = dir == "." ? 0 : std::find(app_roots.begin(), app_roots.end(), dir) != app_roots.end() ? 1 : 3;
    else if (name.find("dev") != std::string_view::npos || name.find("local") != std::string_view::npos) r = 2;
    if (name.find("override") != std::string_view::npos) r = 20;
    if (name.find("prod") != std::string_view::npos || name.find("deploy") != std::string_view::npos) r = 30;
    return r;
  };
  std::stable_sort(candidates.begin(), candidates.end(), [&](auto* a, auto* b) { return rank(a) < rank(b); });
  const auto* base = candidates.front();
  if (rank(base) >= 20) return std::nullopt;
  ComposeSet set;
  set.dir = dir_of(base->path);
  set.files.push_back(parse::read_compose(project, base->path));
  if (default_compose_name(base_name(base->path))) {
    for (const auto* f : candidates) {
      const auto name = base_name(f->path);
      if (dir_of(f->path) == set.dir && (name == "compose.override.yml" || name == "compose.override.yaml" ||
                                          name == "docker-compose.override.yml" || name == "docker-compose.override.yaml")) {
        set.files.push_back(parse::read_compose(project, f->path));
      }
    }
  } else {
    set.flag = std::string("-f ") + std::string(base_name(base->path)) + " ";
  }
  return set;
}

/// A service as all files of the set define it (later files override scalars and add list entries).
struct MergedService {
  parse::ComposeService svc;
  std::string path;          // where its command was last set (or where it was defined)
  std::uint32_t line = 0;
  std::uint32_t command_line = 0;
  std::string command_path;
};

std::map<std::string, MergedService> merge(const ComposeSet& set) {
  std::map<std::string, MergedService> out;
  for (const auto& f : set.files) {
    for (const auto& s : f.services) {
      auto [it, inserted] = out.try_emplace(s.name);
      auto& m = it->second;
      if (inserted) {
        m.svc = s;
        m.path = f.path;
        m.line = s.line;
        if (!s.command.empty()) {
          m.command_path = f.path;
          m.command_line = s.line;
        }
        continue;
      }
      if (!s.image.empty()) m.svc.image = s.image;
      if (!s.build_context.empty()) m.svc.build_context = s.build_context;
      if (!s.dockerfile.empty()) m.svc.dockerfile = s.dockerfile;
      if (!s.command.empty()) {
        m.svc.command = s.command;
        m.command_path = f.path;
        m.command_line = s.line;
      }
      m.svc.depends_on.insert(m.svc.depends_on.end(), s.depends_on.begin(), s.depends_on.end());
      m.svc.environment.insert(m.svc.environment.end(), s.environment.begin(), s.environment.end());
      m.svc.ports.insert(m.svc.ports.end(), s.ports.begin(), s.ports.end());
    }
  }
  return out;
}

class Builder {
public:
  explicit Builder(const ChecklistInputs& in) : in_(in) {}

  std::vector<ChecklistItem> build() {
    app_roots();
    env_step();
    services_step();
    for (const auto* root : app_roots_) {
      const auto prefix = run_prefix(root->install_tool);
      install_step(*root);
      migrate_steps(*root, prefix);
      run_step(*root, prefix);
      test_step(*root, prefix);
    }
    return std::move(items_);
  }

private:
  void add(std::string command, std::string cwd, std::string why, std::string source, std::uint32_t line) {
    items_.push_back({std::move(command), cwd.empty() ? "." : std::move(cwd), std::move(why), std::move(source), line});
  }

  /// Roots the checklist covers: applications, or every root with a manifest when none is marked as one; a uv
  /// workspace root that only gathers members is left to its members.
  void app_roots() {
    const auto has_code = [&](const parse::RootManifest& r) {
      return std::any_of(in_.project.modules.begin(), in_.project.modules.end(),
                         [&](const facts::Module& m) {
                           return scan::owning_root(in_.project.roots, m.path) == r.path && code_context(m) == "app";
                         });
    };
    for (const auto& r : in_.roots) {
      // A uv workspace root without code of its own only gathers its members.
      if (r.application && (r.members.empty() || has_code(r))) app_roots_.push_back(&r);
    }
    if (app_roots_.empty()) {
      for (const auto& r : in_.roots) {
        if (!r.manifests.empty() && (r.members.empty() || !r.packages.empty())) {
          app_roots_.push_back(&r);
          break;
        }
      }
    }
    if (app_roots_.empty() && !in_.roots.empty()) app_roots_.push_back(&in_.roots.front());
    for (const auto* r : app_roots_) root_paths_.push_back(r->path);
  }

  const parse::RootManifest* owner(std::string_view path) const {
    const parse::RootManifest* best = nullptr;
    for (const auto* r : app_roots_) {
      if (under(path, r->path) && (best == nullptr || r->path.size() > best->path.size())) best = r;
    }
    return best;
  }

  void env_step() {
    // Required by application code, no default anywhere.
    std::vector<const EnvVar*> required;
    for (const auto& v : in_.env.vars) {
      if (v.required) required.push_back(&v);
    }
    const auto valued_in = [](const EnvVar& v, std::string_view file) {
      return std::any_of(v.documented_in.begin(), v.documented_in.end(), [&](const EnvPlace& p) { return p.path == file && p.has_value; }) ||
             std::any_of(v.set_in.begin(), v.set_in.end(), [&](const EnvPlace& p) { return p.path == file && p.has_value; });
    };
    // The template nearest the root (or an application root).
    std::string tmpl;
    for (const auto& t : in_.env.templates) {
      if (dir_of(t).find('/') != std::string::npos && dir_of(t) != "." && std::find(root_paths_.begin(), root_paths_.end(), dir_of(t)) == root_paths_.end()) {
        continue;
      }
      if (tmpl.empty() || t.size() < tmpl.size()) tmpl = t;
    }
    if (!tmpl.empty()) {
      const auto dir = dir_of(tmpl);
      const std::string target = ".env";
      const auto target_path = join_path(dir, target);
      std::vector<std::string> fill;
      for (const auto* v : required) {
        if (!valued_in(*v, tmpl)) fill.push_back(v->name);
      }
      if (in_.project.find(target_path) != nullptr) {
        add({}, dir, fmt::format("{} is committed and used as it is; compare it with {}{}", target_path, tmpl,
                                 fill.empty() ? std::string{} : "; fill in " + join_names(fill)),
            tmpl, 0);
      } else {
        add(fmt::format("cp {} {}", base_name(tmpl), target), dir,
            fill.empty() ? fmt::format("create {} from the template; every variable the code requires has a value there", target)
                         : fmt::format("create {} from the template, then fill in {} (required: read without a default, "
                                       "no value in the template)", target, join_names(fill)),
            tmpl, 0);
      }
      return;
    }
    // No template: a committed .env, or nothing at all.
    std::string committed;
    for (const auto* f : in_.project.files_of(core::FileKind::env)) {
      if (base_name(f->path) == ".env" && (committed.empty() || f->path.size() < committed.size())) committed = f->path;
    }
    std::vector<std::string> missing;
    for (const auto* v : required) {
      if (committed.empty() || !valued_in(*v, committed)) missing.push_back(v->name);
    }
    if (!committed.empty()) {
      add({}, dir_of(committed), fmt::format("{} is committed and serves as the template (no .env.example){}", committed,
                                             missing.empty() ? "; it sets every variable the code requires"
                                                             : "; it lacks " + join_names(missing) + ", required by the code"),
          committed, 0);
    } else if (!missing.empty()) {
      add({}, ".", fmt::format("no .env template: set {} (required: read without a default) in the environment", join_names(missing)),
          required.front()->reads.front().path, required.front()->reads.front().line);
    }
  }

  void services_step() {
    compose_ = pick_compose(in_.project, root_paths_);
    if (!compose_) return;
    services_ = merge(*compose_);
    const auto source = compose_->files.front().path;
    // The application: a service built from this repository.
    for (const auto& [name, m] : services_) {
      if (m.svc.build_context.empty()) continue;
      if (app_service_.empty() || runs_python_app(m.svc.command)) app_service_ = name;
      if (runs_python_app(m.svc.command)) break;
    }
    std::vector<std::string> backing;
    std::set<std::string> seen;
    const auto image_only = [&](const std::string& n) {
      const auto it = services_.find(n);
      return it != services_.end() && it->second.svc.build_context.empty() && !it->second.svc.image.empty();
    };
    if (!app_service_.empty()) {
      std::vector<std::string> queue{app_service_};
      while (!queue.empty()) {
        const auto n = queue.back();
        queue.pop_back();
        const auto it = services_.find(n);
        if (it == services_.end()) continue;
        for (const auto& [dep, cond] : it->second.svc.depends_on) {
          if (seen.insert(dep).second) {
            if (image_only(dep)) backing.push_back(dep);
            queue.push_back(dep);
          }
        }
      }
      // Services the application reaches by host name (`SMTP_HOST: mailpit`, `@db:5432`), in `environment:` or its env files.
      const auto& app = services_.at(app_service_).svc;
      std::vector<std::string> values;
      for (const auto& e : app.environment) {
        if (e.value) values.push_back(*e.value);
      }
      for (const auto& file : app.env_files) {
        const auto path = join_path(compose_->dir, file);
        if (path.empty()) continue;
        if (const auto text = in_.project.read(path)) {
          for (auto& e : parse::read_env_file(*text).entries) values.push_back(std::move(e.value));
        }
      }
      for (const auto& [name, m] : services_) {
        if (seen.contains(name) || !image_only(name)) continue;
        for (const auto& v : values) {
          for (auto pos = v.find(name); pos != std::string::npos; pos = v.find(name, pos + 1)) {
            const auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-'; };
            const bool left = pos == 0 || !word(v[pos - 1]);
            const bool right = pos + name.size() == v.size() || !word(v[pos + name.size()]);
            if (left && right) {
              seen.insert(name);
              backing.push_back(name);
              break;
            }
          }
          if (seen.contains(name)) break;
        }
      }
    } else {
      for (const auto& [name, m] : services_) {
        if (image_only(name)) backing.push_back(name);
      }
    }
    std::sort(backing.begin(), backing.end());
    if (backing.empty()) {
      if (!app_service_.empty()) {
        add(fmt::format("docker compose {}up -d", compose_->flag), compose_->dir,
            fmt::format("the compose file runs the application ({}) and declares no separate backing services", app_service_),
            source, 0);
      }
      return;
    }
    std::string names;
    for (const auto& b : backing) names += " " + b;
    add(fmt::format("docker compose {}up -d{}", compose_->flag, names), compose_->dir,
        app_service_.empty() ? "start the services the compose file declares"
                             : fmt::format("start the backing services the application ({}) depends on or connects to", app_service_),
        source, services_.at(backing.front()).line);
  }

  void install_step(const parse::RootManifest& root) {
    if (auto item = install_command(in_.project, root)) {
      items_.push_back(std::move(*item));
      return;
    }
    add({}, root.path, "cannot tell how to install: no pyproject.toml, requirements file, Pipfile or lockfile in this root", root.path, 0);
  }

  /// The repository's own target or script whose commands contain `needle`, nearest first.
  const TaskTarget* task_running(std::string_view needle, const parse::RootManifest& root) const {
    const TaskTarget* best = nullptr;
    for (const auto& t : in_.tasks) {
      if (t.body.find(needle) == std::string::npos || t.tool == "project.scripts" || t.tool == "poetry.scripts") continue;
      if (t.path.starts_with(".") || (!root_contains(dir_of(t.path), root.path) && !root_contains(root.path, dir_of(t.path)))) continue;
      if (t.body.find("docker") != std::string::npos) continue;
      if (best == nullptr || t.body.size() < best->body.size()) best = &t;
    }
    return best;
  }

  const TaskTarget* task_named(std::initializer_list<std::string_view> names, const parse::RootManifest& root) const {
    for (const auto name : names) {
      for (const auto& t : in_.tasks) {
        if (t.path.starts_with(".") || t.tool == "project.scripts" || t.tool == "poetry.scripts") continue;
        if (!root_contains(dir_of(t.path), root.path) && !root_contains(root.path, dir_of(t.path)) &&
            !(t.tool == "script" && root_contains(root.path, dir_of(dir_of(t.path))))) {
          continue;
        }
        const auto tname = t.tool == "script" ? name_without_extension(t.name) : t.name;
        if (tname == name && !t.command.empty() && t.body.find("docker") == std::string::npos) return &t;
      }
    }
    return nullptr;
  }

  /// How to invoke a task from its runner's directory, with the environment tool's prefix where the runner needs it.
  std::pair<std::string, std::string> invoke(const TaskTarget& t, const std::string& prefix) const {
    const auto cwd = t.tool == "script" ? dir_of(dir_of(t.path)) : dir_of(t.path);
    const bool needs_env = t.tool == "script" || t.tool == "poe" || t.tool == "taskipy";
    const bool own = t.tool == "pdm" || t.tool == "hatch" || t.tool == "poetry.scripts";
    std::string cmd = t.invoke;
    if ((needs_env || (!own && !has_tool_prefix(t.body))) && !has_tool_prefix(t.body) && !own) cmd = prefix + cmd;
    return {cmd, cwd};
  }

  void migrate_steps(const parse::RootManifest& root, const std::string& prefix) {
    for (const auto& m : in_.migrations) {
      const auto dir = m.config.empty() ? m.directory : dir_of(m.config);
      if (owner(dir) != &root) continue;
      std::string needle = m.apply;
      if (m.tool == "alembic") needle = "alembic upgrade";
      if (m.tool == "django") needle = "manage.py migrate";
      const std::string what = m.tool == "django" ? fmt::format("{} Django migration{} in {} app{}", m.revisions, m.revisions == 1 ? "" : "s",
                                                                m.apps.size(), m.apps.size() == 1 ? "" : "s")
                                                  : fmt::format("{} {} revision{} in {}", m.revisions, m.tool, m.revisions == 1 ? "" : "s", m.directory);
      if (const auto* t = task_running(needle, root)) {
        const auto [cmd, cwd] = invoke(*t, prefix);
        add(cmd, cwd, fmt::format("apply the migrations ({}); the repository's {} runs `{}`", what,
                                  t->tool == "script" ? "script" : t->tool + " target", m.apply),
            t->path, t->line);
        continue;
      }
      add(prefix + m.apply, m.cwd, fmt::format("apply the migrations ({}){}", what,
                                               m.heads.size() > 1 ? "; there are several heads, merge them before adding revisions" : ""),
          m.config.empty() ? m.directory : m.config, m.line);
    }
  }

  void run_step(const parse::RootManifest& root, const std::string& prefix) {
    std::vector<const AppObject*> apps;
    for (const auto& a : in_.apps) {
      if (a.root == root.path) apps.push_back(&a);
    }
    // Django's asgi/wsgi modules are found, but manage.py is the way to run it locally.
    std::string manage;
    for (const auto& f : in_.project.files) {
      if (base_name(f.path) == "manage.py" && owner(f.path) == &root && (manage.empty() || f.path.size() < manage.size())) manage = f.path;
    }
    std::string app_note;
    if (!apps.empty()) {
      app_note = fmt::format("; the application object is {} ({}:{})", apps.front()->target, apps.front()->path, apps.front()->line);
    }
    if (const auto* t = task_named({"start", "dev", "run", "serve", "server", "runserver", "web", "api", "run-dev", "start-dev"}, root)) {
      const auto [cmd, cwd] = invoke(*t, prefix);
      add(cmd, cwd, fmt::format("start the application with the repository's {} (`{}`){}", t->tool == "script" ? "script" : t->tool + " target",
                                t->command, app_note),
          t->path, t->line);
      return;
    }
    if (!app_service_.empty()) {
      const auto& m = services_.at(app_service_);
      if (!is_placeholder_command(m.svc.command) && runs_python_app(m.svc.command) && m.svc.command.find("/app/") == std::string::npos &&
          owner(join_path(compose_->dir, m.svc.build_context.empty() ? "." : m.svc.build_context)) != nullptr) {
        add(has_tool_prefix(m.svc.command) ? m.svc.command : prefix + m.svc.command, root.path,
            fmt::format("start the application as the compose service `{}` does, outside the container{}", app_service_, app_note),
            m.command_path, m.command_line);
        return;
      }
    }
    if (!manage.empty()) {
      add(prefix + "python manage.py runserver", dir_of(manage), "start Django's development server", manage, 0);
      return;
    }
    if (!apps.empty()) {
      const auto& a = *apps.front();
      std::string cmd;
      if (asgi(a.framework)) {
        cmd = fmt::format("uvicorn {}{} --reload", a.target, a.factory ? " --factory" : "");
      } else if (a.framework == "flask" || a.framework == "connexion") {
        cmd = fmt::format("flask --app {} run --debug", a.target);
      } else if (a.framework == "django") {
        cmd = fmt::format("uvicorn {} --reload", a.target);
      } else {
        cmd = {};
      }
      if (!cmd.empty()) {
        const auto mod_root = a.root;
        add(prefix + cmd, mod_root, fmt::format("start the {} application {} found in the code", a.framework, a.target), a.path, a.line);
        return;
      }
    }
    if (const auto cmd = dockerfile_cmd(root); cmd.first != nullptr) {
      add(prefix + cmd.second, root.path, "start the application as the Dockerfile's CMD does", cmd.first->path, cmd.line);
      return;
    }
    add({}, root.path, "no application entry point found (no ASGI/WSGI app object, manage.py, run target or container command)", root.path, 0);
  }

  struct DockerCmd {
    const core::ProjectFile* first = nullptr;
    std::string second;
    std::uint32_t line = 0;
  };

  DockerCmd dockerfile_cmd(const parse::RootManifest& root) const {
    for (const auto* f : in_.project.files_of(core::FileKind::dockerfile)) {
      if (owner(f->path) != &root) continue;
      const auto text = in_.project.read(f->path);
      if (!text) continue;
      const auto df = parse::read_dockerfile(*text);
      if (df.stages.empty()) continue;
      for (const auto& ins : df.stages.back().instructions) {
        if (ins.keyword != "CMD") continue;
        const auto cmd = ins.is_exec_form ? util::join(ins.exec_form, " ") : util::collapse_whitespace(ins.arguments);
        if (runs_python_app(cmd) && !cmd.starts_with("/")) return {f, cmd, ins.line};
      }
    }
    return {};
  }

  void test_step(const parse::RootManifest& root, const std::string& prefix) {
    const auto& t = in_.tests;
    if (const auto* task = task_named({"test", "tests", "pytest", "test-all", "unit"}, root)) {
      const auto [cmd, cwd] = invoke(*task, prefix);
      add(cmd, cwd, fmt::format("run the tests with the repository's {} (`{}`)", task->tool == "script" ? "script" : task->tool + " target",
                                task->command),
          task->path, task->line);
      return;
    }
    if (t.runner == "pytest") {
      std::string source = t.configs.empty() ? (t.conftests.empty() ? root.path : t.conftests.front()) : t.configs.front().path;
      const std::uint32_t line = t.configs.empty() ? 0 : t.configs.front().line;
      const auto cwd = t.configs.empty() ? root.path : dir_of(t.configs.front().path);
      add(prefix + "pytest", cwd, fmt::format("run the tests ({} test file{}{})", t.test_files, t.test_files == 1 ? "" : "s",
                                              t.django_settings_module.empty() ? "" : ", settings " + t.django_settings_module),
          source, line);
      return;
    }
    for (const auto& s : t.nox_sessions) {
      if (s.find("test") != std::string::npos) {
        add("nox -s " + s, dir_of(t.nox_path), "run the tests' nox session", t.nox_path, 0);
        return;
      }
    }
    if (t.runner == "tox") {
      add("tox", dir_of(t.tox_path), "run the tox environments (" + t.tox_envlist + ")", t.tox_path, 0);
      return;
    }
    if (t.runner == "unittest") {
      add(prefix + "python -m unittest discover", root.path, fmt::format("run the tests ({} test file{}, unittest)", t.test_files, t.test_files == 1 ? "" : "s"), root.path, 0);
      return;
    }
    add({}, root.path, "no tests found (no pytest configuration, conftest.py or test_*.py files)", root.path, 0);
  }

  const ChecklistInputs& in_;
  std::vector<const parse::RootManifest*> app_roots_;
  std::vector<std::string> root_paths_;
  std::optional<ComposeSet> compose_;
  std::map<std::string, MergedService> services_;
  std::string app_service_;
  std::vector<ChecklistItem> items_;
};

/// The requirements file a developer installs: dev/local/test ones before the base file.
std::string pick_requirements(const core::Project& project, const parse::RootManifest& root) {
  std::string best;
  int best_rank = 100;
  for (const auto* f : project.files_of(core::FileKind::requirements)) {
    if (scan::owning_root(project.roots, f->path) != root.path || f->path.ends_with(".in")) continue;
    const auto name = util::to_lower(f->path);
    int rank = 5;
    if (name.find("dev") != std::string::npos || name.find("local") != std::string::npos) rank = 0;
    else if (name.find("test") != std::string::npos) rank = 1;
    else if (base_name(name) == "requirements.txt" || base_name(name) == "base.txt") rank = 2;
    if (name.find("prod") != std::string::npos || name.find("doc") != std::string::npos || name.find("lint") != std::string::npos) rank = 8;
    if (rank < best_rank || (rank == best_rank && f->path.size() < best.size())) {
      best = f->path;
      best_rank = rank;
    }
  }
  return best;
}

}  // namespace

std::string run_prefix(std::string_view tool) {
  if (tool == "uv") return "uv run ";
  if (tool == "poetry") return "poetry run ";
  if (tool == "pdm") return "pdm run ";
  if (tool == "pipenv") return "pipenv run ";
  if (tool == "hatch") return "hatch run ";
  return {};
}

std::optional<ChecklistItem> install_command(const core::Project& project, const parse::RootManifest& root) {
  const auto& tool = root.install_tool;
  const std::string lock = root.lockfile;
  const std::string manifest = root.manifests.empty() ? std::string{} : root.manifests.front();
  const auto python = [&]() -> std::string {
    for (const auto& p : root.python) {
      if (p.kind == ".python-version" || p.kind == "requires-python") return fmt::format("; Python {} ({})", p.version, p.source);
    }
    return {};
  }();
  const auto item = [&](std::string cmd, std::string why, std::string source) {
    return ChecklistItem{std::move(cmd), root.path, std::move(why) + python, std::move(source), 0};
  };
  if (tool == "uv") {
    return item("uv sync", lock.empty() ? "install the dependencies with uv (no uv.lock: it resolves and writes one)"
                                                                   : "install the locked dependencies with uv (" + lock + ")",
                lock.empty() ? manifest : lock);
  }
  if (tool == "poetry") return item("poetry install", "install the dependencies with Poetry" + (lock.empty() ? std::string(" (no poetry.lock)") : " (" + lock + ")"), lock.empty() ? manifest : lock);
  if (tool == "pdm") return item("pdm install", "install the dependencies with PDM", lock.empty() ? manifest : lock);
  if (tool == "pipenv") return item("pipenv install --dev", "install the dependencies with Pipenv, dev packages included", lock.empty() ? manifest : lock);
  if (tool == "hatch") return item("hatch env create", "create Hatch's default environment", manifest);
  if (tool == "conda") {
    std::string env = manifest;
    for (const auto& m : root.manifests) {
      if (base_name(m).starts_with("environment")) env = m;
    }
    return item("conda env create -f " + std::string(base_name(env)), "create the conda environment", env);
  }
  if (tool == "pip-tools") {
    const auto req = lock.empty() ? pick_requirements(project, root) : lock;
    if (req.empty()) return std::nullopt;
    const auto rel = root.path == "." ? req : req.substr(root.path.size() + 1);
    return item("python -m venv .venv && . .venv/bin/activate && pip install pip-tools && pip-sync " + rel,
                "install the compiled requirements exactly (pip-tools)", req);
  }
  if (tool == "pip") {
    const auto req = pick_requirements(project, root);
    if (req.empty()) return std::nullopt;
    const auto rel = root.path == "." ? req : req.substr(root.path.size() + 1);
    return item("python -m venv .venv && . .venv/bin/activate && pip install -r " + rel,
                "create a virtual environment and install the requirements" + std::string(lock.empty() ? " (nothing pins the versions)" : ""), req);
  }
  if (tool == "setuptools" || !manifest.empty()) {
    return item("python -m venv .venv && . .venv/bin/activate && pip install -e .", "install the project in editable mode", manifest);
  }
  return std::nullopt;
}

std::vector<AppObject> find_app_objects(const core::Project& project) {
  std::vector<AppObject> out;
  for (const auto& m : project.modules) {
    if (m.is_test || m.is_migration) continue;
    const auto root = std::string(scan::owning_root(project.roots, m.path));
    for (const auto& g : m.globals) {
      const auto fw = framework_of(g.target);
      if (fw.empty()) continue;
      std::uint32_t line = 0;
      for (const auto& c : m.calls) {
        if (c.function < 0 && c.callee + "()" == g.target) {
          line = c.location.line;
          break;
        }
      }
      out.push_back({std::string(fw), m.name + ":" + g.name, false, m.path, line, root});
    }
    for (const auto& fn : m.functions) {
      if (fn.parent != -1 || fn.owner_class != -1) continue;
      if (fn.name != "create_app" && fn.name != "make_app" && fn.name != "app_factory" && fn.name != "get_app" && fn.name != "get_application") continue;
      // A factory: calls an application constructor in its body.
      std::string fw;
      for (const auto& c : m.calls) {
        if (c.function >= 0 && &m.functions[static_cast<std::size_t>(c.function)] == &fn) {
          if (const auto f = framework_of(c.callee + "()"); !f.empty()) fw = std::string(f);
        }
      }
      if (!fw.empty()) out.push_back({fw, m.name + ":" + fn.name, true, m.path, fn.name_location.line, root});
    }
  }
  // ASGI objects before WSGI ones, application modules before others (the first is the one the checklist runs).
  std::stable_sort(out.begin(), out.end(), [](const AppObject& a, const AppObject& b) {
    return (a.framework == "django") < (b.framework == "django");
  });
  return out;
}

std::vector<ChecklistItem> build_checklist(const ChecklistInputs& in) { return Builder(in).build(); }

}  // namespace onramp::checks::local_setup
