#include "onramp/model/roles.hpp"

#include <algorithm>

#include "onramp/model/inputs.hpp"
#include "onramp/parse/dockerfile.hpp"
#include "onramp/parse/documents.hpp"
#include "onramp/parse/ini.hpp"
#include "onramp/util/paths.hpp"
#include "onramp/util/strings.hpp"
#include "onramp/util/toml.hpp"

namespace onramp::model {

using core::CodeRole;

namespace {

/// The directory prefix of `path` that ends at the first directory named one of `names`, or nullopt.
template <class Names>
std::optional<std::string_view> directory_named(std::string_view path, const Names& names) {
  const auto dir = util::parent_dir(path);
  std::size_t start = 0;
  for (auto part : util::split(dir, '/')) {
    if (std::find(std::begin(names), std::end(names), part) != std::end(names))
      return dir.substr(0, start + part.size());
    start += part.size() + 1;
  }
  return std::nullopt;
}

bool has_hidden_directory(std::string_view path) {
  for (auto part : util::split(util::parent_dir(path), '/')) {
    if (part.size() > 1 && part.starts_with('.') && part != "..") return true;
  }
  return false;
}

std::string_view top_component(std::string_view dotted) { return dotted.substr(0, dotted.find('.')); }

bool imports_top(const facts::Module& m, std::initializer_list<std::string_view> tops) {
  return std::any_of(m.imports.begin(), m.imports.end(), [&](const facts::Import& imp) {
    return std::find(tops.begin(), tops.end(), top_component(imp.module)) != tops.end();
  });
}

/// A command-line program: its `__main__` guard drives argparse, click, typer, fire, docopt or cyclopts, or it defines a
/// click command or group, a typer app or a cyclopts app (its commands run `asyncio.run` for a terminal, not a server).
bool defines_cli(const facts::Module& m) {
  if (m.main_guard && imports_top(m, {"argparse", "click", "typer", "fire", "docopt", "cyclopts"})) return true;
  for (const auto& f : m.functions) {
    for (const auto& d : f.decorators) {
      if (d.starts_with("click.") || d.starts_with("typer.Typer().") || d.starts_with("asyncclick.") ||
          d.starts_with("cyclopts.App()."))
        return true;
    }
  }
  return std::any_of(m.calls.begin(), m.calls.end(),
                     [](const facts::Call& c) { return c.callee == "typer.Typer" || c.callee == "cyclopts.App"; });
}

}  // namespace

bool is_manage_script(const facts::Module& m) {
  return util::base_name(m.path) == "manage.py" && (m.main_guard || imports_top(m, {"django"}) || defines_cli(m));
}

namespace {

bool matches_exclude(const ExcludePattern& p, std::string_view path) {
  if (!p.base.empty()) {
    if (!path.starts_with(p.base) || path.size() <= p.base.size() || path[p.base.size()] != '/') return false;
    path = path.substr(p.base.size() + 1);
  }
  if (p.regex) return std::regex_search(path.begin(), path.end(), *p.regex);
  std::string_view glob = p.glob;
  while (glob.starts_with("./")) glob.remove_prefix(2);
  while (glob.size() > 1 && glob.ends_with('/')) glob.remove_suffix(1);
  if (glob.empty()) return false;
  // ruff: a pattern without a slash names a file or directory anywhere below; one with a slash is anchored at the
  // config's directory. Either way a directory pattern covers everything inside it.
  if (glob.find('/') == std::string_view::npos) {
    for (auto part : util::split(path, '/')) {
      if (util::glob_match(glob, part)) return true;
    }
    return false;
  }
  for (std::size_t end = path.find('/');; end = path.find('/', end + 1)) {
    if (util::glob_match(glob, path.substr(0, end))) return true;
    if (end == std::string_view::npos) return false;
  }
}

/// mypy's `exclude` is a Python regular expression; `(?x)` (verbose) is common in pyproject.toml, and ECMAScript
/// has no such flag, so white space and comments are dropped by hand.
std::optional<std::regex> mypy_regex(std::string pattern) {
  if (pattern.starts_with("(?x)")) {
    std::string out;
    bool escaped = false, in_class = false, comment = false;
    for (char c : pattern.substr(4)) {
      if (comment) {
        comment = c != '\n';
        continue;
      }
      if (!escaped && !in_class && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) continue;
      if (!escaped && !in_class && c == '#') {
        comment = true;
        continue;
      }
      if (!escaped && c == '[') in_class = true;
      if (!escaped && c == ']') in_class = false;
      escaped = !escaped && c == '\\';
      out += c;
    }
    pattern = std::move(out);
  }
  if (pattern.empty()) return std::nullopt;
  try {
    return std::regex(pattern, std::regex::ECMAScript);
  } catch (const std::regex_error&) {
    return std::nullopt;  // a pattern std::regex cannot read excludes nothing: the file keeps its other role
  }
}

void add_globs(const toml::node* node, const std::string& base, const std::string& source, RoleInputs& out) {
  if (node == nullptr) return;
  if (const auto* arr = node->as_array()) {
    for (const auto& item : *arr) {
      if (const auto s = item.value<std::string>()) out.excluded.push_back({base, *s, std::nullopt, source});
    }
  }
}

void add_mypy(const toml::node* node, const std::string& base, const std::string& source, RoleInputs& out) {
  if (node == nullptr) return;
  std::vector<std::string> patterns;
  if (const auto s = node->value<std::string>()) patterns.push_back(*s);
  if (const auto* arr = node->as_array()) {
    for (const auto& item : *arr) {
      if (const auto s = item.value<std::string>()) patterns.push_back(*s);
    }
  }
  for (auto& p : patterns) {
    if (auto re = mypy_regex(p)) out.excluded.push_back({base, {}, std::move(re), source});
  }
}

/// `app.cli:main [extra]` -> `app.cli`.
std::string entry_module(std::string_view target) {
  target = util::trim(target.substr(0, target.find_first_of(":[ ")));
  return std::string(target);
}

void add_scripts(const toml::table* scripts, RoleInputs& out) {
  if (scripts == nullptr) return;
  for (const auto& [name, value] : *scripts) {
    if (const auto s = value.value<std::string>()) {
      out.script_modules.insert(entry_module(*s));
    } else if (const auto* t = value.as_table()) {  // poetry: `name = { callable = "app.cli:main" }`
      if (const auto c = t->get_as<std::string>("callable")) out.script_modules.insert(entry_module(c->get()));
    }
  }
}

void read_pyproject(const TomlDocument& parsed, const std::string& path, RoleInputs& out) {
  if (parsed.error) return;  // the stack step reports broken manifests
  const auto& doc = parsed.table;
  const std::string base(util::parent_dir(path));
  if (const auto* project = doc.get_as<toml::table>("project"))
    add_scripts(project->get_as<toml::table>("scripts"), out);
  const auto* tool = doc.get_as<toml::table>("tool");
  if (tool == nullptr) return;
  if (const auto* poetry = tool->get_as<toml::table>("poetry"))
    add_scripts(poetry->get_as<toml::table>("scripts"), out);
  if (const auto* ruff = tool->get_as<toml::table>("ruff")) {
    add_globs(ruff->get("exclude"), base, path + " [tool.ruff] exclude", out);
    add_globs(ruff->get("extend-exclude"), base, path + " [tool.ruff] extend-exclude", out);
  }
  if (const auto* mypy = tool->get_as<toml::table>("mypy"))
    add_mypy(mypy->get("exclude"), base, path + " [tool.mypy] exclude", out);
}

void read_ruff_toml(const TomlDocument& parsed, const std::string& path, RoleInputs& out) {
  if (parsed.error) return;
  const std::string base(util::parent_dir(path));
  add_globs(parsed.table.get("exclude"), base, path + " exclude", out);
  add_globs(parsed.table.get("extend-exclude"), base, path + " extend-exclude", out);
}

void read_ini_config(const IniDocument& ini, const std::string& path, RoleInputs& out) {
  const auto& sections = ini.sections;
  const std::string base(util::parent_dir(path));
  if (const auto* mypy = parse::find_section(sections, "mypy")) {
    if (const auto* e = mypy->find("exclude")) {
      if (auto re = mypy_regex(std::string(util::trim(e->value))))
        out.excluded.push_back({base, {}, std::move(re), path + " [mypy] exclude"});
    }
  }
  if (const auto* entry = parse::find_section(sections, "options.entry_points")) {
    if (const auto* scripts = entry->find("console_scripts")) {
      for (const auto& line : parse::split_list(scripts->value)) {
        const auto eq = line.find('=');
        if (eq != std::string::npos)
          out.script_modules.insert(entry_module(util::trim(std::string_view(line).substr(eq + 1))));
      }
    }
  }
}

bool excluded_by_team(std::string_view path, const RoleInputs& inputs) {
  return std::any_of(inputs.excluded.begin(), inputs.excluded.end(),
                     [&](const ExcludePattern& p) { return matches_exclude(p, path); });
}

bool is_root_file(std::string_view path, std::string_view name, const RoleInputs& inputs) {
  if (util::base_name(path) != name) return false;
  const auto dir = util::parent_dir(path);
  return std::any_of(inputs.roots.begin(), inputs.roots.end(),
                     [&](const std::string& r) { return r == dir || (r == "." && dir.empty()); });
}

/// docs/ or examples/ (and their kin) that is not a package of the project: code shown to readers, not run.
std::optional<std::string_view> example_directory(std::string_view path, const RoleInputs& inputs) {
  static constexpr std::string_view kNames[] = {"examples", "example", "docs", "doc", "samples", "sample", "docs_src"};
  const auto dir = directory_named(path, kNames);
  if (!dir || inputs.package_dirs.contains(*dir)) return std::nullopt;
  return dir;
}

/// `python /app/healthcheck.py`, `CMD ./fetchstatus.py`, `["python", "$HOME/app/probe.py"]`: the .py words of a
/// HEALTHCHECK, cut after the last `$VAR/` or `./` (container paths such as `/app/` are kept for the suffix match).
void read_healthcheck(const parse::DockerInstruction& ins, std::vector<std::string>& out) {
  std::vector<std::string> words = ins.exec_form;
  if (!ins.is_exec_form) {
    for (auto w : util::split(ins.arguments, ' ')) {
      if (!w.empty()) words.emplace_back(w);
    }
  }
  for (std::string_view w : words) {
    if (!w.ends_with(".py")) continue;
    if (const auto var = w.rfind("}/"); var != std::string_view::npos) w.remove_prefix(var + 2);
    if (w.starts_with('$')) w.remove_prefix(std::min(w.size(), w.find('/') + 1));
    while (w.starts_with("./")) w.remove_prefix(2);
    if (!w.empty()) out.emplace_back(w);
  }
}

void read_healthchecks(const parse::Dockerfile& file, std::vector<std::string>& out) {
  for (const auto& stage : file.stages) {
    for (const auto& ins : stage.instructions) {
      if (ins.keyword == "HEALTHCHECK") read_healthcheck(ins, out);
    }
  }
}

/// A path the HEALTHCHECK names: the repository path ends with what it wrote (at a `/`), or the written container
/// path ends with the repository path.
bool is_healthcheck_script(std::string_view path, const RoleInputs& inputs) {
  for (std::string_view w : inputs.healthcheck_scripts) {
    while (w.starts_with('/')) w.remove_prefix(1);
    const auto at_slash = [](std::string_view longer, std::string_view shorter) {
      return longer.ends_with(shorter) &&
             (longer.size() == shorter.size() || longer[longer.size() - shorter.size() - 1] == '/');
    };
    if (at_slash(path, w) || at_slash(w, path)) return true;
  }
  return false;
}

}  // namespace

RoleInputs role_inputs(const model::Project& project) {
  RoleInputs out;
  out.roots = project.roots;
  for (const auto& f : project.files) {
    const auto name = util::base_name(f.path);
    if (f.kind == core::FileKind::dockerfile) {
      if (const auto* docker = project.inputs().dockerfile(f.path)) read_healthchecks(*docker, out.healthcheck_scripts);
      continue;
    }
    if (name == "__init__.py") out.package_dirs.insert(std::string(util::parent_dir(f.path)));
    const bool wanted = f.kind == core::FileKind::pyproject || name == "ruff.toml" || name == ".ruff.toml" ||
                        name == "mypy.ini" || name == ".mypy.ini" || f.kind == core::FileKind::setup_cfg;
    if (!wanted) continue;
    const auto& inputs = project.inputs();
    if (f.kind == core::FileKind::pyproject || name == "ruff.toml" || name == ".ruff.toml") {
      const auto* doc = inputs.toml(f.path);
      if (doc == nullptr) continue;
      if (f.kind == core::FileKind::pyproject) read_pyproject(*doc, f.path, out);
      else read_ruff_toml(*doc, f.path, out);
    } else if (const auto* ini = inputs.ini(f.path)) {
      read_ini_config(*ini, f.path, out);
    }
  }
  return out;
}

bool is_template(std::string_view text) {
  return text.find("{{") != std::string_view::npos || text.find("{%") != std::string_view::npos;
}

bool has_generated_header(std::string_view text) {
  constexpr int kHeaderLines = 10;
  int n = 0;
  for (auto line : util::lines_of(text.substr(0, 4096))) {
    if (++n > kHeaderLines) break;
    line = util::trim(line);
    if (line.find("DO NOT EDIT") != std::string_view::npos || line.find("@generated") != std::string_view::npos)
      return true;
    // In a comment only: Django's startproject settings say "Generated by 'django-admin startproject'" in a
    // docstring, and that file is the team's to edit.
    if (line.starts_with('#')) {
      const auto lower = util::to_lower(line);
      if (lower.find("generated by") != std::string::npos || lower.find("autogenerated") != std::string::npos ||
          lower.find("auto-generated") != std::string::npos) {
        return true;
      }
    }
  }
  return false;
}

bool is_test_path(std::string_view path) {
  const auto name = util::base_name(path);
  if (name.starts_with("test_") || name.ends_with("_test.py") || name.ends_with("_tests.py") || name == "conftest.py" ||
      name == "tests.py") {
    return true;
  }
  return in_test_directory(path);
}

bool in_test_directory(std::string_view path) {
  static constexpr std::string_view kDirs[] = {"tests", "test", "testing", "fixtures"};
  if (directory_named(path, kDirs)) return true;
  // `integration_tests/`, `e2e_tests/`, `tests_integration/`: test suites by another name.
  for (auto part : util::split(util::parent_dir(path), '/')) {
    if (part.ends_with("_tests") || part.starts_with("tests_")) return true;
  }
  return false;
}

bool is_django_migration(const facts::Module& m) {
  const bool imports_migrations = std::any_of(m.imports.begin(), m.imports.end(), [](const facts::Import& imp) {
    return !imp.nested && !imp.type_checking &&
           ((imp.module == "django.db" && imp.name == "migrations") || imp.module == "django.db.migrations");
  });
  if (!imports_migrations) return false;
  if (m.path.starts_with("migrations/") || m.path.find("/migrations/") != std::string::npos) return true;
  // A MIGRATION_MODULES package under another name (DefectDojo's dojo/db_migrations/): its `class Migration`.
  return std::any_of(m.classes.begin(), m.classes.end(), [](const facts::Class& c) {
    return c.name == "Migration" &&
           std::find(c.bases.begin(), c.bases.end(), "django.db.migrations.Migration") != c.bases.end();
  });
}

bool is_migration_module(const facts::Module& m) {
  for (const auto& imp : m.imports) {
    if (imp.nested || imp.type_checking) continue;
    // Alembic revisions use `op`, its env.py `context`; both live in the script directory, not the application.
    if (imp.module == "alembic" && (imp.name == "op" || imp.name == "context")) return true;
    if (imp.module == "alembic.op" || imp.module == "alembic.context") return true;
  }
  return is_django_migration(m);
}

CodeRole classify(const facts::Module& m, std::string_view text, const RoleInputs& inputs) {
  const std::string_view path = m.path;
  const auto name = util::base_name(path);
  static constexpr std::string_view kVendorDirs[] = {"vendor",      "vendored",    "_vendor",
                                                     "third_party", "third-party", "_vendored"};
  if (directory_named(path, kVendorDirs)) return CodeRole::vendored;
  // Before generated: Django writes "# Generated by Django" atop every migration, and a migration is more than that.
  if (is_migration_module(m)) return CodeRole::migration;
  if (name.ends_with("_pb2.py") || name.ends_with("_pb2_grpc.py") || has_generated_header(text))
    return CodeRole::generated;
  if (is_test_path(path)) return CodeRole::test;
  if (const auto dir = example_directory(path, inputs)) {
    // Sphinx's conf.py configures the docs build.
    return name == "conf.py" && util::base_name(*dir).starts_with("doc") ? CodeRole::tooling : CodeRole::example;
  }
  // Hidden directories (.github/, .semgrep/, .devcontainer/) hold CI helpers and tool inputs; task runners and the
  // build script at a project root drive development, not the service.
  if (has_hidden_directory(path) || name == "noxfile.py" || name == "fabfile.py" || name == "dodo.py" ||
      is_root_file(path, "setup.py", inputs) || (name == "tasks.py" && imports_top(m, {"invoke"}))) {
    return CodeRole::tooling;
  }
  // A `cli/` package holds the commands and the helpers only they use.
  static constexpr std::string_view kScriptDirs[] = {"scripts",    "script",  "bin", "tools",
                                                     "benchmarks", "benches", "cli"};
  if (is_manage_script(m) || name == "__main__.py" || name == "cli.py" || directory_named(path, kScriptDirs) ||
      path.find("management/commands/") != std::string_view::npos || inputs.script_modules.contains(m.name) ||
      defines_cli(m) || is_healthcheck_script(path, inputs)) {
    return CodeRole::script;
  }
  if (excluded_by_team(path, inputs)) return CodeRole::generated;
  return CodeRole::application;
}

CodeRole role_of(const model::Project& project, std::string_view path) {
  const auto* file = project.find(path);
  return file != nullptr && file->role ? *file->role : CodeRole::application;
}

bool rule_applies(std::string_view rule_id, CodeRole role) {
  // Code nobody here writes by hand: no finding about it is actionable.
  if (role == CodeRole::generated || role == CodeRole::template_ || role == CodeRole::vendored) return false;
  if (role == CodeRole::application) return true;
  const auto step = rule_id.substr(0, rule_id.find('/'));
  const auto in = [role](std::initializer_list<CodeRole> roles) {
    return std::find(roles.begin(), roles.end(), role) != roles.end();
  };
  using R = CodeRole;
  // Tests and applied migrations are not refactored or typed for readers.
  if (step == "style" || step == "typing") return !in({R::test, R::migration});
  // Debuggers are imported on purpose in tests and developer tools; a breakpoint() is a leftover anywhere.
  if (rule_id == "sandbox/debugger-import") return !in({R::test, R::script, R::tooling});
  // (Scripts, tests and tools block as they like: the async/blocking-* rules say so with `skip-roles` in their YAML.)
  // A Dockerfile or requirements file inside a test suite is a fixture the tests build or resolve, not what the
  // team ships or installs: its base image, user and pins are the test's business.
  if (role == R::test && (rule_id.starts_with("local-setup/dockerfile-") || rule_id == "local-setup/no-lockfile" ||
                          rule_id == "stack/unpinned-dependency")) {
    return rule_id == "local-setup/dockerfile-secret-in-build";
  }
  // What examples and CI helpers import is for their readers and the CI job to install, not a dependency of the project.
  if (rule_id == "stack/undeclared-import") return !in({R::example, R::tooling});
  if (step == "logging") {
    // Code that talks to a terminal on purpose: print, swallowing, loops of logs and the root logger are fine there.
    if (rule_id == "logging/print-call" || rule_id == "logging/swallowed-exception" ||
        rule_id == "logging/log-in-loop" || rule_id == "logging/root-logger-call") {
      return false;
    }
    if (rule_id == "logging/eager-format" || rule_id == "logging/error-instead-of-exception" ||
        rule_id == "logging/exception-outside-except") {
      return !in({R::test, R::tooling});
    }
    return role != R::tooling;
  }
  return true;
}

void drop_findings_outside_roles(const std::vector<std::pair<std::string, CodeRole>>& roles,
                                 std::vector<core::Finding>& findings) {
  std::erase_if(findings, [&](const core::Finding& f) {
    const auto it = std::lower_bound(roles.begin(), roles.end(), f.path,
                                     [](const auto& entry, const std::string& p) { return entry.first < p; });
    return it != roles.end() && it->first == f.path && !rule_applies(f.rule, it->second);
  });
}

}  // namespace onramp::model
