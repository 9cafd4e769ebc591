#include "onramp/checks/local-setup/runners.hpp"

#include "onramp/model/inputs.hpp"
#include "onramp/parse/documents.hpp"

#include <yaml-cpp/yaml.h>
#include "onramp/util/toml.hpp"

#include <algorithm>
#include <set>

#include "onramp/checks/local-setup/paths.hpp"
#include "onramp/parse/ini.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::local_setup {

namespace {

std::uint32_t line_of(const toml::node& n) { return static_cast<std::uint32_t>(n.source().begin.line); }

/// A recipe line without make's `@`, `-` and `+` prefixes.
std::string recipe_command(std::string_view line) {
  line = util::trim(line);
  while (!line.empty() && (line[0] == '@' || line[0] == '-' || line[0] == '+')) line.remove_prefix(1);
  return util::collapse_whitespace(line);
}

void makefile(const std::string& path, std::string_view text, std::vector<TaskTarget>& out) {
  std::set<std::string, std::less<>> phony;
  std::vector<TaskTarget> targets;
  TaskTarget* current = nullptr;
  std::uint32_t n = 0;
  bool continued = false;
  for (auto raw : util::split(text, '\n')) {
    ++n;
    const bool was_continued = continued;
    continued = !raw.empty() && raw.back() == '\\';
    if (raw.ends_with('\r')) raw.remove_suffix(1);
    if (!raw.empty() && raw[0] == '\t') {
      if (current != nullptr) {
        const auto cmd = recipe_command(continued ? raw.substr(0, raw.size() - 1) : raw);
        if (current->command.empty() && !was_continued) current->command = cmd;
        current->body += cmd + "\n";
      }
      continue;
    }
    if (was_continued) continue;
    const auto line = util::trim(raw);
    if (line.empty() || line[0] == '#') {
      continue;
    }
    current = nullptr;
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || raw[0] == ' ') continue;
    const auto eq = line.find('=');
    if (eq != std::string_view::npos && eq < colon + 2) continue;  // X := y, X ?= y, X = a:b
    const auto names = line.substr(0, colon);
    if (names.starts_with(".PHONY")) {
      const auto list = util::collapse_whitespace(line.substr(colon + 1));
      for (auto p : util::split(list, ' ')) phony.insert(std::string(p));
      continue;
    }
    if (names.starts_with('.') || names.find('%') != std::string_view::npos ||
        names.find('$') != std::string_view::npos)
      continue;
    const auto name_list = util::collapse_whitespace(names);
    for (auto name : util::split(name_list, ' ')) {
      if (name.empty()) continue;
      targets.push_back({"make", path, n, std::string(name), {}, {}, false, {}});
    }
    current = &targets.back();
    // `target: ; command` puts the recipe on the rule's line.
    if (const auto semi = line.find(';', colon); semi != std::string_view::npos) {
      current->command = recipe_command(line.substr(semi + 1));
      current->body = current->command + "\n";
    }
  }
  const bool includes_env =
      text.find("include .env") != std::string_view::npos || text.find("-include .env") != std::string_view::npos;
  for (auto& t : targets) {
    t.phony = phony.contains(t.name);
    t.invoke = "make " + t.name;
    t.loads_env = includes_env;
    out.push_back(std::move(t));
  }
}

void justfile(const std::string& path, std::string_view text, std::vector<TaskTarget>& out) {
  TaskTarget* current = nullptr;
  std::vector<TaskTarget> recipes;
  std::uint32_t n = 0;
  for (auto raw : util::split(text, '\n')) {
    ++n;
    if (raw.ends_with('\r')) raw.remove_suffix(1);
    const auto line = util::trim(raw);
    if (line.empty() || line[0] == '#') continue;
    if (raw[0] == ' ' || raw[0] == '\t') {
      if (current != nullptr) {
        const auto cmd = recipe_command(line);
        if (current->command.empty()) current->command = cmd;
        current->body += cmd + "\n";
      }
      continue;
    }
    current = nullptr;
    if (line[0] == '[' || line.starts_with("set ") || line.starts_with("alias ") || line.starts_with("export ") ||
        line.starts_with("import ") || line.starts_with("mod ")) {
      continue;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || line.substr(colon, 2) == ":=") continue;
    auto head = util::trim(line.substr(0, colon));
    if (head.starts_with('@')) head.remove_prefix(1);
    const auto name = head.substr(0, head.find(' '));
    if (name.empty()) continue;
    recipes.push_back({"just", path, n, std::string(name), {}, {}, false, "just " + std::string(name)});
    current = &recipes.back();
  }
  const bool dotenv = text.find("set dotenv-load") != std::string_view::npos;
  for (auto& r : recipes) {
    r.loads_env = dotenv;
    out.push_back(std::move(r));
  }
}

void taskfile(const std::string& path, const parse::YamlDocument& yaml, std::vector<TaskTarget>& out) {
  if (yaml.error) return;
  try {
    const YAML::Node& doc = yaml.root;
    const YAML::Node tasks = doc.IsMap() ? doc["tasks"] : YAML::Node();
    if (!tasks || !tasks.IsMap()) return;
    for (const auto& kv : tasks) {
      if (!kv.first.IsScalar()) continue;
      TaskTarget t{
          "task", path, static_cast<std::uint32_t>(kv.first.Mark().line + 1), kv.first.as<std::string>(), {}, {},
          false,  {}};
      t.invoke = "task " + t.name;
      YAML::Node cmds = kv.second;
      if (cmds.IsMap()) cmds = cmds["cmds"] ? cmds["cmds"] : cmds["cmd"];
      const auto add = [&](const YAML::Node& c) {
        std::string cmd;
        if (c.IsScalar()) cmd = c.as<std::string>();
        if (c.IsMap() && c["cmd"] && c["cmd"].IsScalar()) cmd = c["cmd"].as<std::string>();
        if (c.IsMap() && c["task"] && c["task"].IsScalar()) cmd = "task " + c["task"].as<std::string>();
        cmd = util::collapse_whitespace(cmd);
        if (cmd.empty()) return;
        if (t.command.empty()) t.command = cmd;
        t.body += cmd + "\n";
      };
      if (cmds && cmds.IsSequence()) {
        for (const auto& c : cmds) add(c);
      } else if (cmds) {
        add(cmds);
      }
      out.push_back(std::move(t));
    }
  } catch (const YAML::Exception&) {
    // A Taskfile that does not parse lists no tasks; the file checks report it.
  }
}

void shell_script(const std::string& path, std::string_view text, std::vector<TaskTarget>& out) {
  TaskTarget t{"script", path, 1, std::string(base_name(path)), {}, {}, false, {}};
  std::uint32_t n = 0;
  for (auto raw : util::split(text, '\n')) {
    ++n;
    const auto line = util::trim(raw);
    if (line.empty() || line[0] == '#' || line.starts_with("set ")) continue;
    const auto cmd = util::collapse_whitespace(line);
    if (t.command.empty()) {
      t.command = cmd;
      t.line = n;
    }
    t.body += cmd + "\n";
    if (cmd.starts_with(". ") && cmd.find(".env") != std::string::npos) t.loads_env = true;
    if (cmd.starts_with("source ") && cmd.find(".env") != std::string::npos) t.loads_env = true;
  }
  out.push_back(std::move(t));
}

/// `name = "cmd"` or `name = {cmd = "...", shell = "...", call = "...", script = "..."}` or a list of commands.
std::string toml_command(const toml::node& v) {
  if (const auto* s = v.as_string()) return s->get();
  if (const auto* t = v.as_table()) {
    for (const char* k : {"cmd", "shell", "call", "script", "composite", "sequence"}) {
      if (const auto* e = t->get(k)) return toml_command(*e);
    }
  }
  if (const auto* a = v.as_array()) {
    std::string out;
    for (const auto& e : *a) {
      const auto c = toml_command(e);
      if (!c.empty()) out += (out.empty() ? "" : " && ") + c;
    }
    return out;
  }
  return {};
}

void table_scripts(const toml::table* t, const std::string& tool, const std::string& path, const std::string& run,
                   std::vector<TaskTarget>& out) {
  if (t == nullptr) return;
  for (const auto& [k, v] : *t) {
    const std::string name(k.str());
    if (tool == "pdm" && name == "_") continue;  // shared options
    const auto cmd = util::collapse_whitespace(toml_command(v));
    out.push_back({tool, path, line_of(v), name, cmd, cmd + "\n", false, run.empty() ? name : run + " " + name});
  }
}

void pyproject(const std::string& path, const parse::TomlDocument& parsed, std::vector<TaskTarget>& out) {
  if (parsed.error) return;  // the stack step reports broken manifests
  const auto& doc = parsed.table;
  if (const auto* project = doc.get_as<toml::table>("project"))
    table_scripts(project->get_as<toml::table>("scripts"), "project.scripts", path, "", out);
  const auto* tool = doc.get_as<toml::table>("tool");
  if (tool == nullptr) return;
  if (const auto* poetry = tool->get_as<toml::table>("poetry"))
    table_scripts(poetry->get_as<toml::table>("scripts"), "poetry.scripts", path, "poetry run", out);
  if (const auto* pdm = tool->get_as<toml::table>("pdm"))
    table_scripts(pdm->get_as<toml::table>("scripts"), "pdm", path, "pdm run", out);
  if (const auto* poe = tool->get_as<toml::table>("poe")) {
    const auto first = out.size();
    table_scripts(poe->get_as<toml::table>("tasks"), "poe", path, "poe", out);
    const bool envfile = poe->get("envfile") != nullptr;
    for (auto i = first; i < out.size(); ++i) out[i].loads_env = envfile;
  }
  if (const auto* taskipy = tool->get_as<toml::table>("taskipy"))
    table_scripts(taskipy->get_as<toml::table>("tasks"), "taskipy", path, "task", out);
  if (const auto* hatch = tool->get_as<toml::table>("hatch")) {
    if (const auto* envs = hatch->get_as<toml::table>("envs")) {
      for (const auto& [env, t] : *envs) {
        const auto* et = t.as_table();
        if (et == nullptr) continue;
        const std::string e(env.str());
        table_scripts(et->get_as<toml::table>("scripts"), "hatch", path,
                      e == "default" ? "hatch run" : "hatch run " + e + ":", out);
      }
      for (auto& t : out) {
        if (t.tool == "hatch" && t.invoke.find(": ") != std::string::npos) t.invoke.erase(t.invoke.find(": ") + 1, 1);
      }
    }
  }
}

}  // namespace

std::vector<TaskTarget> find_task_targets(const model::Project& project) {
  std::vector<TaskTarget> out;
  for (const auto& f : project.files) {
    const auto name = base_name(f.path);
    const bool makefile_name = name == "Makefile" || name == "makefile" || name == "GNUmakefile";
    const bool justfile_name = name == "justfile" || name == "Justfile" || name == ".justfile";
    const bool taskfile_name = name == "Taskfile.yml" || name == "Taskfile.yaml";
    const bool script =
        name.ends_with(".sh") && (f.path.starts_with("scripts/") || f.path.find("/scripts/") != std::string::npos);
    const bool pyproject_file = f.kind == core::FileKind::pyproject;
    if (!makefile_name && !justfile_name && !taskfile_name && !script && !pyproject_file) continue;
    const auto& inputs = project.inputs();
    const auto* text = inputs.text(f.path);
    if (text == nullptr) continue;
    if (makefile_name) makefile(f.path, *text, out);
    if (justfile_name) justfile(f.path, *text, out);
    if (taskfile_name) taskfile(f.path, *inputs.yaml(f.path), out);
    if (script) shell_script(f.path, *text, out);
    if (pyproject_file) pyproject(f.path, *inputs.toml(f.path), out);
  }
  for (auto& t : out) {
    if (t.tool == "script")
      t.invoke = "bash " + std::string(base_name(dir_of(t.path))) + "/" + std::string(base_name(t.path));
  }
  return out;
}

TestSetup find_test_setup(const model::Project& project) {
  TestSetup s;
  for (const auto& m : project.modules) {
    if (base_name(m.path) == "conftest.py") s.conftests.push_back(m.path);
    const auto name = base_name(m.path);
    if (m.role == core::CodeRole::test && name != "conftest.py" && name != "__init__.py") ++s.test_files;
    if (name == "noxfile.py") {
      s.nox_path = m.path;
      for (const auto& fn : m.functions) {
        for (const auto& d : fn.decorators) {
          if (d == "nox.session" || d == "nox.session()" || d.starts_with("nox.session")) {
            s.nox_sessions.push_back(fn.name);
            break;
          }
        }
      }
    }
  }
  bool pytest_config = false;
  const auto take = [&](const std::string& path, std::uint32_t line, const std::string& section, auto&& get) {
    pytest_config = true;
    s.configs.push_back({path, line, section});
    if (s.testpaths.empty()) s.testpaths = get("testpaths");
    if (s.addopts.empty()) s.addopts = get("addopts");
    if (s.django_settings_module.empty()) s.django_settings_module = get("DJANGO_SETTINGS_MODULE");
  };
  for (const auto& f : project.files) {
    const auto name = base_name(f.path);
    const bool ini = name == "pytest.ini" || name == ".pytest.ini" || name == "tox.ini" || name == "setup.cfg";
    if (!ini && f.kind != core::FileKind::pyproject) continue;
    const auto* text = project.inputs().text(f.path);
    if (text == nullptr) continue;
    if (ini) {
      const auto& sections = project.inputs().ini(f.path)->sections;
      const char* sec = name == "setup.cfg" ? "tool:pytest" : "pytest";
      if (const auto* p = parse::find_section(sections, sec)) {
        take(f.path, p->line, std::string("[") + sec + "]", [&](const char* key) {
          const auto* e = p->find(key);
          return e != nullptr ? util::collapse_whitespace(e->value) : std::string{};
        });
      }
      if (name == "tox.ini") {
        if (const auto* t = parse::find_section(sections, "tox")) {
          s.tox_path = f.path;
          s.configs.push_back({f.path, t->line, "[tox]"});
          if (const auto* e = t->find("envlist")) s.tox_envlist = util::collapse_whitespace(e->value);
        }
      }
      continue;
    }
    if (text->find("pytest") == std::string::npos) continue;
    const auto* parsed = project.inputs().toml(f.path);
    if (parsed->error) continue;
    const auto* tool = parsed->table.get_as<toml::table>("tool");
    const auto* pytest = tool != nullptr ? tool->get_as<toml::table>("pytest") : nullptr;
    if (pytest == nullptr) continue;
    const auto* opts = pytest->get_as<toml::table>("ini_options");
    const auto* t = opts != nullptr ? opts : pytest;
    take(f.path, line_of(*t), opts != nullptr ? "[tool.pytest.ini_options]" : "[tool.pytest]", [&](const char* key) {
      const auto* v = t->get(key);
      if (v == nullptr) return std::string{};
      if (const auto* str = v->as_string()) return util::collapse_whitespace(str->get());
      std::string out;
      if (const auto* a = v->as_array()) {
        for (const auto& e : *a) {
          if (const auto* es = e.as_string()) out += (out.empty() ? "" : " ") + es->get();
        }
      }
      return out;
    });
  }
  if (pytest_config || !s.conftests.empty()) {
    s.runner = "pytest";
  } else if (s.test_files > 0) {
    // pytest runs module-level test functions and imports; unittest needs TestCase classes and nothing else.
    bool pytest = false;
    for (const auto& m : project.modules) {
      for (const auto& imp : m.imports) pytest = pytest || imp.module == "pytest" || imp.module.starts_with("pytest_");
      if (m.role != core::CodeRole::test) continue;
      for (const auto& fn : m.functions)
        pytest = pytest || (fn.parent == -1 && fn.owner_class == -1 && fn.name.starts_with("test"));
    }
    s.runner = pytest ? "pytest" : "unittest";
  }
  // tox-only configurations ([tox] without [pytest]) still name pytest only when the tests use it.
  if (s.runner.empty() && !s.tox_path.empty()) s.runner = "tox";
  return s;
}

}  // namespace onramp::checks::local_setup
