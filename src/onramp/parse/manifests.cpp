#include "onramp/parse/manifests.hpp"

#include <yaml-cpp/yaml.h>
#include "onramp/util/toml.hpp"

#include <algorithm>
#include <cstdio>

#include "onramp/parse/documents.hpp"
#include "onramp/parse/ini.hpp"
#include "onramp/util/paths.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::parse {

namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

/// Where a requirement's name ends and what may follow it: extras, a specifier, markers or `@ url`.
bool valid_after_name(std::string_view rest) {
  rest = util::trim(rest);
  if (rest.empty()) return true;
  const char c = rest.front();
  return c == '[' || c == '(' || c == '<' || c == '>' || c == '=' || c == '!' || c == '~' || c == ';' || c == '@';
}

/// `https://...`, `git+ssh://...`, `file:///...`: a URL requirement (named by `#egg=`), not `name @ url`.
bool starts_with_url(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '+')) ++i;
  return i > 0 && s.substr(i, 3) == "://";
}

std::uint32_t line_of(const toml::node& n) { return static_cast<std::uint32_t>(n.source().begin.line); }

core::Problem toml_problem(const toml::parse_error& err, const std::string& source) {
  const auto& begin = err.source().begin;
  return {source, "broken-manifest", static_cast<std::uint32_t>(begin.line),
          std::string(err.description()) + " (line " + std::to_string(begin.line) + ", column " +
              std::to_string(begin.column) + ")"};
}

Dependency make_dependency(const Requirement& req, std::string group, std::string scope, const std::string& source,
                           std::uint32_t line) {
  Dependency d;
  d.name = req.name;
  d.spec = req.spec;
  d.group = std::move(group);
  d.scope = std::move(scope);
  d.source = source;
  d.line = line;
  d.extras = req.extras;
  d.markers = req.markers;
  d.url = req.url;
  d.pin = req.url.empty() ? interpret_spec(req.spec) : "direct";
  return d;
}

void add_requirement_array(const toml::node* node, const std::string& group, const std::string& scope,
                           const std::string& source, std::vector<Dependency>& out) {
  const auto* arr = node != nullptr ? node->as_array() : nullptr;
  if (arr == nullptr) return;
  for (const auto& item : *arr) {
    const auto* s = item.as_string();
    if (s == nullptr) continue;  // {include-group = ...}: the included group is listed on its own
    const auto req = parse_requirement(s->get());
    if (req.name.empty()) continue;
    out.push_back(make_dependency(req, group, scope, source, line_of(item)));
  }
}

/// Poetry maps names to a version string, a table (`version`, `git`, `path`, `optional`, `extras`), or an array of
/// such tables (one per Python/platform marker).
void add_poetry_table(const toml::node* node, const std::string& group, const std::string& scope,
                      const std::string& source, std::vector<Dependency>& out, std::vector<PythonVersion>* python) {
  const auto* table = node != nullptr ? node->as_table() : nullptr;
  if (table == nullptr) return;
  for (const auto& [key, value] : *table) {
    if (key.str() == "python") {
      if (python != nullptr) {
        if (const auto* s = value.as_string()) python->push_back({s->get(), source, line_of(value), "poetry python"});
      }
      continue;
    }
    Dependency d;
    d.name = normalize_package_name(key.str());
    d.group = group;
    d.scope = scope;
    d.source = source;
    d.line = line_of(value);
    const toml::table* t = value.as_table();
    if (const auto* arr = value.as_array(); arr != nullptr && !arr->empty()) t = (*arr)[0].as_table();
    if (const auto* s = value.as_string()) {
      d.spec = s->get();
    } else if (t != nullptr) {
      if (const auto* v = t->get_as<std::string>("version")) d.spec = v->get();
      for (const char* k : {"git", "path", "url"}) {
        if (const auto* v = t->get_as<std::string>(k)) d.url = v->get();
      }
      if (const auto* e = t->get_as<toml::array>("extras")) {
        for (const auto& x : *e) {
          if (const auto* xs = x.as_string()) d.extras.push_back(xs->get());
        }
      }
      if (const auto* m = t->get_as<std::string>("markers")) d.markers = m->get();
      if (const auto* dev = t->get_as<bool>("develop")) d.editable = dev->get();
      if (const auto* opt = t->get_as<bool>("optional"); opt != nullptr && opt->get() && scope == "main") {
        d.group = "optional";
        d.scope = "extra";
      }
    }
    d.pin = d.url.empty() ? interpret_spec(d.spec) : "direct";
    out.push_back(std::move(d));
  }
}

/// `py311` -> `3.11`.
std::string ruff_version(std::string_view v) {
  if (starts_with(v, "py") && v.size() >= 4) return std::string(v.substr(2, 1)) + "." + std::string(v.substr(3));
  return std::string(v);
}

/// A string or a number (`python_version = 3.11` is valid TOML for mypy) as text.
std::string scalar_text(const toml::node& n) {
  if (const auto* s = n.as_string()) return s->get();
  if (const auto* f = n.as_floating_point()) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", f->get());
    return buf;
  }
  if (const auto* i = n.as_integer()) return std::to_string(i->get());
  return {};
}

std::vector<std::string> string_array(const toml::node* node) {
  std::vector<std::string> out;
  if (const auto* arr = node != nullptr ? node->as_array() : nullptr) {
    for (const auto& x : *arr) {
      if (const auto* s = x.as_string()) out.push_back(s->get());
    }
  }
  return out;
}

bool is_dev_requirements_path(std::string_view source) {
  auto name = util::to_lower(util::base_name(source));
  const auto slash = source.rfind('/');
  std::string dir;
  if (slash != std::string_view::npos) dir = util::to_lower(util::base_name(source.substr(0, slash)));
  for (const char* word : {"dev", "test", "lint", "doc", "ci", "local", "typing", "mypy", "check"}) {
    if (name.find(word) != std::string::npos || dir == word || dir == std::string(word) + "s") return true;
  }
  return false;
}

/// toml++ tables iterate in key order: put dependencies back in file order.
void sort_by_line(std::vector<Dependency>& deps) {
  std::stable_sort(deps.begin(), deps.end(), [](const Dependency& a, const Dependency& b) { return a.line < b.line; });
}

/// Names after `# via` on the lines that follow a pinned requirement in pip-compile output.
struct ViaBlock {
  bool has_file = false;  // `-r requirements.in` or `-c`: declared directly
  bool has_package = false;
};

}  // namespace

std::string normalize_package_name(std::string_view name) {
  std::string out;
  bool sep = false;
  for (char c : name) {
    if (c == '-' || c == '_' || c == '.') {
      sep = true;
      continue;
    }
    if (sep && !out.empty()) out += '-';
    sep = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

Requirement parse_requirement(std::string_view text) {
  Requirement r;
  text = util::trim(text);
  std::size_t i = 0;
  while (i < text.size() && is_name_char(text[i])) ++i;
  if (i == 0) return r;
  auto rest = util::trim(text.substr(i));
  if (!rest.empty() && rest.front() == '[') {
    const auto close = rest.find(']');
    if (close == std::string_view::npos) return r;
    for (auto e : util::split(rest.substr(1, close - 1), ',')) {
      e = util::trim(e);
      if (!e.empty()) r.extras.push_back(normalize_package_name(e));
    }
    rest = util::trim(rest.substr(close + 1));
  }
  if (!valid_after_name(rest)) return r;
  if (const auto semi = rest.find(';'); semi != std::string_view::npos) {
    r.markers = std::string(util::trim(rest.substr(semi + 1)));
    rest = util::trim(rest.substr(0, semi));
  }
  if (!rest.empty() && rest.front() == '@') {
    r.url = std::string(util::trim(rest.substr(1)));
  } else {
    if (rest.size() >= 2 && rest.front() == '(' && rest.back() == ')')
      rest = util::trim(rest.substr(1, rest.size() - 2));
    r.spec = std::string(rest);
  }
  r.name = normalize_package_name(text.substr(0, i));
  return r;
}

std::string interpret_spec(std::string_view spec) {
  spec = util::trim(spec);
  if (spec.empty() || spec == "*") return "unbounded";
  // Poetry `||` is a union: unbounded when any alternative is.
  std::string result = "pinned";
  std::size_t start = 0;
  while (start <= spec.size()) {
    auto bar = spec.find("||", start);
    const auto alt =
        util::trim(spec.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
    bool pinned = false, bounded = false;
    std::string clause;
    for (std::size_t k = 0; k <= alt.size(); ++k) {
      const bool end = k == alt.size() || alt[k] == ',' || alt[k] == ' ';
      // `>= 1.0` with a space: keep the operator with its version
      if (!end || (k < alt.size() && alt[k] == ' ' && !clause.empty() &&
                   clause.find_first_of("0123456789*") == std::string::npos)) {
        if (k < alt.size() && alt[k] != ' ') clause += alt[k];
        continue;
      }
      if (clause.empty()) continue;
      if (starts_with(clause, "===") || (starts_with(clause, "==") && clause.find('*') == std::string::npos)) {
        pinned = true;
      } else if (starts_with(clause, "==") || starts_with(clause, "<") || starts_with(clause, "~=") ||
                 clause[0] == '^' || clause[0] == '~') {
        bounded = true;
      } else if (clause[0] >= '0' && clause[0] <= '9') {
        // Poetry: a bare version is an exact pin, a wildcard one (`1.2.*`) a range
        (clause.find('*') == std::string::npos ? pinned : bounded) = true;
      }
      clause.clear();
    }
    const std::string here = pinned ? "pinned" : bounded ? "bounded" : "unbounded";
    if (here == "unbounded" || (here == "bounded" && result == "pinned")) result = here;
    if (bar == std::string_view::npos) break;
    start = bar + 2;
  }
  return result;
}

Pyproject read_pyproject_file(std::string_view text, const std::string& source, std::vector<core::Problem>& problems) {
  return read_pyproject_file(parse::parse_toml(text, source), source, problems);
}

Pyproject read_pyproject_file(const parse::TomlDocument& parsed, const std::string& source,
                              std::vector<core::Problem>& problems) {
  Pyproject out;
  if (parsed.error) {
    problems.push_back(toml_problem(*parsed.error, source));
    return out;
  }
  const toml::table& doc = parsed.table;
  auto& deps = out.dependencies;
  if (const auto* project = doc["project"].as_table()) {
    if (const auto* n = project->get_as<std::string>("name")) out.name = normalize_package_name(n->get());
    add_requirement_array(project->get("dependencies"), "main", "main", source, deps);
    if (const auto* extras = project->get_as<toml::table>("optional-dependencies")) {
      for (const auto& [extra, list] : *extras)
        add_requirement_array(&list, std::string(extra.str()), "extra", source, deps);
    }
    if (const auto* rp = project->get("requires-python"); rp != nullptr && rp->is_string()) {
      out.python.push_back({rp->as_string()->get(), source, line_of(*rp), "requires-python"});
    }
  }
  if (const auto* groups = doc["dependency-groups"].as_table()) {
    for (const auto& [group, list] : *groups)
      add_requirement_array(&list, std::string(group.str()), "dev", source, deps);
  }
  if (const auto* build = doc["build-system"].as_table()) {
    out.build_system = true;
    add_requirement_array(build->get("requires"), "build", "build", source, deps);
  }
  if (const auto* poetry = doc["tool"]["poetry"].as_table()) {
    out.poetry = true;
    if (out.name.empty()) {
      if (const auto* n = poetry->get_as<std::string>("name")) out.name = normalize_package_name(n->get());
    }
    if (const auto* mode = poetry->get_as<bool>("package-mode"); mode != nullptr && !mode->get()) out.package = false;
    add_poetry_table(poetry->get("dependencies"), "main", "main", source, deps, &out.python);
    add_poetry_table(poetry->get("dev-dependencies"), "dev", "dev", source, deps, nullptr);
    if (const auto* groups = poetry->get_as<toml::table>("group")) {
      for (const auto& [group, body] : *groups) {
        if (const auto* t = body.as_table())
          add_poetry_table(t->get("dependencies"), std::string(group.str()), "dev", source, deps, nullptr);
      }
    }
  }
  if (const auto* uv = doc["tool"]["uv"].as_table()) {
    out.uv = true;
    if (const auto* pkg = uv->get_as<bool>("package"); pkg != nullptr && !pkg->get()) out.package = false;
    add_requirement_array(uv->get("dev-dependencies"), "dev", "dev", source, deps);
    if (const auto* ws = uv->get_as<toml::table>("workspace")) {
      out.workspace_members = string_array(ws->get("members"));
      out.workspace_exclude = string_array(ws->get("exclude"));
    }
    if (const auto* sources = uv->get_as<toml::table>("sources")) {
      for (const auto& [name, src] : *sources) {
        const auto* t = src.as_table();
        if (t == nullptr) continue;
        const auto norm = normalize_package_name(name.str());
        for (auto& d : deps) {
          if (d.name != norm) continue;
          if (const auto* w = t->get_as<bool>("workspace"); w != nullptr && w->get()) {
            d.pin = "workspace";
            continue;
          }
          for (const char* k : {"git", "path", "url"}) {
            if (const auto* v = t->get_as<std::string>(k)) {
              d.url = v->get();
              d.pin = "direct";
            }
          }
          if (const auto* e = t->get_as<bool>("editable")) d.editable = e->get();
        }
      }
    }
  }
  if (const auto* pdm = doc["tool"]["pdm"].as_table()) {
    out.pdm = true;
    if (const auto* dev = pdm->get_as<toml::table>("dev-dependencies")) {
      for (const auto& [group, list] : *dev)
        add_requirement_array(&list, std::string(group.str()), "dev", source, deps);
    }
  }
  if (doc["tool"]["hatch"]["envs"].as_table() != nullptr) out.hatch_envs = true;
  sort_by_line(deps);
  if (const auto* tv = doc["tool"]["ruff"]["target-version"].node(); tv != nullptr && tv->is_string()) {
    out.python.push_back({ruff_version(tv->as_string()->get()), source, line_of(*tv), "ruff target-version"});
  }
  if (const auto* pv = doc["tool"]["mypy"]["python_version"].node()) {
    if (auto v = scalar_text(*pv); !v.empty()) out.python.push_back({v, source, line_of(*pv), "mypy python_version"});
  }
  if (const auto* pv = doc["tool"]["pyright"]["pythonVersion"].node()) {
    if (auto v = scalar_text(*pv); !v.empty()) out.python.push_back({v, source, line_of(*pv), "pyright pythonVersion"});
  }
  return out;
}

std::vector<Dependency> read_pyproject(std::string_view text, const std::string& source,
                                       std::vector<core::Problem>& problems) {
  return read_pyproject_file(text, source, problems).dependencies;
}

RequirementsFile read_requirements_file(std::string_view text, const std::string& source,
                                        std::vector<core::Problem>& problems) {
  RequirementsFile out;
  const bool dev = is_dev_requirements_path(source);
  const auto head = util::to_lower(text.substr(0, 600));
  out.compiled = head.find("autogenerated by pip-compile") != std::string::npos ||
                 head.find("autogenerated by uv via") != std::string::npos;
  std::size_t hashed = 0;
  std::uint32_t line_no = 0;
  std::string logical;
  std::uint32_t logical_start = 0;
  // pip-compile's `# via` block after a requirement: a direct dependency names a file (`-r x.in`), a transitive one only packages
  std::string via_for;
  ViaBlock via;
  bool in_via = false;
  const auto flush_via = [&] {
    if (!via_for.empty() && via.has_package && !via.has_file) out.transitive.push_back(via_for);
    via_for.clear();
    via = {};
    in_via = false;
  };
  const auto note_via = [&](std::string_view names) {
    for (auto n : util::split(names, ',')) {
      n = util::trim(n);
      if (n.empty()) continue;
      if (n[0] == '-') via.has_file = true;
      else via.has_package = true;
    }
  };
  for (auto raw : util::split(text, '\n')) {
    ++line_no;
    std::string_view line = raw;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (logical.empty()) {
      logical_start = line_no;
      const auto t = util::trim(line);
      if (starts_with(t, "#")) {
        const auto c = util::trim(t.substr(1));
        if (starts_with(c, "via")) {
          in_via = true;
          note_via(util::trim(c.substr(3)));
        } else if (in_via) {
          note_via(c);
        }
        continue;
      }
    }
    if (!line.empty() && line.back() == '\\') {
      logical += line.substr(0, line.size() - 1);
      logical += ' ';
      continue;
    }
    logical += line;
    std::string_view req = logical;
    std::string_view comment;
    if (const auto hash = req.find(" #"); hash != std::string_view::npos) {
      comment = util::trim(req.substr(hash + 2));
      req = req.substr(0, hash);
    }
    if (const auto hash = req.find("\t#"); hash != std::string_view::npos) req = req.substr(0, hash);
    req = util::trim(req);
    if (req.empty()) {
      logical.clear();
      continue;
    }
    flush_via();
    if (req[0] == '-') {
      // options: -r/--requirement and -c/--constraint name files; -e is an editable requirement
      const auto sp = req.find_first_of(" =");
      const auto opt = req.substr(0, sp);
      const auto arg = sp == std::string_view::npos ? std::string_view{} : util::trim(req.substr(sp + 1));
      if (opt == "-r" || opt == "--requirement" || opt == "-c" || opt == "--constraint") {
        out.includes.push_back({std::string(arg), opt == "-c" || opt == "--constraint", logical_start});
      } else if (opt == "-e" || opt == "--editable") {
        Dependency d;
        d.url = std::string(arg);
        d.editable = true;
        d.pin = "direct";
        d.group = dev ? "dev" : "main";
        d.scope = dev ? "dev" : "main";
        d.source = source;
        d.line = logical_start;
        if (const auto egg = arg.find("#egg="); egg != std::string_view::npos) {
          d.name = normalize_package_name(arg.substr(egg + 5, arg.find_first_of("&[ ", egg + 5) - (egg + 5)));
        }
        if (!d.name.empty()) out.dependencies.push_back(std::move(d));
      }
      logical.clear();
      continue;
    }
    // options after the requirement: `--hash=...`
    std::string_view body = req;
    if (const auto opt = body.find(" --"); opt != std::string_view::npos) {
      if (body.find("--hash", opt) != std::string_view::npos) ++hashed;
      body = util::trim(body.substr(0, opt));
    }
    if (starts_with_url(body)) {
      // a bare URL or path to an archive: `https://x/y.whl`, `git+https://...#egg=name`
      Dependency d;
      d.url = std::string(body);
      d.pin = "direct";
      d.group = dev ? "dev" : "main";
      d.scope = d.group;
      d.source = source;
      d.line = logical_start;
      if (const auto egg = body.find("#egg="); egg != std::string_view::npos) {
        d.name = normalize_package_name(body.substr(egg + 5, body.find_first_of("&[ ", egg + 5) - (egg + 5)));
      }
      if (!d.name.empty()) out.dependencies.push_back(std::move(d));
    } else if (starts_with(body, ".") || starts_with(body, "/")) {
      // a local path (`.`, `./libs/x`): the project itself or a sibling, nothing to declare
    } else {
      const auto parsed = parse_requirement(body);
      if (parsed.name.empty()) {
        problems.push_back(
            {source, "broken-manifest", logical_start,
             "not a requirement: `" + std::string(body) + "` (line " + std::to_string(logical_start) + ")"});
      } else {
        out.dependencies.push_back(
            make_dependency(parsed, dev ? "dev" : "main", dev ? "dev" : "main", source, logical_start));
        via_for = parsed.name;
        if (starts_with(comment, "via ")) {
          in_via = true;
          note_via(comment.substr(4));
        }
      }
    }
    logical.clear();
  }
  flush_via();
  if (!out.dependencies.empty() && hashed == out.dependencies.size()) out.compiled = true;
  return out;
}

std::vector<Dependency> read_requirements(std::string_view text, const std::string& source) {
  std::vector<core::Problem> ignored;
  return read_requirements_file(text, source, ignored).dependencies;
}

std::vector<Dependency> read_setup_cfg(std::string_view text, const std::string& source,
                                       std::vector<PythonVersion>& python) {
  return read_setup_cfg(text, read_ini(text), source, python);
}

std::vector<Dependency> read_setup_cfg(std::string_view text, const std::vector<IniSection>& sections,
                                       const std::string& source, std::vector<PythonVersion>& python) {
  std::vector<Dependency> out;
  const auto lines = util::split(text, '\n');
  // read_ini joins continuation lines and drops comments: find each item's own line again for the report
  const auto line_of_item = [&](std::uint32_t from, std::string_view item) {
    for (std::size_t i = from == 0 ? 0 : from - 1; i < lines.size(); ++i) {
      if (lines[i].find(item) != std::string_view::npos) return static_cast<std::uint32_t>(i + 1);
    }
    return from;
  };
  const auto add_list = [&](const IniEntry& e, const std::string& group, const std::string& scope) {
    std::uint32_t line = e.line;
    for (auto item : util::split(e.value, '\n')) {
      item = util::trim(item);
      if (item.empty() || item[0] == '#') continue;
      line = line_of_item(line, item);
      // `a, b` on one line is accepted by setuptools too; a marker may hold commas, so only split without one
      const auto parts =
          item.find(';') == std::string_view::npos ? util::split(item, ',') : std::vector<std::string_view>{item};
      for (auto part : parts) {
        const auto req = parse_requirement(part);
        if (!req.name.empty()) out.push_back(make_dependency(req, group, scope, source, line));
      }
    }
  };
  if (const auto* options = find_section(sections, "options")) {
    if (const auto* e = options->find("install_requires")) add_list(*e, "main", "main");
    if (const auto* e = options->find("setup_requires")) add_list(*e, "build", "build");
    if (const auto* e = options->find("tests_require")) add_list(*e, "test", "dev");
    if (const auto* e = options->find("python_requires"))
      python.push_back({std::string(util::trim(e->value)), source, e->line, "python_requires"});
  }
  if (const auto* extras = find_section(sections, "options.extras_require")) {
    for (const auto& e : extras->entries) add_list(e, e.key, "extra");
  }
  if (const auto* mypy = find_section(sections, "mypy")) {
    if (const auto* e = mypy->find("python_version"))
      python.push_back({std::string(util::trim(e->value)), source, e->line, "mypy python_version"});
  }
  return out;
}

std::vector<Dependency> read_pipfile(std::string_view text, const std::string& source,
                                     std::vector<PythonVersion>& python, std::vector<core::Problem>& problems) {
  return read_pipfile(parse::parse_toml(text, source), source, python, problems);
}

std::vector<Dependency> read_pipfile(const parse::TomlDocument& parsed, const std::string& source,
                                     std::vector<PythonVersion>& python, std::vector<core::Problem>& problems) {
  std::vector<Dependency> out;
  if (parsed.error) {
    problems.push_back(toml_problem(*parsed.error, source));
    return out;
  }
  const toml::table& doc = parsed.table;
  for (const auto& [key, body] : doc) {
    const auto section = std::string(key.str());
    if (section == "source" || section == "requires" || section == "scripts" || section == "pipenv") continue;
    const auto* table = body.as_table();
    if (table == nullptr) continue;
    const bool main = section == "packages";
    const bool dev = section == "dev-packages";
    for (const auto& [name, value] : *table) {
      Dependency d;
      d.name = normalize_package_name(name.str());
      d.group = main ? "main" : dev ? "dev" : section;
      d.scope = main ? "main" : "dev";
      d.source = source;
      d.line = line_of(value);
      if (const auto* s = value.as_string()) {
        d.spec = s->get();
      } else if (const auto* t = value.as_table()) {
        if (const auto* v = t->get_as<std::string>("version")) d.spec = v->get();
        for (const char* k : {"git", "path", "file"}) {
          if (const auto* v = t->get_as<std::string>(k)) d.url = v->get();
        }
        if (const auto* e = t->get_as<bool>("editable")) d.editable = e->get();
        if (const auto* m = t->get_as<std::string>("markers")) d.markers = m->get();
        for (const auto& x : string_array(t->get("extras"))) d.extras.push_back(x);
      }
      d.pin = !d.url.empty() ? "direct" : interpret_spec(d.spec);
      out.push_back(std::move(d));
    }
  }
  sort_by_line(out);
  for (const char* k : {"python_version", "python_full_version"}) {
    if (const auto* v = doc["requires"][k].node(); v != nullptr && v->is_string()) {
      python.push_back({v->as_string()->get(), source, line_of(*v), std::string("Pipfile ") + k});
    }
  }
  return out;
}

std::vector<Dependency> read_environment_yml(std::string_view text, const std::string& source,
                                             std::vector<PythonVersion>& python, std::vector<core::Problem>& problems) {
  return read_environment_yml(parse::parse_yaml(text), source, python, problems);
}

std::vector<Dependency> read_environment_yml(const parse::YamlDocument& parsed, const std::string& source,
                                             std::vector<PythonVersion>& python, std::vector<core::Problem>& problems) {
  std::vector<Dependency> out;
  if (parsed.error) {
    const auto line = parsed.error->line;
    problems.push_back({source, "broken-manifest", line,
                        parsed.error->message + " (line " + std::to_string(line) + ", column " +
                            std::to_string(parsed.error->column) + ")"});
    return out;
  }
  try {
    const YAML::Node& doc = parsed.root;
    const YAML::Node deps = doc.IsMap() ? doc["dependencies"] : YAML::Node();
    if (!deps || !deps.IsSequence()) return out;
    for (const auto& item : deps) {
      const auto line = static_cast<std::uint32_t>(item.Mark().line + 1);
      if (item.IsScalar()) {
        // conda: `python=3.11`, `python>=3.10`
        const auto s = item.as<std::string>();
        if (starts_with(s, "python") && s.size() > 6 && !is_name_char(s[6])) {
          auto v = util::trim(std::string_view(s).substr(6));
          if (!v.empty() && v.front() == '=' && (v.size() < 2 || v[1] != '=')) v = v.substr(1);
          python.push_back({std::string(v), source, line, "conda python"});
        }
      } else if (item.IsMap() && item["pip"] && item["pip"].IsSequence()) {
        for (const auto& p : item["pip"]) {
          if (!p.IsScalar()) continue;
          const auto req = parse_requirement(p.as<std::string>());
          if (!req.name.empty())
            out.push_back(make_dependency(req, "main", "main", source, static_cast<std::uint32_t>(p.Mark().line + 1)));
        }
      }
    }
  } catch (const YAML::Exception& e) {
    const auto line = static_cast<std::uint32_t>(e.mark.line + 1);
    problems.push_back(
        {source, "broken-manifest", line,
         e.msg + " (line " + std::to_string(line) + ", column " + std::to_string(e.mark.column + 1) + ")"});
  }
  return out;
}

}  // namespace onramp::parse
