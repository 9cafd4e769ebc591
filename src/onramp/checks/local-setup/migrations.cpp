#include "onramp/checks/local-setup/migrations.hpp"

#include "onramp/model/inputs.hpp"
#include "onramp/parse/documents.hpp"

#include "onramp/util/toml.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "onramp/checks/local-setup/paths.hpp"
#include "onramp/model/roles.hpp"
#include "onramp/parse/ini.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::local_setup {

namespace {

bool under(std::string_view path, std::string_view dir) {
  return dir == "." || (path.size() > dir.size() && path.starts_with(dir) && path[dir.size()] == '/');
}

bool imports_module(const model::Project& project, std::string_view top) {
  for (const auto& m : project.modules) {
    for (const auto& imp : m.imports) {
      if (imp.module == top || imp.module.starts_with(std::string(top) + ".")) return true;
    }
  }
  return false;
}

/// The revisions in the `versions` directories and the ones nobody points to (a revision in one location may
/// point to one in another, so the heads are computed over all of them at once).
void count_revisions(const model::Project& project, const std::vector<std::string>& versions, MigrationSet& set,
                     std::set<const facts::Module*>& used) {
  std::vector<std::string> ids;
  std::set<std::string> pointed;
  std::map<std::string, std::size_t> children;
  for (const auto& m : project.modules) {
    if (std::none_of(versions.begin(), versions.end(), [&](const std::string& v) { return under(m.path, v); }))
      continue;
    const auto& rev = m.records.alembic;
    if (!rev) continue;
    if (!rev->ids.empty()) {
      ids.push_back(util::join(rev->ids, " "));
      used.insert(&m);
    }
    for (const auto& id : rev->down_revisions) {
      pointed.insert(id);
      ++children[id];
    }
  }
  for (const auto& [id, n] : children) {
    if (n > 1) set.branch_points.push_back(id);
  }
  set.revisions = ids.size();
  std::sort(ids.begin(), ids.end());
  for (const auto& id : ids) {
    if (!pointed.contains(id)) set.heads.push_back(id);
  }
}

MigrationSet alembic_set(const model::Project& project, const std::string& config, std::uint32_t line,
                         std::string location, const std::string& version_locations,
                         std::set<const facts::Module*>& used) {
  const auto here = dir_of(config);
  MigrationSet set;
  set.tool = "alembic";
  set.config = config;
  set.line = line;
  set.cwd = here;
  if (const auto pos = location.find("%(here)s"); pos != std::string::npos) location.replace(pos, 8, ".");
  set.directory = location.find(':') != std::string::npos ? location : join_path(here, location);
  std::vector<std::string> versions;
  // The views split() returns point into `collapsed`, which must outlive the loop.
  const std::string collapsed = util::collapse_whitespace(version_locations);
  for (auto v : util::split(collapsed, ' ')) {
    std::string s(v);
    if (const auto pos = s.find("%(here)s"); pos != std::string::npos) s.replace(pos, 8, ".");
    if (!s.empty() && s.find("%(") == std::string::npos) versions.push_back(join_path(here, s));
  }
  if (versions.empty()) versions.push_back(set.directory + "/versions");
  count_revisions(project, versions, set, used);
  // Flask-Migrate keeps alembic.ini in migrations/ and applies with `flask db upgrade`.
  if (base_name(here) == "migrations" && imports_module(project, "flask_migrate")) {
    set.tool = "flask-migrate";
    set.cwd = dir_of(here);
    set.apply = "flask db upgrade";
  } else {
    set.apply = set.heads.size() > 1 ? "alembic upgrade heads" : "alembic upgrade head";
  }
  return set;
}

}  // namespace

std::vector<MigrationSet> find_migrations(const model::Project& project) {
  std::vector<MigrationSet> out;
  std::set<const facts::Module*> used;
  for (const auto& f : project.files) {
    if (base_name(f.path) == "alembic.ini") {
      const auto* ini = project.inputs().ini(f.path);
      if (ini == nullptr) continue;
      const auto* s = parse::find_section(ini->sections, "alembic");
      const auto* loc = s != nullptr ? s->find("script_location") : nullptr;
      if (loc == nullptr) {
        // Flask-Migrate's generated migrations/alembic.ini names no script_location: the directory is the script
        // location, and env.py takes the database from the Flask app.
        if (base_name(dir_of(f.path)) == "migrations" && imports_module(project, "flask_migrate"))
          out.push_back(alembic_set(project, f.path, 0, ".", {}, used));
        continue;
      }
      const auto* versions = s->find("version_locations");
      out.push_back(alembic_set(project, f.path, loc->line, loc->value,
                                versions != nullptr ? versions->value : std::string{}, used));
    } else if (f.kind == core::FileKind::pyproject) {
      const auto text = project.inputs().text(f.path);
      if (!text || text->find("[tool.a") == std::string::npos) continue;
      const auto* parsed = project.inputs().toml(f.path);
      if (parsed->error) continue;  // the stack step reports broken manifests
      const auto* tool = parsed->table.get_as<toml::table>("tool");
      if (tool == nullptr) continue;
      if (const auto* a = tool->get_as<toml::table>("alembic")) {
        if (const auto* loc = a->get_as<std::string>("script_location")) {
          std::string versions;
          if (const auto* v = a->get_as<toml::array>("version_locations")) {
            for (const auto& e : *v) {
              if (const auto* s = e.as_string()) versions += s->get() + " ";
            }
          }
          out.push_back(alembic_set(project, f.path, static_cast<std::uint32_t>(loc->source().begin.line), loc->get(),
                                    versions, used));
        }
      }
      if (const auto* a = tool->get_as<toml::table>("aerich")) {
        MigrationSet set;
        set.tool = "aerich";
        set.config = f.path;
        set.line = static_cast<std::uint32_t>(a->source().begin.line);
        if (const auto* loc = a->get_as<std::string>("location")) set.directory = join_path(dir_of(f.path), loc->get());
        set.apply = "aerich upgrade";
        set.cwd = dir_of(f.path);
        for (const auto& pf : project.files) {
          if (!set.directory.empty() && under(pf.path, set.directory) && pf.path.ends_with(".py")) ++set.revisions;
        }
        out.push_back(std::move(set));
      }
    }
  }
  // Revision files no configuration points at (a script directory whose alembic.ini is generated or elsewhere).
  std::map<std::string, MigrationSet> orphans;
  for (const auto& m : project.modules) {
    if (used.contains(&m)) continue;
    if (m.role != core::CodeRole::migration || !m.records.alembic || !m.records.alembic->declares_revision) continue;
    const auto versions = dir_of(m.path);
    auto& set = orphans[versions];
    if (set.tool.empty()) {
      set.tool = "alembic";
      set.directory = dir_of(versions);
      set.apply = "alembic upgrade head";
      set.cwd = ".";
      std::set<const facts::Module*> ignored;
      count_revisions(project, {versions}, set, ignored);
      if (set.heads.size() > 1) set.apply = "alembic upgrade heads";
    }
  }
  for (auto& [dir, set] : orphans) out.push_back(std::move(set));

  // Django: <app>/migrations/NNNN_name.py (or the package MIGRATION_MODULES names), applied by the nearest manage.py
  // above the apps.
  std::map<std::string, MigrationSet::App> apps;
  for (const auto& m : project.modules) {
    const auto dir = dir_of(m.path);
    const auto name = base_name(m.path);
    if (name.size() < 5 || !std::all_of(name.begin(), name.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    if (!model::is_django_migration(m)) continue;
    auto& app = apps[dir_of(dir)];
    app.path = dir_of(dir);
    ++app.migrations;
    const auto stem = std::string(name.substr(0, name.size() - 3));
    if (stem > app.latest) app.latest = stem;
  }
  if (!apps.empty()) {
    MigrationSet set;
    set.tool = "django";
    for (const auto& f : project.modules) {
      if (!model::is_manage_script(f)) continue;
      const auto d = dir_of(f.path);
      if (std::any_of(apps.begin(), apps.end(), [&](const auto& a) { return under(a.first, d) || a.first == d; }) &&
          (set.config.empty() || d.size() < dir_of(set.config).size())) {
        set.config = f.path;
      }
    }
    set.cwd = set.config.empty() ? "." : dir_of(set.config);
    set.apply = set.config.empty() ? "django-admin migrate" : "python manage.py migrate";
    for (auto& [path, app] : apps) {
      set.revisions += app.migrations;
      set.apps.push_back(std::move(app));
    }
    set.directory = ".";
    out.push_back(std::move(set));
  }

  // yoyo: migration modules that import yoyo's `step`.
  std::map<std::string, std::size_t> yoyo;
  for (const auto& m : project.modules) {
    for (const auto& imp : m.imports) {
      if (imp.module == "yoyo" && imp.name == "step") ++yoyo[dir_of(m.path)];
    }
  }
  for (const auto& [dir, n] : yoyo) {
    MigrationSet set;
    set.tool = "yoyo";
    set.directory = dir;
    set.revisions = n;
    set.apply = "yoyo apply " + dir;
    out.push_back(std::move(set));
  }
  return out;
}

}  // namespace onramp::checks::local_setup
