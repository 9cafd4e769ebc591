#include "onramp/checks/local-setup/local_setup_inventory.hpp"
#include "onramp/model/manifests.hpp"

#include "onramp/checks/local-setup/checklist.hpp"
#include "onramp/checks/local-setup/env_table.hpp"
#include "onramp/checks/local-setup/migrations.hpp"
#include "onramp/checks/local-setup/processes.hpp"
#include "onramp/checks/local-setup/runners.hpp"
#include "onramp/checks/local-setup/setup_files.hpp"
#include "onramp/core/secret_keys.hpp"
#include "onramp/util/secrets.hpp"

#include <set>
#include <tuple>

namespace onramp::checks::local_setup {

namespace {

using json = nlohmann::ordered_json;

json places(const std::vector<EnvPlace>& list) {
  json out = json::array();
  for (const auto& p : list) out.push_back({{"path", p.path}, {"line", p.line}, {"how", p.how}});
  return out;
}

json env_vars(const EnvTable& table) {
  json out = json::array();
  for (const auto& v : table.vars) {
    json row = {{"name", v.name}, {"required", v.required}, {"secret", v.secret}};
    // The default the application code falls back to (never for a secret key).
    for (const auto& r : v.reads) {
      if (r.context == "app" && r.has_default && !r.default_value.empty()) {
        if (!v.secret) row["default"] = util::mask_url_credentials(r.default_value);
        break;
      }
    }
    if (!v.app) row["only_in"] = v.reads.front().context;
    json reads = json::array();
    for (const auto& r : v.reads) {
      json rr = {{"path", r.path}, {"line", r.line}, {"via", r.via}};
      if (r.context != "app") rr["in"] = r.context;
      reads.push_back(std::move(rr));
    }
    row["read_in"] = std::move(reads);
    row["documented_in"] = places(v.documented_in);
    row["set_in"] = places(v.set_in);
    out.push_back(std::move(row));
  }
  return out;
}

json migrations(const std::vector<MigrationSet>& sets) {
  json out = json::array();
  for (const auto& m : sets) {
    json row = {{"tool", m.tool}};
    if (!m.config.empty()) {
      row["path"] = m.config;
      if (m.line != 0) row["line"] = m.line;
    }
    if (m.tool != "django") row["directory"] = m.directory;
    if (m.tool == "django") row["apps"] = m.apps.size();
    row["revisions"] = m.revisions;
    if (m.tool == "alembic" || m.tool == "flask-migrate") {
      row["heads"] = m.heads;
      if (m.heads.size() > 1) row["multiple_heads"] = true;
    }
    row["apply"] = m.apply;
    row["cwd"] = m.cwd;
    if (m.tool == "django") {
      json apps = json::array();
      for (const auto& a : m.apps)
        apps.push_back({{"app", a.path}, {"migrations", a.migrations}, {"latest", a.latest}});
      row["per_app"] = std::move(apps);
    }
    out.push_back(std::move(row));
  }
  return out;
}

json tests(const TestSetup& t) {
  json row = json::object();
  row["runner"] = t.runner.empty() ? json() : json(t.runner);
  json configs = json::array();
  for (const auto& c : t.configs) configs.push_back({{"path", c.path}, {"line", c.line}, {"section", c.section}});
  row["configs"] = std::move(configs);
  if (!t.testpaths.empty()) row["testpaths"] = t.testpaths;
  if (!t.addopts.empty()) row["addopts"] = t.addopts;
  if (!t.django_settings_module.empty()) row["django_settings_module"] = t.django_settings_module;
  row["test_files"] = t.test_files;
  row["conftest_files"] = t.conftests.size();
  if (!t.tox_path.empty()) row["tox"] = {{"path", t.tox_path}, {"envlist", t.tox_envlist}};
  if (!t.nox_path.empty()) row["nox"] = {{"path", t.nox_path}, {"sessions", t.nox_sessions}};
  return row;
}

json task_runners(const std::vector<TaskTarget>& targets) {
  json out = json::array();
  for (const auto& t : targets) {
    json row = {{"path", t.path}, {"line", t.line}, {"tool", t.tool}, {"name", t.name}};
    if (!t.command.empty()) row["command"] = t.command;
    if (t.phony) row["phony"] = true;
    out.push_back(std::move(row));
  }
  return out;
}

json roots(const std::vector<parse::RootManifest>& list) {
  json out = json::array();
  for (const auto& r : list) {
    json row = {{"path", r.path},
                {"install_tool", r.install_tool.empty() ? json() : json(r.install_tool)},
                {"lockfile", r.lockfile.empty() ? json() : json(r.lockfile)},
                {"application", r.application}};
    if (!r.workspace.empty()) row["workspace"] = r.workspace;
    out.push_back(std::move(row));
  }
  return out;
}

json python_versions(const std::vector<parse::RootManifest>& list) {
  json out = json::array();
  std::set<std::tuple<std::string, std::uint32_t, std::string>> seen;
  for (const auto& r : list) {
    for (const auto& p : r.python) {
      if (!seen.insert({p.source, p.line, p.kind}).second) continue;
      out.push_back({{"path", p.source}, {"line", p.line}, {"kind", p.kind}, {"version", p.version}});
    }
  }
  return out;
}

json checklist(const std::vector<ChecklistItem>& items) {
  json out = json::array();
  int step = 0;
  for (const auto& i : items) {
    // Commands come from the docs, CI and compose files too: URL passwords and secret options are masked.
    json row = {{"step", ++step}, {"command", i.command.empty() ? json() : json(mask_text(i.command))}};
    if (i.cwd != ".") row["cwd"] = i.cwd;
    row["why"] = i.why;
    row["source"] = i.source;
    if (i.line != 0) row["line"] = i.line;
    if (!i.derived.empty()) row["derived"] = mask_text(i.derived);
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

void LocalSetupInventory::collect(const model::Project& project, nlohmann::ordered_json& facts) const {
  const auto manifests = model::read_roots(project);
  const auto& table = build_env_table(project);
  const auto sets = find_migrations(project);
  const auto test_setup = find_test_setup(project);
  const auto targets = find_task_targets(project);
  const auto apps = find_app_objects(project);
  std::vector<std::string> scripts;
  for (const auto& t : targets) {
    if (t.tool == "project.scripts" || t.tool == "poetry.scripts") scripts.push_back(t.name);
  }
  const auto documented = find_documented_commands(project, scripts);
  const auto processes = find_processes({project, apps, targets, documented, scripts});
  // The checklist first: it is what a newcomer reads; the facts it is derived from follow.
  facts["checklist"] =
      checklist(build_checklist({project, table, sets, test_setup, targets, manifests, apps, documented, processes}));
  // Every process the system runs, with the command that starts it and where that is written.
  json procs = json::array();
  for (const auto& p : processes) {
    json row = {{"kind", p.kind}, {"command", mask_text(p.command)}, {"system", p.system}};
    if (!p.name.empty()) row["name"] = p.name;
    row["source"] = p.source;
    if (!p.detail.empty()) row["detail"] = p.detail;
    row["path"] = p.path;
    if (p.line != 0) row["line"] = p.line;
    procs.push_back(std::move(row));
  }
  facts["processes"] = std::move(procs);
  facts["roots"] = roots(manifests);
  facts["python_versions"] = python_versions(manifests);
  facts["env_vars"] = env_vars(table);
  json dynamic = json::array();
  for (const auto& r : table.dynamic)
    dynamic.push_back({{"path", r.path}, {"line", r.line}, {"via", r.via}, {"expression", r.expr}});
  facts["env_vars_dynamic"] = std::move(dynamic);
  json files = json::array();
  for (const auto& t : table.templates) files.push_back({{"path", t}, {"kind", "template"}});
  for (const auto& l : table.loads)
    files.push_back({{"path", l.path}, {"line", l.line}, {"kind", "loaded"}, {"loads", l.file}, {"via", l.via}});
  facts["env_files"] = std::move(files);
  if (!table.dynaconf.empty()) {
    json d = json::array();
    for (const auto& l : table.dynaconf) {
      d.push_back(
          {{"path", l.path},
           {"line", l.line},
           {"envvar_prefix", l.file},
           {"note", "variables " + l.file + "_<SETTING> override Dynaconf settings; onramp does not list them"}});
    }
    facts["dynaconf"] = std::move(d);
  }
  facts["migrations"] = migrations(sets);
  facts["tests"] = tests(test_setup);
  facts["task_runners"] = task_runners(targets);
  json app_rows = json::array();
  for (const auto& a : apps) {
    app_rows.push_back(
        {{"path", a.path}, {"line", a.line}, {"framework", a.framework}, {"target", a.target}, {"factory", a.factory}});
  }
  facts["app_objects"] = std::move(app_rows);
}

}  // namespace onramp::checks::local_setup
