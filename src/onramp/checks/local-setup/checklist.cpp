#include "onramp/checks/local-setup/checklist.hpp"

#include "onramp/model/inputs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include "onramp/checks/local-setup/paths.hpp"
#include "onramp/checks/local-setup/processes.hpp"
#include "onramp/model/roles.hpp"
#include "onramp/parse/compose.hpp"
#include "onramp/parse/dockerfile.hpp"
#include "onramp/parse/dotenv.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::local_setup {

namespace {

bool under(std::string_view path, std::string_view dir) {
  return dir == "." || path == dir || (path.size() > dir.size() && path.starts_with(dir) && path[dir.size()] == '/');
}

/// `backend` contains `backend/app`; "." contains everything.
bool root_contains(std::string_view root, std::string_view dir) { return under(dir, root); }

/// A directory or module of helpers around the application rather than the application: load tests, benchmarks,
/// mocks, fakes, test harnesses, command-line helpers (`load_testing/`, `benchmarks/`, `cli/`, `mock_server.py`).
bool helper_path(std::string_view path) {
  for (auto part : util::split(path, '/')) {
    const auto p = util::to_lower(part);
    for (std::string_view w : {"load_test",
                               "loadtest",
                               "load-test",
                               "locust",
                               "benchmark",
                               "bench",
                               "perf",
                               "stress",
                               "mock",
                               "fake",
                               "harness",
                               "fixture",
                               "proxy",
                               "cli",
                               "scripts",
                               "tools",
                               "demo",
                               "example",
                               "sample",
                               "integration-tests",
                               "integration_tests"}) {
      if (p.starts_with(w) || p == "load" || p == "testing" || p == "tests" || p == "test") return true;
    }
  }
  return false;
}

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

constexpr std::array<AppCall, 15> kAppCalls = {{
    {"celery.Celery()", "celery"},
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
  return name == "compose.yaml" || name == "compose.yml" || name == "docker-compose.yml" ||
         name == "docker-compose.yaml";
}

std::optional<ComposeSet> pick_compose(const model::Project& project, const std::vector<std::string>& app_roots) {
  std::vector<const core::ProjectFile*> candidates;
  // A test, CI, load-test or production stack is not what a newcomer starts for development.
  for (const auto* f : project.files_of(core::FileKind::compose)) {
    if (development_compose(f->path) && !helper_path(dir_of(f->path))) candidates.push_back(f);
  }
  if (candidates.empty()) return std::nullopt;
  // A default name first (at the root, then in an application root), then a dev file, then whatever there is.
  const auto rank = [&](const core::ProjectFile* f) {
    const auto name = base_name(f->path);
    const auto dir = dir_of(f->path);
    int r = 10;
    if (default_compose_name(name))
      r = dir == "." ? 0 : std::find(app_roots.begin(), app_roots.end(), dir) != app_roots.end() ? 1 : 3;
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
  set.files.push_back(*project.inputs().compose(base->path));
  if (default_compose_name(base_name(base->path))) {
    for (const auto* f : candidates) {
      const auto name = base_name(f->path);
      if (dir_of(f->path) == set.dir &&
          (name == "compose.override.yml" || name == "compose.override.yaml" || name == "docker-compose.override.yml" ||
           name == "docker-compose.override.yaml")) {
        set.files.push_back(*project.inputs().compose(f->path));
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
  std::string path;  // where its command was last set (or where it was defined)
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
    compose_ = pick_compose(in_.project, root_paths_);
    env_step();
    services_step();
    // uv workspace members share the workspace's environment: one sync of every member at its root, not one per member
    // (a `uv sync` in one member would uninstall what the others need).
    std::map<std::string, int> per_workspace;
    for (const auto* r : app_roots_) {
      if (!r->workspace.empty() && r->install_tool == "uv") ++per_workspace[r->workspace];
    }
    std::set<std::string> synced;
    test_owner_ = test_root();
    for (const auto* root : app_roots_) {
      const auto prefix = run_prefix(root->install_tool);
      if (per_workspace.contains(root->workspace) && per_workspace[root->workspace] > 1) {
        if (synced.insert(root->workspace).second) {
          add("uv sync --all-packages", root->workspace,
              fmt::format("install every workspace member into the shared environment ({}); the lock is {}",
                          join_names(member_paths(root->workspace)),
                          root->lockfile.empty() ? std::string("not there yet") : root->lockfile),
              root->lockfile.empty() ? join_path(root->workspace, "pyproject.toml") : root->lockfile, 0);
          items_.back().kind = "install";
        }
      } else {
        install_step(*root);
      }
      migrate_steps(*root, prefix);
      run_step(*root, prefix);
      if (!test_step_task(*root, prefix) && test_owner_ == root) test_step(*root, prefix);
    }
    if (test_owner_ == nullptr && !app_roots_.empty())
      test_step(*app_roots_.front(), run_prefix(app_roots_.front()->install_tool));
    for (const auto* root : app_roots_) {
      for (const auto kind : {CommandKind::install, CommandKind::migrate, CommandKind::run, CommandKind::test})
        prefer_documented(*root, kind);
    }
    export_step();
    return std::move(items_);
  }

private:
  void add(std::string command, std::string cwd, std::string why, std::string source, std::uint32_t line,
           std::string kind = {}, bool loads_env = false) {
    items_.push_back({std::move(command),
                      cwd.empty() ? "." : std::move(cwd),
                      std::move(why),
                      std::move(source),
                      line,
                      std::move(kind),
                      loads_env,
                      {}});
  }

  std::vector<std::string> member_paths(const std::string& workspace) const {
    std::vector<std::string> out;
    for (const auto* r : app_roots_) {
      if (r->workspace == workspace) out.push_back(r->path);
    }
    return out;
  }

  /// The application root the test configuration belongs to; nullptr when it sits above them (a workspace root).
  const parse::RootManifest* test_root() const {
    const auto& t = in_.tests;
    if (!t.configs.empty()) {
      for (const auto& c : t.configs) {
        if (c.section == "[tox]") continue;
        return owner_exact(dir_of(c.path));
      }
    }
    return app_roots_.empty() ? nullptr : app_roots_.front();
  }

  /// The application root whose directory contains `dir` (deepest), or nullptr.
  const parse::RootManifest* owner_exact(const std::string& dir) const {
    const parse::RootManifest* best = nullptr;
    for (const auto* r : app_roots_) {
      if (root_contains(r->path, dir) && (best == nullptr || r->path.size() > best->path.size())) best = r;
    }
    return best;
  }

  /// Nothing loads .env for commands that read os.environ: export it into the shell first.
  void export_step() {
    if (env_file_.empty() || in_.env.code_loads_env) return;
    // Only when the file holds something the application reads.
    const bool relevant = std::any_of(in_.env.vars.begin(), in_.env.vars.end(), [&](const EnvVar& v) {
      if (!v.app) return false;
      for (const auto* list : {&v.documented_in, &v.set_in}) {
        for (const auto& p : *list) {
          if (p.path == env_file_ || (dir_of(p.path) == dir_of(env_file_) && is_env_template(p.path))) return true;
        }
      }
      return false;
    });
    if (!relevant) return;
    for (std::size_t i = 0; i < items_.size(); ++i) {
      const auto& it = items_[i];
      if (it.kind != "migrate" && it.kind != "run" && it.kind != "test") continue;
      if (it.command.empty() || it.loads_env || it.command.starts_with("docker")) continue;
      const auto dir = dir_of(env_file_);
      ChecklistItem e{"set -a; . ./.env; set +a",
                      dir,
                      "nothing in the code loads .env (it reads os.environ), so export it into "
                      "the shell that runs the next commands",
                      env_file_,
                      0,
                      "export",
                      false,
                      {}};
      items_.insert(items_.begin() + static_cast<std::ptrdiff_t>(i), std::move(e));
      return;
    }
  }

  /// The root's manage.py that runs commands (model::is_manage_script), the shallowest; null when it has none.
  const facts::Module* manage_script(const parse::RootManifest& root) const {
    const facts::Module* manage = nullptr;
    for (const auto& m : in_.project.modules) {
      if (model::is_manage_script(m) && owner(m.path) == &root &&
          (manage == nullptr || m.path.size() < manage->path.size()))
        manage = &m;
    }
    return manage;
  }

  /// Roots the checklist covers: applications, or every root with a manifest when none is marked as one; a uv
  /// workspace root that only gathers members is left to its members.
  void app_roots() {
    // A workspace root is an application only with an entry point of its own (an app object, manage.py).
    const auto has_entry_point = [&](const parse::RootManifest& r) {
      return std::any_of(in_.apps.begin(), in_.apps.end(), [&](const AppObject& a) { return a.root == r.path; }) ||
             manage_script(r) != nullptr;
    };
    for (const auto& r : in_.roots) {
      if (r.application && (r.members.empty() || has_entry_point(r))) app_roots_.push_back(&r);
    }
    // A load-test or benchmark application beside the real one is not what a newcomer runs first.
    if (std::any_of(app_roots_.begin(), app_roots_.end(), [](const auto* r) { return !helper_path(r->path); })) {
      std::erase_if(app_roots_, [](const auto* r) { return helper_path(r->path); });
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

  /// Compose variables interpolated without a default (`${POSTGRES_PASSWORD}`, `${X:?msg}`), by name.
  std::set<std::string> compose_interpolations() const {
    std::set<std::string> out;
    for (const auto* f : in_.project.files_of(core::FileKind::compose)) {
      const auto text = in_.project.inputs().text(f->path);
      if (!text) continue;
      for (std::size_t pos = text->find("${"); pos != std::string::npos; pos = text->find("${", pos + 2)) {
        std::size_t end = pos + 2;
        while (end < text->size() &&
               (std::isalnum(static_cast<unsigned char>((*text)[end])) != 0 || (*text)[end] == '_'))
          ++end;
        if (end == pos + 2 || end >= text->size()) continue;
        const char next = (*text)[end];
        // `${X:-d}` and `${X-d}` have a default; `${X}`, `${X:?err}` and `${X?err}` need a value.
        if (next == '}' || next == '?' || (next == ':' && end + 1 < text->size() && (*text)[end + 1] == '?')) {
          out.insert(text->substr(pos + 2, end - pos - 2));
        }
      }
    }
    return out;
  }

  void env_step() {
    // Required by application code, no default anywhere.
    std::vector<const EnvVar*> required;
    for (const auto& v : in_.env.vars) {
      if (v.required) required.push_back(&v);
    }
    const auto entry_in = [](const EnvVar& v, std::string_view file) -> const EnvPlace* {
      for (const auto* list : {&v.documented_in, &v.set_in}) {
        for (const auto& p : *list) {
          if (p.path == file) return &p;
        }
      }
      return nullptr;
    };
    // The template nearest the root (or an application root).
    std::string tmpl;
    for (const auto& t : in_.env.templates) {
      if (dir_of(t) != "." && std::find(root_paths_.begin(), root_paths_.end(), dir_of(t)) == root_paths_.end())
        continue;
      if (tmpl.empty() || t.size() < tmpl.size()) tmpl = t;
    }
    std::string committed;
    for (const auto* f : in_.project.files_of(core::FileKind::env)) {
      if (base_name(f->path) == ".env" && (committed.empty() || f->path.size() < committed.size())) committed = f->path;
    }
    const std::string file = tmpl.empty() ? committed : tmpl;
    // What the newcomer must do to the file: fill in empty entries, replace placeholders, add what is missing.
    std::vector<std::string> fill, replace, missing, interpolated;
    for (const auto* v : required) {
      const auto* e = file.empty() ? nullptr : entry_in(*v, file);
      if (e == nullptr) {
        missing.push_back(v->name);
      } else if (!e->has_value) {
        fill.push_back(v->name);
      } else if (e->placeholder) {
        replace.push_back(v->name);
      }
    }
    // Compose interpolates some template entries (`${POSTGRES_PASSWORD}`): empty ones need a value too.
    if (!file.empty() && compose_) {
      const auto needed = compose_interpolations();
      if (const auto* env = in_.project.inputs().env_file(file)) {
        for (const auto& e : env->entries) {
          if (!needed.contains(e.key)) continue;
          if (std::find(fill.begin(), fill.end(), e.key) != fill.end() ||
              std::find(replace.begin(), replace.end(), e.key) != replace.end())
            continue;
          if (e.empty) interpolated.push_back(e.key);
        }
      }
    }
    std::vector<std::string> todo;
    if (!fill.empty())
      todo.push_back("fill in " + join_names(fill) + " (empty in " + std::string(base_name(file)) + ")");
    if (!interpolated.empty()) {
      todo.push_back(fmt::format("set {} (empty in {}; the compose file interpolates {})", join_names(interpolated),
                                 base_name(file), interpolated.size() == 1 ? "it" : "them"));
    }
    if (!replace.empty()) {
      // A committed .env's stand-ins are there for a local run; a copied template's are to be replaced.
      todo.push_back(tmpl.empty() ? "its values of " + join_names(replace) +
                                        " are placeholders: fine for a local run, never elsewhere"
                                  : "replace the placeholder values of " + join_names(replace));
    }
    if (!missing.empty()) {
      todo.push_back(fmt::format("add {} (required: read without a default{})", join_names(missing),
                                 file.empty() ? "" : ", missing from " + std::string(base_name(file))));
    }
    std::string todo_text;
    for (std::size_t i = 0; i < todo.size(); ++i)
      todo_text += (i == 0 ? "" : i + 1 == todo.size() ? " and " : ", ") + todo[i];
    if (!tmpl.empty()) {
      const auto dir = dir_of(tmpl);
      const auto target_path = join_path(dir, ".env");
      env_file_ = target_path;
      if (in_.project.find(target_path) != nullptr) {
        add({}, dir,
            fmt::format("{} is committed and used as it is; compare it with {}{}", target_path, tmpl,
                        todo_text.empty() ? std::string{} : "; " + todo_text),
            tmpl, 0);
      } else {
        add(fmt::format("cp {} .env", base_name(tmpl)), dir,
            todo_text.empty()
                ? std::string("create .env from the template; every variable the code requires has a value there")
                : "create .env from the template, then " + todo_text,
            tmpl, 0);
      }
      return;
    }
    if (!committed.empty()) {
      env_file_ = committed;
      add({}, dir_of(committed),
          fmt::format("{} is committed and serves as the template (no .env.example){}", committed,
                      todo_text.empty() ? "; it sets every variable the code requires" : "; " + todo_text),
          committed, 0);
    } else if (!missing.empty()) {
      add({}, ".",
          fmt::format("no .env template: set {} (required: read without a default) in the environment",
                      join_names(missing)),
          required.front()->reads.front().path, required.front()->reads.front().line);
    }
  }

  void services_step() {
    if (!compose_) {
      service_hints();
      return;
    }
    services_ = merge(*compose_);
    const auto source = compose_->files.front().path;
    // The applications: services built from this repository; the first that runs Python is "the" app service.
    std::vector<std::string> apps;
    for (const auto& [name, m] : services_) {
      if (m.svc.build_context.empty() || !builds_python(m.svc)) continue;
      apps.push_back(name);
      if (app_service_.empty() ||
          (runs_python_app(m.svc.command) && !runs_python_app(services_.at(app_service_).svc.command))) {
        app_service_ = name;
      }
    }
    std::vector<std::string> backing;
    std::set<std::string> seen;
    const auto image_only = [&](const std::string& n) {
      const auto it = services_.find(n);
      return it != services_.end() && it->second.svc.build_context.empty() && !it->second.svc.image.empty();
    };
    if (!apps.empty()) {
      std::vector<std::string> queue = apps;
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
      // Services the applications reach by host name (`SMTP_HOST: mailpit`, `@db:5432`), in `environment:` or env files.
      std::vector<std::string> values;
      for (const auto& a : apps) {
        const auto& app = services_.at(a).svc;
        for (const auto& e : app.environment) {
          if (e.value) values.push_back(*e.value);
        }
        for (const auto& f : app.env_files) {
          const auto path = join_path(compose_->dir, f);
          if (path.empty()) continue;
          if (const auto* env = in_.project.inputs().env_file(path)) {
            for (const auto& e : env->entries) values.push_back(e.value);
          }
        }
      }
      for (const auto& [name, m] : services_) {
        if (seen.contains(name) || !image_only(name)) continue;
        for (const auto& v : values) {
          for (auto pos = v.find(name); pos != std::string::npos; pos = v.find(name, pos + 1)) {
            const auto word = [](char c) {
              return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
            };
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
            fmt::format("the compose file runs the application ({}) and declares no separate backing services",
                        app_service_),
            source, 0);
      }
      return;
    }
    std::string names;
    for (const auto& b : backing) names += " " + b;
    std::vector<std::string> app_names = apps;
    add(fmt::format("docker compose {}up -d{}", compose_->flag, names), compose_->dir,
        apps.empty() ? "start the services the compose file declares"
                     : fmt::format("start the backing services the application{} ({}) depend{} on or connect{} to",
                                   apps.size() == 1 ? "" : "s", join_names(app_names), apps.size() == 1 ? "s" : "",
                                   apps.size() == 1 ? "s" : ""),
        source, services_.at(backing.front()).line);
  }

  /// The application root a built service comes from: its Dockerfile's root, else its build context's.
  const parse::RootManifest* service_root(const parse::ComposeService& svc) const {
    const auto context = join_path(compose_->dir, svc.build_context.empty() ? "." : svc.build_context);
    if (!svc.dockerfile.empty()) {
      for (const auto& path : {join_path(context, svc.dockerfile), join_path(compose_->dir, svc.dockerfile)}) {
        if (!path.empty() && in_.project.find(path) != nullptr) return owner(path);
      }
    }
    return owner(context == "." ? std::string("Dockerfile") : context + "/Dockerfile");
  }

  /// The service's Dockerfile installs or runs Python (a frontend or test-browser image is not the application).
  bool builds_python(const parse::ComposeService& svc) const {
    const auto context = join_path(compose_->dir, svc.build_context);
    if (context.empty()) return true;
    const auto dockerfile = join_path(context, svc.dockerfile.empty() ? "Dockerfile" : svc.dockerfile);
    // Compose resolves `dockerfile:` against the context; some write it from the compose file's directory.
    auto text = in_.project.inputs().text(dockerfile);
    if (!text && !svc.dockerfile.empty()) text = in_.project.inputs().text(join_path(compose_->dir, svc.dockerfile));
    if (!text) return true;
    const auto lower = util::to_lower(*text);
    for (std::string_view w : {"python", "pip install", "uv sync", "poetry", "pipenv", "pdm "}) {
      if (lower.find(w) != std::string::npos) return true;
    }
    return false;
  }

  /// No compose file: name the servers the configured URLs point at, and the images CI starts, as a step to do by hand.
  void service_hints() {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kKinds = {
        {{"postgres", "PostgreSQL"},
         {"postgresql", "PostgreSQL"},
         {"mysql", "MySQL"},
         {"mariadb", "MariaDB"},
         {"redis", "Redis"},
         {"rediss", "Redis"},
         {"amqp", "RabbitMQ"},
         {"mongodb", "MongoDB"},
         {"memcache", "Memcached"}}};
    struct Seen {
      std::string where;
      std::string path;
      std::uint32_t line = 0;
    };
    std::map<std::string, Seen> servers;  // "PostgreSQL on localhost:5432" -> the variable and where
    const auto consider = [&](const std::string& endpoint, const std::string& var, const std::string& where,
                              std::uint32_t line) {
      const auto sep = endpoint.find("://");
      if (sep == std::string::npos) return;
      auto scheme = endpoint.substr(0, sep);
      scheme = scheme.substr(0, scheme.find('+'));
      for (const auto& [k, name] : kKinds) {
        if (scheme != k) continue;
        const auto key = fmt::format("{} on {}", name, endpoint.substr(sep + 3));
        servers.try_emplace(
            key, Seen{fmt::format("{}, {}{}", var, where, line != 0 ? fmt::format(":{}", line) : ""), where, line});
      }
    };
    for (const auto& v : in_.env.vars) {
      if (!v.app) continue;
      for (const auto* list : {&v.set_in, &v.documented_in}) {
        for (const auto& p : *list) {
          if (!p.endpoint.empty()) consider(p.endpoint, v.name, p.path, p.line);
        }
      }
      for (const auto& r : v.reads) {
        if (r.context != "app" || r.default_value.empty()) continue;
        if (const auto lit = util::string_literal(r.default_value))
          consider(url_endpoint(*lit), v.name, r.path, r.line);
      }
    }
    if (servers.empty()) return;
    std::vector<std::string> list;
    for (const auto& [k, seen] : servers) list.push_back(fmt::format("{} ({})", k, seen.where));
    std::string ci;
    std::vector<std::string> images;
    for (const auto& s : in_.env.ci_services) images.push_back(s.how);
    if (!images.empty())
      ci = fmt::format("; the CI job starts {} ({})", join_names(images), in_.env.ci_services.front().path);
    add({}, ".", fmt::format("no compose file to start the backing services: run {} yourself{}", join_names(list), ci),
        servers.begin()->second.path, servers.begin()->second.line);
  }

  void install_step(const parse::RootManifest& root) {
    if (auto item = install_command(in_.project, root)) {
      items_.push_back(std::move(*item));
      return;
    }
    add({}, root.path,
        "cannot tell how to install: no pyproject.toml, requirements file, Pipfile or lockfile in this root", root.path,
        0);
  }

  /// The repository's own target or script whose commands contain `needle`, nearest first.
  const TaskTarget* task_running(std::string_view needle, const parse::RootManifest& root) const {
    const TaskTarget* best = nullptr;
    for (const auto& t : in_.tasks) {
      if (t.body.find(needle) == std::string::npos || t.tool == "project.scripts" || t.tool == "poetry.scripts")
        continue;
      if (t.path.starts_with(".") || !task_applies(t, root)) continue;
      if (t.body.find("docker") != std::string::npos) continue;
      if (best == nullptr || t.body.size() < best->body.size()) best = &t;
    }
    return best;
  }

  /// A task applies to the application root that holds it, or to every root below the directory it sits in.
  bool task_applies(const TaskTarget& t, const parse::RootManifest& root) const {
    const auto dir = t.tool == "script" ? dir_of(dir_of(t.path)) : dir_of(t.path);
    // A target of another project root (an integration package's justfile) is that root's, application or not.
    const parse::RootManifest* holder = nullptr;
    for (const auto& r : in_.roots) {
      if (under(t.path, r.path) && (holder == nullptr || r.path.size() > holder->path.size())) holder = &r;
    }
    if (holder != nullptr && holder != &root && !root_contains(dir, root.path)) return false;
    if (const auto* o = owner(t.path); o != nullptr) return o == &root;
    return root_contains(dir, root.path);
  }

  /// With `python_only`, a target whose recipe starts no Python (`start: pnpm start`) does not count.
  const TaskTarget* task_named(std::initializer_list<std::string_view> names, const parse::RootManifest& root,
                               bool python_only = false) const {
    for (const auto name : names) {
      for (const auto& t : in_.tasks) {
        if (t.path.starts_with(".") || t.tool == "project.scripts" || t.tool == "poetry.scripts") continue;
        if (!task_applies(t, root)) continue;
        const auto tname = t.tool == "script" ? name_without_extension(t.name) : t.name;
        if (tname == name && !t.command.empty() && t.body.find("docker") == std::string::npos &&
            (!python_only || runs_python_app(t.body)))
          return &t;
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

  /// The line of a target's recipe that does the work (`exec flask ... run` after the set-up lines of a script).
  static std::string main_line(const TaskTarget& t, std::string_view needle) {
    std::string fallback;
    for (auto line : util::split(t.body, '\n')) {
      if (line.empty()) continue;
      if (!needle.empty() && line.find(needle) != std::string_view::npos) return std::string(line);
      if (needle.empty() && runs_python_app(line) && !line.starts_with("cd ") &&
          line.find("pip") == std::string_view::npos) {
        fallback = std::string(line);
      }
    }
    return fallback.empty() ? t.command : fallback;
  }

  static std::string runner_name(const TaskTarget& t) {
    return t.tool == "script" ? std::string("script") : t.tool + " target";
  }

  void migrate_steps(const parse::RootManifest& root, const std::string& prefix) {
    for (const auto& m : in_.migrations) {
      const auto dir = m.config.empty() ? m.directory : dir_of(m.config);
      if (owner(dir) != &root) continue;
      std::string needle = m.apply;
      if (m.tool == "alembic") needle = "alembic upgrade";
      if (m.tool == "django") needle = "manage.py migrate";
      const std::string what =
          m.tool == "django"
              ? fmt::format("{} Django migration{} in {} app{}", m.revisions, m.revisions == 1 ? "" : "s",
                            m.apps.size(), m.apps.size() == 1 ? "" : "s")
              : fmt::format("{} {} revision{} in {}", m.revisions, m.tool, m.revisions == 1 ? "" : "s", m.directory);
      if (const auto* t = task_running(needle, root)) {
        const auto [cmd, cwd] = invoke(*t, prefix);
        add(cmd, cwd,
            fmt::format("apply the migrations ({}); the repository's {} runs `{}`", what, runner_name(*t),
                        main_line(*t, needle)),
            t->path, t->line, "migrate", t->loads_env);
        continue;
      }
      std::string apply = m.apply;
      std::string cwd = m.cwd;
      if (m.tool == "flask-migrate") {
        // `flask db upgrade` needs the app: the repository's manage.py wrapper has it, else --app names the object.
        const auto* manage = manage_script(root);
        const auto app = std::find_if(in_.apps.begin(), in_.apps.end(), [&](const AppObject& a) {
          return a.root == root.path && (a.framework == "flask" || a.framework == "connexion");
        });
        if (manage != nullptr) {
          apply = "python manage.py db upgrade";
          cwd = dir_of(manage->path);
        } else if (app != in_.apps.end()) {
          apply = fmt::format("flask --app {} db upgrade", app->target);
          cwd = root.path;
        }
      }
      add(prefix + apply, cwd,
          fmt::format("apply the migrations ({}){}", what,
                      m.heads.size() > 1 ? "; there are several heads, merge them before adding revisions" : ""),
          m.config.empty() ? m.directory : m.config, m.line, "migrate");
    }
    bool any = false;
    for (const auto& m : in_.migrations) any = any || owner(m.config.empty() ? m.directory : dir_of(m.config)) == &root;
    if (!any && !migrations_noted_) {
      migrations_noted_ = true;
      add({}, root.path,
          "no migrations found (no alembic.ini or Alembic revisions, no Django migrations, no yoyo or aerich)",
          root.path, 0, "migrate");
    }
  }

  /// `/workspace/.venv/bin/uvicorn app:app` -> `uvicorn app:app`: a container's absolute path to a console script.
  static std::string strip_container_path(std::string cmd) {
    if (!cmd.starts_with("/")) return cmd;
    const auto space = cmd.find(' ');
    const auto exe = cmd.substr(0, space);
    const auto name = std::string(base_name(exe));
    for (std::string_view known : {"uvicorn", "gunicorn", "hypercorn", "granian", "daphne", "celery", "python",
                                   "python3", "flask", "fastapi", "dramatiq", "rq", "arq"}) {
      if (name == known) return name + (space == std::string::npos ? std::string{} : cmd.substr(space));
    }
    return {};
  }

  void run_step(const parse::RootManifest& root, const std::string& prefix) {
    std::vector<const AppObject*> apps;
    for (const auto& a : in_.apps) {
      if (a.root == root.path) apps.push_back(&a);
    }
    // Django's asgi/wsgi modules are found, but manage.py is the way to run it locally.
    const auto* manage = manage_script(root);
    std::string app_note;
    if (!apps.empty() && apps.front()->framework != "celery") {
      app_note = fmt::format("; the application object is {} ({}:{})", apps.front()->target, apps.front()->path,
                             apps.front()->line);
    }
    if (const auto* t =
            task_named({"start", "dev", "run", "serve", "server", "runserver", "web", "api", "run-dev", "start-dev"},
                       root, true)) {
      const auto [cmd, cwd] = invoke(*t, prefix);
      add(cmd, cwd,
          fmt::format("start the application with the repository's {} (`{}`){}", runner_name(*t), main_line(*t, {}),
                      app_note),
          t->path, t->line, "run", t->loads_env);
      return;
    }
    if (!app_service_.empty()) {
      const auto& m = services_.at(app_service_);
      const auto command = strip_container_path(m.svc.command);
      if (!is_placeholder_command(command) && runs_python_app(command) && command.find("/app/") == std::string::npos &&
          service_root(m.svc) == &root) {
        add(has_tool_prefix(command) ? command : prefix + command, root.path,
            fmt::format("start the application as the compose service `{}` does, outside the container{}", app_service_,
                        app_note),
            m.command_path, m.command_line, "run");
        return;
      }
    }
    // A development server the compose file or Procfile runs (resolved through an entrypoint script), on the host.
    for (const auto& p : in_.processes) {
      if (p.kind != "web" || (p.source != "compose" && p.source != "procfile")) continue;
      const auto& c = p.command;
      const bool dev = c.find("runserver") != std::string::npos || c.find("--reload") != std::string::npos ||
                       c.find("--debug") != std::string::npos || c.find("fastapi dev") != std::string::npos;
      if (!dev || c.find("/app/") != std::string::npos || c.find('$') != std::string::npos) continue;
      std::string cmd = c.starts_with("./manage.py") ? "python manage.py" + c.substr(11) : c;
      add(has_tool_prefix(cmd) ? cmd : prefix + cmd, root.path,
          fmt::format("start the development server as the {} `{}` does{}{}",
                      p.source == "compose" ? "compose service" : "Procfile entry", p.name,
                      p.detail.empty() ? "" : " (" + p.detail + ")", app_note),
          p.path, p.line, "run");
      return;
    }
    if (manage != nullptr) {
      // manage.py is Django's unless it is a Flask CLI group (redash, Flask-Script projects).
      const bool django = std::any_of(manage->imports.begin(), manage->imports.end(),
                                      [](const facts::Import& i) { return i.module.starts_with("django"); });
      add(prefix + "python manage.py runserver", dir_of(manage->path),
          django ? "start Django's development server"
                 : "start the development server through the repository's manage.py",
          manage->path, 0, "run");
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
      } else if (a.framework == "celery") {
        cmd = fmt::format("celery -A {} worker --loglevel=INFO", a.target);
      }
      if (!cmd.empty()) {
        add(prefix + cmd, a.root,
            fmt::format("start the {} {} {} found in the code", a.framework,
                        a.framework == "celery" ? "worker of" : "application", a.target),
            a.path, a.line, "run");
        return;
      }
    }
    if (const auto cmd = dockerfile_cmd(root); cmd.first != nullptr) {
      add(prefix + cmd.second, root.path, "start the application as the Dockerfile's CMD does", cmd.first->path,
          cmd.line, "run");
      return;
    }
    add({}, root.path,
        "no application entry point found (no ASGI/WSGI app object, manage.py, run target or container command)",
        root.path, 0, "run");
  }

  struct DockerCmd {
    const core::ProjectFile* first = nullptr;
    std::string second;
    std::uint32_t line = 0;
  };

  DockerCmd dockerfile_cmd(const parse::RootManifest& root) const {
    for (const auto* f : in_.project.files_of(core::FileKind::dockerfile)) {
      if (owner(f->path) != &root) continue;
      const auto* df = in_.project.inputs().dockerfile(f->path);
      if (df == nullptr || df->stages.empty()) continue;
      for (const auto& ins : df->stages.back().instructions) {
        if (ins.keyword != "CMD") continue;
        const auto cmd = strip_container_path(ins.is_exec_form ? util::join(ins.exec_form, " ")
                                                               : util::collapse_whitespace(ins.arguments));
        if (!cmd.empty() && runs_python_app(cmd)) return {f, cmd, ins.line};
      }
    }
    return {};
  }

  /// The root's own test target or script, if it has one.
  bool test_step_task(const parse::RootManifest& root, const std::string& prefix) {
    if (const auto* task = task_named({"test", "tests", "pytest", "test-all", "unit"}, root)) {
      const auto [cmd, cwd] = invoke(*task, prefix);
      add(cmd, cwd,
          fmt::format("run the tests with the repository's {} (`{}`)", runner_name(*task), main_line(*task, "test")),
          task->path, task->line, "test", task->loads_env);
      return true;
    }
    return false;
  }

  void test_step(const parse::RootManifest& root, const std::string& prefix) {
    const auto& t = in_.tests;
    const std::string tox =
        t.tox_path.empty() ? std::string{} : fmt::format("; or `tox` for {} ({})", t.tox_envlist, t.tox_path);
    if (t.runner == "pytest") {
      const TestConfig* config = nullptr;
      for (const auto& c : t.configs) {
        if (c.section != "[tox]" && config == nullptr) config = &c;
      }
      std::string source = config == nullptr ? (t.conftests.empty() ? root.path : t.conftests.front()) : config->path;
      const std::uint32_t line = config == nullptr ? 0 : config->line;
      const auto cwd = config == nullptr ? root.path : dir_of(config->path);
      add(prefix + "pytest", cwd,
          fmt::format("run the tests ({} test module{}{}){}", t.test_files, t.test_files == 1 ? "" : "s",
                      t.django_settings_module.empty() ? "" : ", settings " + t.django_settings_module, tox),
          source, line, "test");
      return;
    }
    for (const auto& s : t.nox_sessions) {
      if (s.find("test") != std::string::npos) {
        add("nox -s " + s, dir_of(t.nox_path), "run the tests' nox session", t.nox_path, 0, "test");
        return;
      }
    }
    if (t.runner == "tox") {
      add("tox", dir_of(t.tox_path), "run the tox environments (" + t.tox_envlist + ")", t.tox_path, 0, "test");
      return;
    }
    // A Django project runs its tests through manage.py: TEST_RUNNER, the test settings and database set-up are
    // Django's; `python -m unittest discover` would import the tests without configuring Django at all.
    if (t.runner == "unittest" || t.runner.empty()) {
      const auto* manage = manage_script(root);
      if (manage != nullptr && (t.test_files > 0 || !t.runner.empty())) {
        std::string runner;
        for (const auto& m : in_.project.modules) {
          for (const auto& s : m.records.settings_strings) {
            if (s.name == "TEST_RUNNER" && runner.empty())
              runner = fmt::format("; TEST_RUNNER is {} ({}:{})", util::trim(s.value), m.path, s.location.line);
          }
        }
        add(prefix + "python manage.py test", dir_of(manage->path),
            fmt::format("run the tests with Django's test runner ({} test module{}){}", t.test_files,
                        t.test_files == 1 ? "" : "s", runner),
            manage->path, 0, "test");
        return;
      }
    }
    if (t.runner == "unittest") {
      add(prefix + "python -m unittest discover", root.path,
          fmt::format("run the tests ({} test module{}, unittest)", t.test_files, t.test_files == 1 ? "" : "s"),
          root.path, 0, "test");
      return;
    }
    add({}, root.path, "no tests found (no pytest configuration, conftest.py or test_*.py files)", root.path, 0,
        "test");
  }

  /// A command a developer can type on the host: not one only a container has (`uwsgi /opt/app/uwsgi.ini`,
  /// `/app/manage.py`), not one that runs through docker.
  static bool host_command(const DocumentedCommand& d) {
    if (d.container) return false;
    for (std::string_view p : {" /app/", " /opt/", " /srv/", " /usr/", " /code/", " /workspace/"}) {
      if ((" " + d.command).find(p) != std::string::npos) return false;
    }
    return true;
  }

  /// The documented command of `kind` for `root`: the docs' non-legacy way first for install, migrate and run
  /// (a development guide before a README), the command CI runs first for the tests.
  const DocumentedCommand* documented(const parse::RootManifest& root, CommandKind kind) const {
    const DocumentedCommand* best = nullptr;
    const auto rank = [&](const DocumentedCommand& d) {
      const int evidence = (kind == CommandKind::test) == (d.evidence == Evidence::ci) ? 0 : 1;
      return std::tuple(d.legacy ? 1 : 0, evidence, d.file_rank, d.recommended ? 0 : 1);
    };
    for (const auto& d : in_.documented) {
      if (d.what.kind != kind || !host_command(d)) continue;
      // It runs in a directory of this repository (not in a clone of another one the docs or the job make).
      if (d.cwd != "." && !dir_exists(d.cwd)) continue;
      // A CI job's make target counts for the tests only in a test job (`make test-migration` in a migration job
      // checks something else); pytest, tox, nox or manage.py test count wherever they run.
      if (kind == CommandKind::test && d.evidence == Evidence::ci &&
          (d.what.system == "make" || d.what.system == "just") &&
          util::to_lower(d.path + " " + d.section).find("test") == std::string::npos)
        continue;
      // It runs in this root, not in another project root below it (an integration package's tests).
      const parse::RootManifest* holder = nullptr;
      for (const auto& r : in_.roots) {
        if (root_contains(r.path, d.cwd) && (holder == nullptr || r.path.size() > holder->path.size())) holder = &r;
      }
      if (holder != nullptr && holder != &root) continue;
      if (owner(d.cwd == "." ? std::string("pyproject.toml") : d.cwd + "/") != &root) {
        // A command documented at the top applies to a single application root below it.
        if (!(d.cwd == "." && app_roots_.size() == 1)) continue;
      }
      if (best == nullptr || rank(d) < rank(*best)) best = &d;
    }
    return best;
  }

  bool dir_exists(const std::string& dir) const {
    const auto prefix = dir + "/";
    const auto it = std::lower_bound(in_.project.files.begin(), in_.project.files.end(), prefix,
                                     [](const core::ProjectFile& f, const std::string& p) { return f.path < p; });
    return it != in_.project.files.end() && it->path.starts_with(prefix);
  }

  static std::string describe(const DocumentedCommand& d) {
    if (d.evidence == Evidence::ci) return fmt::format("as the CI job `{}` does", d.section);
    return d.section.empty() ? fmt::format("as {} documents", d.path)
                             : fmt::format("as {} documents under \"{}\"", d.path, d.section);
  }

  /// Replaces the derived step of `kind` with what the repository documents, saying what the derivation was.
  void prefer_documented(const parse::RootManifest& root, CommandKind kind) {
    const auto* d = documented(root, kind);
    if (d == nullptr) return;
    const auto kind_name = std::string(to_string(kind));
    auto it = std::find_if(items_.begin(), items_.end(), [&](const ChecklistItem& i) {
      return i.kind == kind_name && (owner(i.cwd == "." ? std::string("pyproject.toml") : i.cwd + "/") == &root ||
                                     (i.command.empty() && i.cwd == root.path));
    });
    std::string command = d->command;
    if (kind == CommandKind::install) {
      // Every install line of the same block or job: `pip install -r requirements.txt` and its dev file.
      for (const auto& o : in_.documented) {
        if (&o != d && o.group == d->group && o.what.kind == kind && o.cwd == d->cwd && host_command(o) &&
            command.find(o.command) == std::string::npos)
          command += " && " + o.command;
      }
      if ((d->what.system == "pip") && it != items_.end() && it->command.starts_with("python -m venv"))
        command = "python -m venv .venv && . .venv/bin/activate && " + command;
    }
    const std::string verb = kind == CommandKind::install   ? "install the dependencies"
                             : kind == CommandKind::migrate ? "apply the migrations"
                             : kind == CommandKind::run     ? "start the application"
                                                            : "run the tests";
    if (it == items_.end()) {
      if (kind != CommandKind::migrate) return;
      // No migration step was derived for this root: put the documented one before its run step.
      it = std::find_if(items_.begin(), items_.end(), [&](const ChecklistItem& i) {
        return i.kind == "run" && owner(i.cwd == "." ? std::string("pyproject.toml") : i.cwd + "/") == &root;
      });
      it = items_.insert(it, ChecklistItem{});
      it->kind = kind_name;
    }
    if (it->command == command && it->cwd == d->cwd) {
      // They agree: the documented line is the stronger evidence, the derivation's reason stays.
      it->why += fmt::format("; {}", describe(*d));
      it->source = d->path;
      it->line = d->line;
      return;
    }
    // What onramp would have said goes to `derived` (the text report shows it beside the source).
    it->derived = it->command;
    it->why = fmt::format("{} {}{}", verb, describe(*d),
                          it->derived.empty() ? fmt::format("; onramp derived nothing here ({})", it->why) : "");
    it->command = std::move(command);
    it->cwd = d->cwd;
    it->source = d->path;
    it->line = d->line;
    it->loads_env = false;
    if (kind == CommandKind::migrate) {
      // The documented command applies every migration set of the root (`prefect server database upgrade`).
      const auto keep = static_cast<std::size_t>(it - items_.begin());
      for (std::size_t i = items_.size(); i-- > 0;) {
        if (i != keep && items_[i].kind == kind_name &&
            owner(items_[i].cwd == "." ? std::string("pyproject.toml") : items_[i].cwd + "/") == &root)
          items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(i));
      }
    }
  }

  const ChecklistInputs& in_;
  std::vector<const parse::RootManifest*> app_roots_;
  std::vector<std::string> root_paths_;
  std::optional<ComposeSet> compose_;
  std::map<std::string, MergedService> services_;
  std::string app_service_;
  std::string env_file_;
  const parse::RootManifest* test_owner_ = nullptr;
  bool migrations_noted_ = false;
  std::vector<ChecklistItem> items_;
};

/// The requirements file a developer installs: dev/local/test ones before the base file.
std::string pick_requirements(const model::Project& project, const parse::RootManifest& root) {
  std::string best;
  int best_rank = 100;
  for (const auto* f : project.files_of(core::FileKind::requirements)) {
    if (core::owning_root(project.roots, f->path) != root.path || f->path.ends_with(".in")) continue;
    const auto name = util::to_lower(f->path);
    int rank = 5;
    if (name.find("dev") != std::string::npos || name.find("local") != std::string::npos) rank = 0;
    else if (name.find("test") != std::string::npos) rank = 1;
    else if (base_name(name) == "requirements.txt" || base_name(name) == "base.txt") rank = 2;
    if (name.find("prod") != std::string::npos || name.find("doc") != std::string::npos ||
        name.find("lint") != std::string::npos)
      rank = 8;
    if (rank < best_rank || (rank == best_rank && f->path.size() < best.size())) {
      best = f->path;
      best_rank = rank;
    }
  }
  return best;
}

/// The root's main requirements file (requirements.txt, else requirements/base.txt or base.txt), or empty.
std::string main_requirements(const model::Project& project, const parse::RootManifest& root) {
  std::string best;
  for (const auto* f : project.files_of(core::FileKind::requirements)) {
    if (core::owning_root(project.roots, f->path) != root.path) continue;
    const auto name = base_name(f->path);
    if ((name == "requirements.txt" || name == "base.txt") && (best.empty() || f->path.size() < best.size()))
      best = f->path;
  }
  return best;
}

/// Whether `from` pulls in `target` through `-r` includes (followed a few files deep; `-c` constraints do not install).
bool includes_requirements(const model::Project& project, const std::string& from, const std::string& target,
                           int depth = 0) {
  if (from == target) return true;
  if (depth > 8) return false;
  const auto* req = project.inputs().requirements(from);
  if (req == nullptr) return false;
  for (const auto& inc : req->value.includes) {
    if (inc.constraint) continue;
    const auto next = join_path(dir_of(from), inc.path);
    if (!next.empty() && includes_requirements(project, next, target, depth + 1)) return true;
  }
  return false;
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

std::optional<ChecklistItem> install_command(const model::Project& project, const parse::RootManifest& root) {
  const auto& tool = root.install_tool;
  const std::string lock = root.lockfile;
  const std::string manifest = root.manifests.empty() ? std::string{} : root.manifests.front();
  const auto python = [&]() -> std::string {
    for (const auto& p : root.python) {
      if (p.kind == ".python-version" || p.kind == "requires-python")
        return fmt::format("; Python {} ({})", p.version, p.source);
    }
    return {};
  }();
  const auto item = [&](std::string cmd, std::string why, std::string source) {
    return ChecklistItem{std::move(cmd), root.path, std::move(why) + python, std::move(source), 0, "install",
                         false,          {}};
  };
  if (tool == "uv") {
    // `uv sync` installs the main dependencies and the `dev` group; the test runner in an extra or another PEP 735
    // group needs its flag, or the test step fails with `pytest: command not found`.
    std::string flags;
    std::string held;
    for (const auto& d : root.packages) {
      if (d.name != "pytest" && d.name != "django-test-plus" && d.name != "tox" && d.name != "nox") continue;
      if (d.scope == "extra") {
        flags = " --extra " + d.group;
      } else if (d.scope == "dev" && d.group != "dev" && d.group != "main" && d.source.ends_with("pyproject.toml") &&
                 d.group != "dev-dependencies") {
        flags = " --group " + d.group;
      } else {
        flags.clear();
        break;
      }
      held = fmt::format("; the test runner {} is in `{}` ({}:{})", d.name, d.group, d.source, d.line);
      if (d.name == "pytest") break;
    }
    if (!flags.empty()) {
      return item(
          "uv sync" + flags,
          (lock.empty() ? std::string("install the dependencies with uv (no uv.lock: it resolves and writes one)")
                        : "install the locked dependencies with uv (" + lock + ")") +
              held,
          lock.empty() ? manifest : lock);
    }
    return item("uv sync",
                lock.empty() ? "install the dependencies with uv (no uv.lock: it resolves and writes one)"
                             : "install the locked dependencies with uv (" + lock + ")",
                lock.empty() ? manifest : lock);
  }
  if (tool == "poetry")
    return item(
        "poetry install",
        "install the dependencies with Poetry" + (lock.empty() ? std::string(" (no poetry.lock)") : " (" + lock + ")"),
        lock.empty() ? manifest : lock);
  if (tool == "pdm") return item("pdm install", "install the dependencies with PDM", lock.empty() ? manifest : lock);
  if (tool == "pipenv")
    return item("pipenv install --dev", "install the dependencies with Pipenv, dev packages included",
                lock.empty() ? manifest : lock);
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
    const auto rel_of = [&](const std::string& p) { return root.path == "." ? p : p.substr(root.path.size() + 1); };
    std::string files = rel_of(req);
    // The compiled dev/test files go with the main one (pip-sync removes whatever the files it is given do not list).
    for (const auto& l : root.lockfiles) {
      const auto name = util::to_lower(base_name(l));
      if (l == req || !l.ends_with(".txt") || name.find("prod") != std::string::npos ||
          name.find("doc") != std::string::npos)
        continue;
      if (name.find("dev") != std::string::npos || name.find("test") != std::string::npos ||
          name.find("local") != std::string::npos) {
        files += " " + rel_of(l);
      }
    }
    return item("python -m venv .venv && . .venv/bin/activate && pip install pip-tools && pip-sync " + files,
                "install the compiled requirements exactly (pip-tools)", req);
  }
  if (tool == "pip") {
    const auto req = pick_requirements(project, root);
    if (req.empty() && !manifest.empty()) {
      // A PEP 621 pyproject.toml and no requirements file: pip installs the project itself.
      return item("python -m venv .venv && . .venv/bin/activate && pip install -e .",
                  "install the project in editable mode", manifest);
    }
    if (req.empty()) return std::nullopt;
    const auto rel_of = [&](const std::string& p) { return root.path == "." ? p : p.substr(root.path.size() + 1); };
    // A dev file that does not include the main one (DefectDojo's requirements-dev.txt lists only the debug
    // toolbar and test tools) is installed with it: `-r requirements.txt -r requirements-dev.txt`.
    const auto main = main_requirements(project, root);
    const bool with_main = !main.empty() && main != req && !includes_requirements(project, req, main);
    const auto files = with_main ? rel_of(main) + " -r " + rel_of(req) : rel_of(req);
    return item("python -m venv .venv && . .venv/bin/activate && pip install -r " + files,
                "create a virtual environment and install the requirements" +
                    std::string(with_main ? " with the development ones" : "") +
                    std::string(lock.empty() ? " (nothing pins the versions)" : ""),
                req);
  }
  if (tool == "setuptools" || !manifest.empty()) {
    return item("python -m venv .venv && . .venv/bin/activate && pip install -e .",
                "install the project in editable mode", manifest);
  }
  return std::nullopt;
}

std::vector<AppObject> find_app_objects(const model::Project& project) {
  std::vector<AppObject> out;
  for (const auto& m : project.modules) {
    // The service's own app objects, not those of tests, migrations, docs or examples.
    if (m.role != core::CodeRole::application && m.role != core::CodeRole::script) continue;
    const auto root = std::string(core::owning_root(project.roots, m.path));
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
      if (fn.name != "create_app" && fn.name != "make_app" && fn.name != "app_factory" && fn.name != "get_app" &&
          fn.name != "get_application")
        continue;
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
    const auto rank = [](const AppObject& o) {
      return (helper_path(o.path) ? 10 : 0) + (o.framework == "celery" ? 2 : o.framework == "django" ? 1 : 0);
    };
    return rank(a) < rank(b);
  });
  return out;
}

std::vector<ChecklistItem> build_checklist(const ChecklistInputs& in) { return Builder(in).build(); }

}  // namespace onramp::checks::local_setup
