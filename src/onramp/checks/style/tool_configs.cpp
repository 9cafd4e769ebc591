#include "onramp/checks/style/tool_configs.hpp"

#include "onramp/model/inputs.hpp"
#include "onramp/parse/documents.hpp"

#include <yaml-cpp/yaml.h>
#include "onramp/util/toml.hpp"

#include <algorithm>

#include "onramp/parse/ini.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::style {

namespace {

using json = nlohmann::ordered_json;

std::uint32_t line_of(const toml::node& n) { return static_cast<std::uint32_t>(n.source().begin.line); }

/// A scalar as written on its line (`python_version = 3.10` is the float 3.1 to TOML, "3.10" to mypy).
std::string raw_scalar(std::string_view text, std::uint32_t line) {
  const auto lines = util::split(text, '\n');
  if (line == 0 || line > lines.size()) return {};
  auto l = lines[line - 1];
  const auto eq = l.find('=');
  if (eq == std::string_view::npos) return {};
  l = l.substr(eq + 1);
  if (const auto hash = l.find('#'); hash != std::string_view::npos) l = l.substr(0, hash);
  return std::string(util::trim(l));
}

/// A TOML value as JSON: strings, integers, booleans, arrays of those; floats as written.
json toml_value(const toml::node& n, std::string_view text) {
  if (const auto* s = n.as_string()) return s->get();
  if (const auto* i = n.as_integer()) return i->get();
  if (const auto* b = n.as_boolean()) return b->get();
  if (n.is_floating_point()) return raw_scalar(text, line_of(n));
  if (const auto* a = n.as_array()) {
    json out = json::array();
    for (const auto& item : *a) {
      if (item.is_string() || item.is_integer() || item.is_boolean() || item.is_floating_point())
        out.push_back(toml_value(item, text));
    }
    return out;
  }
  return nullptr;
}

/// Copies `keys` (TOML spelling) present in `table` into `row` under JSON names (`-` becomes `_`).
void copy_keys(const toml::table* table, std::initializer_list<std::string_view> keys, std::string_view text,
               json& row) {
  if (table == nullptr) return;
  for (auto key : keys) {
    const auto* node = table->get(key);
    if (node == nullptr) continue;
    auto value = toml_value(*node, text);
    if (value.is_null()) continue;
    std::string name(key);
    std::replace(name.begin(), name.end(), '-', '_');
    if (!row.contains(name)) row[name] = std::move(value);
  }
}

json new_row(std::string_view name, std::string_view file, std::uint32_t line) {
  json row = json::object();
  row["name"] = name;
  row["file"] = file;
  if (line != 0) row["line"] = line;
  return row;
}

const toml::table* sub_table(const toml::table* t, std::string_view key) {
  return t == nullptr ? nullptr : t->get_as<toml::table>(key);
}

/// ruff's settings from its table (`[tool.ruff]` or a ruff.toml's root); `lint` settings may also sit at the top (older ruff).
json ruff_row(const toml::table& t, std::string_view file, std::uint32_t line, std::string_view text) {
  json row = new_row("ruff", file, line);
  copy_keys(&t, {"line-length", "target-version"}, text, row);
  const auto* lint = sub_table(&t, "lint");
  for (const auto* table : {lint, &t})
    copy_keys(table, {"select", "extend-select", "ignore", "extend-ignore"}, text, row);
  for (const auto* table : {lint, &t}) {
    if (const auto* mccabe = sub_table(table, "mccabe")) copy_keys(mccabe, {"max-complexity"}, text, row);
  }
  if (const auto* format = sub_table(&t, "format")) copy_keys(format, {"quote-style"}, text, row);
  return row;
}

/// mypy's `[tool.mypy]` with its `[[tool.mypy.overrides]]`.
json mypy_toml_row(const toml::table& t, std::string_view file, std::string_view text) {
  json row = new_row("mypy", file, line_of(t));
  row["strict"] = t["strict"].value_or(false);
  row["disallow_untyped_defs"] = t["disallow_untyped_defs"].value_or(false);
  copy_keys(&t, {"python_version", "check_untyped_defs", "ignore_missing_imports", "plugins"}, text, row);
  std::size_t overrides = 0, ignoring = 0;
  if (const auto* list = t.get_as<toml::array>("overrides")) {
    for (const auto& o : *list) {
      const auto* ot = o.as_table();
      if (ot == nullptr) continue;
      ++overrides;
      if ((*ot)["ignore_errors"].value_or(false)) ++ignoring;
    }
  }
  row["overrides"] = overrides;
  row["overrides_ignoring_errors"] = ignoring;
  return row;
}

json pyright_row(std::string_view name, const json& settings, std::string_view file, std::uint32_t line) {
  json row = new_row(name, file, line);
  if (settings.contains("typeCheckingMode") && settings["typeCheckingMode"].is_string())
    row["type_checking_mode"] = settings["typeCheckingMode"];
  if (settings.contains("pythonVersion") && settings["pythonVersion"].is_string())
    row["python_version"] = settings["pythonVersion"];
  if (settings.contains("strict") && settings["strict"].is_array()) row["strict_paths"] = settings["strict"].size();
  return row;
}

json toml_to_json(const toml::table& t, std::string_view text) {
  json out = json::object();
  for (const auto& [k, v] : t) {
    auto value = toml_value(v, text);
    if (!value.is_null()) out[std::string(k.str())] = std::move(value);
  }
  return out;
}

bool ini_true(const parse::IniEntry* e) {
  if (e == nullptr) return false;
  const auto v = util::to_lower(e->value);
  return v == "true" || v == "1" || v == "yes" || v == "on";
}

/// Copies INI entries into a row; comma/new-line lists become arrays when `lists` names them.
void copy_ini(const parse::IniSection& s, std::initializer_list<std::string_view> keys,
              std::initializer_list<std::string_view> lists, json& row) {
  for (auto key : keys) {
    const auto* e = s.find(key);
    if (e == nullptr) continue;
    std::string name(key);
    std::replace(name.begin(), name.end(), '-', '_');
    if (row.contains(name)) continue;
    if (std::find(lists.begin(), lists.end(), key) != lists.end()) {
      row[name] = parse::split_list(e->value);
    } else if (!e->value.empty() &&
               std::all_of(e->value.begin(), e->value.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
               e->value.size() < 10) {
      row[name] = std::stoll(e->value);
    } else {
      row[name] = e->value;
    }
  }
}

json mypy_ini_row(const std::vector<parse::IniSection>& sections, const parse::IniSection& main,
                  std::string_view file) {
  json row = new_row("mypy", file, main.line);
  row["strict"] = ini_true(main.find("strict"));
  row["disallow_untyped_defs"] = ini_true(main.find("disallow_untyped_defs"));
  copy_ini(main, {"python_version", "plugins"}, {"plugins"}, row);
  for (const char* key : {"check_untyped_defs", "ignore_missing_imports"}) {
    if (main.find(key) != nullptr) row[key] = ini_true(main.find(key));
  }
  std::size_t overrides = 0, ignoring = 0;
  for (const auto& s : sections) {
    if (!s.name.starts_with("mypy-")) continue;
    ++overrides;
    if (ini_true(s.find("ignore_errors"))) ++ignoring;
  }
  row["overrides"] = overrides;
  row["overrides_ignoring_errors"] = ignoring;
  return row;
}

/// The [*] / [*.py] sections of an .editorconfig that apply to Python files (later sections win).
json editorconfig_row(const parse::IniDocument& ini, std::string_view file) {
  json row = new_row("editorconfig", file, 0);
  bool any = false;
  for (const auto& s : ini.sections) {
    const bool applies = s.name == "*" || s.name == "**" || s.name.find("py") != std::string::npos;
    if (!applies) continue;
    for (const char* key : {"indent_style", "indent_size", "max_line_length"}) {
      if (const auto* e = s.find(key)) {
        row[key] = e->value;
        any = true;
      }
    }
  }
  return any ? row : json();
}

void pyproject_tool_rows(const model::Project& project, std::string_view path, std::vector<ToolRow>& linters,
                         std::vector<ToolRow>& checkers) {
  const auto* text = project.inputs().text(path);
  const auto* parsed = project.inputs().toml(path);
  if (text == nullptr || parsed == nullptr || parsed->error) return;  // the stack step reports broken manifests
  const auto* tool = parsed->table.get_as<toml::table>("tool");
  if (tool == nullptr) return;
  if (const auto* t = sub_table(tool, "ruff")) linters.push_back(ruff_row(*t, path, line_of(*t), *text));
  if (const auto* t = sub_table(tool, "black")) {
    json row = new_row("black", path, line_of(*t));
    copy_keys(t, {"line-length", "target-version", "skip-string-normalization", "preview"}, *text, row);
    linters.push_back(std::move(row));
  }
  if (const auto* t = sub_table(tool, "isort")) {
    json row = new_row("isort", path, line_of(*t));
    copy_keys(t, {"profile", "line_length", "line-length", "known_first_party"}, *text, row);
    linters.push_back(std::move(row));
  }
  if (const auto* t = sub_table(tool, "flake8")) {  // read by the Flake8-pyproject plugin
    json row = new_row("flake8", path, line_of(*t));
    copy_keys(t, {"max-line-length", "max-complexity", "select", "extend-select", "ignore", "extend-ignore"}, *text,
              row);
    linters.push_back(std::move(row));
  }
  if (const auto* t = sub_table(tool, "pylint")) {
    json row = new_row("pylint", path, line_of(*t));
    for (const auto& [name, sub] : *t) {
      if (const auto* st = sub.as_table()) {
        copy_keys(st, {"max-line-length", "py-version", "disable", "enable", "max-branches", "max-statements"}, *text,
                  row);
      }
    }
    copy_keys(t, {"max-line-length", "py-version", "disable", "enable"}, *text, row);
    linters.push_back(std::move(row));
  }
  if (const auto* t = sub_table(tool, "autopep8")) {
    json row = new_row("autopep8", path, line_of(*t));
    copy_keys(t, {"max_line_length", "max-line-length", "aggressive", "ignore", "select"}, *text, row);
    linters.push_back(std::move(row));
  }
  if (const auto* t = sub_table(tool, "yapf")) {
    json row = new_row("yapf", path, line_of(*t));
    copy_keys(t, {"based_on_style", "column_limit"}, *text, row);
    linters.push_back(std::move(row));
  }
  if (const auto* t = sub_table(tool, "mypy")) checkers.push_back(mypy_toml_row(*t, path, *text));
  for (const char* name : {"pyright", "basedpyright"}) {
    if (const auto* t = sub_table(tool, name))
      checkers.push_back(pyright_row(name, toml_to_json(*t, *text), path, line_of(*t)));
  }
}

/// setup.cfg, tox.ini, .flake8, .isort.cfg, .pylintrc, .style.yapf, .pep8: the sections each tool reads.
void read_ini_file(const parse::IniDocument& ini, std::string_view path, std::string_view base,
                   std::vector<ToolRow>& linters) {
  const auto& sections = ini.sections;
  const bool shared = base == "setup.cfg" || base == "tox.ini";
  for (const auto& s : sections) {
    if (s.name == "flake8" && (shared || base == ".flake8")) {
      json row = new_row("flake8", path, s.line);
      copy_ini(s, {"max-line-length", "max-complexity", "select", "extend-select", "ignore", "extend-ignore"},
               {"select", "extend-select", "ignore", "extend-ignore"}, row);
      linters.push_back(std::move(row));
    } else if ((s.name == "isort" && (shared || base == ".isort.cfg")) ||
               (s.name == "settings" && base == ".isort.cfg")) {
      json row = new_row("isort", path, s.line);
      copy_ini(s, {"profile", "line_length", "known_first_party"}, {"known_first_party"}, row);
      linters.push_back(std::move(row));
    } else if ((s.name == "pycodestyle" || s.name == "pep8") && (shared || base == ".pep8")) {
      json row = new_row("pycodestyle", path, s.line);
      copy_ini(s, {"max-line-length", "ignore", "select"}, {"ignore", "select"}, row);
      linters.push_back(std::move(row));
    } else if ((s.name == "yapf" && shared) || (s.name == "style" && base == ".style.yapf")) {
      json row = new_row("yapf", path, s.line);
      copy_ini(s, {"based_on_style", "column_limit"}, {}, row);
      linters.push_back(std::move(row));
    } else if (base == ".pylintrc" || base == "pylintrc") {
      // Every section of a pylintrc is pylint's; one row for the file, settings from whichever section has them.
      json* row = nullptr;
      for (auto& r : linters) {
        if (r["name"] == "pylint" && r["file"] == path) row = &r;
      }
      if (row == nullptr) {
        linters.push_back(new_row("pylint", path, s.line));
        row = &linters.back();
      }
      copy_ini(s, {"max-line-length", "py-version", "disable", "enable", "max-branches", "max-statements"},
               {"disable", "enable"}, *row);
    }
  }
}

}  // namespace

std::string_view base_name(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::vector<ToolRow> formatter_and_linter_configs(const model::Project& project) {
  std::vector<ToolRow> linters, checkers;
  for (const auto& f : project.files) {
    const auto base = base_name(f.path);
    if (f.kind == core::FileKind::pyproject) {
      pyproject_tool_rows(project, f.path, linters, checkers);
    } else if (base == "ruff.toml" || base == ".ruff.toml") {
      const auto* text = project.inputs().text(f.path);
      const auto* parsed = project.inputs().toml(f.path);
      if (text != nullptr && parsed != nullptr && !parsed->error)
        linters.push_back(ruff_row(parsed->table, f.path, 0, *text));
    } else if (base == "setup.cfg" || base == "tox.ini" || base == ".flake8" || base == ".isort.cfg" ||
               base == ".pylintrc" || base == "pylintrc" || base == ".style.yapf" || base == ".pep8") {
      if (const auto* ini = project.inputs().ini(f.path)) read_ini_file(*ini, f.path, base, linters);
    } else if (base == ".editorconfig") {
      if (const auto* ini = project.inputs().ini(f.path)) {
        auto row = editorconfig_row(*ini, f.path);
        if (!row.is_null()) linters.push_back(std::move(row));
      }
    }
  }
  return linters;
}

std::vector<ToolRow> type_checker_configs(const model::Project& project) {
  std::vector<ToolRow> linters, checkers;
  for (const auto& f : project.files) {
    const auto base = base_name(f.path);
    if (f.kind == core::FileKind::pyproject) {
      pyproject_tool_rows(project, f.path, linters, checkers);
    } else if (base == "mypy.ini" || base == ".mypy.ini" || base == "setup.cfg") {
      const auto* ini = project.inputs().ini(f.path);
      if (ini == nullptr) continue;
      if (const auto* main = parse::find_section(ini->sections, "mypy"))
        checkers.push_back(mypy_ini_row(ini->sections, *main, f.path));
    } else if (base == "pyrightconfig.json") {
      const auto* doc = project.inputs().json(f.path);
      if (doc != nullptr && doc->value.is_object()) checkers.push_back(pyright_row("pyright", doc->value, f.path, 0));
    }
  }
  return checkers;
}

std::vector<ToolRow> pre_commit_hooks(const model::Project& project) {
  std::vector<ToolRow> out;
  for (const auto& f : project.files) {
    const auto base = base_name(f.path);
    if (base != ".pre-commit-config.yaml" && base != ".pre-commit-config.yml") continue;
    const auto* yaml = project.inputs().yaml(f.path);
    if (yaml == nullptr || yaml->error) continue;  // a broken file has no hooks to list
    try {
      const YAML::Node& doc = yaml->root;
      if (!doc.IsMap() || !doc["repos"] || !doc["repos"].IsSequence()) continue;
      for (const auto& repo : doc["repos"]) {
        if (!repo.IsMap() || !repo["hooks"] || !repo["hooks"].IsSequence()) continue;
        const std::string url = repo["repo"] && repo["repo"].IsScalar() ? repo["repo"].Scalar() : std::string{};
        const std::string rev = repo["rev"] && repo["rev"].IsScalar() ? repo["rev"].Scalar() : std::string{};
        for (const auto& hook : repo["hooks"]) {
          if (!hook.IsMap() || !hook["id"] || !hook["id"].IsScalar()) continue;
          json row = json::object();
          row["id"] = hook["id"].Scalar();
          if (!url.empty()) row["repo"] = url;
          if (!rev.empty()) row["rev"] = rev;
          if (hook["entry"] && hook["entry"].IsScalar()) row["entry"] = hook["entry"].Scalar();
          row["file"] = f.path;
          row["line"] = static_cast<std::uint32_t>(hook.Mark().line + 1);
          out.push_back(std::move(row));
        }
      }
    } catch (const YAML::Exception&) {
      continue;  // a value of an unexpected type
    }
  }
  return out;
}

}  // namespace onramp::checks::style
